package bt.druk.registry.interfaces.web.procurement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bt.druk.registry.domain.procurement.TenderStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenderListBeanTest {

    @Test
    void statusParametersAreTheBadgeCodeOrTheLedgerCode() {
        assertEquals(Optional.of(TenderStatus.ACTIVE_TENDERING), TenderListBean.statusOf("active-tendering"));
        assertEquals(Optional.of(TenderStatus.ACTIVE_TENDERING), TenderListBean.statusOf("active.tendering"));
        assertEquals(Optional.of(TenderStatus.CANCELLED), TenderListBean.statusOf(" Cancelled "));
        assertEquals(Optional.empty(), TenderListBean.statusOf("draft"));
        assertEquals(Optional.empty(), TenderListBean.statusOf(""));
        assertEquals(Optional.empty(), TenderListBean.statusOf(null));
    }

    @Test
    void everyStatusRoundTripsThroughItsParameter() {
        TenderListBean bean = new TenderListBean();
        for (TenderStatus status : TenderStatus.values()) {
            assertEquals(Optional.of(status), TenderListBean.statusOf(bean.statusParameter(status)), status.name());
        }
    }
}
