// The class page: who has joined (idle ones too) with their score per exercise, who may need
// help, and one student's work in one click. Joined after class-page.js (page.py).
let student = null;  // the id of the student whose work is shown

// Since the last answer, in words: "3 min ago", or "joined 10:42, no answer yet" (D5, D21).
function lastSeen(s, now) {
  if (s.last == null) return say("cp_joined_idle", { time: clock(s.joined) });
  const minutes = Math.floor((now - s.last) / 60);
  return minutes < 1 ? say("cp_just_now", { time: clock(s.last) }) : say("cp_idle", { count: minutes, time: clock(s.last) });
}

// A score in words, never by colour alone: "5 of 8"; "–" for an exercise not checked (D14).
function scoreText(s, at) {
  const score = s.scores[at];
  return score ? say("cp_score", { score: score[0], max: score[1] }) : say("cp_none", {});
}

function studentLink(name, id) {
  const link = el("a", "", name);
  link.href = "#class-student";
  link.whcId = "student:" + id;
  link.addEventListener("click", (event) => { event.preventDefault(); openStudent(id); });
  return link;
}

// The check-up's parts as one cell that says what it counts: "1 of 6 parts handed in: 7 of 7";
// while the key is hidden, only how many parts were handed in (the screen may be projected).
function checkupText(s, parts, key) {
  const got = parts.map((n) => (s.scores || [])[n]).filter(Boolean);
  const words = { count: s.handedIn || 0, parts: parts.length,
    score: got.reduce((sum, x) => sum + x[0], 0), max: got.reduce((sum, x) => sum + x[1], 0) };
  if (!words.count) return say("cp_checkup_none", words);
  return say(words.max && key ? "cp_checkup_score" : "cp_checkup_parts", words);
}

onRefresh((data) => {
  const all = data.figures.exercises;
  const worked = all.filter((ex) => ex.students && ex.scored && !ex.checkup);
  const at = worked.map((ex) => all.indexOf(ex));  // where its scores are
  const parts = all.map((ex, n) => (ex.checkup ? n : -1)).filter((n) => n >= 0);
  const checkup = all.some((ex) => ex.checkup && ex.students);  // one column for all its parts
  const titles = worked.map((ex) => ex.title).concat(checkup ? [say("cp_checkup_column", {})] : []);
  redraw(part("students-head"), titles, (head) => {
    const row = head.appendChild(el("tr"));
    cell(row, say("cp_name", {}), "th").scope = "col";
    cell(row, say("cp_last", {}), "th").scope = "col";
    worked.forEach((ex) => {
      const th = cell(row, shortTitle(ex.title), "th");
      th.scope = "col";
      th.title = ex.title;
    });
    if (checkup) cell(row, say("cp_checkup_column", {}), "th").scope = "col";
    cell(row, say("cp_started", {}), "th").scope = "col";
    cell(row, say("cp_data", {}), "th").scope = "col";
  });
  // A row is drawn again only when its student's figures or the columns change (300 rows).
  const key = keyShown(data);  // a row is drawn again when the key is shown or hidden
  const now = data.now, students = part("students"), columns = JSON.stringify([at, parts, checkup, key]);
  const rows = data.figures.students.map((s) => ({ ...s, columns }));
  students.querySelectorAll(".whc-class__nobody").forEach((row) => row.remove());
  const drawn = byKey(students, rows, (s) => s.id, (row, s) => {
    row.textContent = "";
    cell(row, "", "th").appendChild(studentLink(s.name, s.id)).parentNode.scope = "row";
    row.whcSeen = cell(row, "");
    at.forEach((n) => cell(row, scoreText(s, n)));
    if (checkup) cell(row, checkupText(s, parts, key));
    cell(row, String(s.started));
    const remove = row.appendChild(el("td")).appendChild(button(say("cp_delete_one", {}), () => {
      if (confirm(say("cp_delete_one_confirm", { name: s.name })))
        api("students/" + encodeURIComponent(s.id) + "/delete", { confirm: true }).then(refresh);
    }, "delete:" + s.id));
    remove.setAttribute("aria-label", say("cp_delete_one_name", { name: s.name }));
  });
  // "3 min ago" moves on with the clock: only that cell, and only when its words change.
  drawn.forEach((row, n) => {
    const seen = lastSeen(rows[n], now);
    if (row.whcSeen.textContent !== seen) row.whcSeen.textContent = seen;
  });
  if (!rows.length) {
    const row = students.appendChild(el("tr", "whc-class__nobody"));
    cell(row, say("cp_nobody", {})).colSpan = titles.length + 4;
  }
  redraw(part("same-names"), data.sameName, () => drawSameNames(data.sameName));
  redraw(part("waiting"), [data.waiting], () => drawWaiting(data.waiting));
  redraw(part("help"), data.figures.help, (help) => {
    if (!data.figures.help.length) help.append(el("li", "", say("cp_help_none", {})));
    data.figures.help.forEach((h) => {
      const li = help.appendChild(el("li"));
      li.append(studentLink(h.name, h.student), say(h.why === "checks" ? "cp_help_checks" : "cp_help_solution", h));  // the name is the link, once
    });
  });
  if (student) return showStudent();
});

