/**
 * Inspection of the registers: reconciliations of the portal's database with the ledger (runs and
 * what each found) and the receipts trail of who wrote which record version when. Ports only; the
 * use cases are in {@code application.audit}.
 */
package bt.druk.registry.domain.audit;
