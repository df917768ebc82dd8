/*
 * Druk Registry: the notary clerk's new-notarisation form hashes the chosen file in the browser.
 *
 * Inside a [data-druk-notary-file] block of a form:
 *   input[type=file][data-druk-notary-input="file"]   the document
 *   [data-druk-notary-output="sha256"]                hidden field sent with the upload
 *   [data-druk-notary-show="status|progress|result|hash"]  what the clerk sees while it runs
 *   #hashTexts data-*                                 the texts, from the message bundle
 * The file is read in slices (progress for big files), then hashed with Web Crypto (file-hash.js,
 * window.DrukFileHash, included before this script). The server hashes the bytes it receives
 * again and refuses the upload if the two differ. Saving waits until the hash is there; a form submitted shows its
 * [data-druk-busy-show] element. No inline script.
 */
(function () {
    'use strict';

    function init(box) {
        const form = box.closest('form');
        const input = box.querySelector('[data-druk-notary-input="file"]');
        const output = form.querySelector('[data-druk-notary-output="sha256"]');
        const status = box.querySelector('[data-druk-notary-show="status"]');
        const progress = box.querySelector('[data-druk-notary-show="progress"]');
        const result = box.querySelector('[data-druk-notary-show="result"]');
        const shown = box.querySelector('[data-druk-notary-show="hash"]');
        const texts = (box.querySelector('#hashTexts') || {dataset: {}}).dataset;
        const submit = form.querySelector('[data-druk-notary-submit]');
        let run = 0;

        function say(text, state) {
            status.textContent = text || '';
            box.setAttribute('data-hash-state', state);
        }

        function clear() {
            output.value = '';
            shown.textContent = '';
            result.hidden = true;
            progress.hidden = true;
        }

        async function hash(file) {
            const mine = ++run;
            clear();
            if (!file) {
                say(texts.waiting, 'waiting');
                return;
            }
            if (!window.isSecureContext || !window.crypto || !window.crypto.subtle) {
                say(texts.unsupported, 'failed');
                return;
            }
            submit.disabled = true;
            progress.value = 0;
            progress.hidden = false;
            say(texts.reading, 'reading');
            try {
                const digest = await window.DrukFileHash.sha256File(file, function (share, phase) {
                    if (mine !== run) {
                        return;
                    }
                    if (phase === 'hashing') {
                        say(texts.hashing, 'hashing');
                    } else {
                        progress.value = Math.round(share * 100);
                    }
                });
                if (mine !== run) {
                    return;
                }
                output.value = digest;
                shown.textContent = digest;
                result.hidden = false;
                progress.hidden = true;
                say(texts.done, 'done');
            } catch (e) {
                if (mine === run) {
                    progress.hidden = true;
                    say(texts.failed, 'failed');
                }
            } finally {
                if (mine === run) {
                    submit.disabled = false;
                }
            }
        }

        input.addEventListener('change', function () {
            hash(input.files && input.files.length > 0 ? input.files[0] : null);
        });
        form.addEventListener('submit', function (event) {
            // A full POST (the save button), not PrimeFaces' ajax for the party rows.
            if (event.submitter !== submit) {
                return;
            }
            form.setAttribute('aria-busy', 'true');
            form.querySelectorAll('[data-druk-busy-show]').forEach(function (el) { el.hidden = false; });
        });
        // After a refused save the page comes back without the file: its old hash must not go again.
        hash(input.files && input.files.length > 0 ? input.files[0] : null);
    }

    function start() {
        document.querySelectorAll('[data-druk-notary-file]').forEach(init);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
