/**
 * The procurement register as Open Contracting Data Standard 1.1.5 open data: one release for each
 * committed tender version and each committed bid opening, a compiled record per tender, and a bulk
 * release package, with the bids extension and our ledger-evidence extension. Built from the
 * record versions themselves (what the ledger attests), not from the search projections.
 */
package bt.druk.registry.application.procurement.ocds;
