/*
 * Druk Registry: "Open my shares" (clerk/procurement/shares.xhtml), the opening key holder's side of
 * a sealed tender after its deadline. Needs canonical-json.js, sealed-envelope.js and
 * opening-key-store.js loaded first. No inline script.
 *
 * 1. The private key: from this browser (DrukOpeningKeyStore, by user name and the key hash the
 *    tender names for this holder), else from a key file the holder picks. The file is read here
 *    and imported non-extractable; it is never uploaded.
 * 2. The envelopes: GET data-envelopes-url (OpeningEnvelopesServlet), {bids: [{bidKey, envelope}]}.
 * 3. Each share decrypted with DrukSealedEnvelope.decryptShare; one that will not decrypt (or whose
 *    envelope is missing) becomes null and is listed with its reason. Progress is shown as it goes.
 * 4. The Faces form's hidden input gets {"<bid key>": share | null}; its button posts it (the
 *    portal sends it to the ledger, PostOpeningShares) and shows the transaction id or the refusal.
 *
 * Page contract (data attributes)
 *   [data-druk-holder-shares]          root; data-username, data-key-hash, data-envelopes-url
 *   [data-druk-shares-start]           the "decrypt" button
 *   [data-druk-shares-keyfile]         hidden until the key is not in this browser; holds
 *     input[type=file][data-druk-shares-keyfile-input]
 *   [data-druk-shares-status]          status text; <progress data-druk-shares-progress>
 *   [data-druk-shares-failures]        list of shares that could not be decrypted
 *   [data-druk-shares-output="shares"], [data-druk-shares-output="submit"]   the Faces form
 *   [data-druk-shares-texts] span[data-key]   the texts below in the page's language
 *
 * window.DrukHolderShares.decryptAll(bids, key, onProgress) is the core, without the page:
 *   bids [{bidKey, envelope|null, problem?}], key {privateKey, publicKey} ->
 *   Promise<{shares: {bidKey: base64url|null}, failures: [{bidKey, code, reason}]}>
 */
