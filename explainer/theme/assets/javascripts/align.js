// Aligned phrases (data/alignment.yaml): each phrase of a sentence is a <span class="al"
// data-al="K"> in the Arabic and in the English, K the pair's number in the sentence (several
// spans may share a K: an English phrase in pieces, or a piece cut by a mark's edge). The page
// reads the same without this script, and with it the spans stay quiet until the reader ticks
// "Show aligned phrases" (remembered, for both languages). Then, where both languages are shown
// (side by side or interleaved), pointing at a phrase, tapping it or focusing it highlights it
// and its counterpart in the other language. By keyboard each aligned sentence is one Tab stop
// (its Arabic), the arrow keys move phrase by phrase (roving tabindex), and the reader's live
// region says "Arabic: …, English: …". The highlight is a background only (explainer.css): no
// box moves, and the note and claim marks stay drawn over it.
(function () {
  "use strict";
  var STORE = "explainer.aligned";
  var PHRASE = ".sentence[data-aligned] span.al[data-al]";

  function store(value) {
    try {
      if (value === undefined) { return window.localStorage.getItem(STORE); }
      window.localStorage.setItem(STORE, value);
    } catch (error) { /* storage refused (file://, private mode): the choice is not kept */ }
    return null;
  }

  function setUp(reader) {
    var box = reader.querySelector('input[name="aligned"]');
    var sentences = reader.querySelectorAll(".sentence[data-aligned]");
    if (!box || !sentences.length) { return; }
    var label = box.closest("label");
    var live = reader.querySelector("[aria-live]");
    var hover = null, focus = null, held = null;  // what the pointer, the focus and a tap point at
    var lit = [];

    // Both languages shown (side by side, or one under the other): else there is no counterpart.
    function active() {
      if (!box.checked) { return false; }
      var sentence = sentences[0];
      return sentence.querySelector("p.original").getClientRects().length > 0 &&
        sentence.querySelector("p.translation").getClientRects().length > 0;
    }

    function pair(span) {
      return span.closest(".sentence").querySelectorAll('span.al[data-al="' + span.getAttribute("data-al") + '"]');
    }

    function draw() {
      var span = hover || focus || held;
      lit.forEach(function (element) { element.classList.remove("al-lit"); });
      lit = span && active() ? Array.prototype.slice.call(pair(span)) : [];
      lit.forEach(function (element) { element.classList.add("al-lit"); });
    }

    // A phrase's text in one language: its pieces in order, those next to each other joined by
    // the space between them, those apart (words of other phrases between) by the gap's sign.
    function text(paragraph, k) {
      var out = "", previous = null;
      paragraph.querySelectorAll('span.al[data-al="' + k + '"]').forEach(function (piece) {
        if (previous) {
          var between = document.createRange();
          between.setStartAfter(previous);
          between.setEndBefore(piece);
          var words = between.toString();
          out += words.trim() === "" ? words : label.getAttribute("data-gap");
        }
        out += piece.textContent;
        previous = piece;
      });
      return out.trim();
    }

    function announce(span) {
      if (!live) { return; }
      var sentence = span.closest(".sentence"), k = span.getAttribute("data-al");
      var words = label.getAttribute("data-announce")
        .replace("{ar}", text(sentence.querySelector("p.original"), k))
        .replace("{en}", text(sentence.querySelector("p.translation"), k));
      live.textContent = "";
      window.setTimeout(function () { live.textContent = words; }, 50);
    }

    // One Tab stop a sentence, on its Arabic (the first phrase, or the last one reached); the
    // other phrases are reached with the arrow keys. Switched off, the spans take no focus.
    function stops() {
      var on = active();
      sentences.forEach(function (sentence) {
        var phrases = sentence.querySelectorAll("p.original span.al[data-al]");
        var current = sentence.querySelector('p.original span.al[tabindex="0"]') || phrases[0];
        phrases.forEach(function (span) {
          if (on) { span.tabIndex = span === current ? 0 : -1; } else { span.removeAttribute("tabindex"); }
        });
      });
      if (!on) { hover = focus = held = null; }
      draw();
    }

    function move(span, key) {
      var paragraph = span.closest("p");
      var phrases = Array.prototype.slice.call(paragraph.querySelectorAll("span.al[data-al]"));
      // One stop a phrase (its first piece), in reading order; the arrows follow the line's
      // direction: in Arabic the left arrow goes on.
      var firsts = phrases.filter(function (piece, index) {
        return phrases.findIndex(function (other) { return other.getAttribute("data-al") === piece.getAttribute("data-al"); }) === index;
      });
      var at = firsts.indexOf(paragraph.querySelector('span.al[data-al="' + span.getAttribute("data-al") + '"]'));
      var forward = getComputedStyle(paragraph).direction === "rtl" ? "ArrowLeft" : "ArrowRight";
      var backward = forward === "ArrowLeft" ? "ArrowRight" : "ArrowLeft";
      var to = key === forward ? at + 1 : key === backward ? at - 1 : key === "Home" ? 0 : key === "End" ? firsts.length - 1 : null;
      if (to === null) { return false; }
      var next = firsts[Math.max(0, Math.min(firsts.length - 1, to))];
      paragraph.querySelectorAll("span.al[tabindex]").forEach(function (other) { other.tabIndex = -1; });
      next.tabIndex = 0;
      next.focus();
      return true;
    }

    // A finger has no hover: a tap holds its phrase (click, below). A touch screen also sends the
    // mouse's events where the last tap was, as the page scrolls under it: left alone too.
    var pointing = window.matchMedia("(hover: hover)");
    reader.addEventListener("pointerover", function (event) {
      if (event.pointerType === "touch" || !pointing.matches) { return; }
      hover = event.target.closest(PHRASE);
      draw();
    });
    reader.addEventListener("pointerleave", function () { hover = null; draw(); });
    reader.addEventListener("focusin", function (event) {
      focus = event.target.closest(PHRASE);
      if (focus && active()) { announce(focus); }
      draw();
    });
    reader.addEventListener("focusout", function () { focus = null; draw(); });
    // A tap (or a click) holds its phrase lit until the next one elsewhere, as a finger has no hover.
    document.addEventListener("click", function (event) {
      held = active() && event.target.closest ? event.target.closest(PHRASE) : null;
      draw();
    });
    reader.addEventListener("keydown", function (event) {
      var span = event.target.closest && event.target.closest(PHRASE);
      if (!span || !active() || event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) { return; }
      if (event.key === "Escape") { held = null; draw(); return; }
      if (move(span, event.key)) { event.preventDefault(); }
    });

    if (store() === "on") { box.checked = true; }
    box.addEventListener("change", function () {
      store(box.checked ? "on" : "off");
      // Ticked while one language alone is shown (the Arabic page's default), the reader asks for
      // counterparts: show both languages (side by side, or one under the other on a phone).
      var both = reader.querySelector('input[name="display"][value="side"]');
      if (box.checked && !active() && both) { both.click(); }
      stops();
    });
    reader.querySelectorAll('input[name="display"]').forEach(function (radio) { radio.addEventListener("change", stops); });
    // A window narrowed or widened keeps its mode, but a mode may hide a language at one width.
    window.addEventListener("resize", stops);
    stops();
  }

  document.querySelectorAll(".reader").forEach(setUp);
})();
