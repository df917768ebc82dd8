package bt.druk.registry.chaincode;

/**
 * Error codes of the registry chaincode. Every refusal is a {@link RegistryException} whose message
 * starts with the code in brackets ({@code [STALE_VERSION] ...}) and whose payload is the code
 * itself (UTF-8), so clients can branch on it without parsing text.
 */
public enum ErrorCode {
    /** The caller's role (certificate attribute {@code role}) or MSP may not do this. */
    ACCESS_DENIED,
    /** A clerk tried to write to a register other than the one named in their certificate. */
    WRONG_REGISTER,
    /**
     * A clerk tried to register or change a record of an office (for a tender: or an agency) other
     * than the one in their certificate, or to lodge a bid under another office than its tender's;
     * or a land office to first register a parcel of a dzongkhag it does not serve ({@link LandOffices}).
     */
    WRONG_OFFICE,
    /** An argument is missing or malformed. */
    INVALID_ARGUMENT,
    /** A creation named a key that already exists (with a different hash or version). */
    ALREADY_EXISTS,
    /** The key (or a referenced key, mortgage or caveat) does not exist. */
    NOT_FOUND,
    /** The update named a version other than current + 1. */
    STALE_VERSION,
    /** The update's previousHash is not the hash currently on the ledger. */
    HASH_MISMATCH,
    /**
     * A transfer was lodged while a mortgage, caveat or another transfer is open; or a parcel was
     * subdivided, merged or its boundary adjusted while a caveat is open or a transfer is pending.
     */
    ENCUMBERED,
    /** The record's status does not allow this transaction. */
    NOT_ALLOWED_IN_STATE,
    /** A transfer cannot be finalised before its public notice period has ended. */
    NOTICE_PERIOD_RUNNING,
    /** The deadline (bid deadline, end of notice period) has passed. */
    DEADLINE_PASSED,
    /** The deadline has not been reached yet (shares cannot be posted, bids not opened). */
    DEADLINE_NOT_REACHED,
    /** A bid deadline (published or amended) sooner after the transaction time than the minimum bid period. */
    BID_PERIOD_TOO_SHORT,
    /** An opening share or an opened bid's supplier does not match what was lodged with the bid. */
    COMMITMENT_MISMATCH,
    /** The document hash is already registered in an active notarisation. */
    DUPLICATE_HASH,
    /**
     * A write whose proposal timestamp (chosen by the client) differs from the endorsing chaincode
     * process's clock by more than the maximum skew ({@link ClockSkewGuard}).
     */
    CLOCK_SKEW,
    /**
     * The parcels a subdivision, merger or boundary adjustment makes do not add up to the area of the
     * parcels it retires or changes, within {@link ParcelLineageRules#AREA_TOLERANCE}.
     */
    AREA_MISMATCH,
    /** A parcel a subdivision, merger or boundary adjustment makes would be below the minimum plot size. */
    PLOT_TOO_SMALL,
    /** A parcel made from a mortgaged one does not carry one of its open mortgages. */
    MORTGAGE_NOT_CARRIED,
    /** Wetland (chhuzhing) would become land of another type. */
    WETLAND_CONVERSION,
    /**
     * Parcels merged have different owners, or a subdivision, merger or boundary adjustment would
     * change who owns a parcel (ownership changes by transfer, with its notice period).
     */
    OWNERS_DIFFER,
    /** Parcels merged or adjusted lie in different dzongkhags. */
    DZONGKHAG_DIFFERS,
    /** Exactly this (key, version, hash) is already the current ledger entry: a harmless retry. */
    ALREADY_RECORDED;

    /** Builds the exception for this code: message {@code [CODE] text}, payload the code bytes. */
    public RegistryException error(String format, Object... args) {
        return new RegistryException(this, args.length == 0 ? format : String.format(java.util.Locale.ROOT, format, args));
    }
}
