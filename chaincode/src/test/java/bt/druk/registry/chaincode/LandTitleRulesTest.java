package bt.druk.registry.chaincode;

import static bt.druk.registry.chaincode.Harness.h;
import static bt.druk.registry.chaincode.TestIdentities.ADMIN;
import static bt.druk.registry.chaincode.TestIdentities.LAND_CLERK;
import static bt.druk.registry.chaincode.TestIdentities.LAND_CLERK2;
import static bt.druk.registry.chaincode.TestIdentities.NOTARY_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;
import org.hyperledger.fabric.shim.ext.sbe.impl.StateBasedEndorsementFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import bt.druk.registry.chaincode.Harness.Step;

class LandTitleRulesTest {
    static final String KEY = "land-title:PIN-100";
    static final String V1 = h("title PIN-100 v1");

    Harness hx;
    RegistryContract cc;

    @BeforeEach
    void setUp() {
        hx = new Harness();
        cc = hx.contract;
        hx.submit(LAND_CLERK, c -> cc.registerTitle(c, KEY, V1, "THIMPHU", "Thimphu"));
    }

    // ---------------------------------------------------------------- registration

    @Test
    void registerTitleWritesVersionOneEntry() {
        LedgerEntry e = hx.entry(KEY);
        assertEquals(KEY, e.key());
        assertEquals("land-title", e.kind());
        assertEquals(1, e.version());
        assertEquals(V1, e.hash());
        assertNull(e.previousHash());
        assertEquals("registered", e.status());
        assertEquals("land", e.register());
        assertEquals("THIMPHU", e.office());
        assertEquals(new Submitter("LandMSP", "land.clerk"), e.submitter());
        assertEquals("tx0001", e.txId());
        assertEquals("2026-03-01T08:00:00Z", e.txTime());
        assertEquals(List.of(), e.list("openMortgages"));
        assertEquals(List.of(), e.list("openCaveats"));
        assertTrue(e.fields().containsKey("pendingTransfer"));
        assertNull(e.fields().get("pendingTransfer"));
    }

    @Test
    void registerTitleReturnsTheStoredBytes() {
        String key = "land-title:PIN-101";
        String result = hx.submit(LAND_CLERK2, c -> cc.registerTitle(c, key, h("x"), "PARO", "Paro"));
        assertEquals(hx.fabric.stateText(key), result);
    }

    @Test
    void stateBasedEndorsementIsSetOnCreationForLandAndAudit() throws Exception {
        byte[] policy = hx.fabric.validationParameters.get(KEY);
        assertNotNull(policy, "no key-level endorsement policy on " + KEY);
        assertEquals(List.of("AuditMSP", "LandMSP"),
                StateBasedEndorsementFactory.getInstance().newStateBasedEndorsement(policy).listOrgs().stream()
                        .sorted().toList());
        SignaturePolicyEnvelope env = SignaturePolicyEnvelope.parseFrom(policy);
        assertEquals(2, env.getRule().getNOutOf().getN(), "both organisations must endorse");
        assertEquals(2, env.getIdentitiesCount());
        for (var principal : env.getIdentitiesList()) {
            assertEquals(MSPRole.MSPRoleType.PEER, MSPRole.parseFrom(principal.getPrincipal()).getRole());
        }
        // and on the hash index entry
        String indexKey = "\u0000hash\u0000" + V1 + "\u0000" + KEY + "\u00001\u0000";
        assertTrue(hx.fabric.state.containsKey(indexKey));
        assertNotNull(hx.fabric.validationParameters.get(indexKey));
    }

    @Test
    void endorsementPolicyIsNotRewrittenOnUpdate() {
        Step s = hx.step(KEY);
        hx.submit(LAND_CLERK, c -> cc.registerMortgage(c, KEY, s.version(), s.hash(), s.previousHash(), "MORT-1"));
        verifyNoValidationParameterWrite(KEY);
    }

