// The reader's enhancements. The page is complete without them: the display modes and note
// filters work by CSS alone, and notes open as native <details>. This script
//  - remembers the display mode (localStorage) and announces a change,
//  - remembers which marks of the text the reader switched off in the key to the marks,
//  - makes "open all notes" and each sentence's "copy link" work (the page holds them, shown
//    only when scripts run: adding them here would lay the page out again),
//  - opens the notes a link or a marked phrase points at, and highlights a note's phrase,
//  - shows a short preview of a term, actor, place or source on hover, focus or tap
//    (Escape closes it; it sits below the word, or above when there is no room, never on it),
//  - moves focus from sentence to sentence of the report with j and k.
(function () {
  "use strict";
  var STORE = "explainer.display." + (document.documentElement.lang || "en");  // one choice per language

  function store(key, value) {
    try { if (value === undefined) { return window.localStorage.getItem(key); } window.localStorage.setItem(key, value); }
    catch (error) { return null; }  // storage refused (file://, private mode): the choice is not kept
    return null;
  }

  function announce(reader, text) {
    var live = reader.querySelector("[aria-live]");
    if (live) { live.textContent = ""; window.setTimeout(function () { live.textContent = text; }, 50); }
  }

  function setUpReader(reader) {
    var radios = reader.querySelectorAll('input[name="display"]');
    var saved = store(STORE);
    radios.forEach(function (radio) {
      if (saved && radio.value === saved) { radio.checked = true; }
      radio.addEventListener("change", function () {
        if (!radio.checked) { return; }
        store(STORE, radio.value);
        announce(reader, radio.parentNode.innerText.trim());  // the visible name (one of two on a phone)
      });
    });

    var openAll = reader.querySelector("button.open-all");
    var groups = reader.querySelectorAll("details.notes");
    if (openAll) {
      openAll.addEventListener("click", function () {
        var open = openAll.getAttribute("aria-pressed") !== "true";
        groups.forEach(function (group) { group.open = open; });
        openAll.setAttribute("aria-pressed", String(open));
        openAll.textContent = openAll.getAttribute(open ? "data-close" : "data-open");
      });
    }

    // A note's phrase is highlighted while its notes are open.
    groups.forEach(function (group) {
      group.addEventListener("toggle", function () {
        group.querySelectorAll(".note[id]").forEach(function (note) {
          reader.querySelectorAll('mark[data-notes~="' + note.id + '"]').forEach(function (mark) {
            mark.classList.toggle("active", group.open);
          });
        });
      });
    });
    // A marked phrase opens the notes about it (a click, not a link: the text stays text).
    reader.querySelectorAll("mark[data-notes]").forEach(function (mark) {
      mark.addEventListener("click", function (event) {
        if (event.target.closest("a")) { return; }
        mark.getAttribute("data-notes").split(" ").forEach(function (id) { openTo(document.getElementById(id), false); });
      });
    });

    var copied = reader.querySelector("[data-copied]");
    reader.querySelectorAll(".sentence-tools button.copy-link").forEach(function (button) {
      var sentence = button.closest(".sentence");  // its id is the address, its place ("2.1") its name
      var id = sentence.id;
      button.addEventListener("click", function () {
        var url = window.location.href.split("#")[0] + "#" + id;
        var done = function () { announce(reader, copied.getAttribute("data-copied").replace("{place}", sentence.getAttribute("data-place"))); };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(url).then(done, function () { fallbackCopy(url); done(); });
        } else { fallbackCopy(url); done(); }
      });
    });
  }

  // The key to the marks: the marks switched off are remembered (for both languages), and the
  // key opens when one is off, so that the reader sees why the text lacks it.
  var MARKS = "explainer.marks-off";
  function setUpMarkSwitches(reader) {
    var legend = reader.querySelector(".marks-legend");
    if (!legend) { return; }
    var switches = legend.querySelectorAll('input[name="marks"]');
    var off = (store(MARKS) || "").split(" ");
    switches.forEach(function (box) {
      if (off.indexOf(box.value) >= 0) { box.checked = false; legend.open = true; }
      box.addEventListener("change", function () {
        var now = [];
        switches.forEach(function (other) { if (!other.checked) { now.push(other.value); } });
        store(MARKS, now.join(" "));
      });
    });
  }

  function fallbackCopy(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    try { document.execCommand("copy"); } catch (error) { /* nothing more to try */ }
    document.body.removeChild(field);
  }

  // Open every <details> around an element (a #fragment or a marked phrase leads into a note).
  function openTo(element, scroll) {
    if (!element) { return; }
    for (var node = element.parentNode; node; node = node.parentNode) {
      if (node.tagName === "DETAILS") { node.open = true; }
    }
    if (scroll) { element.scrollIntoView(); }
  }
  function openHash() {
    if (window.location.hash.length > 1) {
      try { openTo(document.getElementById(decodeURIComponent(window.location.hash.slice(1))), true); }
      catch (error) { /* a malformed fragment: nothing to open */ }
    }
  }

  // ---- previews -----------------------------------------------------------------------
  var preview, owner, hideTimer;
  function words() {  // the page's interface words, which the search dialog carries
    var dialog = document.getElementById("explainer-search");
    try { return JSON.parse(dialog.getAttribute("data-words")) || {}; } catch (error) { return {}; }
  }

  function showPreview(link) {
    window.clearTimeout(hideTimer);
    if (!preview) {
      preview = document.createElement("div");
      preview.className = "preview";
      preview.id = "explainer-preview";
      preview.setAttribute("role", "tooltip");
      preview.hidden = true;
      preview.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
      preview.addEventListener("mouseleave", scheduleHide);
      document.body.appendChild(preview);
    }
    owner = link;
    preview.textContent = "";
    var text = document.createElement("p");
    text.textContent = link.getAttribute("data-preview");
    preview.appendChild(text);
    var more = document.createElement("a");
    more.href = link.getAttribute("href");
    more.textContent = words().full_entry || "→";
    preview.appendChild(more);
    preview.dir = document.documentElement.dir || "ltr";
    preview.hidden = false;
    link.setAttribute("aria-describedby", preview.id);
    place(link);
  }

  function place(link) {
    var box = link.getBoundingClientRect();
    var width = preview.offsetWidth, height = preview.offsetHeight;
    var viewport = document.documentElement.clientWidth;
    var left = document.documentElement.dir === "rtl" ? box.right - width : box.left;
    left = Math.max(8, Math.min(left, viewport - width - 8));
    var below = box.bottom + 6;
    var top = below + height > window.innerHeight && box.top - height - 6 > 0 ? box.top - height - 6 : below;
    preview.style.left = (left + window.scrollX) + "px";
    preview.style.top = (top + window.scrollY) + "px";
  }

  function hidePreview() {
    if (preview) { preview.hidden = true; }
    if (owner) { owner.removeAttribute("aria-describedby"); owner = null; }
  }
  function scheduleHide() { window.clearTimeout(hideTimer); hideTimer = window.setTimeout(hidePreview, 250); }

  function setUpPreviews() {
    document.querySelectorAll("a[data-preview]").forEach(function (link) {
      link.addEventListener("mouseenter", function () { showPreview(link); });
      link.addEventListener("mouseleave", scheduleHide);
      link.addEventListener("focus", function () { showPreview(link); });
      link.addEventListener("blur", function (event) {
        if (!preview || !preview.contains(event.relatedTarget)) { scheduleHide(); }
      });
      // On a touch screen the first tap shows the preview; the preview's link leads on.
      link.addEventListener("pointerup", function (event) {
        if (event.pointerType === "touch" && owner !== link) { link.dataset.touched = "1"; }
      });
      link.addEventListener("click", function (event) {
        if (link.dataset.touched) {
          delete link.dataset.touched;
          event.preventDefault();
          showPreview(link);
        }
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && preview && !preview.hidden) {
        var back = owner;
        hidePreview();
        if (back && preview.contains(document.activeElement)) { back.focus(); }
      }
    });
    document.addEventListener("pointerdown", function (event) {
      if (preview && !preview.hidden && !preview.contains(event.target) && event.target.closest("a[data-preview]") !== owner) {
        hidePreview();
      }
    });
  }

  // ---- sentence to sentence: j and k ---------------------------------------------------
  // j focuses the next sentence, k the previous one, from the focused sentence (or the one a
  // focused link or note is in), else from the top of the window. Each sentence is a named
  // group ("Sentence 1.3", in the page's language, from the hint's data-sentence-name):
  // screen readers speak a focus change, with the name and role, in every browser, where a
  // live region's message would be spoken as well, or cut off by the focus change. The keys
  // are left alone while the reader types (a field, a choice, search) or holds a modifier.
  // With a keyboard layout that has no Latin letters (Arabic), the keys in j's and k's places.
  function sentenceStep(event) {
    if (event.key === "j" || event.key === "k") { return event.key === "j" ? 1 : -1; }
    if (/^[a-z]$/i.test(event.key)) { return 0; }  // another Latin letter in j's place (Dvorak)
    return event.code === "KeyJ" ? 1 : event.code === "KeyK" ? -1 : 0;
  }

  function setUpSentenceKeys() {
    var sentences = Array.prototype.slice.call(document.querySelectorAll(".reader .sentence[id]"));
    if (!sentences.length) { return; }
    var named = document.querySelector(".reader [data-sentence-name]");
    sentences.forEach(function (sentence) {
      sentence.tabIndex = -1;
      if (named) {
        // A sentence that is an item of a list (the roadmap's points) stays a list item (a
        // list holds only items); a list item is named all the same.
        if (sentence.tagName !== "LI") { sentence.setAttribute("role", "group"); }
        sentence.setAttribute("aria-label", named.getAttribute("data-sentence-name").replace("{place}", sentence.getAttribute("data-place")));
      }
    });
    var header = document.querySelector(".md-header");
    function line() { return header ? header.getBoundingClientRect().bottom : 0; }

    function target(step) {
      var focused = document.activeElement && document.activeElement.closest(".reader .sentence[id]");
      var at = focused ? sentences.indexOf(focused) : -1;
      if (at < 0) {  // the first sentence that starts below the header (j), or the one before it (k)
        var top = line();
        at = sentences.length;
        for (var i = 0; i < sentences.length; i++) {
          if (sentences[i].getBoundingClientRect().top >= top - 1) { at = i; break; }
        }
        return sentences[step > 0 ? at : at - 1];
      }
      return sentences[Math.max(0, Math.min(sentences.length - 1, at + step))];
    }

    document.addEventListener("keydown", function (event) {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) { return; }
      var step = sentenceStep(event);
      var active = document.activeElement || document.body;
      if (!step || active.isContentEditable || active.closest("input, textarea, select, .md-search, [role=dialog]")) { return; }
      var search = document.getElementById("__search");
      if (search && search.checked) { return; }
      var sentence = target(step);
      if (!sentence) { return; }
      event.preventDefault();
      sentence.focus({ preventScroll: true });
      // Into view when any of it is hidden, its top below the fixed header (its scroll-margin,
      // and a correction if the header is taller than that margin).
      var box = sentence.getBoundingClientRect();
      if (box.top < line() || box.bottom > window.innerHeight) {
        sentence.scrollIntoView({ block: "start", behavior: "instant" });
        var under = line() - sentence.getBoundingClientRect().top;
        if (under > 0) { window.scrollBy({ top: -under - 8, behavior: "instant" }); }
      }
    });
  }

  document.querySelectorAll(".reader").forEach(setUpReader);
  document.querySelectorAll(".reader").forEach(setUpMarkSwitches);
  setUpPreviews();
  setUpSentenceKeys();
  openHash();
  window.addEventListener("hashchange", openHash);
})();
