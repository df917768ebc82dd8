/*
 * Druk Registry: batch notarisation hashes the chosen documents in the browser; only their SHA-256
 * digests are sent (one per line, in the hidden [data-druk-batch-output="hashes"] field). The file
 * input has no name, so the documents themselves never leave the browser. Needs file-hash.js.
 *
 * Inside a [data-druk-batch-files] block: input[data-druk-batch-input="files"] (multiple),
 * [data-druk-batch-show="status|progress|table|rows"], #batchTexts data-* (texts from the bundle);
 * the form's [data-druk-batch-submit] is enabled once every file is hashed. No inline script.
 */
(function () {
    'use strict';

    function fill(template, values) {
        return (template || '').replace(/\{(\d+)\}/g, function (_, i) { return String(values[Number(i)]); });
    }

    function init(box) {
        const form = box.closest('form');
        const input = box.querySelector('[data-druk-batch-input="files"]');
        const output = form.querySelector('[data-druk-batch-output="hashes"]');
        const status = box.querySelector('[data-druk-batch-show="status"]');
        const progress = box.querySelector('[data-druk-batch-show="progress"]');
        const table = box.querySelector('[data-druk-batch-show="table"]');
        const rows = box.querySelector('[data-druk-batch-show="rows"]');
        const texts = (box.querySelector('#batchTexts') || {dataset: {}}).dataset;
        const submit = form.querySelector('[data-druk-batch-submit]');
        let run = 0;

        async function hashAll(files) {
            const mine = ++run;
            output.value = '';
            rows.textContent = '';
            table.hidden = true;
            submit.disabled = true;
            if (files.length === 0) {
                status.textContent = texts.waiting;
                progress.hidden = true;
                return;
            }
            if (!window.isSecureContext || !window.crypto || !window.crypto.subtle) {
                status.textContent = texts.unsupported;
                return;
            }
            progress.hidden = false;
            const digests = [];
            try {
                for (let i = 0; i < files.length; i++) {
                    status.textContent = fill(texts.hashing, [i + 1, files.length]);
                    progress.value = Math.round(i * 100 / files.length);
                    const digest = await window.DrukFileHash.sha256File(files[i]);
                    if (mine !== run) {
                        return;
                    }
                    digests.push(digest);
                    const row = rows.insertRow();
                    row.insertCell().textContent = files[i].name;
                    const code = document.createElement('code');
                    code.className = 'hash';
                    code.textContent = digest;
                    row.insertCell().appendChild(code);
                }
            } catch (e) {
                status.textContent = texts.failed;
                return;
            }
            output.value = digests.join('\n');
            progress.value = 100;
            table.hidden = false;
            status.textContent = fill(texts.done, [digests.length]);
            submit.disabled = false;
        }

        input.addEventListener('change', function () {
            hashAll(Array.from(input.files || []));
        });
    }

    document.querySelectorAll('[data-druk-batch-files]').forEach(init);
})();
