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

    /**
     * An identity the portal holds: its organisation, its certificate's serial number (hex), and whether
     * the channel's configuration revokes it (the ledger then refuses whatever it signs).
     */
    record Issued(String name, String mspId, String serial, boolean revoked) {
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

    /**
     * Revokes the identity at its CA and puts the CA's new CRL into its organisation's MSP in the
     * channel configuration (a configuration update signed by that organisation's admin), then waits
     * until the peers have it: from then on the ledger refuses the identity, whoever holds its key,
     * while what it signed before stays valid. Revoking again publishes the CRL again.
     *
     * @throws LedgerUnavailableException when the CA, the orderer or the token cannot be used (the message says why)
     */
    Issued revoke(String name);

    /** The identity of that name the portal holds, if any. Throws {@link LedgerUnavailableException} when the tokens cannot be read. */
    Optional<Issued> find(String name);
}
