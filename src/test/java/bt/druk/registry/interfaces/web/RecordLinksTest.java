package bt.druk.registry.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.notary.Notarisation;
import bt.druk.registry.domain.procurement.BidKeys;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.record.RecordKey;
import org.junit.jupiter.api.Test;

class RecordLinksTest {

    private final RecordLinks links = new RecordLinks(new BundleMessages());

    @Test
    void landTitlesOpenByPin() {
        assertEquals("/clerk/land/title.xhtml?pin=TH-1001", links.staffHref("land-title:TH-1001"));
        assertEquals("/records/land.xhtml?pin=TH-1001", links.publicHref("land-title:TH-1001"));
        assertEquals("TH-1001", links.label("land-title:TH-1001"));
    }

    @Test
    void tendersOpenByOcid() {
        assertEquals("/clerk/procurement/tender.xhtml?ocid=ocds-drk001-2026-0007", links.staffHref("tender:ocds-drk001-2026-0007"));
        assertEquals("/tenders/tender.xhtml?ocid=ocds-drk001-2026-0007", links.publicHref("tender:ocds-drk001-2026-0007"));
        assertEquals("ocds-drk001-2026-0007", links.label("tender:ocds-drk001-2026-0007"));
    }

    @Test
    void bidsOpenByTheirWholeKeyEncoded() {
        String key = BidKeys.of("ocds-drk001-2026-0007", 3).toString();
        assertEquals("/tenders/bid.xhtml?key=bid%3Aocds-drk001-2026-0007%3A3", links.staffHref(key));
        assertEquals(links.staffHref(key), links.publicHref(key), "one page for a bid");
        assertEquals("Bid 3 · ocds-drk001-2026-0007", links.label(key));
    }

    @Test
    void idsAreEncoded() {
        assertEquals("/records/land.xhtml?pin=A%26B+C", links.publicHref("land-title:A&B C"));
    }

    @Test
    void notarisationsOpenByTheirNumber() {
        assertEquals("/clerk/notary/notarisation.xhtml?id=2026-000001", links.staffHref("notarisation:2026-000001"));
        assertEquals("/notary/notarisation.xhtml?id=2026-000001", links.publicHref("notarisation:2026-000001"));
        assertEquals("2026-000001", links.label("notarisation:2026-000001"));
    }

    @Test
    void kindsWithoutPagesAndNonKeysHaveNoLink() {
        assertNull(links.staffHref("anchor:2026-03-01-001"));
        assertNull(links.publicHref("anchor:2026-03-01-001"));
        assertEquals("anchor:2026-03-01-001", links.label("anchor:2026-03-01-001"));
        assertNull(links.staffHref("no key"));
        assertNull(links.staffHref(null));
        assertEquals("no key", links.label("no key"));
    }

    @Test
    void everyKindOfTheRegistersWithPagesIsMapped() {
        for (String kind : new String[] {LandTitle.KIND, Tender.KIND, BidKeys.KIND, Notarisation.KIND}) {
            assertTrue(RecordLinks.isLinkable(new RecordKey(kind, "x")), kind);
        }
    }
}
