/**
 * Merkle trees for notary batches: the RFC 9162 §2.1 tree over SHA-256 whose root one batch anchor
 * commits to the ledger, with inclusion proofs (a document is in a batch) and consistency proofs (a
 * tree only grew), built by {@link bt.druk.registry.domain.notary.merkle.MerkleTree} and checked by
 * {@link bt.druk.registry.domain.notary.merkle.MerkleProofs}. Checking never throws, whatever a proof
 * holds, and {@link bt.druk.registry.domain.notary.merkle.InclusionProof}'s JSON form is the one the
 * verify page's {@code merkle-proof.js} and the standalone verifier read.
 */
package bt.druk.registry.domain.notary.merkle;
