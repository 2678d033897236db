// The teacher's class page: asks for the PIN, then shows the lesson, refreshed every few seconds.
// Every name, answer and reason is put in with textContent (el()), never parsed as markup.
const page = document.querySelector("[data-class-page]");
const port = location.port || (location.protocol === "https:" ? "443" : "80");
const classMode = /^https?:$/.test(location.protocol) &&
  attempt(() => document.cookie.split("; ").includes(CONTRACT.classCookie + "=" + port), false);
const part = (name) => page.querySelector("[data-class-" + name + "]");
const EVERY = 4000;
let lesson = null, chosen = null, timer = null, here = false;

const api = (path, data) => fetch(CONTRACT.apiPrefix + "teacher/" + path, data === undefined ? { credentials: "same-origin" }
  : { method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data) });
const clock = (seconds) => new Date(seconds * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
const percent = (value, count) => value == null ? say("cp_none", {}) : say("cp_percent", { percent: value, count });
const cell = (row, text, tag) => row.appendChild(el(tag || "td", "", text));
function button(text, action) {
  const b = el("button", "md-button", text);
  b.type = "button";
  b.addEventListener("click", action);
  return b;
}

async function refresh() {
  clearTimeout(timer);
  const asked = lesson;
  try {
    const answer = await api("report" + (lesson ? "?lesson=" + lesson : ""));
    if (answer.status === 401) { signedOut(); return; }
    const data = await answer.json();
    showSaving(data.saving || data);
    if (!answer.ok) throw new Error(data.error);
    if (lesson !== asked) return;  // another lesson was chosen meanwhile: its own refresh draws it
    lesson = data.lesson;
    draw(data);
    if (chosen) await detail();
    part("updated").textContent = say("cp_updated", { time: new Date().toLocaleTimeString() });
  } catch (error) {
    part("updated").textContent = say("cp_unreachable", { time: new Date().toLocaleTimeString() });
  }
  timer = setTimeout(refresh, EVERY);
}

function draw(data) {
  const select = part("lesson"), current = data.lessons[data.lessons.length - 1];
  if (select.options.length !== data.lessons.length || select.value !== String(data.lesson)) {
    select.textContent = "";
    data.lessons.forEach((l) => {
      const o = select.appendChild(el("option", "", l === current ? say("cp_lesson_current", l) : l.title));
      o.value = l.id;
    });
    select.value = String(data.lesson);
  }
  drawEarlier(current && current.id !== data.lesson ? data.lessons.find((l) => l.id === data.lesson) : null, current);
  drawCheckup(data.checkup, data.handedIn);
  page.querySelectorAll("[data-class-download]").forEach((link) => {
    link.href = CONTRACT.apiPrefix + "teacher/results." + link.dataset.classDownload + "?lesson=" + data.lesson;
  });
  const students = part("students");
  students.textContent = "";
  if (!data.figures.students.length) cell(students.appendChild(el("tr")), say("cp_nobody", {})).colSpan = 5;
  data.figures.students.forEach((s) => {
    const row = students.appendChild(el("tr"));
    cell(row, s.name, "th").scope = "row";
    cell(row, String(s.started)); cell(row, String(s.done)); cell(row, clock(s.last));
    const remove = row.appendChild(el("td")).appendChild(button(say("cp_delete_one", {}), () => {
      if (confirm(say("cp_delete_one_confirm", { name: s.name })))
        api("students/" + encodeURIComponent(s.id) + "/delete", { confirm: true }).then(refresh);
    }));
    remove.setAttribute("aria-label", say("cp_delete_one_name", { name: s.name }));
  });
  drawSameNames(data.sameName);
  drawWaiting(data.waiting);
  const help = part("help");
  help.textContent = "";
  if (!data.figures.help.length) help.append(el("li", "", say("cp_help_none", {})));
  data.figures.help.forEach((h) => help.append(el("li", "", say(h.why === "checks" ? "cp_help_checks" : "cp_help_solution", h))));
  const exercises = part("exercises");
  exercises.textContent = "";
  data.figures.exercises.filter((ex) => ex.students).forEach((ex) => {
    exercises.append(el("h3", "", ex.title));
    const table = exercises.appendChild(el("table", "whc-class__items"));
    const head = table.appendChild(el("thead")).appendChild(el("tr"));
    ["cp_item", "cp_answered", "cp_first", "cp_last_check", "cp_common_wrong", "cp_why", "cp_show"].forEach((k) => cell(head, say(k, {}), "th").scope = "col");
    const body = table.appendChild(el("tbody"));
    ex.items.forEach((item) => {
      const row = body.appendChild(el("tr"));
      row.dataset.classItem = ex.id + "/" + item.id;
      cell(row, item.label, "th").scope = "row";
      cell(row, String(item.answered));
      cell(row, item.scored ? percent(item.firstRight, item.checked) : say("cp_none", {}));
      cell(row, item.scored ? percent(item.lastRight, item.checked) : say("cp_none", {}));
      const wrong = item.commonWrong;
      cell(row, wrong ? say("cp_wrong_count", wrong) : say("cp_none", {}));
      cell(row, wrong ? wrong.reason : "");
      const show = row.appendChild(el("td"));
      if (item.id === "not-a-claim") return;
      const open = !ex.scored;  // written answers are read one by one, not counted
      const choose = show.appendChild(button(say("cp_show", {}), () => {
        chosen = { exercise: ex.id, item: item.id, open };
        detail();
      }));
      // Short to see; the whole item for a screen reader, which reads the button alone.
      choose.setAttribute("aria-label", say(open ? "cp_open_button" : "cp_spread_button", { item: item.label.slice(0, 60) }));
    });
  });
}

// An earlier lesson shown: the check-up's controls and the files to load act on the current lesson
// only, so they are hidden, and notes say so, each with a way back to the current lesson.
function drawEarlier(earlier, current) {
  all(page, "[data-class-now]").forEach((controls) => { controls.hidden = !!earlier; });
  all(page, "[data-class-earlier]").forEach((note) => {
    note.hidden = !earlier;
    if (earlier) note.querySelector("p").textContent = say(note.dataset.classEarlier,
                                                           { title: earlier.title, current: current.title });
  });
}

// Back to the current lesson, with the focus where the teacher was going: the controls that
// follow the note, or the lesson list for the note at the top.
async function backToCurrent(note) {
  lesson = null;
  chosen = null;
  await refresh();
  const controls = note.nextElementSibling && note.nextElementSibling.matches("[data-class-now]")
    ? note.nextElementSibling.querySelector("button:enabled, input:enabled") : null;
  (controls || part("lesson")).focus();
}

// The check-up's settings for the lesson shown: open or closed, when feedback shows, released;
// and who has handed in (in any lesson), whom a retake can be given.
function drawCheckup(checkup, handedIn) {
  const retake = part("retake"), ids = handedIn.map((s) => s.id).join();
  if (retake.whcIds !== ids) {  // rebuilt only when it changes: the choice stays
    const chosenId = retake.value;
    retake.textContent = "";
    handedIn.forEach((s) => { retake.appendChild(el("option", "", s.name)).value = s.id; });
    if (!handedIn.length) retake.appendChild(el("option", "", say("cp_retake_nobody", {}))).value = "";
    if (handedIn.some((s) => s.id === chosenId)) retake.value = chosenId;
    retake.whcIds = ids;
  }
  page.querySelector("[data-class-action=retake]").disabled = !handedIn.length;
  part("checkup-state").textContent = say(checkup.open ? "cp_checkup_is_open" : "cp_checkup_is_closed", {})
    + (checkup.released ? say("cp_checkup_released", {}) : "");
  page.querySelector("[data-class-action=checkup-open]").disabled = checkup.open;
  page.querySelector("[data-class-action=checkup-close]").disabled = !checkup.open;
  page.querySelectorAll("[data-class-feedback] input").forEach((radio) => { radio.checked = radio.value === checkup.feedback; });
  page.querySelector("[data-class-action=release]").disabled = checkup.released || checkup.feedback !== "release";
}

const setCheckup = (changes) => api("checkup", changes).then(refresh);

// A retake: the chosen student may hand in each part again; the next hand-in is marked.
async function allowRetake() {
  const who = part("retake").selectedOptions[0];
  if (!who || !who.value || !confirm(say("cp_retake_confirm", { name: who.textContent }))) return;
  const answer = await api("students/" + encodeURIComponent(who.value) + "/retake", {}).catch(() => null);
  const data = answer ? await answer.json().catch(() => ({})) : {};
  part("checkup-message").textContent = answer && answer.ok ? say("cp_retake_done", { name: data.name })
    : data.error || say("cp_unreachable", { time: new Date().toLocaleTimeString() });
  refresh();
}

// My answers files: each sent on its own, so each is loaded or refused with its own reason.
async function importFiles(input) {
  const files = Array.from(input.files), list = part("import-list");
  input.value = "";
  list.textContent = "";
  let loaded = 0;
  for (const file of files) {
    let line;
    if (file.size > 400000) line = say("cp_import_too_large", { file: file.name });
    else {
      try {
        const answer = await api("import", { file: file.name, content: await file.text() });
        const data = await answer.json();
        line = answer.ok ? say("cp_import_loaded", { file: data.file, count: data.exercises, name: data.name }) : data.error;
        loaded += answer.ok ? 1 : 0;
      } catch (error) { line = say("cp_unreachable", { time: new Date().toLocaleTimeString() }); }
    }
    list.append(el("li", "", line));
  }
  part("import-summary").textContent = say("cp_import_summary", { loaded, count: files.length });
  refresh();
}

// A panel of the detail: the exercise and item as heading, then a list the caller fills.
function panel(box, data, listClass) {
  box.textContent = "";
  box.append(el("h3", "", data.exercise), el("p", "", data.item));
  return box.appendChild(el("ul", listClass));
}

// One item's spread (no names), or the open answers to an open task.
async function detail() {
  const q = "?lesson=" + lesson + "&exercise=" + encodeURIComponent(chosen.exercise) + "&item=" + encodeURIComponent(chosen.item);
  if (chosen.open) {
    const answer = await api("open" + q + "&names=" + (part("names").checked ? "1" : "0"));
    if (!answer.ok) return;
    const data = await answer.json(), list = panel(part("open"), data, "whc-class__open");
    data.responses.forEach((r) => {
      const li = list.appendChild(el("li"));
      li.append(el("strong", "", (r.name || say("cp_anonymous", {})) + ": "), el("span", "", r.text));
    });
    return;
  }
  const answer = await api("spread" + q);
  if (!answer.ok) return;
  const data = await answer.json(), list = panel(part("spread"), data, "whc-class__bars");
  const total = data.answers.reduce((sum, a) => sum + a.count, 0);
  data.answers.forEach((a) => {
    const li = list.appendChild(el("li"));
    const meter = el("meter");
    Object.assign(meter, { min: 0, max: total || 1, value: a.count });
    meter.setAttribute("aria-label", a.answer);
    li.append(el("span", "", a.answer + (data.scored && a.right ? say("cp_spread_right", {}) : "") + ": " + a.count + " "), meter);
  });
}

function showSaving(saving) {  // the data folder stopped taking answers: say why, and what to do
  show(part("saving"), saving.ok === false ? say("cp_not_saved", saving) : "");
}

if (classMode) {
  part("offline").hidden = true;
  part("login").addEventListener("submit", async (event) => {
    event.preventDefault();
    const answer = await api("login", { pin: part("login").elements.pin.value }).catch(() => null);
    const data = answer ? await answer.json() : { error: say("cp_unreachable", { time: new Date().toLocaleTimeString() }) };
    if (!answer || !answer.ok) { showLogin(data.error); return; }
    showBoard();
  });
  part("lesson").addEventListener("change", (event) => { lesson = Number(event.target.value); chosen = null; refresh(); });
  part("names").addEventListener("change", () => chosen && chosen.open && detail());
  part("feedback").addEventListener("change", (event) => setCheckup({ feedback: event.target.value }));
  part("files").addEventListener("change", (event) => importFiles(event.target));
  page.addEventListener("click", (event) => {
    const action = event.target.closest("[data-class-action]");
    if (!action) return;
    if (action.dataset.classAction === "checkup-open") setCheckup({ open: true });
    if (action.dataset.classAction === "checkup-close") setCheckup({ open: false });
    if (action.dataset.classAction === "release" && confirm(say("cp_release_confirm", {}))) setCheckup({ released: true, lesson });
    if (action.dataset.classAction === "retake") allowRetake();
    if (action.dataset.classAction === "show-pin") showPin(action, false);
    if (action.dataset.classAction === "new-pin" && confirm(say("cp_pin_new_confirm", {})))
      showPin(page.querySelector("[data-class-action=show-pin]"), true);
    if (action.dataset.classAction === "current-lesson") backToCurrent(action.closest("[data-class-earlier]"));
    if (action.dataset.classAction === "new-lesson" && confirm(say("cp_new_lesson_confirm", {})))
      api("lessons", {}).then(() => { lesson = null; chosen = null; refresh(); });
    if (action.dataset.classAction === "delete-everything" && confirm(say("cp_delete_all_confirm", {})))
      api("delete-everything", { confirm: true }).then(() => { lesson = null; chosen = null; refresh(); loadList(); });
    if (action.dataset.classAction === "save-list") saveList();
  });
  api("session").then((r) => r.json()).then(async (s) => {
    here = s.here;
    part("pin").hidden = !here;
    if (s.teacher) showBoard(); else if (!(here && await signInHere())) showLogin("");
  }).catch(() => showLogin(""));
}
