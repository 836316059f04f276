// Orbit CRM: the pipeline board's drag and drop, "Move to…" menu and lost-reason prompt.
// A move names the cards it lands between (not an index), so a filtered or partly loaded column
// still saves the place the user sees. A refused move (stale card, no reason) puts the board back.
(function () {
  "use strict";

  var pending = null; // a card dropped on a lost stage, waiting for its reason

  function board() { return document.getElementById("board"); }
  function modalHost() { return document.getElementById("modal"); }

  function toast(message) {
    document.dispatchEvent(new CustomEvent("orbit:toast", { detail: message }));
  }

  function reload() {
    if (window.htmx) { htmx.trigger(document.body, "dealsChanged"); }
  }

  function isCard(el) { return el && el.classList && el.classList.contains("deal-card"); }

  function sibling(card, forward) {
    var el = forward ? card.nextElementSibling : card.previousElementSibling;
    while (el && !isCard(el)) { el = forward ? el.nextElementSibling : el.previousElementSibling; }
    return el;
  }

  /** Keeps the "no deals" placeholder first and "load more" last after a drop. */
  function tidy(list) {
    var empty = list.querySelector(".column-empty");
    if (empty && list.firstElementChild !== empty) { list.insertBefore(empty, list.firstElementChild); }
    var more = list.querySelector(".column-more");
    if (more && list.lastElementChild !== more) { list.appendChild(more); }
  }

  function csrfHeaders() {
    var headers = { "HX-Request": "true", "Content-Type": "application/x-www-form-urlencoded" };
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) { headers[header.content] = token.content; }
    headers["HX-Current-URL"] = window.location.href;
    return headers;
  }

  function announce(response) {
    var trigger = response.headers.get("HX-Trigger");
    if (!trigger) { return; }
    try {
      var events = JSON.parse(trigger);
      if (events["orbit:toast"]) { toast(events["orbit:toast"]); }
    } catch (e) { /* not JSON: nothing to say */ }
  }

  /** Saves the card's place (its stage and the cards around it); swaps in the saved card and headers. */
  function send(card, stage, lostReason, focusAfter, extra) {
    var b = board();
    var params = new URLSearchParams((b.getAttribute("data-filters") || "").replace(/^\?/, ""));
    var above = sibling(card, false);
    var below = sibling(card, true);
    params.set("stage", stage);
    params.set("above", above ? above.getAttribute("data-id") : "");
    params.set("below", below ? below.getAttribute("data-id") : "");
    params.set("version", card.getAttribute("data-version"));
    if (lostReason) { params.set("lostReason", lostReason); }
    // A multiselect's ticked options go as several values of one name.
    if (extra) { extra.forEach(function (entry) { params.append(entry[0], entry[1]); }); }
    var id = card.getAttribute("data-id");
    card.classList.add("is-saving");
    b.setAttribute("aria-busy", "true");
    return fetch(b.getAttribute("data-move-url") + id + "/move", {
      method: "POST", headers: csrfHeaders(), body: params.toString(), credentials: "same-origin"
    }).then(function (response) {
      return response.text().then(function (text) {
        b.removeAttribute("aria-busy");
        if (response.ok) {
          htmx.swap(card, text, { swapStyle: "outerHTML" });
          announce(response);
          var saved = document.getElementById("deal-" + id);
          if (saved) {
            saved.classList.add("just-moved");
            if (focusAfter) {
              var button = saved.querySelector(".card-menu-button");
              (button || saved).focus();
            }
          }
        } else if (response.status === 422 && text.indexOf("entry-form") >= 0) {
          askFields(card, stage, lostReason, text);
        } else {
          var box = document.createElement("div");
          box.innerHTML = text;
          var reason = box.querySelector(".move-error");
          toast(reason ? reason.textContent.trim()
              : response.status === 403 ? "You don't have permission to move deals."
              : response.status === 404 ? "That deal is gone: the board was reloaded."
              : "The move was not saved (" + response.status + ").");
          reload();
        }
      });
    }).catch(function () {
      b.removeAttribute("aria-busy");
      toast("The move was not saved: the server could not be reached.");
      reload();
    });
  }

  /** Asks why the deal was lost; cancelling puts the card back where it was. */
  function askReason(card, from, fromIndex, stage) {
    var template = document.getElementById("lost-template");
    var host = modalHost();
    if (!template || !host) { return; }
    pending = { card: card, from: from, fromIndex: fromIndex, stage: stage };
    host.innerHTML = "";
    host.appendChild(template.content.cloneNode(true));
    var name = card.querySelector(".deal-name");
    host.querySelector("[data-deal-name]").textContent = name ? name.textContent : "The deal";
    host.querySelector("textarea").focus();
  }

  /**
   * The stage requires fields the deal lacks: shows the server's small form asking for just those;
   * submitting sends the move again with them, cancelling puts the card back (the board reloads).
   */
  function askFields(card, stage, lostReason, html) {
    var host = modalHost();
    if (!host) { reload(); return; }
    pendingFields = { card: card, stage: stage, lostReason: lostReason };
    host.innerHTML = html;
    var first = host.querySelector(".entry-form input, .entry-form select, .entry-form textarea");
    if (first) { first.focus(); }
  }

  var pendingFields = null;

  document.addEventListener("submit", function (event) {
    if (!event.target.matches(".entry-form")) { return; }
    event.preventDefault();
    var data = new FormData(event.target);
    var p = pendingFields;
    pendingFields = null;
    modalHost().innerHTML = "";
    if (!p) { return; }
    var extra = [];
    var reason = p.lostReason;
    data.forEach(function (value, key) {
      if (key === "lostReason") { reason = value; } else { extra.push([key, value]); }
    });
    send(p.card, p.stage, reason, false, extra);
  });

  // The switcher shows the chosen pipeline at once (its Show button is for a page without script).
  document.addEventListener("change", function (event) {
    if (event.target.id === "pipeline-switcher") { event.target.form.submit(); }
  });

  function putBack(p) {
    p.from.insertBefore(p.card, p.from.children[p.fromIndex] || null);
    tidy(p.from);
    tidy(p.card.parentElement);
  }

  function indexIn(list, card) {
    return Array.prototype.indexOf.call(list.children, card);
  }

  function arrive(card, from, fromIndex, list, focusAfter) {
    var stage = list.getAttribute("data-stage");
    tidy(list);
    if (list.getAttribute("data-kind") === "lost" && from.getAttribute("data-stage") !== stage) {
      askReason(card, from, fromIndex, stage);
    } else {
      send(card, stage, null, focusAfter);
    }
  }

  // The lost-reason form: chips fill the reason; submit saves the move.
  document.addEventListener("click", function (event) {
    var chip = event.target.closest("[data-reason]");
    if (chip) {
      var area = modalHost().querySelector("textarea[name=lostReason]");
      area.value = chip.getAttribute("data-reason");
      area.focus();
    }
  });
  document.addEventListener("submit", function (event) {
    if (!event.target.matches(".lost-form")) { return; }
    event.preventDefault();
    var reason = event.target.querySelector("textarea").value.trim();
    if (!reason) {
      event.target.querySelector("[data-lost-error]").hidden = false;
      event.target.querySelector(".field").classList.add("has-error");
      return;
    }
    var p = pending;
    pending = null;
    modalHost().innerHTML = "";
    if (p) { send(p.card, p.stage, reason, false); }
  });

  // The modal closed any other way (Cancel, ✕, Escape, backdrop): the card goes back.
  document.addEventListener("DOMContentLoaded", function () {
    var host = modalHost();
    if (!host) { return; }
    new MutationObserver(function () {
      if (pendingFields && !host.querySelector(".entry-form")) {
        pendingFields = null;
        reload();
      }
      if (pending && !host.querySelector(".lost-form")) {
        var p = pending;
        pending = null;
        putBack(p);
      }
    }).observe(host, { childList: true });
  });

  // The shared card menu: opened by a card's ⋯ button, next to it, over the board (a scrolling
  // column would clip a menu inside it). Arrow keys move through it, Escape closes it.
  var menuCard = null;

  function menu() { return document.getElementById("card-menu"); }

  function items() {
    return Array.prototype.filter.call(menu().querySelectorAll("[role=menuitem]"), function (b) { return !b.hidden; });
  }

  function openMenu(button) {
    var m = menu();
    if (!m) { return; }
    menuCard = button.closest(".deal-card");
    var stage = menuCard.getAttribute("data-stage");
    m.querySelectorAll("[data-move-to]").forEach(function (b) { b.hidden = b.getAttribute("data-move-to") === stage; });
    m.hidden = false;
    button.setAttribute("aria-expanded", "true");
    var anchor = button.getBoundingClientRect();
    var width = m.offsetWidth;
    var height = m.offsetHeight;
    var top = anchor.bottom + 6;
    if (top + height > window.innerHeight - 8) { top = Math.max(8, anchor.top - height - 6); }
    m.style.left = Math.max(8, Math.min(anchor.right - width, window.innerWidth - width - 8)) + "px";
    m.style.top = top + "px";
    items()[0].focus();
  }

  function closeMenu(refocus) {
    var m = menu();
    if (!m || m.hidden) { return; }
    m.hidden = true;
    var card = menuCard;
    menuCard = null;
    if (card) {
      var button = card.querySelector(".card-menu-button");
      if (button) {
        button.setAttribute("aria-expanded", "false");
        if (refocus) { button.focus(); }
      }
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".card-menu-button");
    if (button) {
      var again = menuCard === button.closest(".deal-card") && !menu().hidden;
      closeMenu(false);
      if (!again) { openMenu(button); }
      return;
    }
    if (menu() && !menu().hidden && !event.target.closest("#card-menu")) { closeMenu(false); }
  });

  document.addEventListener("keydown", function (event) {
    var m = menu();
    if (!m || m.hidden || !m.contains(document.activeElement)) { return; }
    var list = items();
    var at = list.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      list[(at + (event.key === "ArrowDown" ? 1 : list.length - 1)) % list.length].focus();
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      list[event.key === "Home" ? 0 : list.length - 1].focus();
    } else if (event.key === "Escape") {
      event.stopPropagation();
      closeMenu(true);
    } else if (event.key === "Tab") {
      closeMenu(false);
    }
  }, true);

  // Scrolling a column or the page would leave the menu behind: close it.
  document.addEventListener("scroll", function (event) {
    if (event.target.closest && event.target.closest("#card-menu")) { return; }
    closeMenu(false);
  }, true);

  document.addEventListener("click", function (event) {
    var item = event.target.closest("#card-menu [role=menuitem]");
    if (!item || !menuCard || !board()) { return; }
    var card = menuCard;
    var id = card.getAttribute("data-id");
    var base = menu().getAttribute("data-deal-url");
    closeMenu(false);
    var action = item.getAttribute("data-action");
    if (action === "open" || action === "edit") {
      htmx.ajax("GET", base + id + (action === "edit" ? "/edit" : ""), { target: "#modal", swap: "innerHTML" });
      return;
    }
    if (action === "delete") {
      var name = card.querySelector(".deal-name");
      if (window.confirm("Move " + (name ? name.textContent : "this deal") + " to the trash?")) {
        htmx.ajax("POST", base + id + "/delete", { target: card, swap: "none" });
      } else {
        card.querySelector(".card-menu-button").focus();
      }
      return;
    }
    var from = card.parentElement;
    var fromIndex = indexIn(from, card);
    var step = item.getAttribute("data-move-step");
    if (step) {
      var other = sibling(card, step === "down");
      if (!other) {
        toast(step === "down" ? "It is already last." : "It is already first.");
        card.querySelector(".card-menu-button").focus();
        return;
      }
      from.insertBefore(card, step === "down" ? other.nextElementSibling : other);
      send(card, from.getAttribute("data-stage"), null, true);
      return;
    }
    var list = board().querySelector('.deal-list[data-stage="' + item.getAttribute("data-move-to") + '"]');
    if (!list) { return; }
    var first = list.querySelector(".deal-card");
    list.insertBefore(card, first || list.querySelector(".column-more"));
    card.scrollIntoView({ block: "nearest", inline: "nearest" });
    arrive(card, from, fromIndex, list, true);
  });

  // Drag and drop with SortableJS, set up on the board each time it is (re)rendered.
  function setUp(root) {
    var b = root.id === "board" ? root : (root.querySelector ? root.querySelector("#board") : null);
    if (!b || !window.Sortable || b.getAttribute("data-can-write") !== "true") { return; }
    b.querySelectorAll(".deal-list").forEach(function (list) {
      if (list.sortable) { return; }
      list.sortable = Sortable.create(list, {
        group: "deals",
        draggable: ".deal-card",
        filter: ".card-menu-button",
        preventOnFilter: false,
        animation: 150,
        forceFallback: true, // pointer events: the same behaviour in every browser, and scriptable in tests
        fallbackTolerance: 3,
        ghostClass: "is-ghost",
        chosenClass: "is-chosen",
        dragClass: "is-dragging",
        onEnd: function (evt) {
          if (evt.from === evt.to && evt.oldIndex === evt.newIndex) { return; }
          arrive(evt.item, evt.from, evt.oldIndex, evt.to, false);
        }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUp(document);
    if (window.htmx) { htmx.onLoad(setUp); }
  });
})();
