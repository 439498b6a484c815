// Keeps a motion's page current: when the server says the motion or one of its amendments
// changed (a new amendment, a status), the page is fetched again and its content swapped in,
// without a reload. Not while someone is typing in it: then it waits until they leave the field.
(function () {
  "use strict";
  var main = document.getElementById("main");
  var source = main && main.getAttribute("data-events");
  if (!source || !window.EventSource || !window.fetch) return;
  var busy = false, pending = false;

  function typing() {
    var field = document.activeElement;
    return field && main.contains(field) && /^(INPUT|TEXTAREA|SELECT)$/.test(field.tagName);
  }

  function refresh() {
    if (busy) { pending = true; return; }
    if (typing()) { pending = true; return; }
    busy = true; pending = false;
    fetch(location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.getElementById("main");
        if (!fresh) return;
        main.replaceChildren.apply(main, Array.prototype.slice.call(fresh.childNodes));
        document.title = page.title;
        main.setAttribute("data-refreshed", String(Number(main.getAttribute("data-refreshed") || 0) + 1));
      })
      .catch(function () {})
      .then(function () { busy = false; if (pending) refresh(); });
  }

  document.addEventListener("focusout", function () { if (pending) setTimeout(refresh, 0); });
  new EventSource(source).addEventListener("changed", refresh);
})();
