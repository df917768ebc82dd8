package bt.druk.registry.domain.land;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.Party;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LandTitleJsonBoundaryTest {

    private static final Instant T0 = Instant.parse("2025-11-01T09:00:00Z");
    private static final Owner KARMA = new Owner(new Party("Karma Wangchuk", "10101001234", "00112233445566778899aabbccddeeff"), Share.WHOLE);
    private static final Owner DORJI = new Owner(new Party("Dorji Wangmo", "11506000987", "ffeeddccbbaa99887766554433221100"), Share.parse("1/2"));
    private static final Owner PEMA = new Owner(new Party("Pema Lhamo", "11506000988", "0123456789abcdef0123456789abcdef"), Share.parse("1/2"));

    private static LandTitle.Actor at(Instant when) {
        return new LandTitle.Actor("land.clerk", "THIMPHU", when);
    }

    /** A title with a transfer pending after a discharged mortgage and a released caveat, all salts fixed. */
    static LandTitle pending(Parcel parcel) {
        return LandTitle.registerFirst(parcel, List.of(KARMA), at(T0))
                .registerMortgage("M-1", "Bank of Bhutan", at(T0.plusSeconds(60)))
                .dischargeMortgage("M-1", at(T0.plusSeconds(90)))
                .lodgeCaveat("C-1", "Court order 12/2025", at(T0.plusSeconds(120)))
                .releaseCaveat("C-1", at(T0.plusSeconds(180)))
                .lodgeTransfer(TransferType.SALE, List.of(DORJI, PEMA), Duration.ofDays(30), at(T0.plusSeconds(240)));
    }

    /** A title with a mortgage and a caveat open. */
    static LandTitle encumbered(Parcel parcel) {
        return LandTitle.registerFirst(parcel, List.of(KARMA), at(T0))
                .registerMortgage("M-1", "Bank of Bhutan", at(T0.plusSeconds(60)))
                .lodgeCaveat("C-1", "Court order 12/2025", at(T0.plusMillis(120_123)));
    }

    static Parcel parcel() {
        return new Parcel("TH-1001", "T-77", "Thimphu", "Kawang", new BigDecimal("1.25"), LandType.DRY_LAND);
    }

    /*
     * The canonical documents (RFC 8785, what the record hash is taken over) of the two titles
     * above, printed by the code of main at 348c0a7, before parcels could have a boundary.
     */
    private static final String PENDING_BEFORE = "{\"caveats\":[],\"event\":{\"details\":{\"transferType\":\"SALE\"},\"office\":\"THIMPHU\",\"operation\":\"TRANSFER_LO"
            + "DGED\",\"parties\":{},\"recordedAt\":\"2025-11-01T09:04:00Z\",\"recordedBy\":\"land.clerk\"},\"mortgages\":[],\"ow"
            + "ners\":[{\"party\":\"6c28bfd89d512e046558dea7646c921abb49cc39b0be36fa2a726fd74a647745\",\"share\":\"1\"}],\"pa"
            + "rcel\":{\"areaAcres\":\"1.25\",\"dzongkhag\":\"Thimphu\",\"gewog\":\"Kawang\",\"landType\":\"DRY_LAND\",\"pin\":\"TH-100"
            + "1\",\"thramNo\":\"T-77\"},\"pendingTransfer\":{\"lodgedAt\":\"2025-11-01T09:04:00Z\",\"newOwners\":[{\"party\":\"813"
            + "91e62d23397ac487ec44b4ca010dd6cff335a5d88c273de1955aeb05fc778\",\"share\":\"1/2\"},{\"party\":\"e404c1ec2123"
            + "fe3ee79357eb42523087849ac2697d28511abbb69f1ac9cf3a34\",\"share\":\"1/2\"}],\"noticeEndsAt\":\"2025-12-01T09:"
            + "04:00Z\",\"transferType\":\"SALE\"},\"status\":\"transfer-pending\"}";
    private static final String PENDING_SHA256_BEFORE = "fb866b4e855cf169cc0079fdd21864a7172dcf6d81a4ebb1862067d5674cb782";
    private static final String ENCUMBERED_BEFORE = "{\"caveats\":[{\"lodgedAt\":\"2025-11-01T09:02:00.123Z\",\"reason\":\"Court order 12/2025\",\"ref\":\"C-1\"}],\"eve"
            + "nt\":{\"details\":{\"caveatRef\":\"C-1\"},\"office\":\"THIMPHU\",\"operation\":\"CAVEAT_LODGED\",\"parties\":{},\"reco"
            + "rdedAt\":\"2025-11-01T09:02:00.123Z\",\"recordedBy\":\"land.clerk\"},\"mortgages\":[{\"lender\":\"Bank of Bhutan"
            + "\",\"ref\":\"M-1\",\"registeredAt\":\"2025-11-01T09:01:00Z\"}],\"owners\":[{\"party\":\"6c28bfd89d512e046558dea764"
            + "6c921abb49cc39b0be36fa2a726fd74a647745\",\"share\":\"1\"}],\"parcel\":{\"areaAcres\":\"1.25\",\"dzongkhag\":\"Thim"
            + "phu\",\"gewog\":\"Kawang\",\"landType\":\"DRY_LAND\",\"pin\":\"TH-1001\",\"thramNo\":\"T-77\"},\"pendingTransfer\":null"
            + ",\"status\":\"encumbered\"}";
    private static final String ENCUMBERED_SHA256_BEFORE = "5b1b8a80ad0a9e3ef0507de6aafa470c68641ac9489ac48a814f13f3417ddf24";

    private static final Boundary SURVEYED = Boundary.fromWkt("EPSG:5305",
            "POLYGON ((258500 541800, 258520 541800, 258520 541825.3, 258500 541825.3, 258500 541800))");

    private static Map<String, Party> partiesOf(LandTitle title) {
        Map<String, Party> parties = new HashMap<>();
        title.parties().forEach(p -> parties.put(p.commitment(), p));
        return parties;
    }

    @Test
    void aTitleWithoutABoundaryHasTheDocumentAndHashItHadBefore() {
        String pending = CanonicalJson.canonicalize(LandTitleJson.toJson(pending(parcel())));
        assertEquals(PENDING_BEFORE, pending);
        assertEquals(PENDING_SHA256_BEFORE, CanonicalJson.sha256Hex(pending));
        String encumbered = CanonicalJson.canonicalize(LandTitleJson.toJson(encumbered(parcel())));
        assertEquals(ENCUMBERED_BEFORE, encumbered);
        assertEquals(ENCUMBERED_SHA256_BEFORE, CanonicalJson.sha256Hex(encumbered));
        assertFalse(LandTitleJson.toJson(pending(parcel())).getJsonObject("parcel").containsKey("boundary"));
    }

    @Test
    void aBoundaryAppearsInTheParcelAndRoundTrips() {
        LandTitle title = pending(parcel().withBoundary(SURVEYED));
        JsonObject json = LandTitleJson.toJson(title);
        assertEquals(SURVEYED.canonicalJson(), json.getJsonObject("parcel").getJsonObject("boundary").toString());
        Map<String, Party> parties = partiesOf(title);
        LandTitle back = LandTitleJson.fromJson(json, c -> Optional.ofNullable(parties.get(c)));
        assertEquals(title, back);
        assertEquals(SURVEYED, back.parcel().boundary());
        // and from the canonical (hashed) text too, where 258500.000 is written 258500
        String canonical = CanonicalJson.canonicalize(json);
        assertTrue(canonical.contains("\"boundary\":{\"coordinates\":[[[258500,541800],[258520,541800],[258520,541825.3],"), canonical);
        LandTitle fromCanonical = LandTitleJson.fromJson(Json.createReader(new StringReader(canonical)).readObject(),
                c -> Optional.ofNullable(parties.get(c)));
        assertEquals(title, fromCanonical);
    }

    @Test
    void onePolygonGivenTwoWaysGivesOneHash() {
        Boundary otherWay = Boundary.fromWkt("EPSG:5305",
                "POLYGON ((258520 541825.3, 258520 541800, 258500 541800, 258500 541825.3, 258520 541825.3))");
        String a = CanonicalJson.canonicalize(LandTitleJson.toJson(pending(parcel().withBoundary(SURVEYED))));
        String b = CanonicalJson.canonicalize(LandTitleJson.toJson(pending(parcel().withBoundary(otherWay))));
        assertEquals(CanonicalJson.sha256Hex(a), CanonicalJson.sha256Hex(b));
        assertNotEquals(PENDING_SHA256_BEFORE, CanonicalJson.sha256Hex(a));
    }
}
