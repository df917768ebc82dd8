package bt.druk.registry.chaincode;

import static bt.druk.registry.chaincode.Harness.h;
import static bt.druk.registry.chaincode.TestIdentities.ADMIN;
import static bt.druk.registry.chaincode.TestIdentities.INSPECTOR;
import static bt.druk.registry.chaincode.TestIdentities.LAND_CLERK;
import static bt.druk.registry.chaincode.TestIdentities.LAND_CLERK2;
import static bt.druk.registry.chaincode.TestIdentities.PROCUREMENT_ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A first registration is made only by a land office that serves the parcel's dzongkhag, from the
 * table of offices on the ledger (the built-in one until a land admin sets another): the office is
 * the clerk's certificate's, the dzongkhag the one the hashed record names.
 */
class LandOfficeTest {
    static final String THIMPHU_PARCEL = "land-title:CHA1-0001";
    static final String PARO_PARCEL = "land-title:LAM1-0001";

    Harness hx;
    RegistryContract cc;

    @BeforeEach
    void setUp() {
        hx = new Harness();
        cc = hx.contract;
    }

    @Nested
    class RegisterTitle {
        @Test
        void aParoClerkCannotRegisterAThimphuParcel() {
            RegistryException e = hx.refused(ErrorCode.WRONG_OFFICE, LAND_CLERK2,
                    c -> cc.registerTitle(c, THIMPHU_PARCEL, h("t"), "PARO", "Thimphu"));
            assertEquals("[WRONG_OFFICE] land-title CHA1-0001 is in Thimphu dzongkhag, which the PARO land office does not serve"
                    + " (it serves Chhukha, Haa, Paro): a first registration is made by the land office of the parcel's dzongkhag",
                    e.getMessage());
            assertNull(hx.fabric.stateText(THIMPHU_PARCEL));
        }

        @Test
        void eachOfficeRegistersTheParcelsOfItsDzongkhags() {
            hx.submit(LAND_CLERK2, c -> cc.registerTitle(c, PARO_PARCEL, h("p"), "PARO", "Paro"));
            hx.submit(LAND_CLERK2, c -> cc.registerTitle(c, "land-title:KAT1-0001", h("k"), "PARO", "Haa"));
            hx.submit(LAND_CLERK, c -> cc.registerTitle(c, THIMPHU_PARCEL, h("t"), "THIMPHU", "Thimphu"));
            hx.submit(LAND_CLERK, c -> cc.registerTitle(c, "land-title:BJE1-0001", h("w"), "THIMPHU", "Wangdue Phodrang"));
            hx.refused(ErrorCode.WRONG_OFFICE, LAND_CLERK, c -> cc.registerTitle(c, "land-title:LAM1-0002", h("l"), "THIMPHU", "Paro"));
        }

        @Test
        void theDzongkhagNamedIsKeptInTheEntry() {
            hx.submit(LAND_CLERK2, c -> cc.registerTitle(c, PARO_PARCEL, h("p"), "PARO", "Paro"));
            assertEquals("Paro", hx.entry(PARO_PARCEL).text("dzongkhag"));
        }

        @Test
        void aDzongkhagThatIsNoNameIsRefused() {
            for (String bad : new String[] {"paro", "", "Paro;", "PARO1"}) {
                hx.refused(ErrorCode.INVALID_ARGUMENT, LAND_CLERK2, c -> cc.registerTitle(c, PARO_PARCEL, h("p"), "PARO", bad));
            }
            hx.refused(ErrorCode.INVALID_ARGUMENT, LAND_CLERK2, c -> cc.registerTitle(c, PARO_PARCEL, h("p"), "PARO", null));
        }

        @Test
        void theOfficeArgumentIsStillNotTrusted() {
            hx.refused(ErrorCode.WRONG_OFFICE, LAND_CLERK2, c -> cc.registerTitle(c, THIMPHU_PARCEL, h("t"), "THIMPHU", "Thimphu"));
        }

        @Test
        void aRetryIsStillAlreadyRecordedBeforeTheDzongkhag() {
            hx.submit(LAND_CLERK2, c -> cc.registerTitle(c, PARO_PARCEL, h("p"), "PARO", "Paro"));
            hx.refused(ErrorCode.ALREADY_RECORDED, LAND_CLERK2, c -> cc.registerTitle(c, PARO_PARCEL, h("p"), "PARO", "Paro"));
        }
    }

    @Nested
    class Table {
        static final String TABLE = "{\"PARO\":[\"Paro\",\"Thimphu\"],\"THIMPHU\":[\"Thimphu\"]}";

        @Test
        void theBuiltInTableUntilOneIsSet() {
            String table = hx.evaluate(INSPECTOR, c -> cc.getLandOffices(c));
            assertTrue(table.startsWith("{\"PARO\":[\"Chhukha\",\"Haa\",\"Paro\"],\"THIMPHU\":[\"Bumthang\","), table);
        }

        @Test
        void aLandAdminSetsTheTableAndRegistrationsFollowIt() {
            hx.refused(ErrorCode.WRONG_OFFICE, LAND_CLERK2, c -> cc.registerTitle(c, THIMPHU_PARCEL, h("t"), "PARO", "Thimphu"));
            assertEquals("{\"PARO\":[\"Paro\",\"Thimphu\"],\"THIMPHU\":[\"Thimphu\"]}", hx.submit(ADMIN, c -> cc.setLandOffices(c, TABLE)));
            assertEquals("{\"PARO\":[\"Paro\",\"Thimphu\"],\"THIMPHU\":[\"Thimphu\"]}", hx.evaluate(INSPECTOR, c -> cc.getLandOffices(c)));
            hx.submit(LAND_CLERK2, c -> cc.registerTitle(c, THIMPHU_PARCEL, h("t"), "PARO", "Thimphu"));
            hx.refused(ErrorCode.WRONG_OFFICE, LAND_CLERK2, c -> cc.registerTitle(c, "land-title:KAT1-0001", h("k"), "PARO", "Haa"));
            Map<String, Object> stored = Json.parseObject(hx.fabric.state.get(Ledger.LAND_OFFICES_KEY));
            assertEquals("admin", ((Map<?, ?>) stored.get("submitter")).get("subject"));
            assertEquals(1, stored.get("version"));
        }

        @Test
        void onlyALandAdminSetsIt() {
            hx.refused(ErrorCode.ACCESS_DENIED, LAND_CLERK, c -> cc.setLandOffices(c, TABLE));
            hx.refused(ErrorCode.ACCESS_DENIED, PROCUREMENT_ADMIN, c -> cc.setLandOffices(c, TABLE));
        }

        @Test
        void aMalformedTableIsRefused() {
            for (String bad : new String[] {"[]", "{}", "not json", "{\"PARO\":[]}", "{\"PARO\":\"Paro\"}", "{\"PARO\":[\"paro\"]}",
                    "{\"bad office\":[\"Paro\"]}"}) {
                hx.refused(ErrorCode.INVALID_ARGUMENT, ADMIN, c -> cc.setLandOffices(c, bad));
            }
        }
    }
}