(function (global) {
  'use strict';

  const TEXTS = {
    'lookingForKey': 'Looking for your private key in this browser…',
    'chooseKeyFile': 'This browser does not hold the private key this tender names for you. Choose your key file: it is read here and never uploaded.',
    'wrongKeyFile': 'This key file is for the key {0}; this tender names another key for you.',
    'badKeyFile': 'This is not an opening key file: {0}',
    'fetching': 'Fetching the sealed bids…',
    'fetchFailed': 'The sealed bids could not be fetched: {0}',
    'decrypting': 'Decrypting your share of bid {0}…',
    'done': '{0} shares decrypted, {1} could not be. Check the list, then post them.',
    'noBids': 'This tender has no bids to open.',
    'failed.missing': 'its sealed envelope is missing from the portal',
    'failed.malformed': 'its sealed envelope cannot be read',
    'failed.sealedEnvelope.holder.unknown': 'your key is not one of this bid\'s holders',
    'failed.sealedEnvelope.share.undecryptable': 'your share does not decrypt with your key',
    'failed.sealedEnvelope.share.hashMismatch': 'your share does not match its hash in the envelope',
    'failed.other': 'your share could not be decrypted ({0})'
  };

  function reasonCode(error) {
    return error && typeof error.code === 'string' ? error.code : 'other';
  }

  async function decryptAll(bids, key, onProgress) {
    const shares = {};
    const failures = [];
    for (let i = 0; i < bids.length; i++) {
      const bid = bids[i];
      if (onProgress) onProgress(i, bids.length, bid.bidKey);
      if (!bid.envelope) {
        shares[bid.bidKey] = null;
        failures.push({bidKey: bid.bidKey, code: bid.problem || 'missing', reason: ''});
        continue;
      }
      try {
        const share = await global.DrukSealedEnvelope.decryptShare(bid.envelope, key.privateKey, key.publicKey);
        shares[bid.bidKey] = share.bytes;
      } catch (error) {
        shares[bid.bidKey] = null;
        failures.push({bidKey: bid.bidKey, code: reasonCode(error), reason: error && error.message ? error.message : String(error)});
      }
      // Let the page paint the progress now and then on a long list.
      if (i % 25 === 24) await new Promise(function (resolve) { setTimeout(resolve, 0); });
    }
    if (onProgress) onProgress(bids.length, bids.length, null);
    return {shares: shares, failures: failures};
  }

  function texts() {
    const out = Object.assign({}, TEXTS);
    document.querySelectorAll('[data-druk-shares-texts] [data-key]').forEach(function (span) {
      if (span.textContent.trim()) out[span.getAttribute('data-key')] = span.textContent.trim();
    });
    return function (key, a, b) {
      return (out[key] || key).replace('{0}', a === undefined ? '' : a).replace('{1}', b === undefined ? '' : b);
    };
  }

  function keyFromFile(root, t, status) {
    const box = root.querySelector('[data-druk-shares-keyfile]');
    const input = box.querySelector('[data-druk-shares-keyfile-input]');
    box.hidden = false;
    status.textContent = t('chooseKeyFile');
    input.value = '';
    input.focus();
    return new Promise(function (resolve) {
      input.addEventListener('change', function pick() {
        const file = input.files && input.files[0];
        if (!file) return;
        file.text().then(function (text) {
          return global.DrukSealedEnvelope.importHolderKeyFile(text);
        }).then(function (key) {
          if (key.publicKeySha256 !== root.getAttribute('data-key-hash')) {
            status.textContent = t('wrongKeyFile', key.publicKeySha256);
            input.value = '';
            return;
          }
          input.removeEventListener('change', pick);
          box.hidden = true;
          resolve(key);
        }).catch(function (error) {
          status.textContent = t('badKeyFile', error && error.message ? error.message : String(error));
          input.value = '';
        });
      });
    });
  }

  function findKey(root, t, status) {
    status.textContent = t('lookingForKey');
    return global.DrukOpeningKeyStore.get(root.getAttribute('data-username'), root.getAttribute('data-key-hash'))
        .catch(function () { return null; })
        .then(function (record) { return record || keyFromFile(root, t, status); });
  }

  function fetchBids(url) {
    return fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}, cache: 'no-store'})
        .then(function (response) {
          return response.json().catch(function () { return {error: 'HTTP ' + response.status}; }).then(function (body) {
            if (!response.ok || body.error) throw new Error(body.error || 'HTTP ' + response.status);
            return body.bids || [];
          });
        });
  }

  function init() {
    const root = document.querySelector('[data-druk-holder-shares]');
    if (!root) return;
    const t = texts();
    const start = root.querySelector('[data-druk-shares-start]');
    const status = root.querySelector('[data-druk-shares-status]');
    const progress = root.querySelector('[data-druk-shares-progress]');
    const failures = root.querySelector('[data-druk-shares-failures]');
    const submitNow = function () { return document.querySelector('[data-druk-shares-output="submit"]'); };
    const outputNow = function () { return document.querySelector('[data-druk-shares-output="shares"]'); };
    if (submitNow() && !(outputNow() && outputNow().value)) submitNow().disabled = true;
    if (!start) return;
    start.addEventListener('click', function () {
      start.disabled = true;
      failures.textContent = '';
      if (submitNow()) submitNow().disabled = true;
      findKey(root, t, status).then(function (key) {
        status.textContent = t('fetching');
        return fetchBids(root.getAttribute('data-envelopes-url')).catch(function (error) {
          throw Object.assign(new Error(t('fetchFailed', error.message)), {shown: true});
        }).then(function (bids) {
          if (bids.length === 0) {
            status.textContent = t('noBids');
            return null;
          }
          progress.hidden = false;
          progress.max = bids.length;
          return decryptAll(bids, key, function (done, total, bidKey) {
            progress.value = done;
            if (bidKey) status.textContent = t('decrypting', bidKey);
          });
        });
      }).then(function (result) {
        start.disabled = false;
        if (!result) return;
        result.failures.forEach(function (f) {
          const item = document.createElement('li');
          const code = document.createElement('code');
          code.textContent = f.bidKey;
          item.appendChild(code);
          const known = 'failed.' + f.code;
          item.appendChild(document.createTextNode(': ' + (t(known) !== known ? t(known) : t('failed.other', f.reason))));
          item.setAttribute('data-code', f.code);
          failures.appendChild(item);
        });
        const total = Object.keys(result.shares).length;
        status.textContent = t('done', total - result.failures.length, result.failures.length);
        const output = outputNow();
        const submit = submitNow();
        if (output && submit) {
          output.value = JSON.stringify(result.shares);
          submit.disabled = false;
          submit.focus();
        }
      }).catch(function (error) {
        start.disabled = false;
        status.textContent = error && error.shown ? error.message : t('failed.other', error && error.message ? error.message : String(error));
      });
    });
  }

  global.DrukHolderShares = Object.freeze({decryptAll: decryptAll});

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})(window);
