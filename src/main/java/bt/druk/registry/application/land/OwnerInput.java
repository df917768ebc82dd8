package bt.druk.registry.application.land;

/**
 * An owner as typed by the clerk.
 *
 * @param name      full name
 * @param cid       11-digit citizenship identity card number
 * @param share     fraction {@code "1/2"}, decimal {@code "0.5"} or {@code "1"}; all shares must sum to exactly 1
 * @param household the household number on the owner's census record, or null where the clerk gave
 *                  none (the one recorded for the CID stands); kept in the portal's database for the
 *                  Land Act 2007's family ceiling, never in the title's document nor on the ledger
 */
public record OwnerInput(String name, String cid, String share, String household) {

    /** An owner without a household number. */
    public OwnerInput(String name, String cid, String share) {
        this(name, cid, share, null);
    }
}
