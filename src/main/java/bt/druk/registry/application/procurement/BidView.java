package bt.druk.registry.application.procurement;

import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.procurement.BidCommitment;
import bt.druk.registry.domain.procurement.BidDocument;
import bt.druk.registry.domain.record.LedgerState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A bid as anyone may see it: before the reveal only its number, commitment and receipt; after it,
 * the bidder, the price and the documents, with the bid hash and salt that give the commitment back
 * (anyone can check SHA-256(bidHash + ":" + salt) = commitment).
 */
public record BidView(
        String recordKey,
        String tenderKey,
        int number,
        String commitment,
        String channel,
        Instant lodgedAt,
        boolean revealed,
        String bidderName,
        String bidderLicence,
        BigDecimal amount,
        String bidHash,
        String salt,
        List<BidDocument> documents,
        LedgerState ledgerState,
        List<VersionView> versions) {

    public BidView {
        documents = List.copyOf(documents);
        versions = List.copyOf(versions);
    }

    /** Without the salt (a sealed bid, or a caller that does not show the commitment check). */
    public BidView(String recordKey, String tenderKey, int number, String commitment, String channel, Instant lodgedAt,
                   boolean revealed, String bidderName, String bidderLicence, BigDecimal amount, String bidHash,
                   List<BidDocument> documents, LedgerState ledgerState, List<VersionView> versions) {
        this(recordKey, tenderKey, number, commitment, channel, lodgedAt, revealed, bidderName, bidderLicence, amount, bidHash,
                null, documents, ledgerState, versions);
    }

    /** Revealed, and SHA-256 of {@code bidHash:salt} is the lodged commitment (recomputed here, not taken on trust). */
    public boolean commitmentMatches() {
        return revealed && bidHash != null && salt != null && BidCommitment.of(bidHash, salt).equals(commitment);
    }

    /** The receipt of the commitment (version 1), once the ledger has it. */
    public VersionView lodging() {
        return versions.stream().filter(v -> v.version() == 1 && v.ledgerState() != LedgerState.REJECTED).findFirst().orElse(null);
    }
}