    private void verifyNoValidationParameterWrite(String key) {
        org.mockito.Mockito.verify(hx.lastStub, org.mockito.Mockito.never())
                .setStateValidationParameter(org.mockito.ArgumentMatchers.eq(key), org.mockito.ArgumentMatchers.any());
    }

    @Test
    void everyWriteEmitsRecordWritten() {
        FakeFabric.Event created = hx.lastEvent();
        assertEquals("RecordWritten", created.name());
        assertEquals("{\"hash\":\"" + V1 + "\",\"key\":\"" + KEY + "\",\"kind\":\"land-title\",\"txId\":\"tx0001\",\"version\":1}",
                created.payloadText());
        Step s = hx.step(KEY);
        hx.submit(LAND_CLERK, c -> cc.lodgeCaveat(c, KEY, s.version(), s.hash(), s.previousHash(), "CAV-1"));
        assertEquals(2, hx.fabric.events.size());
        assertEquals("{\"hash\":\"" + s.hash() + "\",\"key\":\"" + KEY + "\",\"kind\":\"land-title\",\"txId\":\"tx0002\",\"version\":2}",
                hx.lastEvent().payloadText());
    }

    @Test
    void duplicateRegistrationIsRefused() {
        hx.refused(ErrorCode.ALREADY_EXISTS, LAND_CLERK, c -> cc.registerTitle(c, KEY, h("another"), "THIMPHU", "Thimphu"));
    }

    @Test
    void retriedRegistrationIsAlreadyRecorded() {
        RegistryException e = hx.refused(ErrorCode.ALREADY_RECORDED, LAND_CLERK2,
                c -> cc.registerTitle(c, KEY, V1, "THIMPHU", "Thimphu"));
        assertTrue(e.getMessage().contains("tx0001"), e.getMessage());
    }

    @Test
    void registrationRetryAfterLaterVersionIsAlreadyExists() {
        Step s = hx.step(KEY);
        hx.submit(LAND_CLERK, c -> cc.registerMortgage(c, KEY, s.version(), s.hash(), s.previousHash(), "M-1"));
        hx.refused(ErrorCode.ALREADY_EXISTS, LAND_CLERK, c -> cc.registerTitle(c, KEY, V1, "THIMPHU", "Thimphu"));
    }

    // ---------------------------------------------------------------- the office in the certificate

    @Test
    void aClerkRegistersOnlyForTheOfficeInTheirCertificate() {
        RegistryException e = hx.refused(ErrorCode.WRONG_OFFICE, LAND_CLERK2,
                c -> cc.registerTitle(c, "land-title:PIN-102", h("y"), "THIMPHU", "Thimphu"));
        assertEquals("[WRONG_OFFICE] land-title PIN-102 is kept by the THIMPHU office; clerk land.clerk2 is of the PARO office",
                e.getMessage());
        assertNull(hx.fabric.stateText("land-title:PIN-102"));
    }

    @Test
    void aParoClerkCannotChangeAThimphuTitleButAThimphuClerkCan() {
        Step s = hx.step(KEY);
        hx.refused(ErrorCode.WRONG_OFFICE, LAND_CLERK2,
                c -> cc.registerMortgage(c, KEY, s.version(), s.hash(), s.previousHash(), "M-9"));
        hx.refused(ErrorCode.WRONG_OFFICE, LAND_CLERK2,
                c -> cc.lodgeCaveat(c, KEY, s.version(), s.hash(), s.previousHash(), "C-9"));
        assertEquals(1, hx.entry(KEY).version(), "nothing written");
        hx.submit(LAND_CLERK, c -> cc.registerMortgage(c, KEY, s.version(), s.hash(), s.previousHash(), "M-9"));
        assertEquals(2, hx.entry(KEY).version());
    }

    // ---------------------------------------------------------------- versions and chain of hashes

