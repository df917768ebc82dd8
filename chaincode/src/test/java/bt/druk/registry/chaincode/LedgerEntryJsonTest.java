package bt.druk.registry.chaincode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LedgerEntryJsonTest {
    static final String H1 = "1111111111111111111111111111111111111111111111111111111111111111";
    static final String H2 = "2222222222222222222222222222222222222222222222222222222222222222";
    static final TxInfo TX = new TxInfo(new Submitter("LandMSP", "land.clerk"), "abc123",
            Instant.parse("2026-03-01T08:00:00.250Z"), "clerk", "THIMPHU", null);

    private static LedgerEntry title(Map<String, Object> fields) {
        return LedgerEntry.first(Kind.LAND_TITLE, "land-title:PIN-1", H1, "registered", "THIMPHU", TX, fields);
    }

    @Test
    void exactBytesOfALandTitleEntry() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("openMortgages", List.of());
        fields.put("openCaveats", List.of("CAV-1"));
        fields.put("pendingTransfer", null);
        String json = new String(title(fields).toJson(), StandardCharsets.UTF_8);
        assertEquals("{\"hash\":\"" + H1 + "\",\"key\":\"land-title:PIN-1\",\"kind\":\"land-title\","
                + "\"office\":\"THIMPHU\",\"openCaveats\":[\"CAV-1\"],\"openMortgages\":[],\"pendingTransfer\":null,"
                + "\"previousHash\":null,\"register\":\"land\",\"status\":\"registered\","
                + "\"submitter\":{\"mspId\":\"LandMSP\",\"subject\":\"land.clerk\"},\"txId\":\"abc123\","
                + "\"txTime\":\"2026-03-01T08:00:00.250Z\",\"version\":1}", json);
    }

    @Test
    void sameInputGivesIdenticalBytesWhateverTheInsertionOrder() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("openMortgages", List.of("M-1"));
        a.put("openCaveats", List.of());
        a.put("pendingTransfer", Map.of("objected", false, "noticeEndsAt", "2026-03-31T08:00:00Z",
                "lodgedAt", "2026-03-01T08:00:00Z"));
        Map<String, Object> b = new LinkedHashMap<>();
        Map<String, Object> pending = new LinkedHashMap<>();
        pending.put("lodgedAt", "2026-03-01T08:00:00Z");
        pending.put("objected", false);
        pending.put("noticeEndsAt", "2026-03-31T08:00:00Z");
        b.put("pendingTransfer", pending);
        b.put("openCaveats", List.of());
        b.put("openMortgages", List.of("M-1"));
        byte[] x = title(a).toJson();
        byte[] y = title(b).toJson();
        assertArrayEquals(x, y);
        assertArrayEquals(x, title(a).toJson(), "repeatable");
        String s = new String(x, StandardCharsets.UTF_8);
        assertEquals(true, s.contains("\"pendingTransfer\":{\"lodgedAt\":\"2026-03-01T08:00:00Z\",\"noticeEndsAt\":"
                + "\"2026-03-31T08:00:00Z\",\"objected\":false}"), s);
    }

    @Test
    void keysAreSortedAtEveryDepthAndThereIsNoWhitespace() {
        LedgerEntry e = title(Map.of("pendingTransfer", Map.of("z", 1, "a", 2), "openMortgages", List.of()));
        String s = new String(e.toJson(), StandardCharsets.UTF_8);
        assertFalse(s.contains(" ") || s.contains("\n") || s.contains("\t"), s);
        Map<String, Object> parsed = Json.parseObject(e.toJson());
        List<String> keys = List.copyOf(parsed.keySet());
        assertEquals(keys.stream().sorted().toList(), keys);
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) parsed.get("pendingTransfer");
        assertEquals(List.of("a", "z"), List.copyOf(nested.keySet()));
    }

    @Test
    void roundTripPreservesEntryAndBytes() {
        LedgerEntry v1 = title(Map.of("openMortgages", List.of("M-1"), "openCaveats", List.of()));
        LedgerEntry v2 = v1.next(2, H2, "encumbered", TX, Map.of("openCaveats", List.of("C-1")));
        LedgerEntry parsed = LedgerEntry.fromJson(v2.toJson());
        assertEquals(v2, parsed);
        assertArrayEquals(v2.toJson(), parsed.toJson());
        assertEquals(H1, parsed.previousHash());
        assertEquals(List.of("M-1"), parsed.list("openMortgages"));
        assertEquals(List.of("C-1"), parsed.list("openCaveats"));
    }

    @Test
    void eventPayloadIsSortedJson() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("version", 3);
        payload.put("txId", "t");
        payload.put("kind", "tender");
        payload.put("key", "tender:x");
        payload.put("hash", H1);
        assertEquals("{\"hash\":\"" + H1 + "\",\"key\":\"tender:x\",\"kind\":\"tender\",\"txId\":\"t\",\"version\":3}",
                Json.string(payload));
    }

    @Test
    void nonAsciiTextIsWrittenAsUtf8() {
        LedgerEntry e = title(Map.of("reason", "རྒྱལ་ཁབ"));
        byte[] bytes = e.toJson();
        assertEquals(true, new String(bytes, StandardCharsets.UTF_8).contains("\"reason\":\"རྒྱལ་ཁབ\""));
    }

    @Test
    void invariantsAreEnforced() {
        assertThrows(IllegalArgumentException.class, () -> title(Map.of("status", "x")));
        assertThrows(IllegalArgumentException.class, () -> new LedgerEntry("k", "land-title", 2, H1, null, "s", "land",
                "o", TX.submitter(), "t", "t", null));
        assertThrows(IllegalArgumentException.class, () -> new LedgerEntry("k", "land-title", 1, H1, H2, "s", "land",
                "o", TX.submitter(), "t", "t", null));
        assertThrows(IllegalArgumentException.class, () -> title(Map.of("amount", 1.5)));
    }

    @Test
    void entryIsImmutable() {
        LedgerEntry e = title(Map.of("openMortgages", List.of("M-1")));
        assertThrows(UnsupportedOperationException.class, () -> e.fields().put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> e.list("openMortgages").add("M-2"));
    }
}
