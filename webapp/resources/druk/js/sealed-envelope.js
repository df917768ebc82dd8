/*
 * Druk Registry: the sealed-bid envelope (format druk-sealed-bid/2, docs/sealed-envelope.md) in the
 * browser. Needs canonical-json.js loaded first. Plain ES2020, Web Crypto only (crypto.subtle: a
 * secure context, https or 127.0.0.1), no libraries, no inline script. The Java side is
 * bt.druk.registry.domain.procurement.sealed; each opens what the other seals.
 *
 * IN SHORT
 *   data key   32 random bytes per bid; the bid's canonical JSON (part "bid") and each document
 *              (parts "document-1", "document-2", ...) encrypted with AES-256-GCM, 12-byte random
 *              IV each, AAD = canonical JSON {"ocid","part","purpose":"part","version"}
 *   shares     the data key split k of n, byte by byte, Shamir over GF(2^8) mod 0x11B; share i
 *              (x = i, holder i) = index byte || 32 value bytes, and its SHA-256 is in the envelope
 *   to holder  ephemeral ECDH P-256; HKDF-SHA-256(IKM = shared X coordinate, salt = ephemeral
 *              point || holder point (65 bytes each, uncompressed), info = canonical JSON
 *              {"holder","ocid","purpose":"share-key","version"}) to an AES-256 key; AES-256-GCM of
 *              the share, AAD = canonical JSON {"holder","ocid","purpose":"share","version"}
 *   envelope   canonical JSON {version, ocid, k, n, holders[{index, publicKeySha256}],
 *              parts[{name, iv, ciphertext}], shares[{index, ephemeralPublicKey, iv, ciphertext,
 *              shareSha256}]}; binary values unpadded base64url, hashes lowercase hex;
 *              envelope hash = SHA-256 of its UTF-8 text (what the ledger holds)
 *
 * API (window.DrukSealedEnvelope); every function returns a Promise unless marked (sync)
 *   VERSION                                       "druk-sealed-bid/2" (sync)
 *   generateHolderKeyPair({keyFile})              a holder's opening key pair. The private key is
 *       non-extractable. With keyFile: true the pair is made once extractable, exported as a JWK key
 *       file ({kty, crv, x, y, d, druk: "opening key file ..."}: WHOEVER HOLDS THIS FILE CAN OPEN
 *       THIS HOLDER'S SHARE OF EVERY BID), and the private key is imported again non-extractable.
 *       -> {privateKey, publicKey, publicKeySpki (base64url), publicKeySha256 (hex), keyFile|null}
 *   importHolderKeyFile(jwk)                      -> {privateKey (non-extractable), publicKey, ...}
 *   exportPublicKey(publicKey)                    -> {publicKeySpki, publicKeySha256}
 *   seal({ocid, bid, documents, holders, k})      bid: a plain JSON object; documents: ArrayBuffers
 *       or typed arrays; holders: public keys in holder order (SPKI as base64url text, ArrayBuffer,
 *       or CryptoKey). -> {envelope (object), text (canonical JSON), sha256}
 *   decryptShare(envelope, privateKey, publicKey) the holder's side: finds this key among the
 *       envelope's holders and decrypts its share. -> {index, value (Uint8Array, 32 bytes),
 *       bytes (base64url of the 33-byte plaintext share), sha256}. Throws an Error with .code
 *       "sealedEnvelope.holder.unknown", "sealedEnvelope.share.undecryptable" or
 *       "sealedEnvelope.share.hashMismatch".
 *   open(envelopeText, ledgerSha256, shares)      shares: [{index, value}] or [{bytes}] (any number,
 *       wrong ones too). -> {status: "valid", bid (canonical JSON text), documents [{name, content
 *       (Uint8Array)}], rejectedShares} | {status: "invalid", reason: "HASH_MISMATCH" | "MALFORMED"
 *       | "UNDECRYPTABLE", detail, rejectedShares} | {status: "tooFewShares", needed, correct,
 *       rejectedShares}; the same verdicts as Java's EnvelopeOpener.
 *   parse(text)                                   the envelope object, or throws (code
 *       "sealedEnvelope.*"); checks structure, lengths and canonical form, not the curve points
 *       (Web Crypto refuses a point off the curve when it is used).
 *   split(secret, k, n) (sync), combine(shares) (sync)   Shamir over GF(2^8), shares {index, value}
 *   base64url(bytes), fromBase64url(text) (sync)
 */
