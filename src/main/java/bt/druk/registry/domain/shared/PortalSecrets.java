package bt.druk.registry.domain.shared;

/**
 * Secrets the portal makes once and keeps with its records, the same for every portal on one
 * database (e.g. the key of the owners digest the ledger compares).
 */
public interface PortalSecrets {

    /** The 32-byte secret of this name, made at random the first time any portal asks for it. */
    byte[] secret(String name);
}
