/*
 * Druk Registry: small behaviour of a bid's public page. No inline script.
 *
 * A <button data-druk-print> prints the page (the receipt; druk.css hides what paper does not need).
 */
(function () {
    'use strict';

    function init() {
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
