package bt.druk.registry.interfaces.web.procurement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bt.druk.registry.domain.procurement.OpeningKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenderFormBeanTest {

    private static OpeningKey key(String username, String msp) {
        return new OpeningKey(username, msp, "role", "spki", "0".repeat(64), Instant.EPOCH);
    }

    @Test
    void theFormProposesThreeHoldersFromAsManyOrganisationsAsHaveKeys() {
        List<OpeningKey> registered = List.of(key("procurement.clerk", "ProcurementMSP"), key("procurement.clerk2", "ProcurementMSP"),
                key("procurement.clerk3", "ProcurementMSP"), key("inspector", "AuditMSP"), key("notary.clerk", "JusticeMSP"));
        assertEquals(List.of("procurement.clerk", "inspector", "notary.clerk"), TenderFormBean.proposedHolders(registered));
    }

    @Test
    void twoOrganisationsGiveTwoHoldersOfOneAndOneOfTheOther() {
        List<OpeningKey> registered = List.of(key("procurement.clerk", "ProcurementMSP"), key("procurement.clerk2", "ProcurementMSP"),
                key("inspector", "AuditMSP"));
        assertEquals(List.of("procurement.clerk", "inspector", "procurement.clerk2"), TenderFormBean.proposedHolders(registered));
    }

    @Test
    void fewerKeysThanThreeAreAllProposedAndNoneNothing() {
        assertEquals(List.of("inspector"), TenderFormBean.proposedHolders(List.of(key("inspector", "AuditMSP"))));
        assertEquals(List.of(), TenderFormBean.proposedHolders(List.of()));
    }
}
