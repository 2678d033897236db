// The class page's before-and-after test: give a form, open, close and release an occasion,
// type paper answers (name, Enter, letters, Enter), and read the report and the item figures.
// Joined after class-page.js by classroom/classmode/page.py, it needs only core.js (say, el,
// show), so the rest of the class page can change around it. Every name and question goes in
// with textContent (el()), never as markup.
const measure = document.querySelector("[data-measure]");
const MEASURE_EVERY = 4000;  // ms between refreshes while the section is seen
const measureApi = (path, data) => fetch(CONTRACT.apiPrefix + "teacher/" + path, data === undefined ? { credentials: "same-origin" }
  : { method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data) });
const measureCell = (row, text, tag) => row.appendChild(el(tag || "td", "", text));
function measureButton(text, action) {
  const b = el("button", "md-button", text);
  b.type = "button";
  b.addEventListener("click", action);
  return b;
}
const mpart = (name) => measure.querySelector("[data-measure-" + name + "]");
const WHEN = { pre: "cp_m_pre", post: "cp_m_post", later: "cp_m_later" };
let measured = "", measureTimer = null, measuredKey = null;
// A check-up part's question figures hide with the key, as its rows under Items do.
const keyToggle = document.querySelector("[data-class-key-shown]");
const keyShownNow = () => !keyToggle || keyToggle.checked;

const figure = (value) => value == null ? say("cp_none", {}) : value.toFixed(2);
const share = (value) => value == null ? say("cp_none", {}) : say("cp_m_share", { percent: value });

async function loadMeasuring() {
  clearTimeout(measureTimer);
  if (!measure.closest("[hidden]")) {  // only while the teacher sees the board (asks no layout)
    const answer = await measureApi("measuring").catch(() => null);
    if (answer && answer.ok) {
      const text = await answer.text();
      const key = keyShownNow();  // redrawn only when the report or the key toggle changed: focus kept
      if (text !== measured || key !== measuredKey) { measured = text; measuredKey = key; drawMeasuring(JSON.parse(text)); }
    }
  }
  measureTimer = setTimeout(loadMeasuring, MEASURE_EVERY);
}

function fillSelect(select, entries) {  // [value, words]; the choice kept when still there
  const kept = select.value;
  select.textContent = "";
  entries.forEach(([value, words]) => { select.appendChild(el("option", "", words)).value = value; });
  if (entries.some(([value]) => value === kept)) select.value = kept;
}

function drawMeasuring(data) {
  const forms = Object.fromEntries(data.forms.map((f) => [f.exercise, f]));
  fillSelect(mpart("forms"), data.forms.map((f) => [f.exercise, say("cp_m_form_option", f)]));
  if (!data.forms.length) show(mpart("message"), say("cp_m_no_forms", {}));
  const counts = {};
  data.report.occasions.forEach((row) => { counts[row.label] = row.students; });
  const table = mpart("occasions");
  table.textContent = "";
  if (!data.occasions.length) measureCell(table.appendChild(el("tr")), say("cp_m_none_given", {})).colSpan = 5;
  data.occasions.forEach((o) => {
    const row = table.appendChild(el("tr"));
    const form = (forms[o.exercise] || { form: o.exercise }).form;
    measureCell(row, say(WHEN[o.label], {}), "th").scope = "row";
    measureCell(row, form); measureCell(row, String(o.lesson)); measureCell(row, String(o.sittings));
    const state = measureCell(row, say(o.open ? "cp_m_open" : o.released ? "cp_m_released" : "cp_m_closed", {}) + " ");
    if (o.open || o.lesson === data.lesson)  // an earlier lesson's occasion is not opened again
      state.append(measureButton(say(o.open ? "cp_m_close" : "cp_m_open_again", {}), () => changeOccasion(o.id, { open: !o.open })), " ");
    if (!o.released) state.append(measureButton(say("cp_m_release", {}), () => {
      if (confirm(say("cp_m_release_confirm", {}))) changeOccasion(o.id, { open: false, released: true });
    }));
  });
  fillSelect(mpart("occasion"), data.occasions.slice().reverse().map((o) => [String(o.id), say("cp_m_occasion_option", {
    when: say(WHEN[o.label], {}), form: (forms[o.exercise] || { form: o.exercise }).form, lesson: o.lesson })]));
  drawReport(data.report);
  drawItems(data.report.items);
}

