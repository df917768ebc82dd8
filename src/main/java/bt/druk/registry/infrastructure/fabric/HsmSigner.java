package bt.druk.registry.infrastructure.fabric;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.client.identity.Signer;

/**
 * Signs Fabric digests with an EC P-256 key that stays inside a PKCS#11 token (SoftHSM2 here, a
 * hardware HSM in production). fabric-gateway's own {@code Signers.newPrivateKeySigner} cannot do
 * this: it signs through a Bouncy Castle provider of its own, which needs the key's private value,
 * and a token key has none to give. Here the token computes the raw ECDSA signature
 * ({@code CKM_ECDSA} through the provider's {@code NONEwithECDSA}) over the digest the gateway
 * hands in (it hashes with SHA-256 first), and S is brought to the lower half of the curve order,
 * as Fabric requires and as the gateway's own EC signer does.
 */
public final class HsmSigner implements Signer {

    /** The order n of P-256 (secp256r1). */
    static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    private static final BigInteger HALF_ORDER = P256_ORDER.shiftRight(1);

    private final PrivateKey key;
    private final Provider provider;

    /**
     * @param key      the token's private key, as the PKCS#11 provider's key store returns it
     * @param provider the configured SunPKCS11 provider of that token
     */
    public HsmSigner(PrivateKey key, Provider provider) {
        if (!"EC".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("Fabric identities sign with EC keys, not " + key.getAlgorithm());
        }
        this.key = key;
        this.provider = provider;
    }

    @Override
    public byte[] sign(byte[] digest) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("NONEwithECDSA", provider);
        signature.initSign(key);
        signature.update(digest);
        return lowS(signature.sign());
    }

    /** The DER signature with S replaced by n - S when S is in the upper half of the order. */
    static byte[] lowS(byte[] der) throws GeneralSecurityException {
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(der);
            if (sequence.size() != 2) {
                throw new GeneralSecurityException("not an ECDSA signature: " + sequence.size() + " values");
            }
            BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
            BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
            if (s.compareTo(HALF_ORDER) <= 0) {
                return der;
            }
            ASN1EncodableVector values = new ASN1EncodableVector();
            values.add(new ASN1Integer(r));
            values.add(new ASN1Integer(P256_ORDER.subtract(s)));
            return new DERSequence(values).getEncoded();
        } catch (IOException | IllegalArgumentException e) {
            throw new GeneralSecurityException("not an ECDSA signature: " + e.getMessage(), e);
        }
    }
}
