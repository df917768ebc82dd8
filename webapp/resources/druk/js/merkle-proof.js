/*
 * Druk Registry: check a Merkle inclusion proof in the browser, offline (nothing is sent).
 * Plain ES2020, Web Crypto (crypto.subtle: a secure context, https or 127.0.0.1), no inline script.
 * The Java side is bt.druk.registry.domain.notary.merkle (InclusionProof, MerkleProofs); both give
 * the same answer and the same code for the same proof.
 *
 * THE TREE (RFC 9162 section 2.1, SHA-256)
 *   leaf hash = SHA-256(0x00 || leaf)           the leaf is the document's 32-byte SHA-256
 *   node hash = SHA-256(0x01 || left || right)  n > 1 leaves split at the largest power of two < n
 *   empty tree = SHA-256 of nothing
 *
 * THE PROOF (JSON; every member required, no other allowed)
 *   {"algorithm":"RFC9162-SHA256",
 *    "leaf":"<document SHA-256, 64 lowercase hex>",
 *    "leafIndex":5,                      0 <= leafIndex < treeSize, whole numbers up to 2^53 - 1
 *    "treeSize":8,
 *    "auditPath":["<hex>", ...],         lowest sibling first (RFC 9162 section 2.1.3.1)
 *    "root":"<hex>"}                     the root a batch anchor holds on the ledger
 *
 * API (window.DrukMerkle)
 *   verifyInclusion(proof, {expectedRoot})  proof: JSON text or object. Resolves (never rejects) to
 *       {ok, code, reason, root}: root is the root the path leads to (hex) or null; with
 *       expectedRoot (the anchored root, read from the ledger, not from the proof) the proof's root
 *       must be that one. code is "merkle.ok" or the refusal's message key.
 *   parseProof(textOrObject)  {ok:true, proof} or {ok:false, errors:[{field, code, message}]}
 *   verifyInclusionHashes(leafHashHex, leafIndex, treeSize, auditPathHex, rootHex)
 *       RFC 9162 section 2.1.3.2 on a leaf hash already made; indices as numbers, BigInts or
 *       decimal strings. Resolves to {ok, code, reason, root}.
 *   rootOf(leavesHex)  the root of the tree of these leaves (hex), for tests and small batches.
 *
 * One difference from the Java reader: JSON.parse keeps the last of a repeated member where Java
 * refuses the text.
 */
