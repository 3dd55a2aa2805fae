// Search in the page's language (overrides/partials/explainer-search.html holds the markup).
// The index, search/<lang>.js, is written by the engine (explainer/site_built/search_index.py)
// and loaded with a <script> tag only when the reader opens search: a fetch() would fail from
// file://. Results are units a reader wants to land on: a sentence, an entry, a section.
//
// Words are folded before they are compared, the same way on both sides (the index is folded
// here, when it loads): case, Latin accents, Arabic diacritics and tatweel, the hamza forms
// (أ إ آ ٱ → ا, ؤ → و, ئ → ي), taa marbuta (ة → ه), alef maqsura (ى → ي), Arabic-Indic
// digits, apostrophes. An Arabic word in the text also answers without its article and
// attached particles (ال، وال، بال، كال، فال، لل، و، ف، ب، ل، ك), and a query word matches the
// beginning of a word, so that «مفاوضات» finds «المفاوضات» and "Busr" finds "Busra".
(function () {
  "use strict";

  var MARKS = /[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640'’‘ʿʾ`]/g;
  var ARABIC = /[\u0621-\u064a]/;
  var ARTICLES = ["وال", "فال", "بال", "كال", "لل", "ال"];
  var PARTICLES = "وفبلك";
  var WORD = /[\p{L}\p{N}\p{M}'’‘ʿʾ]+/gu;

  function fold(word) {
    return word.normalize("NFD").toLowerCase().replace(MARKS, "")
      .replace(/\u0671/g, "\u0627").replace(/[\u0649\u06cc]/g, "\u064a").replace(/\u0629/g, "\u0647")
      .replace(/\u06a9/g, "\u0643")
      .replace(/[\u0660-\u0669]/g, function (d) { return String(d.charCodeAt(0) - 0x0660); })
      .replace(/[\u06f0-\u06f9]/g, function (d) { return String(d.charCodeAt(0) - 0x06f0); });
  }

  function withoutArticle(word) {
    if (!ARABIC.test(word)) return word;
    for (var i = 0; i < ARTICLES.length; i++) {
      var a = ARTICLES[i];
      if (word.length - a.length >= 2 && word.lastIndexOf(a, 0) === 0) return word.slice(a.length);
    }
    return word;
  }

  function withoutParticle(word) {
    return ARABIC.test(word) && word.length >= 4 && PARTICLES.indexOf(word[0]) >= 0 ? word.slice(1) : null;
  }

  // Every form a word of the text answers to: itself, without its article, without an attached
  // particle (and then without the article too).
  function textForms(folded) {
    var forms = [folded];
    var bare = withoutArticle(folded);
    if (bare !== folded) forms.push(bare);
    var rest = withoutParticle(folded);
    if (rest) {
      forms.push(rest);
      var restBare = withoutArticle(rest);
      if (restBare !== rest) forms.push(restBare);
    }
    return forms;
  }

  // A query word, as typed: its main form (the article dropped) and, for a word that may begin
  // with a particle, the form without it (a weaker match: «بصرى» is not «ب» + «صرى»).
  function queryForms(folded) {
    var main = withoutArticle(folded);
    var rest = withoutParticle(main);
    return rest && rest !== main ? [main, withoutArticle(rest)] : [main];
  }

  function words(text) {
    var found = [];
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text))) {
      var folded = fold(match[0]);
      if (folded) found.push({ start: match.index, end: match.index + match[0].length, forms: textForms(folded) });
    }
    return found;
  }

  function formsOf(text) {
    var all = [];
    words(text).forEach(function (w) { all.push.apply(all, w.forms); });
    return all;
  }

  // The names table: a unit that names someone or somewhere in one spelling answers to all of
  // the name's spellings, in both scripts.
  function nameKeywords(unitWords, names) {
    var keywords = [];
    names.forEach(function (name) {
      var spellings = name.ar.concat(name.en);
      var named = spellings.some(function (spelling) {
        var wanted = words(spelling).map(function (w) { return withoutArticle(w.forms[0]); });
        if (!wanted.length) return false;
        for (var i = 0; i + wanted.length <= unitWords.length; i++) {
          var all = true;
          for (var j = 0; j < wanted.length && all; j++) all = unitWords[i + j].forms.indexOf(wanted[j]) >= 0;
          if (all) return true;
        }
        return false;
      });
      if (named) keywords.push.apply(keywords, formsOf(spellings.join(" ")));
    });
    return keywords;
  }

  function prepare(data) {
    return {
      pages: data.pages,
      units: data.units.map(function (u, position) {
        var text = u[3];
        var unitWords = words(text);
        var titleWords = words(u[2] || data.pages[u[0]][1]);
        var titleForms = [];
        titleWords.forEach(function (w) { titleForms.push.apply(titleForms, w.forms); });
        // A name in the heading answers in all its spellings as strongly as the heading itself.
        titleForms.push.apply(titleForms, nameKeywords(titleWords, data.names || []));
        return {
          page: u[0], anchor: u[1], title: u[2], text: text, position: position,
          words: unitWords, titleForms: titleForms, keywords: nameKeywords(unitWords, data.names || [])
        };
      })
    };
  }

  // 2 for a whole word, 1 for its beginning, 0 for no match.
  function matchForms(forms, candidates) {
    var best = 0;
    for (var i = 0; i < forms.length && best < 2; i++) {
      for (var k = 0; k < candidates.length; k++) {
        var q = candidates[k];
        var weaker = k > 0 ? 0.5 : 1;
        if (forms[i] === q) best = Math.max(best, 2 * weaker);
        else if (q.length >= 2 && forms[i].lastIndexOf(q, 0) === 0) best = Math.max(best, weaker);
      }
    }
    return best;
  }

  function search(index, query) {
    var terms = words(query).map(function (w) { return queryForms(w.forms[0]); });
    if (!terms.length) return [];
    var results = [];
    index.units.forEach(function (unit) {
      var score = 0;
      var hits = [];
      for (var t = 0; t < terms.length; t++) {
        var inTitle = matchForms(unit.titleForms, terms[t]) * 3;
        var inKeywords = matchForms(unit.keywords, terms[t]);
        var inText = 0;
        for (var w = 0; w < unit.words.length; w++) {
          var m = matchForms(unit.words[w].forms, terms[t]);
          if (m) { hits.push(unit.words[w]); inText = Math.max(inText, m); }
        }
        var best = Math.max(inTitle, inKeywords, inText);
        if (!best) return;  // every word of the query must be found
        score += best + Math.min(hits.length, 5) * 0.05;
      }
      results.push({ unit: unit, score: score, hits: hits });
    });
    results.sort(function (a, b) { return b.score - a.score || a.unit.position - b.unit.position; });
    return results;
  }

  // A run of text in one script gets its own direction, so that an English phrase in an Arabic
  // snippet (or the reverse) reads in order. Runs of one script, each ending on a letter or digit of its script: the punctuation and
  // spaces between two runs stay outside both, where the paragraph's direction places them, as
  // in the page's own text ("بـ«word»،" keeps its marks around the Latin word).
  // Letters (and their marks) only: the Arabic comma, semicolon and question mark are neutral.
  var RTL_LETTERS = "\u05d0-\u05ea\u0620-\u065f\u0670-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff" +
                    "\ufb1d-\ufdff\ufe70-\ufeff";
  var LTR_LETTERS = "A-Za-z\u00c0-\u024f";
  var DIGITS = "0-9\u0660-\u0669";
  var RUN = new RegExp("[" + RTL_LETTERS + "](?:[^" + LTR_LETTERS + "]*[" + RTL_LETTERS + DIGITS + "])?|[" + LTR_LETTERS +
                       "](?:[^" + RTL_LETTERS + "]*[" + LTR_LETTERS + DIGITS + "])?|[^" + LTR_LETTERS + RTL_LETTERS + "]+", "g");
  var STARTS_RTL = new RegExp("^[" + RTL_LETTERS + "]"), STARTS_LTR = new RegExp("^[" + LTR_LETTERS + "]");

  function appendRuns(parent, text, marked) {
    (text.match(RUN) || []).forEach(function (run) {
      var script = STARTS_RTL.test(run) ? "rtl" : STARTS_LTR.test(run) ? "ltr" : "";
      if (!script && !marked) {  // punctuation and spaces between runs: plain text
        parent.appendChild(document.createTextNode(run));
        return;
      }
      var element = document.createElement(marked ? "mark" : "bdi");
      if (script) element.dir = script;
      element.textContent = run;
      parent.appendChild(element);
    });
  }

  function snippet(result, length) {
    var text = result.unit.text;
    var first = result.hits.length ? result.hits[0].start : 0;
    var from = Math.max(0, first - length / 3);
    if (from > 0) from = text.indexOf(" ", from) + 1 || from;
    var to = Math.min(text.length, from + length);
    var p = document.createElement("p");
    p.className = "md-search-result__teaser";
    if (from > 0) p.appendChild(document.createTextNode("… "));
    var at = from;
    result.hits.filter(function (h) { return h.start >= from && h.end <= to; })
      .sort(function (a, b) { return a.start - b.start; })
      .forEach(function (h) {
        if (h.start < at) return;
        appendRuns(p, text.slice(at, h.start), false);
        appendRuns(p, text.slice(h.start, h.end), true);
        at = h.end;
      });
    appendRuns(p, text.slice(at, to), false);
    if (to < text.length) p.appendChild(document.createTextNode(" …"));
    return p;
  }

  window.explainerSearch = { fold: fold, textForms: textForms, queryForms: queryForms, prepare: prepare, search: search };

  var dialog = document.getElementById("explainer-search");
  var toggle = document.getElementById("__search");
  if (!dialog || !toggle) return;
  var input = dialog.querySelector("input[name=query]");
  var meta = dialog.querySelector(".md-search-result__meta");
  var list = dialog.querySelector(".md-search-result__list");
  var opener = document.querySelector(".explainer-search-button");
  var lang = dialog.getAttribute("data-lang");
  var base = dialog.getAttribute("data-base") || ".";
  var text = JSON.parse(dialog.getAttribute("data-words"));
  var plural = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;
  var index = null;
  var loading = false;
  var SHOWN = 50;

  function count(n) {
    var key = n === 0 ? "zero" : plural ? plural.select(n) : n === 1 ? "one" : "other";
    return (text.results[key] || text.results.other).replace("#", n.toLocaleString(lang));
  }

  function load() {
    var ready = window.explainerSearchData && window.explainerSearchData[lang];
    if (ready) { index = index || prepare(ready); return; }
    if (loading) return;
    loading = true;
    meta.textContent = text.loading;
    var script = document.createElement("script");
    script.src = dialog.getAttribute("data-index");
    script.onload = function () { loading = false; load(); render(); };
    script.onerror = function () { loading = false; meta.textContent = text.failed; };
    document.head.appendChild(script);
  }

  // The results area is a Tab stop (a keyboard scrolls it) only while it holds results: empty,
  // Tab from the field drew a ring round the hint alone.
  var area = dialog.querySelector(".md-search__scrollwrap");
  function focusable() {
    if (list.firstChild) area.setAttribute("tabindex", "0"); else area.removeAttribute("tabindex");
  }

  function render() {
    if (!index) return;
    var query = input.value.trim();
    list.textContent = "";
    focusable();
    if (!query) { meta.textContent = text.start; return; }
    var results = search(index, query);
    meta.textContent = count(results.length);
    results.slice(0, SHOWN).forEach(function (result) {
      var unit = result.unit;
      var page = index.pages[unit.page];
      var item = document.createElement("li");
      item.className = "md-search-result__item";
      var link = document.createElement("a");
      link.className = "md-search-result__link";
      link.href = base + "/" + page[0] + (unit.anchor ? "#" + unit.anchor : "");
      var article = document.createElement("article");
      article.className = "md-search-result__article md-typeset";
      if (page[2]) {  // a report's page of a collection: which report the result is from
        var report = document.createElement("p");
        report.className = "explainer-search-report";
        appendRuns(report, page[2], false);
        article.appendChild(report);
      }
      var heading = document.createElement("h3");
      appendRuns(heading, unit.title ? page[1] + " › " + unit.title : page[1], false);
      article.appendChild(heading);
      article.appendChild(snippet(result, 160));
      link.appendChild(article);
      item.appendChild(link);
      list.appendChild(item);
    });
    focusable();
  }

  function open() {
    if (!toggle.checked) { toggle.checked = true; toggle.dispatchEvent(new Event("change")); }
    load();
    render();
    if (document.activeElement !== input) input.focus();
  }

  // Closing leaves focus where the reader sent it (Tab out of search, a click elsewhere); with
  // `returnFocus` (Escape, a result followed) it goes back to the opener on a phone, where the
  // field is hidden once closed, else to the field itself, without opening search again.
  var quiet = false;
  function close(returnFocus) {
    if (toggle.checked) { toggle.checked = false; toggle.dispatchEvent(new Event("change")); }
    if (!returnFocus) return;
    if (opener && getComputedStyle(opener).display !== "none") { opener.focus(); return; }
    quiet = true;
    input.focus();
    quiet = false;
  }

  var pending = null;
  input.addEventListener("input", function () {
    if (!toggle.checked && input.value) open();  // typing after Escape opens it again (a second Escape empties the field)
    clearTimeout(pending);
    pending = setTimeout(render, 80);
  });
  input.addEventListener("focus", function () { if (!quiet) open(); });
  input.addEventListener("click", function () { if (!toggle.checked) open(); });
  // Search is a dialog over the page: once focus moves to anything outside it (Tab past its
  // last control, Shift+Tab before its field, a click on a link of the header), it closes, so
  // that its overlay never hides the page the reader is moving through. A focus that goes
  // nowhere (the window loses focus, a click on a part of search that takes no focus) keeps it.
  dialog.addEventListener("focusout", function (event) {
    var to = event.relatedTarget;
    if (toggle.checked && to && !dialog.contains(to)) close(false);
  });
  toggle.addEventListener("change", function () { if (toggle.checked) open(); });
  dialog.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) first.focus();
  });
  dialog.querySelector("form").addEventListener("reset", function () {
    setTimeout(function () { render(); input.focus(); }, 0);
  });
  // A result followed: the browser moves on to its target (on this page or another); only on a
  // phone, where the field hides, does focus go back to the opener.
  list.addEventListener("click", function (event) {
    if (!event.target.closest("a")) return;
    close(false);
    if (opener && getComputedStyle(opener).display !== "none") opener.focus();
  });
  if (opener) opener.addEventListener("click", open);
  toggle.addEventListener("change", function () { if (opener) opener.setAttribute("aria-expanded", String(toggle.checked)); });
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) || document.activeElement.isContentEditable;
    if (toggle.checked && event.key === "Escape") { event.preventDefault(); close(true); return; }
    if (!toggle.checked && !typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "/" || event.key === "s")) {
      event.preventDefault();
      open();
      return;
    }
    if (toggle.checked && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      if (!links.length) return;
      var at = links.indexOf(document.activeElement);
      var next = event.key === "ArrowDown" ? at + 1 : at - 1;
      event.preventDefault();
      if (next < 0) input.focus();
      else links[Math.min(next, links.length - 1)].focus();
    }
  });
})();