    @Test
    void staleVersionIsRefused() {
        Step s = hx.step(KEY);
        hx.submit(LAND_CLERK, c -> cc.registerMortgage(c, KEY, s.version(), s.hash(), s.previousHash(), "M-1"));
        // a second clerk still holding version 1 names version 2 again, with a different hash
        RegistryException e = hx.refused(ErrorCode.STALE_VERSION, LAND_CLERK2,
                c -> cc.lodgeCaveat(c, KEY, "2", h("other v2"), V1, "C-1"));
        assertEquals("[STALE_VERSION] land-title PIN-100 is at version 2; update named version 2", e.getMessage());
        hx.refused(ErrorCode.STALE_VERSION, LAND_CLERK, c -> cc.lodgeCaveat(c, KEY, "4", h("v4"), s.hash(), "C-1"));
    }

    @Test
    void wrongPreviousHashIsRefused() {
        hx.refused(ErrorCode.HASH_MISMATCH, LAND_CLERK, c -> cc.registerMortgage(c, KEY, "2", h("v2"), h("not v1"), "M-1"));
    }

    @Test
    void retriedUpdateIsAlreadyRecorded() {
        Step s = hx.step(KEY);
        hx.submit(LAND_CLERK, c -> cc.registerMortgage(c, KEY, s.version(), s.hash(), s.previousHash(), "M-1"));
        hx.refused(ErrorCode.ALREADY_RECORDED, LAND_CLERK,
                c -> cc.registerMortgage(c, KEY, s.version(), s.hash(), s.previousHash(), "M-1"));
        assertEquals(2, hx.entry(KEY).version());
    }

    @Test
    void updateOfMissingTitleIsNotFound() {
        hx.refused(ErrorCode.NOT_FOUND, LAND_CLERK, c -> cc.lodgeTransfer(c, "land-title:NOPE", "2", h("a"), h("b")));
    }

    @Test
    void versionsLinkToThePreviousHash() {
        Step s2 = hx.step(KEY);
        hx.submit(LAND_CLERK, c -> cc.registerMortgage(c, KEY, s2.version(), s2.hash(), s2.previousHash(), "M-1"));
        Step s3 = hx.step(KEY);
        hx.submit(LAND_CLERK, c -> cc.dischargeMortgage(c, KEY, s3.version(), s3.hash(), s3.previousHash(), "M-1"));
        LedgerEntry e = hx.entry(KEY);
        assertEquals(3, e.version());
        assertEquals(s2.hash(), e.previousHash());
        assertEquals("THIMPHU", e.office(), "office stays the record's office");
    }

    // ---------------------------------------------------------------- transfers

    @Test
    void lodgeTransferStartsNoticePeriodOfThirtyDaysByDefault() {
        Step s = hx.step(KEY);
        hx.advance(Duration.ofHours(1));
        hx.submit(LAND_CLERK, c -> cc.lodgeTransfer(c, KEY, s.version(), s.hash(), s.previousHash()));
        LedgerEntry e = hx.entry(KEY);
        assertEquals("transfer-pending", e.status());
        assertEquals(Map.of("lodgedAt", "2026-03-01T09:00:00Z", "noticeEndsAt", "2026-03-31T09:00:00Z", "objected", false),
                e.object("pendingTransfer"));
    }

    @Test
    void aCourtOrderChangesTheOwnersTheSameDayAndVoidsThePendingTransfer() {
        Step s = hx.step(KEY);
        hx.submit(LAND_CLERK, c -> cc.lodgeTransfer(c, KEY, s.version(), s.hash(), s.previousHash()));
        hx.advance(Duration.ofHours(2));
        Step t = hx.step(KEY);
        String order = h("Thimphu Dzongkhag Court, civil case 12/2026");
        hx.submit(LAND_CLERK, c -> cc.transferByCourtOrder(c, KEY, t.version(), t.hash(), t.previousHash(), order));
        LedgerEntry e = hx.entry(KEY);
        assertEquals("registered", e.status(), "no notice period: the court heard the parties");
        assertNull(e.fields().get("pendingTransfer"), "the lodged transfer is void");
        assertEquals(Map.of("sha256", order, "registeredAt", "2026-03-01T10:00:00Z"), e.object("courtOrder"));
    }

