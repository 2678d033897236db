// The teacher's class page: asks for the PIN, then shows the lesson, refreshed every few seconds.
// Every name, answer and reason is put in with textContent (el()), never parsed as markup.
// Each section draws itself from the report through onRefresh(); a refresh redraws only what
// changed, so the teacher's focus, selection and scroll stay where they were (D10).
const page = document.querySelector("[data-class-page]");
const port = location.port || (location.protocol === "https:" ? "443" : "80");
const classMode = /^https?:$/.test(location.protocol) &&
  attempt(() => document.cookie.split("; ").includes(CONTRACT.classCookie + "=" + port), false);
const part = (name) => page.querySelector("[data-class-" + name + "]");
const EVERY = 4000;
let lesson = null, timer = null, here = false, latest = null;
const drawers = [];  // each section's draw(report), in the order the files are joined

function onRefresh(draw) { drawers.push(draw); }

const api = (path, data) => fetch(CONTRACT.apiPrefix + "teacher/" + path, data === undefined ? { credentials: "same-origin" }
  : { method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data) });
// One time format on the whole page: the 24-hour clock (D21).
const CLOCKS = [false, true].map((withSeconds) => new Intl.DateTimeFormat([], {  // made once: 300 rows ask
  hour: "2-digit", minute: "2-digit", hourCycle: "h23", ...(withSeconds ? { second: "2-digit" } : {}) }));
const clock = (seconds, withSeconds) => CLOCKS[withSeconds ? 1 : 0].format(new Date(seconds * 1000));
const nowClock = () => clock(Date.now() / 1000, true);
const percent = (value, count) => value == null ? say("cp_none", {}) : say("cp_percent", { percent: value, count });
const cell = (row, text, tag) => row.appendChild(el(tag || "td", "", text));
const shortTitle = (title) => title.split(":")[0];
// A long text cut at a word, with a visible "…": on paper and in a button's spoken name.
const shorten = (text, most) => text.length <= most ? text : text.slice(0, most).replace(/\s+\S*$/, "") + "\u2026";

// A button; `id` names it across redraws, so the focus can come back to it.
function button(text, action, id) {
  const b = el("button", "md-button", text);
  b.type = "button";
  b.whcId = id;
  b.addEventListener("click", action);
  return b;
}

function keepFocus(box, draw) {
  const focused = box.contains(document.activeElement) ? document.activeElement.whcId : null;
  draw();
  if (!focused) return;
  const again = all(box, "button, a, input").find((node) => node.whcId === focused);
  if (again) again.focus();
}

// A part is drawn again only when what it shows changed; then the focus comes back to the same
// control. A refresh that changes nothing touches nothing: selection and scroll stay.
function redraw(box, value, build) {
  const text = JSON.stringify(value);
  if (box.whcShown === text) return;
  box.whcShown = text;
  keepFocus(box, () => { box.textContent = ""; build(box); });
}

// Children by key (rows of a table, an exercise's table): only one whose data changed is drawn
// again, by fill(node, item), which clears what it redraws; order follows the list. Returns the
// nodes, in the list's order.
function byKey(box, list, keyOf, fill, tag) {
  const old = new Map(Array.from(box.children).filter((n) => n.whcKey !== undefined).map((n) => [n.whcKey, n]));
  const wanted = list.map((item) => {
    const key = keyOf(item), text = JSON.stringify(item);
    let node = old.get(key);
    old.delete(key);
    if (!node) { node = el(tag || "tr"); node.whcKey = key; }
    if (node.whcShown !== text) { node.whcShown = text; keepFocus(node, () => fill(node, item)); }
    return node;
  });
  old.forEach((node) => node.remove());
  const fixed = Array.from(box.children).filter((n) => n.whcKey === undefined).length;
  wanted.forEach((node, at) => { if (box.children[fixed + at] !== node) box.insertBefore(node, box.children[fixed + at] || null); });
  return wanted;
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
    latest = data;
    for (const draw of drawers) await draw(data);
    part("updated").textContent = say("cp_updated", { time: nowClock() });
    showUnreachable("");
  } catch (error) {
    showUnreachable(say("cp_server_down", { time: nowClock() }));  // "Updated at" keeps the last time
  }
  timer = setTimeout(refresh, EVERY);
}

