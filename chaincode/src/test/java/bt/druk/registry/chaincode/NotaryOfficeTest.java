package bt.druk.registry.chaincode;

import static bt.druk.registry.chaincode.Harness.h;
import static bt.druk.registry.chaincode.TestIdentities.NOTARY_CLERK;
import static bt.druk.registry.chaincode.TestIdentities.NOTARY_CLERK2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import bt.druk.registry.chaincode.Harness.Step;
import bt.druk.registry.chaincode.TestIdentities.Identity;

/**
 * A notarisation (and a batch anchor) is kept by the office of the notary who wrote it, read from the
 * notary's certificate, never from an argument: a Paro notary can neither write in Thimphu's name nor
 * revoke or supersede a Thimphu notarisation.
 */
class NotaryOfficeTest {
    static final String N1 = "notarisation:2026-000001";
    static final String N2 = "notarisation:2026-000002";
    static final String P1 = "notarisation:2026-000101";

    Harness hx;
    RegistryContract cc;

    @BeforeEach
    void setUp() {
        hx = new Harness();
        cc = hx.contract;
        hx.submit(NOTARY_CLERK, c -> cc.registerNotarisation(c, N1, h("n1"), h("deed 1"), "THIMPHU"));
        hx.submit(NOTARY_CLERK, c -> cc.registerNotarisation(c, N2, h("n2"), h("deed 2"), "THIMPHU"));
        hx.submit(NOTARY_CLERK2, c -> cc.registerNotarisation(c, P1, h("p1"), h("paro deed"), "PARO"));
    }

    @Nested
    class RegisterNotarisation {
        @Test
        void theOfficeArgumentIsNotTrusted() {
            RegistryException e = hx.refused(ErrorCode.WRONG_OFFICE, NOTARY_CLERK2,
                    c -> cc.registerNotarisation(c, "notarisation:2026-000102", h("x"), h("another deed"), "THIMPHU"));
            assertEquals("[WRONG_OFFICE] notarisation 2026-000102 would be kept by the THIMPHU office; notary notary.clerk2"
                    + " is of the PARO office: a notary writes for their own office", e.getMessage());
        }

        @Test
        void aNotaryWithoutAnOfficeCannotNotarise() {
            Identity noOffice = TestIdentities.create("notary.nooffice", "JusticeMSP", Map.of("role", "clerk", "register", "notary"));
            RegistryException e = hx.refused(ErrorCode.WRONG_OFFICE, noOffice,
                    c -> cc.registerNotarisation(c, "notarisation:2026-000102", h("x"), h("another deed"), "THIMPHU"));
            assertTrue(e.getMessage().endsWith("is of no office: a notary writes for their own office"), e.getMessage());
        }

        @Test
        void aRetryIsStillAlreadyRecordedBeforeTheOffice() {
            hx.refused(ErrorCode.ALREADY_RECORDED, NOTARY_CLERK2, c -> cc.registerNotarisation(c, N1, h("n1"), h("deed 1"), "THIMPHU"));
        }
    }

    @Nested
    class RevokeNotarisation {
        @Test
        void onlyTheNotarisationsOfficeRevokesIt() {
            Step s = hx.step(N1);
            RegistryException e = hx.refused(ErrorCode.WRONG_OFFICE, NOTARY_CLERK2,
                    c -> cc.revokeNotarisation(c, N1, s.version(), s.hash(), s.previousHash(), "forged seal"));
            assertEquals("[WRONG_OFFICE] notarisation 2026-000001 is kept by the THIMPHU office; notary notary.clerk2 is of"
                    + " the PARO office", e.getMessage());
            assertEquals("registered", hx.entry(N1).status());
            hx.submit(NOTARY_CLERK, c -> cc.revokeNotarisation(c, N1, s.version(), s.hash(), s.previousHash(), "forged seal"));
            assertEquals("revoked", hx.entry(N1).status());
        }

        @Test
        void theParoNotaryRevokesParosOwn() {
            Step s = hx.step(P1);
            hx.submit(NOTARY_CLERK2, c -> cc.revokeNotarisation(c, P1, s.version(), s.hash(), s.previousHash(), "withdrawn"));
            assertEquals("revoked", hx.entry(P1).status());
        }
    }

    @Nested
    class SupersedeNotarisation {
        @Test
        void onlyTheNotarisationsOfficeSupersedesIt() {
            Step s = hx.step(N1);
            hx.refused(ErrorCode.WRONG_OFFICE, NOTARY_CLERK2,
                    c -> cc.supersedeNotarisation(c, N1, s.version(), s.hash(), s.previousHash(), P1, "corrected"));
            assertEquals("registered", hx.entry(N1).status());
            hx.submit(NOTARY_CLERK, c -> cc.supersedeNotarisation(c, N1, s.version(), s.hash(), s.previousHash(), N2, "corrected"));
            assertEquals("superseded", hx.entry(N1).status());
        }
    }

    @Nested
    class AnchorBatch {
        @Test
        void anAnchorIsWrittenOnlyForTheNotarysOwnOffice() {
            RegistryException e = hx.refused(ErrorCode.WRONG_OFFICE, NOTARY_CLERK2,
                    c -> cc.anchorBatch(c, "anchor:2026-03-01-001", h("root"), "4", "THIMPHU"));
            assertEquals("[WRONG_OFFICE] anchor 2026-03-01-001 would be kept by the THIMPHU office; notary notary.clerk2"
                    + " is of the PARO office: a notary writes for their own office", e.getMessage());
            hx.submit(NOTARY_CLERK2, c -> cc.anchorBatch(c, "anchor:2026-03-01-001", h("root"), "4", "PARO"));
            assertEquals("PARO", hx.entry("anchor:2026-03-01-001").office());
        }
    }
}
