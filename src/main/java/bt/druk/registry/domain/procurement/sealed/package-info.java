/**
 * The sealed-bid envelope, format {@code druk-sealed-bid/2} (docs/sealed-envelope.md): a bid and its
 * documents encrypted under a fresh data key, the key split k of n with Shamir's scheme over GF(2^8)
 * and each share encrypted to one opening key holder's P-256 key. Pure JDK cryptography: the
 * browser's {@code sealed-envelope.js} makes the same envelopes with Web Crypto, and the tests prove
 * each opens what the other seals.
 */
package bt.druk.registry.domain.procurement.sealed;
