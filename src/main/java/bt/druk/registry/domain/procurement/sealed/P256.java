package bt.druk.registry.domain.procurement.sealed;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;

/**
 * NIST P-256 keys as the envelope writes them: a public key as its SPKI DER (a holder's) or as its
 * 65-byte uncompressed point 0x04 || X || Y (an ephemeral one: Web Crypto's "raw" export), every
 * point checked to be on the curve before it is used.
 */
public final class P256 {

    static final ECParameterSpec PARAMS;
    private static final BigInteger P;
    private static final BigInteger B;

    static {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            PARAMS = parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has P-256", e);
        }
        P = ((java.security.spec.ECFieldFp) PARAMS.getCurve().getField()).getP();
        B = PARAMS.getCurve().getB();
    }

    private P256() {
    }

    /** A fresh key pair (holders in tests and the demo; ephemeral keys when sealing). */
    public static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has P-256", e);
        }
    }

    /** A P-256 public key from its SPKI DER, or IllegalArgumentException saying why not. */
    public static ECPublicKey publicKeyFromSpki(byte[] spki) {
        PublicKey key;
        try {
            key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an EC public key (SPKI DER): " + e.getMessage());
        }
        ECPublicKey ec = (ECPublicKey) key;
        if (!ec.getParams().getCurve().equals(PARAMS.getCurve()) || !ec.getParams().getOrder().equals(PARAMS.getOrder())) {
            throw new IllegalArgumentException("not a P-256 key");
        }
        checkOnCurve(ec.getW());
        return ec;
    }

    /** A P-256 private key from its PKCS #8 DER (test vectors, key files). */
    public static PrivateKey privateKeyFromPkcs8(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an EC private key (PKCS #8 DER): " + e.getMessage());
        }
    }

    /** 0x04 || X || Y, each coordinate 32 bytes big-endian. */
    public static byte[] rawPoint(ECPublicKey key) {
        byte[] raw = new byte[65];
        raw[0] = 4;
        copyFixed(key.getW().getAffineX(), raw, 1);
        copyFixed(key.getW().getAffineY(), raw, 33);
        return raw;
    }

    /** The key of an uncompressed point, or IllegalArgumentException if it is not one on P-256. */
    public static ECPublicKey publicKeyFromRawPoint(byte[] raw) {
        if (raw == null || raw.length != 65 || raw[0] != 4) {
            throw new IllegalArgumentException("not an uncompressed P-256 point (65 bytes starting 0x04)");
        }
        ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(raw, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(raw, 33, 65)));
        checkOnCurve(point);
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, PARAMS));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 point: " + e.getMessage());
        }
    }

    /** The ECDH shared secret: the X coordinate of d·Q, 32 bytes (what Web Crypto's deriveBits(256) gives). */
    static byte[] agree(PrivateKey privateKey, ECPublicKey publicKey) {
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(privateKey);
            agreement.doPhase(publicKey, true);
            return agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("ECDH failed: " + e.getMessage());
        }
    }

    /** y^2 = x^3 - 3x + b (mod p), coordinates in [0, p). */
    private static void checkOnCurve(ECPoint point) {
        if (point == null || point.equals(ECPoint.POINT_INFINITY)) {
            throw new IllegalArgumentException("the point at infinity is no public key");
        }
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.signum() < 0 || x.compareTo(P) >= 0 || y.signum() < 0 || y.compareTo(P) >= 0) {
            throw new IllegalArgumentException("point coordinates out of range");
        }
        BigInteger left = y.multiply(y).mod(P);
        BigInteger right = x.pow(3).subtract(x.multiply(BigInteger.valueOf(3))).add(B).mod(P);
        if (!left.equals(right)) {
            throw new IllegalArgumentException("the point is not on P-256");
        }
    }

    private static void copyFixed(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, out, offset + 32 - length, length);
    }
}
