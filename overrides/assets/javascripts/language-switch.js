// Keep the reader's place when switching language: Material's language links point at the
// twin page but drop the #fragment, so a reader on sentence #p1-s3 would land at the top.
// Both languages share every anchor id, so carrying the fragment over is enough.
(function () {
  function carryFragment() {
    var links = document.querySelectorAll("a.md-select__link[hreflang]");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href").split("#")[0];
      links[i].setAttribute("href", href + window.location.hash);
    }
  }
  carryFragment();
  window.addEventListener("hashchange", carryFragment);
})();
