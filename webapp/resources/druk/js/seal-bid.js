/*
 * Druk Registry: seal a bid in the browser, and check a sealed-bid file at the opening.
 * Needs canonical-json.js loaded first. Plain ES2020, no inline script needed.
 *
 * THE BID (hashed; the Java side is bt.druk.registry.domain.procurement.Bid):
 *   {"tender":"tender:<ocid>",
 *    "bidder":{"licenceNumber":"1002345","name":"<registered name, any script>"},
 *    "price":{"amount":"1250000.00","currency":"BTN"},       amount: a string, exactly 2 decimals
 *    "documents":[{"name":"…","mediaType":"application/pdf","size":123,"sha256":"<hex>"}],
 *                                                             sorted by sha256, then name
 *    "sealedAt":"2026-03-10T04:15:00Z"}                       bidder's clock, UTC, whole seconds
 *   bidHash    = hex SHA-256 of the UTF-8 bytes of the bid's RFC 8785 canonical JSON
 *   salt       = 32 random bytes, base64url without padding (43 characters)
 *   commitment = hex SHA-256 of the UTF-8 string bidHash + ":" + salt
 *
 * THE SEALED-BID FILE (downloaded, kept secret by the bidder; Java: SealedBid):
 *   {"format":"druk-sealed-bid/1","note":"…","bid":{…},"salt":"…","bidHash":"…","commitment":"…"}
 *
 * Only the commitment (and the tender key) ever go into a request. Price, bidder, documents and
 * salt stay in this page: the fields that hold them must have no name attribute (this script
 * removes any), and the form holding them never submits.
 *
 * PAGE CONTRACT (data attributes)
 *   <form id="seal" data-druk-seal data-tender-key="tender:<ocid>">   the sealing form
 *     [data-druk-seal-input="licence-number"]   text input
 *     [data-druk-seal-input="bidder-name"]      text input
 *     [data-druk-seal-input="amount"]           text input, Ngultrum, e.g. 1250000.50
 *     [data-druk-seal-input="documents"]        <input type=file multiple>
 *     a submit button                           "Seal my bid" (sealing happens on submit)
 *     [data-druk-seal-show="status"]            progress and result text (role=status)
 *     [data-druk-seal-show="errors"]            messages, one <li> each if it is a <ul>/<ol>
 *     [data-druk-seal-show="commitment"]        the commitment, as text
 *     <a data-druk-seal-show="download">        the sealed-bid file link (kept hidden until sealed)
 *   Anywhere in the page, with data-druk-seal-for="<id of the sealing form>":
 *     [data-druk-seal-output="commitment"]      input whose value becomes the commitment
 *     [data-druk-seal-output="tender-key"]      input whose value becomes the tender key
 *     [data-druk-seal-output="submit"]          button enabled once the sealed-bid file was
 *                                               downloaded (disabled again if the bid is edited)
 *   The check at the opening:
 *   <div data-druk-seal-check data-tender-key="…" data-commitment="<lodged commitment>">
 *     [data-druk-seal-input="sealed-file"], [data-druk-seal-input="documents"] (file inputs),
 *     [data-druk-seal-show="status"], [data-druk-seal-show="errors"],
 *     [data-druk-seal-output="submit"] (disabled while the check fails)
 *   The result is also in the element's data-druk-seal-check-result ("ok" or "failed").
 *
 * window.DrukSeal: buildBid, validateBid, normalizeAmount, newSalt, sealedAtNow, commitmentOf,
 *   describeFile, sealBid, sealedFileText, sealedFileName, checkSealedBid, attach, attachCheck,
 *   FORMAT, NOTE. Errors are {field, code, message}; codes and field names are the Java ones,
 *   so a page can translate them by code. checkSealedBid is the bidder's early warning; the
 *   portal's SealedBid.parse decides (it also refuses duplicated member names, which
 *   JSON.parse cannot see).
 */
