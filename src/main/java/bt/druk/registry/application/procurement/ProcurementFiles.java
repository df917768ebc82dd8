package bt.druk.registry.application.procurement;

import bt.druk.registry.domain.file.PublicFilePolicy;
import bt.druk.registry.domain.procurement.TenderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Tender documents are public from publication, a bid's documents from its opening as valid. */
@ApplicationScoped
public class ProcurementFiles implements PublicFilePolicy {

    private TenderRepository tenders;

    protected ProcurementFiles() {
    }

    @Inject
    public ProcurementFiles(TenderRepository tenders) {
        this.tenders = tenders;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isPublic(String sha256) {
        return tenders.isPublicFile(sha256);
    }
}
