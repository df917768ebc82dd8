/**
 * The standalone verifier ({@code druk-verify.jar}): checks a proof file (druk-registry-proof/1)
 * offline and then against a peer of the inspector's own organisation, and opens a sealed tender's
 * bids again from the shares posted on the ledger ({@code open-tender}), through fabric-gateway
 * evaluations only. It shares the domain's proof, Merkle, sealed-envelope and JSON classes with the
 * portal and nothing else: no portal, no portal database, no application server.
 */
package bt.druk.registry.verifier;
