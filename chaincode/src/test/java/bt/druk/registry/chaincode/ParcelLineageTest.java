package bt.druk.registry.chaincode;

import static bt.druk.registry.chaincode.Harness.h;
import static bt.druk.registry.chaincode.TestIdentities.INSPECTOR;
import static bt.druk.registry.chaincode.TestIdentities.LAND_CLERK;
import static bt.druk.registry.chaincode.TestIdentities.LAND_CLERK2;
import static bt.druk.registry.chaincode.TestIdentities.NOTARY_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import bt.druk.registry.chaincode.Harness.Step;

/**
 * Parcel facts on the ledger, and subdivision, merger and boundary adjustment with the lineage
 * enforced by the chaincode: one transaction each, every refusal writing nothing.
 */
class ParcelLineageTest {
    static final String PARENT = "land-title:PIN-200";
    static final String OTHER = "land-title:PIN-300";
    static final String CHILD1 = "land-title:PIN-201";
    static final String CHILD2 = "land-title:PIN-202";
    static final String MERGED = "land-title:PIN-400";
    static final String OWNERS = h("owners: Dorji 1/2, Pema 1/2");
    static final String OTHER_OWNERS = h("owners: Karma 1/1");
    static final String BOUNDARY = h("boundary of PIN-200");

    Harness hx;
    RegistryContract cc;

    @BeforeEach
    void setUp() {
        hx = new Harness();
        cc = hx.contract;
    }

    // ---------------------------------------------------------------- arguments

    static Map<String, Object> facts(String area, String landType, String owners) {
        Map<String, Object> m = new TreeMap<>();
        m.put("areaDecimals", area);
        m.put("landType", landType);
        m.put("boundarySha256", null);
        m.put("ownersDigest", owners);
        return m;
    }

    static String factsJson(String area, String landType, String owners) {
        return Json.string(facts(area, landType, owners));
    }

    static Map<String, Object> child(String key, String area, String landType, String owners, String... mortgages) {
        Map<String, Object> m = new TreeMap<>();
        m.put("key", key);
        m.put("hash", h(key + "#v1"));
        m.put("facts", facts(area, landType, owners));
        m.put("openMortgages", List.of(mortgages));
        return m;
    }

    static Map<String, Object> dryChild(String key, String area, String... mortgages) {
        return child(key, area, "DRY_LAND", OWNERS, mortgages);
    }

    void register(String key, String area, String landType, String owners) {
        register(key, "Thimphu", area, landType, owners);
    }

    void register(String key, String dzongkhag, String area, String landType, String owners) {
        hx.submit(LAND_CLERK, c -> cc.registerParcel(c, key, h(key + "#v1"), "THIMPHU", dzongkhag,
                factsJson(area, landType, owners)));
    }

    String subdivide(Step s, Object... children) {
        return hx.submit(LAND_CLERK, c -> cc.subdivideParcel(c, PARENT, s.version(), s.hash(), s.previousHash(),
                Json.string(List.of(children))));
    }

    RegistryException refusedSubdivision(ErrorCode code, Object... children) {
        Step s = hx.step(PARENT);
        return hx.refused(code, LAND_CLERK, c -> cc.subdivideParcel(c, PARENT, s.version(), s.hash(), s.previousHash(),
                Json.string(List.of(children))));
    }

    /** One parent of a merger or one parcel of an adjustment: its next version as a JSON object. */
    Map<String, Object> next(String key) {
        Step s = hx.step(key);
        Map<String, Object> m = new TreeMap<>();
        m.put("key", key);
        m.put("version", Integer.parseInt(s.version()));
        m.put("hash", s.hash());
        m.put("previousHash", s.previousHash());
        return m;
    }

    Map<String, Object> adjusted(String key, String area, String landType, String owners) {
        Map<String, Object> m = next(key);
        m.put("facts", facts(area, landType, owners));
        return m;
    }

    void update(String key, java.util.function.BiFunction<org.hyperledger.fabric.contract.Context, Step, String> call) {
        Step s = hx.step(key);
        hx.submit(LAND_CLERK, c -> call.apply(c, s));
    }

    void mortgage(String key, String ref) {
        update(key, (c, s) -> cc.registerMortgage(c, key, s.version(), s.hash(), s.previousHash(), ref));
    }

    void caveat(String key, String ref) {
        update(key, (c, s) -> cc.lodgeCaveat(c, key, s.version(), s.hash(), s.previousHash(), ref));
    }

    void lodgeTransfer(String key) {
        update(key, (c, s) -> cc.lodgeTransfer(c, key, s.version(), s.hash(), s.previousHash()));
    }

    List<String> recordsOfLastEvent() {
        Map<String, Object> payload = Json.parseObject(hx.lastEvent().payload());
        List<String> out = new ArrayList<>();
        for (Object r : (List<?>) payload.get("records")) {
            Map<?, ?> m = (Map<?, ?>) r;
            out.add(m.get("key") + "@" + m.get("version"));
        }
        return out;
    }

    // ================================================================

