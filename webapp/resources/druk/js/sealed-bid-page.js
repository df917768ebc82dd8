/*
 * Druk Registry: a supplier seals and lodges a bid on a sealed tender (/supplier/bid.xhtml).
 * Needs canonical-json.js and sealed-envelope.js. The price and the documents never leave this
 * browser in the clear: the bid is encrypted here to the tender's opening key holders
 * (DrukSealedEnvelope.seal, docs/sealed-envelope.md) and only the envelope is posted, as JSON, to
 * the form's data-lodge-url. The form has no named fields and never submits.
 */
(function () {
  'use strict';

  const form = document.getElementById('sealedBid');
  if (!form || !window.DrukSealedEnvelope) {
    return;
  }
  const priceInput = document.getElementById('bidPrice');
  const documentsInput = document.getElementById('bidDocuments');
  const status = document.getElementById('sealStatus');
  const button = document.getElementById('sealAndLodge');
  const errors = {
    price: document.getElementById('bidPriceError'),
    documents: document.getElementById('bidDocumentsError'),
    other: document.getElementById('sealError')
  };
  const MAX_DOCUMENTS = 50;
  const MAX_NAME = 200;

  function showError(where, text) {
    where.textContent = text;
    where.hidden = !text;
  }

  function clearErrors() {
    Object.keys(errors).forEach(function (k) { showError(errors[k], ''); });
    priceInput.classList.remove('ui-state-error');
  }

  /** "1250000" or "1250000.5" -> "1250000.50"; null for anything else or zero. */
  function canonicalPrice(text) {
    const t = (text || '').trim();
    const m = /^([0-9]{1,15})(?:\.([0-9]{1,2}))?$/.exec(t);
    if (!m) {
      return null;
    }
    const whole = m[1].replace(/^0+(?=[0-9])/, '');
    const cents = (m[2] || '').padEnd(2, '0');
    const price = whole + '.' + cents;
    return price === '0.00' ? null : price;
  }

  function hex(buffer) {
    return Array.from(new Uint8Array(buffer)).map(function (b) { return b.toString(16).padStart(2, '0'); }).join('');
  }

  function readFile(file) {
    return new Promise(function (resolve, reject) {
      const reader = new FileReader();
      reader.onload = function () { resolve(reader.result); };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsArrayBuffer(file);
    });
  }

  async function sealAndLodge() {
    clearErrors();
    const price = canonicalPrice(priceInput.value);
    if (!price) {
      priceInput.classList.add('ui-state-error');
      showError(errors.price, form.dataset.msgPrice);
      priceInput.focus();
      return;
    }
    const files = Array.from(documentsInput.files || []);
    if (files.length > MAX_DOCUMENTS) {
      showError(errors.documents, form.dataset.msgDocuments);
      return;
    }
    button.disabled = true;
    try {
      status.textContent = form.dataset.msgReading;
      const contents = [];
      const listed = [];
      for (let i = 0; i < files.length; i++) {
        const content = await readFile(files[i]);
        contents.push(content);
        listed.push({name: files[i].name.slice(0, MAX_NAME) || ('document-' + (i + 1)), part: 'document-' + (i + 1),
          sha256: hex(await crypto.subtle.digest('SHA-256', content))});
      }
      status.textContent = form.dataset.msgSealing;
      const bid = {currency: 'BTN', documents: listed, ocid: form.dataset.ocid, price: price, supplierId: form.dataset.supplierId};
      const sealed = await window.DrukSealedEnvelope.seal({ocid: form.dataset.ocid, bid: bid, documents: contents,
        holders: JSON.parse(form.dataset.holders), k: Number(form.dataset.k)});
      status.textContent = form.dataset.msgSending;
      const response = await fetch(form.dataset.lodgeUrl, {method: 'POST', credentials: 'same-origin',
        headers: {'Content-Type': 'application/json'}, body: sealed.text});
      const answer = await response.json().catch(function () { return {}; });
      if (response.status === 201) {
        window.location.assign(form.dataset.afterUrl);
        return;
      }
      status.textContent = '';
      const messages = (answer.errors || []).map(function (e) { return e.message; });
      showError(errors.other, messages.length ? messages.join(' ') : form.dataset.msgFailed);
    } catch (e) {
      status.textContent = '';
      showError(errors.other, form.dataset.msgFailed + ' (' + (e && e.message ? e.message : e) + ')');
    } finally {
      button.disabled = false;
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    sealAndLodge();
  });
})();
