// Keep the reader's place when switching language: Material's language links point at the
// twin page but drop the #fragment, so a reader on sentence #p1-s3 would land at the top.
// Both languages share every anchor id (but the page's title, a slug of each language's own,
// and the map's drawing; tests/test_keyboard.py checks it), so carrying the fragment over is
// enough. With no fragment in the address, the link points, at the moment it is followed
// (click, Enter, middle click, the context menu), at what the reader sees at the top of the
// window; at the top of the page it points at the page alone.
(function () {
  "use strict";
  var links = document.querySelectorAll("a.md-select__link[hreflang]");
  var header = document.querySelector(".md-header");

  // The first element with an id (a sentence, heading, entry) not above the header: the
  // innermost one when it began above the header (a sentence inside its paragraph), and, when
  // the first one starts far down the window, the last one that began above the header (the
  // heading of the section being read) rather than a later one.
  function atTop() {
    if (window.scrollY <= 0) { return ""; }
    var line = header ? header.getBoundingClientRect().bottom : 0;
    var near = line + (window.innerHeight - line) / 3;
    var best = null, bestTop = 0, started = false, above = null;
    var candidates = document.querySelectorAll(".md-content [id]");
    for (var i = 0; i < candidates.length; i++) {
      var element = candidates[i];
      if (element.tagName === "H1" || element.closest("svg")) { continue; }
      // Not shown: a note inside closed <details> (whose box Chromium still measures).
      var closed = element.closest("details:not([open])");
      if (closed && !(closed.querySelector("summary") || closed).contains(element)) { continue; }
      var box = element.getBoundingClientRect();
      if (!box.height) { continue; }
      if (box.bottom <= line + Math.min(48, box.height / 2)) {
        if (box.top < line) { above = element; }
        continue;
      }
      if (best && !best.contains(element)) { break; }
      // Once one starts at the top of the window, only a part of it that starts with it (the
      // paragraph's first sentence) is preferred; its later parts are not.
      if (best && started && box.top - bestTop > 24) { break; }
      best = element;
      bestTop = box.top;
      started = box.top >= line - 8;
    }
    if ((!best || bestTop > near) && above) { best = above; }
    return best ? best.id : "";
  }

  function point(link) {
    var href = link.getAttribute("href").split("#")[0];
    var hash = window.location.hash;
    if (hash.length <= 1) {
      var id = atTop();
      hash = id ? "#" + encodeURIComponent(id) : "";
    }
    link.setAttribute("href", href + hash);
  }

  function pointAll() {
    for (var i = 0; i < links.length; i++) { point(links[i]); }
  }
  ["mouseenter", "focus", "mousedown", "click", "auxclick", "contextmenu"].forEach(function (type) {
    for (var i = 0; i < links.length; i++) {
      links[i].addEventListener(type, function (event) { point(event.currentTarget); });
    }
  });
  pointAll();
  window.addEventListener("hashchange", pointAll);
})();
