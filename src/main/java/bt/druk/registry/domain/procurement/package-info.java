/**
 * The procurement register's language: tenders (OCDS fields, the order of their states, who opens
 * their bids) and sealed bids as the register keeps them (the envelope's and shares' hashes, then
 * the opening's verdict); the envelope format itself is in {@code sealed}. The chaincode enforces
 * the same rules again on the ledger (chaincode/README.md).
 */
package bt.druk.registry.domain.procurement;
