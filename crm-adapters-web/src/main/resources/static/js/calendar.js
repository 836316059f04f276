// Orbit CRM: the meetings calendar. Click an empty slot to schedule (the day view and the week view: that
// slot's time; the month view: that day at 09:00); drag a meeting with the mouse or pen to another slot or day
// (15-minute steps, same length); Alt + arrow keys move a focused meeting by 15 minutes or a day. The server
// decides: every move is a POST with the meeting's version, and the calendar reloads after it, whether it was
// saved or refused (someone changed the meeting meanwhile: 409, with the reason in a toast).
(function () {
  "use strict";

  var STEP = 15;              // minutes
  var DAY = 24 * 60;
  var WORKDAY_START = 7 * 60 + 30;
  var drag = null;            // the drag in progress
  var justDragged = false;    // swallow the click that ends a drag
  var focusAfterReload = null; // the id of a meeting to focus once the calendar is back
  var lastOpened = null;      // the meeting whose detail is open, focused again when it closes
  var saved = null;           // scroll positions kept over a reload of the same view

  function calendar() { return document.getElementById("calendar"); }

  function canWrite(cal) { return cal && cal.getAttribute("data-can-write") === "true"; }

  function toast(message) {
    document.dispatchEvent(new CustomEvent("orbit:toast", { detail: message }));
  }

  function reload() {
    if (window.htmx) { htmx.trigger(document.body, "meetingsChanged"); }
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function hhmm(minute) {
    var m = ((minute % DAY) + DAY) % DAY;
    return pad(Math.floor(m / 60)) + ":" + pad(m % 60);
  }

  /** Pixels per minute of a grid, as drawn. */
  function ppm(cal) {
    var body = cal.querySelector(".cal-body");
    return body ? body.getBoundingClientRect().height / DAY : 0.8;
  }

  function base(cal) { return cal.getAttribute("data-base") || "/meetings/"; }

  function headers() {
    var h = { "HX-Request": "true", "Content-Type": "application/x-www-form-urlencoded" };
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) { h[header.content] = token.content; }
    return h;
  }

  /** Shows the toast a server answer carries in its HX-Trigger headers. */
  function announce(response) {
    ["HX-Trigger", "HX-Trigger-After-Settle", "HX-Trigger-After-Swap"].forEach(function (name) {
      var value = response.headers.get(name);
      if (!value) { return; }
      try {
        var events = JSON.parse(value);
        if (events["orbit:toast"]) { toast(events["orbit:toast"]); }
      } catch (e) { /* a bare event name: nothing to say */ }
    });
  }

  /** Moves a meeting: to a day and minute ({day, minute}) or by some ({days, minutes}); then reloads. */
  function move(block, values, refocus) {
    var cal = calendar();
    var params = new URLSearchParams();
    Object.keys(values).forEach(function (k) { params.set(k, values[k]); });
    params.set("version", block.getAttribute("data-version"));
    var id = block.getAttribute("data-id");
    block.classList.add("is-saving");
    cal.setAttribute("aria-busy", "true");
    fetch(base(cal) + id + "/move", {
      method: "POST", headers: headers(), body: params.toString(), credentials: "same-origin"
    }).then(function (response) {
      return response.text().then(function (text) {
        if (response.ok) {
          announce(response);
          focusAfterReload = { id: id, focus: refocus, flash: true };
        } else {
          toast(text && text.length < 300 ? text
              : response.status === 403 ? "You don't have permission to move meetings."
              : "The move was not saved (" + response.status + ").");
          focusAfterReload = { id: id, focus: refocus, flash: false };
        }
        reload();
      });
    }).catch(function () {
      toast("The move was not saved: the server could not be reached.");
      reload();
    });
  }

  // ---- Dragging a meeting ----------------------------------------------------------------------

  /** The day column under x; left of the first or right of the last: that one. */
  function columnAt(cal, x) {
    var cols = cal.querySelectorAll(".cal-col");
    if (!cols.length) { return null; }
    for (var i = 0; i < cols.length; i++) {
      var r = cols[i].getBoundingClientRect();
      if (x >= r.left && x < r.right) { return cols[i]; }
    }
    return x < cols[0].getBoundingClientRect().left ? cols[0] : cols[cols.length - 1];
  }

  function preview(col, minute, length) {
    var el = drag.preview;
    if (!el) {
      el = document.createElement("div");
      el.className = "cal-drop";
      el.setAttribute("aria-hidden", "true");
      drag.preview = el;
    }
    if (el.parentElement !== col) { col.appendChild(el); }
    el.style.setProperty("--top", minute);
    el.style.setProperty("--len", Math.min(length, DAY - minute));
    el.textContent = hhmm(minute) + "–" + hhmm(minute + drag.minutes);
  }

  function autoscroll(cal, y) {
    var scroller = cal.querySelector(".cal-scroll");
    if (!scroller) { return; }
    var r = scroller.getBoundingClientRect();
    if (y < r.top + 40) { scroller.scrollTop -= 12; } else if (y > r.bottom - 30) { scroller.scrollTop += 12; }
  }

  document.addEventListener("pointerdown", function (event) {
    var block = event.target.closest(".cal-block");
    if (!block || event.button !== 0 || event.pointerType === "touch") { return; }
    var cal = block.closest(".calendar");
    if (!canWrite(cal) || block.getAttribute("data-live") !== "true"
        || block.getAttribute("data-starts-before") === "true") { return; }
    var rect = block.getBoundingClientRect();
    drag = {
      block: block, cal: cal, x: event.clientX, y: event.clientY, grab: event.clientY - rect.top, moved: false,
      length: parseInt(block.getAttribute("data-length"), 10), from: parseInt(block.getAttribute("data-top"), 10),
      day: block.getAttribute("data-day"), minutes: parseInt(block.getAttribute("data-minutes") || block.getAttribute("data-length"), 10),
      preview: null, target: null
    };
  });

  document.addEventListener("pointermove", function (event) {
    if (!drag) { return; }
    if (!drag.moved && Math.abs(event.clientX - drag.x) + Math.abs(event.clientY - drag.y) < 5) { return; }
    event.preventDefault();
    if (!drag.moved) {
      drag.moved = true;
      drag.block.classList.add("is-dragging");
      drag.cal.classList.add("is-moving");
      hideHover();
    }
    var col = columnAt(drag.cal, event.clientX);
    if (!col) { return; }
    var top = col.getBoundingClientRect().top;
    var minute = Math.round((event.clientY - drag.grab - top) / ppm(drag.cal) / STEP) * STEP;
    minute = Math.max(0, Math.min(DAY - STEP, minute));
    drag.target = { day: col.getAttribute("data-day"), minute: minute };
    preview(col, minute, drag.length);
    autoscroll(drag.cal, event.clientY);
  });

  function endDrag(commit) {
    var d = drag;
    drag = null;
    if (!d) { return; }
    if (d.preview) { d.preview.remove(); }
    d.cal.classList.remove("is-moving");
    if (!d.moved) { return; }
    justDragged = true;
    setTimeout(function () { justDragged = false; }, 50);
    if (!commit || !d.target || (d.target.day === d.day && d.target.minute === d.from)) {
      d.block.classList.remove("is-dragging");
      return;
    }
    move(d.block, { day: d.target.day, minute: d.target.minute }, false);
  }

  document.addEventListener("pointerup", function () { endDrag(true); });
  document.addEventListener("pointercancel", function () { endDrag(false); });
  document.addEventListener("keydown", function (event) {
    if (drag && event.key === "Escape") { endDrag(false); }
  }, true);
  // A meeting is a link: the browser's own drag of links would fight ours.
  document.addEventListener("dragstart", function (event) {
    if (event.target.closest && event.target.closest(".cal-block")) { event.preventDefault(); }
  });

  // The click that ends a drag opens nothing.
  document.addEventListener("click", function (event) {
    if (justDragged && event.target.closest(".calendar")) {
      event.preventDefault();
      event.stopPropagation();
      justDragged = false;
    }
  }, true);

  // ---- Alt + arrows: move the focused meeting ------------------------------------------------------

  document.addEventListener("keydown", function (event) {
    var block = event.target.closest && event.target.closest(".cal-block");
    if (!block || !event.altKey || event.ctrlKey || event.metaKey) { return; }
    var steps = { ArrowUp: { minutes: -STEP }, ArrowDown: { minutes: STEP }, ArrowLeft: { days: -1 }, ArrowRight: { days: 1 } };
    var by = steps[event.key];
    if (!by) { return; }
    event.preventDefault();
    var cal = block.closest(".calendar");
    if (!canWrite(cal)) { toast("You don't have permission to move meetings."); return; }
    if (block.getAttribute("data-live") !== "true") { toast("A completed or cancelled meeting stays where it was."); return; }
    move(block, by, true);
  });

  // ---- Empty slots: schedule a meeting there ---------------------------------------------------------

  function openNew(cal, day, minute) {
    if (!window.htmx) { return; }
    htmx.ajax("GET", base(cal) + "new?date=" + encodeURIComponent(day) + "&time=" + hhmm(minute),
        { target: "#modal", swap: "innerHTML" });
  }

  document.addEventListener("click", function (event) {
    var cal = event.target.closest(".calendar");
    if (!cal || !canWrite(cal) || event.target.closest("a, button, .cal-block")) { return; }
    var col = event.target.closest(".cal-col");
    if (col) {
      var minute = Math.floor((event.clientY - col.getBoundingClientRect().top) / ppm(cal) / STEP) * STEP;
      openNew(cal, col.getAttribute("data-day"), Math.max(0, Math.min(DAY - STEP, minute)));
      return;
    }
    var cell = event.target.closest(".cal-cell");
    if (cell) { openNew(cal, cell.getAttribute("data-day"), 9 * 60); }
  });

  // The slot under the mouse shows where a click would schedule.
  var hover = null;
  function hideHover() { if (hover) { hover.remove(); hover = null; } }
  document.addEventListener("pointermove", function (event) {
    if (drag || event.pointerType !== "mouse") { return; }
    var col = event.target.closest && event.target.closest(".cal-col");
    if (!col || event.target.closest(".cal-block") || !canWrite(col.closest(".calendar"))) { hideHover(); return; }
    var cal = col.closest(".calendar");
    var minute = Math.floor((event.clientY - col.getBoundingClientRect().top) / ppm(cal) / STEP) * STEP;
    minute = Math.max(0, Math.min(DAY - STEP, minute));
    if (!hover) {
      hover = document.createElement("div");
      hover.className = "cal-hover";
      hover.setAttribute("aria-hidden", "true");
    }
    if (hover.parentElement !== col) { col.appendChild(hover); }
    hover.style.setProperty("--top", minute);
    hover.style.setProperty("--len", 30);
    hover.textContent = "+ " + hhmm(minute);
  });
  document.addEventListener("pointerleave", hideHover);

  // ---- Scrolling, the current-time line, focus --------------------------------------------------------

  /** A new view opens on working hours or now (a phone: on today's column); a reload keeps where you were. */
  function arrange() {
    var cal = calendar();
    if (!cal) { return; }
    var scroller = cal.querySelector(".cal-scroll");
    if (scroller) {
      if (saved && saved.url === cal.getAttribute("data-url")) {
        scroller.scrollTop = saved.top;
        scroller.scrollLeft = saved.left;
      } else {
        // Today: an hour and a half before now. Another period: working hours, or its earliest meeting.
        var from = WORKDAY_START;
        var now = cal.querySelector(".cal-now");
        if (now) {
          from = parseInt(now.style.getPropertyValue("--top"), 10) - 90;
        } else {
          cal.querySelectorAll(".cal-block").forEach(function (b) {
            from = Math.min(from, parseInt(b.getAttribute("data-top"), 10) - 30);
          });
        }
        scroller.scrollTop = Math.max(0, from * ppm(cal));
        var today = cal.querySelector(".cal-col.today");
        if (today && scroller.scrollWidth > scroller.clientWidth) {
          var gutter = cal.querySelector(".cal-gutter");
          scroller.scrollLeft = today.offsetLeft - (gutter ? gutter.offsetWidth : 0);
        }
      }
    }
    saved = null;
    if (focusAfterReload) {
      var again = cal.querySelector('.cal-block[data-id="' + focusAfterReload.id + '"]');
      if (again) {
        if (focusAfterReload.flash) { again.classList.add("just-moved"); }
        if (focusAfterReload.focus) { again.focus(); }
      }
      focusAfterReload = null;
    }
    tick();
  }

  document.addEventListener("htmx:beforeSwap", function (event) {
    var cal = calendar();
    if (cal && event.detail.target === cal) {
      var scroller = cal.querySelector(".cal-scroll");
      saved = scroller ? { url: cal.getAttribute("data-url"), top: scroller.scrollTop, left: scroller.scrollLeft } : null;
    }
  });
  var arranged = null;
  document.addEventListener("htmx:afterSettle", function () {
    var cal = calendar();
    if (cal && cal !== arranged) {
      arranged = cal;
      arrange();
    }
  });

  /** Moves the current-time line with the clock (in the calendar's zone); a new day reloads the view. */
  var lastMinute = null;
  function tick() {
    var cal = calendar();
    var line = cal && cal.querySelector(".cal-now");
    if (!line) { return; }
    var zone = cal.getAttribute("data-zone") || undefined;
    var parts = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
        .formatToParts(new Date());
    var h = 0, m = 0;
    parts.forEach(function (p) {
      if (p.type === "hour") { h = parseInt(p.value, 10); }
      if (p.type === "minute") { m = parseInt(p.value, 10); }
    });
    var minute = h * 60 + m;
    if (lastMinute !== null && minute < lastMinute) { reload(); }
    lastMinute = minute;
    line.style.setProperty("--top", minute);
  }
  setInterval(tick, 60 * 1000);

  // A meeting's detail opened from the calendar gives the focus back to it when it closes.
  document.addEventListener("click", function (event) {
    var opener = event.target.closest(".cal-block, .cal-chip, .agenda-item");
    if (opener) { lastOpened = opener.getAttribute("data-id"); }
  });
  document.addEventListener("DOMContentLoaded", function () {
    var host = document.getElementById("modal");
    if (host) {
      new MutationObserver(function () {
        if (!host.children.length && lastOpened) {
          var cal = calendar();
          var back = cal && cal.querySelector('[data-id="' + lastOpened + '"]');
          if (back) { back.focus(); }
          lastOpened = null;
        }
      }).observe(host, { childList: true });
    }
    arranged = calendar();
    arrange();
  });
})();