    @Nested
    class RegisterParcel {
        @Test
        void theFactsStandBesideTheTitle() {
            String result = hx.submit(LAND_CLERK, c -> cc.registerParcel(c, PARENT, h("v1"), "THIMPHU", "Thimphu",
                    "{\"areaDecimals\":\"250.5\",\"boundarySha256\":\"" + BOUNDARY + "\",\"landType\":\"WETLAND\",\"ownersDigest\":\""
                            + OWNERS + "\"}"));
            assertEquals(hx.fabric.stateText(PARENT), result);
            LedgerEntry e = hx.entry(PARENT);
            assertEquals("registered", e.status());
            assertEquals("Thimphu", e.text("dzongkhag"));
            assertEquals(List.of(), e.list("openMortgages"));
            assertEquals(Map.of("areaDecimals", "250.5", "boundarySha256", BOUNDARY, "landType", "WETLAND", "ownersDigest", OWNERS),
                    e.object("parcel"));
            assertTrue(result.contains("\"parcel\":{\"areaDecimals\":\"250.5\",\"boundarySha256\":\"" + BOUNDARY
                    + "\",\"landType\":\"WETLAND\",\"ownersDigest\":\"" + OWNERS + "\"}"), result);
            assertNotNull(hx.fabric.validationParameters.get(PARENT));
        }

        @Test
        void registerTitleStillWritesNoFacts() {
            hx.submit(LAND_CLERK, c -> cc.registerTitle(c, PARENT, h("v1"), "THIMPHU", "Thimphu"));
            assertFalse(hx.entry(PARENT).fields().containsKey("parcel"));
            assertFalse(hx.fabric.stateText(PARENT).contains("parcel"));
        }

        @Test
        void aRetryIsAlreadyRecorded() {
            register(PARENT, "100", "DRY_LAND", OWNERS);
            hx.refused(ErrorCode.ALREADY_RECORDED, LAND_CLERK, c -> cc.registerParcel(c, PARENT, h(PARENT + "#v1"), "THIMPHU",
                    "Thimphu", factsJson("100", "DRY_LAND", OWNERS)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"12.50", "012", "-5", "0", "0.0", "1e3", "1.234", " 12", "1000000000", ""})
        void anAreaIsAPositiveDecimalStringInOneSpelling(String area) {
            RegistryException e = hx.refused(ErrorCode.INVALID_ARGUMENT, LAND_CLERK, c -> cc.registerParcel(c, PARENT, h("v1"),
                    "THIMPHU", "Thimphu", factsJson(area, "DRY_LAND", OWNERS)));
            assertTrue(e.getMessage().contains("factsJson.areaDecimals"), e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "{\"areaDecimals\":100,\"boundarySha256\":null,\"landType\":\"DRY_LAND\",\"ownersDigest\":\"" + "%s" + "\"}",
            "{\"areaDecimals\":\"100\",\"boundarySha256\":null,\"landType\":\"SWAMP\",\"ownersDigest\":\"%s\"}",
            "{\"areaDecimals\":\"100\",\"boundarySha256\":null,\"landType\":\"DRY_LAND\",\"ownersDigest\":null}",
            "{\"areaDecimals\":\"100\",\"boundarySha256\":null,\"landType\":\"DRY_LAND\"}",
            "{\"areaDecimals\":\"100\",\"boundarySha256\":\"abc\",\"landType\":\"DRY_LAND\",\"ownersDigest\":\"%s\"}",
            "{\"areaDecimals\":\"100\",\"boundarySha256\":null,\"landType\":\"DRY_LAND\",\"ownersDigest\":\"%s\",\"owner\":\"Dorji\"}",
            "[]", "not json"})
        void malformedFactsAreRefused(String template) {
            String json = template.replace("%s", OWNERS);
            hx.refused(ErrorCode.INVALID_ARGUMENT, LAND_CLERK, c -> cc.registerParcel(c, PARENT, h("v1"), "THIMPHU", "Thimphu", json));
        }
    }

    @Nested
    class RecordParcelFacts {
        @BeforeEach
        void title() {
            hx.submit(LAND_CLERK, c -> cc.registerTitle(c, PARENT, h(PARENT + "#v1"), "THIMPHU", "Thimphu"));
        }

        @Test
        void aTitleRegisteredWithoutFactsGetsThemInItsNextVersion() {
            mortgage(PARENT, "M-1");
            update(PARENT, (c, s) -> cc.recordParcelFacts(c, PARENT, s.version(), s.hash(), s.previousHash(),
                    factsJson("100", "DRY_LAND", OWNERS)));
            LedgerEntry e = hx.entry(PARENT);
            assertEquals(3, e.version());
            assertEquals("encumbered", e.status(), "the status stays");
            assertEquals("100", e.object("parcel").get("areaDecimals"));
        }

        @Test
        void wetlandIsNotRecordedAsAnotherType() {
            update(PARENT, (c, s) -> cc.recordParcelFacts(c, PARENT, s.version(), s.hash(), s.previousHash(),
                    factsJson("100", "WETLAND", OWNERS)));
            Step s = hx.step(PARENT);
            RegistryException e = hx.refused(ErrorCode.WETLAND_CONVERSION, LAND_CLERK, c -> cc.recordParcelFacts(c, PARENT,
                    s.version(), s.hash(), s.previousHash(), factsJson("100", "HOUSE_PLOT", OWNERS)));
            assertEquals("[WETLAND_CONVERSION] land-title PIN-200 is wetland (chhuzhing); it may not be recorded as HOUSE_PLOT",
                    e.getMessage());
        }

