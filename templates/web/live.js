// Keeps a motion's page current: when the server says the motion or one of its amendments
// changed (a new amendment, a status), the page is fetched again and its content swapped in,
// without a reload. Never over what someone is doing: while they type in a field the swap waits
// until they leave it, and once they have chosen or entered anything in a form on the page
// nothing is swapped (that would silently undo their choice); they are told the page is out of
// date instead, with a link to reload it.
(function () {
  "use strict";
  var main = document.getElementById("main");
  var source = main && main.getAttribute("data-events");
  if (!source || !window.EventSource || !window.fetch) return;
  var busy = false, pending = false, edited = false;

  function typing() {
    var field = document.activeElement;
    return field && main.contains(field) && /^(INPUT|TEXTAREA|SELECT)$/.test(field.tagName);
  }

  function markEdited() { edited = true; }

  function tellOutOfDate() {
    if (document.getElementById("live-out-of-date")) return;
    var note = document.createElement("p");
    note.id = "live-out-of-date";
    note.className = "notice";
    note.setAttribute("role", "status");
    note.appendChild(document.createTextNode("This motion has changed since the page was loaded. "));
    var link = document.createElement("a");
    link.href = location.href;
    link.textContent = "Reload to see it";
    note.appendChild(link);
    note.appendChild(document.createTextNode(" (what you have chosen or typed here is not kept)."));
    main.insertBefore(note, main.firstChild);
  }

  function refresh() {
    if (edited) { tellOutOfDate(); return; }
    if (busy || typing()) { pending = true; return; }
    busy = true; pending = false;
    fetch(location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html || edited) { if (edited) tellOutOfDate(); return; }
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

  main.addEventListener("input", markEdited);
  main.addEventListener("change", markEdited);
  document.addEventListener("focusout", function () { if (pending) setTimeout(refresh, 0); });
  new EventSource(source).addEventListener("changed", refresh);
})();
