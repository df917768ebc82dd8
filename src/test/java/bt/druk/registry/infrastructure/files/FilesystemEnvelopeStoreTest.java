package bt.druk.registry.infrastructure.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.procurement.EnvelopeStore;
import bt.druk.registry.domain.record.CanonicalJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemEnvelopeStoreTest {

    static final String TEXT = "{\"format\":\"druk-sealed-bid/2\",\"ocid\":\"ocds-drk001-2026-000001\"}";
    static final String SHA = CanonicalJson.sha256Hex(TEXT);

    @TempDir
    Path dir;

    FilesystemEnvelopeStore store() {
        return new FilesystemEnvelopeStore(dir);
    }

    void storedAt(String sha256, Instant when) throws Exception {
        Files.setLastModifiedTime(dir.resolve(sha256 + ".json"), FileTime.from(when));
    }

    @Test
    void anEnvelopeIsStoredUnderItsHashWhereDrukVerifyLooks() throws Exception {
        assertEquals(SHA, store().put(TEXT));
        assertEquals(TEXT, Files.readString(dir.resolve(SHA + ".json")));
        assertEquals(Optional.of(TEXT), store().get(SHA));
        assertEquals(Optional.empty(), store().get("0".repeat(64)));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve(SHA + ".json")), files.toList(), "no temp file is left");
        }
    }

    @Test
    void storingTheSameTextAgainWritesItAgainAndMakesItNewlyStored() throws Exception {
        FilesystemEnvelopeStore store = store();
        store.put(TEXT);
        Instant old = Instant.now().minus(Duration.ofDays(3));
        storedAt(SHA, old);
        Files.writeString(dir.resolve(SHA + ".json"), "tampered");

        store.put(TEXT);
        assertEquals(Optional.of(TEXT), store.get(SHA));
        assertTrue(store.storedAt(SHA).orElseThrow().isAfter(old.plus(Duration.ofDays(2))));
    }

    @Test
    void theListGivesEachEnvelopeWithWhenItWasLastStoredAndNothingElse() throws Exception {
        FilesystemEnvelopeStore store = store();
        store.put(TEXT);
        Instant when = Instant.parse("2026-01-02T03:04:05Z");
        storedAt(SHA, when);
        Files.writeString(dir.resolve("envelope-123.part"), "half an envelope");
        Files.writeString(dir.resolve("notes.json"), "{}");

        assertEquals(List.of(new EnvelopeStore.Stored(SHA, when)), store.list());
        assertEquals(List.of(), new FilesystemEnvelopeStore(dir.resolve("never-made")).list());
    }

    @Test
    void aTempFileAStoppedPortalLeftIsDeletedOnceItIsOldAndOneBeingWrittenIsKept() throws Exception {
        Path leftover = Files.writeString(dir.resolve("envelope-111.part"), "half an envelope from a crash");
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minus(FilesystemEnvelopeStore.UNFINISHED).minusSeconds(60)));
        Path writing = Files.writeString(dir.resolve("envelope-222.part"), "an envelope being written");

        assertEquals(List.of(), store().list());
        assertFalse(Files.exists(leftover));
        assertTrue(Files.exists(writing));
    }

    @Test
    void onlyAnEnvelopeStoredBeforeTheCutoffIsRemoved() throws Exception {
        FilesystemEnvelopeStore store = store();
        store.put(TEXT);
        Instant when = Instant.now().minus(Duration.ofHours(2));
        storedAt(SHA, when);

        assertFalse(store.removeIfStoredBefore(SHA, when), "stored at the cutoff");
        assertTrue(store.get(SHA).isPresent());
        assertTrue(store.removeIfStoredBefore(SHA, when.plusSeconds(1)));
        assertEquals(Optional.empty(), store.get(SHA));
        assertEquals(Optional.empty(), store.storedAt(SHA));
        assertFalse(store.removeIfStoredBefore(SHA, when.plusSeconds(1)), "gone already");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing set aside is left");
        }
    }

    @Test
    void anEnvelopeARemovalSetAsideWhenThePortalStoppedIsPutBackForTheNextSweepToDecide() throws Exception {
        FilesystemEnvelopeStore store = store();
        store.put(TEXT);
        Files.move(dir.resolve(SHA + ".json"), dir.resolve(SHA + ".json.removing-42"));
        String other = store.put("{\"another\":1}");
        Files.copy(dir.resolve(other + ".json"), dir.resolve(other + ".json.removing-43"));

        assertEquals(List.of(SHA, other).stream().sorted().toList(), store.list().stream().map(EnvelopeStore.Stored::sha256).toList());
        assertEquals(Optional.of(TEXT), store.get(SHA));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "the copy of an envelope stored again meanwhile is dropped");
        }
    }
}
