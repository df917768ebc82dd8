package bt.druk.registry.interfaces.web.certificate;

import bt.druk.registry.application.record.ReceiptView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Everything printed on a tender's bid-opening report: the tender, when its bids were opened, every
 * commitment lodged (with bidder and price for those revealed), the award, and the tender record's
 * ledger hash. Built from the public tender view only; the renderer sees nothing else.
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

    /** A commit-reveal tender's report: no opening lines. */
    public BidOpeningReport(String tenderNumber, String ocid, String title, String agency, String method, String category,
                            BigDecimal estimatedValue, Instant bidDeadline, String status, ReceiptView opened, List<Bid> bids,
                            Award award, String recordKey, int version, String ledgerHash, String verifyUrl, Instant issuedAt) {
        this(tenderNumber, ocid, title, agency, method, category, estimatedValue, bidDeadline, status, opened, bids, award,
                recordKey, version, ledgerHash, verifyUrl, issuedAt, List.of());
    }

    /**
     * A sealed bid's verdict as {@code druk-verify open-tender} prints it ({@code BidVerdict.line()}),
     * with the supplier the opening named; the report lists them in bid-key string order, the
     * verifier's order, so an auditor can compare the two line by line.
     */
    public record OpeningLine(String line, String supplierName) {
    }

    public long revealedCount() {
        return bids.stream().filter(Bid::revealed).count();
    }

    /**
     * One commitment lodged for the tender.
     *
     * @param lodging       receipt of the commitment on the ledger; null while pending
     * @param lodgingNote   why there is no receipt (awaiting the ledger, refused), else null
     * @param bidHash       SHA-256 of the revealed bid's canonical JSON; null unless revealed
     * @param reveal        receipt of the reveal (of a sealed bid: of its opening); null unless revealed and committed
     * @param sealedStatus  a sealed bid's status ({@code lodged}, {@code withdrawn}, {@code opened}, {@code invalid}); null otherwise
     * @param invalidReason an invalid sealed bid's reason code; null otherwise
     */
    public record Bid(
            int number,
            String commitment,
            Instant lodgedAt,
            String channel,
            ReceiptView lodging,
            String lodgingNote,
            boolean revealed,
            String bidderName,
            String bidderLicence,
            BigDecimal price,
            String bidHash,
            ReceiptView reveal,
            String sealedStatus,
            String invalidReason) {

        /** A commit-reveal bid. */
        public Bid(int number, String commitment, Instant lodgedAt, String channel, ReceiptView lodging, String lodgingNote,
                   boolean revealed, String bidderName, String bidderLicence, BigDecimal price, String bidHash, ReceiptView reveal) {
            this(number, commitment, lodgedAt, channel, lodging, lodgingNote, revealed, bidderName, bidderLicence, price, bidHash,
                    reveal, null, null);
        }
    }

    /** The winning bid and the receipt of the award. */
    public record Award(int bidNumber, String bidderName, String bidderLicence, BigDecimal price, ReceiptView receipt) {
    }
}
