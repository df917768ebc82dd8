package bt.druk.registry.interfaces.web;

import bt.druk.registry.application.procurement.HolderQueries;
import bt.druk.registry.application.record.RecordQueryService;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.interfaces.web.security.CurrentStaff;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The signed-in clerk's recent submissions with their ledger state, whatever the register; each
 * links to its record's page through {@link RecordLinks}.
 */
@Named
@RequestScoped
public class ClerkDashboardBean {

    static final int LIMIT = 50;

    @Inject
    RecordQueryService records;

    @Inject
    CurrentStaff currentStaff;

    @Inject
    HolderQueries holderQueries;

    private List<VersionView> submissions;
    private List<HolderQueries.AwaitingShares> awaitingShares;

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

    /** Clerks submit records (of their register); inspectors and admins only look. */
    public boolean isClerk() {
        return currentStaff.member().map(m -> m.role() == Role.CLERK).orElse(false);
    }

    /** Sealed tenders past their deadline that name this member as an opening key holder (any role may be one). */
    public List<HolderQueries.AwaitingShares> getAwaitingShares() {
        if (awaitingShares == null) {
            awaitingShares = currentStaff.member().map(holderQueries::awaitingShares).orElse(List.of());
        }
        return awaitingShares;
    }
}
