package bt.druk.registry.chaincode;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Sealed opening of procurement bids (issue 25), alongside commit-reveal ({@link TenderRules}). A
 * sealed tender names k-of-n opening key holders of at least two organisations; each bid is
 * encrypted in the bidder's browser ({@code druk-sealed-bid/2}, docs/sealed-envelope.md) and
 * lodged as its envelope hash with the hashes of its n key shares. After the bid deadline the
 * holders post their decrypted shares, and once k of them have, every bid can be opened: a bidder
 * can no longer keep a bid closed by withholding a reveal.
 * <ul>
 * <li>one live bid per supplier and tender (the supplier known to the ledger only by a commitment);
 * withdrawn only before the deadline;</li>
 * <li>shares only at or after the deadline, by staff of the holder's organisation, each matching its
 * hash in its bid's envelope;</li>
 * <li>opening results only once k holders have posted.</li>
 * </ul>
 */
public final class SealedOpeningRules {
    /** Tender field: {@code true} on a sealed tender (absent on a commit-reveal one). */
    static final String SEALED = "sealed";
    /** Tender field: the {@link Opening}. */
    static final String OPENING = "opening";

    private final Ledger ledger;
    private final TenderRules tenders;

    public SealedOpeningRules(Ledger ledger) {
        this.ledger = ledger;
        this.tenders = new TenderRules(ledger);
    }

    /** Whether {@code tender} takes sealed bids (published with {@code PublishSealedTender}). */
    static boolean isSealed(LedgerEntry tender) {
        return Boolean.TRUE.equals(tender.fields().get(SEALED));
    }

    /** {@code PublishTender} with the tender's opening: fields {@code sealed: true} and {@code opening}. */
    public LedgerEntry publishSealedTender(TxInfo tx, String key, String hash, String office, Instant bidDeadline,
            Opening opening) {
        return tenders.publish(tx, key, hash, office, bidDeadline, Map.of(SEALED, true, OPENING, opening.toMap()));
    }

    /** The opening of a sealed tender; {@code [NOT_ALLOWED_IN_STATE]} for a commit-reveal tender. */
    static Opening openingOf(LedgerEntry tender) {
        Optional<Opening> opening = Opening.of(tender);
        if (opening.isEmpty()) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s is a commit-reveal tender, not a sealed one (PublishSealedTender)",
                    Ledger.describe(tender.key()));
        }
        return opening.get();
    }
}
