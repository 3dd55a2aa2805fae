// "Cite this": every sentence, note, claim and reference entry carries a "Copy citation" button
// (in its tools row, shown only when scripts run). A click copies, in the page's language, the
// publication's title, the item's label, its permanent address (the page's canonical address, from
// site_url, with the item's #anchor: never the file:// address the reader may be on) and the
// reader's today, written as the site writes dates. The words and the title are the page's
// (#explainer-cite, partials/explainer-cite.html), whose live region says what was copied.
//
// Copying: navigator.clipboard where the browser offers it (secure contexts, file:// included
// in Chromium); else a selection and execCommand("copy"); else the citation is shown, selected,
// for the reader to copy. The shown citation isolates the address (dir=ltr) and the label; the
// copied plain text has no invisible controls around the address: an ASCII address between
// full stops is laid out whole by the bidi algorithm in an Arabic line, and a control character
// at its edge is taken into the link by some linkifiers. A label's run in another language is
// isolated by the engine (FSI/PDI, pages_out/citation.py), where it could merge with the address.
(function () {
  "use strict";
  var page = document.getElementById("explainer-cite");
  if (!page) { return; }
  var words;
  try { words = JSON.parse(page.getAttribute("data-words")) || {}; } catch (error) { return; }

  // The rendered page joins some words with no-break characters (escape.keep_together): plain
  // text for the clipboard.
  function plain(text) { return String(text).replace(/\u2060/g, "").replace(/\u00a0/g, " "); }

  function today() {
    var day = new Date();
    return day.getDate() + " " + words.months[day.getMonth()] + " " + day.getFullYear();
  }

  function parts(button) {
    var base = page.getAttribute("data-url") || window.location.href.split("#")[0];
    return {
      title: plain(page.getAttribute("data-title")),
      label: plain(button.getAttribute("data-cite-label")),
      url: base.split("#")[0] + "#" + button.getAttribute("data-cite"),
      date: today()
    };
  }

  function citation(part) {
    return words.text.replace("{title}", part.title).replace("{label}", part.label)
      .replace("{url}", part.url).replace("{date}", part.date);
  }

  function announce(text) {
    page.textContent = "";
    window.setTimeout(function () { page.textContent = text; }, 50);
  }

  function done(button, part) {
    announce(words.copied.replace("{label}", part.label));
    // Seen as well as heard: the button says "Copied" for a moment (its name stays the same).
    if (!button.hasAttribute("data-text")) { button.setAttribute("data-text", button.textContent); }
    button.textContent = words.done;
    button.classList.add("cite-done");
    window.setTimeout(function () { button.textContent = button.getAttribute("data-text"); button.classList.remove("cite-done"); }, 2000);
  }

  function execCopy(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    document.body.removeChild(field);
    return copied;
  }

  // Nothing could copy: the citation under the button, selected, for the reader's own copy command.
  function show(button, part) {
    var block = button.closest("p, td, li");  // its tools row, or the ledger's cell, or the source
    var shown = block.tagName === "P" ? block.nextElementSibling : block.querySelector(".cite-shown");
    if (!shown || !shown.classList.contains("cite-shown")) {
      shown = document.createElement("p");
      shown.className = "cite-shown";
      shown.tabIndex = -1;
      shown.setAttribute("aria-label", words.field);
      if (block.tagName === "P") { block.parentNode.insertBefore(shown, block.nextSibling); } else { block.appendChild(shown); }
    }
    shown.textContent = "";
    var pattern = words.text.split(/(\{\w+\})/);
    pattern.forEach(function (piece) {
      var name = /^\{(\w+)\}$/.exec(piece);
      if (!name) { shown.appendChild(document.createTextNode(piece)); return; }
      var run = document.createElement("bdi");
      if (name[1] === "url") { run.dir = "ltr"; }
      run.textContent = part[name[1]];
      shown.appendChild(run);
    });
    shown.focus();
    window.getSelection().selectAllChildren(shown);
    announce(words.selected);
  }

  function copy(button) {
    var part = parts(button), text = citation(part);
    function fallback() { if (execCopy(text)) { done(button, part); } else { show(button, part); } }
    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(button, part); }, fallback);
    } else { fallback(); }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.cite-this");
    if (button) { copy(button); }
  });
})();
