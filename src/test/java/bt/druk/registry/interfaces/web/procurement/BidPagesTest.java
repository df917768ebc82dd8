package bt.druk.registry.interfaces.web.procurement;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BidPagesTest {

    @Test
    void onlyBidKeysOpenABidPage() {
        assertTrue(BidPageBean.isBidKey("bid:ocds-drk001-2026-0001:1"));
        assertFalse(BidPageBean.isBidKey("tender:ocds-drk001-2026-0001"));
        assertFalse(BidPageBean.isBidKey("bid:"));
        assertFalse(BidPageBean.isBidKey("nonsense"));
    }

    @Test
    void onlyAnOcidShapedTextOpensASupplierOrHolderPage() {
        assertTrue(OcidLinks.isOcid("ocds-drk001-2026-0001"));
        assertTrue(OcidLinks.isOcid(" ocds-drk001-2026-0001 "));
        assertFalse(OcidLinks.isOcid(null));
        assertFalse(OcidLinks.isOcid("ocds drk001"));
        assertFalse(OcidLinks.isOcid("<script>"));
    }
}
