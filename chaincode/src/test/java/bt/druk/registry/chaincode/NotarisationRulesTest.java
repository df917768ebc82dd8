package bt.druk.registry.chaincode;

import static bt.druk.registry.chaincode.Harness.h;
import static bt.druk.registry.chaincode.TestIdentities.INSPECTOR;
import static bt.druk.registry.chaincode.TestIdentities.NOTARY_CLERK;
import static bt.druk.registry.chaincode.TestIdentities.NOTARY_CLERK2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.hyperledger.fabric.shim.ext.sbe.impl.StateBasedEndorsementFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import bt.druk.registry.chaincode.Harness.Step;

class NotarisationRulesTest {
    static final String N1 = "notarisation:2026-000001";
    static final String N2 = "notarisation:2026-000002";
    static final String DOC = h("scanned deed.pdf bytes");
    static final String R1 = h("notarisation record 1");

    Harness hx;
    RegistryContract cc;

    @BeforeEach
    void setUp() {
        hx = new Harness();
        cc = hx.contract;
        hx.submit(NOTARY_CLERK, c -> cc.registerNotarisation(c, N1, R1, DOC, "THIMPHU"));
    }

    @Test
    void registerNotarisation() {
        LedgerEntry e = hx.entry(N1);
        assertEquals("notarisation", e.kind());
        assertEquals("notary", e.register());
        assertEquals("registered", e.status());
        assertEquals(DOC, e.text("documentHash"));
        assertNull(e.text("reason"));
        assertNull(e.text("supersededBy"));
        assertEquals(new Submitter("JusticeMSP", "notary.clerk"), e.submitter());
        assertEquals(List.of("AuditMSP", "JusticeMSP"), StateBasedEndorsementFactory.getInstance()
                .newStateBasedEndorsement(hx.fabric.validationParameters.get(N1)).listOrgs().stream().sorted().toList());
    }

    @Test
    void documentHashAndRecordHashAreBothIndexed() {
        assertEquals("[{\"key\":\"" + N1 + "\",\"version\":1}]", hx.evaluate(INSPECTOR, c -> cc.findByHash(c, DOC)));
        assertEquals("[{\"key\":\"" + N1 + "\",\"version\":1}]", hx.evaluate(INSPECTOR, c -> cc.findByHash(c, R1)));
    }

    @Test
    void duplicateDocumentHashIsRefusedWhileActive() {
        RegistryException e = hx.refused(ErrorCode.DUPLICATE_HASH, NOTARY_CLERK,
                c -> cc.registerNotarisation(c, N2, h("record 2"), DOC, "THIMPHU"));
        assertEquals(true, e.getMessage().contains(N1.substring("notarisation:".length())), e.getMessage());
    }

    @Test
    void documentCanBeNotarisedAgainAfterRevocation() {
        Step s = hx.step(N1);
        hx.submit(NOTARY_CLERK, c -> cc.revokeNotarisation(c, N1, s.version(), s.hash(), s.previousHash(), "signed under duress"));
        LedgerEntry revoked = hx.entry(N1);
        assertEquals("revoked", revoked.status());
        assertEquals("signed under duress", revoked.text("reason"));
        hx.submit(NOTARY_CLERK2, c -> cc.registerNotarisation(c, N2, h("record 2"), DOC, "PARO"));
        assertEquals("[{\"key\":\"" + N1 + "\",\"version\":1},{\"key\":\"" + N2 + "\",\"version\":1}]",
                hx.evaluate(INSPECTOR, c -> cc.findByHash(c, DOC)));
    }

    @Test
    void retriedRegistrationIsAlreadyRecordedNotDuplicate() {
        hx.refused(ErrorCode.ALREADY_RECORDED, NOTARY_CLERK, c -> cc.registerNotarisation(c, N1, R1, DOC, "THIMPHU"));
        hx.refused(ErrorCode.ALREADY_EXISTS, NOTARY_CLERK, c -> cc.registerNotarisation(c, N1, h("x"), h("y"), "THIMPHU"));
    }

