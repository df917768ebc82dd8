/*
 * Druk Registry: small behaviour of the bidder's public pages (seal, reveal). No inline script.
 *
 * 1. Messages next to their fields. seal-bid.js lists its errors in one
 *    [data-druk-seal-show="errors"] list, each <li data-field="…">. Where the same form (or check
 *    block) has an element [data-druk-field-message="<field>"], the error's text is shown there
 *    instead, next to its input; errors without such a place stay in the list.
 * 3. A <button data-druk-print> prints the page (the receipt; druk.css hides what paper does not need).
 * 2. Progress on slow submits: a <form data-druk-busy> shows its [data-druk-busy-show] element
 *    (e.g. "Uploading and checking…") and marks itself aria-busy when it is submitted.
 */
(function () {
    'use strict';

    function rootOf(list) {
        return list.closest('form, [data-druk-seal-check]') || document;
    }

    function place(list) {
        const root = rootOf(list);
        const slots = root.querySelectorAll('[data-druk-field-message]');
        slots.forEach(function (slot) { slot.textContent = ''; });
        let unplaced = 0;
        Array.from(list.children).forEach(function (item) {
            const field = item.getAttribute('data-field') || '';
            // "documents", "bid.price.amount" → the first part names the form field.
            const slot = root.querySelector('[data-druk-field-message="' + field + '"]')
                || root.querySelector('[data-druk-field-message="' + field.split(/[.[]/)[0] + '"]');
            if (slot) {
                const line = document.createElement('span');
                line.className = 'field__message-line';
                line.textContent = item.textContent;
                line.setAttribute('data-code', item.getAttribute('data-code') || '');
                slot.appendChild(line);
                item.hidden = true;
            } else {
                unplaced++;
            }
        });
        list.classList.toggle('is-empty', unplaced === 0);
    }

    function watch(list) {
        new MutationObserver(function () { place(list); }).observe(list, {childList: true});
        place(list);
    }

    function busy(form) {
        form.addEventListener('submit', function () {
            form.setAttribute('aria-busy', 'true');
            form.querySelectorAll('[data-druk-busy-show]').forEach(function (el) { el.hidden = false; });
        });
    }

    function init() {
        document.querySelectorAll('[data-druk-seal-show="errors"]').forEach(watch);
        document.querySelectorAll('form[data-druk-busy]').forEach(busy);
        document.querySelectorAll('[data-druk-print]').forEach(function (button) {
            button.addEventListener('click', function () { window.print(); });
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
}());
