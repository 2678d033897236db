// The projector's view: the teacher steps through a lesson from here, and the class's answers come
// in live. Every text (item, option, pasted sentence, key) goes in with textContent (el()), and the
// key is in what /api/teacher/lead answers only after Reveal.
const root = document.querySelector("[data-lead]");
const part = (name) => root.querySelector("[data-lead-" + name + "]");
const EVERY = 2000;
let timer = null, shown = null, busy = false;

const api = (path, data) => fetch(CONTRACT.apiPrefix + "teacher/lead" + path, data === undefined ? { credentials: "same-origin" }
  : { method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data) });

async function ask(path, data) {
  const answer = await api(path, data);
  const body = await answer.json().catch(() => ({}));
  part("message").textContent = answer.ok ? "" : (body.error || String(answer.status));
  return answer.ok ? body : null;
}

async function refresh() {
  clearTimeout(timer);
  try {
    const data = await ask("");
    if (data) draw(data);
  } catch (error) {
    part("message").textContent = say("cp_lead_unreachable", { time: new Date().toLocaleTimeString() });
  }
  timer = setTimeout(refresh, EVERY);
}

async function act(action, extra) {
  if (busy) return;
  busy = true;
  try {
    const data = await ask("", Object.assign({ action }, extra || {}));
    if (data) draw(data);
  } finally { busy = false; }
}

function draw(data) {
  const select = part("source");
  if (select.options.length !== data.sources.length + 1 || document.activeElement !== select) {
    const was = select.value;
    select.replaceChildren(el("option", "", "—"));
    select.options[0].value = "";
    data.sources.forEach((s) => { const o = select.appendChild(el("option", "", s.title)); o.value = s.id; });
    select.value = data.shown ? data.shown.source : was;
  }
  const next = data.shown;
  const changed = !shown || !next || shown.source !== next.source || shown.step !== next.step || shown.revealed !== next.revealed;
  shown = next;
  root.querySelectorAll("[data-lead-action]").forEach((b) => { b.disabled = !next; });
  if (!next) {
    part("where").textContent = say("cp_lead_nothing", {});
    ["quote", "label", "bars", "key", "hands", "text"].forEach((name) => { part(name).hidden = true; });
    part("answered").textContent = "";
    return;
  }
  root.querySelector("[data-lead-action='previous']").disabled = next.step === 0;
  root.querySelector("[data-lead-action='next']").disabled = next.step >= next.steps - 1;
  root.querySelector("[data-lead-action='reveal']").disabled = next.revealed || next.type !== "item";
  part("text").hidden = next.type !== "pasted";
  if (next.type === "pasted") { drawItemParts(null); drawText(next, changed); return; }
  part("where").textContent = next.type === "paragraph" ? say("cp_lead_paragraph", { title: next.title, number: next.number })
    : say("cp_lead_item", { title: next.title, number: next.step + 1, count: next.steps });
  drawItemParts(next, changed);
}

function drawItemParts(item, changed) {
  const quote = part("quote"), label = part("label");
  quote.hidden = !item || !(item.quote || item.text);
  quote.textContent = item ? item.quote || item.text || "" : "";
  label.hidden = !item || !item.label;
  label.textContent = item && item.label || "";
  const isItem = Boolean(item && item.type === "item");
  part("answered").textContent = isItem ? say("cp_lead_answered", { count: item.answered })
    + (item.written ? " " + say("cp_lead_open_answers", {}) : "") : "";
  drawBars(isItem ? item : null);
  drawKey(isItem && item.revealed ? item.key : null);
  if (isItem && item.revealed && changed) part("key").scrollIntoView({ block: "nearest" });
  const hands = part("hands");
  hands.hidden = !isItem || !item.options.length;
  if (isItem && changed) drawHandsForm(item);
}

// An answer's words before a colon: "Yes.: 3" reads badly, so its full stop goes.
const bare = (label) => label.replace(/[.:]\s*$/, "");

