/**
 * Demo content for a newcomer: a fixed plan of invented parcels and their histories, of tenders
 * with sealed bids taken to every state of their lifecycle, and of notarisations, loaded into empty
 * registers through the registers' own services and the record pipeline, so it reaches the ledger
 * like any clerk's, supplier's and key holder's work. Switched on by {@code druk.demo.content}
 * (deploy/up.sh does, unless {@code --no-demo}); the records it created are listed in
 * {@code demo_record} and marked on the pages, {@code demo_procurement} says which plan item became
 * which record, and {@code demo_opening_key} keeps the private keys of the demo's invented opening
 * key holders until their tender is opened.
 */
package bt.druk.registry.application.demo;
