/*
 * Druk Registry: the public verify page. A file is hashed HERE (Web Crypto, SHA-256; a secure
 * context: https or 127.0.0.1) and only its hash is looked up; a proof file is read and checked
 * HERE before anything is sent. Needs file-hash.js (window.DrukFileHash) and merkle-proof.js
 * (window.DrukMerkle, for batch proofs).
 * Plain ES2020, no inline script.
 *
 * PAGE CONTRACT (data attributes)
 *   <section data-druk-verify data-text-{reading,hashing,done,failed,unsupported,bad-hash}>
 *     input[type=file][data-druk-verify-input="file"]   the document; NO name attribute, in no form
 *     [data-druk-verify-drop]                           drop zone: a file dropped on it is hashed too
 *     progress[data-druk-verify-show="progress"]        reading progress (large files)
 *     [data-druk-verify-show="status"]                  what is happening (role=status)
 *     form[data-druk-verify-form]                       GET form of the page
 *       input[data-druk-verify-output="hash"]           gets the SHA-256; the form is then submitted
 *       [data-druk-verify-show="hash-message"]          "not a SHA-256" next to the field
 *   <section data-druk-proof data-text-* data-mark-* data-result-*>
 *     input[type=file][data-druk-proof-input="proof"]    the proof file (read with FileReader)
 *     input[type=file][data-druk-proof-input="document"] optional: the document it is about
 *     [data-druk-proof-show="status"], ol[data-druk-proof-show="checks"]  the checks, one <li> each
 *     [data-druk-proof-output="text"]                   hidden input that gets the proof's text
 *     [data-druk-proof-output="submit"]                 "check against the ledger now", enabled once read
 *   The section's data-druk-proof-result is "passed" or "failed" after the offline checks.
 *
 * THE PROOF FILE (druk-registry-proof/1; Java: bt.druk.registry.domain.record.ProofReceipt, which
 * decides on the server): sha256, foundAs, record {key, version, ledgerHash}, ledger {...},
 * inclusion (batch-member), recordDocument (tender-document, bid). Offline, by foundAs:
 *   record-document    sha256 = record.ledgerHash
 *   batch-member       inclusion.leaf = sha256 and its path leads to record.ledgerHash (DrukMerkle)
 *   tender-document, bid  SHA-256(UTF-8 of recordDocument) = record.ledgerHash, and it names "sha256"
 *   notarisation       nothing offline: the ledger entry's documentHash is checked on the server
 *
 * window.DrukVerify: sha256Hex(bytes), sha256File(file, onProgress), checkProof(text, file|null)
 *   -> Promise<{ok, proof, checks:[{id, result:"pass"|"fail"|"not-applicable", args:[...]}]}>
 */
