// The class page: items a class can discuss. The items most missed first; each exercise's items
// numbered as in the answer key with their quote; Show draws the answers right under the item
// (D4), labelled in words; the key's answers and reasons only while the teacher shows the key,
// which is off by default while the check-up is open (D8). Joined after class-students.js.
let chosen = null;      // the item whose answers are shown: {exercise, item, open}
let keyWhenOpen = null; // the check-up's open state the key toggle was last set for ("teacher": ticked before any figures came)

// A marked text's last row counts sentences marked that are not claims: it has no label of its own.
const itemName = (ex, item) => item.number ? say("cp_item_number", { number: item.number, label: item.label })
  : item.id === "not-a-claim" ? say("cp_not_a_claim_item", {}) : item.label;

// Whether the key is shown: the toggle, set off when the check-up opens and on when it closes.
// The one-student view asks too (class-students.js), and may ask first in a refresh. A tick the
// teacher made before the first figures came stands: the page never undoes the teacher's choice.
function keyShown(data) {
  const toggle = part("key-shown");
  if (keyWhenOpen !== data.checkup.open) {
    if (keyWhenOpen !== "teacher") toggle.checked = !data.checkup.open;
    keyWhenOpen = data.checkup.open;
  }
  return toggle.checked;
}

onRefresh(async (data) => {
  const key = keyShown(data), worked = data.figures.exercises.filter((ex) => ex.students);
  // A check-up part's right and wrong stay off the screen with the key, as its scores do.
  const missed = worked.filter((ex) => ex.scored && (key || !ex.checkup)).flatMap((ex) => ex.items
    .filter((item) => item.scored && item.checked && item.lastRight < 100).map((item) => ({ ex, item })))
    .sort((a, b) => a.item.lastRight - b.item.lastRight || a.item.firstRight - b.item.firstRight).slice(0, 5);
  redraw(part("missed"), missed.map((m) => [m.ex.id, m.item.id, m.item.lastRight, m.item.checked]), (list) => {
    if (!missed.length) list.append(el("li", "", say("cp_missed_none", {})));
    missed.forEach(({ ex, item }) => {
      const link = list.appendChild(el("li")).appendChild(el("a", "", shortTitle(ex.title) + ", " + itemName(ex, item)));
      link.href = "#" + rowId(ex, item);
      link.after(" " + say(ex.checkup ? "cp_missed_line_checkup" : "cp_missed_line", { percent: item.lastRight, count: item.checked }));
    });
  });
  byKey(part("exercises"), worked.map((ex) => ({ ...ex, key })), (ex) => ex.id, (box, ex) => {
    if (!box.firstChild) {
      box.append(el("h3", "", ex.title));
      const table = box.appendChild(el("table", "whc-class__items"));
      const head = table.appendChild(el("thead")).appendChild(el("tr"));
      // A check-up part is handed in, not checked: its columns say so.
      const columns = ex.checkup ? ["cp_first_handin", "cp_last_handin", "cp_common_wrong_handin"] : ["cp_first", "cp_last_check", "cp_common_wrong"];
      ["cp_item", "cp_answered", ...columns, "cp_why", "cp_show"].forEach((k) => { cell(head, say(k, {}), "th").scope = "col"; });
    }
    byKey(box.querySelector("table"), ex.items.map((item) => ({ ...item, key })), (item) => item.id,
          (body, item) => drawItem(body, ex, item), "tbody");
  }, "div");
  if (chosen) await detail();
});

// A wrong answer only one student gave is not called the commonest (D13): the row says so.
const commonWrongWords = (wrong) => !wrong.onlyOnce ? "cp_wrong_count" : wrong.answers > 1 ? "cp_wrong_each_once" : "cp_wrong_only_once";

const rowId = (ex, item) => "class-item-" + ex.id + "-" + item.id;

