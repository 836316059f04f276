// Orbit CRM: Settings → Pipelines → a pipeline. Drag a stage by its handle to another place; the rows' inputs are
// renumbered (stages[i].…) in their new order, and "Save pipeline" saves it with the rest of the form — the same
// as the ↑/↓ buttons, which stay for the keyboard and without script.
(function () {
  "use strict";

  var INDEX = /^stages\[\d+\]/;

  function renumber(body) {
    body.querySelectorAll("tr[data-stage]").forEach(function (row, i) {
      row.querySelectorAll("[name]").forEach(function (input) {
        if (input.name === "action") {
          input.value = input.value.replace(/\d+$/, String(i)); // the row's ↑/↓ now move it from here
        } else {
          input.name = input.name.replace(INDEX, "stages[" + i + "]");
        }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var table = document.querySelector("table[data-stage-order]");
    if (!table || !window.Sortable) { return; }
    var body = table.querySelector("tbody");
    table.classList.add("can-drag");
    Sortable.create(body, {
      draggable: "tr[data-stage]",
      handle: ".drag-handle",
      animation: 150,
      forceFallback: true, // pointer events: the same in every browser, and scriptable in tests
      fallbackTolerance: 3,
      ghostClass: "is-ghost",
      onEnd: function (evt) {
        if (evt.oldIndex === evt.newIndex) { return; }
        renumber(body);
        var status = document.getElementById("stage-order-status");
        if (status) { status.textContent = "Order changed: save the pipeline to keep it."; }
      }
    });
  });
}());
