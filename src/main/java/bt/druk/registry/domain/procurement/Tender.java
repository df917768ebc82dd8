package bt.druk.registry.domain.procurement;

import bt.druk.registry.domain.record.RecordKey;
import bt.druk.registry.domain.shared.RecordKind;
import bt.druk.registry.domain.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One version of a tender: what is procured, by whom, how, until when bids are accepted, its
 * documents, where it stands, and the change that produced this version. Immutable; each operation
 * returns the next version or throws {@link ValidationException} when a rule forbids it (the same
 * order of states the chaincode enforces, checked before anything is saved). Record-level rule
 * violations use the field name {@code ""}.
 *
 * @param ocid             the OCDS contracting process id, e.g. {@code ocds-drk001-2026-0007}
 * @param tenderNumber     the number the procuring entity knows it by, e.g. {@code DES/2026/007}
 * @param estimatedValue   in Ngultrum (BTN), two decimals
 * @param enquiryPeriodEnd last moment for bidders' questions; null when there is no enquiry period
 * @param awardedBidKey    record key of the winning bid once awarded, else null
 * @param statusReason     why it was cancelled or unsuccessful, else null
 * @param published        when version 1 was saved (the OCDS tender date)
 * @param opening          who opens the tender's sealed bids; null only in a tender published before
 *                         sealed opening (issue 25), which takes no bids from this portal
 */
