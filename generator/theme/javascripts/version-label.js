// Material's version selector is a button that shows the edition's title but
// is named "Velg versjon" by its aria-label, so a speech-input user who says
// what they see cannot reach it (WCAG 2.5.3, Label in Name). Material draws
// the selector after fetching versions.json, so watch for it and put the
// visible title into the name. The words before the title are the council's
// language's, from a <meta> the theme writes (generator/words, theme.version_label).
(function () {
  "use strict";

  var meta = document.querySelector('meta[name="council-followups:version-label"]');
  if (!meta) return;
  var prefix = meta.getAttribute("content");

  function nameVersionButtons() {
    document.querySelectorAll(".md-version__current").forEach(function (button) {
      var title = button.textContent.trim();
      var name = prefix + title;
      if (title && button.getAttribute("aria-label") !== name) {
        button.setAttribute("aria-label", name);
      }
    });
  }

  // Only childList changes are observed, so setting the attribute cannot loop.
  new MutationObserver(nameVersionButtons).observe(document.body, {
    childList: true,
    subtree: true,
  });
  nameVersionButtons();
})();
