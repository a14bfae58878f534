/*
 * A stand-in for Stripe.js (https://js.stripe.com), served in its place by the Playwright helper
 * e2e/support/stripe.ts when STRIPE_API_BASE points at the local Stripe emulator
 * (tests/stripe-emulator/emulator.mjs). js.stripe.com cannot be reached from development and CI
 * machines; see shared/docs/stripe-offline.md.
 *
 * It covers what @stripe/react-stripe-js 7 and a card checkout use: Stripe(), elements(),
 * elements.create("card"), confirmCardPayment, createPaymentMethod, retrievePaymentIntent,
 * handleCardAction. The card element renders a same-origin iframe with the inputs real Stripe.js
 * uses (cardnumber, exp-date, cvc), so tests fill it the same way in both modes. A 3-D Secure
 * challenge is a dialog in the page whose buttons call the emulator's _authenticate endpoint.
 *
 * The helper prepends `window.__STRIPE_EMULATOR_URL__ = "http://127.0.0.1:PORT";` to this file.
 * Plain browser JavaScript: no modules, no build.
 */
(function () {
  "use strict";

  const API_BASE = String(window.__STRIPE_EMULATOR_URL__ || "").replace(/\/+$/, "");
  const CARD_FRAME_TITLE = "Secure card payment input frame";
  const AUTHENTICATION_FAILURE_MESSAGE =
    "We are unable to authenticate your payment method. Please choose a different payment method and try again.";

  function IntegrationError(message) {
    const error = new Error(message);
    error.name = "IntegrationError";
    return error;
  }

  // ---------------------------------------------------------------------------
  // Talking to the emulator, with the publishable key (never the secret key).
  // ---------------------------------------------------------------------------

  function encodeForm(params, prefix, pairs) {
    pairs = pairs || [];
    Object.keys(params || {}).forEach(function (name) {
      const value = params[name];
      const key = prefix ? prefix + "[" + name + "]" : name;
      if (value === undefined || value === null) return;
      if (typeof value === "object") encodeForm(value, key, pairs);
      else pairs.push(encodeURIComponent(key) + "=" + encodeURIComponent(String(value)));
    });
    return pairs.join("&");
  }

  /** Resolves { body } or { error } in Stripe's error shape; never rejects, like Stripe.js. */
  async function callEmulator(publishableKey, method, path, params) {
    if (!API_BASE) {
      return { error: { type: "api_connection_error", message: "window.__STRIPE_EMULATOR_URL__ is not set." } };
    }
    const query = encodeForm(params);
    const isGet = method === "GET";
    try {
      const response = await fetch(API_BASE + path + (isGet && query ? "?" + query : ""), {
        method: method,
        headers: isGet
          ? { Authorization: "Bearer " + publishableKey }
          : { Authorization: "Bearer " + publishableKey, "Content-Type": "application/x-www-form-urlencoded" },
        body: isGet ? undefined : query,
      });
      const body = await response.json();
      return response.ok ? { body: body } : { error: body.error };
    } catch (cause) {
      return {
        error: { type: "api_connection_error", message: "Could not reach the Stripe emulator at " + API_BASE + ": " + cause.message },
      };
    }
  }

  function intentIdFromClientSecret(clientSecret) {
    const match = /^(pi_[^_]+)_secret_/.exec(String(clientSecret || ""));
    if (!match) {
      throw IntegrationError("Invalid value for intent secret: value should be a client_secret string. You specified: " + clientSecret + ".");
    }
    return match[1];
  }

  // ---------------------------------------------------------------------------
  // Card numbers: brand, Luhn and the messages Stripe's card element shows.
  // ---------------------------------------------------------------------------

  function digitsOf(text, maxLength) {
    return String(text || "").replace(/\D/g, "").slice(0, maxLength);
  }

  function cardBrand(number) {
    if (/^4/.test(number)) return "visa";
    if (/^(5[1-5]|2[2-7])/.test(number)) return "mastercard";
    if (/^3[47]/.test(number)) return "amex";
    if (/^(6011|65|64[4-9])/.test(number)) return "discover";
    if (/^3(0[0-5]|[68])/.test(number)) return "diners";
    if (/^35/.test(number)) return "jcb";
    if (/^62/.test(number)) return "unionpay";
    return "unknown";
  }

  const numberLength = (brand) => (brand === "amex" ? 15 : brand === "diners" ? 14 : 16);
  const cvcLength = (brand) => (brand === "amex" ? 4 : 3);

  function passesLuhnCheck(digits) {
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let digit = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    return sum % 10 === 0;
  }

  function formatCardNumber(digits, brand) {
    const groups = brand === "amex" ? [4, 6, 5] : [4, 4, 4, 4, 3];
    const parts = [];
    let start = 0;
    groups.forEach(function (size) {
      if (start < digits.length) parts.push(digits.slice(start, start + size));
      start += size;
    });
    return parts.join(" ");
  }

  function formatExpiry(digits) {
    return digits.length > 2 ? digits.slice(0, 2) + " / " + digits.slice(2) : digits;
  }

  const validationError = (code, message) => ({ type: "validation_error", code: code, message: message });

  /*
   * Errors follow Stripe's card element: a wrong value shows as soon as it is complete; a value
   * still incomplete shows only after the field lost focus (`visited`) or when paying (`strict`).
   */
  function numberError(values, strict) {
    const brand = cardBrand(values.number);
    const complete = values.number.length >= numberLength(brand);
    if (complete && !passesLuhnCheck(values.number)) return validationError("invalid_number", "Your card number is invalid.");
    if (!complete && (strict || (values.visited.number && values.number))) {
      return validationError("incomplete_number", "Your card number is incomplete.");
    }
    return null;
  }

  function expiryError(values, strict) {
    const digits = values.expiry;
    if (digits.length < 4) {
      return strict || (values.visited.expiry && digits)
        ? validationError("incomplete_expiry", "Your card's expiration date is incomplete.")
        : null;
    }
    const month = Number(digits.slice(0, 2));
    const year = 2000 + Number(digits.slice(2));
    const now = new Date();
    if (month < 1 || month > 12) return validationError("invalid_expiry_month", "Your card's expiration month is invalid.");
    if (year < now.getFullYear()) return validationError("invalid_expiry_year_past", "Your card's expiration year is in the past.");
    if (year === now.getFullYear() && month < now.getMonth() + 1) {
      return validationError("invalid_expiry_month_past", "Your card's expiration date is in the past.");
    }
    if (year > now.getFullYear() + 50) return validationError("invalid_expiry_year", "Your card's expiration year is invalid.");
    return null;
  }

  function cvcError(values, strict) {
    const complete = values.cvc.length >= cvcLength(cardBrand(values.number));
    if (!complete && (strict || (values.visited.cvc && values.cvc))) {
      return validationError("incomplete_cvc", "Your card's security code is incomplete.");
    }
    return null;
  }

  function fieldErrors(values, strict) {
    return { number: numberError(values, strict), expiry: expiryError(values, strict), cvc: cvcError(values, strict) };
  }

  /** The payload of a card element `change` event. */
  function describeCard(values) {
    const errors = fieldErrors(values, false);
    const strictErrors = fieldErrors(values, true);
    const error = errors.number || errors.expiry || errors.cvc;
    const event = {
      elementType: "card",
      empty: !values.number && !values.expiry && !values.cvc,
      complete: !(strictErrors.number || strictErrors.expiry || strictErrors.cvc),
      brand: values.number ? cardBrand(values.number) : "unknown",
      value: { postalCode: "" },
    };
    if (error) event.error = error;
    return event;
  }

  // ---------------------------------------------------------------------------
  // The card element: a same-origin iframe holding the three inputs.
  // ---------------------------------------------------------------------------

  const CARD_FRAME_HTML = [
    "<!doctype html><html lang='en'><head><meta charset='utf-8'><style>",
    "html,body{margin:0;padding:0;background:transparent;overflow:hidden}",
    "body{font:16px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#30313d}",
    ".row{display:flex;align-items:center;gap:12px;padding:8px 2px}",
    ".visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}",
    "input{border:0;outline:0;background:transparent;font:inherit;color:inherit;padding:0;min-width:0}",
    "input[name=cardnumber]{flex:1 1 auto}",
    "input[name=exp-date]{flex:0 0 5.5em}",
    "input[name=cvc]{flex:0 0 3.5em}",
    "input[aria-invalid=true]{color:var(--invalid-color,#df1b41)}",
    "input::placeholder{color:var(--placeholder-color,#87909f)}",
    "</style><style id='merchant-style'></style></head><body><div class='row'>",
    "<label class='visually-hidden' for='cardnumber'>Card number</label>",
    "<input id='cardnumber' name='cardnumber' type='text' inputmode='numeric' autocomplete='cc-number' placeholder='Card number' spellcheck='false'>",
    "<label class='visually-hidden' for='exp-date'>Expiration date (MM / YY)</label>",
    "<input id='exp-date' name='exp-date' type='text' inputmode='numeric' autocomplete='cc-exp' placeholder='MM / YY' spellcheck='false'>",
    "<label class='visually-hidden' for='cvc'>Security code (CVC)</label>",
    "<input id='cvc' name='cvc' type='text' inputmode='numeric' autocomplete='cc-csc' placeholder='CVC' spellcheck='false'>",
    "</div></body></html>",
  ].join("");

  const FIELDS = {
    number: { inputName: "cardnumber", maxDigits: 19 },
    expiry: { inputName: "exp-date", maxDigits: 4 },
    cvc: { inputName: "cvc", maxDigits: 4 },
  };

  // The part of Stripe's `style` option the stand-in honours: base/invalid colors and fonts.
  function cssFromStyleOption(style) {
    const base = (style && style.base) || {};
    const invalid = (style && style.invalid) || {};
    const placeholder = base["::placeholder"] || {};
    const rules = [];
    if (base.color) rules.push("body{color:" + base.color + "}");
    if (base.fontSize) rules.push("body{font-size:" + base.fontSize + "}");
    if (base.fontFamily) rules.push("body{font-family:" + base.fontFamily + "}");
    if (placeholder.color) rules.push(":root{--placeholder-color:" + placeholder.color + "}");
    if (invalid.color) rules.push(":root{--invalid-color:" + invalid.color + "}");
    return rules.join("\n");
  }

  // Card data stays out of reach of page code, as with real Stripe.js.
  const cardValues = new WeakMap();

  class CardElement {
    constructor(elements, options) {
      this._elements = elements;
      this._options = Object.assign({}, options);
      this._handlers = {};
      this._frame = null;
      this._destroyed = false;
      this._readySent = false;
      cardValues.set(this, { number: "", expiry: "", cvc: "", visited: {} });
    }

    mount(target) {
      this._assertUsable();
      const node = typeof target === "string" ? document.querySelector(target) : target;
      if (!node || !node.appendChild) {
        throw IntegrationError("The selector you specified (" + target + ") applies to no DOM elements that are currently on the page.");
      }
      if (this._frame) this.unmount();
      const frame = document.createElement("iframe");
      frame.title = CARD_FRAME_TITLE;
      frame.setAttribute("frameborder", "0");
      frame.setAttribute("scrolling", "no");
      frame.setAttribute("allowtransparency", "true");
      frame.style.cssText = "border:none;margin:0;padding:0;width:100%;min-width:100%;height:40px;display:block;background:transparent;overflow:hidden;";
      // The frame reloads whenever it is moved in the DOM, so wire it up again on each load.
      frame.addEventListener("load", () => this._connectFrame(frame));
      frame.srcdoc = CARD_FRAME_HTML;
      node.appendChild(frame);
      this._frame = frame;
      this._readySent = false;
    }

    unmount() {
      if (this._frame) this._frame.remove();
      this._frame = null;
    }

    destroy() {
      this.unmount();
      this._destroyed = true;
      this._elements._forget(this);
    }

    on(eventName, handler) {
      (this._handlers[eventName] = this._handlers[eventName] || []).push(handler);
      return this;
    }

    off(eventName, handler) {
      const handlers = this._handlers[eventName] || [];
      this._handlers[eventName] = handler ? handlers.filter((candidate) => candidate !== handler) : [];
      return this;
    }

    once(eventName, handler) {
      const wrapper = (event) => {
        this.off(eventName, wrapper);
        handler(event);
      };
      return this.on(eventName, wrapper);
    }

    update(options) {
      Object.assign(this._options, options);
      this._applyOptions();
    }

    focus() {
      const input = this._input("number");
      if (input) input.focus();
    }

    blur() {
      const active = this._frame && this._frame.contentDocument && this._frame.contentDocument.activeElement;
      if (active && active.blur) active.blur();
    }

    clear() {
      cardValues.set(this, { number: "", expiry: "", cvc: "", visited: {} });
      this._render();
      this._emit("change", describeCard(cardValues.get(this)));
    }

    _assertUsable() {
      if (this._destroyed) throw IntegrationError("This Element has already been destroyed. Please create a new one.");
    }

    _emit(eventName, payload) {
      (this._handlers[eventName] || []).slice().forEach(function (handler) {
        try {
          handler(payload);
        } catch (error) {
          setTimeout(function () { throw error; }); // report it without breaking the element
        }
      });
    }

    _input(field) {
      const doc = this._frame && this._frame.contentDocument;
      return doc ? doc.querySelector("[name='" + FIELDS[field].inputName + "']") : null;
    }

    _connectFrame(frame) {
      if (frame !== this._frame) return;
      const doc = frame.contentDocument;
      Object.keys(FIELDS).forEach((field) => {
        const input = this._input(field);
        input.addEventListener("input", () => this._onInput(field, input.value));
        input.addEventListener("blur", () => this._onFieldBlur(field));
      });
      doc.addEventListener("focusin", (event) => {
        if (!event.relatedTarget) this._emit("focus", { elementType: "card" });
      });
      doc.addEventListener("focusout", (event) => {
        if (!event.relatedTarget) this._emit("blur", { elementType: "card" });
      });
      doc.addEventListener("keydown", (event) => {
        if (event.key === "Escape") this._emit("escape", { elementType: "card" });
      });
      this._applyOptions();
      this._render();
      if (!this._readySent) {
        this._readySent = true;
        this._emit("ready", { elementType: "card" });
      }
    }

    _applyOptions() {
      const doc = this._frame && this._frame.contentDocument;
      if (!doc || !doc.getElementById("merchant-style")) return;
      doc.getElementById("merchant-style").textContent = cssFromStyleOption(this._options.style);
      Object.keys(FIELDS).forEach((field) => {
        this._input(field).disabled = Boolean(this._options.disabled);
      });
    }

    _onInput(field, rawValue) {
      const values = cardValues.get(this);
      values[field] = digitsOf(rawValue, FIELDS[field].maxDigits);
      this._render();
      this._emit("change", describeCard(values));
    }

    _onFieldBlur(field) {
      const values = cardValues.get(this);
      const before = JSON.stringify(describeCard(values));
      values.visited[field] = true;
      this._render();
      const after = describeCard(values);
      if (JSON.stringify(after) !== before) this._emit("change", after);
    }

    // Writes the formatted values back into the inputs and marks the invalid ones.
    _render() {
      if (!this._input("number")) return;
      const values = cardValues.get(this);
      const errors = fieldErrors(values, false);
      const shown = {
        number: formatCardNumber(values.number, cardBrand(values.number)),
        expiry: formatExpiry(values.expiry),
        cvc: values.cvc,
      };
      Object.keys(FIELDS).forEach((field) => {
        const input = this._input(field);
        if (input.value !== shown[field]) input.value = shown[field];
        input.setAttribute("aria-invalid", errors[field] ? "true" : "false");
      });
    }
  }

  /** The card details for a payment method, or the validation error Stripe.js would return. */
  function readCardForPayment(element) {
    const values = cardValues.get(element);
    if (!values) return { error: IntegrationError("payment_method.card must be a card Element created by elements.create('card').") };
    const errors = fieldErrors(values, true);
    const error = errors.number || errors.expiry || errors.cvc;
    if (error) return { error: error };
    return {
      card: {
        number: values.number,
        exp_month: Number(values.expiry.slice(0, 2)),
        exp_year: 2000 + Number(values.expiry.slice(2)),
        cvc: values.cvc,
      },
    };
  }

  // ---------------------------------------------------------------------------
  // Elements
  // ---------------------------------------------------------------------------

  class Elements {
    constructor(options) {
      this._options = Object.assign({}, options);
      this._byType = {};
    }

    create(type, options) {
      if (type !== "card") {
        throw IntegrationError('The Stripe.js stand-in supports only the "card" element, not "' + type + '".');
      }
      if (this._byType[type]) throw IntegrationError("Can only create one Element of type " + type + ".");
      this._byType[type] = new CardElement(this, options);
      return this._byType[type];
    }

    // react-stripe-js passes its component (which carries __elementType) instead of a string.
    getElement(typeOrComponent) {
      const type = typeof typeOrComponent === "string" ? typeOrComponent : typeOrComponent && typeOrComponent.__elementType;
      return this._byType[type] || null;
    }

    update(options) {
      Object.assign(this._options, options);
    }

    _forget(element) {
      Object.keys(this._byType).forEach((type) => {
        if (this._byType[type] === element) delete this._byType[type];
      });
    }
  }

  // ---------------------------------------------------------------------------
  // 3-D Secure: a dialog in the page standing in for the bank's challenge.
  // ---------------------------------------------------------------------------

  /** Resolves "complete" or "fail" with the shopper's choice; Escape counts as failing, as closing Stripe's modal does. */
  function askForThreeDSecure() {
    return new Promise(function (resolve) {
      const previouslyFocused = document.activeElement;
      const overlay = document.createElement("div");
      overlay.setAttribute("data-stripe-standin", "three-d-secure");
      overlay.style.cssText =
        "position:fixed;inset:0;z-index:2147483647;display:flex;align-items:center;justify-content:center;background:rgba(0,0,0,0.5);font:16px/1.5 system-ui,sans-serif;";
      overlay.innerHTML =
        '<div role="dialog" aria-modal="true" aria-label="3D Secure authentication" style="background:#fff;color:#1a1a1a;border-radius:8px;padding:24px;max-width:380px;width:calc(100% - 32px);box-shadow:0 8px 32px rgba(0,0,0,0.3)">' +
        '<h2 style="margin:0 0 8px;font-size:20px">Authenticate your payment</h2>' +
        '<p style="margin:0 0 20px">Test mode: choose how the bank\'s 3-D Secure check ends.</p>' +
        '<div style="display:flex;gap:12px;flex-wrap:wrap">' +
        '<button type="button" data-choice="complete" style="padding:10px 16px;border-radius:6px;border:0;background:#0a7d2c;color:#fff;font:inherit;cursor:pointer">Complete authentication</button>' +
        '<button type="button" data-choice="fail" style="padding:10px 16px;border-radius:6px;border:1px solid #b00020;background:#fff;color:#b00020;font:inherit;cursor:pointer">Fail authentication</button>' +
        "</div></div>";
      const buttons = Array.prototype.slice.call(overlay.querySelectorAll("button"));

      function finish(choice) {
        document.removeEventListener("keydown", onKeyDown, true);
        overlay.remove();
        if (previouslyFocused && previouslyFocused.focus) previouslyFocused.focus();
        resolve(choice);
      }

      // Keeps keyboard focus inside the dialog while it is open.
      function onKeyDown(event) {
        if (event.key === "Escape") {
          event.preventDefault();
          finish("fail");
        } else if (event.key === "Tab") {
          event.preventDefault();
          const next = (buttons.indexOf(document.activeElement) + (event.shiftKey ? -1 : 1) + buttons.length) % buttons.length;
          buttons[next].focus();
        }
      }

      buttons.forEach(function (button) {
        button.addEventListener("click", function () { finish(button.getAttribute("data-choice")); });
      });
      document.addEventListener("keydown", onKeyDown, true);
      document.body.appendChild(overlay);
      buttons[0].focus();
    });
  }

  // ---------------------------------------------------------------------------
  // The Stripe object
  // ---------------------------------------------------------------------------

  class StripeStandIn {
    constructor(publishableKey, options) {
      if (typeof publishableKey !== "string" || !publishableKey) {
        throw IntegrationError("Please call Stripe() with your publishable key. You used an empty string.");
      }
      if (/^sk_/.test(publishableKey)) {
        throw IntegrationError("You should not use your secret key with Stripe.js. Please pass a publishable key instead.");
      }
      this._key = publishableKey;
      this._options = Object.assign({}, options);
    }

    elements(options) {
      return new Elements(options);
    }

    registerAppInfo() {}

    _registerWrapper() {}

    async createToken() {
      return {
        error: {
          type: "invalid_request_error",
          message: "createToken is not supported by the Stripe.js stand-in; use createPaymentMethod or confirmCardPayment.",
        },
      };
    }

    /** createPaymentMethod({ type: "card", card: element, billing_details }) or the older ("card", element, data). */
    async createPaymentMethod(typeOrData, element, extraData) {
      const data = typeof typeOrData === "string" ? Object.assign({ type: typeOrData, card: element }, extraData) : typeOrData || {};
      const created = await this._createCardPaymentMethod(data);
      return created.error ? { error: created.error } : { paymentMethod: created.body };
    }

    async _createCardPaymentMethod(data) {
      if (data.type && data.type !== "card") {
        throw IntegrationError('The Stripe.js stand-in creates only payment methods of type "card".');
      }
      const read = readCardForPayment(data.card);
      if (read.error) return { error: read.error };
      return callEmulator(this._key, "POST", "/v1/payment_methods", {
        type: "card",
        card: read.card,
        billing_details: data.billing_details,
        metadata: data.metadata,
      });
    }

    /**
     * confirmCardPayment(clientSecret, { payment_method: { card, billing_details } | "pm_…" }, { handleActions })
     * Card errors resolve { error }; only integration mistakes reject, as in Stripe.js.
     */
    async confirmCardPayment(clientSecret, data, options) {
      const intentId = intentIdFromClientSecret(clientSecret);
      data = data || {};
      const paymentMethodId = await this._paymentMethodIdFor(data.payment_method);
      if (paymentMethodId && paymentMethodId.error) return { error: paymentMethodId.error };

      const confirmed = await callEmulator(this._key, "POST", "/v1/payment_intents/" + intentId + "/confirm", {
        client_secret: clientSecret,
        payment_method: paymentMethodId || undefined,
        return_url: data.return_url,
        receipt_email: data.receipt_email,
        setup_future_usage: data.setup_future_usage,
        shipping: data.shipping,
      });
      if (confirmed.error) return { error: confirmed.error };
      const intent = confirmed.body;
      if (intent.status === "requires_action" && !(options && options.handleActions === false)) {
        return this._authenticate(intent, clientSecret);
      }
      return { paymentIntent: intent };
    }

    // Resolves the id to confirm with, nothing (the intent's own), or { error }.
    async _paymentMethodIdFor(paymentMethod) {
      if (!paymentMethod) return null;
      if (typeof paymentMethod === "string") return paymentMethod;
      const created = await this._createCardPaymentMethod(Object.assign({ type: "card" }, paymentMethod));
      return created.error ? { error: created.error } : created.body.id;
    }

    async handleCardAction(clientSecret) {
      const retrieved = await this.retrievePaymentIntent(clientSecret);
      if (retrieved.error || retrieved.paymentIntent.status !== "requires_action") return retrieved;
      return this._authenticate(retrieved.paymentIntent, clientSecret);
    }

    async handleNextAction(options) {
      return this.handleCardAction(options && options.clientSecret);
    }

    async retrievePaymentIntent(clientSecret) {
      const intentId = intentIdFromClientSecret(clientSecret);
      const retrieved = await callEmulator(this._key, "GET", "/v1/payment_intents/" + intentId, { client_secret: clientSecret });
      return retrieved.error ? { error: retrieved.error } : { paymentIntent: retrieved.body };
    }

    async _authenticate(intent, clientSecret) {
      const choice = await askForThreeDSecure();
      const result = await callEmulator(this._key, "POST", "/v1/payment_intents/" + intent.id + "/_authenticate", {
        result: choice,
        client_secret: clientSecret,
      });
      if (result.error) return { error: result.error };
      const finalIntent = result.body;
      if (choice === "fail") {
        return {
          error: {
            type: "invalid_request_error",
            code: "payment_intent_authentication_failure",
            message: AUTHENTICATION_FAILURE_MESSAGE,
            payment_intent: finalIntent,
          },
        };
      }
      return { paymentIntent: finalIntent };
    }
  }

  // Stripe.js's loader calls window.Stripe(...) without `new`; both forms work.
  function Stripe(publishableKey, options) {
    return new StripeStandIn(publishableKey, options);
  }
  Stripe.version = "endive";
  Stripe.isStandIn = true;

  window.Stripe = Stripe;
})();
