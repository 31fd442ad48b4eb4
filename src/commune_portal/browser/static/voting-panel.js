// The delegates' voting panel (docs/voting.md).
//
// Named votes are plain form posts and need none of this. This script
// (1) keeps the panel up to date: it asks for the votes fragment every
// three seconds with the last ETag (304 while nothing changed for this
// delegate) and swaps it in; (2) casts secret ballots: as soon as a
// secret vote is open it takes the delegate's one blind signature
// (logged in), and when the delegate votes it sends the ballot with the
// token and the signature in a separate request WITHOUT cookies or
// credentials, after a small random delay, so that the server cannot
// tell whose ballot it is. SHA-256 and the RSA arithmetic are written
// out here (BigInt) so that it works on plain HTTP too, where the
// browser's crypto.subtle is missing; the server's half is
// commune_portal/voting/blind.py (same full-domain hash).
(function (root) {
  "use strict";

  var K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  ];

  function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }

  // SHA-256 of a Uint8Array (messages shorter than 512 MB).
  function sha256(bytes) {
    var H = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
             0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var length = bytes.length;
    var padded = new Uint8Array(((length + 9 + 63) >> 6) << 6);
    padded.set(bytes);
    padded[length] = 0x80;
    var bits = length * 8, end = padded.length;
    padded[end - 4] = (bits >>> 24) & 255;
    padded[end - 3] = (bits >>> 16) & 255;
    padded[end - 2] = (bits >>> 8) & 255;
    padded[end - 1] = bits & 255;
    var W = new Array(64), t;
    for (var i = 0; i < end; i += 64) {
      for (t = 0; t < 16; t++) {
        W[t] = (padded[i + 4 * t] << 24) | (padded[i + 4 * t + 1] << 16) |
               (padded[i + 4 * t + 2] << 8) | padded[i + 4 * t + 3];
      }
      for (t = 16; t < 64; t++) {
        var s0 = rotr(W[t - 15], 7) ^ rotr(W[t - 15], 18) ^ (W[t - 15] >>> 3);
        var s1 = rotr(W[t - 2], 17) ^ rotr(W[t - 2], 19) ^ (W[t - 2] >>> 10);
        W[t] = (W[t - 16] + s0 + W[t - 7] + s1) | 0;
      }
      var a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
      for (t = 0; t < 64; t++) {
        var t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + W[t]) | 0;
        var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      H[0] = (H[0] + a) | 0; H[1] = (H[1] + b) | 0; H[2] = (H[2] + c) | 0; H[3] = (H[3] + d) | 0;
      H[4] = (H[4] + e) | 0; H[5] = (H[5] + f) | 0; H[6] = (H[6] + g) | 0; H[7] = (H[7] + h) | 0;
    }
    var out = new Uint8Array(32);
    for (i = 0; i < 8; i++) {
      out[4 * i] = (H[i] >>> 24) & 255; out[4 * i + 1] = (H[i] >>> 16) & 255;
      out[4 * i + 2] = (H[i] >>> 8) & 255; out[4 * i + 3] = H[i] & 255;
    }
    return out;
  }

  function hexToBytes(hex) {
    var out = new Uint8Array(hex.length / 2);
    for (var i = 0; i < out.length; i++) { out[i] = parseInt(hex.substr(2 * i, 2), 16); }
    return out;
  }

  function bytesToHex(bytes) {
    var hex = "";
    for (var i = 0; i < bytes.length; i++) { hex += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16); }
    return hex;
  }

  function bytesToBig(bytes) { return bytes.length ? BigInt("0x" + bytesToHex(bytes)) : 0n; }

  function byteLength(n) { return Math.ceil(n.toString(2).length / 8); }

  function modpow(base, exponent, modulus) {
    var result = 1n;
    base %= modulus;
    while (exponent > 0n) {
      if (exponent & 1n) { result = result * base % modulus; }
      base = base * base % modulus;
      exponent >>= 1n;
    }
    return result;
  }

  function modinv(a, m) {
    var oldR = a % m, r = m, oldS = 1n, s = 0n, q, tmp;
    while (r !== 0n) {
      q = oldR / r;
      tmp = r; r = oldR - q * r; oldR = tmp;
      tmp = s; s = oldS - q * s; oldS = tmp;
    }
    if (oldR !== 1n) { throw new Error("not invertible"); }
    return ((oldS % m) + m) % m;
  }

  function gcd(a, b) { while (b) { var t = a % b; a = b; b = t; } return a; }

  // The token hashed onto [0, n): as full_domain_hash in voting/blind.py.
  function fullDomainHash(token, n) {
    var size = byteLength(n) + 16, blocks = Math.ceil(size / 32);
    var digest = new Uint8Array(blocks * 32);
    for (var i = 0; i < blocks; i++) {
      var input = new Uint8Array(token.length + 1);
      input[0] = i;
      input.set(token, 1);
      digest.set(sha256(input), 32 * i);
    }
    return bytesToBig(digest.subarray(0, size)) % n;
  }

  function randomBytes(count) {
    var bytes = new Uint8Array(count);
    root.crypto.getRandomValues(bytes);
    return bytes;
  }

  function randomBelow(n) {
    var r;
    do { r = bytesToBig(randomBytes(byteLength(n) + 8)) % n; } while (r < 2n || gcd(r, n) !== 1n);
    return r;
  }

  var api = {
    sha256: sha256, fullDomainHash: fullDomainHash, modpow: modpow, modinv: modinv,
    hexToBytes: hexToBytes, bytesToHex: bytesToHex
  };
  if (typeof module !== "undefined" && module.exports) {
    module.exports = api;  // tests/voting/test_blind.py runs this under node
    return;
  }

  var main = document.getElementById("votes");
  if (!main || !root.fetch || typeof BigInt === "undefined") { return; }
  var memory = {};
  var dirty = false;

  function label(name) { return main.getAttribute("data-" + name) || ""; }

  function store(key, value) {
    try { root.localStorage.setItem(key, value); } catch (e) { memory[key] = value; }
  }

  function load(key) {
    try { return root.localStorage.getItem(key) || memory[key] || null; } catch (e) { return memory[key] || null; }
  }

  function postJSON(url, body, credentials) {
    return fetch(url, {
      method: "POST",
      credentials: credentials,
      cache: "no-store",
      headers: { "Accept": "application/json", "Content-Type": "application/json" },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { throw new Error((data.error && data.error.message) || response.status); }
        return data;
      });
    });
  }

  // The delegate's ballot (token and unblinded signature) for a form's
  // vote: taken once, kept in this browser until the vote closes.
  function ballotFor(form) {
    var key = "commune-ballot:" + form.getAttribute("data-uid") + ":" + form.getAttribute("data-opened");
    var stored = load(key);
    if (stored) { return Promise.resolve(JSON.parse(stored)); }
    if (form.getAttribute("data-ballot-taken")) { return Promise.reject(new Error(label("taken-elsewhere"))); }
    if (form._taking) { return form._taking; }
    var n = BigInt("0x" + form.getAttribute("data-n"));
    var e = BigInt("0x" + form.getAttribute("data-e"));
    var token = randomBytes(32);
    var hash = fullDomainHash(token, n);
    var r = randomBelow(n);
    var blinded = hash * modpow(r, e, n) % n;
    form._taking = postJSON(form.getAttribute("data-url") + "/@votes/token",
                            { blinded: blinded.toString(16) }, "same-origin")
      .then(function (data) {
        var signature = BigInt("0x" + data.signature) * modinv(r, n) % n;
        if (modpow(signature, e, n) !== hash) { throw new Error(label("no-ballot")); }
        var ballot = { token: bytesToHex(token), signature: signature.toString(16) };
        store(key, JSON.stringify(ballot));
        return ballot;
      });
    return form._taking;
  }

  function valueOf(form, submitter) {
    var kind = form.getAttribute("data-kind");
    if (kind === "resolution") { return submitter ? submitter.value : null; }
    if (kind === "election") {
      return Array.prototype.map.call(form.querySelectorAll("input[type=checkbox]:checked"),
                                      function (input) { return input.value; });
    }
    var ratings = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[type=radio]:checked"), function (input) {
      ratings[input.name.replace(/^rating-/, "")] = input.value;
    });
    return ratings;
  }

  function status(form, text) {
    var node = form.parentNode.querySelector(".secret-status");
    if (node) { node.textContent = text; }
  }

  function setBusy(form, busy) {
    Array.prototype.forEach.call(form.querySelectorAll("button"), function (b) { b.disabled = busy; });
  }

  function castSecret(form, submitter) {
    var value = valueOf(form, submitter);
    setBusy(form, true);
    status(form, label("sending"));
    // A random delay, so that the moment the ballot arrives says little
    // about who pressed a button.
    var delay = 1000 + Math.floor(Math.random() * 4000);
    return ballotFor(form)
      .then(function (ballot) {
        return new Promise(function (resolve) { setTimeout(resolve, delay); }).then(function () {
          return postJSON(form.getAttribute("data-url") + "/@votes",
                          { vote: value, token: ballot.token, signature: ballot.signature }, "omit");
        });
      })
      .then(function () {
        dirty = false;
        status(form, label("sent"));
        Array.prototype.forEach.call(form.querySelectorAll("button.choice"), function (b) {
          b.classList.toggle("chosen", b === submitter);
          b.setAttribute("aria-pressed", b === submitter ? "true" : "false");
        });
      })
      .catch(function (error) { status(form, (error && error.message) || label("failed")); })
      .then(function () { setBusy(form, false); });
  }

  function prepare() {
    Array.prototype.forEach.call(main.querySelectorAll("form[data-secret='1']"), function (form) {
      // Take the ballot now, long before the delegate votes: the time it
      // is taken says nothing about the time the ballot is cast.
      ballotFor(form).catch(function (error) { status(form, error.message); });
      var submitter = null;
      form.addEventListener("click", function (event) {
        if (event.target.tagName === "BUTTON") { submitter = event.target; }
      });
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        castSecret(form, event.submitter || submitter);
      });
    });
  }

  var etag = null;
  function poll() {
    var headers = {};
    if (etag) { headers["If-None-Match"] = etag; }
    fetch(main.getAttribute("data-fragment-url"), { headers: headers, cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        if (response.status !== 200) { return; }
        var next = response.headers.get("ETag");
        return response.text().then(function (html) {
          // The first answer is what the page already shows; later ones
          // wait while the delegate is filling in a ballot.
          if (etag !== null && !dirty) { main.innerHTML = html; prepare(); }
          if (!dirty) { etag = next; }
        });
      })
      .catch(function () { /* the next poll tries again */ })
      .then(function () { setTimeout(poll, 3000); });
  }

  main.addEventListener("change", function () { dirty = true; });
  prepare();
  poll();
})(typeof window !== "undefined" ? window : globalThis);
