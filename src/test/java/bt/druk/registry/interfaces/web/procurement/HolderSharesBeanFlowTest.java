package bt.druk.registry.interfaces.web.procurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.procurement.HolderQueries;
import bt.druk.registry.domain.procurement.MainCategory;
import bt.druk.registry.domain.procurement.ProcurementMethod;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderItem;
import bt.druk.registry.domain.procurement.sealed.EnvelopeSealer;
import bt.druk.registry.domain.procurement.sealed.P256;
import bt.druk.registry.domain.procurement.sealed.SealedBidContent;
import bt.druk.registry.domain.procurement.sealed.SealedEnvelope;
import bt.druk.registry.domain.procurement.sealed.ShareCipher;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import bt.druk.registry.testing.PortalHarness;
import java.math.BigDecimal;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The holder's postback without a browser: the bean as the page drives it, on the fake ledger. */
class HolderSharesBeanFlowTest {

    static final StaffMember INSPECTOR = new StaffMember("inspector", Role.INSPECTOR, null, null);
    final PortalHarness h = new PortalHarness();

    @Test
    void aHolderPostsTheSharesItsBrowserDecryptedAndSeesTheTransaction() {
        SecureRandom random = new SecureRandom();
        List<KeyPair> keys = new ArrayList<>();
        List<StaffMember> holders = List.of(PortalHarness.PROCUREMENT_CLERK, INSPECTOR, PortalHarness.NOTARY_CLERK);
        for (StaffMember m : holders) {
            KeyPair pair = P256.generate(random);
            keys.add(pair);
            h.openingKeys.register(m, Base64.getUrlEncoder().withoutPadding().encodeToString(pair.getPublic().getEncoded()));
        }
        var ack = h.tenders.publish(PortalHarness.PROCUREMENT_CLERK, "DES", new Tender.Terms("Steel", "", ProcurementMethod.OPEN,
                MainCategory.GOODS, new BigDecimal("1000.00"), null, h.clock.instant().plus(Duration.ofHours(1)),
                List.of(new TenderItem("Steel", BigDecimal.ONE, "t")), List.of()),
                h.openingKeys.openingOf(List.of("procurement.clerk", "inspector", "notary.clerk"), 2), Duration.ZERO);
        h.submitter.submitDue();
        String ocid = ack.recordKey().substring("tender:".length());
        String bid = new SealedBidContent(ocid, "CDB-1", "900.00", "BTN", List.of()).toCanonicalJson();
        String envelope = EnvelopeSealer.seal(ocid, bid, List.of(), keys.stream().map(k -> k.getPublic().getEncoded()).toList(), 2)
                .toCanonicalJson();
        String bidKey = h.sealedBids.lodge("CDB-1", "Druk", ocid, envelope).recordKey();
        h.submitter.submitDue();
        h.clock.advance(Duration.ofHours(2));

        HolderSharesBean bean = new HolderSharesBean();
        bean.queries = h.procurementQueries;
        bean.sealedBids = h.sealedBids;
        bean.holderQueries = new HolderQueries(h.tenderRepository, h.pipeline, h.openingKeys, h.ledger, h.clock);
        bean.clock = h.clock;
        bean.currentStaff = new CurrentStaff() {
            @Override
            public Optional<StaffMember> member() {
                return Optional.of(INSPECTOR);
            }

            @Override
            public StaffMember require() {
                return INSPECTOR;
            }
        };
        bean.setOcid(ocid);
        bean.load();
        assertEquals(2, bean.getMyIndex());
        KeyPair mine = keys.get(1);
        var share = ShareCipher.decrypt(SealedEnvelope.parse(envelope), 2, mine.getPrivate(), (ECPublicKey) mine.getPublic());
        bean.setShares("{\"" + bidKey + "\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(share.toBytes()) + "\"}");
        bean.post();
        assertNotNull(bean.getTxId());
        assertTrue(bean.isMinePosted());
    }
}
