package bt.druk.registry.domain.procurement.sealed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.shared.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BidVerdictTest {

    static final String OCID = "ocds-drk001-2026-0007";
    static final String BID_KEY = "bid:" + OCID + ":1";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final List<KeyPair> holders = List.of(P256.generate(RANDOM), P256.generate(RANDOM), P256.generate(RANDOM));
    private final byte[] document = "bill of quantities".getBytes(StandardCharsets.UTF_8);

    private String bid(String ocid, String supplierId, String documentHash) {
        return new SealedBidContent(ocid, supplierId, "1250000.00", "BTN",
                List.of(new SealedBidContent.Document("boq.pdf", "document-1", documentHash))).toCanonicalJson();
    }

    private BidVerdict open(String bidJson, String lodgedBy) {
        List<byte[]> spkis = holders.stream().map(h -> h.getPublic().getEncoded()).toList();
        SealedEnvelope envelope = EnvelopeSealer.seal(OCID, bidJson, List.of(document), spkis, 2);
        List<KeyShare> shares = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            KeyPair h = holders.get(i - 1);
            shares.add(ShareCipher.decrypt(envelope, i, h.getPrivate(), (ECPublicKey) h.getPublic()));
        }
        return BidVerdict.judge(BID_KEY, OCID, EnvelopeOpener.open(envelope.toCanonicalJson(), envelope.sha256Hex(), shares),
                lodgedBy);
    }

    @Test
    void aWellFormedBidOfItsSupplierOpensWithItsPrice() {
        BidVerdict verdict = open(bid(OCID, "CDB-2026-0101", Bytes.sha256Hex(document)), "CDB-2026-0101");
        assertEquals(BidVerdict.Kind.VALID, verdict.kind());
        assertEquals("bid:ocds-drk001-2026-0007:1 valid 1250000.00 BTN", verdict.line());
    }

    @Test
    void aBidNamingAnotherSupplierOrTenderOrDocumentIsMalformed() {
        String good = Bytes.sha256Hex(document);
        assertEquals("bid:ocds-drk001-2026-0007:1 invalid malformed", open(bid(OCID, "CDB-2026-0102", good), "CDB-2026-0101").line());
        assertTrue(open(bid("ocds-drk001-2026-0008", "CDB-2026-0101", good), null).detail().contains("not " + OCID));
        assertTrue(open(bid(OCID, "CDB-2026-0101", "0".repeat(64)), null).detail().contains("does not have the hash"));
    }

    @Test
    void aHashMismatchIsNamedWithTheChaincodesCode() {
        BidVerdict verdict = BidVerdict.judge(BID_KEY, OCID, EnvelopeOpener.open("{}", "0".repeat(64), List.of()), null);
        assertEquals("bid:ocds-drk001-2026-0007:1 invalid hash-mismatch", verdict.line());
    }

    @Test
    void contentRefusesPricesThatAreNotTheChaincodesForm() {
        for (String price : List.of("0.00", "1250000", "01.00", "-5.00", "1,250.00")) {
            String json = bid(OCID, "CDB-1", Bytes.sha256Hex(document)).replace("1250000.00", price);
            assertThrows(ValidationException.class, () -> SealedBidContent.parse(json), price);
        }
    }
}
