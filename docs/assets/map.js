/* The chronology's map (progressive enhancement). Without this script the map is a plain picture
   whose pins link to the place pages. With it: the timeline filters highlight the pins of the
   events shown; a pin filters the list to its place (the "On the map" filter); a month slider
   colours each pin as the control chart draws that month (grey before the first report about a
   place and after its last); its last stop restores the latest-report colours. Keyboard: pins are links (Tab,
   Enter), the slider is a range input (arrow keys). Re-run on each page of instant navigation. */
(function () {
  "use strict";

  function setup(root) {
    var figure = root.querySelector(".bw-chrono-map [data-bw-map-months]");
    var form = root.querySelector(".bw-filters");
    if (!figure || !form || figure.getAttribute("data-bw-ready")) return;
    figure.setAttribute("data-bw-ready", "1");
    var where = form.querySelector('select[data-bw-attr="pins"]');
    var pins = Array.prototype.slice.call(figure.querySelectorAll("[data-bw-pin]"));
    var events = Array.prototype.slice.call(root.querySelectorAll(".bw-event"));
    var months = figure.getAttribute("data-bw-map-months").split(" ");

    function highlight() {
      var shown = {};
      var filtered = false;
      events.forEach(function (entry) {
        if (entry.hidden) { filtered = true; return; }
        (entry.getAttribute("data-pins") || "").split(" ").forEach(function (id) { if (id) shown[id] = true; });
      });
      pins.forEach(function (pin) {
        var id = pin.getAttribute("data-bw-pin");
        pin.classList.toggle("bw-map-match", filtered && shown[id] === true);
        pin.classList.toggle("bw-map-dim", filtered && shown[id] !== true);
        pin.setAttribute("aria-current", where && where.value === id ? "true" : "false");
      });
    }

    pins.forEach(function (pin) {
      pin.addEventListener("click", function (event) {
        var id = pin.getAttribute("data-bw-pin");
        if (!where || !where.querySelector('option[value="' + id + '"]')) return;  // no event there: follow the link
        event.preventDefault();
        where.value = where.value === id ? "" : id;  // a second click shows every event again
        where.dispatchEvent(new Event("change", { bubbles: true }));
      });
    });
    form.addEventListener("change", function () { window.setTimeout(highlight, 0); });
    form.addEventListener("reset", function () { window.setTimeout(highlight, 0); });

    // The month slider: who held each pinned place at the end of the chosen month.
    var label = document.createElement("label");
    label.className = "bw-map-slider";
    var text = document.createElement("span");
    var slider = document.createElement("input");
    slider.type = "range";
    slider.min = "0";
    slider.max = String(months.length);  // one stop per month, then "latest report"
    slider.value = slider.max;
    slider.setAttribute("aria-label", "Holders in month, by the reports of that month");
    var output = document.createElement("output");
    text.textContent = "Holders in";
    label.appendChild(text);
    label.appendChild(slider);
    label.appendChild(output);
    figure.insertBefore(label, figure.querySelector("figure").nextSibling);

    pins.forEach(function (pin) {  // the latest-report colours, for the last stop
      var dot = pin.querySelector(".bw-map-dot");
      if (dot) dot.setAttribute("data-bw-latest", dot.getAttribute("class"));
    });

    function showMonth() {
      var key = months[Number(slider.value)];
      var parts = (key || "").split("-");
      output.textContent = key ? new Date(Number(parts[0]), Number(parts[1]) - 1, 1).toLocaleString("en", { month: "long", year: "numeric" })
        : "the latest report about each place";
      slider.setAttribute("aria-valuetext", output.textContent);
      pins.forEach(function (pin) {
        var table = JSON.parse(pin.getAttribute("data-bw-months") || "{}");
        var dot = pin.querySelector(".bw-map-dot");
        if (!dot) return;
        dot.setAttribute("class", key ? "bw-map-dot " + (table[key] || "bw-pin-plain") : dot.getAttribute("data-bw-latest"));
      });
    }
    slider.addEventListener("input", showMonth);
    showMonth();

    // The month index: following a month's link also moves the slider to it.
    Array.prototype.forEach.call(root.querySelectorAll(".bw-month-index a"), function (link) {
      link.addEventListener("click", function () {
        var at = months.indexOf(decodeURIComponent(link.hash.slice(1)).replace("month-", ""));
        if (at >= 0) { slider.value = String(at); showMonth(); }
      });
    });
    highlight();
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
