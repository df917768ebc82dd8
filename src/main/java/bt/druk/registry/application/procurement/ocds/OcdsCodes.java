package bt.druk.registry.application.procurement.ocds;

import bt.druk.registry.domain.procurement.TenderOperation;
import bt.druk.registry.domain.procurement.TenderStatus;
import java.util.List;

/**
 * How the register's words map to OCDS 1.1.5 codes. Every code here is in its codelist
 * (releaseTag, tenderStatus, awardStatus, partyRole, documentType, the bids extension's bidStatus
 * and statistic); {@code OcdsExportTest} checks that against the CSVs.
 */
public final class OcdsCodes {

    public static final String OCDS_VERSION = "1.1";
    public static final String PUBLISHER_NAME = "Druk Registry";
    public static final String CURRENCY = "BTN";
    public static final String INITIATION_TYPE = "tender";

    /**
     * The bids extension as the validating schema has it (the extension's development version,
     * with {@code Statistic}, {@code statistic.csv} and {@code Award.relatedBids}).
     */
    public static final String BIDS_EXTENSION =
            "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/master/extension.json";
    public static final String LEDGER_EXTENSION_NAME = "druk-ledger";

    public static final String TAG_COMPILED = "compiled";
    /** A bid opened: new public information about the tender's bids. */
    public static final String TAG_BID_OPENED = "tenderUpdate";

    public static final String ROLE_BUYER = "buyer";
    public static final String ROLE_PROCURING_ENTITY = "procuringEntity";
    public static final String ROLE_TENDERER = "tenderer";
    public static final String ROLE_SUPPLIER = "supplier";

    public static final String DOCUMENT_CANCELLATION = "cancellationDetails";
    public static final String DOCUMENT_BID = "submissionDocuments";

    public static final String AWARD_ACTIVE = "active";
    public static final String AWARD_UNSUCCESSFUL = "unsuccessful";

    public static final String BID_PENDING = "pending";
    public static final String BID_VALID = "valid";
    public static final String BID_WITHDRAWN = "withdrawn";
    /** A sealed bid found invalid at the opening (issue 25). */
    public static final String BID_DISQUALIFIED = "disqualified";

    public static final String STATISTIC_BIDS = "bids";
    public static final String STATISTIC_ELECTRONIC_BIDS = "electronicBids";

    private OcdsCodes() {
    }

    /**
     * The release tag of a tender version: publishing is {@code tender}, an amendment (a formal
     * change with a reason) {@code tenderAmendment}, a cancellation {@code tenderCancellation};
     * opening the bids and declaring the tender unsuccessful change the tender's status without
     * amending it ({@code tenderUpdate}); the award is {@code award}, and marking the awarded
     * process complete updates that award ({@code awardUpdate}: the register records no contract,
     * so no contract tags).
     */
    public static String tag(TenderOperation operation) {
        return switch (operation) {
            case PUBLISH -> "tender";
            case AMEND -> "tenderAmendment";
            case CANCEL -> "tenderCancellation";
            case OPEN_BIDS, UNSUCCESSFUL -> "tenderUpdate";
            case AWARD -> "award";
            case COMPLETE -> "awardUpdate";
        };
    }

    /**
     * OCDS tenderStatus: the tender stage is {@code active} while bids are taken and evaluated,
     * {@code complete} once awarded (the award then carries the process), and {@code cancelled}
     * or {@code unsuccessful} as the register says.
     */
    public static String tenderStatus(TenderStatus status) {
        return switch (status) {
            case ACTIVE_TENDERING, EVALUATION -> "active";
            case AWARDED, COMPLETE -> "complete";
            case UNSUCCESSFUL -> "unsuccessful";
            case CANCELLED -> "cancelled";
        };
    }

    /** The procuring entity is both: it buys with its own budget and runs the procurement. */
    public static List<String> entityRoles() {
        return List.of(ROLE_BUYER, ROLE_PROCURING_ENTITY);
    }
}
