/**
 * Procurement pages: the clerk's tender form and tender page, the public tender list and page, a
 * bid's public receipt, the supplier's pages (register, seal and lodge a bid in the browser,
 * withdraw it) and the opening key holder's pages (my opening key, post my shares).
 */
package bt.druk.registry.interfaces.web.procurement;
