// Orbit CRM: Settings → Fields. Drag a field by its handle to another place in its section; the new order of
// every field is saved, then the page reloads with it. The ↑/↓ buttons do the same from the keyboard.
(function () {
  "use strict";

  function headers() {
    var result = { "Content-Type": "application/x-www-form-urlencoded" };
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) { result[header.content] = token.content; }
    return result;
  }

  function save(table) {
    var params = new URLSearchParams();
    table.querySelectorAll("tr[data-field-id]").forEach(function (row) {
      params.append("id", row.getAttribute("data-field-id"));
    });
    fetch(table.getAttribute("data-order-url"), {
      method: "POST", headers: headers(), body: params.toString(), credentials: "same-origin"
    }).then(function () { window.location.reload(); }, function () { window.location.reload(); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var table = document.querySelector("[data-testid=fields][data-order-url]");
    if (!table || !window.Sortable) { return; }
    table.classList.add("can-drag");
    table.querySelectorAll("tbody").forEach(function (section) {
      Sortable.create(section, {
        draggable: "tr[data-field-id]",
        handle: ".drag-handle",
        animation: 150,
        forceFallback: true, // pointer events: the same in every browser, and scriptable in tests
        fallbackTolerance: 3,
        ghostClass: "is-ghost",
        onEnd: function (evt) {
          if (evt.oldIndex !== evt.newIndex) { save(table); }
        }
      });
    });
  });
})();
