/* mkdocs-workshop: live dates and schedule times in the visitor's browser.
 *
 * The page is complete without this script: the build marks the dates that had passed when
 * the site was built and highlights the next one. Here the same marks follow the visitor's
 * clock, a countdown names the next deadline, and the program can be read in the visitor's
 * time zone. Material's instant navigation swaps pages without reloading them, so the work is
 * done again for every page it shows (document$).
 */
(function () {
  "use strict";

  var MINUTE = 60 * 1000;
  var HOUR = 60 * MINUTE;
  var DAY = 24 * HOUR;

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  /* ----- Important dates (dates()) ------------------------------------------------------ */

  // Past this, a countdown names the day instead of a number of days.
  var FAR = 60 * DAY;

  function countdown(ms) {
    if (ms >= 2 * DAY) {
      var days = Math.floor(ms / DAY);
      return plural(days, "day") + ", " + plural(Math.floor((ms % DAY) / HOUR), "hour");
    }
    if (ms >= HOUR) {
      var hours = Math.floor(ms / HOUR);
      return plural(hours, "hour") + ", " + plural(Math.floor((ms % HOUR) / MINUTE), "minute");
    }
    return plural(Math.max(1, Math.ceil(ms / MINUTE)), "minute");
  }

  function setStatus(item, text) {
    var badge = item.querySelector(".workshop-date__status");
    if (!text) {
      if (badge) badge.remove();
      return;
    }
    if (!badge) {
      badge = document.createElement("span");
      badge.className = "workshop-date__status";
      item.appendChild(badge);
    }
    badge.textContent = text;
  }

  // An Anywhere-on-Earth deadline, also in the visitor's own time: "Fri, May 17, 4:59 AM".
  var localDeadline = null;

  function showLocal(item, closes) {
    var slot = item.querySelector(".workshop-date__local");
    if (!slot || slot.dataset.ready) return;
    try {
      localDeadline = localDeadline || new Intl.DateTimeFormat(undefined, {
        weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit"
      });
    } catch (error) {
      return;
    }
    var zone = zoneWords(visitorZone());
    slot.textContent = "ends " + localDeadline.format(new Date(closes)) + " your time" +
      (zone ? " (" + zone + ")" : "");
    slot.dataset.ready = "1";
    slot.hidden = false;
  }

  function updateDates(block, now) {
    var items = Array.prototype.slice.call(block.querySelectorAll("li.workshop-date[data-closes]"));
    var next = null;
    items.forEach(function (item) {
      var closes = Date.parse(item.getAttribute("data-closes"));
      var past = closes <= now;
      item.classList.toggle("workshop-date--past", past);
      if (item.hasAttribute("data-aoe")) showLocal(item, closes);
      if (!past && (next === null || closes < next.closes)) next = { item: item, closes: closes };
    });
    items.forEach(function (item) {
      var isNext = next !== null && item === next.item;
      item.classList.toggle("workshop-date--next", isNext);
      setStatus(item, item.classList.contains("workshop-date--past") ? "passed" : isNext ? "next" : "");
    });
    var line = block.querySelector(".workshop-dates__countdown");
    if (line) {
      if (next) {
        // "Paper Submission Deadline: in 7 days, 11 hours."; further ahead, the day, as the
        // edition's header words it: "Next: Paper Submission Deadline, February 5, 2027."
        var what = next.item.querySelector(".workshop-date__what");
        var name = what ? what.textContent : "";
        var left = next.closes - now;
        if (left > FAR) {
          line.textContent = "Next: " + (name ? name + ", " : "") +
            next.item.getAttribute("data-day") + ".";
        } else {
          line.textContent = (name || "Next") + ": in " + countdown(left) + ".";
        }
      }
      line.hidden = !next;
    }
    // Once every date has passed: one line about the workshop, the list behind its toggle
    // (not while a date whose day is not known yet waits in it).
    var allPast = items.length > 0 && next === null &&
      !block.querySelector("li.workshop-date--pending");
    if (allPast !== block.hasAttribute("data-all-past")) {
      block.toggleAttribute("data-all-past", allPast);
      var all = block.querySelector(".workshop-dates__all");
      if (all) all.open = !allPast;
      var held = block.querySelector(".workshop-dates__held");
      if (held) held.hidden = !allPast;
    }
  }

  /* ----- The program (schedule()) --------------------------------------------------------- */

  var ZONE_CHOICE = "mkdocs-workshop:schedule-zone";  // "local" or "event", kept across pages

  function visitorZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (error) {
      return "";
    }
  }

  // "America/Los_Angeles" as a visitor says it: "Los Angeles".
  function zoneWords(zone) {
    if (!zone || zone.indexOf("/") < 0) return zone;
    return zone.slice(zone.lastIndexOf("/") + 1).replace(/_/g, " ");
  }

  function remembered() {
    try {
      return window.localStorage.getItem(ZONE_CHOICE);
    } catch (error) {
      return null;
    }
  }

  function remember(choice) {
    try {
      window.localStorage.setItem(ZONE_CHOICE, choice);
    } catch (error) {
      /* private browsing: the choice lasts for this page only */
    }
  }

  // The day of an instant in a zone, as YYYY-MM-DD.
  function dayIn(zone, moment) {
    var parts = {};
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit"
    }).formatToParts(moment).forEach(function (part) { parts[part.type] = part.value; });
    return parts.year + "-" + parts.month + "-" + parts.day;
  }

  // In the visitor's zone, the program under the visitor's days: a day of the event whose
  // slots fall on two days there (Vienna's morning is Los Angeles' evening before) is split,
  // each slot under its own local day. The rows are moved, not copied, into blocks made for
  // the visitor's days; the event's blocks wait hidden and get their rows back when the
  // visitor switches back (zone: null).
  function regroupDays(block, zone, weekday) {
    var home = Array.prototype.slice.call(
      block.querySelectorAll(".workshop-schedule__day-block:not(.workshop-schedule__day-block--local)"));
    var moved = Array.prototype.slice.call(
      block.querySelectorAll(".workshop-schedule__day-block--local tr[data-start]"));
    home.forEach(function (table) {
      var body = table.querySelector("tbody");
      moved.filter(function (row) { return row.dataset.home === table.dataset.homeId; })
        .sort(function (a, b) { return a.dataset.order - b.dataset.order; })
        .forEach(function (row) { body.appendChild(row); });
      table.hidden = false;
    });
    block.querySelectorAll(".workshop-schedule__day-block--local").forEach(function (made) {
      made.remove();
    });
    if (!zone) return;
    var groups = [];
    home.forEach(function (table, index) {
      var heading = table.querySelector(".workshop-schedule__day time");
      table.dataset.homeId = String(index);
      table.querySelectorAll("tbody > tr[data-start]").forEach(function (row, order) {
        row.dataset.home = String(index);
        row.dataset.order = String(order);
        if (heading && !row.dataset.eventDay) row.dataset.eventDay = heading.getAttribute("datetime");
        var start = new Date(row.getAttribute("data-start"));
        var day = dayIn(zone, start);
        var last = groups[groups.length - 1];
        if (!last || last.day !== day) groups.push({ day: day, start: start, rows: [], model: table });
        groups[groups.length - 1].rows.push(row);
      });
    });
    var first = home[0];
    groups.forEach(function (group) {
      var made = group.model.cloneNode(true);
      made.classList.add("workshop-schedule__day-block--local");
      made.removeAttribute("data-home-id");
      made.hidden = false;
      var body = made.querySelector("tbody");
      body.textContent = "";
      group.rows.forEach(function (row) { body.appendChild(row); });
      var label = made.querySelector(".workshop-schedule__day time");
      if (label) {
        label.setAttribute("datetime", group.day);
        label.textContent = weekday.format(group.start);
      }
      first.parentNode.insertBefore(made, first);
    });
    home.forEach(function (table) { table.hidden = true; });
  }

  function showZone(block, local) {
    var zone = visitorZone();
    var clock12 = block.getAttribute("data-clock") === "12h";
    var time = new Intl.DateTimeFormat(undefined, {
      // two digits on the 24-hour clock, as the page writes it ("09:00"), in any language
      hour: clock12 ? "numeric" : "2-digit", minute: "2-digit", hour12: clock12, timeZone: zone
    });
    var weekday = new Intl.DateTimeFormat("en-US", {
      weekday: "long", month: "long", day: "numeric", year: "numeric", timeZone: zone
    });
    block.querySelectorAll(".workshop-slot__time time[datetime]").forEach(function (node) {
      if (!node.dataset.eventText) node.dataset.eventText = node.textContent;
      node.textContent = local ? time.format(new Date(node.getAttribute("datetime")))
                               : node.dataset.eventText;
    });
    regroupDays(block, local ? zone : null, weekday);
    var note = block.querySelector(".workshop-schedule__zone");
    if (note) {
      if (!note.dataset.eventText) note.dataset.eventText = note.textContent;
      note.textContent = local ? "Times are in your time, " + zoneWords(zone) + "."
                               : note.dataset.eventText;
    }
    var button = block.querySelector(".workshop-schedule__switch");
    button.setAttribute("aria-pressed", local ? "true" : "false");
    button.textContent = local ? button.getAttribute("data-event-label")
                               : "Show your time, " + zoneWords(zone);
  }

  function setupSchedule(block) {
    var button = block.querySelector(".workshop-schedule__switch");
    var zone = visitorZone();
    if (!button || !zone || block.getAttribute("data-zone") === zone || button.dataset.ready) return;
    button.dataset.ready = "1";
    showZone(block, remembered() === "local");
    button.hidden = false;
    button.addEventListener("click", function () {
      var local = button.getAttribute("aria-pressed") !== "true";
      remember(local ? "local" : "event");
      showZone(block, local);
    });
  }

  // On the event's days, the slot happening now and the next one, by the visitor's clock.
  function markNow(block, now) {
    var zone = block.getAttribute("data-zone");
    var today = dayIn(zone, new Date(now));
    var current = null;
    var next = null;
    block.querySelectorAll(".workshop-schedule__day-block").forEach(function (table) {
      var day = table.querySelector(".workshop-schedule__day time[datetime]");
      table.querySelectorAll("tr[data-start]").forEach(function (row) {
        // The event's day of the row (its block may be one of the visitor's days).
        var eventDay = row.dataset.eventDay || (day && day.getAttribute("datetime"));
        if (eventDay !== today) return;
        var start = Date.parse(row.getAttribute("data-start"));
        var end = row.hasAttribute("data-end") ? Date.parse(row.getAttribute("data-end")) : start;
        if (start <= now && now < end) current = row;
        else if (start > now && (next === null || start < Date.parse(next.getAttribute("data-start")))) next = row;
      });
    });
    block.querySelectorAll("tr[data-start]").forEach(function (row) {
      var mark = row === current ? "now" : row === next ? "next" : "";
      row.classList.toggle("workshop-slot--now", mark === "now");
      row.classList.toggle("workshop-slot--next", mark === "next");
      var cell = row.querySelector(".workshop-slot__time");
      var badge = cell && cell.querySelector(".workshop-slot__mark");
      if (!mark) {
        if (badge) badge.remove();
        return;
      }
      if (!badge && cell) {
        badge = document.createElement("span");
        badge.className = "workshop-slot__mark";
        cell.insertBefore(badge, cell.firstChild);
      }
      if (badge) badge.textContent = mark === "now" ? "Now" : "Next";
    });
  }

  function update() {
    var now = Date.now();
    document.querySelectorAll(".workshop-dates").forEach(function (block) {
      updateDates(block, now);
    });
    document.querySelectorAll(".workshop-schedule[data-zone]").forEach(function (block) {
      setupSchedule(block);
      markNow(block, now);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(update);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", update);
  } else {
    update();
  }
  window.setInterval(update, MINUTE);
})();