(function (global) {
    'use strict';

    const C = global.DrukCanonicalJson;
    const FORMAT = 'druk-sealed-bid/1';
    const NOTE = 'Sealed bid. Keep this file and your bid documents safe and secret until the'
        + ' bid opening: before the deadline only the commitment is lodged; at the opening this file reveals'
        + ' your bid, and it must match the commitment on the ledger. Anyone holding this file can read your'
        + ' price. bidHash = SHA-256 of the RFC 8785 canonical JSON of "bid"; commitment = SHA-256 of'
        + ' bidHash + ":" + salt.';

    const TENDER_KEY = /^tender:[A-Za-z0-9][A-Za-z0-9._~/+:-]{0,159}$/;
    const LICENCE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9./-]{0,39}$/;
    const PRICE_INPUT = /^([0-9]{1,15})(?:\.([0-9]{1,2}))?$/;
    const PRICE_CANONICAL = /^(0|[1-9][0-9]{0,14})\.[0-9]{2}$/;
    const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}$/;
    const SEALED_AT = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$/;
    const HEX64 = /^[0-9a-f]{64}$/;
    // The portal's one rule for typed text (domain/shared/PlainText.java): no control characters, no
    // bidirectional overrides, embeddings, isolates or marks.
    const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
    const MAX_NAME = 200;
    const MAX_DOCUMENT_NAME = 255;
    const MAX_DOCUMENTS = 100;
    const MAX_FILE_CHARS = 256 * 1024;
    const MEMBERS = {
        bid: ['tender', 'bidder', 'price', 'documents', 'sealedAt'],
        bidder: ['licenceNumber', 'name'],
        price: ['amount', 'currency'],
        document: ['name', 'mediaType', 'size', 'sha256']
    };

    function error(field, code, message) {
        return {field: field, code: code, message: message};
    }

    /** Thrown by buildBid and sealBid; errors is a list of {field, code, message}. */
    class SealError extends Error {
        constructor(errors) {
            super(errors.map(function (e) { return e.message; }).join(' '));
            this.name = 'SealError';
            this.errors = errors;
        }
    }

    /** Same rule as the Java side's BidText.isCleanText. */
    function isCleanText(text, max) {
        return typeof text === 'string' && text.trim() !== '' && text.length <= max
            && !CONTROL.test(text) && !C.hasUnpairedSurrogate(text);
    }

    function isPlainObject(value) {
        return value !== null && typeof value === 'object' && !Array.isArray(value);
    }

    /** What a bidder typed -> "1250000.50"; throws SealError for anything that is not a plain price. */
    function normalizeAmount(input, field) {
        field = field || 'price';
        const text = String(input == null ? '' : input).trim();
        if (text === '') {
            throw new SealError([error(field, 'bid.price.required', 'Enter your bid price in Ngultrum.')]);
        }
        const match = PRICE_INPUT.exec(text);
        if (!match) {
            throw new SealError([error(field, 'bid.price.format', 'Enter the price in Ngultrum as digits with at'
                + ' most two decimals and no commas or spaces, e.g. 1250000.50.')]);
        }
        const whole = match[1].replace(/^0+(?=[0-9])/, '');
        const amount = whole + '.' + (match[2] || '').padEnd(2, '0');
        if (/^0\.00$/.test(amount)) {
            throw new SealError([error(field, 'bid.price.positive', 'The bid price must be more than Nu. 0.')]);
        }
        return amount;
    }

    /** The bidder's clock now (or the given Date), UTC, whole seconds. */
    function sealedAtNow(date) {
        return (date || new Date()).toISOString().replace(/\.[0-9]{3}Z$/, 'Z');
    }

    /** 32 random bytes as unpadded base64url (43 characters). */
    function newSalt() {
        const bytes = global.crypto.getRandomValues(new Uint8Array(32));
        let binary = '';
        bytes.forEach(function (b) { binary += String.fromCharCode(b); });
        return global.btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    function isValidSalt(salt) {
        return typeof salt === 'string' && salt.length >= 1 && salt.length <= 256 && /^[\x21-\x7e]+$/.test(salt);
    }

    function commitmentOf(bidHash, salt) {
        return C.sha256Hex(bidHash + ':' + salt);
    }

    function compareDocuments(a, b) {
        if (a.sha256 !== b.sha256) {
            return a.sha256 < b.sha256 ? -1 : 1;
        }
        return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    }

    /** A File -> its bid entry {name, mediaType, size, sha256}, hashed here, never uploaded. */
    async function describeFile(file) {
        return {
            name: file.name.normalize('NFC'),
            mediaType: MEDIA_TYPE.test(file.type) ? file.type : 'application/octet-stream',
            size: file.size,
            sha256: await C.sha256Hex(await file.arrayBuffer())
        };
    }

    /**
     * Strict check of a bid object against the format above (what the Java side's Bid.fromJson
     * accepts). Returns a list of errors, empty if the bid is well-formed.
     */
    function validateBid(bid, field) {
        field = field || 'bid';
        const errors = [];
        function unknown(object, allowed, at) {
            Object.keys(object).forEach(function (name) {
                if (allowed.indexOf(name) < 0) {
                    errors.push(error(at + '.' + name, 'bid.member.unknown', '"' + name + '" is not part of a bid;'
                        + ' the file was not made by the seal page or was edited.'));
                }
            });
        }
        function text(object, name, at) {
            const value = object[name];
            if (typeof value === 'string') {
                return value;
            }
            errors.push(error(at + '.' + name, 'bid.member.missing',
                value === undefined ? '"' + name + '" is missing.' : '"' + name + '" must be a text.'));
            return null;
        }
        if (!isPlainObject(bid)) {
            return [error(field, 'bid.object', 'The bid must be a JSON object.')];
        }
        unknown(bid, MEMBERS.bid, field);
        const tender = text(bid, 'tender', field);
        if (tender !== null && !TENDER_KEY.test(tender)) {
            errors.push(error(field + '.tender', 'bid.tender.format',
                'The tender must be written as tender:<ocid>, e.g. tender:ocds-b5fd17-2026-0042.'));
        }

        const bidderAt = field + '.bidder';
        if (!isPlainObject(bid.bidder)) {
            errors.push(error(bidderAt, 'bid.object', 'The bid must name the bidder (licence number and name).'));
        } else {
            unknown(bid.bidder, MEMBERS.bidder, bidderAt);
            const licence = text(bid.bidder, 'licenceNumber', bidderAt);
            const name = text(bid.bidder, 'name', bidderAt);
            if (licence !== null && !LICENCE_NUMBER.test(licence)) {
                errors.push(error(bidderAt + '.licenceNumber', 'bid.bidder.licenceNumber.format',
                    'The trade licence number must be 1 to 40 letters, digits, \'.\', \'/\' or \'-\'.'));
            }
            if (name !== null && !isCleanText(name, MAX_NAME)) {
                errors.push(error(bidderAt + '.name', 'bid.bidder.name.format',
                    'The bidder\'s name must be 1 to 200 characters without control or text-direction characters.'));
            }
        }

        const priceAt = field + '.price';
        if (!isPlainObject(bid.price)) {
            errors.push(error(priceAt, 'bid.object', 'The bid must state a price (amount and currency).'));
        } else if (typeof bid.price.amount === 'number') {
            unknown(bid.price, MEMBERS.price, priceAt);
            errors.push(error(priceAt + '.amount', 'bid.price.format',
                'The price must be a text such as "1250000.00", not a JSON number.'));
        } else {
            unknown(bid.price, MEMBERS.price, priceAt);
            const amount = text(bid.price, 'amount', priceAt);
            const currency = text(bid.price, 'currency', priceAt);
            if (amount !== null && currency !== null) {
                if (!PRICE_CANONICAL.test(amount)) {
                    errors.push(error(priceAt + '.amount', 'bid.price.format',
                        'The price must be written with exactly two decimals, e.g. "1250000.00".'));
                } else if (/^0\.00$/.test(amount)) {
                    errors.push(error(priceAt + '.amount', 'bid.price.positive', 'The bid price must be more than Nu. 0.'));
                }
                if (currency !== 'BTN') {
                    errors.push(error(priceAt + '.currency', 'bid.price.currency',
                        'Bids are made in Ngultrum: the currency must be "BTN".'));
                }
            }
        }

        const docsAt = field + '.documents';
        if (!Array.isArray(bid.documents)) {
            errors.push(error(docsAt, 'bid.documents.missing',
                'The bid must list its documents (an empty list if there are none).'));
        } else if (bid.documents.length > MAX_DOCUMENTS) {
            errors.push(error(docsAt, 'bid.documents.tooMany', 'A bid can list at most ' + MAX_DOCUMENTS + ' documents.'));
        } else {
            bid.documents.forEach(function (doc, i) {
                const at = docsAt + '[' + i + ']';
                if (!isPlainObject(doc)) {
                    errors.push(error(at, 'bid.object', 'Each document must be a JSON object.'));
                    return;
                }
                unknown(doc, MEMBERS.document, at);
                const name = text(doc, 'name', at);
                const mediaType = text(doc, 'mediaType', at);
                const sha256 = text(doc, 'sha256', at);
                if (!(Number.isSafeInteger(doc.size) && doc.size >= 0)) {
                    errors.push(error(at + '.size', 'bid.document.size', 'The document\'s size must be a whole number of bytes.'));
                }
                if (name !== null && !isCleanText(name, MAX_DOCUMENT_NAME)) {
                    errors.push(error(at + '.name', 'bid.document.name',
                        'The document\'s name must be 1 to 255 characters without control or text-direction characters.'));
                }
                if (mediaType !== null && !MEDIA_TYPE.test(mediaType)) {
                    errors.push(error(at + '.mediaType', 'bid.document.mediaType',
                        'The document\'s media type must look like application/pdf.'));
                }
                if (sha256 !== null && !HEX64.test(sha256)) {
                    errors.push(error(at + '.sha256', 'bid.document.sha256',
                        'The document\'s hash must be 64 lowercase hex digits (SHA-256).'));
                }
            });
        }

        const sealedAt = text(bid, 'sealedAt', field);
        if (sealedAt !== null && !(SEALED_AT.test(sealedAt) && sealedAtNow(new Date(sealedAt)) === sealedAt)) {
            errors.push(error(field + '.sealedAt', 'bid.sealedAt.format',
                'The sealing time must be a UTC time in whole seconds, e.g. 2026-03-10T04:15:00Z.'));
        }
        // Errors come in the order Bid.fromJson finds them, so both sides report the same one first.
        return errors;
    }

    /**
     * Builds a bid from what the form holds (documents already described by describeFile).
     * Throws SealError with form field names: tender, licenceNumber, name, price, documents.
     */
    function buildBid(input) {
        const errors = [];
        const tender = String(input.tenderKey || '');
        if (!TENDER_KEY.test(tender)) {
            errors.push(error('tender', 'bid.tender.format', 'This page does not name a tender; open the tender\'s own "seal my bid" page.'));
        }
        const licence = String(input.licenceNumber || '').trim();
        if (licence === '') {
            errors.push(error('licenceNumber', 'bid.bidder.licenceNumber.required', 'Enter your trade licence number.'));
        } else if (!LICENCE_NUMBER.test(licence)) {
            errors.push(error('licenceNumber', 'bid.bidder.licenceNumber.format',
                'The trade licence number must be 1 to 40 letters, digits, \'.\', \'/\' or \'-\'.'));
        }
        const name = String(input.name || '').trim().normalize('NFC');
        if (name === '') {
            errors.push(error('name', 'bid.bidder.name.required', 'Enter your business\'s registered name.'));
        } else if (!isCleanText(name, MAX_NAME)) {
            errors.push(error('name', 'bid.bidder.name.format', 'The name must be at most 200 characters without control or text-direction characters.'));
        }
        let amount = null;
        try {
            amount = normalizeAmount(input.amount, 'price');
        } catch (e) {
            if (!(e instanceof SealError)) {
                throw e;
            }
            errors.push.apply(errors, e.errors);
        }
        const documents = (input.documents || []).slice().sort(compareDocuments);
        if (documents.length > MAX_DOCUMENTS) {
            errors.push(error('documents', 'bid.documents.tooMany', 'A bid can list at most ' + MAX_DOCUMENTS + ' documents.'));
        }
        documents.forEach(function (doc) {
            if (!isCleanText(doc.name, MAX_DOCUMENT_NAME)) {
                errors.push(error('documents', 'bid.document.name', 'The file name "' + doc.name
                    + '" is too long or holds control or text-direction characters; rename the file and choose it again.'));
            }
        });
        if (errors.length) {
            throw new SealError(errors);
        }
        return {
            tender: tender,
            bidder: {licenceNumber: licence, name: name},
            price: {amount: amount, currency: 'BTN'},
            documents: documents.map(function (d) {
                return {name: d.name, mediaType: d.mediaType, size: d.size, sha256: d.sha256};
            }),
            sealedAt: input.sealedAt || sealedAtNow()
        };
    }

    /** Seals a bid: {format, note, bid, salt, bidHash, commitment}. A fresh salt unless one is given. */
    async function sealBid(bid, salt) {
        const errors = validateBid(bid, 'bid');
        if (salt !== undefined && !isValidSalt(salt)) {
            errors.push(error('salt', 'sealedBid.salt', 'The salt must be 1 to 256 printable ASCII characters without spaces.'));
        }
        if (errors.length) {
            throw new SealError(errors);
        }
        const useSalt = salt === undefined ? newSalt() : salt;
        const bidHash = await C.sha256Hex(C.canonicalize(bid));
        return {
            format: FORMAT,
            note: NOTE,
            bid: bid,
            salt: useSalt,
            bidHash: bidHash,
            commitment: await commitmentOf(bidHash, useSalt)
        };
    }

    function sealedFileText(sealed) {
        return JSON.stringify(sealed, null, 2) + '\n';
    }

    /** sealed-bid-<ocid>.json, the ocid made safe for a file name. */
    /** Names the file after the tender and the commitment's first characters, so two bids sealed for one tender (a clerk helping several bidders) never overwrite each other. */
    function sealedFileName(tenderKey, commitment) {
        return 'sealed-bid-' + String(tenderKey).replace(/^tender:/, '').replace(/[^A-Za-z0-9._-]/g, '_')
            + (commitment ? '-' + String(commitment).slice(0, 8) : '') + '.json';
    }

    /**
     * Checks a sealed-bid file (text, parsed object, or File) the way the portal will at the
     * opening. options: {tenderKey, commitment (the lodged one), documents (Files to match)}.
     * Resolves to {ok, errors, sealed}; never rejects for a bad file.
     */
    async function checkSealedBid(input, options) {
        options = options || {};
        const notAFile = [error('file', 'sealedBid.notSealedBidFile', 'This is not a sealed-bid file. Choose the .json'
            + ' file the seal page downloaded when you sealed your bid.')];
        function failed(errors, sealed) {
            return {ok: false, errors: errors, sealed: sealed || null};
        }
        let file = input;
        if (typeof Blob !== 'undefined' && input instanceof Blob) {
            if (input.size > MAX_FILE_CHARS * 4) {
                return failed(notAFile);
            }
            file = await input.text();
        }
        if (typeof file === 'string') {
            if (file.trim() === '' || file.length > MAX_FILE_CHARS) {
                return failed(notAFile);
            }
            try {
                file = JSON.parse(file.replace(/^\uFEFF/, ''));
            } catch (e) {
                return failed(notAFile);
            }
        }
        if (!isPlainObject(file) || file.format !== FORMAT) {
            return failed(notAFile);
        }
        const errors = [];
        if (!isValidSalt(file.salt)) {
            errors.push(error('salt', 'sealedBid.salt', 'The salt must be 1 to 256 printable ASCII characters without'
                + ' spaces; the file was edited or damaged.'));
        }
        if (typeof file.bidHash !== 'string' || !HEX64.test(file.bidHash)) {
            errors.push(error('bidHash', 'sealedBid.bidHash', 'The bid hash must be 64 lowercase hex digits; the file was edited or damaged.'));
        }
        if (typeof file.commitment !== 'string' || !HEX64.test(file.commitment)) {
            errors.push(error('commitment', 'sealedBid.commitment', 'The commitment must be 64 lowercase hex digits; the file was edited or damaged.'));
        }
        if (errors.length) {
            return failed(errors);
        }
        const bidErrors = validateBid(file.bid, 'bid');
        if (bidErrors.length) {
            return failed(bidErrors);
        }
        const actualHash = await C.sha256Hex(C.canonicalize(file.bid));
        if (actualHash !== file.bidHash) {
            return failed([error('bid', 'sealedBid.bidTampered', 'The bid in this file was changed after it was sealed:'
                + ' it hashes to ' + actualHash + ', but the file says ' + file.bidHash
                + '. Use the file exactly as it was downloaded.')], file);
        }
        const expected = await commitmentOf(file.bidHash, file.salt);
        if (expected !== file.commitment) {
            return failed([error('commitment', 'sealedBid.commitmentMismatch', 'The bid hash and salt in this file give'
                + ' the commitment ' + expected + ', but the file says ' + file.commitment
                + '. The file was edited or damaged.')], file);
        }
        if (options.tenderKey && file.bid.tender !== options.tenderKey) {
            return failed([error('bid.tender', 'sealedBid.otherTender', 'This sealed bid is for ' + file.bid.tender
                + ', not for ' + options.tenderKey + '.')], file);
        }
        if (options.commitment && file.commitment !== options.commitment) {
            return failed([error('commitment', 'sealedBid.notLodged', 'This sealed bid\'s commitment ' + file.commitment
                + ' is not the commitment lodged for this bid (' + options.commitment
                + '). Upload the sealed-bid file you downloaded when you sealed that bid.')], file);
        }
        if (options.documents) {
            const listed = file.bid.documents.map(function (d) { return d.sha256; });
            const given = [];
            for (const doc of Array.from(options.documents)) {
                const hash = await C.sha256Hex(doc);
                given.push(hash);
                if (listed.indexOf(hash) < 0) {
                    errors.push(error('documents', 'sealedBid.documentNotInBid', '"' + doc.name
                        + '" is not one of the documents sealed in this bid (its SHA-256 is ' + hash + ').'));
                }
            }
            file.bid.documents.forEach(function (d) {
                if (given.indexOf(d.sha256) < 0) {
                    errors.push(error('documents', 'sealedBid.documentMissing', 'The bid lists "' + d.name
                        + '" (SHA-256 ' + d.sha256 + '), but no chosen file has that hash.'));
                }
            });
            if (errors.length) {
                return failed(errors, file);
            }
        }
        return {ok: true, errors: [], sealed: file};
    }

    // ---- page behaviour -------------------------------------------------------------------

    function show(root, name) {
        return root.querySelector('[data-druk-seal-show="' + name + '"]');
    }

    function outputs(form, name) {
        return Array.from(document.querySelectorAll('[data-druk-seal-output="' + name + '"]')).filter(function (el) {
            const owner = el.getAttribute('data-druk-seal-for');
            return owner ? owner === form.id : form.contains(el);
        });
    }

    /**
     * A text of the page's language from its hidden [data-druk-seal-texts] block (tag d:sealTexts):
     * <span data-key="status.sealed">…</span>, "{0}" replaced by arg. Without the block, or where
     * its text is empty, the script's own English (fallback).
     */
    function say(key, fallback, arg) {
        const el = document.querySelector('[data-druk-seal-texts] [data-key="' + key + '"]');
        const text = el && el.textContent.trim() ? el.textContent.trim() : fallback;
        return arg === undefined ? text : text.replace('{0}', String(arg));
    }

    function setText(el, text) {
        if (el) {
            el.textContent = text;
        }
    }

    function showErrors(root, errors) {
        const list = show(root, 'errors');
        root.querySelectorAll('[data-druk-seal-input]').forEach(function (input) {
            input.removeAttribute('aria-invalid');
        });
        if (!list) {
            return;
        }
        list.textContent = '';
        list.hidden = errors.length === 0;
        errors.forEach(function (e) {
            const item = document.createElement(list.tagName === 'UL' || list.tagName === 'OL' ? 'li' : 'p');
            item.textContent = say('error.' + e.code, e.message);
            item.setAttribute('data-field', e.field);
            item.setAttribute('data-code', e.code);
            list.appendChild(item);
            const input = root.querySelector('[data-druk-seal-input="' + FORM_FIELDS[e.field] + '"]');
            if (input) {
                input.setAttribute('aria-invalid', 'true');
            }
        });
    }

    const FORM_FIELDS = {licenceNumber: 'licence-number', name: 'bidder-name', price: 'amount', documents: 'documents'};

    /** Private inputs must never be submitted: no name attribute, ever. */
    function unname(input) {
        if (input.hasAttribute('name')) {
            console.error('seal-bid.js: removed name="' + input.getAttribute('name')
                + '" from a private bid field; it must never be submitted');
            input.removeAttribute('name');
        }
    }

    /** Wires a sealing form (see the page contract at the top). Idempotent. */
    function attach(form) {
        if (form.__drukSeal) {
            return form.__drukSeal;
        }
        const inputs = {};
        form.querySelectorAll('[data-druk-seal-input]').forEach(function (input) {
            unname(input);
            inputs[input.getAttribute('data-druk-seal-input')] = input;
        });
        const download = show(form, 'download');
        const state = {sealed: null, url: null, busy: false};
        if (download) {
            download.hidden = true;
        }

        function reset() {
            if (state.url) {
                URL.revokeObjectURL(state.url);
            }
            state.sealed = null;
            state.url = null;
            outputs(form, 'commitment').forEach(function (el) { el.value = ''; });
            outputs(form, 'submit').forEach(function (el) { el.disabled = true; });
            setText(show(form, 'commitment'), '');
            if (download) {
                download.hidden = true;
                download.removeAttribute('href');
            }
            form.removeAttribute('data-druk-seal-state');
        }

        async function seal() {
            if (state.busy) {
                return null;
            }
            state.busy = true;
            reset();
            showErrors(form, []);
            const status = show(form, 'status');
            try {
                const files = inputs.documents && inputs.documents.files ? Array.from(inputs.documents.files) : [];
                setText(status, files.length ? say('status.hashing', 'Hashing {0} document(s) in this browser…', files.length)
                    : say('status.sealing', 'Sealing…'));
                const documents = [];
                for (const file of files) {
                    documents.push(await describeFile(file));
                }
                const bid = buildBid({
                    tenderKey: form.getAttribute('data-tender-key'),
                    licenceNumber: inputs['licence-number'] ? inputs['licence-number'].value : '',
                    name: inputs['bidder-name'] ? inputs['bidder-name'].value : '',
                    amount: inputs.amount ? inputs.amount.value : '',
                    documents: documents
                });
                const sealed = await sealBid(bid);
                state.sealed = sealed;
                state.url = URL.createObjectURL(new Blob([sealedFileText(sealed)], {type: 'application/json'}));
                if (download) {
                    download.href = state.url;
                    download.download = sealedFileName(bid.tender, sealed.commitment);
                    download.hidden = false;
                }
                setText(show(form, 'commitment'), sealed.commitment);
                outputs(form, 'commitment').forEach(function (el) { el.value = sealed.commitment; });
                outputs(form, 'tender-key').forEach(function (el) { el.value = bid.tender; });
                setText(status, say('status.sealed', 'Sealed. Download your sealed-bid file and keep it secret until the opening;'
                    + ' then lodge the commitment.'));
                form.setAttribute('data-druk-seal-state', 'sealed');
                return sealed;
            } catch (e) {
                const errors = e instanceof SealError ? e.errors
                    : [error('', 'sealedBid.browser', 'Your bid could not be sealed in this browser: ' + e.message)];
                showErrors(form, errors);
                setText(status, say('status.notSealed', 'Not sealed yet: please correct the fields marked.'));
                form.setAttribute('data-druk-seal-state', 'error');
                return null;
            } finally {
                state.busy = false;
            }
        }

        form.addEventListener('submit', function (event) {
            event.preventDefault();
            seal();
        });
        form.addEventListener('input', reset);
        form.addEventListener('change', reset);
        if (download) {
            download.addEventListener('click', function () {
                if (state.sealed) {
                    outputs(form, 'submit').forEach(function (el) { el.disabled = false; });
                    form.setAttribute('data-druk-seal-state', 'downloaded');
                }
            });
        }
        reset();
        form.__drukSeal = {seal: seal, reset: reset, current: function () { return state.sealed; }};
        return form.__drukSeal;
    }

    /** Wires an opening check (see the page contract at the top). Idempotent. */
    function attachCheck(root) {
        if (root.__drukSealCheck) {
            return root.__drukSealCheck;
        }
        const sealedInput = root.querySelector('[data-druk-seal-input="sealed-file"]');
        const docsInput = root.querySelector('[data-druk-seal-input="documents"]');
        async function run() {
            const status = show(root, 'status');
            const file = sealedInput && sealedInput.files && sealedInput.files[0];
            if (!file) {
                root.removeAttribute('data-druk-seal-check-result');
                setText(status, '');
                showErrors(root, []);
                return null;
            }
            setText(status, say('status.checking', 'Checking your sealed-bid file in this browser…'));
            const result = await checkSealedBid(file, {
                tenderKey: root.getAttribute('data-tender-key') || undefined,
                commitment: root.getAttribute('data-commitment') || undefined,
                documents: docsInput && docsInput.files && docsInput.files.length ? docsInput.files : undefined
            });
            showErrors(root, result.errors);
            setText(status, !result.ok ? say('status.mismatch', 'This file does not match: see below.')
                : root.getAttribute('data-commitment') ? say('status.matchLodged', 'The file matches its commitment lodged on the ledger.')
                : say('status.match', 'The file matches its commitment.'));
            root.setAttribute('data-druk-seal-check-result', result.ok ? 'ok' : 'failed');
            outputs(root, 'submit').forEach(function (el) { el.disabled = !result.ok; });
            return result;
        }
        root.addEventListener('change', run);
        root.__drukSealCheck = {check: run};
        return root.__drukSealCheck;
    }

    function attachAll() {
        document.querySelectorAll('form[data-druk-seal]').forEach(attach);
        document.querySelectorAll('[data-druk-seal-check]').forEach(attachCheck);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', attachAll);
    } else {
        attachAll();
    }

    global.DrukSeal = Object.freeze({
        FORMAT: FORMAT,
        NOTE: NOTE,
        SealError: SealError,
        buildBid: buildBid,
        validateBid: validateBid,
        normalizeAmount: normalizeAmount,
        newSalt: newSalt,
        sealedAtNow: sealedAtNow,
        commitmentOf: commitmentOf,
        describeFile: describeFile,
        sealBid: sealBid,
        sealedFileText: sealedFileText,
        sealedFileName: sealedFileName,
        checkSealedBid: checkSealedBid,
        attach: attach,
        attachCheck: attachCheck
    });
}(window));
