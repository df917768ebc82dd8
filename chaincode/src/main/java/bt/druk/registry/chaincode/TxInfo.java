package bt.druk.registry.chaincode;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Who writes, in which transaction, at which (transaction) time; {@code office} and {@code agency}
 * are the writer's office and agency from their certificate (attributes {@code office} and
 * {@code agency}, null when absent), checked against the record's: never taken from an argument.
 */
public record TxInfo(Submitter submitter, String txId, Instant txTime, String office, String agency) {

    /** ISO-8601 UTC form used on the ledger, e.g. {@code 2026-03-01T08:00:00Z}. */
    public static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    public String txTimeIso() {
        return iso(txTime);
    }
}
