/**
 * The benchmark ({@code druk-bench.jar}, run by {@code deploy/bench.sh}): raw fabric-gateway submits
 * of the chaincode's {@code RegisterTitle} next to the portal's own registrations, Merkle-batched
 * notarisations and the public pages under wrk, measured side by side in one run and printed as one
 * table. It talks to the portal only over HTTP and to the ledger only through fabric-gateway; it
 * shares no class with the portal, and the WAR holds none of it.
 */
package bt.druk.registry.bench;
