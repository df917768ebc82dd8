package bt.druk.registry.chaincode;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Who writes, in which transaction, at which (transaction) time; {@code role}, {@code office} and
 * {@code agency} are the writer's from their certificate (attributes of those names, null when
 * absent), checked against the record's: never taken from an argument, never stored.
 */
public record TxInfo(Submitter submitter, String txId, Instant txTime, String role, String office, String agency) {

    /** The portal's bid box ({@code role=bidbox}), which lodges the bids of every office. */
    public boolean isBidBox() {
        return AccessPolicy.BIDBOX.equals(role);
    }

    /** ISO-8601 UTC form used on the ledger, e.g. {@code 2026-03-01T08:00:00Z}. */
    public static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    public String txTimeIso() {
        return iso(txTime);
    }
}
