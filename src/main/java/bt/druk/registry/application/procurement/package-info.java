/**
 * Procurement use cases: a clerk publishes and moves tenders through their lifecycle, bidders (or a
 * clerk for a paper bid) lodge commitments and reveal bids, all through the record pipeline; the
 * ledger imprints of bids, the search projections and the read side for the pages.
 */
package bt.druk.registry.application.procurement;
