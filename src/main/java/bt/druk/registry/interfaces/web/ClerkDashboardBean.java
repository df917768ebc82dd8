package bt.druk.registry.interfaces.web;

import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.application.record.RecordQueryService;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The signed-in clerk's recent submissions with their ledger state. */
@Named
@RequestScoped
public class ClerkDashboardBean {

    static final int LIMIT = 50;

    @Inject
    RecordQueryService records;

    @Inject
    CurrentStaff currentStaff;

    private List<VersionView> submissions;

    public List<VersionView> getSubmissions() {
        if (submissions == null) {
            submissions = currentStaff.member().map(m -> records.recentSubmissions(m, LIMIT)).orElse(List.of());
        }
        return submissions;
    }

    public long count(LedgerState state) {
        return getSubmissions().stream().filter(v -> v.ledgerState() == state).count();
    }

    public boolean isAnyPending() {
        return count(LedgerState.PENDING) > 0;
    }

    /** PIN of a land title key for links, e.g. {@code land-title:TH-1} → {@code TH-1}; null for other registers. */
    public String landPin(String recordKey) {
        return RecordKey.parseIfKind(recordKey, LandTitle.KIND).map(RecordKey::id).orElse(null);
    }
}
