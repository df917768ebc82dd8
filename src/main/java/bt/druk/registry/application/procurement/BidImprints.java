package bt.druk.registry.application.procurement;

import bt.druk.registry.domain.procurement.SealedBidRecord;
import bt.druk.registry.domain.record.LedgerImprint;
import bt.druk.registry.domain.record.RecordDocument;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the ledger holds for a bid's versions: its envelope's hash as lodged, then each later
 * version's document hash.
 */
public final class BidImprints {

    private BidImprints() {
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

        @Override
        public String describe(String version) {
            return "The sealed envelope of " + version + ", as its supplier's browser encrypted it.";
        }
    }

    /** Every one, for code that wires the pipeline by hand (tests, tools). */
    public static java.util.List<LedgerImprint> all() {
        return java.util.List.of(new SealedEnvelope());
    }
}
