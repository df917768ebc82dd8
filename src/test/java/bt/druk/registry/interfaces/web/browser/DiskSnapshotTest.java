package bt.druk.registry.interfaces.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSnapshotTest {

    @TempDir
    Path dir;

    @Test
    void aTextInsideABinaryFileIsFoundAtItsByteOffsetInTheCopyTakenThen() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data/envelopes"));
        byte[] store = new byte[10_000];
        new Random(7).nextBytes(store);
        byte[] price = "\"price\":\"༤༣,༨༡༧.༥༠\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(price, 0, store, 4321, price.length);
        Path db = Files.write(dir.resolve("data/druk.mv.db"), store);
        Files.writeString(data.resolve("a.json"), "{\"ocid\":\"ocds-x-1\"}");
        Path log = Files.writeString(dir.resolve("payara.log"), "booted\n");

        DiskSnapshot disk = DiskSnapshot.take(dir.resolve("snapshot"), List.of(dir.resolve("data"), log, dir.resolve("absent")));
        Files.writeString(log, "written after the snapshot: ocds-x-1\n");

        assertEquals(3, disk.originals().size(), "an absent place is skipped");
        assertEquals(10_000 + 19 + 7, disk.bytes());
        List<DiskSnapshot.Hit> hits = disk.find(List.of("\"price\":\"༤༣,༨༡༧.༥༠\"", "ocds-x-1", "nowhere"));
        assertEquals(2, hits.size(), hits.toString());
        DiskSnapshot.Hit inStore = hits.stream().filter(h -> h.text().startsWith("\"price")).findFirst().orElseThrow();
        assertEquals(db.toAbsolutePath().normalize(), inStore.original());
        assertEquals(4321, inStore.offset());
        DiskSnapshot.Hit inEnvelope = hits.stream().filter(h -> h.text().equals("ocds-x-1")).findFirst().orElseThrow();
        assertTrue(inEnvelope.original().endsWith("data/envelopes/a.json"), "not in the log written later: " + hits);
    }
}
