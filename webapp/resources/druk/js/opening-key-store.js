/*
 * Druk Registry: an opening key holder's private keys in this browser (IndexedDB). No inline script,
 * no libraries. The private key is a non-extractable CryptoKey: IndexedDB keeps the key object
 * itself (structured clone), so its bytes cannot be read back by any script, this one included.
 *
 * Every key a member made in this browser is kept, keyed by user name and the SHA-256 of its public
 * key (SPKI), because a tender published before the member made a new key still names the old one.
 *
 * API (window.DrukOpeningKeyStore); every function returns a Promise
 *   put(username, {privateKey, publicKey, publicKeySpki, publicKeySha256})   keeps the pair -> record
 *   get(username, publicKeySha256)     -> {username, publicKeySha256, publicKeySpki, privateKey,
 *                                          publicKey, createdAt (ISO text)} | null
 *   list(username)                     -> those records, newest first
 *   remove(username, publicKeySha256)  -> undefined
 * Rejects with an Error (.code "openingKeyStore.unavailable") where IndexedDB cannot be opened
 * (e.g. a private window that refuses it): the page then offers the key file instead.
 */
(function (global) {
  'use strict';

  const DATABASE = 'druk-opening-keys';
  const STORE = 'keys';
  const VERSION = 1;

  function unavailable(detail) {
    const error = new Error('This browser cannot keep keys (IndexedDB): ' + detail);
    error.code = 'openingKeyStore.unavailable';
    return error;
  }

  function open() {
    return new Promise(function (resolve, reject) {
      if (!global.indexedDB) {
        reject(unavailable('not available'));
        return;
      }
      let request;
      try {
        request = global.indexedDB.open(DATABASE, VERSION);
      } catch (e) {
        reject(unavailable(e.message));
        return;
      }
      request.onupgradeneeded = function () {
        const db = request.result;
        if (!db.objectStoreNames.contains(STORE)) {
          db.createObjectStore(STORE, {keyPath: 'id'}).createIndex('username', 'username', {unique: false});
        }
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(unavailable(String(request.error))); };
      request.onblocked = function () { reject(unavailable('blocked by another tab')); };
    });
  }

  function id(username, publicKeySha256) {
    return username + '\n' + publicKeySha256;
  }

  function run(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        const tx = db.transaction(STORE, mode);
        let result;
        const request = work(tx.objectStore(STORE));
        if (request) request.onsuccess = function () { result = request.result; };
        tx.oncomplete = function () { db.close(); resolve(result); };
        tx.onerror = function () { db.close(); reject(tx.error); };
        tx.onabort = function () { db.close(); reject(tx.error || unavailable('aborted')); };
      });
    });
  }

  function requireUser(username) {
    if (typeof username !== 'string' || username === '') throw new Error('a user name is needed');
  }

  function put(username, pair) {
    requireUser(username);
    const record = {
      id: id(username, pair.publicKeySha256), username: username, publicKeySha256: pair.publicKeySha256,
      publicKeySpki: pair.publicKeySpki, privateKey: pair.privateKey, publicKey: pair.publicKey,
      createdAt: new Date().toISOString()
    };
    return run('readwrite', function (store) { return store.put(record); }).then(function () { return record; });
  }

  function get(username, publicKeySha256) {
    requireUser(username);
    return run('readonly', function (store) { return store.get(id(username, publicKeySha256)); })
        .then(function (record) { return record || null; });
  }

  function list(username) {
    requireUser(username);
    return run('readonly', function (store) { return store.index('username').getAll(username); })
        .then(function (records) {
          return (records || []).sort(function (a, b) { return a.createdAt < b.createdAt ? 1 : -1; });
        });
  }

  function remove(username, publicKeySha256) {
    requireUser(username);
    return run('readwrite', function (store) { return store.delete(id(username, publicKeySha256)); })
        .then(function () { return undefined; });
  }

  global.DrukOpeningKeyStore = Object.freeze({put: put, get: get, list: list, remove: remove});
})(window);
