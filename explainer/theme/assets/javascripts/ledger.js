// The claims ledger's filters. The table is complete without them; the form shows when scripts
// run (.needs-script), and this script hides the rows that do not match the chosen verdict and
// kind, announcing the count.
(function () {
  "use strict";
  // Below 60em the table is laid out as cards (explainer.css: its rows and cells as blocks),
  // which some browsers (Safari) then stop announcing as a table: the table roles, set here
  // because in the HTML the checker rightly calls them redundant, keep it one.
  document.querySelectorAll("table.ledger-table").forEach(function (table) {
    table.setAttribute("role", "table");
    table.querySelectorAll("thead, tbody").forEach(function (group) { group.setAttribute("role", "rowgroup"); });
    table.querySelectorAll("tr").forEach(function (row) { row.setAttribute("role", "row"); });
    table.querySelectorAll("th").forEach(function (cell) { cell.setAttribute("role", "columnheader"); });
    table.querySelectorAll("td").forEach(function (cell) { cell.setAttribute("role", "cell"); });
  });
  document.querySelectorAll(".ledger").forEach(function (ledger) {
    var form = ledger.querySelector("form.ledger-filters");
    var rows = ledger.querySelectorAll("tbody tr");
    var status = ledger.querySelector(".ledger-status");
    if (!form || !rows.length) { return; }
    function apply() {
      var verdict = form.elements.verdict.value, kind = form.elements.kind.value, shown = 0;
      rows.forEach(function (row) {
        var match = (!verdict || row.dataset.verdict === verdict) && (!kind || row.dataset.kind === kind);
        row.hidden = !match;
        if (match) { shown += 1; }
      });
      status.textContent = status.dataset.template.replace("{shown}", shown).replace("{total}", rows.length);
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  });
})();
