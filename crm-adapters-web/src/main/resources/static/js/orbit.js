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
  document.addEventListener("click", function (event) {
    var backdrop = event.target.closest("[data-modal]");
    if (event.target.closest("[data-close-modal]") || (backdrop && event.target === backdrop)) {
      var host = hostOf(event.target);
      if (host) { host.innerHTML = ""; }
    }
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target && event.detail.target.classList.contains("modal-host")) {
      // A form modal starts in its first field; a record's modal (the deal) on its close button, so that
      // typing does not land in a note by accident.
      var target = event.detail.target;
      var first = target.querySelector("[autofocus]")
          || (target.querySelector(".deal-modal, .meeting-modal") ? target.querySelector(".modal-close")
              : target.querySelector("input:not([type=hidden]), select, textarea"));
      if (first) { first.focus(); }
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
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      document.querySelectorAll("details.menu[open]").forEach(function (menu) { menu.removeAttribute("open"); });
      var host = topHost();
      if (host) { host.innerHTML = ""; }
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

  // Flash messages fade after a while.
  window.addEventListener("load", function () {
    var flash = document.querySelector(".flash-host .flash");
    if (flash) {
      setTimeout(function () { flash.classList.add("flash-fade"); }, 6000);
    }
  });
})();
