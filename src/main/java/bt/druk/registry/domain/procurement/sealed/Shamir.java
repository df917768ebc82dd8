package bt.druk.registry.domain.procurement.sealed;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Shamir's k-of-n secret sharing (1979), byte by byte over GF(2^8) with the AES polynomial
 * x^8 + x^4 + x^3 + x + 1 (0x11B): for each byte s of the secret a polynomial
 * f(x) = s + a1 x + ... + a(k-1) x^(k-1) with random coefficients, and share i holds f(i) for
 * every byte. Any k shares give f(0) back by Lagrange interpolation; fewer say nothing about it.
 */
public final class Shamir {

    private Shamir() {
    }

    /** Shares 1..n of the secret, any k of which rebuild it; coefficients from the random source. */
    public static List<KeyShare> split(byte[] secret, int k, int n, SecureRandom random) {
        checkThreshold(k, n);
        byte[] coefficients = new byte[secret.length * (k - 1)];
        random.nextBytes(coefficients);
        return split(secret, k, n, coefficients);
    }

    /**
     * Shares with given coefficients: byte b's coefficient a(j) (j = 1..k-1) is
     * {@code coefficients[b * (k - 1) + j - 1]}. Only the seal's randomness and the tests call this.
     */
    static List<KeyShare> split(byte[] secret, int k, int n, byte[] coefficients) {
        checkThreshold(k, n);
        if (secret.length == 0) {
            throw new IllegalArgumentException("nothing to split");
        }
        if (coefficients.length != secret.length * (k - 1)) {
            throw new IllegalArgumentException("need " + secret.length * (k - 1) + " coefficient bytes");
        }
        List<KeyShare> shares = new ArrayList<>(n);
        for (int x = 1; x <= n; x++) {
            byte[] value = new byte[secret.length];
            for (int b = 0; b < secret.length; b++) {
                // Horner's rule from the highest coefficient down to the secret byte.
                int y = 0;
                for (int j = k - 1; j >= 1; j--) {
                    y = multiply(y, x) ^ (coefficients[b * (k - 1) + j - 1] & 0xff);
                }
                value[b] = (byte) (multiply(y, x) ^ (secret[b] & 0xff));
            }
            shares.add(new KeyShare(x, value));
        }
        return shares;
    }

    /**
     * The secret from these shares (at least as many as the threshold they were made with; this
     * method cannot know it, so pass exactly k to get the secret and not a wrong value).
     *
     * @throws IllegalArgumentException for no shares, repeated indices or values of unequal length
     */
    public static byte[] combine(List<KeyShare> shares) {
        if (shares.isEmpty()) {
            throw new IllegalArgumentException("no shares");
        }
        Set<Integer> seen = new HashSet<>();
        int length = shares.get(0).value().length;
        for (KeyShare share : shares) {
            if (!seen.add(share.index())) {
                throw new IllegalArgumentException("share " + share.index() + " is given twice");
            }
            if (share.value().length != length) {
                throw new IllegalArgumentException("share " + share.index() + " has " + share.value().length
                        + " bytes, share " + shares.get(0).index() + " has " + length);
            }
        }
        return evaluate(shares, 0);
    }

    /** The interpolated polynomials' values at x (x = 0: the secret; x = j: share j again). */
    static byte[] evaluate(List<KeyShare> shares, int x) {
        int length = shares.get(0).value().length;
        byte[][] values = new byte[shares.size()][];
        int[] basis = new int[shares.size()];
        for (int i = 0; i < shares.size(); i++) {
            values[i] = shares.get(i).value();
            // Lagrange basis l_i(x) = prod over j != i of (x - x_j) / (x_i - x_j); minus is XOR here.
            int numerator = 1;
            int denominator = 1;
            int xi = shares.get(i).index();
            for (int j = 0; j < shares.size(); j++) {
                if (j != i) {
                    int xj = shares.get(j).index();
                    numerator = multiply(numerator, x ^ xj);
                    denominator = multiply(denominator, xi ^ xj);
                }
            }
            basis[i] = multiply(numerator, inverse(denominator));
        }
        byte[] out = new byte[length];
        for (int b = 0; b < length; b++) {
            int sum = 0;
            for (int i = 0; i < values.length; i++) {
                sum ^= multiply(values[i][b] & 0xff, basis[i]);
            }
            out[b] = (byte) sum;
        }
        return out;
    }

    /** Product in GF(2^8) modulo 0x11B (shift and add, reducing whenever x^8 appears). */
    static int multiply(int a, int b) {
        int product = 0;
        while (b != 0) {
            if ((b & 1) != 0) {
                product ^= a;
            }
            a <<= 1;
            if ((a & 0x100) != 0) {
                a ^= 0x11B;
            }
            b >>= 1;
        }
        return product;
    }

    /** a^254 = a^-1 for a != 0 (the multiplicative group has 255 elements). */
    static int inverse(int a) {
        if (a == 0) {
            throw new ArithmeticException("0 has no inverse");
        }
        int result = 1;
        int base = a;
        for (int e = 254; e != 0; e >>= 1) {
            if ((e & 1) != 0) {
                result = multiply(result, base);
            }
            base = multiply(base, base);
        }
        return result;
    }

    private static void checkThreshold(int k, int n) {
        if (k < 1 || n < k || n > 255) {
            throw new IllegalArgumentException("need 1 <= k <= n <= 255, not k=" + k + ", n=" + n);
        }
    }
}
