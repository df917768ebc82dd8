package bt.druk.registry.application.procurement;

import bt.druk.registry.application.record.RecordPipeline;
import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.PostedShares;
import bt.druk.registry.domain.procurement.OpeningKey;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderOpening;
import bt.druk.registry.domain.procurement.TenderRepository;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.procurement.TenderSummary;
import bt.druk.registry.domain.shared.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an opening key holder's pages read: which holders of a sealed tender have posted their
 * shares (the ledger is the only place that knows), and which tenders wait for this member's
 * shares. Writes go through {@link SealedBids#postShares}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class HolderQueries {

    /** How many tenders past their deadline the dashboard looks through. */
    static final int LIMIT = 200;

    private TenderRepository tenders;
    private RecordPipeline pipeline;
    private OpeningKeys openingKeys;
    private Ledger ledger;
    private Clock clock;

    protected HolderQueries() {
    }

    @Inject
    public HolderQueries(TenderRepository tenders, RecordPipeline pipeline, OpeningKeys openingKeys, Ledger ledger, Clock clock) {
        this.tenders = tenders;
        this.pipeline = pipeline;
        this.openingKeys = openingKeys;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** A sealed tender past its deadline of which the member is holder {@code holderIndex}. */
    public record AwaitingShares(String ocid, String tenderNumber, String title, Instant bidDeadline, int holderIndex) {
    }

    /**
     * The shares posted for the tender so far, by holder, read from the ledger (a
     * {@link bt.druk.registry.domain.ledger.LedgerUnavailableException} while it cannot be reached).
     */
    public List<PostedShares> posted(String ocid) {
        return ledger.openingShares(Tender.keyOf(ocid.trim()).toString());
    }

    /**
     * The sealed tenders whose deadline has passed, still open or in evaluation, that name this
     * member's current opening key: where they have shares to post (whether they already did is the
     * ledger's to say, on the tender's shares page). Read from the portal's database only, so the
     * dashboard does not wait for the ledger.
     */
    public List<AwaitingShares> awaitingShares(StaffMember member) {
        Optional<String> keyHash = openingKeys.find(member.username()).map(OpeningKey::publicKeySha256);
        if (keyHash.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<AwaitingShares> result = new ArrayList<>();
        for (TenderSummary summary : tenders.searchTenders(null, List.of(TenderStatus.ACTIVE_TENDERING, TenderStatus.EVALUATION),
                null, LIMIT)) {
            if (now.isBefore(summary.bidDeadline())) {
                continue;
            }
            pipeline.current(summary.recordKey()).map(TenderService::read).filter(Tender::isSealed).ifPresent(tender -> {
                Optional<TenderOpening.Holder> holder = tender.opening().holderWithKey(keyHash.get());
                holder.ifPresent(h -> result.add(new AwaitingShares(tender.ocid(), tender.tenderNumber(), tender.title(),
                        tender.bidDeadline(), h.index())));
            });
        }
        return List.copyOf(result);
    }
}
