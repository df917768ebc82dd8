package bt.druk.registry.chaincode;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

import com.google.protobuf.ByteString;

/**
 * Real client identities as Fabric CA issues them: an X.509 certificate whose subject CN is the user
 * name and whose extension 1.2.3.4.5.6.7.8.1 holds {@code {"attrs":{...}}}, wrapped in the
 * SerializedIdentity protobuf that the peer passes to chaincode as the creator.
 */
final class TestIdentities {
    static final String FABRIC_ATTRS_OID = "1.2.3.4.5.6.7.8.1";

    /** One identity: what {@code stub.getCreator()} returns. */
    record Identity(String name, String mspId, byte[] creator) {
    }

    private static final KeyPair CA_KEY = keyPair();
    private static final KeyPair USER_KEY = keyPair();
    private static final AtomicLong SERIAL = new AtomicLong(1000);

    // the demo identities of the spec
    static final Identity LAND_CLERK = clerk("land.clerk", "LandMSP", "land", "THIMPHU");
    static final Identity LAND_CLERK2 = clerk("land.clerk2", "LandMSP", "land", "PARO");
    static final Identity PROCUREMENT_CLERK = clerk("procurement.clerk", "ProcurementMSP", "procurement", "THIMPHU");
    /** A procurement clerk of another office, who may not touch Thimphu's tenders. */
    static final Identity PROCUREMENT_CLERK2 = clerk("procurement.clerk2", "ProcurementMSP", "procurement", "PHUENTSHOLING");
    /** The portal's bid box: lodges and withdraws the sealed bids suppliers send on the public pages, nothing else. */
    static final Identity BIDBOX = create("procurement.bidbox", "ProcurementMSP",
            Map.of("role", "bidbox", "register", "procurement", "office", "ONLINE"));
    static final Identity NOTARY_CLERK = clerk("notary.clerk", "JusticeMSP", "notary", "THIMPHU");
    /** A notary of another office, who may not revoke or supersede Thimphu's notarisations. */
    static final Identity NOTARY_CLERK2 = clerk("notary.clerk2", "JusticeMSP", "notary", "PARO");
    static final Identity INSPECTOR = create("inspector", "AuditMSP", Map.of("role", "inspector"));
    static final Identity ADMIN = create("admin", "LandMSP", Map.of("role", "admin"));
    /** Staff of the procurement agency who are not clerks: one of a sealed tender's opening key holders. */
    static final Identity PROCUREMENT_INSPECTOR = create("procurement.opener", "ProcurementMSP", Map.of("role", "inspector"));
    static final Identity JUSTICE_ADMIN = create("justice.admin", "JusticeMSP", Map.of("role", "admin"));
    /** Sets the procurement register's minimum bid period. */
    static final Identity PROCUREMENT_ADMIN = create("procurement.supervisor", "ProcurementMSP", Map.of("role", "admin"));
    /** No attributes extension at all. */
    static final Identity CITIZEN = create("citizen.nobody", "LandMSP", null);

    private TestIdentities() {
    }

    static Identity clerk(String name, String msp, String register, String office) {
        return create(name, msp, Map.of("role", "clerk", "register", register, "office", office));
    }

    /** @param attrs the Fabric CA attributes, or null for a certificate without the attribute extension */
    static Identity create(String name, String mspId, Map<String, String> attrs) {
        try {
            X500Name issuer = new X500Name("CN=ca.druk.test,O=Druk Registry Test,C=BT");
            X500Name subject = new X500Name("CN=" + name + ",OU=client,O=Druk Registry Test,C=BT");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIAL.incrementAndGet()), new Date(1_577_836_800_000L),
                    new Date(2_208_988_800_000L), subject, USER_KEY.getPublic());
            if (attrs != null) {
                Map<String, String> all = new TreeMap<>(attrs);
                all.put("hf.EnrollmentID", name);
                all.put("hf.Type", "client");
                all.put("hf.Affiliation", "");
                builder.addExtension(new ASN1ObjectIdentifier(FABRIC_ATTRS_OID), false,
                        ("{\"attrs\":" + Json.string(all) + "}").getBytes(StandardCharsets.UTF_8));
            }
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                    .build(CA_KEY.getPrivate()));
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(holder.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            byte[] creator = SerializedIdentity.newBuilder().setMspid(mspId).setIdBytes(ByteString.copyFromUtf8(pem))
                    .build().toByteArray();
            return new Identity(name, mspId, creator);
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
            kpg.initialize(new ECGenParameterSpec("secp256r1"));
            return kpg.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
