/**
 * Demo content for a newcomer: a fixed plan of invented parcels and their histories, and of tenders
 * with sealed bids taken to every state of their lifecycle, loaded into empty registers through the
 * land and procurement services and the record pipeline, so it reaches the ledger like any clerk's
 * and bidder's work. Switched on by {@code druk.demo.content} (deploy/up.sh does, unless
 * {@code --no-demo}); the records it created are listed in {@code demo_record} and marked on the
 * pages, and {@code demo_procurement} keeps what the demo's bidders need to reveal their bids.
 */
package bt.druk.registry.application.demo;
