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
        Instant issuedAt) {

    public BidOpeningReport {
        bids = List.copyOf(bids);
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
     * @param reveal        receipt of the reveal; null unless revealed and committed
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
            ReceiptView reveal) {
    }

    /** The winning bid and the receipt of the award. */
    public record Award(int bidNumber, String bidderName, String bidderLicence, BigDecimal price, ReceiptView receipt) {
    }
}
