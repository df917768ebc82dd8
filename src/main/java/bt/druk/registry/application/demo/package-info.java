/**
 * Demo content for a newcomer: a fixed plan of invented parcels and their histories, loaded into an
 * empty land register through the land services and the record pipeline, so it reaches the ledger
 * like any clerk's work. Switched on by {@code druk.demo.content} (deploy/up.sh does, unless
 * {@code --no-demo}); the records it created are listed in {@code demo_record} and marked on the pages.
 */
package bt.druk.registry.application.demo;
