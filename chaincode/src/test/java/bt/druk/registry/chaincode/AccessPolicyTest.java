package bt.druk.registry.chaincode;

import static bt.druk.registry.chaincode.Harness.h;
import static bt.druk.registry.chaincode.TestIdentities.ADMIN;
import static bt.druk.registry.chaincode.TestIdentities.CITIZEN;
import static bt.druk.registry.chaincode.TestIdentities.INSPECTOR;
import static bt.druk.registry.chaincode.TestIdentities.LAND_CLERK;
import static bt.druk.registry.chaincode.TestIdentities.NOTARY_CLERK;
import static bt.druk.registry.chaincode.TestIdentities.PROCUREMENT_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import bt.druk.registry.chaincode.TestIdentities.Identity;

class AccessPolicyTest {
    static final String KEY = "land-title:PIN-7";

    Harness hx;
    RegistryContract cc;

    @BeforeEach
    void setUp() {
        hx = new Harness();
        cc = hx.contract;
    }

    @Test
    void citizenWithoutAttributesCannotWrite() {
        RegistryException e = hx.refused(ErrorCode.ACCESS_DENIED, CITIZEN, c -> cc.registerTitle(c, KEY, h("a"), "THIMPHU", "Thimphu"));
        assertTrue(e.getMessage().contains("citizen.nobody@LandMSP"), e.getMessage());
        assertTrue(e.getMessage().contains("no role"), e.getMessage());
    }

    @Test
    void citizenWithoutAttributesCannotRead() {
        hx.submit(LAND_CLERK, c -> cc.registerTitle(c, KEY, h("a"), "THIMPHU", "Thimphu"));
        hx.refused(ErrorCode.ACCESS_DENIED, CITIZEN, c -> cc.getRecord(c, KEY));
        hx.refused(ErrorCode.ACCESS_DENIED, CITIZEN, c -> cc.getHistory(c, KEY));
        hx.refused(ErrorCode.ACCESS_DENIED, CITIZEN, c -> cc.findByHash(c, h("a")));
        hx.refused(ErrorCode.ACCESS_DENIED, CITIZEN, c -> cc.listRecords(c, "land-title", "10", ""));
        hx.refused(ErrorCode.ACCESS_DENIED, CITIZEN, c -> cc.getNoticePeriod(c));
    }

    @Test
    void unknownRoleCannotRead() {
        Identity bidder = TestIdentities.create("bidder.x", "ProcurementMSP", Map.of("role", "bidder"));
        hx.refused(ErrorCode.ACCESS_DENIED, bidder, c -> cc.findByHash(c, h("a")));
    }

    @Test
    void wrongRoleCannotWrite() {
        hx.refused(ErrorCode.ACCESS_DENIED, INSPECTOR, c -> cc.registerTitle(c, KEY, h("a"), "THIMPHU", "Thimphu"));
        hx.refused(ErrorCode.ACCESS_DENIED, ADMIN, c -> cc.registerTitle(c, KEY, h("a"), "THIMPHU", "Thimphu"));
        // an inspector with a register attribute is still not a clerk
        Identity odd = TestIdentities.create("odd", "LandMSP", Map.of("role", "inspector", "register", "land"));
        hx.refused(ErrorCode.ACCESS_DENIED, odd, c -> cc.registerTitle(c, KEY, h("a"), "THIMPHU", "Thimphu"));
    }

    @Test
    void clerkOfAnotherRegisterIsWrongRegister() {
        RegistryException e = hx.refused(ErrorCode.WRONG_REGISTER, NOTARY_CLERK, c -> cc.registerTitle(c, KEY, h("a"), "THIMPHU", "Thimphu"));
        assertEquals("[WRONG_REGISTER] clerk of register notary may not write to the land register", e.getMessage());
        hx.refused(ErrorCode.WRONG_REGISTER, LAND_CLERK,
                c -> cc.publishTender(c, "tender:ocds-1", h("t"), "THIMPHU", "2027-01-01T00:00:00Z"));
        hx.refused(ErrorCode.WRONG_REGISTER, PROCUREMENT_CLERK,
                c -> cc.registerNotarisation(c, "notarisation:1", h("n"), h("d"), "THIMPHU"));
        hx.refused(ErrorCode.WRONG_REGISTER, LAND_CLERK, c -> cc.anchorBatch(c, "anchor:1", h("r"), "2", "THIMPHU"));
    }

    @Test
    void clerkWithoutRegisterAttributeIsWrongRegister() {
        Identity clerk = TestIdentities.create("clerk.noreg", "LandMSP", Map.of("role", "clerk"));
        hx.refused(ErrorCode.WRONG_REGISTER, clerk, c -> cc.registerTitle(c, KEY, h("a"), "THIMPHU", "Thimphu"));
    }

