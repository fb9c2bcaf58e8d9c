/* Timeline filters (progressive enhancement). Without this script every event shows and the
   filter form stays hidden. Re-run on each page of Material's instant navigation (document$).
   A split chronology (macros/scale.py) lists its pages as .bw-period entries: the filters hide the
   pages with no matching event and carry the choice to each page's link as ?attr=id, which the
   page's own filters read on load. */
(function () {
  "use strict";

  function setup(root) {
    var form = root.querySelector(".bw-filters");
    if (!form || form.getAttribute("data-bw-ready")) return;
    form.setAttribute("data-bw-ready", "1");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-bw-attr]"));
    var events = Array.prototype.slice.call(root.querySelectorAll(".bw-event, .bw-period"));
    var unit = events.length && events[0].classList.contains("bw-period") ? "pages" : "events";
    var months = Array.prototype.slice.call(root.querySelectorAll(".bw-month"));
    var count = form.querySelector(".bw-filter-count");

    function matches(entry, select) {
      if (!select.value) return true;
      var ids = (entry.getAttribute("data-" + select.getAttribute("data-bw-attr")) || "").split(" ");
      return ids.indexOf(select.value) >= 0;
    }

    function apply() {
      var shown = 0;
      events.forEach(function (entry) {
        var keep = selects.every(function (select) { return matches(entry, select); });
        entry.hidden = !keep;
        if (keep) shown += 1;
      });
      var query = selects.filter(function (select) { return select.value; }).map(function (select) {
        return encodeURIComponent(select.getAttribute("data-bw-attr")) + "=" + encodeURIComponent(select.value);
      }).join("&");
      Array.prototype.forEach.call(root.querySelectorAll(".bw-period a"), function (link) {
        if (!link.hasAttribute("data-bw-href")) link.setAttribute("data-bw-href", link.getAttribute("href").split("?")[0]);
        link.setAttribute("href", link.getAttribute("data-bw-href") + (query ? "?" + query : ""));
      });
      months.forEach(function (heading) {
        var list = heading.nextElementSibling;
        var any = list !== null && list.querySelector(".bw-event:not([hidden])") !== null;
        heading.hidden = !any;
        if (list) list.hidden = !any;
      });
      Array.prototype.forEach.call(root.querySelectorAll(".bw-month-index:not(.bw-period-index) a"), function (link) {
        var heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));  // Material makes hrefs absolute
        link.parentNode.hidden = heading !== null && heading.hidden;
      });
      if (count) {
        count.textContent = shown === events.length
          ? "All " + events.length + " " + unit + " shown"
          : shown + " of " + events.length + " " + unit + " shown";
      }
    }

    selects.forEach(function (select) { select.addEventListener("change", apply); });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var preset = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var wanted = preset.get(select.getAttribute("data-bw-attr"));
      if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) select.value = wanted;
    });
    form.hidden = false;
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-bw-filterable]"), setup);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
