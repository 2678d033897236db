// The class page: open answers, each with a mark against the rubric's four criteria (levels 1
// to 3, docs/teachers/rubric.md) and a comment the student sees on their page. Drawn under the
// item's row by class-items.js; joined after it (page.py).
function drawOpenAnswers(box, data) {
  if (!data.responses.length) box.append(el("p", "", say("cp_open_none", {})));
  const list = box.appendChild(el("ul", "whc-class__open"));
  data.responses.forEach((r, n) => {
    const li = list.appendChild(el("li"));
    li.append(el("strong", "", (r.name || say("cp_anonymous", {})) + ": "), el("span", "", r.text));
    li.append(markForm(box, data, r, n));
  });
}

function markForm(box, data, response, n) {
  const form = el("fieldset", "whc-class__mark"), mark = response.mark || { levels: {}, comment: "" };
  form.append(el("legend", "", say("cp_mark_legend", { number: n + 1 })));
  const id = "whc-mark-" + n + "-";
  data.criteria.forEach((criterion) => {
    const p = form.appendChild(el("p"));
    const label = p.appendChild(el("label", "", say("cp_criterion_" + criterion, {})));
    const select = p.appendChild(el("select"));
    label.htmlFor = select.id = id + criterion;
    select.whcId = "mark:" + response.student + ":" + criterion;
    ["", "1", "2", "3"].forEach((level) => { select.appendChild(el("option", "", say(level ? "cp_level_" + level : "cp_level_none", {}))).value = level; });
    select.value = String(mark.levels[criterion] || "");
  });
  const p = form.appendChild(el("p"));
  const label = p.appendChild(el("label", "", say("cp_comment_label", {})));
  const comment = p.appendChild(el("textarea"));
  Object.assign(comment, { id: id + "comment", rows: 4, maxLength: 2000, value: mark.comment });
  comment.whcId = "mark:" + response.student + ":comment";
  label.htmlFor = comment.id;
  const said = el("span", "", "");
  said.setAttribute("role", "status");
  form.addEventListener("input", () => { box.whcEditing = true; });
  form.append(button(say("cp_mark_save", {}), async () => {
    const levels = {};
    data.criteria.forEach((c) => { const v = form.querySelector("#" + id + c).value; if (v) levels[c] = Number(v); });
    const q = "?lesson=" + lesson + "&exercise=" + encodeURIComponent(chosen.exercise) + "&item=" + encodeURIComponent(chosen.item);
    const answer = await api("marks" + q, { student: response.student, levels, comment: comment.value }).catch(() => null);
    const body = answer ? await answer.json().catch(() => ({})) : {};
    said.textContent = answer && answer.ok ? say("cp_mark_saved", { time: nowClock() }) : body.error || say("cp_unreachable", { time: nowClock() });
    box.whcEditing = false;
  }, "mark:" + response.student + ":save"), " ", said);
  return form;
}
