/**
 * Notary use cases: a notary clerk registers a notarised document (its hash computed by the browser
 * and again by the server), revokes or supersedes it, all through the record pipeline; the search
 * projection and read side for the pages; and batch anchors, whose ledger hash is a Merkle root
 * recomputed from the anchor's stored leaves ({@link bt.druk.registry.application.notary.MerkleRootImprint}).
 * Notarised documents and batch members are found by hash on the verify page through their
 * {@link bt.druk.registry.application.verify.DocumentSource} beans.
 */
package bt.druk.registry.application.notary;