// One item's row (its answers' row, if shown, stays under it).
function drawItem(body, ex, item) {
  const old = body.querySelector("[data-class-item]");
  const row = el("tr");
  row.dataset.classItem = ex.id + "/" + item.id;
  row.id = rowId(ex, item);
  const head = cell(row, itemName(ex, item), "th");
  head.scope = "row";
  if (item.quote) head.append(el("q", "", item.quote));
  cell(row, String(item.answered));
  const hidden = say("cp_key_hidden", {}), none = say("cp_none", {}), wrong = item.commonWrong;
  const figures = ex.checkup && !item.key
    // While the key is hidden, a check-up part's rows say nothing of right and wrong, not even
    // that nobody got an item wrong; a practice item keeps its figures.
    ? [hidden, hidden, hidden, hidden]
    : [item.scored ? percent(item.firstRight, item.checked) : none,
       item.scored ? percent(item.lastRight, item.checked) : none,
       // Naming the wrong answer tells which one is not the key's, so it hides with the key (D8).
       !wrong ? none : !item.key ? hidden : say(commonWrongWords(wrong), wrong),
       !wrong ? "" : !item.key ? hidden : wrong.reason
         || (wrong.feedback ? say("cp_item_feedback", { feedback: wrong.feedback }) : say("cp_no_reason", {}))];
  figures.forEach((text) => cell(row, text));
  const show = row.appendChild(el("td"));
  if (old) old.replaceWith(row); else body.prepend(row);
  if (item.id === "not-a-claim") return;
  const open = !ex.scored;  // written answers are read one by one, not counted
  const id = ex.id + "/" + item.id;
  const choose = show.appendChild(button(say("cp_show", {}), () => toggleItem(body, { exercise: ex.id, item: item.id, open, id }), "show:" + id));
  // Short to see; the item's number and question for a screen reader, which reads the button alone.
  choose.setAttribute("aria-label", say(open ? "cp_open_button" : "cp_spread_button", { item: shorten(itemName(ex, item), 80) }));
  choose.setAttribute("aria-expanded", String(!!chosen && chosen.id === id));
}

function closeItem() {
  all(page, "[data-class-detail]").forEach((row) => row.remove());
  all(page, "[data-class-item] button[aria-expanded=true]").forEach((b) => b.setAttribute("aria-expanded", "false"));
  chosen = null;
}

async function toggleItem(body, which) {
  const again = chosen && chosen.id === which.id;
  closeItem();
  if (again) return;
  chosen = { ...which, body };
  body.querySelector("[data-class-item] button").setAttribute("aria-expanded", "true");
  const row = body.appendChild(el("tr"));
  row.dataset.classDetail = which.id;
  const box = row.appendChild(el("td"));
  box.colSpan = 7;
  box.setAttribute(which.open ? "data-class-open" : "data-class-spread", "");
  await detail();
  row.scrollIntoView({ block: "nearest" });  // the answers where the teacher is looking (D4)
}

// The answers of the item shown, under its row: counts without names, right ones said in words
// while the key is shown; or the written answers (names only when the teacher asks).
async function detail() {
  const box = chosen.body.querySelector("[data-class-detail] td");
  if (!box) return;
  const q = "?lesson=" + lesson + "&exercise=" + encodeURIComponent(chosen.exercise) + "&item=" + encodeURIComponent(chosen.item);
  if (chosen.open) {
    const answer = await api("open" + q + "&names=" + (part("names").checked ? "1" : "0"));
    if (!answer.ok || !chosen) return;
    const data = await answer.json();
    if (!box.whcEditing) redraw(box, data, () => drawOpenAnswers(box, data));  // never under the teacher's typing
    return;
  }
  const answer = await api("spread" + q);
  if (!answer.ok || !chosen) return;
  const data = await answer.json(), key = part("key-shown").checked;
  redraw(box, [data, key], () => {
    const total = data.answers.reduce((sum, a) => sum + a.count, 0);
    box.append(el("p", "", say("cp_spread_total", { count: total })));
    const list = box.appendChild(el("ul", "whc-class__bars"));
    data.answers.forEach((a) => {
      const right = key && data.scored ? say(a.right ? "cp_spread_right" : "cp_spread_wrong", {}) : "";
      const li = list.appendChild(el("li", key && data.scored ? (a.right ? "whc-class__right" : "whc-class__wrong") : ""));
      const meter = el("meter");
      Object.assign(meter, { min: 0, max: total || 1, value: a.count });
      meter.setAttribute("aria-label", a.answer);
      li.append(el("span", "", a.answer + right + ": " + say("cp_spread_count", { count: a.count }) + " "), meter);
    });
  });
}

if (classMode) {
  part("names").addEventListener("change", () => chosen && chosen.open && detail());
  part("key-shown").addEventListener("change", () => { if (latest) refresh(); else keyWhenOpen = "teacher"; });
}
