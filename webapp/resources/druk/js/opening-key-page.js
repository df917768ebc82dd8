/*
 * Druk Registry: the "My opening key" page (clerk/opening-key.xhtml). Needs canonical-json.js,
 * sealed-envelope.js and opening-key-store.js loaded first. No inline script.
 *
 * "Make my opening key" makes a P-256 pair in this browser (DrukSealedEnvelope.generateHolderKeyPair
 * with a key file), keeps the non-extractable private key in IndexedDB (DrukOpeningKeyStore) and
 * offers the key file for download. Once the key file is downloaded, the register button posts the
 * Faces form, whose only field is the public key (SPKI, base64url). The private key, and the key
 * file, never leave this browser.
 *
 * Page contract (data attributes)
 *   [data-druk-opening-key]            root; data-username, data-registered-hash ("" if none)
 *   [data-druk-key-make]               the "make" button
 *   [data-druk-key-status]             what is happening / went wrong (role=status)
 *   [data-druk-key-held]               whether this browser holds the registered key's private half
 *   [data-druk-key-new]                hidden until a pair is made; inside it:
 *     [data-druk-key-new-hash]         the new public key's SHA-256
 *     [data-druk-key-download]         the key file link (a download)
 *   [data-druk-key-output="public-key"], [data-druk-key-output="submit"]   the Faces form's hidden
 *                                      input and its submit button (enabled after the download)
 *   [data-druk-key-texts] span[data-key]   the texts below in the page's language
 */
(function () {
  'use strict';

  const TEXTS = {
    'making': 'Making your key pair in this browser…',
    'made': 'Your key pair is made and kept in this browser. Download the key file, then register the key.',
    'downloaded': 'Key file downloaded. Keep it offline; now register the key.',
    'failed': 'The key could not be made: {0}',
    'noStore': 'This browser cannot keep the key (IndexedDB refused it); the key file will be the only copy of your private key.',
    'held': 'This browser holds the private key of your registered key.',
    'notHeld': 'This browser does not hold the private key of your registered key. On the shares page, choose your key file.',
    'heldUnknown': 'This browser could not be asked whether it holds your private key.'
  };

  function texts(root) {
    const out = Object.assign({}, TEXTS);
    document.querySelectorAll('[data-druk-key-texts] [data-key]').forEach(function (span) {
      if (span.textContent.trim()) out[span.getAttribute('data-key')] = span.textContent.trim();
    });
    return function (key, arg) { return (out[key] || key).replace('{0}', arg === undefined ? '' : arg); };
  }

  function showHeld(root, t) {
    const held = root.querySelector('[data-druk-key-held]');
    const hash = root.getAttribute('data-registered-hash');
    if (!held || !hash) return;
    window.DrukOpeningKeyStore.get(root.getAttribute('data-username'), hash).then(function (record) {
      held.textContent = t(record ? 'held' : 'notHeld');
      held.setAttribute('data-held', record ? 'true' : 'false');
    }, function () {
      held.textContent = t('heldUnknown');
      held.setAttribute('data-held', 'unknown');
    });
  }

  function fileName(username, hash) {
    return 'druk-opening-key-' + username.replace(/[^A-Za-z0-9._-]/g, '_') + '-' + hash.slice(0, 16) + '.json';
  }

  function init() {
    const root = document.querySelector('[data-druk-opening-key]');
    if (!root) return;
    const t = texts(root);
    const status = root.querySelector('[data-druk-key-status]');
    const make = root.querySelector('[data-druk-key-make]');
    const section = root.querySelector('[data-druk-key-new]');
    const output = document.querySelector('[data-druk-key-output="public-key"]');
    const submit = document.querySelector('[data-druk-key-output="submit"]');
    const username = root.getAttribute('data-username');
    if (submit) submit.disabled = true;
    showHeld(root, t);
    if (!make) return;
    make.addEventListener('click', function () {
      make.disabled = true;
      if (submit) submit.disabled = true;
      status.textContent = t('making');
      window.DrukSealedEnvelope.generateHolderKeyPair({keyFile: true}).then(function (pair) {
        return window.DrukOpeningKeyStore.put(username, pair).then(function () { return {pair: pair, stored: true}; },
            function () { return {pair: pair, stored: false}; });
      }).then(function (made) {
        const pair = made.pair;
        const text = JSON.stringify(pair.keyFile, null, 2);
        const link = section.querySelector('[data-druk-key-download]');
        if (link.href && link.href.indexOf('blob:') === 0) URL.revokeObjectURL(link.href);
        link.href = URL.createObjectURL(new Blob([text], {type: 'application/json'}));
        link.download = fileName(username, pair.publicKeySha256);
        section.querySelector('[data-druk-key-new-hash]').textContent = pair.publicKeySha256;
        section.hidden = false;
        output.value = pair.publicKeySpki;
        status.textContent = made.stored ? t('made') : t('noStore');
        root.setAttribute('data-made-hash', pair.publicKeySha256);
        link.addEventListener('click', function () {
          submit.disabled = false;
          status.textContent = t('downloaded');
        }, {once: true});
        make.disabled = false;
      }).catch(function (error) {
        status.textContent = t('failed', error && error.message ? error.message : String(error));
        make.disabled = false;
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
