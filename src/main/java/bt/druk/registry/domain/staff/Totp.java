package bt.druk.registry.domain.staff;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over HOTP, RFC 4226) as every authenticator app makes them
 * by default: HMAC-SHA1, 6 digits, a 30-second step counted from the Unix epoch. A code is accepted
 * for the step of now and the one before and after (a phone's clock a little off, a code typed as
 * its step ends), and only for a step later than the last one accepted for the account, so a code
 * seen over a shoulder or in a log cannot be used again.
 */
public final class Totp {

    public static final int DIGITS = 6;
    public static final long STEP_SECONDS = 30;
    /** Steps accepted either side of now. */
    public static final int WINDOW = 1;
    public static final String ISSUER = "Druk Registry";

    private Totp() {
    }

    /** The time step an instant falls in (RFC 6238's T). */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The 6-digit code of one step (RFC 4226 section 5.3, dynamic truncation). */
    public static String code(byte[] key, long step) {
        return code(key, step, DIGITS);
    }

    /** The code of one step with a given number of digits (6 to 8; RFC 6238's test vectors use 8). */
    public static String code(byte[] key, long step, int digits) {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("digits: " + digits);
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        int otp = binary % (int) Math.pow(10, digits);
        return String.format("%0" + digits + "d", otp);
    }

    /**
     * The step a typed code belongs to, if it is the code of a step within {@link #WINDOW} of now
     * and later than {@code lastAcceptedStep} (use {@link Long#MIN_VALUE} before the first).
     * Spaces in the typed code are ignored; every candidate is compared in constant time.
     */
    public static OptionalLong match(byte[] key, String typed, Instant now, long lastAcceptedStep) {
        if (typed == null) {
            return OptionalLong.empty();
        }
        String code = typed.replace(" ", "");
        if (!code.matches("[0-9]{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        long found = Long.MIN_VALUE;
        for (long candidate = current - WINDOW; candidate <= current + WINDOW; candidate++) {
            boolean same = java.security.MessageDigest.isEqual(
                    code(key, candidate).getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII));
            if (same && candidate > lastAcceptedStep && found == Long.MIN_VALUE) {
                found = candidate;
            }
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }

    /**
     * The key URI an authenticator app scans (Google Authenticator's key URI format):
     * {@code otpauth://totp/Druk%20Registry:land.clerk?secret=…&issuer=Druk%20Registry&algorithm=SHA1&digits=6&period=30}.
     */
    public static String keyUri(String accountName, TotpSecret secret) {
        String label = encode(ISSUER) + ":" + encode(accountName);
        return "otpauth://totp/" + label + "?secret=" + secret.base32() + "&issuer=" + encode(ISSUER)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
