/**
 * The public verify page's use cases: what a SHA-256 is in the registers (a notarised document, a
 * record's own document, a tender document, a bid, a batch member), checked step by step against the
 * ledger read now; the proof file ({@link bt.druk.registry.domain.record.ProofReceipt}) for a
 * committed document, and a proof file checked back against the ledger. The steps and their order
 * are {@link bt.druk.registry.application.verify.DocumentVerifier}'s; what each kind of document adds
 * comes from its register's {@link bt.druk.registry.application.verify.DocumentSource} bean.
 */
package bt.druk.registry.application.verify;
