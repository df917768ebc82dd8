/**
 * The JSON API at {@code /api}: public reads (verify by hash, a record, its history with receipts,
 * its document, the land search) without a session, and staff writes (land registration and the
 * title's updates, notary batches) with HTTP Basic over the staff accounts. Resources call the same
 * application services as the pages; every refusal is an RFC 9457 problem document
 * ({@link bt.druk.registry.interfaces.rest.ApiExceptionMapper}); costly public calls are rate-limited
 * per client ({@link bt.druk.registry.interfaces.rest.PublicRateLimitFilter}).
 */
package bt.druk.registry.interfaces.rest;
