// Filters the offer index as you type: a row stays when every word typed is in it.
// Without scripts the whole index shows, as it does before the first key.
(function () {
  "use strict";
  var table = document.querySelector("table.offer-index");
  if (!table) return;
  var label = document.createElement("label");
  label.setAttribute("for", "offer-filter");
  label.textContent = "Filter offers ";
  var input = document.createElement("input");
  input.id = "offer-filter";
  input.type = "search";
  input.setAttribute("autocomplete", "off");
  var count = document.createElement("span");
  count.setAttribute("aria-live", "polite");
  var field = document.createElement("p");
  field.className = "field";
  field.appendChild(label);
  field.appendChild(input);
  field.appendChild(document.createTextNode(" "));
  field.appendChild(count);
  // The field goes before the table's scrolling box, in that box's parent: the table's own parent
  // is the box, which the field must not scroll with.
  var box = table.closest(".table-scroll") || table;
  box.parentNode.insertBefore(field, box);
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  input.addEventListener("input", function () {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean), shown = 0;
    rows.forEach(function (row) {
      var text = row.textContent.toLowerCase();
      var keep = words.every(function (word) { return text.indexOf(word) >= 0; });
      row.hidden = !keep;
      if (keep) shown++;
    });
    count.textContent = words.length ? shown + " of " + rows.length + " offers" : "";
  });
})();