        @Test
        void aFinalisedTransferForgetsTheOwnersUntilTheirDigestIsRecorded() {
            update(PARENT, (c, s) -> cc.recordParcelFacts(c, PARENT, s.version(), s.hash(), s.previousHash(),
                    factsJson("100", "DRY_LAND", OWNERS)));
            lodgeTransfer(PARENT);
            hx.advance(Duration.ofDays(30));
            update(PARENT, (c, s) -> cc.finaliseTransfer(c, PARENT, s.version(), s.hash(), s.previousHash()));
            assertNull(hx.entry(PARENT).object("parcel").get("ownersDigest"));
            assertEquals("100", hx.entry(PARENT).object("parcel").get("areaDecimals"));
            RegistryException e = refusedSubdivision(ErrorCode.NOT_ALLOWED_IN_STATE, dryChild(CHILD1, "50"), dryChild(CHILD2, "50"));
            assertTrue(e.getMessage().contains("changed owners by a transfer"), e.getMessage());
            update(PARENT, (c, s) -> cc.recordParcelFacts(c, PARENT, s.version(), s.hash(), s.previousHash(),
                    factsJson("100", "DRY_LAND", OTHER_OWNERS)));
            subdivide(hx.step(PARENT), child(CHILD1, "50", "DRY_LAND", OTHER_OWNERS), child(CHILD2, "50", "DRY_LAND", OTHER_OWNERS));
            assertEquals("retired", hx.entry(PARENT).status());
        }

        @Test
        void aTitleWithoutFactsIsNotSubdivided() {
            RegistryException e = refusedSubdivision(ErrorCode.NOT_ALLOWED_IN_STATE, dryChild(CHILD1, "50"), dryChild(CHILD2, "50"));
            assertTrue(e.getMessage().contains("record them with RecordParcelFacts first"), e.getMessage());
        }
    }

    @Nested
    class SubdivideParcel {
        @BeforeEach
        void parent() {
            register(PARENT, "100", "DRY_LAND", OWNERS);
        }

        @Test
        void theParentIsRetiredIntoItsChildrenInOneTransaction() {
            Step s = hx.step(PARENT);
            hx.advance(Duration.ofHours(1));
            String result = subdivide(s, dryChild(CHILD1, "60.25"), child(CHILD2, "39.75", "HOUSE_PLOT", OWNERS));

            LedgerEntry parent = hx.entry(PARENT);
            assertEquals(2, parent.version());
            assertEquals(s.hash(), parent.hash());
            assertEquals(s.previousHash(), parent.previousHash());
            assertEquals("retired", parent.status());
            assertEquals(List.of(CHILD1, CHILD2), parent.list("wentInto"));
            assertEquals("100", parent.object("parcel").get("areaDecimals"), "the parent keeps the area it had");

            LedgerEntry one = hx.entry(CHILD1);
            assertEquals(1, one.version());
            assertEquals(h(CHILD1 + "#v1"), one.hash());
            assertNull(one.previousHash());
            assertEquals("registered", one.status());
            assertEquals("THIMPHU", one.office());
            assertEquals("Thimphu", one.text("dzongkhag"));
            assertEquals(List.of(PARENT), one.list("cameFrom"));
            assertEquals(facts("60.25", "DRY_LAND", OWNERS), one.object("parcel"));
            assertEquals(facts("39.75", "HOUSE_PLOT", OWNERS), hx.entry(CHILD2).object("parcel"));
            assertEquals("2026-03-01T09:00:00Z", one.txTime());
            assertEquals(parent.txId(), one.txId(), "one transaction");
            assertNotNull(hx.fabric.validationParameters.get(CHILD1), "a child gets its key-level policy");
            assertTrue(hx.fabric.state.containsKey("\u0000hash\u0000" + one.hash() + "\u0000" + CHILD1 + "\u00001\u0000"));

            assertEquals("[" + hx.fabric.stateText(PARENT) + "," + hx.fabric.stateText(CHILD1) + "," + hx.fabric.stateText(CHILD2) + "]",
                    result, "the entries written, exactly as stored");
            assertEquals(List.of(PARENT + "@2", CHILD1 + "@1", CHILD2 + "@1"), recordsOfLastEvent());
            Map<String, Object> event = Json.parseObject(hx.lastEvent().payload());
            assertEquals(PARENT, event.get("key"), "the event names the first record as every write does");
            assertEquals(2, event.get("version"));
        }

        @Test
        void readsShowTheLineageBothWays() {
            subdivide(hx.step(PARENT), dryChild(CHILD1, "50"), dryChild(CHILD2, "50"));
            String parent = hx.evaluate(INSPECTOR, c -> cc.getRecord(c, PARENT));
            assertTrue(parent.contains("\"wentInto\":[\"" + CHILD1 + "\",\"" + CHILD2 + "\"]"), parent);
            String child = hx.evaluate(INSPECTOR, c -> cc.getRecord(c, CHILD2));
            assertTrue(child.contains("\"cameFrom\":[\"" + PARENT + "\"]"), child);
            List<?> history = (List<?>) Json.parse(hx.evaluate(INSPECTOR, c -> cc.getHistory(c, PARENT)));
            assertEquals(2, history.size());
            assertEquals(1, ((List<?>) Json.parse(hx.evaluate(INSPECTOR, c -> cc.getHistory(c, CHILD1)))).size());
        }

        @Test
        void aChildLivesOnAsAnyTitleAndKeepsItsOrigin() {
            subdivide(hx.step(PARENT), dryChild(CHILD1, "50"), dryChild(CHILD2, "50"));
            mortgage(CHILD1, "BOB-1");
            lodgeTransfer(CHILD2);
            assertEquals(List.of(PARENT), hx.entry(CHILD1).list("cameFrom"));
            assertEquals("encumbered", hx.entry(CHILD1).status());
            assertEquals("transfer-pending", hx.entry(CHILD2).status());
        }

