/**
 * Procurement use cases: a clerk publishes sealed tenders and moves them through their lifecycle,
 * suppliers lodge sealed bids, opening key holders post their shares and a clerk opens every bid at
 * once, all through the record pipeline or straight to the ledger; the ledger imprints of bids, the
 * search projections and the read side for the pages; and the files named in tenders and bids, as
 * the verify page finds them by hash ({@link bt.druk.registry.application.procurement.ProcurementDocuments}).
 */
package bt.druk.registry.application.procurement;
