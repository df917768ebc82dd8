/*
 * Druk Registry: the SHA-256 of a file chosen in this browser, computed here with Web Crypto (a
 * secure context: https or 127.0.0.1). The file is read in slices so that a large one shows
 * progress. Shared by the notary clerk's pages and the public verify page; include it before them.
 * Plain ES2020, no inline script.
 *
 * window.DrukFileHash
 *   hex(arrayBuffer)                    lowercase hex
 *   sha256Hex(bytes)                    Promise of the SHA-256 of a Uint8Array/ArrayBuffer, in hex
 *   sha256File(file, onProgress)        Promise of the file's SHA-256 in hex; onProgress(share, phase)
 *                                       gets (0..1, "reading") per slice, then (1, "hashing")
 */
(function (global) {
    'use strict';

    const SLICE = 4 * 1024 * 1024;

    function hex(buffer) {
        return Array.from(new Uint8Array(buffer), function (b) { return b.toString(16).padStart(2, '0'); }).join('');
    }

    async function sha256Hex(bytes) {
        return hex(await global.crypto.subtle.digest('SHA-256', bytes));
    }

    async function sha256File(file, onProgress) {
        const bytes = new Uint8Array(file.size);
        let offset = 0;
        while (offset < file.size) {
            const part = new Uint8Array(await file.slice(offset, offset + SLICE).arrayBuffer());
            bytes.set(part, offset);
            offset += part.length;
            if (onProgress) {
                onProgress(offset / file.size, 'reading');
            }
        }
        if (onProgress) {
            onProgress(1, 'hashing');
        }
        return sha256Hex(bytes);
    }

    global.DrukFileHash = {hex: hex, sha256Hex: sha256Hex, sha256File: sha256File};
}(window));
