package bt.druk.registry.domain.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B: the SHA-1 seed is the ASCII of "12345678901234567890". */
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Nested
    class Codes {

        /** RFC 6238 appendix B, the SHA-1 rows (8 digits, as there). */
        @Test
        void matchTheRfc6238AppendixBVectors() {
            long[][] rows = {{59L, 94287082}, {1111111109L, 7081804}, {1111111111L, 14050471},
                    {1234567890L, 89005924}, {2000000000L, 69279037}, {20000000000L, 65353130}};
            for (long[] row : rows) {
                long step = Totp.step(Instant.ofEpochSecond(row[0]));
                assertEquals(String.format("%08d", row[1]), Totp.code(RFC_KEY, step, 8), "T = " + row[0]);
            }
        }

        @Test
        void haveSixDigitsByDefaultTheLastSixOfTheEightDigitCode() {
            long step = Totp.step(Instant.ofEpochSecond(1111111109L));
            assertEquals("081804", Totp.code(RFC_KEY, step));
        }

        @Test
        void stepsAreThirtySecondsFromTheEpoch() {
            assertEquals(0, Totp.step(Instant.ofEpochSecond(29)));
            assertEquals(1, Totp.step(Instant.ofEpochSecond(30)));
            assertEquals(37037037, Totp.step(Instant.ofEpochSecond(1111111111L)));
        }
    }

    @Nested
    class Matching {

        private final Instant now = Instant.parse("2026-12-03T06:00:10Z");
        private final long current = Totp.step(now);

        @Test
        void acceptsTheStepOfNowAndOneEitherSideButNotTwo() {
            assertEquals(OptionalLong.of(current), Totp.match(RFC_KEY, Totp.code(RFC_KEY, current), now, Long.MIN_VALUE));
            assertEquals(OptionalLong.of(current - 1), Totp.match(RFC_KEY, Totp.code(RFC_KEY, current - 1), now, Long.MIN_VALUE));
            assertEquals(OptionalLong.of(current + 1), Totp.match(RFC_KEY, Totp.code(RFC_KEY, current + 1), now, Long.MIN_VALUE));
            assertTrue(Totp.match(RFC_KEY, Totp.code(RFC_KEY, current - 2), now, Long.MIN_VALUE).isEmpty());
            assertTrue(Totp.match(RFC_KEY, Totp.code(RFC_KEY, current + 2), now, Long.MIN_VALUE).isEmpty());
        }

        @Test
        void neverAcceptsAStepAtOrBeforeTheLastAcceptedOne() {
            String code = Totp.code(RFC_KEY, current);
            assertTrue(Totp.match(RFC_KEY, code, now, current).isEmpty(), "the same code again is a replay");
            assertTrue(Totp.match(RFC_KEY, Totp.code(RFC_KEY, current - 1), now, current).isEmpty(), "an older one too");
            assertEquals(OptionalLong.of(current + 1), Totp.match(RFC_KEY, Totp.code(RFC_KEY, current + 1), now, current));
        }

        @Test
        void ignoresSpacesAndRefusesWhatIsNotSixDigits() {
            String code = Totp.code(RFC_KEY, current);
            assertTrue(Totp.match(RFC_KEY, code.substring(0, 3) + " " + code.substring(3), now, Long.MIN_VALUE).isPresent());
            assertTrue(Totp.match(RFC_KEY, code.substring(1), now, Long.MIN_VALUE).isEmpty());
            assertTrue(Totp.match(RFC_KEY, "12345a", now, Long.MIN_VALUE).isEmpty());
            assertTrue(Totp.match(RFC_KEY, null, now, Long.MIN_VALUE).isEmpty());
        }

        @Test
        void refusesTheCodeOfAnotherSecret() {
            byte[] other = TotpSecret.random(new SecureRandom()).key();
            String code = Totp.code(other, current);
            boolean collides = code.equals(Totp.code(RFC_KEY, current - 1)) || code.equals(Totp.code(RFC_KEY, current))
                    || code.equals(Totp.code(RFC_KEY, current + 1));
            assertEquals(collides, Totp.match(RFC_KEY, code, now, Long.MIN_VALUE).isPresent());
        }
    }

    @Nested
    class Secrets {

        @Test
        void aNewSecretHas160RandomBitsInBase32() {
            TotpSecret secret = TotpSecret.random(new SecureRandom());
            assertEquals(20, secret.key().length);
            assertEquals(32, secret.base32().length());
            assertTrue(secret.base32().matches("[A-Z2-7]{32}"));
            assertFalse(TotpSecret.random(new SecureRandom()).equals(secret));
            assertFalse(secret.toString().contains(secret.base32()), "a secret is never printed");
        }

        @Test
        void theKeyUriNamesTheIssuerAndTheAccount() {
            TotpSecret secret = new TotpSecret("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
            assertEquals("otpauth://totp/Druk%20Registry:land.clerk?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                    + "&issuer=Druk%20Registry&algorithm=SHA1&digits=6&period=30", Totp.keyUri("land.clerk", secret));
        }
    }

    /**
     * The same codes as an implementation that is not ours: Debian's {@code oathtool} (OATH Toolkit),
     * which .ci/run installs. Fails, not skips, when it is missing, so CI cannot pass without it.
     */
    @Nested
    class AgainstOathtool {

        @Test
        void oathtoolComputesTheSameCodesForRandomSecretsAndTimes() throws Exception {
            SecureRandom random = new SecureRandom();
            for (int i = 0; i < 5; i++) {
                TotpSecret secret = TotpSecret.random(random);
                long epoch = 1_700_000_000L + random.nextInt(200_000_000);
                String theirs = oathtool("--totp", "-b", "-N", "@" + epoch, secret.base32());
                assertEquals(theirs, Totp.code(secret.key(), Totp.step(Instant.ofEpochSecond(epoch))),
                        "secret " + secret.base32() + " at " + epoch);
            }
        }

        private String oathtool(String... args) throws IOException, InterruptedException {
            String[] command = new String[args.length + 1];
            command[0] = "oathtool";
            System.arraycopy(args, 0, command, 1, args.length);
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new AssertionError("oathtool is required for this test (Debian package oathtool; .ci/run installs it)", e);
            }
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "oathtool did not finish");
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            assertEquals(0, process.exitValue(), out);
            return out;
        }
    }
}