(function () {
  'use strict';

  const ALGORITHM = 'RFC9162-SHA256';
  const HASH_LENGTH = 32;
  const MAX_INTEGER = Number.MAX_SAFE_INTEGER; // 2^53 - 1
  const MAX_AUDIT_PATH = 53;
  const MAX_TEXT_LENGTH = 64 * 1024;
  const MEMBERS = ['algorithm', 'leaf', 'leafIndex', 'treeSize', 'auditPath', 'root'];
  const HASH_HEX = /^[0-9a-f]{64}$/;

  // ---- hashing ---------------------------------------------------------------------------

  async function sha256(...parts) {
    let length = 0;
    for (const p of parts) length += p.length;
    const all = new Uint8Array(length);
    let at = 0;
    for (const p of parts) { all.set(p, at); at += p.length; }
    return new Uint8Array(await crypto.subtle.digest('SHA-256', all));
  }

  const leafHash = (leaf) => sha256(Uint8Array.of(0), leaf);
  const nodeHash = (left, right) => sha256(Uint8Array.of(1), left, right);

  function toHex(bytes) {
    let hex = '';
    for (const b of bytes) hex += b.toString(16).padStart(2, '0');
    return hex;
  }

  /** Bytes of any even-length hex (any case), or null. */
  function fromHex(hex) {
    if (typeof hex !== 'string' || hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
    const bytes = new Uint8Array(hex.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.substr(2 * i, 2), 16);
    return bytes;
  }

  function sameBytes(a, b) {
    if (a.length !== b.length) return false;
    let diff = 0;
    for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
    return diff === 0;
  }

  function describe(text) {
    if (text === null || text === undefined) return 'nothing';
    const s = String(text);
    return '"' + (s.length <= 80 ? s : s.slice(0, 77) + '...') + '" (' + s.length + ' characters)';
  }

  const passed = (root) => ({ok: true, code: 'merkle.ok', reason: 'the proof leads to the root', root});
  const failed = (code, reason, root = null) => ({ok: false, code, reason, root});

  // ---- RFC 9162 section 2.1.3.2 ----------------------------------------------------------

  function toBigInt(value) {
    try {
      if (typeof value === 'bigint') return value;
      if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
      if (typeof value === 'string' && /^-?[0-9]+$/.test(value)) return BigInt(value);
    } catch (e) { /* fall through */ }
    return null;
  }

  function inclusionPathLength(index, size) {
    let length = 0;
    let m = index;
    let n = size;
    while (n > 1n) {
      let k = 1n;
      while (k << 1n < n) k <<= 1n;
      if (m < k) { n = k; } else { m -= k; n -= k; }
      length++;
    }
    return length;
  }

  async function verifyInclusionHashes(leafHashHex, leafIndex, treeSize, auditPathHex, rootHex) {
    try {
      const leaf = fromHex(leafHashHex);
      if (leaf === null || leaf.length !== HASH_LENGTH) {
        return failed('merkle.leafHash.length', 'the leaf hash is ' + (leaf === null ? 'not hex' : leaf.length + ' bytes, not 32'));
      }
      const root = fromHex(rootHex);
      if (root === null || root.length !== HASH_LENGTH) {
        return failed('merkle.root.length', 'the root is ' + (root === null ? 'not hex' : root.length + ' bytes, not 32'));
      }
      const size = toBigInt(treeSize);
      const index = toBigInt(leafIndex);
      if (size === null || size <= 0n) {
        return failed('merkle.treeSize.range', 'tree size ' + treeSize + ': a tree with a leaf has at least one');
      }
      if (index === null || index < 0n || index >= size) {
        return failed('merkle.leafIndex.range', 'leaf index ' + leafIndex + ' is not in a tree of ' + size
          + ' leaves (0 to ' + (size - 1n) + ')');
      }
      if (!Array.isArray(auditPathHex)) return failed('merkle.auditPath.missing', 'no audit path');
      const path = [];
      for (let i = 0; i < auditPathHex.length; i++) {
        const p = fromHex(auditPathHex[i]);
        if (p === null || p.length !== HASH_LENGTH) {
          return failed('merkle.auditPath.length', 'hash ' + i + ' of the audit path is '
            + (p === null ? 'not hex' : p.length + ' bytes, not 32'));
        }
        path.push(p);
      }
      const expected = inclusionPathLength(index, size);
      if (path.length !== expected) {
        return failed('merkle.auditPath.length', 'the audit path has ' + path.length + ' hashes; leaf ' + index
          + ' of a tree of ' + size + ' needs ' + expected);
      }
      // Steps 2 to 5.
      let fn = index;
      let sn = size - 1n;
      let r = leaf;
      for (const p of path) {
        if (sn === 0n) return failed('merkle.root.mismatch', 'the audit path is too long');
        if ((fn & 1n) === 1n || fn === sn) {
          r = await nodeHash(p, r);
          while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
        } else {
          r = await nodeHash(r, p);
        }
        fn >>= 1n;
        sn >>= 1n;
      }
      if (sn !== 0n) return failed('merkle.root.mismatch', 'the audit path is too short');
      const computed = toHex(r);
      if (!sameBytes(r, root)) {
        return failed('merkle.root.mismatch', 'the audit path leads to ' + computed + ', not to the root ' + toHex(root), computed);
      }
      return passed(computed);
    } catch (e) {
      return failed('merkle.error', 'the proof could not be checked: ' + (e && e.message));
    }
  }

  // ---- the proof file --------------------------------------------------------------------

  function kind(value) {
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'an array';
    switch (typeof value) {
      case 'object': return 'an object';
      case 'string': return 'a string';
      case 'number': return 'a number';
      case 'boolean': return 'a boolean';
      default: return typeof value;
    }
  }

  function shorten(text) {
    const s = String(text);
    return s.length <= 40 ? s : s.slice(0, 37) + '...';
  }

  function parseProof(input) {
    let json = input;
    if (typeof input === 'string') {
      if (input.trim() === '') return {ok: false, errors: [{field: 'proof', code: 'merkleProof.notJson', message: 'the proof is empty'}]};
      if (input.length > MAX_TEXT_LENGTH) {
        return {ok: false, errors: [{field: 'proof', code: 'merkleProof.tooLarge', message: 'the proof is ' + input.length
          + ' characters long; an inclusion proof is at most ' + MAX_TEXT_LENGTH}]};
      }
      try {
        json = JSON.parse(input);
      } catch (e) {
        return {ok: false, errors: [{field: 'proof', code: 'merkleProof.notJson', message: 'the proof is not valid JSON (' + e.message + ')'}]};
      }
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
      return {ok: false, errors: [{field: 'proof', code: 'merkleProof.notObject', message: 'the proof must be a JSON object, not ' + kind(json)}]};
    }
    const errors = [];
    const add = (field, code, message) => errors.push({field, code, message});
    for (const name of Object.keys(json)) {
      if (!MEMBERS.includes(name)) {
        add(name, 'merkleProof.member.unknown', 'unknown member "' + shorten(name)
          + '": an inclusion proof has exactly ' + MEMBERS.join(', '));
      }
    }
    const has = (name) => Object.prototype.hasOwnProperty.call(json, name);
    const hashValue = (value, field) => {
      if (typeof value !== 'string') { add(field, 'merkleProof.type', field + ' must be a hash as a string, not ' + kind(value)); return null; }
      if (!HASH_HEX.test(value)) { add(field, 'merkleProof.hex', field + ' must be a SHA-256 as 64 lowercase hex characters, not ' + describe(value)); return null; }
      return value;
    };
    const hash = (name) => {
      if (!has(name)) { add(name, 'merkleProof.member.missing', name + ' is missing'); return null; }
      return hashValue(json[name], name);
    };
    const integer = (name) => {
      if (!has(name)) { add(name, 'merkleProof.member.missing', name + ' is missing'); return null; }
      const value = json[name];
      if (typeof value !== 'number') { add(name, 'merkleProof.type', name + ' must be a number, not ' + kind(value)); return null; }
      if (!(value >= 0 && value <= MAX_INTEGER)) { add(name, 'merkleProof.integer.range', name + ' must be from 0 to ' + MAX_INTEGER + ', not ' + shorten(value)); return null; }
      if (!Number.isInteger(value)) { add(name, 'merkleProof.integer', name + ' must be a whole number, not ' + shorten(value)); return null; }
      return value;
    };

    if (!has('algorithm')) {
      add('algorithm', 'merkleProof.member.missing', 'algorithm is missing');
    } else if (typeof json.algorithm !== 'string') {
      add('algorithm', 'merkleProof.type', 'algorithm must be a string, not ' + kind(json.algorithm));
    } else if (json.algorithm !== ALGORITHM) {
      add('algorithm', 'merkleProof.algorithm', 'algorithm must be "' + ALGORITHM + '", not "' + shorten(json.algorithm) + '"');
    }
    const leaf = hash('leaf');
    const leafIndex = integer('leafIndex');
    const treeSize = integer('treeSize');
    let auditPath = null;
    if (!has('auditPath')) {
      add('auditPath', 'merkleProof.member.missing', 'auditPath is missing');
    } else if (!Array.isArray(json.auditPath)) {
      add('auditPath', 'merkleProof.type', 'auditPath must be an array of hashes, not ' + kind(json.auditPath));
    } else if (json.auditPath.length > MAX_AUDIT_PATH) {
      add('auditPath', 'merkleProof.auditPath.tooLong', 'auditPath has ' + json.auditPath.length
        + ' hashes; no tree of at most 2^53 - 1 leaves needs more than ' + MAX_AUDIT_PATH);
    } else {
      auditPath = json.auditPath.map((value, i) => hashValue(value, 'auditPath[' + i + ']'));
    }
    const root = hash('root');
    if (errors.length > 0) return {ok: false, errors};
    return {ok: true, proof: Object.freeze({algorithm: ALGORITHM, leaf, leafIndex, treeSize, auditPath: Object.freeze(auditPath), root})};
  }

  async function verifyInclusion(input, options = {}) {
    try {
      const parsed = parseProof(input);
      if (!parsed.ok) {
        const first = parsed.errors[0];
        return Object.assign(failed(first.code, (first.field === 'proof' ? '' : first.field + ': ') + first.message), {errors: parsed.errors});
      }
      const p = parsed.proof;
      const leafHashHex = toHex(await leafHash(fromHex(p.leaf)));
      const answer = await verifyInclusionHashes(leafHashHex, p.leafIndex, p.treeSize, p.auditPath, p.root);
      if (!answer.ok || options.expectedRoot === undefined || options.expectedRoot === null) return answer;
      if (typeof options.expectedRoot !== 'string' || !HASH_HEX.test(options.expectedRoot)) {
        return failed('merkle.anchor.hex', 'the anchored root is not 64 lowercase hex characters: ' + describe(options.expectedRoot), answer.root);
      }
      if (options.expectedRoot !== p.root) {
        return failed('merkle.root.notAnchored', 'the proof leads to the root ' + p.root + ', but the anchor holds '
          + options.expectedRoot, answer.root);
      }
      return answer;
    } catch (e) {
      return failed('merkle.error', 'the proof could not be checked: ' + (e && e.message));
    }
  }

  async function rootOf(leavesHex) {
    const leaves = leavesHex.map((hex) => {
      const bytes = fromHex(hex);
      if (bytes === null) throw new Error('not hex: ' + describe(hex));
      return bytes;
    });
    const mth = async (from, to) => {
      const n = to - from;
      if (n === 0) return sha256();
      if (n === 1) return leafHash(leaves[from]);
      let k = 1;
      while (k * 2 < n) k *= 2;
      return nodeHash(await mth(from, from + k), await mth(from + k, to));
    };
    return toHex(await mth(0, leaves.length));
  }

  window.DrukMerkle = Object.freeze({
    ALGORITHM,
    verifyInclusion,
    parseProof,
    verifyInclusionHashes,
    rootOf,
  });
})();
