package bt.druk.registry.domain.ledger;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: the ledger this database belongs to, and every binding it has had (an operator's rebind
 * adds one; none is ever changed or removed). Receipts in the database are only meaningful on the
 * ledger they were written to.
 */
public interface LedgerBindings {

    /**
     * One binding of the database to a ledger.
     *
     * @param boundBy who bound it: {@code portal} on a first start, else the operator named in the command
     * @param reason  why, in the words of whoever bound it
     */
    record Binding(LedgerIdentity ledger, Instant boundAt, String boundBy, String reason) {
    }

    /** The newest binding, empty for a database that was never bound. */
    Optional<Binding> current();

    /** Adds a binding, which becomes the current one. */
    void add(Binding binding);

    /**
     * Adds an operator's binding to another ledger and starts every block checkpoint again at block
     * 0, in one transaction: the other ledger's blocks are numbered from its own genesis block.
     */
    void rebind(Binding binding);

    /** The transaction id of one committed record version, if the database has any: a receipt to look for on a ledger. */
    Optional<String> anyReceipt();
}
