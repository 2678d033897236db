// The class page on paper (D20): "Print a class report" prints the summary the first screen
// shows (who, scores, who may need help, items most missed) in at most two A4 pages for a class;
// "Print one page per student" prints each student's work, a page each. The print styles are in
// class-page.css. Joined after class-marks.js (page.py).
async function printStudents() {
  const box = part("reports"), students = latest ? latest.figures.students : [];
  const key = latest ? keyShown(latest) : false;
  box.textContent = "";
  for (const s of students) {
    const answer = await api("student?lesson=" + lesson + "&student=" + encodeURIComponent(s.id)).catch(() => null);
    if (!answer || !answer.ok) continue;
    const data = await answer.json(), one = box.appendChild(el("section", "whc-class__report"));
    const shown = latest.lessons.find((l) => l.id === lesson);
    one.append(el("h2", "", data.name), el("p", "", say("cp_report_lesson", { title: shown ? shown.title : "" })));
    data.exercises.forEach((ex) => {
      const hidden = ex.checkup && !key;  // as on the screen: no check-up verdicts while the key is hidden
      const score = hidden && ex.score ? say("cp_score_hidden", {}) : ex.score ? say("cp_score", { score: ex.score[0], max: ex.score[1] }) : say("cp_not_checked", {});
      one.append(el("h3", "", ex.title + ": " + score + (ex.handin ? " (" + ex.handin + ")" : "")));
      const list = one.appendChild(el("ul"));
      ex.items.forEach((item) => {
        const line = list.appendChild(el("li"));
        line.append(el("strong", "", itemName(ex, item)), " " + (item.answer || say("cp_not_answered", {}))
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
