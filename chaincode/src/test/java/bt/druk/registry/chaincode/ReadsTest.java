package bt.druk.registry.chaincode;

import static bt.druk.registry.chaincode.Harness.h;
import static bt.druk.registry.chaincode.TestIdentities.INSPECTOR;
import static bt.druk.registry.chaincode.TestIdentities.LAND_CLERK;
import static bt.druk.registry.chaincode.TestIdentities.NOTARY_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import bt.druk.registry.chaincode.Harness.Step;

class ReadsTest {
    Harness hx;
    RegistryContract cc;

    @BeforeEach
    void setUp() {
        hx = new Harness();
        cc = hx.contract;
    }

    @Test
    void getRecordReturnsTheLedgerBytesOrNotFound() {
        hx.submit(LAND_CLERK, c -> cc.registerTitle(c, "land-title:A1", h("a"), "THIMPHU", "Thimphu"));
        assertEquals(hx.fabric.stateText("land-title:A1"), hx.evaluate(INSPECTOR, c -> cc.getRecord(c, "land-title:A1")));
        hx.refused(ErrorCode.NOT_FOUND, INSPECTOR, c -> cc.getRecord(c, "land-title:A2"));
        hx.refused(ErrorCode.INVALID_ARGUMENT, INSPECTOR, c -> cc.getRecord(c, "config:noticePeriodSeconds"));
        hx.refused(ErrorCode.INVALID_ARGUMENT, INSPECTOR, c -> cc.getRecord(c, ""));
    }

