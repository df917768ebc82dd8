package bt.druk.registry.domain.procurement.sealed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShamirTest {

    @Test
    void theFieldIsTheAesFieldAsFips197ShowsIt() {
        // FIPS-197 section 4.2: {57} x {83} = {c1}, {57} x {13} = {fe}; section 5.1.1: the inverse of {53} is {ca}.
        assertEquals(0xc1, Shamir.multiply(0x57, 0x83));
        assertEquals(0xfe, Shamir.multiply(0x57, 0x13));
        assertEquals(0xca, Shamir.inverse(0x53));
        for (int a = 1; a < 256; a++) {
            assertEquals(1, Shamir.multiply(a, Shamir.inverse(a)), "inverse of " + a);
        }
    }

    @Test
    void everySetOfKSharesGivesTheSecretBackForEveryKAndNUpToSeven() {
        SecureRandom random = new SecureRandom();
        for (int n = 1; n <= 7; n++) {
            for (int k = 1; k <= n; k++) {
                byte[] secret = new byte[32];
                random.nextBytes(secret);
                List<KeyShare> shares = Shamir.split(secret, k, n, random);
                assertEquals(n, shares.size());
                for (List<KeyShare> subset : subsets(shares, k)) {
                    assertArrayEquals(secret, Shamir.combine(subset), "k=" + k + " n=" + n + " " + subset);
                }
                if (k > 1) {
                    assertFalse(Arrays.equals(secret, Shamir.combine(shares.subList(0, k - 1))), "k-1 shares are not enough");
                }
            }
        }
    }

    @Test
    void fixedCoefficientsGiveTheSharesWorkedByHand() {
        // f(x) = 0x42 + 0x03 x: f(1) = 0x41, f(2) = 0x42 ^ 0x06 = 0x44, f(3) = 0x42 ^ 0x05 = 0x47.
        List<KeyShare> shares = Shamir.split(new byte[] {0x42}, 2, 3, new byte[] {0x03});
        assertEquals("41", HexFormat.of().formatHex(shares.get(0).value()));
        assertEquals("44", HexFormat.of().formatHex(shares.get(1).value()));
        assertEquals("47", HexFormat.of().formatHex(shares.get(2).value()));
    }

    @Test
    void repeatedOrUnequalSharesAreRefused() {
        List<KeyShare> shares = Shamir.split(new byte[32], 2, 3, new SecureRandom());
        assertThrows(IllegalArgumentException.class, () -> Shamir.combine(List.of(shares.get(0), shares.get(0))));
        assertThrows(IllegalArgumentException.class, () -> Shamir.combine(List.of(shares.get(0), new KeyShare(2, new byte[31]))));
        assertThrows(IllegalArgumentException.class, () -> Shamir.combine(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Shamir.split(new byte[32], 3, 2, new SecureRandom()));
    }

    static List<List<KeyShare>> subsets(List<KeyShare> shares, int k) {
        List<List<KeyShare>> out = new ArrayList<>();
        collect(shares, k, 0, new ArrayList<>(), out);
        return out;
    }

    private static void collect(List<KeyShare> shares, int k, int from, List<KeyShare> current, List<List<KeyShare>> out) {
        if (current.size() == k) {
            out.add(List.copyOf(current));
            return;
        }
        for (int i = from; i < shares.size(); i++) {
            current.add(shares.get(i));
            collect(shares, k, i + 1, current, out);
            current.remove(current.size() - 1);
        }
    }
}