async function openStudent(id) {
  student = id;
  await showStudent();
  document.getElementById("class-student").focus();
}

function closeDetails() {
  student = null;
  redraw(part("student"), null, (box) => box.append(el("p", "", say("cp_student_none", {}))));
  if (typeof closeItem === "function") closeItem();
}

// One student: each exercise of the lesson shown, each item with the current answer, the first
// and last Check, the hand-in; their scores in the other lessons; their open answers' marks.
async function showStudent() {
  const answer = await api("student?lesson=" + lesson + "&student=" + encodeURIComponent(student)).catch(() => null);
  if (!answer || !answer.ok) return;
  const data = await answer.json(), key = keyShown(latest);
  // The check-up's right and wrong stay off a projected screen while the key is hidden.
  const hidden = (ex) => ex.checkup && !key;
  redraw(part("student"), [data, key], (box) => {
    box.append(el("h3", "", say("cp_student_of", { name: data.name })));
    if (!data.exercises.length) box.append(el("p", "", say("cp_student_nothing", {})));
    if (data.exercises.some(hidden)) box.append(el("p", "", say("cp_student_key_hidden", {})));
    data.exercises.forEach((ex) => {
      const verdict = (v) => hidden(ex) && v ? say("cp_key_hidden", {}) : v ? say("cp_verdict_" + v, {}) : say("cp_none", {});
      const score = hidden(ex) && ex.score ? say("cp_score_hidden", {}) : ex.score ? say("cp_score", { score: ex.score[0], max: ex.score[1] }) : say("cp_not_checked", {});
      box.append(el("h4", "", ex.title + " — " + score + (ex.handin ? " — " + ex.handin : "")));
      const table = box.appendChild(el("table", "whc-class__one"));
      table.tabIndex = 0;  // on a phone it scrolls sideways: the keyboard can scroll it too
      const head = table.appendChild(el("thead")).appendChild(el("tr"));
      ["cp_item", "cp_now", ...(ex.checkup ? ["cp_first_handin_one", "cp_last_handin_one"] : ["cp_first_check", "cp_last_check_one"])].forEach((k) => { cell(head, say(k, {}), "th").scope = "col"; });
      const body = table.appendChild(el("tbody"));
      ex.items.forEach((item) => {
        const row = body.appendChild(el("tr"));
        cell(row, item.number + ". " + item.label, "th").scope = "row";
        const now = cell(row, item.answer ? item.answer + (item.verdict && !hidden(ex) ? " (" + say("cp_verdict_" + item.verdict, {}) + ")" : "") : say("cp_not_answered", {}));
        if (item.mark || item.comment) now.append(el("p", "", say("cp_student_mark", { mark: item.mark || say("cp_level_none", {}), comment: item.comment })));
        cell(row, verdict(item.first));
        const last = cell(row, verdict(item.last));
        if (item.shown) last.append(el("p", "", say("cp_solution_shown", {})));
      });
    });
    if (data.earlier.length) {
      box.append(el("h4", "", say("cp_student_earlier", {})));
      const list = box.appendChild(el("ul"));
      data.earlier.forEach((l) => list.append(el("li", "", l.title + ": " + (l.exercises.map((ex) =>
        shortTitle(ex.title) + " " + (ex.score ? say("cp_score", { score: ex.score[0], max: ex.score[1] }) : say("cp_not_checked", {}))).join("; ") || say("cp_student_nothing", {})))));
    }
  });
}

// Tabbing from a row's Delete, at the far right, to the next name brings the scores back into
// view beside it, rather than leaving the table scrolled to its end.
if (classMode) part("students").addEventListener("focusin", (event) => {
  if (event.target.closest("th[scope=row]")) event.currentTarget.closest("table").scrollLeft = 0;
});