public record Tender(
        String ocid,
        String tenderNumber,
        String title,
        String description,
        ProcuringEntity procuringEntity,
        ProcurementMethod method,
        MainCategory category,
        BigDecimal estimatedValue,
        Instant enquiryPeriodEnd,
        Instant bidDeadline,
        List<TenderItem> items,
        List<TenderDocument> documents,
        TenderStatus status,
        String awardedBidKey,
        String statusReason,
        Instant published,
        TenderEvent event,
        TenderOpening opening) {

    public static final String KIND = RecordKind.TENDER.code();
    public static final String CURRENCY = "BTN";

    public Tender {
        Objects.requireNonNull(ocid, "ocid");
        Objects.requireNonNull(tenderNumber, "tenderNumber");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(procuringEntity, "procuringEntity");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(estimatedValue, "estimatedValue");
        Objects.requireNonNull(bidDeadline, "bidDeadline");
        items = List.copyOf(items);
        documents = List.copyOf(documents);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(event, "event");
        description = description == null ? "" : description;
    }

    public static RecordKey keyOf(String ocid) {
        return new RecordKey(KIND, ocid);
    }

    public RecordKey key() {
        return keyOf(ocid);
    }

    /** What a clerk enters when publishing or amending. */
    public record Terms(
            String title,
            String description,
            ProcurementMethod method,
            MainCategory category,
            BigDecimal estimatedValue,
            Instant enquiryPeriodEnd,
            Instant bidDeadline,
            List<TenderItem> items,
            List<TenderDocument> documents) {
        public Terms {
            items = items == null ? List.of() : List.copyOf(items);
            documents = documents == null ? List.of() : List.copyOf(documents);
        }
    }

    /**
     * Version 1, open for bids, sealed to {@code opening}'s holders.
     *
     * @param earliestDeadline the bid deadline may not be before this (the office's minimum bidding period)
     */
    public static Tender publish(String ocid, String tenderNumber, ProcuringEntity entity, Terms typed, TenderOpening opening,
                                 Instant earliestDeadline, String by, String office, Instant now) {
        Objects.requireNonNull(opening, "opening");
        Terms terms = TenderRules.normalised(typed);
        TenderRules.checkTerms(terms, earliestDeadline, now);
        return new Tender(ocid, tenderNumber, terms.title().trim(), trim(terms.description()), entity, terms.method(),
                terms.category(), TenderRules.money(terms.estimatedValue()), terms.enquiryPeriodEnd(), terms.bidDeadline(),
                terms.items(), terms.documents(), TenderStatus.ACTIVE_TENDERING, null, null, now,
                new TenderEvent(TenderOperation.PUBLISH, null, now, by, office), opening);
    }

    /** New terms before the deadline; the reason is published with the amendment. */
    public Tender amend(Terms typed, String reason, Instant earliestDeadline, String by, String office, Instant now) {
        Terms terms = TenderRules.normalised(typed);
        ValidationException.Collector errors = new ValidationException.Collector();
        if (status != TenderStatus.ACTIVE_TENDERING) {
            errors.add("", "tender.amend.state", "Only a tender open for bids can be amended; this one is " + status.ledgerCode());
        } else if (!now.isBefore(bidDeadline)) {
            errors.add("", "tender.amend.late", "The bid deadline has passed; the tender can no longer be amended");
        }
        TenderRules.requireReason(errors, reason, "tender.amend.reason", false);
        errors.throwIfAny();
        // Moving the deadline earlier than the minimum bidding period is refused; keeping it is always fine.
        Instant earliest = terms.bidDeadline() != null && terms.bidDeadline().equals(bidDeadline) ? now : earliestDeadline;
        TenderRules.checkTerms(terms, earliest, now);
        return new Tender(ocid, tenderNumber, terms.title().trim(), trim(terms.description()), procuringEntity, terms.method(),
                terms.category(), TenderRules.money(terms.estimatedValue()), terms.enquiryPeriodEnd(), terms.bidDeadline(),
                terms.items(), terms.documents(), status, null, null, published,
                new TenderEvent(TenderOperation.AMEND, TenderRules.reasonText(reason), now, by, office), opening);
    }

    public Tender cancel(String reason, String by, String office, Instant now) {
        ValidationException.Collector errors = new ValidationException.Collector();
        if (status != TenderStatus.ACTIVE_TENDERING && status != TenderStatus.EVALUATION) {
            errors.add("", "tender.cancel.state", "A tender that is " + status.ledgerCode() + " cannot be cancelled");
        }
        TenderRules.requireReason(errors, reason, "tender.cancel.reason", true);
        errors.throwIfAny();
        String why = TenderRules.reasonText(reason);
        return next(TenderStatus.CANCELLED, null, why, new TenderEvent(TenderOperation.CANCEL, why, now, by, office));
    }

    /** After the deadline: the bids are opened and evaluated. */
    public Tender openBids(String by, String office, Instant now) {
        if (status != TenderStatus.ACTIVE_TENDERING) {
            throw ValidationException.of("", "tender.open.state", "Bids can be opened only once, for a tender open for bids; this one is "
                    + status.ledgerCode());
        }
        if (now.isBefore(bidDeadline)) {
            throw ValidationException.of("", "tender.open.early", "Bids cannot be opened before the bid deadline");
        }
        return next(TenderStatus.EVALUATION, null, null, new TenderEvent(TenderOperation.OPEN_BIDS, null, now, by, office));
    }

    /** Award to a bid of this tender opened as valid (the caller checks that; the ledger checks again). */
    public Tender award(RecordKey bidKey, String by, String office, Instant now) {
        if (status != TenderStatus.EVALUATION) {
            throw ValidationException.of("", "tender.award.state", "Only a tender whose bids are opened can be awarded; this one is "
                    + status.ledgerCode());
        }
        if (!BidKeys.belongsTo(bidKey, ocid)) {
            throw ValidationException.of("bid", "tender.award.otherTender", "That bid belongs to another tender");
        }
        return next(TenderStatus.AWARDED, bidKey.toString(), null, new TenderEvent(TenderOperation.AWARD, null, now, by, office));
    }

    public Tender complete(String by, String office, Instant now) {
        if (status != TenderStatus.AWARDED) {
            throw ValidationException.of("", "tender.complete.state", "Only an awarded tender can be completed; this one is "
                    + status.ledgerCode());
        }
        return next(TenderStatus.COMPLETE, awardedBidKey, null, new TenderEvent(TenderOperation.COMPLETE, null, now, by, office));
    }

    /** Evaluation found no acceptable bid. */
    public Tender unsuccessful(String reason, String by, String office, Instant now) {
        ValidationException.Collector errors = new ValidationException.Collector();
        if (status != TenderStatus.EVALUATION) {
            errors.add("", "tender.unsuccessful.state", "Only a tender whose bids are opened can be declared unsuccessful; this one is "
                    + status.ledgerCode());
        }
        TenderRules.requireReason(errors, reason, "tender.unsuccessful.reason", true);
        errors.throwIfAny();
        String why = TenderRules.reasonText(reason);
        return next(TenderStatus.UNSUCCESSFUL, null, why, new TenderEvent(TenderOperation.UNSUCCESSFUL, why, now, by, office));
    }

    public Terms terms() {
        return new Terms(title, description, method, category, estimatedValue, enquiryPeriodEnd, bidDeadline, items, documents);
    }

    /** Whether its bids are sealed to opening key holders: every tender but one published before sealed opening. */
    public boolean isSealed() {
        return opening != null;
    }

    /** Bids are accepted at this instant (the ledger decides by its own transaction time). */
    public boolean acceptsBidsAt(Instant now) {
        return status.acceptsBids() && now.isBefore(bidDeadline);
    }

    private Tender next(TenderStatus newStatus, String awarded, String reason, TenderEvent newEvent) {
        return new Tender(ocid, tenderNumber, title, description, procuringEntity, method, category, estimatedValue,
                enquiryPeriodEnd, bidDeadline, items, documents, newStatus, awarded, reason, published, newEvent, opening);
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
