package bt.druk.registry.chaincode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lowercase hex. */
public final class Hashes {
    private Hashes() {
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    public static String sha256Hex(String utf8) {
        return sha256Hex(utf8.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A sealed bid's supplier commitment: SHA-256 of the UTF-8 string
     * {@code "<tenderKey>:<supplierId>:<supplierSalt>"}, e.g.
     * {@code tender:ocds-drk001-T-2026-0042:CDB-2291:k3Jv9mQ1xZ8pL0sT4wYbNa}. A supplier id has no
     * {@code ':'}, so the string splits one way only.
     */
    public static String supplierCommitment(String tenderKey, String supplierId, String supplierSalt) {
        return sha256Hex(tenderKey + ":" + supplierId + ":" + supplierSalt);
    }
}
