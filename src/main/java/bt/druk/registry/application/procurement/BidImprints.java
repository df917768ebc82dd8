package bt.druk.registry.application.procurement;

import bt.druk.registry.domain.procurement.LodgedBid;
import bt.druk.registry.domain.procurement.SealedBidRecord;
import bt.druk.registry.domain.record.LedgerImprint;
import bt.druk.registry.domain.record.RecordDocument;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * What the ledger holds for a bid's versions: the commitment, then the revealed bid's own hash; for a
 * sealed bid, its envelope's hash, then each later version's document hash.
 */
public final class BidImprints {

    private BidImprints() {
    }

    /** Version 1: the commitment, SHA-256(bidHash:salt); nothing public hashes to it until the reveal. */
    @ApplicationScoped
    public static class Commitment implements LedgerImprint {
        public static final String CODE = "bid-commitment";

        @Override
        public String code() {
            return CODE;
        }

        @Override
        public String ledgerHash(String canonicalJson) {
            return LodgedBid.commitmentOf(RecordDocument.dataOf(canonicalJson));
        }
    }

    /** The reveal: SHA-256 of the bid the bidder sealed, which anyone can recompute from the public bid. */
    @ApplicationScoped
    public static class Reveal implements LedgerImprint {
        public static final String CODE = "bid-reveal";

        @Override
        public String code() {
            return CODE;
        }

        @Override
        public String ledgerHash(String canonicalJson) {
            return LodgedBid.revealedHashOf(RecordDocument.dataOf(canonicalJson));
        }

        @Override
        public Optional<String> hashedText(String canonicalJson) {
            return Optional.of(LodgedBid.revealedBidText(RecordDocument.dataOf(canonicalJson)));
        }
    }

    /**
     * A sealed bid as lodged: the SHA-256 of its encrypted envelope, whose text is in the envelope
     * store (not in the record: the record holds no ciphertext).
     */
    @ApplicationScoped
    public static class SealedEnvelope implements LedgerImprint {
        public static final String CODE = "sealed-envelope";

        @Override
        public String code() {
            return CODE;
        }

        @Override
        public String ledgerHash(String canonicalJson) {
            return SealedBidRecord.envelopeHashOf(RecordDocument.dataOf(canonicalJson));
        }
    }

    /** Every one, for code that wires the pipeline by hand (tests, tools). */
    public static java.util.List<LedgerImprint> all() {
        return java.util.List.of(new Commitment(), new Reveal(), new SealedEnvelope());
    }
}