    @Test
    void historyIsOldestFirstWithEntries() {
        String key = "land-title:H1";
        hx.submit(LAND_CLERK, c -> cc.registerTitle(c, key, h("v1"), "THIMPHU", "Thimphu"));
        hx.advance(Duration.ofMinutes(5));
        Step s2 = hx.step(key);
        hx.submit(LAND_CLERK, c -> cc.registerMortgage(c, key, s2.version(), s2.hash(), s2.previousHash(), "M-1"));
        hx.advance(Duration.ofMinutes(5));
        Step s3 = hx.step(key);
        hx.submit(LAND_CLERK, c -> cc.dischargeMortgage(c, key, s3.version(), s3.hash(), s3.previousHash(), "M-1"));

        List<Object> items = parseArray(hx.evaluate(INSPECTOR, c -> cc.getHistory(c, key)));
        assertEquals(3, items.size());
        int expectedVersion = 1;
        for (Object o : items) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) o;
            assertEquals(List.of("isDelete", "timestamp", "txId", "value"), new ArrayList<>(item.keySet()));
            assertEquals(false, item.get("isDelete"));
            @SuppressWarnings("unchecked")
            Map<String, Object> value = (Map<String, Object>) item.get("value");
            assertEquals(expectedVersion, value.get("version"));
            assertEquals(item.get("txId"), value.get("txId"));
            expectedVersion++;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) items.get(0);
        assertEquals("2026-03-01T08:00:00Z", first.get("timestamp"));
        assertEquals("tx0001", first.get("txId"));
        assertNull(((Map<?, ?>) first.get("value")).get("previousHash"));
        assertEquals(0, hx.fabric.openIterators);
    }

    @Test
    void historyOfUnknownKeyIsNotFound() {
        hx.refused(ErrorCode.NOT_FOUND, INSPECTOR, c -> cc.getHistory(c, "land-title:none"));
    }

    @Test
    void findByHashListsEveryVersionCarryingTheHash() {
        String shared = h("same bytes");
        hx.submit(LAND_CLERK, c -> cc.registerTitle(c, "land-title:B", shared, "THIMPHU", "Thimphu"));
        hx.submit(LAND_CLERK, c -> cc.registerTitle(c, "land-title:A", shared, "THIMPHU", "Thimphu"));
        hx.submit(NOTARY_CLERK, c -> cc.registerNotarisation(c, "notarisation:9", h("n9"), shared, "THIMPHU"));
        assertEquals("[{\"key\":\"land-title:A\",\"version\":1},{\"key\":\"land-title:B\",\"version\":1},"
                + "{\"key\":\"notarisation:9\",\"version\":1}]", hx.evaluate(INSPECTOR, c -> cc.findByHash(c, shared)));
        assertEquals("[]", hx.evaluate(INSPECTOR, c -> cc.findByHash(c, h("unknown"))));
        hx.refused(ErrorCode.INVALID_ARGUMENT, INSPECTOR, c -> cc.findByHash(c, shared.toUpperCase()));
        assertEquals(0, hx.fabric.openIterators);
    }

    @Test
    void findByHashOrdersVersionsNumerically() {
        String key = "land-title:V";
        hx.submit(LAND_CLERK, c -> cc.registerTitle(c, key, h("v1"), "THIMPHU", "Thimphu"));
        // alternate the same two hashes so that versions 2..11 carry them: index order would put "10" before "2"
        for (int i = 2; i <= 11; i++) {
            Step s = hx.step(key);
            String ref = "M-" + i;
            String hash = i % 2 == 0 ? h("even") : h("odd");
            if (i % 2 == 0) {
                hx.submit(LAND_CLERK, c -> cc.registerMortgage(c, key, s.version(), hash, s.previousHash(), ref));
            } else {
                String prevRef = "M-" + (i - 1);
                hx.submit(LAND_CLERK, c -> cc.dischargeMortgage(c, key, s.version(), hash, s.previousHash(), prevRef));
            }
        }
        assertEquals("[{\"key\":\"land-title:V\",\"version\":2},{\"key\":\"land-title:V\",\"version\":4},"
                + "{\"key\":\"land-title:V\",\"version\":6},{\"key\":\"land-title:V\",\"version\":8},"
                + "{\"key\":\"land-title:V\",\"version\":10}]", hx.evaluate(INSPECTOR, c -> cc.findByHash(c, h("even"))));
    }

    @Test
    void listRecordsPaginatesWithBookmark() {
        for (int i = 1; i <= 5; i++) {
            String key = "land-title:P" + i;
            hx.submit(LAND_CLERK, c -> cc.registerTitle(c, key, h(key), "THIMPHU", "Thimphu"));
        }
        // other kinds and index entries must not leak into the land-title listing
        hx.submit(NOTARY_CLERK, c -> cc.registerNotarisation(c, "notarisation:1", h("n"), h("d"), "THIMPHU"));

        Map<String, Object> page1 = parseObject(hx.evaluate(INSPECTOR, c -> cc.listRecords(c, "land-title", "2", "")));
        assertEquals(List.of("land-title:P1", "land-title:P2"), keys(page1));
        assertEquals("land-title:P3", page1.get("bookmark"));
        String b1 = (String) page1.get("bookmark");
        Map<String, Object> page2 = parseObject(hx.evaluate(INSPECTOR, c -> cc.listRecords(c, "land-title", "2", b1)));
        assertEquals(List.of("land-title:P3", "land-title:P4"), keys(page2));
        String b2 = (String) page2.get("bookmark");
        Map<String, Object> page3 = parseObject(hx.evaluate(INSPECTOR, c -> cc.listRecords(c, "land-title", "2", b2)));
        assertEquals(List.of("land-title:P5"), keys(page3));
        assertEquals("", page3.get("bookmark"));

        Map<String, Object> notarisations = parseObject(hx.evaluate(INSPECTOR, c -> cc.listRecords(c, "notarisation", "100", "")));
        assertEquals(List.of("notarisation:1"), keys(notarisations));
        assertEquals(0, hx.fabric.openIterators);
        assertTrue(hx.fabric.iteratorsOpened >= 4);
    }

    @Test
    void listRecordsValidatesArguments() {
        hx.refused(ErrorCode.INVALID_ARGUMENT, INSPECTOR, c -> cc.listRecords(c, "land-title", "0", ""));
        hx.refused(ErrorCode.INVALID_ARGUMENT, INSPECTOR, c -> cc.listRecords(c, "land-title", "101", ""));
        hx.refused(ErrorCode.INVALID_ARGUMENT, INSPECTOR, c -> cc.listRecords(c, "land-title", "ten", ""));
        hx.refused(ErrorCode.INVALID_ARGUMENT, INSPECTOR, c -> cc.listRecords(c, "config", "10", ""));
        assertEquals("{\"bookmark\":\"\",\"records\":[]}", hx.evaluate(INSPECTOR, c -> cc.listRecords(c, "anchor", "100", "")));
    }

    @Test
    void paginatedQueryInASubmitThatWritesWouldFail() {
        // guards the fake: Fabric allows pagination only in read-only transactions
        hx.submit(LAND_CLERK, c -> cc.registerTitle(c, "land-title:Q", h("q"), "THIMPHU", "Thimphu"));
        assertThrows(AssertionError.class, () -> hx.submit(LAND_CLERK, c -> {
            cc.listRecords(c, "land-title", "10", "");
            return cc.registerTitle(c, "land-title:R", h("r"), "THIMPHU", "Thimphu");
        }));
    }

    @SuppressWarnings("unchecked")
    private static List<String> keys(Map<String, Object> page) {
        List<String> keys = new ArrayList<>();
        for (Object r : (List<Object>) page.get("records")) {
            keys.add((String) ((Map<String, Object>) r).get("key"));
        }
        return keys;
    }

    private static Map<String, Object> parseObject(String json) {
        return Json.parseObject(json.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> parseArray(String json) {
        return (List<Object>) Json.parseObject(("{\"a\":" + json + "}").getBytes(StandardCharsets.UTF_8)).get("a");
    }
}