function drawReport(report) {
  const place = mpart("report");
  place.textContent = "";
  if (!report.occasions.length) { place.append(el("p", "", say("cp_m_report_none", {}))); return; }
  const table = place.appendChild(el("table"));
  table.appendChild(el("caption", "", say("cp_m_caption", {})));
  const head = table.appendChild(el("thead")).appendChild(el("tr"));
  measureCell(head, say("cp_m_concept", {}), "th").scope = "col";
  report.occasions.forEach((o) => { measureCell(head, say(WHEN[o.label], {}), "th").scope = "col"; });
  const body = table.appendChild(el("tbody"));
  const line = (words, value) => {
    const row = body.appendChild(el("tr"));
    measureCell(row, words, "th").scope = "row";
    report.occasions.forEach((o) => measureCell(row, value(o)));
  };
  report.concepts.forEach((c) => line(c.title, (o) => share(o.concepts[c.id])));
  line(say("cp_m_overall", {}), (o) => share(o.overall));
  line(say("cp_m_pass", {}), (o) => share(o.pass));
  line(say("cp_m_mastery", {}), (o) => share(o.mastery));
  line(say("cp_m_students", {}), (o) => String(o.students));
  const before = report.occasions.find((o) => o.label === "pre");
  Object.entries(report.gains).forEach(([when, gain]) => {
    const words = { when: say(WHEN[when], {}).toLowerCase(), mean: gain.mean, low: gain.low, high: gain.high, count: gain.n };
    place.append(el("p", "", say(gain.low == null ? "cp_m_gain_one" : "cp_m_gain", words)));
    const after = report.occasions.find((o) => o.label === when);
    place.append(el("p", "", say("cp_m_pass_change", { ...words, before: before.pass, after: after.pass,
      points: Math.round((after.pass - before.pass) * 10) / 10 })));
  });
}

function drawItems(tables) {
  const place = mpart("items");
  place.textContent = "";
  const shown = tables.filter((t) => t.sittings && t.items.length);
  if (!keyShownNow() && shown.some((t) => t.kind === "checkup")) place.append(el("p", "", say("cp_m_checkup_hidden", {})));
  shown.filter((t) => t.kind !== "checkup" || keyShownNow()).forEach((t) => {
    // From a handful of sittings a correlation means little: said in words, not shown (6e).
    const enough = t.sittings >= t.correlationsFrom, flagged = t.sittings >= t.flagsFrom;
    const table = place.appendChild(el("table"));
    table.appendChild(el("caption", "", say(enough ? "cp_m_item_table" : "cp_m_item_table_few", { title: t.title,
      sittings: t.sittings, count: t.sittings, least: t.correlationsFrom, facility: figure(t.facility), reliability: figure(t.reliability) })));
    const head = table.appendChild(el("thead")).appendChild(el("tr"));
    ["cp_m_question", "cp_m_facility", ...(enough ? ["cp_m_discrimination"] : []), "cp_m_flag"].forEach((w) => { measureCell(head, say(w, {}), "th").scope = "col"; });
    const body = table.appendChild(el("tbody"));
    t.items.forEach((item) => {
      const row = body.appendChild(el("tr"));
      measureCell(row, say("cp_m_numbered", { number: item.number, question: item.label || item.item }), "th").scope = "row";
      measureCell(row, figure(item.facility));
      if (enough) measureCell(row, figure(item.discrimination));
      measureCell(row, item.notes.length ? item.notes.join(" ") : say(flagged ? "cp_m_flag_none" : "cp_m_flag_few", {}));
    });
  });
}

async function changeOccasion(id, changes) {
  const answer = await measureApi("occasions/" + id, changes).catch(() => null);
  const data = answer ? await answer.json() : { error: say("cp_unreachable", { time: new Date().toLocaleTimeString() }) };
  if (!answer || !answer.ok) show(mpart("message"), data.error);
  loadMeasuring();
}

mpart("give").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  const answer = await measureApi("occasions", { label: form.elements.label.value, exercise: form.elements.exercise.value }).catch(() => null);
  const data = answer ? await answer.json() : { error: say("cp_unreachable", { time: new Date().toLocaleTimeString() }) };
  const chosen = form.elements.exercise.selectedOptions[0];
  show(mpart("message"), answer && answer.ok ? say("cp_m_given", { form: chosen ? chosen.textContent : "",
    when: say(WHEN[data.label], {}) }) : data.error);
  loadMeasuring();
});

// Paper: Enter in the name goes to the letters; Enter in the letters saves and starts the next row.
const paper = mpart("paper");
paper.elements.name.addEventListener("keydown", (event) => {
  if (event.key !== "Enter") return;
  event.preventDefault();
  paper.elements.letters.focus();
});
paper.addEventListener("submit", async (event) => {
  event.preventDefault();
  const letters = paper.elements.letters, name = paper.elements.name;
  const answer = await measureApi("paper", { occasion: Number(paper.elements.occasion.value), name: name.value,
    letters: letters.value }).catch(() => null);
  const data = answer ? await answer.json() : { error: say("cp_unreachable", { time: new Date().toLocaleTimeString() }) };
  const entered = mpart("entered");
  if (!answer || !answer.ok) {
    letters.setAttribute("aria-invalid", "true");
    show(entered, data.error);
    (name.value.trim() ? letters : name).focus();
    return;
  }
  letters.removeAttribute("aria-invalid");
  show(entered, say(data.replaced ? "cp_m_replaced" : "cp_m_saved", data));
  mpart("typed").prepend(el("li", "", data.name + ": " + letters.value.trim()));
  letters.value = name.value = "";
  name.focus();
  loadMeasuring();
});

if (/^https?:$/.test(location.protocol)) {
  loadMeasuring();  // the section is seen once signed in
  if (keyToggle) keyToggle.addEventListener("change", loadMeasuring);
}
