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

  function updateDates(block, now) {
    var items = Array.prototype.slice.call(block.querySelectorAll("li.workshop-date[data-closes]"));
    var next = null;
    items.forEach(function (item) {
      var closes = Date.parse(item.getAttribute("data-closes"));
      var past = closes <= now;
      item.classList.toggle("workshop-date--past", past);
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
        var what = next.item.querySelector(".workshop-date__what");
        line.textContent = (what ? what.textContent : "Next") + ": in " + countdown(next.closes - now) + ".";
      } else {
        line.textContent = "All these dates have passed.";
      }
      line.hidden = false;
    }
  }

  function visitorZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (error) {
      return "";
    }
  }

  function setupSchedule(block) {
    var button = block.querySelector(".workshop-schedule__switch");
    var zone = visitorZone();
    if (!button || !zone || block.getAttribute("data-zone") === zone || button.dataset.ready) return;
    button.dataset.ready = "1";
    var clock12 = block.getAttribute("data-clock") === "12h";
    var format = new Intl.DateTimeFormat(undefined, {
      hour: "numeric", minute: "2-digit", hour12: clock12, timeZone: zone
    });
    var eventText = button.getAttribute("data-event-label");
    var localText = "Show times in your time zone (" + zone + ")";
    button.textContent = localText;
    button.hidden = false;
    button.addEventListener("click", function () {
      var local = button.getAttribute("aria-pressed") !== "true";
      block.querySelectorAll(".workshop-slot__time time[datetime]").forEach(function (time) {
        if (!time.dataset.eventText) time.dataset.eventText = time.textContent;
        time.textContent = local ? format.format(new Date(time.getAttribute("datetime")))
                                 : time.dataset.eventText;
      });
      var note = block.querySelector(".workshop-schedule__zone");
      if (note) {
        if (!note.dataset.eventText) note.dataset.eventText = note.textContent;
        note.textContent = local ? "Times are in your time zone, " + zone + "." : note.dataset.eventText;
      }
      button.setAttribute("aria-pressed", local ? "true" : "false");
      button.textContent = local ? eventText : localText;
    });
  }

  function update() {
    var now = Date.now();
    document.querySelectorAll(".workshop-dates").forEach(function (block) {
      updateDates(block, now);
    });
    document.querySelectorAll(".workshop-schedule[data-zone]").forEach(setupSchedule);
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
