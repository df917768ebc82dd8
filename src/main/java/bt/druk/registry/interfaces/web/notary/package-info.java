/**
 * Notary pages: the notary clerk's form for a new notarisation (the file hashed in the browser and
 * again on the server) and a notarisation's staff page (revoke, supersede), and the public
 * notarisation page with "verify on ledger" that shows no personal data.
 */
package bt.druk.registry.interfaces.web.notary;
