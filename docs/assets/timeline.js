/* Timeline filters (progressive enhancement). Without this script every event shows and the
   filter form stays hidden. Re-run on each page of Material's instant navigation (document$). */
(function () {
  "use strict";

  function setup(root) {
    var form = root.querySelector(".bw-filters");
    if (!form || form.getAttribute("data-bw-ready")) return;
    form.setAttribute("data-bw-ready", "1");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-bw-attr]"));
    var events = Array.prototype.slice.call(root.querySelectorAll(".bw-event"));
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
      months.forEach(function (heading) {
        var list = heading.nextElementSibling;
        var any = list !== null && list.querySelector(".bw-event:not([hidden])") !== null;
        heading.hidden = !any;
        if (list) list.hidden = !any;
      });
      Array.prototype.forEach.call(root.querySelectorAll(".bw-month-index a"), function (link) {
        var heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));  // Material makes hrefs absolute
        link.parentNode.hidden = heading !== null && heading.hidden;
      });
      if (count) {
        count.textContent = shown === events.length
          ? "All " + events.length + " events shown"
          : shown + " of " + events.length + " events shown";
      }
    }

    selects.forEach(function (select) { select.addEventListener("change", apply); });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
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
