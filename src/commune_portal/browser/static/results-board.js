// The results board: asks the server every second whether anything
// changed (ETag; 304 while not) and swaps the board in when it did.
(function () {
  "use strict";
  var board = document.getElementById("board");
  if (!board || !window.fetch) { return; }
  var url = board.getAttribute("data-fragment-url");
  var etag = null;
  function poll() {
    var headers = {};
    if (etag) { headers["If-None-Match"] = etag; }
    fetch(url, { headers: headers, cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        if (response.status === 200) {
          etag = response.headers.get("ETag");
          return response.text().then(function (html) { board.innerHTML = html; });
        }
      })
      .catch(function () { /* the next poll tries again */ })
      .then(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
