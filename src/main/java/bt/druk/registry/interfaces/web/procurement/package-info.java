/**
 * Procurement pages: the clerk's tender form and tender page, the public tender list and page, and
 * the bidder's pages (seal my bid, the bid's receipt, the reveal at the opening).
 */
package bt.druk.registry.interfaces.web.procurement;