    @Test
    void supersedeByAnActiveNotarisation() {
        hx.submit(NOTARY_CLERK, c -> cc.registerNotarisation(c, N2, h("record 2"), h("corrected deed"), "THIMPHU"));
        Step s = hx.step(N1);
        hx.submit(NOTARY_CLERK, c -> cc.supersedeNotarisation(c, N1, s.version(), s.hash(), s.previousHash(), N2,
                "corrected plot area"));
        LedgerEntry e = hx.entry(N1);
        assertEquals("superseded", e.status());
        assertEquals(N2, e.text("supersededBy"));
        assertEquals("corrected plot area", e.text("reason"));
        assertEquals(2, e.version());
        // a superseded notarisation cannot be revoked or superseded again
        Step s2 = hx.step(N1);
        hx.refused(ErrorCode.NOT_ALLOWED_IN_STATE, NOTARY_CLERK,
                c -> cc.revokeNotarisation(c, N1, s2.version(), s2.hash(), s2.previousHash(), "again"));
    }

    @Test
    void supersedeRefusals() {
        Step s = hx.step(N1);
        hx.refused(ErrorCode.NOT_FOUND, NOTARY_CLERK,
                c -> cc.supersedeNotarisation(c, N1, s.version(), s.hash(), s.previousHash(), N2, "corrected"));
        hx.refused(ErrorCode.INVALID_ARGUMENT, NOTARY_CLERK,
                c -> cc.supersedeNotarisation(c, N1, s.version(), s.hash(), s.previousHash(), N1, "corrected"));
        hx.refused(ErrorCode.INVALID_ARGUMENT, NOTARY_CLERK,
                c -> cc.supersedeNotarisation(c, N1, s.version(), s.hash(), s.previousHash(), "anchor:a1", "corrected"));
        hx.refused(ErrorCode.INVALID_ARGUMENT, NOTARY_CLERK,
                c -> cc.revokeNotarisation(c, N1, s.version(), s.hash(), s.previousHash(), "contact me at a.b@example.bt"));
    }

    @Test
    void revokeWithStaleVersionOrWrongPreviousHash() {
        hx.refused(ErrorCode.STALE_VERSION, NOTARY_CLERK, c -> cc.revokeNotarisation(c, N1, "3", h("a"), R1, "why"));
        hx.refused(ErrorCode.HASH_MISMATCH, NOTARY_CLERK, c -> cc.revokeNotarisation(c, N1, "2", h("a"), h("b"), "why"));
    }

    @Test
    void anchorBatch() {
        String root = h("merkle root of 128 documents");
        String out = hx.submit(NOTARY_CLERK, c -> cc.anchorBatch(c, "anchor:2026-03-01-001", root, "128", "THIMPHU"));
        LedgerEntry e = hx.entry("anchor:2026-03-01-001");
        assertEquals(hx.fabric.stateText("anchor:2026-03-01-001"), out);
        assertEquals("anchor", e.kind());
        assertEquals("anchored", e.status());
        assertEquals(root, e.hash());
        assertEquals(root, e.text("merkleRoot"));
        assertEquals(128, e.integer("leafCount"));
        assertNotNull(hx.fabric.validationParameters.get("anchor:2026-03-01-001"));
        assertEquals("[{\"key\":\"anchor:2026-03-01-001\",\"version\":1}]", hx.evaluate(INSPECTOR, c -> cc.findByHash(c, root)));
        hx.refused(ErrorCode.ALREADY_RECORDED, NOTARY_CLERK, c -> cc.anchorBatch(c, "anchor:2026-03-01-001", root, "128", "THIMPHU"));
        hx.refused(ErrorCode.ALREADY_EXISTS, NOTARY_CLERK, c -> cc.anchorBatch(c, "anchor:2026-03-01-001", h("r2"), "128", "THIMPHU"));
    }

    @Test
    void anchorLeafCountMustBeAtLeastOne() {
        for (String bad : new String[] {"0", "-1", "1.5", "", "abc", "99999999999", "01"}) {
            hx.refused(ErrorCode.INVALID_ARGUMENT, NOTARY_CLERK, c -> cc.anchorBatch(c, "anchor:a", h("r"), bad, "THIMPHU"));
        }
        hx.refused(ErrorCode.INVALID_ARGUMENT, NOTARY_CLERK, c -> cc.anchorBatch(c, "anchor:a", h("r"), null, "THIMPHU"));
    }
}
