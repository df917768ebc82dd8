/**
 * The JSON API at {@code /api}: public reads (verify by hash, a record's current version) without a
 * session, and staff writes (first registration of a land title, notary batches) with HTTP Basic
 * over the staff accounts. Resources call the same application services as the pages; every
 * refusal is an RFC 9457 problem document ({@link bt.druk.registry.interfaces.rest.ApiExceptionMapper}).
 */
package bt.druk.registry.interfaces.rest;