        @Test
        void areasAddUpWithinHalfAPercentExactly() {
            refusedSubdivision(ErrorCode.AREA_MISMATCH, dryChild(CHILD1, "60.26"), dryChild(CHILD2, "40.25"));
            refusedSubdivision(ErrorCode.AREA_MISMATCH, dryChild(CHILD1, "59.74"), dryChild(CHILD2, "39.75"));
            subdivide(hx.step(PARENT), dryChild(CHILD1, "60.25"), dryChild(CHILD2, "40.25")); // 100.5: exactly 0.5 % over
            assertEquals("retired", hx.entry(PARENT).status());
        }

        @Test
        void childrenThatDoNotAddUpAreRefused() {
            RegistryException e = refusedSubdivision(ErrorCode.AREA_MISMATCH, dryChild(CHILD1, "60"), dryChild(CHILD2, "30"));
            assertEquals("[AREA_MISMATCH] the children of land-title PIN-200 add up to 90 decimals, its area is 100 decimals:"
                    + " they may differ by at most 0.5% (0.5 decimals)", e.getMessage());
            assertNull(hx.entry(CHILD1), "no child written");
        }

        @Test
        void aParentUnderACaveatIsRefused() {
            caveat(PARENT, "CAV-7");
            RegistryException e = refusedSubdivision(ErrorCode.ENCUMBERED, dryChild(CHILD1, "50"), dryChild(CHILD2, "50"));
            assertTrue(e.getMessage().contains("CAV-7"), e.getMessage());
        }

        @Test
        void aParentWithAPendingTransferIsRefused() {
            lodgeTransfer(PARENT);
            RegistryException e = refusedSubdivision(ErrorCode.ENCUMBERED, dryChild(CHILD1, "50"), dryChild(CHILD2, "50"));
            assertTrue(e.getMessage().contains("a transfer lodged at 2026-03-01T08:00:00Z is pending"), e.getMessage());
        }

        @Test
        void aChildBelowTheMinimumPlotSizeIsRefused() {
            RegistryException e = refusedSubdivision(ErrorCode.PLOT_TOO_SMALL, dryChild(CHILD1, "90.5"), dryChild(CHILD2, "9.5"));
            assertEquals("[PLOT_TOO_SMALL] land-title PIN-202 would have 9.5 decimals, below the minimum plot size of 10 decimals",
                    e.getMessage());
            subdivide(hx.step(PARENT), dryChild(CHILD1, "90"), dryChild(CHILD2, "10"));
        }

        @Test
        void theMinimumIsTheEndorsersSetting() {
            hx = new Harness(5);
            cc = hx.contract;
            register(PARENT, "100", "DRY_LAND", OWNERS);
            refusedSubdivision(ErrorCode.PLOT_TOO_SMALL, dryChild(CHILD1, "95.5"), dryChild(CHILD2, "4.5"));
            subdivide(hx.step(PARENT), dryChild(CHILD1, "94.5"), dryChild(CHILD2, "5.5"));
        }

        @Test
        void everyOpenMortgageIsCarriedToEveryChild() {
            mortgage(PARENT, "BOB-1");
            mortgage(PARENT, "BNB-2");
            RegistryException e = refusedSubdivision(ErrorCode.MORTGAGE_NOT_CARRIED, dryChild(CHILD1, "50", "BOB-1", "BNB-2"),
                    dryChild(CHILD2, "50", "BOB-1"));
            assertEquals("[MORTGAGE_NOT_CARRIED] mortgage BNB-2 of land-title PIN-200 is not carried to land-title PIN-202: every"
                    + " parcel made from mortgaged land stays under its open mortgages (discharge it first, or list it)", e.getMessage());
            refusedSubdivision(ErrorCode.NOT_FOUND, dryChild(CHILD1, "50", "BOB-1", "BNB-2"), dryChild(CHILD2, "50", "BOB-1", "BNB-2", "X-9"));

            subdivide(hx.step(PARENT), dryChild(CHILD1, "50", "BNB-2", "BOB-1"), dryChild(CHILD2, "50", "BOB-1", "BNB-2"));
            assertEquals(List.of("BOB-1", "BNB-2"), hx.entry(CHILD1).list("openMortgages"), "in the parent's order");
            assertEquals("encumbered", hx.entry(CHILD1).status());
            assertEquals(List.of("BOB-1", "BNB-2"), hx.entry(CHILD2).list("openMortgages"));
            assertEquals(List.of(), hx.entry(PARENT).list("openMortgages"), "carried away from the retired parent");
            Step d = hx.step(CHILD1);
            hx.submit(LAND_CLERK, c -> cc.dischargeMortgage(c, CHILD1, d.version(), d.hash(), d.previousHash(), "BOB-1"));
            assertEquals(List.of("BNB-2"), hx.entry(CHILD1).list("openMortgages"));
        }

        @Test
        void wetlandIsNotConvertedInAChild() {
            hx = new Harness();
            cc = hx.contract;
            register(PARENT, "100", "WETLAND", OWNERS);
            RegistryException e = refusedSubdivision(ErrorCode.WETLAND_CONVERSION, child(CHILD1, "50", "WETLAND", OWNERS),
                    child(CHILD2, "50", "HOUSE_PLOT", OWNERS));
            assertEquals("[WETLAND_CONVERSION] land-title PIN-200 is wetland (chhuzhing); land-title PIN-202 made from it may not be"
                    + " HOUSE_PLOT", e.getMessage());
            subdivide(hx.step(PARENT), child(CHILD1, "50", "WETLAND", OWNERS), child(CHILD2, "50", "WETLAND", OWNERS));
        }

