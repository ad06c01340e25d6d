/* Progressive enhancement of the overview of follow-up points.
   Without this script the table is complete, sorted by number, and the
   links above it lead to pages with every other order and selection (the
   other listings send a reader here to choose a seminar or responsible party). With
   it, the filter form (already in the page, hidden) is shown and the column
   headings become sort buttons. Text comes from the page, not from here. */
(function () {
  "use strict";

  function enhance(form) {
    var container = form.parentElement;
    var table = container.querySelector("table.point-table");
    if (!table) return;
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var count = form.querySelector(".point-filter__count");
    var template = form.getAttribute("data-count-template") || "{shown} / {total}";

    function matches(row, select) {
      var wanted = select.value;
      if (!wanted) return true;
      var values = (row.getAttribute("data-" + select.getAttribute("data-filter")) || "").split(" ");
      return values.indexOf(wanted) !== -1;
    }

    function applyFilter() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = selects.every(function (s) { return matches(row, s); });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      count.textContent = template.replace("{shown}", shown).replace("{total}", rows.length);
    }

    function sortBy(th) {
      var index = Array.prototype.indexOf.call(th.parentElement.children, th);
      var descending = th.getAttribute("aria-sort") === "ascending";
      Array.prototype.forEach.call(th.parentElement.children, function (other) {
        other.removeAttribute("aria-sort");
      });
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });
      var keyed = rows.map(function (row, position) {
        var cell = row.cells[index];
        var value = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
        return { row: row, value: value, position: position };
      });
      keyed.sort(function (a, b) {
        var order = collator.compare(a.value, b.value);
        if (descending) order = -order;
        return order || a.position - b.position;
      });
      keyed.forEach(function (item) { tbody.appendChild(item.row); });
    }

    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      if (!th.hasAttribute("data-sort")) return;
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(th); });
    });

    selects.forEach(function (select) { select.addEventListener("change", applyFilter); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    container.classList.add("js-filter");
    applyFilter();

    // The other listings link to the overview's lists of seminars and
    // responsible parties (by id), which the form replaces here: the id moves
    // to the form's field, so the link leads there.
    Array.prototype.forEach.call(
      document.querySelectorAll(".listing-links__filters[id][data-filter]"),
      function (list) {
        var field = form.querySelector("select[data-filter='" + list.getAttribute("data-filter") + "']");
        if (!field) return;
        var id = list.id;
        list.removeAttribute("id");
        field.parentElement.id = id;
      }
    );
  }

  Array.prototype.forEach.call(document.querySelectorAll("form.point-filter"), enhance);
})();
