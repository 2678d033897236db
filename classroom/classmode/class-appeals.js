// Disagreements with the key, on the class page: every student's appeal grouped by item, with
// a reply box. Reply answers the student; Accept makes the answer right for this class, and the
// figures are drawn again at once; an acceptance can be undone. Names, answers and reasons go in as text (el()).
let appealsShown = "";
const appealDrafts = {};  // appeal id -> the teacher's unsent words, kept across redraws

async function drawAppeals(again) {
  const answer = await api("appeals").catch(() => null);
  if (!answer || !answer.ok) return;
  const data = await answer.json(), text = JSON.stringify(data.appeals);
  if (text === appealsShown && !again) return;  // unchanged: what the teacher types stays put
  appealsShown = text;
  const box = part("appeals");
  box.textContent = "";
  if (!data.appeals.length) { box.append(el("p", "", say("cp_appeals_none", {}))); return; }
  const groups = new Map();
  data.appeals.forEach((a) => {
    const key = a.exercise + "/" + a.item;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(a);
  });
  groups.forEach((list) => {
    box.append(el("h3", "", list[0].title), el("p", "", quoted(list[0].label)));
    const ul = box.appendChild(el("ul", "whc-class__appeal-list"));
    list.forEach((a) => ul.append(appealEntry(a)));
  });
}

function appealEntry(a) {
  const li = el("li", "whc-class__appeal"), id = "whc-appeal-" + a.id;
  const who = li.appendChild(el("p", "", ""));
  who.id = id + "-who";
  who.append(el("strong", "", say("cp_appeal_by", { name: a.name, answer: a.answerText })), " ", el("span", "", a.reason));
  li.append(el("p", "whc-class__appeal-state", say("cp_appeal_state_" + a.state, { reply: a.reply })));
  const buttons = el("p"), message = el("p", "", "");
  message.setAttribute("role", "status");
  const act = async (action, text) => {
    if (action !== "reply" && !confirm(say("cp_appeal_" + action + "_confirm", { answer: a.answerText }))) return;
    const answer = await api("appeals/" + a.id, { action, text }).catch(() => null);
    const data = answer ? await answer.json().catch(() => ({})) : {};
    if (!answer || !answer.ok) {
      message.textContent = say("cp_appeal_failed", { error: data.error || say("cp_unreachable", { time: new Date().toLocaleTimeString() }) });
      return;
    }
    delete appealDrafts[a.id];
    await drawAppeals(true);
    if (action !== "reply") refresh();  // the figures, scored again with the class's key
    const heading = part("appeals").previousElementSibling.previousElementSibling;
    heading.tabIndex = -1;
    heading.focus();
  };
  const offer = (key, action, words) => {
    const b = buttons.appendChild(button(say(key, {}), () => act(action, words && words.value)));
    b.setAttribute("aria-describedby", who.id);
  };
  if (a.state === "accepted") {  // an acceptance can be taken back, the note kept as a reply
    offer("cp_appeal_undo", "undo");
    li.append(buttons, message);
    return li;
  }
  const label = li.appendChild(el("label", "", say("cp_appeal_reply_label", { name: a.name })));
  const words = li.appendChild(el("textarea"));
  Object.assign(words, { id: id + "-reply", rows: 2, maxLength: CONTRACT.maxReason, value: appealDrafts[a.id] || "" });
  label.htmlFor = words.id;
  words.addEventListener("input", () => { appealDrafts[a.id] = words.value; });
  li.append(buttons);
  offer("cp_appeal_reply", "reply", words);
  offer("cp_appeal_accept", "accept", words);
  li.append(message);
  return li;
}

// Drawn again at each refresh of the board (class-page.js), signed in by then; its own request is
// not awaited, so the board's refresh never waits for the appeals' round trip.
if (classMode) onRefresh(() => { drawAppeals(); });
