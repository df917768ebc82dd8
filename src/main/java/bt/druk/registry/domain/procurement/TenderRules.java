package bt.druk.registry.domain.procurement;

import bt.druk.registry.domain.shared.PlainText;
import bt.druk.registry.domain.shared.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** The checks on a tender's terms shared by publishing and amending, with messages a clerk understands. */
final class TenderRules {

    static final int MAX_ITEMS = 100;
    static final int MAX_DOCUMENTS = 20;
    static final BigDecimal MAX_VALUE = new BigDecimal("999999999999.99");

    private TenderRules() {
    }

    /**
     * The terms' text as it is kept and hashed ({@link PlainText}: NFC, line breaks as LF): title,
     * description, items, document titles and file names.
     */
    static Tender.Terms normalised(Tender.Terms terms) {
        return new Tender.Terms(PlainText.normalise(terms.title()), PlainText.normalise(terms.description()), terms.method(),
                terms.category(), terms.estimatedValue(), terms.enquiryPeriodEnd(), terms.bidDeadline(),
                terms.items().stream().map(i -> new TenderItem(PlainText.normalise(i.description()), i.quantity(),
                        PlainText.normalise(i.unit()))).toList(),
                terms.documents().stream().map(d -> new TenderDocument(PlainText.normalise(d.title()), d.documentType(),
                        PlainText.normalise(d.fileName()), d.mediaType(), d.size(), d.sha256())).toList());
    }

    /** A reason as it is kept and sent to the ledger: NFC, stripped. */
    static String reasonText(String reason) {
        return PlainText.normalise(reason).strip();
    }

    static void checkTerms(Tender.Terms terms, Instant earliestDeadline, Instant now) {
        ValidationException.Collector errors = new ValidationException.Collector();
        String title = terms.title() == null ? "" : terms.title().trim();
        if (title.length() < 5 || title.length() > 200) {
            errors.add("title", "tender.title", "Give the tender a title of 5 to 200 characters");
        } else {
            PlainText.checkLine(errors, "title", title);
        }
        if (terms.description() != null && terms.description().length() > 4000) {
            errors.add("description", "tender.description", "The description may have at most 4000 characters");
        } else {
            PlainText.checkLines(errors, "description", terms.description());
        }
        if (terms.method() == null) {
            errors.add("method", "tender.method", "Choose the procurement method");
        }
        if (terms.category() == null) {
            errors.add("category", "tender.category", "Choose goods, works or services");
        }
        BigDecimal value = terms.estimatedValue();
        if (value == null) {
            errors.add("estimatedValue", "tender.value.required", "Enter the estimated value in Nu.");
        } else if (value.signum() <= 0 || value.compareTo(MAX_VALUE) > 0) {
            errors.add("estimatedValue", "tender.value.range", "The estimated value must be more than Nu. 0 and at most Nu. 999,999,999,999.99");
        } else if (value.stripTrailingZeros().scale() > 2) {
            errors.add("estimatedValue", "tender.value.scale", "Nu. amounts have at most two decimals (chhertum)");
        }
        Instant deadline = terms.bidDeadline();
        if (deadline == null) {
            errors.add("bidDeadline", "tender.deadline.required", "Enter the bid deadline");
        } else if (!deadline.isAfter(now)) {
            errors.add("bidDeadline", "tender.deadline.past", "The bid deadline must be in the future");
        } else if (deadline.isBefore(earliestDeadline)) {
            errors.add("bidDeadline", "tender.deadline.short", "The bid deadline leaves bidders less than the minimum bidding period");
        }
        Instant enquiryEnd = terms.enquiryPeriodEnd();
        if (enquiryEnd != null && (!enquiryEnd.isAfter(now) || (deadline != null && !enquiryEnd.isBefore(deadline)))) {
            errors.add("enquiryPeriodEnd", "tender.enquiry", "The enquiry period must end in the future and before the bid deadline");
        }
        if (terms.items().isEmpty()) {
            errors.add("items", "tender.items.required", "List at least one item to be procured");
        } else if (terms.items().size() > MAX_ITEMS) {
            errors.add("items", "tender.items.many", "At most " + MAX_ITEMS + " items");
        }
        for (int i = 0; i < terms.items().size(); i++) {
            TenderItem item = terms.items().get(i);
            if (item.description().isBlank() || item.description().length() > 500) {
                errors.add("items[" + i + "].description", "tender.item.description", "Describe the item (at most 500 characters)");
            } else {
                PlainText.checkLine(errors, "items[" + i + "].description", item.description());
            }
            if (item.quantity().signum() <= 0) {
                errors.add("items[" + i + "].quantity", "tender.item.quantity", "The quantity must be more than 0");
            }
            if (item.unit().isBlank() || item.unit().length() > 40) {
                errors.add("items[" + i + "].unit", "tender.item.unit", "Give the unit, e.g. bag, m³, lot (at most 40 characters)");
            } else {
                PlainText.checkLine(errors, "items[" + i + "].unit", item.unit());
            }
        }
        if (terms.documents().size() > MAX_DOCUMENTS) {
            errors.add("documents", "tender.documents.many", "At most " + MAX_DOCUMENTS + " documents");
        }
        for (int i = 0; i < terms.documents().size(); i++) {
            TenderDocument document = terms.documents().get(i);
            if (!PlainText.isLine(document.title()) || !PlainText.isLine(document.fileName())) {
                errors.add("documents", PlainText.CODE, PlainText.MESSAGE);
                break;
            }
        }
        errors.throwIfAny();
    }

    /**
     * A reason given; {@code onLedger}: it goes to the ledger too (CancelTender, TenderUnsuccessful),
     * which refuses a line break, so it must be one line.
     */
    static void requireReason(ValidationException.Collector errors, String reason, String code, boolean onLedger) {
        if (reason == null || reason.isBlank()) {
            errors.add("reason", code, "Give the reason; it is published with the tender");
        } else if (reason.length() > 1000) {
            errors.add("reason", code, "The reason may have at most 1000 characters");
        } else if (onLedger && !PlainText.isLine(reasonText(reason))) {
            errors.add("reason", PlainText.CODE, "Write the reason on one line. " + PlainText.MESSAGE);
        } else if (!onLedger) {
            PlainText.checkLines(errors, "reason", reasonText(reason));
        }
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
