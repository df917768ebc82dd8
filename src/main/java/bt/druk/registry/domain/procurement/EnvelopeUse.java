package bt.druk.registry.domain.procurement;

/**
 * One lodging of a sealed bid in this database, and where its bid stands now: whether the stored
 * envelope it names is still needed.
 *
 * @param bidKey         the bid
 * @param envelopeSha256 the envelope the lodging names (the hash its first version put on the ledger)
 * @param lodgingRefused the ledger refused the lodging: that bid never was
 * @param bidStatus      the bid's current status ({@link SealedBidRecord#LODGED} …), null when the database shows none
 * @param settled        the bid's current version is committed on the ledger, so its status can no longer fall back
 */
public record EnvelopeUse(String bidKey, String envelopeSha256, boolean lodgingRefused, String bidStatus, boolean settled) {

    /** What the lodging makes of its envelope. */
    public enum Standing {
        /** Lodged (waiting for the ledger or not), opened or invalid: the opening and druk-verify need the envelope, for good. */
        LIVE,
        /** Withdrawn here, but the ledger has not committed the withdrawal and may yet refuse it (after the deadline, say). */
        WITHDRAWING,
        /** The ledger committed the withdrawal: nothing will open this bid. */
        WITHDRAWN,
        /** The ledger refused the lodging. */
        REFUSED;

        public boolean needsEnvelope() {
            return this == LIVE || this == WITHDRAWING;
        }
    }

    public Standing standing() {
        if (lodgingRefused) {
            return Standing.REFUSED;
        }
        if (SealedBidRecord.WITHDRAWN.equals(bidStatus)) {
            return settled ? Standing.WITHDRAWN : Standing.WITHDRAWING;
        }
        // Lodged, opened, invalid, or (should the bid list lag) not known: kept.
        return Standing.LIVE;
    }
}