    @Test
    void landClerkEnrolledWithAnotherOrganisationIsDenied() {
        Identity foreign = TestIdentities.clerk("land.clerk", "JusticeMSP", "land", "THIMPHU");
        RegistryException e = hx.refused(ErrorCode.ACCESS_DENIED, foreign, c -> cc.registerTitle(c, KEY, h("a"), "THIMPHU", "Thimphu"));
        assertTrue(e.getMessage().contains("JusticeMSP"), e.getMessage());
        Identity auditClerk = TestIdentities.clerk("p", "AuditMSP", "procurement", "THIMPHU");
        hx.refused(ErrorCode.ACCESS_DENIED, auditClerk,
                c -> cc.publishTender(c, "tender:ocds-1", h("t"), "THIMPHU", "2027-01-01T00:00:00Z"));
    }

    @Test
    void updatesAreGuardedToo() {
        hx.submit(LAND_CLERK, c -> cc.registerTitle(c, KEY, h("a"), "THIMPHU", "Thimphu"));
        hx.refused(ErrorCode.WRONG_REGISTER, NOTARY_CLERK, c -> cc.lodgeTransfer(c, KEY, "2", h("b"), h("a")));
        hx.refused(ErrorCode.ACCESS_DENIED, INSPECTOR, c -> cc.registerMortgage(c, KEY, "2", h("b"), h("a"), "M-1"));
        hx.refused(ErrorCode.ACCESS_DENIED, CITIZEN, c -> cc.lodgeCaveat(c, KEY, "2", h("b"), h("a"), "C-1"));
    }

    @Test
    void accessIsCheckedBeforeArguments() {
        // a refused caller learns nothing about argument rules or existing keys
        hx.refused(ErrorCode.ACCESS_DENIED, CITIZEN, c -> cc.registerTitle(c, "garbage", "nothex", "THIMPHU", "Thimphu"));
    }

    @Test
    void onlyAnAdminOfTheLandRegistersOrganisationSetsTheNoticePeriodAndTheKeyKeepsItsOwnPolicy() throws Exception {
        Identity justiceAdmin = TestIdentities.create("justice.admin", "JusticeMSP", Map.of("role", "admin"));
        RegistryException e = hx.refused(ErrorCode.ACCESS_DENIED, justiceAdmin, c -> cc.setNoticePeriod(c, "60"));
        assertEquals("[ACCESS_DENIED] only an admin of LandMSP may change the land register's configuration;"
                + " identity justice.admin@JusticeMSP", e.getMessage());
        assertEquals("2592000", hx.evaluate(LAND_CLERK, c -> cc.getNoticePeriod(c)));

        hx.submit(ADMIN, c -> cc.setNoticePeriod(c, "86400"));
        byte[] policy = hx.fabric.validationParameters.get(Ledger.NOTICE_PERIOD_KEY);
        assertEquals(java.util.List.of("AuditMSP", "LandMSP"), org.hyperledger.fabric.shim.ext.sbe.impl.StateBasedEndorsementFactory
                .getInstance().newStateBasedEndorsement(policy).listOrgs().stream().sorted().toList());
    }

    @Test
    void staffCanRead() {
        hx.submit(LAND_CLERK, c -> cc.registerTitle(c, KEY, h("a"), "THIMPHU", "Thimphu"));
        for (Identity id : new Identity[] {LAND_CLERK, PROCUREMENT_CLERK, NOTARY_CLERK, INSPECTOR, ADMIN}) {
            assertEquals(hx.fabric.stateText(KEY), hx.evaluate(id, c -> cc.getRecord(c, KEY)));
        }
    }

    @Test
    void noticePeriodIsAdminOnly() {
        hx.refused(ErrorCode.ACCESS_DENIED, LAND_CLERK, c -> cc.setNoticePeriod(c, "60"));
        hx.refused(ErrorCode.ACCESS_DENIED, INSPECTOR, c -> cc.setNoticePeriod(c, "60"));
        hx.refused(ErrorCode.ACCESS_DENIED, CITIZEN, c -> cc.setNoticePeriod(c, "60"));
        hx.refused(ErrorCode.INVALID_ARGUMENT, ADMIN, c -> cc.setNoticePeriod(c, "-5"));
        RegistryException tooShort = hx.refused(ErrorCode.INVALID_ARGUMENT, ADMIN, c -> cc.setNoticePeriod(c, "59"));
        assertEquals("[INVALID_ARGUMENT] seconds must be an integer from 60 to 315360000, got '59'", tooShort.getMessage());
        assertEquals("60", hx.submit(ADMIN, c -> cc.setNoticePeriod(c, "60")), "the minimum itself is allowed");
        hx.refused(ErrorCode.INVALID_ARGUMENT, ADMIN, c -> cc.setNoticePeriod(c, "315360001"));
        hx.refused(ErrorCode.INVALID_ARGUMENT, ADMIN, c -> cc.setNoticePeriod(c, "1e3"));
        assertEquals("86400", hx.submit(ADMIN, c -> cc.setNoticePeriod(c, "86400")));
        assertEquals("86400", hx.evaluate(LAND_CLERK, c -> cc.getNoticePeriod(c)));
    }

    @Test
    void submitterIsMspAndCertificateCommonName() {
        hx.submit(TestIdentities.LAND_CLERK2, c -> cc.registerTitle(c, KEY, h("a"), "PARO", "Paro"));
        assertEquals(new Submitter("LandMSP", "land.clerk2"), hx.entry(KEY).submitter());
    }
}
