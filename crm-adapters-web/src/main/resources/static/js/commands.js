// Orbit CRM: the command bar (Ctrl/⌘+K or the shell's "Search or run…" button). A combobox in a modal dialog:
// typing asks GET /command for options (htmx, see fragments/command.html); ↑/↓ move the active option
// (aria-activedescendant), Enter opens it (a record's page, a page, or a form in the modal), Escape closes the bar
// and gives focus back to where it was. No inline scripts (the CSP forbids them).
(function () {
  "use strict";

  var returnTo = null;
  var enterPending = false;
  var waiting = false; // typed since the last answer

  function bar() { return document.getElementById("command-bar"); }
  function input() { return document.getElementById("command-input"); }
  function options() { return Array.prototype.slice.call(document.querySelectorAll("#command-results [role=option]")); }
  function isOpen() { var b = bar(); return b && !b.hidden; }

  function open() {
    var b = bar();
    if (!b || !b.hidden) { if (b) { input().focus(); } return; }
    returnTo = document.activeElement;
    b.hidden = false;
    var i = input();
    i.value = "";
    i.focus();
    if (window.htmx) { htmx.trigger(i, "command:open"); }
  }

  function close(restoreFocus) {
    var b = bar();
    if (!b || b.hidden) { return; }
    b.hidden = true;
    enterPending = false;
    waiting = false;
    input().setAttribute("aria-expanded", "false");
    input().removeAttribute("aria-activedescendant");
    document.getElementById("command-results").innerHTML = "";
    if (restoreFocus !== false && returnTo && document.contains(returnTo)) { returnTo.focus(); }
  }

  function active() {
    var id = input().getAttribute("aria-activedescendant");
    return id ? document.getElementById(id) : null;
  }

  function activate(option) {
    options().forEach(function (o) { o.setAttribute("aria-selected", o === option ? "true" : "false"); });
    if (option) {
      input().setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    } else {
      input().removeAttribute("aria-activedescendant");
    }
  }

  function move(step) {
    var all = options();
    if (!all.length) { return; }
    var at = all.indexOf(active());
    var next = at < 0 ? (step > 0 ? 0 : all.length - 1) : (at + step + all.length) % all.length;
    activate(all[next]);
  }

  function go(option) {
    if (!option) { return; }
    var href = option.getAttribute("data-href");
    close(false);
    if (option.hasAttribute("data-modal") && window.htmx) {
      htmx.ajax("GET", href, { target: "#modal", swap: "innerHTML" });
    } else {
      window.location.assign(href);
    }
  }

  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === "k" || event.key === "K")) {
      event.preventDefault();
      if (isOpen()) { close(); } else { open(); }
      return;
    }
    if (!isOpen() || event.target !== input()) { return; }
    if (event.key === "ArrowDown") { event.preventDefault(); move(1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
    else if (event.key === "Home" && event.ctrlKey) { event.preventDefault(); activate(options()[0]); }
    else if (event.key === "Enter") {
      event.preventDefault();
      // Typed and pressed Enter before the answer came: open the first option once it does.
      if (waiting) {
        enterPending = true;
        setTimeout(function () { if (enterPending) { enterPending = false; go(active() || options()[0]); } }, 1500);
      } else { go(active() || options()[0]); }
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === "Tab") {
      // Focus stays in the dialog: the input is its only control.
      event.preventDefault();
    }
  }, true);

  document.addEventListener("input", function (event) {
    if (event.target === input()) { waiting = true; }
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-command-open]")) { open(); return; }
    if (event.target.closest("[data-command-close]")) { close(); return; }
    var option = event.target.closest("#command-results [role=option]");
    if (option) { go(option); }
  });

  document.addEventListener("mousemove", function (event) {
    var option = event.target.closest && event.target.closest("#command-results [role=option]");
    if (option && option !== active()) { activate(option); }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    if (!event.detail.target || event.detail.target.id !== "command-results") { return; }
    waiting = false;
    var all = options();
    input().setAttribute("aria-expanded", all.length ? "true" : "false");
    activate(all[0] || null);
    if (enterPending) {
      enterPending = false;
      go(all[0]);
    }
  });

  // Selects that submit their form on change are in orbit.js ([data-autosubmit]).
})();
