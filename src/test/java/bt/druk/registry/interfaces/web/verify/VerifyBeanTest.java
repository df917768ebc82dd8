package bt.druk.registry.interfaces.web.verify;

import static bt.druk.registry.testing.PortalHarness.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.interfaces.web.BundleMessages;
import bt.druk.registry.interfaces.web.LedgerChecks;
import bt.druk.registry.interfaces.web.Messages;
import bt.druk.registry.interfaces.web.RecordLinks;
import bt.druk.registry.interfaces.web.security.PublicRateLimiter;
import bt.druk.registry.testing.PortalHarness;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verify page's bean without a server: what it shows for a hash, for bad input and for a proof's text. */
class VerifyBeanTest {

    final PortalHarness h = new PortalHarness();
    final Messages messages = new BundleMessages();

    VerifyBean bean() {
        VerifyBean bean = new VerifyBean();
        bean.verifier = h.documentVerifier;
        bean.portalLedger = new PortalLedger();
        bean.links = new RecordLinks();
        bean.messages = messages;
        bean.ledgerChecks = new LedgerChecks(h.verification::verifyOnLedger, bean.verifier::verify,
                new PublicRateLimiter(2, 0.001, 10, System::nanoTime), () -> "192.0.2.7", System::nanoTime, 0);
        return bean;
    }

    RecordVersion registered(String pin) {
        h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand(pin, "t-42", "Thimphu", "Kawang", new BigDecimal("1.2500"),
                LandType.DRY_LAND, List.of(new OwnerInput("Karma Wangchuk", "10101001234", "1"))));
        h.submitter.submitDue();
        h.follower.follow(() -> true, h.ledger.blockCount()); // the receipt's block and endorsers, as the commit follower records them
        return h.pipeline.current("land-title:" + pin).orElseThrow();
    }

    @Test
    void aHashInTheAddressIsCheckedAndOffersTheProofFileAndTheRecordsPage() {
        RecordVersion v1 = registered("BEAN-1");
        VerifyBean bean = bean();
        bean.setHash("  " + v1.hash().toUpperCase() + " ");
        bean.load();

        assertTrue(bean.isChecked());
        assertNull(bean.getHashError());
        assertEquals("/verify/proof/" + v1.hash() + ".json", bean.getProofPath());
        assertEquals("verified", bean.verdict(bean.getResult().matches().get(0)));
        assertEquals("pass", bean.resultCode(bean.getResult().steps().get(0)));
        assertEquals("/records/land.xhtml?pin=BEAN-1", bean.recordHref("land-title:BEAN-1"));
        assertNull(bean.recordHref(null));
    }

    @Test
    void badInputIsAMessageForTheFieldAndNothingIsLookedUp() {
        VerifyBean bean = bean();
        bean.setHash("not-a-hash");
        bean.load();
        assertFalse(bean.isChecked());
        assertEquals(messages.text("docverify.hash.invalid"), bean.getHashError());
        assertTrue(bean.getHashError().startsWith("A SHA-256 has exactly 64"), "the bundle's text, not its key");

        VerifyBean empty = bean();
        empty.load();
        assertFalse(empty.isChecked());
        assertNull(empty.getHashError(), "an empty page asks nothing");
    }

    @Test
    void aHashIsAnsweredFromThePortalsIndexWithoutTheLedgerAndOnRequestFromTheLedgerNow() {
        RecordVersion v1 = registered("BEAN-2");
        h.ledger.setDown(true);
        VerifyBean bean = bean();
        bean.setHash(v1.hash());
        bean.load();
        assertTrue(bean.isFromIndex());
        assertEquals("verified", bean.verdict(bean.getResult().matches().get(0)), "committed, by the portal's receipt");
        assertEquals("/verify.xhtml?hash=" + v1.hash() + "&ledger=now", bean.getLedgerNowPath());

        VerifyBean now = bean();
        now.setHash(v1.hash());
        now.setLedger("now");
        now.load();
        assertFalse(now.isFromIndex());
        assertEquals("unchecked", now.verdict(now.getResult().matches().get(0)), "the ledger is down");
        assertEquals("not-checked", now.resultCode(now.getResult().matches().get(0).steps().get(2)));

        VerifyBean unknown = bean();
        unknown.setHash("ab".repeat(32));
        unknown.load();
        assertTrue(unknown.isChecked());
        assertNull(unknown.getProofPath());
        assertEquals("fail", unknown.resultCode(unknown.getResult().steps().get(1)));
    }

    @Test
    void checkingOnTheLedgerNowIsRateLimitedPerClient() {
        RecordVersion v1 = registered("BEAN-3");
        VerifyBean bean = bean();
        for (int i = 0; i < 2; i++) {
            VerifyBean asked = bean();
            asked.ledgerChecks = bean.ledgerChecks;
            asked.setHash(v1.hash());
            asked.setLedger("now");
            asked.load();
            assertNull(asked.getLedgerError());
            assertFalse(asked.isFromIndex());
        }
        VerifyBean third = bean();
        third.ledgerChecks = bean.ledgerChecks;
        third.setHash(v1.hash());
        third.setLedger("now");
        third.load();
        assertTrue(third.isFromIndex(), "the portal's answer still shows");
        assertTrue(third.getLedgerError().startsWith("Too many ledger checks"), third.getLedgerError());
    }

    @Test
    void aProofsTextIsCheckedAndNoTextIsAMessage() {
        VerifyBean none = bean();
        none.checkProof();
        assertEquals(messages.text("docverify.proof.none"), none.getProofError());
        assertNull(none.getProofCheck());

        VerifyBean garbage = bean();
        garbage.setProofText("{\"format\":\"druk-registry-proof/1\"}");
        garbage.checkProof();
        assertNull(garbage.getProofError());
        assertFalse(garbage.getProofCheck().readable());
        assertTrue(garbage.getProofCheck().errors().stream().anyMatch(e -> e.field().equals("sha256")));
    }
}
