/**
 * The notary register's language: a notarisation (a document's SHA-256, its kind, the notary office
 * and date, the parties as salted commitments) registered, then revoked or superseded by another
 * with a reason, by the chaincode's own rules (chaincode/README.md, Notary); and batch anchors, which
 * commit many documents at once as one Merkle root (the tree itself is in {@code merkle}).
 */
package bt.druk.registry.domain.notary;