(function (global) {
  'use strict';

  const VERSION = 'druk-sealed-bid/2';
  const KEY_LENGTH = 32;
  const IV_LENGTH = 12;
  const TAG_LENGTH = 16;
  const SHARE_LENGTH = 1 + KEY_LENGTH;
  const MAX_HOLDERS = 16;
  const MAX_DOCUMENTS = 50;
  const OCID = /^ocds-[a-z0-9]{6}-[A-Za-z0-9.-]{1,100}$/;
  const HASH_HEX = /^[0-9a-f]{64}$/;
  const BASE64URL = /^[A-Za-z0-9_-]*$/;
  const EC = {name: 'ECDH', namedCurve: 'P-256'};
  const KEY_FILE_NOTE = 'Druk Registry opening key file (JWK, P-256). Whoever holds this file can open this'
      + ' holder\'s share of every bid sealed to it: keep it offline, never upload it.';

  function subtle() {
    if (!global.isSecureContext || !global.crypto || !global.crypto.subtle) {
      throw new Error('Web Crypto needs a secure (https) page.');
    }
    return global.crypto.subtle;
  }

  function canonical(value) {
    return global.DrukCanonicalJson.canonicalize(value);
  }

  function fail(code, message) {
    const error = new Error(message);
    error.code = code;
    return error;
  }

  // ---- bytes -----------------------------------------------------------------------------

  function bytesOf(input) {
    if (input instanceof Uint8Array) return input;
    if (input instanceof ArrayBuffer) return new Uint8Array(input);
    if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    throw new TypeError('expected an ArrayBuffer or a typed array');
  }

  function utf8(text) {
    return new TextEncoder().encode(text);
  }

  function concat(...parts) {
    let length = 0;
    for (const p of parts) length += p.length;
    const all = new Uint8Array(length);
    let at = 0;
    for (const p of parts) { all.set(p, at); at += p.length; }
    return all;
  }

  function base64url(input) {
    const bytes = bytesOf(input);
    const chunks = [];
    // In slices: String.fromCharCode.apply takes a bounded number of arguments.
    for (let i = 0; i < bytes.length; i += 0x8000) {
      chunks.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000)));
    }
    return btoa(chunks.join('')).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

  /**
   * The number of bytes unpadded base64url text decodes to, or -1 if it is not that in its one
   * spelling (alphabet, length, zero bits past the last byte), without decoding it.
   */
  function decodedLength(text) {
    if (typeof text !== 'string' || text.length % 4 === 1 || !BASE64URL.test(text)) return -1;
    const unused = text.length % 4 === 2 ? 0x0f : text.length % 4 === 3 ? 0x03 : 0;
    if (unused !== 0 && (ALPHABET.indexOf(text.charAt(text.length - 1)) & unused) !== 0) return -1;
    return Math.floor(text.length / 4) * 3 + Math.max(0, text.length % 4 - 1);
  }

  /** Unpadded base64url only, in its one spelling; null for anything else. */
  function fromBase64url(text) {
    const length = decodedLength(text);
    if (length < 0) return null;
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(length);
    for (let i = 0; i < length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function toHex(bytes) {
    return global.DrukCanonicalJson.toHex(bytes);
  }

  async function sha256(bytes) {
    return new Uint8Array(await subtle().digest('SHA-256', bytes));
  }

  function randomBytes(count) {
    return global.crypto.getRandomValues(new Uint8Array(count));
  }

  // ---- GF(2^8) and Shamir ------------------------------------------------------------------

  function gfMultiply(a, b) {
    let product = 0;
    while (b !== 0) {
      if (b & 1) product ^= a;
      a <<= 1;
      if (a & 0x100) a ^= 0x11B;
      b >>= 1;
    }
    return product;
  }

  function gfInverse(a) {
    if (a === 0) throw new RangeError('0 has no inverse');
    let result = 1;
    let base = a;
    for (let e = 254; e !== 0; e >>= 1) {
      if (e & 1) result = gfMultiply(result, base);
      base = gfMultiply(base, base);
    }
    return result;
  }

  /** Shares 1..n of the secret (Uint8Array), any k of which rebuild it. */
  function split(secret, k, n, coefficients) {
    secret = bytesOf(secret);
    if (!(Number.isInteger(k) && Number.isInteger(n) && k >= 1 && k <= n && n <= 255)) {
      throw new RangeError('need 1 <= k <= n <= 255');
    }
    const a = coefficients || randomBytes(secret.length * (k - 1));
    const shares = [];
    for (let x = 1; x <= n; x++) {
      const value = new Uint8Array(secret.length);
      for (let b = 0; b < secret.length; b++) {
        let y = 0;
        for (let j = k - 1; j >= 1; j--) y = gfMultiply(y, x) ^ a[b * (k - 1) + j - 1];
        value[b] = gfMultiply(y, x) ^ secret[b];
      }
      shares.push({index: x, value: value});
    }
    return shares;
  }

  /** The interpolated polynomials at x: x = 0 is the secret, x = j share j. */
  function evaluate(shares, x) {
    const length = shares[0].value.length;
    const basis = shares.map(function (share, i) {
      let numerator = 1;
      let denominator = 1;
      shares.forEach(function (other, j) {
        if (j !== i) {
          numerator = gfMultiply(numerator, x ^ other.index);
          denominator = gfMultiply(denominator, share.index ^ other.index);
        }
      });
      return gfMultiply(numerator, gfInverse(denominator));
    });
    const out = new Uint8Array(length);
    for (let b = 0; b < length; b++) {
      let sum = 0;
      for (let i = 0; i < shares.length; i++) sum ^= gfMultiply(shares[i].value[b], basis[i]);
      out[b] = sum;
    }
    return out;
  }

  /** The secret from exactly k shares [{index, value}]. */
  function combine(shares) {
    if (!Array.isArray(shares) || shares.length === 0) throw new RangeError('no shares');
    const seen = new Set();
    for (const s of shares) {
      if (!Number.isInteger(s.index) || s.index < 1 || s.index > 255 || seen.has(s.index)) {
        throw new RangeError('share indices must be distinct and 1..255');
      }
      if (s.value.length !== shares[0].value.length) throw new RangeError('shares of different lengths');
      seen.add(s.index);
    }
    return evaluate(shares, 0);
  }

  function shareBytes(share) {
    return concat(Uint8Array.of(share.index), share.value);
  }

  // ---- what is authenticated, and the share keys -----------------------------------------

  function partAad(ocid, name) {
    return utf8(canonical({version: VERSION, ocid: ocid, purpose: 'part', part: name}));
  }

  function shareAad(ocid, holder) {
    return utf8(canonical({version: VERSION, ocid: ocid, purpose: 'share', holder: holder}));
  }

  function shareKeyInfo(ocid, holder) {
    return utf8(canonical({version: VERSION, ocid: ocid, purpose: 'share-key', holder: holder}));
  }

  async function aesKey(raw, usage) {
    return subtle().importKey('raw', raw, {name: 'AES-GCM'}, false, [usage]);
  }

  async function gcmEncrypt(key, iv, aad, plaintext) {
    return new Uint8Array(await subtle().encrypt({name: 'AES-GCM', iv: iv, additionalData: aad, tagLength: 128}, key, plaintext));
  }

  /** The plaintext, or null if the tag does not verify. */
  async function gcmDecrypt(key, iv, aad, ciphertext) {
    try {
      return new Uint8Array(await subtle().decrypt({name: 'AES-GCM', iv: iv, additionalData: aad, tagLength: 128}, key, ciphertext));
    } catch (e) {
      return null;
    }
  }

  /** ECDH X coordinate -> HKDF-SHA-256 -> AES-256-GCM key. */
  async function shareKey(privateKey, peerPublic, ephemeralRaw, holderRaw, ocid, holder, usage) {
    const shared = await subtle().deriveBits({name: 'ECDH', public: peerPublic}, privateKey, 256);
    const ikm = await subtle().importKey('raw', shared, 'HKDF', false, ['deriveBits']);
    const raw = await subtle().deriveBits({name: 'HKDF', hash: 'SHA-256', salt: concat(ephemeralRaw, holderRaw),
      info: shareKeyInfo(ocid, holder)}, ikm, 256);
    return aesKey(raw, usage);
  }

  // ---- holder keys -----------------------------------------------------------------------

  async function exportPublicKey(publicKey) {
    const spki = new Uint8Array(await subtle().exportKey('spki', publicKey));
    return {publicKeySpki: base64url(spki), publicKeySha256: toHex(await sha256(spki))};
  }

  async function generateHolderKeyPair(options) {
    const keyFile = !!(options && options.keyFile);
    const pair = await subtle().generateKey(EC, keyFile, ['deriveBits']);
    let privateKey = pair.privateKey;
    let file = null;
    if (keyFile) {
      const jwk = await subtle().exportKey('jwk', pair.privateKey);
      file = {kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, d: jwk.d, druk: KEY_FILE_NOTE};
      privateKey = await subtle().importKey('jwk', {kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, d: jwk.d}, EC, false,
          ['deriveBits']);
    }
    return Object.assign({privateKey: privateKey, publicKey: pair.publicKey, keyFile: file}, await exportPublicKey(pair.publicKey));
  }

  async function importHolderKeyFile(jwk) {
    if (typeof jwk === 'string') jwk = JSON.parse(jwk);
    if (!jwk || jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.d !== 'string') {
      throw fail('sealedEnvelope.keyFile', 'not a P-256 opening key file');
    }
    const privateKey = await subtle().importKey('jwk', {kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, d: jwk.d}, EC, false,
        ['deriveBits']);
    const publicKey = await subtle().importKey('jwk', {kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y}, EC, true, []);
    return Object.assign({privateKey: privateKey, publicKey: publicKey, keyFile: null}, await exportPublicKey(publicKey));
  }

  async function holderPublicKey(holder) {
    if (typeof CryptoKey !== 'undefined' && holder instanceof CryptoKey) return holder;
    const spki = typeof holder === 'string' ? fromBase64url(holder) : bytesOf(holder);
    if (!spki) throw fail('sealedEnvelope.holder.key', 'a holder key is not unpadded base64url SPKI');
    return subtle().importKey('spki', spki, EC, true, []);
  }

  // ---- sealing ---------------------------------------------------------------------------

  async function seal(input) {
    const ocid = input.ocid;
    const k = input.k;
    const documents = input.documents || [];
    if (typeof ocid !== 'string' || !OCID.test(ocid)) throw fail('sealedEnvelope.ocid', 'not an OCID: ' + ocid);
    if (!Array.isArray(input.holders)) throw fail('sealedEnvelope.holders', 'holders must be a list of public keys');
    const n = input.holders.length;
    if (!(n >= 2 && n <= MAX_HOLDERS && Number.isInteger(k) && k >= 2 && k <= n)) {
      throw fail('sealedEnvelope.k', 'need 2 <= k <= n <= ' + MAX_HOLDERS);
    }
    if (documents.length > MAX_DOCUMENTS) throw fail('sealedEnvelope.parts.count', 'at most ' + MAX_DOCUMENTS + ' documents');
    if (input.bid === null || typeof input.bid !== 'object' || Array.isArray(input.bid)) {
      throw fail('sealedEnvelope.bid', 'a bid is a JSON object');
    }
    const holderKeys = await Promise.all(input.holders.map(holderPublicKey));

    const dataKeyBytes = randomBytes(KEY_LENGTH);
    const dataKey = await aesKey(dataKeyBytes, 'encrypt');
    const shares = split(dataKeyBytes, k, n);
    dataKeyBytes.fill(0);

    const plaintexts = [['bid', utf8(canonical(input.bid))]];
    documents.forEach(function (doc, i) { plaintexts.push(['document-' + (i + 1), bytesOf(doc)]); });
    const parts = [];
    for (const [name, plaintext] of plaintexts) {
      const iv = randomBytes(IV_LENGTH);
      parts.push({name: name, iv: base64url(iv), ciphertext: base64url(await gcmEncrypt(dataKey, iv, partAad(ocid, name), plaintext))});
    }

    const holders = [];
    const sealedShares = [];
    for (let i = 0; i < n; i++) {
      const index = i + 1;
      const spki = new Uint8Array(await subtle().exportKey('spki', holderKeys[i]));
      holders.push({index: index, publicKeySha256: toHex(await sha256(spki))});
      const holderRaw = new Uint8Array(await subtle().exportKey('raw', holderKeys[i]));
      const ephemeral = await subtle().generateKey(EC, false, ['deriveBits']);
      const ephemeralRaw = new Uint8Array(await subtle().exportKey('raw', ephemeral.publicKey));
      const key = await shareKey(ephemeral.privateKey, holderKeys[i], ephemeralRaw, holderRaw, ocid, index, 'encrypt');
      const iv = randomBytes(IV_LENGTH);
      const plaintext = shareBytes(shares[i]);
      sealedShares.push({index: index, ephemeralPublicKey: base64url(ephemeralRaw), iv: base64url(iv),
        ciphertext: base64url(await gcmEncrypt(key, iv, shareAad(ocid, index), plaintext)),
        shareSha256: toHex(await sha256(plaintext))});
      plaintext.fill(0);
      shares[i].value.fill(0);
    }
    const envelope = {version: VERSION, ocid: ocid, k: k, n: n, holders: holders, parts: parts, shares: sealedShares};
    const text = canonical(envelope);
    return {envelope: envelope, text: text, sha256: toHex(await sha256(utf8(text)))};
  }

  // ---- reading ---------------------------------------------------------------------------

  function exactMembers(object, names, field) {
    if (object === null || typeof object !== 'object' || Array.isArray(object)) {
      throw fail('sealedEnvelope.type', (field || 'the envelope') + ' must be an object');
    }
    const keys = Object.keys(object);
    for (const key of keys) {
      if (!names.includes(key)) throw fail('sealedEnvelope.member.unknown', (field ? field + '.' : '') + key + ': unknown member');
    }
    for (const name of names) {
      if (!keys.includes(name)) throw fail('sealedEnvelope.member.missing', (field ? field + '.' : '') + name + ': missing');
    }
  }

  function checkBytes(value, field, min, max) {
    const length = decodedLength(value);
    if (length < 0) throw fail('sealedEnvelope.base64url', field + ': not unpadded base64url');
    if (length < min || length > max) throw fail('sealedEnvelope.length', field + ': ' + length + ' bytes');
  }

  function checkIndex(value, expected, field) {
    if (value !== expected) throw fail('sealedEnvelope.index', field + ': must be ' + expected);
  }

  function parse(text) {
    if (typeof text !== 'string' || text.trim() === '') throw fail('sealedEnvelope.empty', 'the sealed envelope is empty');
    let e;
    try {
      e = JSON.parse(text);
    } catch (error) {
      throw fail('sealedEnvelope.json', 'the sealed envelope is not JSON');
    }
    exactMembers(e, ['version', 'ocid', 'k', 'n', 'holders', 'parts', 'shares'], '');
    if (e.version !== VERSION) throw fail('sealedEnvelope.version', 'unknown envelope version ' + JSON.stringify(e.version));
    if (typeof e.ocid !== 'string' || !OCID.test(e.ocid)) throw fail('sealedEnvelope.ocid', 'not an OCID');
    if (!Number.isInteger(e.n) || e.n < 2 || e.n > MAX_HOLDERS) throw fail('sealedEnvelope.n', 'n must be 2 to ' + MAX_HOLDERS);
    if (!Number.isInteger(e.k) || e.k < 2 || e.k > e.n) throw fail('sealedEnvelope.k', 'k must be 2 to n');
    if (!Array.isArray(e.holders) || e.holders.length !== e.n) throw fail('sealedEnvelope.holders.count', 'n holders needed');
    e.holders.forEach(function (h, i) {
      exactMembers(h, ['index', 'publicKeySha256'], 'holders[' + i + ']');
      checkIndex(h.index, i + 1, 'holders[' + i + '].index');
      if (typeof h.publicKeySha256 !== 'string' || !HASH_HEX.test(h.publicKeySha256)) {
        throw fail('sealedEnvelope.hash', 'holders[' + i + '].publicKeySha256: not a SHA-256 in lowercase hex');
      }
    });
    if (!Array.isArray(e.parts) || e.parts.length < 1 || e.parts.length > 1 + MAX_DOCUMENTS) {
      throw fail('sealedEnvelope.parts.count', 'the bid and 0 to ' + MAX_DOCUMENTS + ' documents');
    }
    e.parts.forEach(function (p, i) {
      exactMembers(p, ['name', 'iv', 'ciphertext'], 'parts[' + i + ']');
      if (p.name !== (i === 0 ? 'bid' : 'document-' + i)) throw fail('sealedEnvelope.part.name', 'parts[' + i + '].name');
      checkBytes(p.iv, 'parts[' + i + '].iv', IV_LENGTH, IV_LENGTH);
      checkBytes(p.ciphertext, 'parts[' + i + '].ciphertext', TAG_LENGTH, Infinity);
    });
    if (!Array.isArray(e.shares) || e.shares.length !== e.n) throw fail('sealedEnvelope.shares.count', 'n shares needed');
    e.shares.forEach(function (s, i) {
      const field = 'shares[' + i + ']';
      exactMembers(s, ['index', 'ephemeralPublicKey', 'iv', 'ciphertext', 'shareSha256'], field);
      checkIndex(s.index, i + 1, field + '.index');
      checkBytes(s.ephemeralPublicKey, field + '.ephemeralPublicKey', 65, 65);
      checkBytes(s.iv, field + '.iv', IV_LENGTH, IV_LENGTH);
      checkBytes(s.ciphertext, field + '.ciphertext', SHARE_LENGTH + TAG_LENGTH, SHARE_LENGTH + TAG_LENGTH);
      if (typeof s.shareSha256 !== 'string' || !HASH_HEX.test(s.shareSha256)) {
        throw fail('sealedEnvelope.hash', field + '.shareSha256: not a SHA-256 in lowercase hex');
      }
    });
    if (canonical(e) !== text) {
      throw fail('sealedEnvelope.notCanonical', 'the sealed envelope is not written in canonical JSON (RFC 8785)');
    }
    return e;
  }

  // ---- the holder's side -----------------------------------------------------------------

  async function decryptShare(envelope, privateKey, publicKey) {
    const e = typeof envelope === 'string' ? parse(envelope) : envelope;
    const mine = await exportPublicKey(publicKey);
    const holder = e.holders.find(function (h) { return h.publicKeySha256 === mine.publicKeySha256; });
    if (!holder) throw fail('sealedEnvelope.holder.unknown', 'this key is not one of the envelope\'s holders');
    const index = holder.index;
    const share = e.shares[index - 1];
    const ephemeralRaw = fromBase64url(share.ephemeralPublicKey);
    const ephemeral = await subtle().importKey('raw', ephemeralRaw, EC, false, []);
    const holderRaw = new Uint8Array(await subtle().exportKey('raw', publicKey));
    const key = await shareKey(privateKey, ephemeral, ephemeralRaw, holderRaw, e.ocid, index, 'decrypt');
    const plaintext = await gcmDecrypt(key, fromBase64url(share.iv), shareAad(e.ocid, index), fromBase64url(share.ciphertext));
    if (!plaintext) {
      throw fail('sealedEnvelope.share.undecryptable', 'share ' + index + ' does not decrypt with this key');
    }
    const sha = toHex(await sha256(plaintext));
    if (plaintext[0] !== index || plaintext.length !== SHARE_LENGTH || sha !== share.shareSha256) {
      throw fail('sealedEnvelope.share.hashMismatch', 'share ' + index + ' does not match its hash in the envelope');
    }
    return {index: index, value: plaintext.slice(1), bytes: base64url(plaintext), sha256: sha};
  }

  // ---- opening ---------------------------------------------------------------------------

  function postedShare(share) {
    if (share && typeof share.bytes === 'string') {
      const bytes = fromBase64url(share.bytes);
      if (!bytes || bytes.length < 2) return null;
      return {index: bytes[0], value: bytes.slice(1)};
    }
    if (share && Number.isInteger(share.index) && share.value) return {index: share.index, value: bytesOf(share.value)};
    return null;
  }

  async function open(envelopeText, ledgerSha256, shares) {
    const hash = toHex(await sha256(utf8(envelopeText)));
    if (hash !== ledgerSha256) {
      return {status: 'invalid', reason: 'HASH_MISMATCH', envelopeSha256: hash,
        detail: 'the envelope\'s SHA-256 is ' + hash + ', the ledger holds ' + ledgerSha256, rejectedShares: []};
    }
    let e;
    try {
      e = parse(envelopeText);
    } catch (error) {
      return {status: 'invalid', reason: 'MALFORMED', envelopeSha256: hash, detail: error.message, rejectedShares: []};
    }
    const rejected = [];
    const correct = [];
    const seen = new Set();
    for (const posted of shares) {
      const share = postedShare(posted);
      if (!share || share.index < 1 || share.index > e.n) {
        rejected.push({index: share ? share.index : null, reason: 'no such share in this envelope'});
        continue;
      }
      if (toHex(await sha256(shareBytes(share))) !== e.shares[share.index - 1].shareSha256) {
        rejected.push({index: share.index, reason: 'share ' + share.index + ' does not match its hash in the envelope'});
      } else if (!seen.has(share.index)) {
        seen.add(share.index);
        correct.push(share);
      }
    }
    if (correct.length < e.k) {
      return {status: 'tooFewShares', needed: e.k, correct: correct.length, rejectedShares: rejected};
    }
    correct.sort(function (a, b) { return a.index - b.index; });
    const used = correct.slice(0, e.k);
    for (let j = 1; j <= e.n; j++) {
      const computed = {index: j, value: evaluate(used, j)};
      if (toHex(await sha256(shareBytes(computed))) !== e.shares[j - 1].shareSha256) {
        return {status: 'invalid', reason: 'MALFORMED', envelopeSha256: hash, rejectedShares: rejected,
          detail: 'the shares are not of one key: share ' + j + ' computed from shares '
              + used.map(function (s) { return s.index; }).join(', ') + ' does not match its hash in the envelope'};
      }
    }
    const keyBytes = combine(used);
    const dataKey = await aesKey(keyBytes, 'decrypt');
    keyBytes.fill(0);
    let bid = null;
    const documents = [];
    for (const part of e.parts) {
      const plaintext = await gcmDecrypt(dataKey, fromBase64url(part.iv), partAad(e.ocid, part.name), fromBase64url(part.ciphertext));
      if (!plaintext) {
        return {status: 'invalid', reason: 'UNDECRYPTABLE', envelopeSha256: hash, rejectedShares: rejected,
          detail: 'part "' + part.name + '" does not decrypt with the data key the shares rebuild'};
      }
      if (part.name === 'bid') {
        bid = canonicalBid(plaintext);
        if (bid === null) {
          return {status: 'invalid', reason: 'MALFORMED', envelopeSha256: hash, rejectedShares: rejected,
            detail: 'the bid is not a JSON object in canonical JSON (RFC 8785, UTF-8)'};
        }
      } else {
        documents.push({name: part.name, content: plaintext});
      }
    }
    return {status: 'valid', envelopeSha256: hash, bid: bid, documents: documents, rejectedShares: rejected};
  }

  function canonicalBid(plaintext) {
    try {
      const text = new TextDecoder('utf-8', {fatal: true}).decode(plaintext);
      const value = JSON.parse(text);
      if (value === null || typeof value !== 'object' || Array.isArray(value) || canonical(value) !== text) return null;
      return text;
    } catch (e) {
      return null;
    }
  }

  global.DrukSealedEnvelope = Object.freeze({
    VERSION: VERSION,
    generateHolderKeyPair: generateHolderKeyPair,
    importHolderKeyFile: importHolderKeyFile,
    exportPublicKey: exportPublicKey,
    seal: seal,
    decryptShare: decryptShare,
    open: open,
    parse: parse,
    split: function (secret, k, n) { return split(secret, k, n); },
    combine: combine,
    base64url: base64url,
    fromBase64url: fromBase64url
  });
}(window));
