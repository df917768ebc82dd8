/**
 * The standalone verifier ({@code druk-verify.jar}): checks a proof file (druk-registry-proof/1)
 * offline and then against a peer of the inspector's own organisation, through fabric-gateway
 * evaluations only. It shares the domain's proof, Merkle and JSON classes with the portal and
 * nothing else: no portal, no portal database, no application server.
 */
package bt.druk.registry.verifier;