        @Test
        void aChildKeepsItsParentsOwners() {
            RegistryException e = refusedSubdivision(ErrorCode.OWNERS_DIFFER, dryChild(CHILD1, "50"),
                    child(CHILD2, "50", "DRY_LAND", OTHER_OWNERS));
            assertTrue(e.getMessage().startsWith("[OWNERS_DIFFER] land-title PIN-202 would have other owners than land-title PIN-200"),
                    e.getMessage());
        }

        @Test
        void everyChildKeyIsNew() {
            register(CHILD2, "10", "DRY_LAND", OWNERS);
            RegistryException e = refusedSubdivision(ErrorCode.ALREADY_EXISTS, dryChild(CHILD1, "50"), dryChild(CHILD2, "50"));
            assertTrue(e.getMessage().contains("land-title PIN-202 already exists"), e.getMessage());
            refusedSubdivision(ErrorCode.INVALID_ARGUMENT, dryChild(CHILD1, "50"), dryChild(CHILD1, "50"));
            refusedSubdivision(ErrorCode.INVALID_ARGUMENT, dryChild(CHILD1, "50"), dryChild(PARENT, "50"));
        }

        @Test
        void aRetiredParentIsNeverUsedAgain() {
            subdivide(hx.step(PARENT), dryChild(CHILD1, "50"), dryChild(CHILD2, "50"));
            RegistryException e = refusedSubdivision(ErrorCode.NOT_ALLOWED_IN_STATE, dryChild("land-title:PIN-203", "50"),
                    dryChild("land-title:PIN-204", "50"));
            assertEquals("[NOT_ALLOWED_IN_STATE] land-title PIN-200 was retired at version 2 (tx tx0002) into land-title:PIN-201,"
                    + " land-title:PIN-202; it can only be read", e.getMessage());
            Step s = hx.step(PARENT);
            hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, LAND_CLERK, c -> cc.registerMortgage(c, PARENT, s.version(), s.hash(),
                    s.previousHash(), "M-1"));
            hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, LAND_CLERK, c -> cc.lodgeCaveat(c, PARENT, s.version(), s.hash(),
                    s.previousHash(), "C-1"));
            hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, LAND_CLERK, c -> cc.lodgeTransfer(c, PARENT, s.version(), s.hash(),
                    s.previousHash()));
            hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, LAND_CLERK, c -> cc.recordParcelFacts(c, PARENT, s.version(), s.hash(),
                    s.previousHash(), factsJson("100", "DRY_LAND", OWNERS)));
            hx.refused(ErrorCode.ALREADY_EXISTS, LAND_CLERK, c -> cc.registerTitle(c, PARENT, h("again"), "THIMPHU", "Thimphu"));
            assertEquals("retired", Json.parseObject(hx.evaluate(LAND_CLERK, c -> cc.getRecord(c, PARENT)).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)).get("status"));
        }

        @Test
        void aReplayedSubdivisionIsAlreadyRecorded() {
            Step s = hx.step(PARENT);
            subdivide(s, dryChild(CHILD1, "50"), dryChild(CHILD2, "50"));
            String child = hx.fabric.stateText(CHILD1);
            RegistryException e = hx.refused(ErrorCode.ALREADY_RECORDED, LAND_CLERK, c -> cc.subdivideParcel(c, PARENT, s.version(),
                    s.hash(), s.previousHash(), Json.string(List.of(dryChild(CHILD1, "50"), dryChild(CHILD2, "50")))));
            assertTrue(e.getMessage().contains("(tx tx0002)"), e.getMessage());
            assertEquals(child, hx.fabric.stateText(CHILD1));
        }

        @Test
        void theUpdateGuardAndTheOfficeComeFirst() {
            hx.refused(ErrorCode.STALE_VERSION, LAND_CLERK, c -> cc.subdivideParcel(c, PARENT, "3", h("v3"), h(PARENT + "#v1"),
                    Json.string(List.of(dryChild(CHILD1, "50"), dryChild(CHILD2, "50")))));
            hx.refused(ErrorCode.HASH_MISMATCH, LAND_CLERK, c -> cc.subdivideParcel(c, PARENT, "2", h("v2"), h("not v1"),
                    Json.string(List.of(dryChild(CHILD1, "50"), dryChild(CHILD2, "50")))));
            Step s = hx.step(PARENT);
            RegistryException e = hx.refused(ErrorCode.WRONG_OFFICE, LAND_CLERK2, c -> cc.subdivideParcel(c, PARENT, s.version(),
                    s.hash(), s.previousHash(), Json.string(List.of(dryChild(CHILD1, "50"), dryChild(CHILD2, "50")))));
            assertTrue(e.getMessage().contains("kept by the THIMPHU office"), e.getMessage());
            hx.refused(ErrorCode.WRONG_REGISTER, NOTARY_CLERK, c -> cc.subdivideParcel(c, PARENT, s.version(), s.hash(),
                    s.previousHash(), Json.string(List.of(dryChild(CHILD1, "50"), dryChild(CHILD2, "50")))));
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "{}", "not json", "[{\"key\":\"land-title:PIN-201\"}]"})
        void malformedChildrenAreRefused(String childrenJson) {
            Step s = hx.step(PARENT);
            hx.refused(ErrorCode.INVALID_ARGUMENT, LAND_CLERK, c -> cc.subdivideParcel(c, PARENT, s.version(), s.hash(),
                    s.previousHash(), childrenJson));
        }

        @Test
        void oneChildIsNoSubdivision() {
            refusedSubdivision(ErrorCode.INVALID_ARGUMENT, dryChild(CHILD1, "100"));
        }
    }

    @Nested
    class MergeParcels {
        @BeforeEach
        void parents() {
            register(PARENT, "60", "DRY_LAND", OWNERS);
            register(OTHER, "40", "DRY_LAND", OWNERS);
        }

        String merge(Map<String, Object> child) {
            return hx.submit(LAND_CLERK, c -> cc.mergeParcels(c, Json.string(List.of(next(PARENT), next(OTHER))), Json.string(child)));
        }

        RegistryException refusedMerge(ErrorCode code, Map<String, Object> child) {
            String parents = Json.string(List.of(next(PARENT), next(OTHER)));
            return hx.refused(code, LAND_CLERK, c -> cc.mergeParcels(c, parents, Json.string(child)));
        }

        @Test
        void everyParentIsRetiredIntoTheOneChild() {
            mortgage(PARENT, "BOB-1");
            mortgage(OTHER, "BNB-2");
            String result = merge(dryChild(MERGED, "100", "BOB-1", "BNB-2"));
            for (String parent : List.of(PARENT, OTHER)) {
                LedgerEntry p = hx.entry(parent);
                assertEquals("retired", p.status());
                assertEquals(3, p.version());
                assertEquals(List.of(MERGED), p.list("wentInto"));
            }
            LedgerEntry child = hx.entry(MERGED);
            assertEquals(List.of(PARENT, OTHER), child.list("cameFrom"));
            assertEquals(List.of("BOB-1", "BNB-2"), child.list("openMortgages"));
            assertEquals("encumbered", child.status());
            assertEquals(facts("100", "DRY_LAND", OWNERS), child.object("parcel"));
            assertEquals("[" + hx.fabric.stateText(PARENT) + "," + hx.fabric.stateText(OTHER) + "," + hx.fabric.stateText(MERGED) + "]",
                    result);
            assertEquals(List.of(PARENT + "@3", OTHER + "@3", MERGED + "@1"), recordsOfLastEvent());
        }

        @Test
        void parcelsOfDifferentOwnersAreNotMerged() {
            hx = new Harness();
            cc = hx.contract;
            register(PARENT, "60", "DRY_LAND", OWNERS);
            register(OTHER, "40", "DRY_LAND", OTHER_OWNERS);
            RegistryException e = refusedMerge(ErrorCode.OWNERS_DIFFER, dryChild(MERGED, "100"));
            assertEquals("[OWNERS_DIFFER] land-title PIN-200 and land-title PIN-300 have different owners: only parcels of the same"
                    + " owners, with the same shares, are merged (transfer one first)", e.getMessage());
        }

        @Test
        void theChildKeepsTheParentsOwners() {
            refusedMerge(ErrorCode.OWNERS_DIFFER, child(MERGED, "100", "DRY_LAND", OTHER_OWNERS));
        }

        @Test
        void parcelsOfDifferentDzongkhagsAreNotMerged() {
            hx = new Harness();
            cc = hx.contract;
            register(PARENT, "Thimphu", "60", "DRY_LAND", OWNERS);
            register(OTHER, "Punakha", "40", "DRY_LAND", OWNERS);
            RegistryException e = refusedMerge(ErrorCode.DZONGKHAG_DIFFERS, dryChild(MERGED, "100"));
            assertTrue(e.getMessage().contains("land-title PIN-200 is in Thimphu dzongkhag, land-title PIN-300 in Punakha"),
                    e.getMessage());
        }

        @Test
        void areasAddUp() {
            refusedMerge(ErrorCode.AREA_MISMATCH, dryChild(MERGED, "101"));
            merge(dryChild(MERGED, "99.5"));
        }

        @Test
        void aParentUnderACaveatOrWithAPendingTransferIsRefused() {
            caveat(OTHER, "CAV-1");
            refusedMerge(ErrorCode.ENCUMBERED, dryChild(MERGED, "100"));
            hx = new Harness();
            cc = hx.contract;
            parents();
            lodgeTransfer(PARENT);
            refusedMerge(ErrorCode.ENCUMBERED, dryChild(MERGED, "100"));
        }

        @Test
        void aMortgageOfAnyParentIsCarried() {
            mortgage(OTHER, "BNB-2");
            RegistryException e = refusedMerge(ErrorCode.MORTGAGE_NOT_CARRIED, dryChild(MERGED, "100"));
            assertTrue(e.getMessage().startsWith("[MORTGAGE_NOT_CARRIED] mortgage BNB-2 of land-title PIN-300 is not carried"),
                    e.getMessage());
        }

        @Test
        void wetlandIsNotConverted() {
            hx = new Harness();
            cc = hx.contract;
            register(PARENT, "60", "WETLAND", OWNERS);
            register(OTHER, "40", "DRY_LAND", OWNERS);
            refusedMerge(ErrorCode.WETLAND_CONVERSION, dryChild(MERGED, "100"));
            merge(child(MERGED, "100", "WETLAND", OWNERS));
        }

        @Test
        void smallLegacyPlotsMayBeMergedBelowTheMinimum() {
            hx = new Harness();
            cc = hx.contract;
            register(PARENT, "4", "DRY_LAND", OWNERS);
            register(OTHER, "4.5", "DRY_LAND", OWNERS);
            merge(dryChild(MERGED, "8.5"));
            assertEquals("8.5", hx.entry(MERGED).object("parcel").get("areaDecimals"));
        }

        @Test
        void aRetiredParentIsNotMergedAgain() {
            merge(dryChild(MERGED, "100"));
            RegistryException e = refusedMerge(ErrorCode.NOT_ALLOWED_IN_STATE, dryChild("land-title:PIN-401", "100"));
            assertTrue(e.getMessage().contains("was retired at version 2"), e.getMessage());
        }

        @Test
        void aReplayedMergerIsAlreadyRecorded() {
            String parents = Json.string(List.of(next(PARENT), next(OTHER)));
            String child = Json.string(dryChild(MERGED, "100"));
            hx.submit(LAND_CLERK, c -> cc.mergeParcels(c, parents, child));
            hx.refused(ErrorCode.ALREADY_RECORDED, LAND_CLERK, c -> cc.mergeParcels(c, parents, child));
        }

        @Test
        void aParentIsNamedOnceAndIsNotItsOwnChild() {
            String twice = Json.string(List.of(next(PARENT), next(PARENT)));
            hx.refused(ErrorCode.INVALID_ARGUMENT, LAND_CLERK, c -> cc.mergeParcels(c, twice, Json.string(dryChild(MERGED, "120"))));
            refusedMerge(ErrorCode.INVALID_ARGUMENT, dryChild(OTHER, "100"));
            String one = Json.string(List.of(next(PARENT)));
            hx.refused(ErrorCode.INVALID_ARGUMENT, LAND_CLERK, c -> cc.mergeParcels(c, one, Json.string(dryChild(MERGED, "60"))));
            Map<String, Object> stringVersion = next(PARENT);
            stringVersion.put("version", "2");
            String bad = Json.string(List.of(stringVersion, next(OTHER)));
            hx.refused(ErrorCode.INVALID_ARGUMENT, LAND_CLERK, c -> cc.mergeParcels(c, bad, Json.string(dryChild(MERGED, "100"))));
        }
    }

    @Nested
    class AdjustBoundary {
        @BeforeEach
        void neighbours() {
            register(PARENT, "60", "DRY_LAND", OWNERS);
            register(OTHER, "40", "ORCHARD", OTHER_OWNERS);
        }

        String adjust(Map<String, Object> one, Map<String, Object> other) {
            return hx.submit(LAND_CLERK, c -> cc.adjustBoundary(c, Json.string(List.of(one, other))));
        }

        RegistryException refusedAdjustment(ErrorCode code, Map<String, Object> one, Map<String, Object> other) {
            return hx.refused(code, LAND_CLERK, c -> cc.adjustBoundary(c, Json.string(List.of(one, other))));
        }

        @Test
        void bothTitlesGetANewVersionAndNameEachOther() {
            mortgage(PARENT, "BOB-1");
            String result = adjust(adjusted(PARENT, "55.5", "DRY_LAND", OWNERS), adjusted(OTHER, "44.5", "ORCHARD", OTHER_OWNERS));
            LedgerEntry one = hx.entry(PARENT);
            LedgerEntry other = hx.entry(OTHER);
            assertEquals(3, one.version());
            assertEquals(2, other.version());
            assertEquals("encumbered", one.status(), "the status and the mortgage stay");
            assertEquals(List.of("BOB-1"), one.list("openMortgages"));
            assertEquals("registered", other.status());
            assertEquals("55.5", one.object("parcel").get("areaDecimals"));
            assertEquals("44.5", other.object("parcel").get("areaDecimals"));
            assertEquals(Map.of("key", OTHER, "txId", one.txId()), one.object("boundaryAdjustedWith"));
            assertEquals(Map.of("key", PARENT, "txId", one.txId()), other.object("boundaryAdjustedWith"));
            assertEquals("[" + hx.fabric.stateText(PARENT) + "," + hx.fabric.stateText(OTHER) + "]", result);
            assertEquals(List.of(PARENT + "@3", OTHER + "@2"), recordsOfLastEvent());
        }

        @Test
        void theTotalAreaIsKept() {
            RegistryException e = refusedAdjustment(ErrorCode.AREA_MISMATCH, adjusted(PARENT, "55", "DRY_LAND", OWNERS),
                    adjusted(OTHER, "46", "ORCHARD", OTHER_OWNERS));
            assertTrue(e.getMessage().contains("add up to 101 decimals, before is 100 decimals"), e.getMessage());
        }

        @Test
        void aParcelUnderACaveatOrWithAPendingTransferIsNotAdjusted() {
            caveat(OTHER, "CAV-1");
            refusedAdjustment(ErrorCode.ENCUMBERED, adjusted(PARENT, "55", "DRY_LAND", OWNERS), adjusted(OTHER, "45", "ORCHARD", OTHER_OWNERS));
            hx = new Harness();
            cc = hx.contract;
            neighbours();
            lodgeTransfer(PARENT);
            refusedAdjustment(ErrorCode.ENCUMBERED, adjusted(PARENT, "55", "DRY_LAND", OWNERS), adjusted(OTHER, "45", "ORCHARD", OTHER_OWNERS));
        }

        @Test
        void noParcelIsMadeSmallerThanTheMinimum() {
            RegistryException e = refusedAdjustment(ErrorCode.PLOT_TOO_SMALL, adjusted(PARENT, "90.5", "DRY_LAND", OWNERS),
                    adjusted(OTHER, "9.5", "ORCHARD", OTHER_OWNERS));
            assertTrue(e.getMessage().contains("land-title PIN-300 would have 9.5 decimals"), e.getMessage());
        }

        @Test
        void ownersDoNotChange() {
            refusedAdjustment(ErrorCode.OWNERS_DIFFER, adjusted(PARENT, "55", "DRY_LAND", OTHER_OWNERS),
                    adjusted(OTHER, "45", "ORCHARD", OTHER_OWNERS));
        }

        @Test
        void landTypesDoNotChange() {
            refusedAdjustment(ErrorCode.INVALID_ARGUMENT, adjusted(PARENT, "55", "HOUSE_PLOT", OWNERS),
                    adjusted(OTHER, "45", "ORCHARD", OTHER_OWNERS));
        }

        @Test
        void wetlandDoesNotPassToLandOfAnotherType() {
            hx = new Harness();
            cc = hx.contract;
            register(PARENT, "60", "WETLAND", OWNERS);
            register(OTHER, "40", "DRY_LAND", OTHER_OWNERS);
            RegistryException e = refusedAdjustment(ErrorCode.WETLAND_CONVERSION, adjusted(PARENT, "55", "WETLAND", OWNERS),
                    adjusted(OTHER, "45", "DRY_LAND", OTHER_OWNERS));
            assertTrue(e.getMessage().contains("would lose 5 decimals to land-title PIN-300, which is DRY_LAND"), e.getMessage());
            refusedAdjustment(ErrorCode.WETLAND_CONVERSION, adjusted(PARENT, "60", "DRY_LAND", OWNERS),
                    adjusted(OTHER, "40", "DRY_LAND", OTHER_OWNERS));
            adjust(adjusted(PARENT, "65", "WETLAND", OWNERS), adjusted(OTHER, "35", "DRY_LAND", OTHER_OWNERS));
        }

        @Test
        void parcelsOfDifferentDzongkhagsAreNotAdjusted() {
            hx = new Harness();
            cc = hx.contract;
            register(PARENT, "Thimphu", "60", "DRY_LAND", OWNERS);
            register(OTHER, "Punakha", "40", "DRY_LAND", OWNERS);
            refusedAdjustment(ErrorCode.DZONGKHAG_DIFFERS, adjusted(PARENT, "55", "DRY_LAND", OWNERS),
                    adjusted(OTHER, "45", "DRY_LAND", OWNERS));
        }

        @Test
        void aRetiredParcelIsNotAdjusted() {
            register(CHILD1, "50", "DRY_LAND", OWNERS);
            hx.submit(LAND_CLERK, c -> cc.mergeParcels(c, Json.string(List.of(next(PARENT), next(CHILD1))),
                    Json.string(dryChild(MERGED, "110"))));
            refusedAdjustment(ErrorCode.NOT_ALLOWED_IN_STATE, adjusted(PARENT, "55", "DRY_LAND", OWNERS),
                    adjusted(OTHER, "45", "ORCHARD", OTHER_OWNERS));
        }

        @Test
        void aReplayedAdjustmentIsAlreadyRecorded() {
            String parcels = Json.string(List.of(adjusted(PARENT, "55", "DRY_LAND", OWNERS), adjusted(OTHER, "45", "ORCHARD", OTHER_OWNERS)));
            hx.submit(LAND_CLERK, c -> cc.adjustBoundary(c, parcels));
            hx.refused(ErrorCode.ALREADY_RECORDED, LAND_CLERK, c -> cc.adjustBoundary(c, parcels));
        }

        @Test
        void aBoundaryIsBetweenTwoParcels() {
            hx.refused(ErrorCode.INVALID_ARGUMENT, LAND_CLERK, c -> cc.adjustBoundary(c, Json.string(List.of(
                    adjusted(PARENT, "55", "DRY_LAND", OWNERS), adjusted(PARENT, "45", "DRY_LAND", OWNERS)))));
            hx.refused(ErrorCode.INVALID_ARGUMENT, LAND_CLERK, c -> cc.adjustBoundary(c, Json.string(List.of(
                    adjusted(PARENT, "60", "DRY_LAND", OWNERS)))));
        }
    }

    @Nested
    class Settings {
        @Test
        void theMinimumPlotIsTenDecimalsUnlessSet() {
            assertEquals(10L, RegistryContract.minimumPlotSetting(null));
            assertEquals(10L, RegistryContract.minimumPlotSetting(" "));
            assertEquals(0L, RegistryContract.minimumPlotSetting("0"));
            assertEquals(10_000L, RegistryContract.minimumPlotSetting("10000"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "10001", "10.5", "ten"})
        void anythingElseStopsTheServiceFromStarting(String value) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> RegistryContract.minimumPlotSetting(value));
            assertTrue(e.getMessage().contains("DRUK_CHAINCODE_MIN_PLOT_DECIMALS must be a whole number of decimals"), e.getMessage());
        }

        @Test
        void aLineageTransactionIsNotCarriedOver() {
            register(PARENT, "100", "DRY_LAND", OWNERS);
            Step s = hx.step(PARENT);
            String arguments = Json.string(List.of(PARENT, s.version(), s.hash(), s.previousHash(),
                    Json.string(List.of(dryChild(CHILD1, "50"), dryChild(CHILD2, "50")))));
            RegistryException e = hx.refused(ErrorCode.INVALID_ARGUMENT, LAND_CLERK, c -> cc.carryOver(c, "SubdivideParcel",
                    arguments, h("old ledger"), "old-tx", "2026-01-01T00:00:00Z"));
            assertTrue(e.getMessage().contains("SubdivideParcel is not a record write that can be carried over"), e.getMessage());
        }
    }
}