    @Test
    void aCourtOrderLeavesMortgagesAndCaveatsWithTheLandAndNeedsTheOrdersHash() {
        Step s = hx.step(KEY);
        hx.submit(LAND_CLERK, c -> cc.registerMortgage(c, KEY, s.version(), s.hash(), s.previousHash(), "BOB-2026-9"));
        Step t = hx.step(KEY);
        hx.refused(ErrorCode.INVALID_ARGUMENT, LAND_CLERK,
                c -> cc.transferByCourtOrder(c, KEY, t.version(), t.hash(), t.previousHash(), "not-a-hash"));
        hx.submit(LAND_CLERK, c -> cc.transferByCourtOrder(c, KEY, t.version(), t.hash(), t.previousHash(), h("order")));
        LedgerEntry e = hx.entry(KEY);
        assertEquals("encumbered", e.status());
        assertEquals(List.of("BOB-2026-9"), e.list("openMortgages"));
        hx.refused(ErrorCode.WRONG_REGISTER, NOTARY_CLERK, c -> cc.transferByCourtOrder(c, KEY, "4", h("v4"), e.hash(), h("order")));
    }

    @Test
    void transferUnderMortgageIsRefused() {
        Step s = hx.step(KEY);
        hx.submit(LAND_CLERK, c -> cc.registerMortgage(c, KEY, s.version(), s.hash(), s.previousHash(), "BOB-2026-7"));
        assertEquals("encumbered", hx.entry(KEY).status());
        Step t = hx.step(KEY);
        RegistryException e = hx.refused(ErrorCode.ENCUMBERED, LAND_CLERK,
                c -> cc.lodgeTransfer(c, KEY, t.version(), t.hash(), t.previousHash()));
        assertTrue(e.getMessage().contains("BOB-2026-7"));
    }

    @Test
    void transferUnderCaveatIsRefused() {
        Step s = hx.step(KEY);
        hx.submit(LAND_CLERK, c -> cc.lodgeCaveat(c, KEY, s.version(), s.hash(), s.previousHash(), "CAV-9"));
        Step t = hx.step(KEY);
        hx.refused(ErrorCode.ENCUMBERED, LAND_CLERK, c -> cc.lodgeTransfer(c, KEY, t.version(), t.hash(), t.previousHash()));
    }

    @Test
    void transferAllowedAgainAfterDischargeAndRelease() {
        Step s = hx.step(KEY);
        hx.submit(LAND_CLERK, c -> cc.registerMortgage(c, KEY, s.version(), s.hash(), s.previousHash(), "M-1"));
        Step s2 = hx.step(KEY);
        hx.submit(LAND_CLERK, c -> cc.lodgeCaveat(c, KEY, s2.version(), s2.hash(), s2.previousHash(), "C-1"));
        Step s3 = hx.step(KEY);
        hx.submit(LAND_CLERK, c -> cc.dischargeMortgage(c, KEY, s3.version(), s3.hash(), s3.previousHash(), "M-1"));
        assertEquals("encumbered", hx.entry(KEY).status(), "the caveat is still open");
        Step s4 = hx.step(KEY);
        hx.submit(LAND_CLERK, c -> cc.releaseCaveat(c, KEY, s4.version(), s4.hash(), s4.previousHash(), "C-1"));
        assertEquals("registered", hx.entry(KEY).status());
        Step s5 = hx.step(KEY);
        hx.submit(LAND_CLERK, c -> cc.lodgeTransfer(c, KEY, s5.version(), s5.hash(), s5.previousHash()));
        assertEquals("transfer-pending", hx.entry(KEY).status());
    }

    @Test
    void secondTransferWhilePendingIsRefused() {
        lodge();
        Step t = hx.step(KEY);
        hx.refused(ErrorCode.ENCUMBERED, LAND_CLERK, c -> cc.lodgeTransfer(c, KEY, t.version(), t.hash(), t.previousHash()));
    }

