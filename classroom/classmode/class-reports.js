// The class page on paper (D20): "Print a class report" prints the summary the first screen
// shows (who, scores, who may need help, items most missed) in at most two A4 pages for a class;
// "Print each student's work" prints each student's work from a page of its own, the name at
// the top of every page it takes. The print styles are in class-page.css. Joined after
// class-marks.js (page.py).

// A long quote is cut at a word before 100 characters: enough to tell two items apart on paper.
const shortQuote = (text) => shorten(text, 100);

// The sentence an item quotes, from the figures the item tables draw (the one-student answer
// has the item's number and question only): found by the exercise, the number and the question.
// An item whose question is the sentence itself (what evidence stands behind it) says it once.
function quoteOf(ex, item) {
  const shown = latest.figures.exercises.find((e) => e.id === ex.id);
  const same = shown && shown.items.find((i) => i.number === item.number && i.label === item.label);
  return same && same.quote && same.quote.trim() !== item.label.trim() ? shortQuote(same.quote) : "";
}

async function printStudents() {
  const box = part("reports"), students = latest ? latest.figures.students : [];
  const key = latest ? keyShown(latest) : false;
  box.textContent = "";
  for (const s of students) {
    const answer = await api("student?lesson=" + lesson + "&student=" + encodeURIComponent(s.id)).catch(() => null);
    if (!answer || !answer.ok) continue;
    const data = await answer.json(), one = box.appendChild(el("section", "whc-class__report"));
    const shown = latest.lessons.find((l) => l.id === lesson);
    // A table, so that the name in its head repeats at the top of each page a long report
    // runs onto (browsers repeat a table's head on paper, and nothing else).
    const table = one.appendChild(el("table")), head = table.appendChild(el("thead")).appendChild(el("tr")).appendChild(el("th"));
    head.colSpan = 2;
    head.append(el("h2", "", data.name), el("p", "", say("cp_report_lesson", { title: shown ? shown.title : "" })));
    data.exercises.forEach((ex) => {
      const hidden = ex.checkup && !key;  // as on the screen: no check-up verdicts while the key is hidden
      const score = hidden && ex.score ? say("cp_score_hidden", {}) : ex.score ? say("cp_score", { score: ex.score[0], max: ex.score[1] }) : say("cp_not_checked", {});
      const body = table.appendChild(el("tbody")), title = body.appendChild(el("tr")).appendChild(el("th", "", ex.title + ": " + score + (ex.handin ? " (" + ex.handin + ")" : "")));
      Object.assign(title, { colSpan: 2, scope: "colgroup" });
      ex.items.forEach((item) => {
        const line = body.appendChild(el("tr")), quote = quoteOf(ex, item), name = line.appendChild(el("th"));
        name.scope = "row";
        name.append(el("strong", "", itemName(ex, item)));
        if (quote) name.append(" ", el("q", "", quote));  // items 2 and 3 may ask the same question
        // After the quote, the answer is said to be one, so the two cannot run together.
        cell(line, (item.answer ? say("cp_report_answer", { answer: item.answer }) : say("cp_not_answered", {}))
          + (item.verdict && !hidden ? " — " + say("cp_verdict_" + item.verdict, {}) : "")
          + (item.shown ? " — " + say("cp_solution_shown", {}) : ""));
      });
    });
  }
  document.body.classList.add("whc-print-students");
  window.print();
}

if (classMode) {
  window.addEventListener("afterprint", () => document.body.classList.remove("whc-print-students"));
  page.addEventListener("click", (event) => {
    const action = event.target.closest("[data-class-action]");
    if (action && action.dataset.classAction === "print-students") printStudents();
  });
}
