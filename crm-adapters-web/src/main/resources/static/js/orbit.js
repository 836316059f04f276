// Orbit CRM: the little JavaScript the pages need. No inline scripts (the CSP forbids them).
(function () {
  "use strict";

  // A rejected form (422) or a conflict (409) comes back with its errors to show in place.
  document.addEventListener("DOMContentLoaded", function () {
    if (window.htmx) {
      htmx.config.responseHandling = [
        { code: "204", swap: false },
        { code: "[23]..", swap: true },
        { code: "422", swap: true },
        { code: "409", swap: true },
        { code: "[45]..", swap: false, error: true }
      ];
    }
  });

  // Modals: [data-close-modal] or a click on the backdrop closes them. A modal lives in a .modal-host:
  // #modal, or #modal-2 over it (a meeting opened from the deal modal); each closes on its own.
  function hostOf(el) {
    return (el && el.closest(".modal-host")) || document.getElementById("modal");
  }
  function topHost() {
    var second = document.getElementById("modal-2");
    return second && second.children.length ? second : document.getElementById("modal");
  }
  // What opened each modal, so that focus goes back there when it closes (however it closes).
  var openers = {};
  document.addEventListener("htmx:beforeRequest", function (event) {
    var target = event.detail.target;
    if (target && target.classList && target.classList.contains("modal-host") && !target.children.length) {
      var elt = event.detail.elt;
      var around = elt.closest("[id]");
      // The element, and how to find its successor if the page redraws it meanwhile (a board card).
      openers[target.id] = { el: elt, around: around ? around.id : null, get: elt.getAttribute("hx-get") };
    }
  });
  function focusBack(host) {
    var opener = openers[host.id];
    delete openers[host.id];
    if (!opener) { return; }
    var el = opener.el;
    if (!el.isConnected && opener.around && document.getElementById(opener.around)) {
      var around = document.getElementById(opener.around);
      el = (opener.get && (around.getAttribute("hx-get") === opener.get ? around
          : around.querySelector('[hx-get="' + CSS.escape(opener.get) + '"]')))
          || around.querySelector("a[href], button:not([disabled])") || around;
    }
    if (el && el.isConnected) { el.focus(); }
  }
  function closeModal(host) {
    if (!host || !host.children.length) { return; }
    host.innerHTML = "";
    host.dispatchEvent(new CustomEvent("orbit:modal-closed", { bubbles: true }));
    focusBack(host);
  }
  document.addEventListener("click", function (event) {
    var backdrop = event.target.closest("[data-modal]");
    if (event.target.closest("[data-close-modal]") || (backdrop && event.target === backdrop)) {
      closeModal(hostOf(event.target));
    }
  });

  // A rejected form (422) puts focus on its first invalid field, wherever it was swapped.
  function firstInvalid(root) {
    return root.querySelector("[aria-invalid=true], .has-error-input, .has-error input:not([type=hidden]), "
        + ".has-error select, .has-error textarea");
  }
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (!target) { return; }
    var xhr = event.detail.xhr;
    var invalid = xhr && xhr.status === 422 ? firstInvalid(target.isConnected ? target : document) : null;
    if (target.classList.contains("modal-host")) {
      if (!target.children.length) {
        focusBack(target);
        return;
      }
      // A form modal starts in its first field; a record's modal (the deal) on its close button, so that
      // typing does not land in a note by accident.
      var first = invalid || target.querySelector("[autofocus]")
          || (target.querySelector(".deal-modal, .meeting-modal") ? target.querySelector(".modal-close")
              : target.querySelector("input:not([type=hidden]), select, textarea"));
      if (first) { first.focus(); }
    } else if (invalid) {
      invalid.focus();
    }
  });
  // An inline edit that was saved or cancelled gives focus back to its ✎ button.
  document.addEventListener("htmx:afterSettle", function (event) {
    var el = event.detail.elt;
    if (el && el.matches && el.matches(".fact") && !el.querySelector("form")
        && document.activeElement === document.body) {
      var edit = el.querySelector(".inline-edit");
      if (edit) { edit.focus(); }
    }
  });

  // Toasts: a server answer with HX-Trigger {"orbit:toast": "message"}.
  document.addEventListener("orbit:toast", function (event) {
    var host = document.getElementById("toasts");
    if (!host) { return; }
    var toast = document.createElement("div");
    toast.className = "toast";
    toast.setAttribute("role", "status");
    toast.textContent = event.detail.value || event.detail;
    // Three at most: older ones give way instead of piling up.
    while (host.children.length >= 3) { host.firstElementChild.remove(); }
    host.appendChild(toast);
    setTimeout(function () { toast.classList.add("toast-out"); }, 3500);
    setTimeout(function () { toast.remove(); }, 4200);
  });

  // A failed HTMX request says so instead of failing silently.
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    document.dispatchEvent(new CustomEvent("orbit:toast", {
      detail: status === 403 ? "You don't have permission to do that." : "Something went wrong (" + status + "). Please try again."
    }));
  });

  // Every HTMX request carries the CSRF token, like every form does.
  document.addEventListener("htmx:configRequest", function (event) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // Menus (<details class="menu">) close when you click elsewhere or press Escape.
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details.menu[open]").forEach(function (menu) {
      if (!menu.contains(event.target)) {
        menu.removeAttribute("open");
      }
    });
  });
  // Escape closes the innermost thing only: a field edited in place (cancelled, the rest of the modal
  // stays), else the navigation menu, else an open menu, else the top modal.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.defaultPrevented) { return; }
    var inline = event.target.closest && event.target.closest("[data-inline-edit]");
    if (inline) {
      var cancel = inline.querySelector("[data-inline-cancel]");
      if (cancel) { event.preventDefault(); cancel.click(); }
      return;
    }
    if (document.querySelector(".topbar.nav-open")) {
      closeNav(true);
      return;
    }
    var menus = document.querySelectorAll("details.menu[open]");
    if (menus.length) {
      menus.forEach(function (menu) {
        var within = menu.contains(document.activeElement);
        menu.removeAttribute("open");
        if (within) { menu.querySelector("summary").focus(); }
      });
      return;
    }
    closeModal(topHost());
  });

  // The navigation on a narrow screen: a button that opens and closes it (aria-expanded tells which).
  function closeNav(focusToggle) {
    var bar = document.querySelector(".topbar.nav-open");
    if (!bar) { return; }
    bar.classList.remove("nav-open");
    var toggle = bar.querySelector(".nav-toggle");
    toggle.setAttribute("aria-expanded", "false");
    if (focusToggle) { toggle.focus(); }
  }
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest(".nav-toggle");
    if (toggle) {
      var bar = toggle.closest(".topbar");
      var open = !bar.classList.contains("nav-open");
      bar.classList.toggle("nav-open", open);
      toggle.setAttribute("aria-expanded", String(open));
      if (open) {
        var current = bar.querySelector(".nav a[aria-current=page]") || bar.querySelector(".nav a");
        if (current) { current.focus(); }
      }
    } else if (!event.target.closest(".nav")) {
      closeNav(false);
    }
  });

  // Copy buttons: <button data-copy="#selector">.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) { return; }
    var source = document.querySelector(button.getAttribute("data-copy"));
    if (!source) { return; }
    var text = source.value || source.textContent;
    if (navigator.clipboard) {
      navigator.clipboard.writeText(text.trim()).then(function () {
        var before = button.textContent;
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = before; }, 1500);
      });
    }
  });

  // Destructive buttons ask first: <button data-confirm="Remove Ada?">.
  document.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    var message = (submitter && submitter.getAttribute("data-confirm")) || event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  }, true);

  // Selects that submit their form on change (role pickers): <select data-autosubmit>.
  document.addEventListener("change", function (event) {
    if (event.target.matches("select[data-autosubmit]")) {
      event.target.form.requestSubmit();
    }
  });

  // Lists filtered live: the address bar keeps only the filters that are set ("?search=acme", not
  // "?search=acme&status=&ownerId=&state="), and "Clear filters" shows whenever one is set.
  document.addEventListener("htmx:beforeHistoryUpdate", function (event) {
    var history = event.detail.history;
    if (!history || !history.path) { return; }
    var url = new URL(history.path, window.location.origin);
    var kept = new URLSearchParams();
    url.searchParams.forEach(function (value, key) {
      if (value.trim() !== "" && key !== "_csrf") { kept.append(key, value); }
    });
    var query = kept.toString();
    history.path = url.pathname + (query ? "?" + query : "") + url.hash;
  });
  function syncClearLinks() {
    document.querySelectorAll("[data-clear-filters]").forEach(function (link) {
      var selector = link.getAttribute("data-clear-filters");
      var form = selector ? document.querySelector(selector) : link.closest("form");
      if (!form) { return; }
      link.hidden = !Array.prototype.some.call(form.elements, function (el) {
        if (!el.name || el.type === "hidden" || el.type === "submit" || el.type === "button") { return false; }
        return el.type === "checkbox" || el.type === "radio" ? el.checked : String(el.value).trim() !== "";
      });
    });
  }
  document.addEventListener("htmx:afterSettle", syncClearLinks);

  // Flash messages fade after a while. On a phone, a tab bar that scrolls sideways shows its current tab.
  window.addEventListener("load", function () {
    var tabs = document.querySelector(".tabs");
    var current = tabs && tabs.querySelector("a.active");
    if (current && tabs.scrollWidth > tabs.clientWidth) {
      tabs.scrollLeft = current.offsetLeft - (tabs.clientWidth - current.offsetWidth) / 2;
    }
    var flash = document.querySelector(".flash-host .flash");
    if (flash) {
      setTimeout(function () { flash.classList.add("flash-fade"); }, 6000);
    }
  });
})();