// A renamed lesson keeps its date: "Tuesday, 3B, 2026-12-08".
function lessonName(l) {
  const day = new Date(l.started * 1000), date = [day.getFullYear(), day.getMonth() + 1, day.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
  return l.title.includes(date) ? l.title : say("cp_lesson_dated", { title: l.title, date });
}

// The lesson chooser, the downloads, the note for an earlier lesson, the contents.
onRefresh((data) => {
  const select = part("lesson"), current = data.lessons[data.lessons.length - 1];
  redraw(select, [data.lessons, data.lesson], () => {
    data.lessons.forEach((l) => {
      const named = lessonName(l);
      const o = select.appendChild(el("option", "", l === current ? say("cp_lesson_current", { title: named }) : named));
      o.value = l.id;
    });
    select.value = String(data.lesson);
  });
  const shown = data.lessons.find((l) => l.id === data.lesson);
  const printed = shown ? say("cp_report_lesson", { title: lessonName(shown) }) : "";
  if (part("printed-lesson").textContent !== printed) part("printed-lesson").textContent = printed;  // on paper, the chooser is not
  const title = part("title");
  if (shown && title.whcFor !== shown.id + shown.title && document.activeElement !== title) {
    title.value = shown.title;
    title.whcFor = shown.id + shown.title;
  }
  drawEarlier(current && current.id !== data.lesson ? shown : null, current);
  page.querySelectorAll("[data-class-download]").forEach((link) => {
    link.href = CONTRACT.apiPrefix + "teacher/results." + link.dataset.classDownload + "?lesson=" + data.lesson;
  });
  redraw(part("toc").querySelector("ul"), "", (list) => {
    all(part("board"), "section > h2[id]").forEach((heading) => {
      const link = list.appendChild(el("li")).appendChild(el("a", "", heading.textContent));
      link.href = "#" + heading.id;
    });
  });
});

// The short summary a screen reader hears when it changes, never the whole table (D10).
onRefresh((data) => {
  const students = data.figures.students, now = data.now;
  const words = { count: students.length, help: new Set(data.figures.help.map((h) => h.student)).size,
                  idle: students.filter((s) => now - (s.last == null ? s.joined : s.last) > 300).length };  // since joined, if no answer yet
  const summary = say("cp_summary", words) + " " + helpNames(data.figures.help)
    + " " + say("cp_summary_idle", { count: words.idle });
  if (part("summary").textContent !== summary) part("summary").textContent = summary;
});

// Who may need help, by name on the first screen: "2 may need help: Ann B., Tom W.;", five names
// at most, then "and 3 more" (names stay text: the summary is set with textContent).
function helpNames(help) {
  const names = Array.from(new Map(help.map((h) => [h.student, h.name])).values());
  if (!names.length) return say("cp_summary_help", { count: 0 });
  const more = names.length > 5 ? " " + say("cp_summary_more", { count: names.length - 5 }) : "";
  return say("cp_summary_help_names", { count: names.length, names: names.slice(0, 5).join(", ") + more });
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
  closeDetails();
  await refresh();
  const controls = note.nextElementSibling && note.nextElementSibling.matches("[data-class-now]")
    ? note.nextElementSibling.querySelector("button:enabled, input:enabled") : null;
  (controls || part("lesson")).focus();
}

async function renameLesson() {
  const answer = await api("lessons/" + lesson, { title: part("title").value }).catch(() => null);
  const data = answer ? await answer.json().catch(() => ({})) : {};
  show(part("title-saved"), answer && answer.ok ? say("cp_renamed", { title: data.title })
    : data.error || say("cp_unreachable", { time: nowClock() }));
  refresh();
}

// The server did not answer: a warning box with a title in words (not colour alone), gone
// as soon as it answers again.
function showUnreachable(message) {
  const box = part("unreachable");
  if (box.hidden === !message) return;  // already so: the time said is when it first stopped
  box.lastElementChild.textContent = message;
  box.hidden = !message;
}

function showSaving(saving) {  // the data folder stopped taking answers: say why, and what to do
  show(part("saving"), saving.ok === false ? say("cp_not_saved", saving) : "");
}

if (classMode) {
  part("offline").hidden = true;
  part("login").addEventListener("submit", async (event) => {
    event.preventDefault();
    const answer = await api("login", { pin: part("login").elements.pin.value }).catch(() => null);
    const data = answer ? await answer.json() : { error: say("cp_unreachable", { time: nowClock() }) };
    if (!answer || !answer.ok) { showLogin(data.error); return; }
    showBoard();
  });
  part("lesson").addEventListener("change", (event) => { lesson = Number(event.target.value); closeDetails(); refresh(); });
  page.addEventListener("click", (event) => {
    const action = event.target.closest("[data-class-action]");
    if (!action) return;
    const what = action.dataset.classAction;
    if (what === "show-pin") showPin(action, false);
    if (what === "new-pin" && confirm(say("cp_pin_new_confirm", {})))
      showPin(page.querySelector("[data-class-action=show-pin]"), true);
    if (what === "current-lesson") backToCurrent(action.closest("[data-class-earlier]"));
    if (what === "new-lesson" && confirm(say("cp_new_lesson_confirm", {})))
      api("lessons", {}).then(() => { lesson = null; closeDetails(); refresh(); });
    if (what === "rename-lesson") renameLesson();
    if (what === "print") window.print();
    if (what === "delete-everything" && confirm(say("cp_delete_all_confirm", {})))
      api("delete-everything", { confirm: true }).then(() => { lesson = null; closeDetails(); refresh(); loadList(); });
    if (what === "save-list") saveList();
  });
  api("session").then((r) => r.json()).then(async (s) => {
    here = s.here;
    part("pin").hidden = !here;
    if (s.teacher) showBoard(); else if (!(here && await signInHere())) showLogin("");
  }).catch(() => showLogin(""));
}
