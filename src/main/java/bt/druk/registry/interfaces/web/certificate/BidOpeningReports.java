package bt.druk.registry.interfaces.web.certificate;

import bt.druk.registry.application.procurement.BidView;
import bt.druk.registry.application.procurement.TenderView;
import bt.druk.registry.application.record.ReceiptView;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderOperation;
import bt.druk.registry.domain.procurement.TenderStatus;
import bt.druk.registry.domain.record.LedgerState;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Maps the public tender view to what the bid-opening report prints. */
final class BidOpeningReports {

    /** The operations a bid's verdict is saved with (SealedBids.openAll). */
    static final String BID_OPENED = "BID_OPENED";
    static final String BID_INVALID = "BID_INVALID";

    private BidOpeningReports() {
    }

    /** The version that opened the bids, unless it was refused by the ledger. */
    static Optional<VersionView> openingVersion(TenderView view) {
        return liveVersion(view.versions(), TenderOperation.OPEN_BIDS.name());
    }

    /**
     * The report, once the tender's bids have been opened (empty before: a report then would
     * suggest bids had been read).
     */
    static Optional<BidOpeningReport> of(TenderView view, Function<TenderStatus, String> statusLabel, String verifyUrl,
            Instant now) {
        Optional<VersionView> opening = openingVersion(view);
        if (opening.isEmpty()) {
            return Optional.empty();
        }
        Tender tender = view.tender();
        List<BidOpeningReport.Bid> bids = view.bids().stream()
                .sorted(Comparator.comparingInt(BidView::number))
                .map(BidOpeningReports::bid)
                .toList();
        BidOpeningReport.Award award = Optional.ofNullable(view.awardedBid()).map(b -> new BidOpeningReport.Award(b.number(), b.bidderName(),
                b.bidderLicence(), b.amount(),
                liveVersion(view.versions(), TenderOperation.AWARD.name()).map(VersionView::receipt).orElse(null)))
                .orElse(null);
        return Optional.of(new BidOpeningReport(tender.tenderNumber(), tender.ocid(), tender.title(),
                tender.procuringEntity().name(), tender.method().code(), tender.category().code(), tender.estimatedValue(),
                tender.bidDeadline(), statusLabel.apply(tender.status()), opening.get().receipt(), bids, award,
                view.recordKey(), view.version(), view.hash(), verifyUrl, now, openingLines(view)));
    }

    /**
     * The tender's verdict lines in its opening order ({@link TenderView#openedBids()}, bid-key
     * string order as {@code druk-verify open-tender} prints them), each with the supplier the opening named.
     */
    static List<BidOpeningReport.OpeningLine> openingLines(TenderView view) {
        return view.openedBids().stream()
                .map(b -> new BidOpeningReport.OpeningLine(b.sealedPart().verdictLine(), b.bidderName())).toList();
    }

    private static BidOpeningReport.Bid bid(BidView b) {
        VersionView lodging = b.lodging();
        String note = null;
        if (lodging == null) {
            note = b.versions().stream().filter(v -> v.version() == 1).findFirst()
                    .map(v -> "Refused by the ledger" + (v.rejectionCode() == null ? "" : " (" + v.rejectionCode() + ")"))
                    .orElse("No ledger record");
        } else if (lodging.ledgerState() == LedgerState.PENDING) {
            note = "Awaiting the ledger";
        }
        return new BidOpeningReport.Bid(b.number(), b.commitment(), b.lodgedAt(), lodging == null ? null : lodging.receipt(), note,
                b.valid(), b.bidderName(), b.bidderLicence(), b.amount(), opening(b), b.sealedPart().status(),
                b.invalid() ? b.sealedPart().reason() : null);
    }

    /** The receipt of the bid's opening (valid or invalid); null before it. */
    private static ReceiptView opening(BidView b) {
        if (!b.opened()) {
            return null;
        }
        return versions(b, BID_OPENED).or(() -> versions(b, BID_INVALID)).map(VersionView::receipt).orElse(null);
    }

    private static Optional<VersionView> versions(BidView b, String operation) {
        return liveVersion(b.versions(), operation);
    }

    private static Optional<VersionView> liveVersion(List<VersionView> versions, String operation) {
        return versions.stream()
                .filter(v -> operation.equals(v.operation()) && v.ledgerState() != LedgerState.REJECTED)
                .reduce((first, second) -> second);
    }
}
