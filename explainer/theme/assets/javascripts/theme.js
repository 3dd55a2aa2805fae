// The few behaviours of Material's page chrome this site uses, in place of Material's 114 KB
// bundle (35 KiB gzip, a third of a first visit). Everything else of the bundle (instant
// loading, its search, tabs, code copy, annotations, tooltips) is a feature this site does not
// turn on. Each part below works on the markup Material's templates write; without this
// script the page still reads, navigates (the drawer is a CSS checkbox) and prints.
// (The page is marked scripted, `html.js`, and its colour scheme chosen by inline scripts in
// overrides/main.html and overrides/partials/header.html, before the first paint.)
(function () {
  "use strict";

  // Colour scheme: the toggle in the header switches to the other option, applied by the
  // header's explainerApplyPalette, and stored where Material stores it, so that the header's
  // script picks it on every page.
  function setUpPalette(form) {
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name='__palette']"));
    if (!inputs.length || !window.explainerApplyPalette) { return; }
    inputs.forEach(function (input, i) {
      input.addEventListener("change", function () {
        if (!input.checked) { return; }
        var color = window.explainerApplyPalette(i);
        if (color && window.__md_set) { window.__md_set("__palette", { index: i, color: color }); }
      });
    });
    form.addEventListener("keydown", function (event) {  // Enter on a toggle switches, as a click does
      if (event.key !== "Enter") { return; }
      var current = inputs.findIndex(function (input) { return input.checked; });
      var next = inputs[(current + 1) % inputs.length];
      next.click();
      next.focus();
      event.preventDefault();
    });
  }

  // The header: a shadow once the page scrolls, and the page's title in place of the site's
  // once the page's own heading has scrolled out of view.
  function setUpHeader(header) {
    var title = header.querySelector("[data-md-component='header-title']");
    var heading = document.querySelector(".md-content h1");
    function update() {
      header.classList.toggle("md-header--shadow", window.scrollY > 0);
      if (title && heading) {
        title.classList.toggle("md-header__title--active", heading.getBoundingClientRect().bottom < header.offsetHeight);
      }
    }
    return update;
  }

  // The table of contents: the section being read is marked, the ones above it passed, and the
  // list scrolls to keep the mark in view (toc.follow).
  function setUpContents(nav, header) {
    var links = Array.prototype.slice.call(nav.querySelectorAll("a.md-nav__link[href^='#']"));
    var targets = links.map(function (link) {
      return document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    });
    var scrollwrap = nav.closest(".md-sidebar__scrollwrap");
    var active = null;
    return function () {
      var line = header.offsetHeight + 8;
      var current = -1;
      targets.forEach(function (target, i) { if (target && target.getBoundingClientRect().top <= line) { current = i; } });
      links.forEach(function (link, i) {
        link.classList.toggle("md-nav__link--passed", i < current);
        link.classList.toggle("md-nav__link--active", i === current);
      });
      var now = links[current] || null;
      if (now && now !== active && scrollwrap && scrollwrap.scrollHeight > scrollwrap.clientHeight) {
        var box = scrollwrap.getBoundingClientRect();
        var at = now.getBoundingClientRect();
        if (at.top < box.top || at.bottom > box.bottom) { scrollwrap.scrollTop += at.top - box.top - box.height / 2; }
      }
      active = now;
    };
  }

  // The drawer (a checkbox): Escape closes it, and so does following a link inside it.
  function setUpDrawer(toggle) {
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) { toggle.checked = false; }
    });
    var drawer = document.querySelector(".md-sidebar--primary");
    if (drawer) {
      drawer.addEventListener("click", function (event) {
        if (event.target.closest("a[href]")) { toggle.checked = false; }
      });
    }
  }

  var updates = [];
  var palette = document.querySelector("[data-md-component='palette']");
  if (palette) { setUpPalette(palette); }
  var header = document.querySelector("[data-md-component='header']");
  if (header) { updates.push(setUpHeader(header)); }
  var toc = document.querySelector(".md-sidebar--secondary .md-nav--secondary");
  if (toc && header) { updates.push(setUpContents(toc, header)); }
  var drawer = document.getElementById("__drawer");
  if (drawer) { setUpDrawer(drawer); }

  var pending = false;
  function update() {
    pending = false;
    updates.forEach(function (run) { run(); });
  }
  function schedule() {
    if (!pending) { pending = true; window.requestAnimationFrame(update); }
  }
  window.addEventListener("scroll", schedule, { passive: true });
  window.addEventListener("resize", schedule, { passive: true });
  update();
})();