/* ---- Sponsors (i13-people): logos of unknown shape (SVG) get their tier's area ----------
   The plugin sets the width of a raster logo; an SVG's shape is known once it has loaded:
   its width becomes side x sqrt(width / height), so a wide and a square logo of one tier
   cover the same area. Without this script such a logo is its tier's side high. */
(function () {
  "use strict";

  function size(img) {
    if (!img.naturalWidth || !img.naturalHeight || /width:/.test(img.getAttribute("style") || "")) {
      return;
    }
    var side = parseFloat(getComputedStyle(img).getPropertyValue("--workshop-logo-side"));
    if (!side) return;
    var width = side * Math.sqrt(img.naturalWidth / img.naturalHeight);
    img.style.width = width.toFixed(2) + "rem";
  }

  function balance() {
    document.querySelectorAll("img.workshop-sponsor__logo").forEach(function (img) {
      if (img.complete) size(img);
      else img.addEventListener("load", function () { size(img); }, { once: true });
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(balance);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", balance);
  } else {
    balance();
  }
})();
/* ---- end of Sponsors ---------------------------------------------------------------------- */

/* The edition header's next deadline (edition.html): how long is left by the visitor's clock,
 * up to 60 days (past that the date says more than a number of days); the line goes once the
 * deadline has passed. Without this script the line shows the date alone. */
(function () {
  "use strict";

  var HOUR = 60 * 60 * 1000;
  var DAY = 24 * HOUR;

  function left(ms) {
    if (ms >= 2 * DAY) return "in " + Math.floor(ms / DAY) + " days";
    if (ms >= 2 * HOUR) return "in " + Math.floor(ms / HOUR) + " hours";
    return "in less than two hours";
  }

  function updateHeaders() {
    var now = Date.now();
    document.querySelectorAll(".workshop-header__deadline[data-closes]").forEach(function (line) {
      var ms = Date.parse(line.getAttribute("data-closes")) - now;
      var out = line.querySelector(".workshop-header__countdown");
      if (ms <= 0) {
        line.hidden = true;
        return;
      }
      if (!out) return;
      out.hidden = ms > 60 * DAY;
      out.textContent = ms > 60 * DAY ? "" : left(ms);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(updateHeaders);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", updateHeaders);
  } else {
    updateHeaders();
  }
  window.setInterval(updateHeaders, 60 * 1000);
})();
