/**
 * The public verify page ({@code /verify.xhtml}: a file hashed in the browser, or a SHA-256, checked
 * step by step; a proof file checked in the browser and then against the ledger) and the proof file
 * download ({@code /verify/proof/<sha256>.json}).
 */
package bt.druk.registry.interfaces.web.verify;