function drawBars(item) {
  const bars = part("bars");
  bars.hidden = !item || !item.spread;
  bars.replaceChildren();
  if (!item || !item.options.length) return;
  if (!item.spread) { bars.hidden = false; bars.append(el("li", "", say("cp_lead_no_spread", {}))); return; }
  const hands = item.spread.bars.reduce((sum, b) => sum + b.count, 0);
  // Out of the students who answered, not of the ticks: several answers give several ticks.
  const total = item.spread.from === "hands" ? hands : item.answered;
  const keyed = item.key && item.key.answers ? item.key.answers : [];
  if (item.spread.from === "hands") bars.append(el("li", "", say("cp_lead_from_hands", { count: hands })));
  item.spread.bars.forEach((b) => {
    const row = bars.appendChild(el("li", keyed.includes(b.label) ? "whc-lead__is-key" : ""));
    row.append(el("span", "whc-lead__bar-text", say("cp_lead_bar", { label: bare(b.label), count: b.count, total })
      + (keyed.includes(b.label) ? say("cp_lead_bar_key", {}) : "")));
    const track = row.appendChild(el("span", "whc-lead__bar-track"));
    track.setAttribute("aria-hidden", "true");  // the words above say the same
    const fill = track.appendChild(el("span", "whc-lead__bar-fill"));
    fill.style.inlineSize = (total ? Math.round(100 * b.count / total) : 0) + "%";
  });
}

function drawKey(key) {
  const box = part("key"), body = part("key-body");
  box.hidden = !key;
  body.replaceChildren();
  if (!key) return;
  if (key.answers) {
    body.append(el("p", "", say("cp_lead_key_answer", { answer: key.answers.join("; ") })));
    if (key.also.length) body.append(el("p", "", say("cp_lead_key_also", { answer: key.also.join("; ") })));
  }
  if (key.model) body.append(el("p", "", say("cp_lead_key_model", { answer: key.model })));
  if (key.reasons) body.append(el("p", "", key.reasons));
  if (key.claims) {
    const list = body.appendChild(el("ul"));
    key.claims.forEach((c) => list.append(el("li", "", say("cp_lead_key_claim", { sentence: c.sentence, kind: c.kind }))));
  }
}

function drawHandsForm(item) {
  const fields = part("hands-fields");
  fields.replaceChildren();
  item.options.forEach((o, index) => {
    const id = "whc-lead-hands-" + index;
    const p = fields.appendChild(el("p"));
    const label = p.appendChild(el("label", "", say("cp_lead_hands_for", { label: bare(o.label) }) + " "));
    label.htmlFor = id;
    const input = p.appendChild(el("input"));
    Object.assign(input, { id, type: "number", min: 0, max: 999, step: 1, inputMode: "numeric", value: "0" });
    input.dataset.option = o.option;
  });
}

// The pasted text: per sentence, how many marked it and as what; then the key, the scores, the files.
function drawText(view, changed) {
  part("where").textContent = view.title;
  const box = part("text");
  const focused = document.activeElement && box.contains(document.activeElement);
  if (focused && !changed) { fillCounts(view); return; }  // the teacher is keying: leave the form be
  box.replaceChildren(el("p", "whc-lead__answered", say("cp_lead_marked", { count: view.marked })));
  const list = box.appendChild(el("div"));
  view.blocks.forEach((block) => {
    if (block.heading != null) { list.append(el("h2", "", block.heading)); return; }
    const para = list.appendChild(el("div"));
    para.dataset.paragraph = block.number;
    para.append(el("p", "whc-lead__number", "¶ " + block.number));
    block.sentences.forEach((s) => {
      const p = para.appendChild(el("p", "whc-lead__sentence"));
      p.dataset.sentence = s.id;
      p.append(el("span", "", s.id.slice(1) + ". " + s.text));
      p.append(el("span", "whc-lead__sentence-counts"));
      const heat = p.appendChild(el("span", "whc-lead__heat"));
      heat.setAttribute("aria-hidden", "true");
      const choose = p.appendChild(el("select"));
      choose.setAttribute("aria-label", say("cp_lead_key_mine_label", { id: s.id.slice(1) }));
      choose.append(new Option(say("cp_lead_not_claim", {}), ""));
      Object.keys(view.kinds).forEach((k) => choose.append(new Option(view.kinds[k], k)));
      choose.value = view.key && view.key[s.id] || "";
      choose.hidden = true;
    });
  });
  const actions = box.appendChild(el("p"));
  actions.append(button(say("cp_lead_key_class", {}), () => keyText({ from: "class" })));
  const mine = actions.appendChild(button(say("cp_lead_key_mine", {}), () => {
    all(box, "select").forEach((s) => { s.hidden = false; });
    mine.hidden = true; save.hidden = false;
    box.querySelector("select").focus();
  }));
  const save = actions.appendChild(button(say("cp_lead_key_mine_save", {}), () => {
    const key = {};
    all(box, "[data-sentence] select").forEach((s) => { if (s.value) key[s.closest("[data-sentence]").dataset.sentence] = s.value; });
    keyText({ key });
  }));
  save.hidden = true;
  box.append(el("p", "", say("cp_lead_key_class_note", {})));
  box.append(el("p", "whc-lead__key-from"));
  box.append(el("div", "whc-lead__scores"));
  const files = box.appendChild(el("form"));
  files.dataset.leadFiles = "";
  const label = files.appendChild(el("label", "", say("cp_lead_files_name", {}) + " "));
  const name = files.appendChild(el("input"));
  Object.assign(name, { id: "whc-lead-files-name", type: "text", value: "pasted-text", pattern: "[a-z0-9][a-z0-9-]*" });
  label.htmlFor = name.id;
  const link = files.appendChild(el("a", "whc-lead__button", say("cp_lead_files", {})));
  const update = () => { link.href = "files?name=" + encodeURIComponent(name.value); };
  name.addEventListener("input", update);
  update();
  link.setAttribute("download", "");
  fillCounts(view);
}