(function (global) {
    'use strict';

    const FORMAT = 'druk-registry-proof/1';
    const HEX64 = /^[0-9a-f]{64}$/;
    const FOUND_AS = ['notarisation', 'record-document', 'tender-document', 'bid', 'batch-member'];
    const MAX_PROOF_CHARS = 1024 * 1024;

    const sha256Hex = global.DrukFileHash.sha256Hex;
    const sha256File = global.DrukFileHash.sha256File;

    function format(template, args) {
        return (template || '').replace(/\{(\d+)\}/g, function (all, i) {
            return args[Number(i)] === undefined ? all : String(args[Number(i)]);
        });
    }

    function readText(file) {
        return new Promise(function (resolve, reject) {
            const reader = new FileReader();
            reader.onload = function () { resolve(reader.result); };
            reader.onerror = function () { reject(reader.error); };
            reader.readAsText(file, 'UTF-8');
        });
    }

    /** The members the offline checks need; the server reads the rest strictly. */
    function parseProof(text) {
        if (typeof text !== 'string' || text.length === 0 || text.length > MAX_PROOF_CHARS) {
            return {error: 'empty or larger than 1 MiB'};
        }
        let proof;
        try {
            proof = JSON.parse(text);
        } catch (e) {
            return {error: 'not JSON (' + e.message + ')'};
        }
        if (!proof || typeof proof !== 'object' || Array.isArray(proof)) {
            return {error: 'not a JSON object'};
        }
        if (proof.format !== FORMAT) {
            return {error: 'format is not ' + FORMAT};
        }
        if (!HEX64.test(proof.sha256 || '')) {
            return {error: 'sha256 is not 64 lowercase hex characters'};
        }
        if (FOUND_AS.indexOf(proof.foundAs) < 0) {
            return {error: 'foundAs is not one of ' + FOUND_AS.join(', ')};
        }
        const record = proof.record;
        if (!record || typeof record.key !== 'string' || !Number.isInteger(record.version) || !HEX64.test(record.ledgerHash || '')) {
            return {error: 'record needs key, version and ledgerHash'};
        }
        return {proof: proof};
    }

    /** The offline checks of a proof (and of the document, when one is given). Never rejects. */
    async function checkProof(text, documentFile) {
        const parsed = parseProof(text);
        if (parsed.error) {
            return {ok: false, proof: null, checks: [{id: 'not-proof', result: 'fail', args: [parsed.error]}]};
        }
        const proof = parsed.proof;
        const ledgerHash = proof.record.ledgerHash;
        const checks = [{id: 'format', result: 'pass',
            args: [proof.sha256, proof.foundAs, proof.record.key, proof.record.version, proof.issuer]}];
        if (documentFile) {
            try {
                const documentHash = await sha256File(documentFile);
                checks.push(documentHash === proof.sha256
                    ? {id: 'document-ok', result: 'pass', args: [documentHash]}
                    : {id: 'document-bad', result: 'fail', args: [documentHash, proof.sha256]});
            } catch (e) {
                checks.push({id: 'document-bad', result: 'fail', args: ['?', proof.sha256]});
            }
        } else {
            checks.push({id: 'document-none', result: 'not-applicable', args: []});
        }
        switch (proof.foundAs) {
            case 'record-document':
                checks.push(proof.sha256 === ledgerHash
                    ? {id: 'record-ok', result: 'pass', args: []}
                    : {id: 'record-bad', result: 'fail', args: [ledgerHash, proof.sha256]});
                break;
            case 'batch-member': {
                const leafOk = proof.inclusion && proof.inclusion.leaf === proof.sha256;
                const answer = global.DrukMerkle && proof.inclusion
                    ? await global.DrukMerkle.verifyInclusion(proof.inclusion, {expectedRoot: ledgerHash})
                    : {ok: false, reason: 'no inclusion proof'};
                checks.push(leafOk && answer.ok
                    ? {id: 'inclusion-ok', result: 'pass', args: [ledgerHash]}
                    : {id: 'inclusion-bad', result: 'fail',
                        args: [ledgerHash, leafOk ? answer.reason : 'the inclusion proof is for another document']});
                break;
            }
            case 'tender-document':
            case 'bid': {
                const documentText = proof.recordDocument;
                if (typeof documentText !== 'string') {
                    checks.push({id: 'named-hash-bad', result: 'fail', args: ['(missing)', ledgerHash]});
                    break;
                }
                const hash = await sha256Hex(new TextEncoder().encode(documentText));
                if (hash !== ledgerHash) {
                    checks.push({id: 'named-hash-bad', result: 'fail', args: [hash, ledgerHash]});
                } else if (documentText.indexOf('"' + proof.sha256 + '"') < 0) {
                    checks.push({id: 'named-bad', result: 'fail', args: [proof.sha256]});
                } else {
                    checks.push({id: 'named-ok', result: 'pass', args: [ledgerHash]});
                }
                break;
            }
            default:
                checks.push({id: 'notarisation', result: 'not-applicable', args: []});
        }
        return {ok: checks.every(function (c) { return c.result !== 'fail'; }), proof: proof, checks: checks};
    }

    // ---- the page ------------------------------------------------------------------------------

    function initHashing(section) {
        const texts = section.dataset;
        const input = section.querySelector('[data-druk-verify-input="file"]');
        const drop = section.querySelector('[data-druk-verify-drop]');
        const progress = section.querySelector('[data-druk-verify-show="progress"]');
        const status = section.querySelector('[data-druk-verify-show="status"]');
        const form = section.querySelector('form[data-druk-verify-form]');
        const output = form.querySelector('[data-druk-verify-output="hash"]');
        const message = form.querySelector('[data-druk-verify-show="hash-message"]');
        // Belt and braces: a file input with a name could be sent by some form; this one never has one.
        input.removeAttribute('name');
        let run = 0;

        async function hashAndLookUp(file) {
            const mine = ++run;
            if (!file) {
                return;
            }
            if (!global.isSecureContext || !global.crypto || !global.crypto.subtle) {
                status.textContent = texts.textUnsupported;
                return;
            }
            section.setAttribute('aria-busy', 'true');
            progress.value = 0;
            progress.hidden = false;
            status.textContent = texts.textReading;
            try {
                const digest = await sha256File(file, function (share, phase) {
                    if (mine !== run) {
                        return;
                    }
                    progress.value = Math.round(share * 100);
                    status.textContent = phase === 'hashing' ? texts.textHashing : texts.textReading;
                });
                if (mine !== run) {
                    return;
                }
                output.value = digest;
                message.textContent = '';
                output.setAttribute('aria-invalid', 'false');
                status.textContent = texts.textDone;
                section.setAttribute('data-druk-verify-hash', digest);
                form.submit();
            } catch (e) {
                if (mine === run) {
                    status.textContent = texts.textFailed;
                }
            } finally {
                if (mine === run) {
                    progress.hidden = true;
                    section.removeAttribute('aria-busy');
                }
            }
        }

        input.addEventListener('change', function () {
            hashAndLookUp(input.files && input.files.length > 0 ? input.files[0] : null);
        });
        drop.addEventListener('dragover', function (event) {
            event.preventDefault();
            drop.classList.add('verify-drop--over');
        });
        drop.addEventListener('dragleave', function () {
            drop.classList.remove('verify-drop--over');
        });
        drop.addEventListener('drop', function (event) {
            event.preventDefault();
            drop.classList.remove('verify-drop--over');
            const files = event.dataTransfer && event.dataTransfer.files;
            hashAndLookUp(files && files.length > 0 ? files[0] : null);
        });
        form.addEventListener('submit', function (event) {
            const value = output.value.trim().toLowerCase();
            if (!/^[0-9a-f]{64}$/.test(value)) {
                event.preventDefault();
                message.textContent = texts.textBadHash;
                output.setAttribute('aria-invalid', 'true');
                output.focus();
                return;
            }
            output.value = value;
        });
    }

    function initProof(section) {
        const texts = section.dataset;
        const proofInput = section.querySelector('[data-druk-proof-input="proof"]');
        const documentInput = section.querySelector('[data-druk-proof-input="document"]');
        const status = section.querySelector('[data-druk-proof-show="status"]');
        const list = section.querySelector('[data-druk-proof-show="checks"]');
        const output = section.querySelector('[data-druk-proof-output="text"]');
        const submit = section.querySelector('[data-druk-proof-output="submit"]');
        [proofInput, documentInput].forEach(function (i) { i.removeAttribute('name'); });
        let run = 0;

        const TEXT_KEYS = {
            'not-proof': 'textNotProof', 'format': 'textFormat', 'document-none': 'textDocumentNone',
            'document-ok': 'textDocumentOk', 'document-bad': 'textDocumentBad', 'record-ok': 'textRecordOk',
            'record-bad': 'textRecordBad', 'notarisation': 'textNotarisation', 'inclusion-ok': 'textInclusionOk',
            'inclusion-bad': 'textInclusionBad', 'named-ok': 'textNamedOk', 'named-bad': 'textNamedBad',
            'named-hash-bad': 'textNamedHashBad'
        };
        const CAMEL = {'pass': 'Pass', 'fail': 'Fail', 'not-applicable': 'NotApplicable'};

        function show(checks) {
            list.textContent = '';
            checks.forEach(function (check) {
                const item = document.createElement('li');
                item.className = 'verify-step verify-step--' + check.result;
                item.setAttribute('data-check', check.id);
                item.setAttribute('data-result', check.result);
                const mark = document.createElement('span');
                mark.className = 'verify-step__mark';
                mark.setAttribute('aria-hidden', 'true');
                mark.textContent = texts['mark' + CAMEL[check.result]] || '';
                const body = document.createElement('span');
                body.className = 'verify-step__body';
                const result = document.createElement('span');
                result.className = 'verify-step__result';
                result.textContent = texts['result' + CAMEL[check.result]] || check.result;
                const text = document.createElement('span');
                text.className = 'verify-step__text';
                text.textContent = format(texts[TEXT_KEYS[check.id]], check.args);
                body.append(result, ' ', text);
                item.append(mark, body);
                list.appendChild(item);
            });
        }

        async function check() {
            const mine = ++run;
            const proofFile = proofInput.files && proofInput.files.length > 0 ? proofInput.files[0] : null;
            output.value = '';
            submit.disabled = true;
            list.textContent = '';
            section.removeAttribute('data-druk-proof-result');
            if (!proofFile) {
                status.textContent = '';
                return;
            }
            status.textContent = texts.textReading;
            let text;
            try {
                text = await readText(proofFile);
            } catch (e) {
                text = '';
            }
            const documentFile = documentInput.files && documentInput.files.length > 0 ? documentInput.files[0] : null;
            const answer = await checkProof(text, documentFile);
            if (mine !== run) {
                return;
            }
            show(answer.checks);
            status.textContent = answer.ok ? texts.textPassed : texts.textFailed;
            section.setAttribute('data-druk-proof-result', answer.ok ? 'passed' : 'failed');
            // Only a proof that reads as one is offered to the ledger check; the server reads it strictly again.
            if (answer.proof) {
                output.value = text;
                submit.disabled = false;
            }
        }

        submit.disabled = true;
        proofInput.addEventListener('change', check);
        documentInput.addEventListener('change', check);
    }

    function start() {
        document.querySelectorAll('[data-druk-verify]').forEach(initHashing);
        document.querySelectorAll('[data-druk-proof]').forEach(initProof);
    }

    global.DrukVerify = {sha256Hex: sha256Hex, sha256File: sha256File, checkProof: checkProof, FORMAT: FORMAT};

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}(window));
