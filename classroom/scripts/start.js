// Start every exercise and My answers on the page (again after Material's instant navigation).
function start() {
  all(document, "[data-exercise]").forEach((root) => {
    if (root.whc) return;
    try { root.whc = new Exercise(root); } catch (error) {
      root.whc = true;
      show(root.querySelector("[data-notice]"), error.message);
      throw error;
    }
  });
  all(document, "[data-my-answers]").forEach((root) => { root.whc = root.whc || new MyAnswers(root); });
  Class.start();  // class mode, only when `make serve` serves the page
  Follow.start();  // the item or text the teacher leads from the front (class-follow.js)
  Appeal.start();  // and what became of this student's disagreements (class-appeal.js)
}

// The scorers, for tests that prove them equal to the Python ones (tests/unit/score_cases.yml).
window.WHC = Object.freeze({ judge: (kind, key, itemId, response) => kindNamed(kind).judge(key, itemId, response) });
if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
