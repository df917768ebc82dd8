package bt.druk.registry.interfaces.web;

import bt.druk.registry.application.reference.Dzongkhag;
import bt.druk.registry.application.reference.ReferenceDataService;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.land.TransferType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Reference data for drop-downs: dzongkhags, their gewogs, land and transfer types. */
@Named("reference")
@ApplicationScoped
public class ReferenceBean {

    @Inject
    ReferenceDataService referenceData;

    public List<String> getDzongkhags() {
        return referenceData.dzongkhags().stream().map(Dzongkhag::name).toList();
    }

    /** Gewogs of a dzongkhag; empty for none or an unknown one. */
    public List<String> gewogsOf(String dzongkhag) {
        return dzongkhag == null || dzongkhag.isBlank() ? List.of() : referenceData.gewogsOf(dzongkhag);
    }

    public LandType[] getLandTypes() {
        return LandType.values();
    }

    public TransferType[] getTransferTypes() {
        return TransferType.values();
    }
}