function fillCounts(view) {
  const box = part("text");
  box.querySelector(".whc-lead__answered").textContent = say("cp_lead_marked", { count: view.marked });
  const most = Math.max(1, view.marked);
  all(box, "[data-sentence]").forEach((p) => {
    const counts = view.counts[p.dataset.sentence] || {};
    const count = Object.values(counts).reduce((a, b) => a + b, 0);
    const kinds = Object.keys(counts).sort((a, b) => counts[b] - counts[a]).map((k) => (view.kinds[k] || k) + " " + counts[k]).join(", ");
    const keyed = view.key ? (view.key[p.dataset.sentence] ? say("cp_lead_sentence_key", { kind: view.kinds[view.key[p.dataset.sentence]] })
      : say("cp_lead_sentence_not_key", {})) : "";
    p.querySelector(".whc-lead__sentence-counts").textContent = [count ? say("cp_lead_sentence_counts", { count, kinds }) : say("cp_lead_sentence_none", {}), keyed].filter(Boolean).join(" · ");
    p.querySelector(".whc-lead__heat").style.inlineSize = Math.round(100 * count / most) + "%";
  });
  box.querySelector(".whc-lead__key-from").textContent = view.keyFrom ? say(view.keyFrom === "class" ? "cp_lead_key_from_class" : "cp_lead_key_from_teacher", {}) : "";
  const scores = box.querySelector(".whc-lead__scores");
  scores.replaceChildren();
  if (view.scores) {
    scores.append(el("p", "", say("cp_lead_scores", {})));
    const list = scores.appendChild(el("ul"));
    const outOf = Object.keys(view.key).length;
    view.scores.forEach((row) => list.append(el("li", "", say("cp_lead_score_row", { got: row.got, outOf, count: row.count }))));
  }
}

async function keyText(data) {
  const done = await ask("/key", data);
  if (done) { shown = null; refresh(); }
}

function button(text, action) {
  const b = el("button", "whc-lead__button", text);
  b.type = "button";
  b.addEventListener("click", action);
  return b;
}

part("choose").addEventListener("submit", (event) => {
  event.preventDefault();
  const source = part("source").value;
  if (source) act("show", { source }); else act("stop");
});
root.querySelectorAll("[data-lead-action]").forEach((b) => b.addEventListener("click", () => act(b.dataset.leadAction)));
part("hands-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const hands = {};
  all(part("hands-fields"), "input").forEach((input) => { hands[input.dataset.option] = Math.max(0, Math.min(999, Math.round(Number(input.value) || 0))); });
  act("hands", { hands });
});
part("paste").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  const done = await ask("/text", { title: form.elements.title.value, text: form.elements.text.value });
  if (done) {
    form.reset();
    form.closest("details").open = false;
    shown = null;
    await refresh();
    part("message").textContent = say("cp_lead_pasted", {});
  }
});
// Next, Previous and Reveal by keys, unless the teacher is typing in a field.
document.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || event.target.closest("input, textarea, select")) return;
  const action = { n: "next", ArrowRight: "next", p: "previous", ArrowLeft: "previous", r: "reveal" }[event.key.length === 1 ? event.key.toLowerCase() : event.key];
  const target = action && root.querySelector(`[data-lead-action='${action}']`);
  if (target && !target.disabled) { event.preventDefault(); act(action); }
});
refresh();