    @Test
    void mortgageAndCaveatWhileTransferPendingAreRefused() {
        lodge();
        Step t = hx.step(KEY);
        hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, LAND_CLERK,
                c -> cc.registerMortgage(c, KEY, t.version(), t.hash(), t.previousHash(), "M-1"));
        hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, LAND_CLERK,
                c -> cc.lodgeCaveat(c, KEY, t.version(), t.hash(), t.previousHash(), "C-1"));
    }

    @Test
    void finaliseBeforeNoticeEndIsRefused() {
        lodge();
        hx.advance(Duration.ofDays(30).minusSeconds(1));
        Step t = hx.step(KEY);
        RegistryException e = hx.refused(ErrorCode.NOTICE_PERIOD_RUNNING, LAND_CLERK,
                c -> cc.finaliseTransfer(c, KEY, t.version(), t.hash(), t.previousHash()));
        assertTrue(e.getMessage().contains("2026-03-31T08:00:00Z"), e.getMessage());
    }

    @Test
    void finaliseAtNoticeEndCompletesTheTransfer() {
        lodge();
        hx.advance(Duration.ofDays(30));
        Step t = hx.step(KEY);
        hx.submit(LAND_CLERK, c -> cc.finaliseTransfer(c, KEY, t.version(), t.hash(), t.previousHash()));
        LedgerEntry e = hx.entry(KEY);
        assertEquals("registered", e.status());
        assertNull(e.object("pendingTransfer"));
        assertTrue(e.fields().containsKey("pendingTransfer"));
    }

    @Test
    void finaliseWithoutPendingTransferIsRefused() {
        Step t = hx.step(KEY);
        hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, LAND_CLERK,
                c -> cc.finaliseTransfer(c, KEY, t.version(), t.hash(), t.previousHash()));
    }

    @Test
    void objectionDuringNoticeVoidsTheTransfer() {
        lodge();
        hx.advance(Duration.ofDays(29));
        Step t = hx.step(KEY);
        hx.submit(LAND_CLERK, c -> cc.objectToTransfer(c, KEY, t.version(), t.hash(), t.previousHash()));
        LedgerEntry e = hx.entry(KEY);
        assertEquals("transfer-objected", e.status());
        assertNull(e.object("pendingTransfer"));
        // the void transfer can no longer be finalised, but a new one can be lodged
        hx.advance(Duration.ofDays(5));
        Step f = hx.step(KEY);
        hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, LAND_CLERK,
                c -> cc.finaliseTransfer(c, KEY, f.version(), f.hash(), f.previousHash()));
        hx.submit(LAND_CLERK, c -> cc.lodgeTransfer(c, KEY, f.version(), f.hash(), f.previousHash()));
        assertEquals("transfer-pending", hx.entry(KEY).status());
    }

    @Test
    void objectionAfterNoticeEndIsRefused() {
        lodge();
        hx.advance(Duration.ofDays(30));
        Step t = hx.step(KEY);
        hx.refused(ErrorCode.DEADLINE_PASSED, LAND_CLERK,
                c -> cc.objectToTransfer(c, KEY, t.version(), t.hash(), t.previousHash()));
    }

    @Test
    void objectionWithoutPendingTransferIsRefused() {
        Step t = hx.step(KEY);
        hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, LAND_CLERK,
                c -> cc.objectToTransfer(c, KEY, t.version(), t.hash(), t.previousHash()));
    }

    @Test
    void noticePeriodSetByAdminIsUsedForNewTransfers() {
        hx.submit(ADMIN, c -> cc.setNoticePeriod(c, "60"));
        assertEquals("60", hx.evaluate(LAND_CLERK, c -> cc.getNoticePeriod(c)));
        FakeFabric.Event ev = hx.lastEvent();
        assertEquals("RecordWritten", ev.name());
        assertTrue(ev.payloadText().contains("\"kind\":\"config\""), ev.payloadText());
        assertTrue(ev.payloadText().contains("\"key\":\"config:noticePeriodSeconds\""), ev.payloadText());
        lodge();
        assertEquals("2026-03-01T08:01:00Z", hx.entry(KEY).object("pendingTransfer").get("noticeEndsAt"));
        hx.advance(Duration.ofSeconds(60));
        Step t = hx.step(KEY);
        hx.submit(LAND_CLERK, c -> cc.finaliseTransfer(c, KEY, t.version(), t.hash(), t.previousHash()));
        assertEquals("registered", hx.entry(KEY).status());
    }

    @Test
    void defaultNoticePeriodIsThirtyDays() {
        assertEquals("2592000", hx.evaluate(LAND_CLERK, c -> cc.getNoticePeriod(c)));
    }

    @Test
    void noticePeriodConfigIsVersioned() {
        hx.submit(ADMIN, c -> cc.setNoticePeriod(c, "60"));
        hx.submit(ADMIN, c -> cc.setNoticePeriod(c, "120"));
        String stored = hx.fabric.stateText(Ledger.NOTICE_PERIOD_KEY);
        assertTrue(stored.contains("\"seconds\":120"), stored);
        assertTrue(stored.contains("\"version\":2"), stored);
        assertEquals("120", hx.evaluate(TestIdentities.INSPECTOR, c -> cc.getNoticePeriod(c)));
    }

    // ---------------------------------------------------------------- mortgages and caveats

    @Test
    void mortgageLifecycle() {
        Step s = hx.step(KEY);
        hx.submit(LAND_CLERK, c -> cc.registerMortgage(c, KEY, s.version(), s.hash(), s.previousHash(), "M-1"));
        Step s2 = hx.step(KEY);
        hx.submit(LAND_CLERK, c -> cc.registerMortgage(c, KEY, s2.version(), s2.hash(), s2.previousHash(), "M-2"));
        assertEquals(List.of("M-1", "M-2"), hx.entry(KEY).list("openMortgages"));
        Step s3 = hx.step(KEY);
        hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, LAND_CLERK,
                c -> cc.registerMortgage(c, KEY, s3.version(), s3.hash(), s3.previousHash(), "M-1"));
        hx.refused(ErrorCode.NOT_FOUND, LAND_CLERK,
                c -> cc.dischargeMortgage(c, KEY, s3.version(), s3.hash(), s3.previousHash(), "M-9"));
        hx.submit(LAND_CLERK, c -> cc.dischargeMortgage(c, KEY, s3.version(), s3.hash(), s3.previousHash(), "M-1"));
        assertEquals(List.of("M-2"), hx.entry(KEY).list("openMortgages"));
        assertEquals("encumbered", hx.entry(KEY).status());
        Step s4 = hx.step(KEY);
        hx.submit(LAND_CLERK, c -> cc.dischargeMortgage(c, KEY, s4.version(), s4.hash(), s4.previousHash(), "M-2"));
        assertEquals(List.of(), hx.entry(KEY).list("openMortgages"));
        assertEquals("registered", hx.entry(KEY).status());
    }

    @Test
    void releaseOfUnknownCaveatIsNotFound() {
        Step s = hx.step(KEY);
        hx.refused(ErrorCode.NOT_FOUND, LAND_CLERK, c -> cc.releaseCaveat(c, KEY, s.version(), s.hash(), s.previousHash(), "C-1"));
    }

    @Test
    void updateOfAnotherKindsKeyIsInvalid() {
        hx.refused(ErrorCode.INVALID_ARGUMENT, LAND_CLERK, c -> cc.lodgeTransfer(c, "tender:ocds-1", "2", h("a"), h("b")));
    }

    @Test
    void refusedTransactionDoesNotEmitEvent() {
        int before = hx.fabric.events.size();
        hx.refused(ErrorCode.ALREADY_EXISTS, LAND_CLERK, c -> cc.registerTitle(c, KEY, h("z"), "THIMPHU", "Thimphu"));
        assertEquals(before, hx.fabric.events.size());
        assertFalse(hx.fabric.events.stream().anyMatch(ev -> ev.payloadText().contains(h("z"))));
    }

    private void lodge() {
        Step s = hx.step(KEY);
        hx.submit(LAND_CLERK, c -> cc.lodgeTransfer(c, KEY, s.version(), s.hash(), s.previousHash()));
    }
}
