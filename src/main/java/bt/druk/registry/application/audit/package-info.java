/**
 * Inspectors' use cases: the tamper report (every record version of the database reconciled with
 * the ledger, as a background job of one run at a time, its findings kept), the public warning on a
 * record that the latest run flagged, and the audit trail of receipts.
 */
package bt.druk.registry.application.audit;
