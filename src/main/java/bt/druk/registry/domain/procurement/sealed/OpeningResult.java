package bt.druk.registry.domain.procurement.sealed;

import java.util.List;

/**
 * What opening one sealed envelope gave. {@link Valid} and {@link Invalid} are verdicts on the bid
 * and do not depend on which k holders' shares were used; {@link TooFewShares} is no verdict yet.
 * Every variant lists the posted shares that were set aside and why, so a holder who posted a wrong
 * share is named.
 */
public sealed interface OpeningResult {

    List<RejectedShare> rejectedShares();

    /** Why a bid is invalid, in the words of issue 25. */
    enum InvalidReason {
        /** The stored envelope is not the one whose hash is on the ledger. */
        HASH_MISMATCH,
        /** Not a {@code druk-sealed-bid/2} envelope, its shares are not of one key, or the bid is not canonical JSON. */
        MALFORMED,
        /** A part does not decrypt with the data key the shares rebuild. */
        UNDECRYPTABLE
    }

    /** A posted share that was not used: its index and the reason. */
    record RejectedShare(int index, String reason) {
    }

    /** A document of the bid, decrypted. */
    record OpenedDocument(String name, byte[] content) {
        public OpenedDocument {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        public int size() {
            return content.length;
        }
    }

    /** The bid opened: its canonical JSON and its documents, in envelope order. */
    record Valid(String envelopeSha256, String bidJson, List<OpenedDocument> documents, List<RejectedShare> rejectedShares)
            implements OpeningResult {
        public Valid {
            documents = List.copyOf(documents);
            rejectedShares = List.copyOf(rejectedShares);
        }
    }

    /** The bid cannot be opened, whoever posts shares: the reason and what exactly is wrong. */
    record Invalid(String envelopeSha256, InvalidReason reason, String detail, List<RejectedShare> rejectedShares)
            implements OpeningResult {
        public Invalid {
            rejectedShares = List.copyOf(rejectedShares);
        }
    }

    /** Fewer than k correct shares so far. */
    record TooFewShares(int needed, int correct, List<RejectedShare> rejectedShares) implements OpeningResult {
        public TooFewShares {
            rejectedShares = List.copyOf(rejectedShares);
        }
    }
}
