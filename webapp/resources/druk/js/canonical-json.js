/*
 * Druk Registry: RFC 8785 canonical JSON (JCS) and SHA-256 in the browser.
 *
 * The same rules as bt.druk.registry.domain.record.CanonicalJson on the server, so a hash
 * computed here equals the one the portal and the ledger hold:
 *   - object members sorted by their names' UTF-16 code units (Array.prototype.sort's default
 *     order), no whitespace;
 *   - strings, numbers and literals written by JSON.stringify, which is what RFC 8785 specifies
 *     (ECMAScript number formatting, minimal string escaping);
 *   - refused: non-finite numbers, undefined, functions, symbols, bigints, non-plain objects and
 *     strings with unpaired surrogates (they have no UTF-8 form, so they cannot hash the same
 *     everywhere).
 * Hashes are lowercase hex SHA-256 of the UTF-8 bytes, through Web Crypto (crypto.subtle), which
 * exists only in a secure context: https, or http on localhost / 127.0.0.1.
 *
 * Plain ES2020, no dependencies. Exposes window.DrukCanonicalJson:
 *   canonicalize(value)      -> string
 *   sha256Hex(input)         -> Promise<string>; input: string (UTF-8), ArrayBuffer, typed array,
 *                               Blob or File
 *   toHex(arrayBuffer)       -> string
 *   hasUnpairedSurrogate(s)  -> boolean
 */
(function (global) {
    'use strict';

    const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

    function hasUnpairedSurrogate(text) {
        return UNPAIRED_SURROGATE.test(text);
    }

    function canonicalize(value) {
        if (value === null || value === true || value === false) {
            return String(value);
        }
        switch (typeof value) {
            case 'number':
                if (!Number.isFinite(value)) {
                    throw new TypeError('JSON cannot hold ' + value);
                }
                return JSON.stringify(value); // -0 gives "0", as RFC 8785 asks
            case 'string':
                if (hasUnpairedSurrogate(value)) {
                    throw new TypeError('a string with an unpaired surrogate has no canonical form');
                }
                return JSON.stringify(value);
            case 'object':
                break;
            default:
                throw new TypeError('JSON cannot hold a ' + typeof value);
        }
        if (Array.isArray(value)) {
            return '[' + value.map(canonicalize).join(',') + ']';
        }
        const proto = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) {
            throw new TypeError('only plain objects and arrays can be canonicalised');
        }
        const names = Object.keys(value).sort();
        return '{' + names.map(function (name) {
            if (value[name] === undefined) {
                throw new TypeError('member "' + name + '" is undefined');
            }
            return canonicalize(name) + ':' + canonicalize(value[name]);
        }).join(',') + '}';
    }

    function toHex(buffer) {
        const bytes = new Uint8Array(buffer);
        let hex = '';
        for (let i = 0; i < bytes.length; i++) {
            hex += bytes[i].toString(16).padStart(2, '0');
        }
        return hex;
    }

    function subtle() {
        if (!global.isSecureContext || !global.crypto || !global.crypto.subtle) {
            throw new Error('This browser cannot hash here: Web Crypto needs a secure (https) page.');
        }
        return global.crypto.subtle;
    }

    async function sha256Hex(input) {
        let bytes;
        if (typeof input === 'string') {
            if (hasUnpairedSurrogate(input)) {
                throw new TypeError('a string with an unpaired surrogate has no UTF-8 form');
            }
            bytes = new TextEncoder().encode(input);
        } else if (typeof Blob !== 'undefined' && input instanceof Blob) {
            bytes = await input.arrayBuffer();
        } else if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
            bytes = input;
        } else {
            throw new TypeError('sha256Hex takes a string, an ArrayBuffer, a typed array or a Blob');
        }
        return toHex(await subtle().digest('SHA-256', bytes));
    }

    global.DrukCanonicalJson = Object.freeze({
        canonicalize: canonicalize,
        sha256Hex: sha256Hex,
        toHex: toHex,
        hasUnpairedSurrogate: hasUnpairedSurrogate
    });
}(window));
