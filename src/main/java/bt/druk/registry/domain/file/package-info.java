/**
 * The off-chain file store as the registers see it: files (tender and bid documents, notarised
 * documents) are kept outside the ledger and named by their SHA-256, which goes into the record's
 * hashed JSON. {@link bt.druk.registry.domain.file.FileStore} is the port, {@link
 * bt.druk.registry.domain.file.FileRules} the size and type rules, and {@link
 * bt.druk.registry.domain.file.PublicFilePolicy} lets each register say which of its files citizens
 * may download.
 */
package bt.druk.registry.domain.file;
