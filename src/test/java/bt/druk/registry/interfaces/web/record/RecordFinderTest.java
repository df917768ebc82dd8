package bt.druk.registry.interfaces.web.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import bt.druk.registry.domain.record.RecordKey;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordFinderTest {

    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final RecordKey LAND = new RecordKey("land-title", "KAW1-1108");
    private static final RecordKey TENDER = new RecordKey("tender", "ocds-drk001-2026-0007");
    private static final RecordKey BID = new RecordKey("bid", "ocds-drk001-2026-0007:2");
    private static final RecordKey NOTARISATION = new RecordKey("notarisation", "2026-000042");

    private final RecordFinder.Lookups lookups = new RecordFinder.Lookups() {
        @Override
        public Optional<RecordKey> recordOfHash(String sha256) {
            return Optional.ofNullable(Map.of(HASH, BID).get(sha256));
        }

        @Override
        public boolean exists(RecordKey key) {
            return Set.of(LAND, TENDER, BID, NOTARISATION).contains(key);
        }

        @Override
        public Optional<RecordKey> tenderNumbered(String tenderNumber) {
            return "DES/2026/007".equalsIgnoreCase(tenderNumber) ? Optional.of(TENDER) : Optional.empty();
        }
    };

    private RecordFinder.Result find(String query) {
        return RecordFinder.find(query, lookups);
    }

    @Test
    void aHashFindsTheRecordWhoseVersionHasIt() {
        assertEquals(new RecordFinder.Found(BID, HASH), find(HASH));
        assertEquals(new RecordFinder.Found(BID, HASH), find("  " + HASH.toUpperCase() + " "), "any case, trimmed");
        assertInstanceOf(RecordFinder.NotFound.class, find("0".repeat(64)));
    }

    @Test
    void anOcidFindsItsTender() {
        assertEquals(new RecordFinder.Found(TENDER, null), find("ocds-drk001-2026-0007"));
        assertEquals(new RecordFinder.Found(TENDER, null), find("OCDS-DRK001-2026-0007"));
        assertInstanceOf(RecordFinder.NotFound.class, find("ocds-drk001-2026-9999"));
    }

    @Test
    void aRecordKeyOfAnyKindFindsItself() {
        assertEquals(new RecordFinder.Found(LAND, null), find("land-title:KAW1-1108"));
        assertEquals(new RecordFinder.Found(TENDER, null), find("tender:ocds-drk001-2026-0007"));
        assertEquals(new RecordFinder.Found(BID, null), find("bid:ocds-drk001-2026-0007:2"));
        assertInstanceOf(RecordFinder.NotFound.class, find("land-title:NOPE-1"));
    }

    @Test
    void aTenderNumberFindsItsTender() {
        assertEquals(new RecordFinder.Found(TENDER, null), find("DES/2026/007"));
        assertEquals(new RecordFinder.Found(TENDER, null), find("des/2026/007"));
    }

    @Test
    void aBarePinFindsItsLandTitle() {
        assertEquals(new RecordFinder.Found(LAND, null), find("KAW1-1108"));
        assertEquals(new RecordFinder.Found(LAND, null), find("kaw1-1108"), "PINs are upper case");
    }

    @Test
    void aNotarisationNumberFindsItsNotarisation() {
        assertEquals(new RecordFinder.Found(NOTARISATION, null), find(" 2026-000042 "));
        assertEquals(new RecordFinder.Found(NOTARISATION, null), find("notarisation:2026-000042"));
        assertInstanceOf(RecordFinder.NotFound.class, find("2026-000043"));
    }

    @Test
    void nothingOrAnythingElse() {
        assertInstanceOf(RecordFinder.Empty.class, find("  "));
        assertInstanceOf(RecordFinder.Empty.class, find(null));
        assertEquals(new RecordFinder.NotFound("no such thing"), find("no such thing"));
        assertInstanceOf(RecordFinder.NotFound.class, find("abc123"), "a short hex string is no hash");
    }
}
