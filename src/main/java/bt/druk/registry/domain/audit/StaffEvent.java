package bt.druk.registry.domain.audit;

import java.time.Instant;

/**
 * One staff action in the append-only activity log.
 *
 * @param actor   the staff user name (for a failed sign-in: the name that was typed, cut to 64)
 * @param client  the client's address, when the action came over HTTP
 * @param subject what it was about: a record key and version, a certificate, a document
 * @param detail  a short note (the operation, the kind of document)
 */
public record StaffEvent(Instant at, Kind kind, String actor, String client, String subject, String detail) {

    public enum Kind {
        SIGN_IN,
        SIGN_IN_FAILED,
        /** Refused by the throttle before the password was looked at. */
        SIGN_IN_THROTTLED,
        WRITE,
        /** A document with full personal data (a lagthram, a notarial certificate) was handed out. */
        DOWNLOAD,
        /** An operator bound the database to another ledger (subject: the ledger; detail: from which, and why). */
        LEDGER_BOUND,
        /** An administrator created a staff account (subject: the account; detail: role, register, agency, office). */
        ACCOUNT_CREATED,
        /** An administrator changed an account's role, register, agency, office or display name. */
        ACCOUNT_CHANGED,
        ACCOUNT_DISABLED,
        ACCOUNT_ENABLED,
        /** An administrator had the account's own ledger identity issued (detail: its organisation and certificate serial). */
        LEDGER_IDENTITY_ISSUED,
        /** A disabled account's ledger identity was revoked at its CA and in the channel (actor: the administrator, or "portal"). */
        LEDGER_IDENTITY_REVOKED,
        /** An administrator reset an account's lost second factor (a new set-up link was made). */
        FACTOR_RESET,
        /** The account's holder changed its password. */
        PASSWORD_CHANGED,
        /** The holder used a set-up link: chose a password and enrolled a second factor, or a new factor. */
        SETUP_COMPLETED,
        /** The holder used one of the single-use recovery codes instead of a TOTP code. */
        RECOVERY_CODE_USED,
        /** The holder made a personal API token (subject: its id; detail: its name and expiry). */
        API_TOKEN_CREATED,
        /** The holder revoked one of their API tokens. */
        API_TOKEN_REVOKED,
        /** A known API token was refused: revoked, expired, or its account disabled or changed since. */
        API_TOKEN_REFUSED,
        /** A land clerk changed a person's household number, as a newer census record says (subject: the CID; detail: from, to). */
        HOUSEHOLD_CHANGED,
        /**
         * A court-ordered transfer took a family above the Land Act 2007's ceiling: registered, since the
         * court's order outranks the registry's refusal, and flagged here (subject: the version; detail: the family's holding).
         */
        LAND_CEILING_EXCEEDED
    }

    public StaffEvent {
        actor = cut(actor == null || actor.isBlank() ? "?" : actor, 64);
        client = client == null ? null : cut(client, 64);
        subject = subject == null ? null : cut(subject, 200);
        detail = detail == null ? null : cut(detail, 300);
    }

    /** A record version a clerk saved (logged in the same transaction as the version). */
    public static StaffEvent write(Instant at, String actor, String recordKey, int version, String operation) {
        return new StaffEvent(at, Kind.WRITE, actor, null, recordKey + " v" + version, operation);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
