package bt.druk.registry.interfaces.web.certificate;

import bt.druk.registry.application.record.ReceiptView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Everything printed on a tender's bid-opening report: the tender, when its bids were opened, every
 * sealed bid lodged (with its verdict, its supplier and, if valid, its price), the opening lines,
 * the award, and the tender record's ledger hash. Built from the public tender view only; the renderer sees nothing else.
 *
 * @param opened      when the ledger recorded the opening (the OPEN_BIDS version's receipt)
 * @param award       null unless the tender is awarded
 * @param ledgerHash  the hash the ledger holds for the tender's current version
 * @param verifyUrl   the tender's public page, where anyone can re-check it against the ledger
 */
public record BidOpeningReport(
        String tenderNumber,
        String ocid,
        String title,
        String agency,
        String method,
        String category,
        BigDecimal estimatedValue,
        Instant bidDeadline,
        String status,
        ReceiptView opened,
        List<Bid> bids,
        Award award,
        String recordKey,
        int version,
        String ledgerHash,
        String verifyUrl,
        Instant issuedAt,
        List<OpeningLine> openingLines) {

    public BidOpeningReport {
        bids = List.copyOf(bids);
        openingLines = List.copyOf(openingLines);
    }

    /**
     * A bid's verdict as {@code druk-verify open-tender} prints it ({@code BidVerdict.line()}),
     * with the supplier the opening named; the report lists them in bid-key string order, the
     * verifier's order, so an auditor can compare the two line by line.
     */
    public record OpeningLine(String line, String supplierName) {
    }

    /** Bids opened as valid. */
    public long validCount() {
        return bids.stream().filter(Bid::valid).count();
    }

    /**
     * One sealed bid lodged for the tender.
     *
     * @param commitment    the salted commitment to its supplier that the ledger holds
     * @param lodging       receipt of the lodging on the ledger; null while pending
     * @param lodgingNote   why there is no receipt (awaiting the ledger, refused), else null
     * @param valid         opened as valid: supplier and price are public
     * @param opening       receipt of its opening (valid or invalid); null before it is committed
     * @param status        {@code lodged}, {@code withdrawn}, {@code opened} or {@code invalid}
     * @param invalidReason an invalid bid's reason code; null otherwise
     */
    public record Bid(
            int number,
            String commitment,
            Instant lodgedAt,
            ReceiptView lodging,
            String lodgingNote,
            boolean valid,
            String bidderName,
            String bidderLicence,
            BigDecimal price,
            ReceiptView opening,
            String status,
            String invalidReason) {
    }

    /** The winning bid and the receipt of the award. */
    public record Award(int bidNumber, String bidderName, String bidderLicence, BigDecimal price, ReceiptView receipt) {
    }
}
