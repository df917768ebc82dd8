package bt.druk.registry.domain.ledger;

import java.util.Optional;

/**
 * Port to the organisations' certificate authorities: each staff member's own ledger identity, so
 * that every write is signed by the person who made it (issue 26). The identity is named by the
 * account's user name, its certificate carries the account's role, register, office and agency as
 * attributes the chaincode reads, and its key is made inside the organisation's token.
 */
public interface StaffLedgerIdentities {

    /** Who the certificate is for, as the chaincode will read it. Register, office and agency may be null. */
    record Holder(String name, String mspId, String role, String register, String office, String agency) {
    }

    /** An identity the portal can sign with: its organisation and its certificate's serial number (hex). */
    record Issued(String name, String mspId, String serial) {
    }

    /** Whether this portal issues identities at all: its connection file names the organisations' CAs. */
    boolean issuing();

    /**
     * Registers the holder with their organisation's CA and enrols the identity into the
     * organisation's token; an identity of that name already in the token is kept as it is.
     *
     * @throws LedgerUnavailableException when the CA or the token cannot be used; the reason is in the message
     */
    Issued issue(Holder holder);

    /** The identity of that name the portal holds, if any. Throws {@link LedgerUnavailableException} when the tokens cannot be read. */
    Optional<Issued> find(String name);
}
