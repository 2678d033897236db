// Weighing Health Claims: the exercises and the "My answers" page.
// The build writes plain HTML with data-* attributes and a JSON key per exercise; this file
// adds Check / Try again / Show solution, and keeps answers in localStorage. Whatever a learner
// typed is only ever set as text (textContent, .value), never parsed as markup.
(() => {
  "use strict";
  const PREFIX = "whc:v1:";
  const NAME_KEY = PREFIX + "~name";
  const FORMAT = "weighing-health-claims-answers";
  const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

  // ----- Storage: one record per exercise, {items: {id: {v: version, r: response}}, score}
  const attempt = (action, fallback) => { try { return action(); } catch (e) { return fallback; } };
  const store = {
    get: (key) => attempt(() => localStorage.getItem(key), undefined),
    set: (key, value) => attempt(() => (localStorage.setItem(key, value), true), false),
    drop: (key) => attempt(() => localStorage.removeItem(key)),
    keys: () => attempt(() => Object.keys(localStorage), []),
  };
  const isObject = (x) => x !== null && typeof x === "object" && !Array.isArray(x);
  const validResponse = (r) => typeof r === "string" ? r.length <= 20000
    : Array.isArray(r) ? r.length <= 50 && r.every((x) => typeof x === "string" && ID.test(x))
    : isObject(r) && Object.keys(r).length <= 2000 &&
      Object.keys(r).every((k) => /^s[0-9]{1,5}$/.test(k) && typeof r[k] === "string" && ID.test(r[k]));
  const validRecord = (rec) => isObject(rec) && isObject(rec.items) &&
    (rec.score == null || (Array.isArray(rec.score) && rec.score.length === 2 &&
      rec.score.every((n) => Number.isInteger(n) && n >= 0 && n < 10000))) &&
    Object.keys(rec.items).every((id) => {
      const item = rec.items[id];
      return ID.test(id) && isObject(item) && typeof item.v === "string" && item.v.length < 80 && validResponse(item.r);
    });
  // Returns {record} or {record: null, problem} when stored data could not be used.
  function readRecord(id) {
    const raw = store.get(PREFIX + id);
    if (raw === undefined) return { record: null, problem: "unavailable" };
    if (raw === null) return { record: null };
    const rec = attempt(() => JSON.parse(raw), null);
    if (validRecord(rec)) return { record: rec };
    store.drop(PREFIX + id);
    return { record: null, problem: "corrupt" };
  }
  const writeRecord = (id, rec) => store.set(PREFIX + id, JSON.stringify(rec));
  const storedIds = () => store.keys().filter((k) => k.startsWith(PREFIX) && ID.test(k.slice(PREFIX.length)))
    .map((k) => k.slice(PREFIX.length));

  // ----- Small DOM helpers: every text goes in through textContent
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }
  const all = (root, selector) => Array.from(root.querySelectorAll(selector));
  const show = (node, message) => { node.textContent = message; node.hidden = !message; };
  const quoted = (text) => "\u201c" + text + "\u201d";
  const toList = (x) => x == null ? [] : Array.isArray(x) ? x : [x];
  const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));
  const plural = (n, word) => n + " " + word + (n === 1 ? "" : "s");

  // ----- Exercises
  class Exercise {
    constructor(root) {
      this.root = root;
      this.id = root.dataset.exercise;
      this.kind = root.dataset.kind;
      this.key = JSON.parse(root.querySelector("script[data-key]").textContent);
      this.items = all(root, "[data-item]");
      this.notice = root.querySelector("[data-notice]");
      this.scoreLine = root.querySelector("[data-score]");
      this.summary = root.querySelector("[data-summary]");
      this.legend = root.querySelector("[data-legend]") || {};
      const pen = root.querySelector(`input[name='${this.id}--pen']:checked`);
      this.pen = pen ? pen.value : "";
      this.restore();
      root.addEventListener("change", (event) => {
        if (event.target.name === this.id + "--pen") this.pen = event.target.value; else this.changed();
      });
      root.addEventListener("input", (event) => { if (event.target.tagName === "TEXTAREA") this.changed(); });
      root.addEventListener("click", (event) => {
        const sentence = event.target.closest(".whc-sentence");
        const action = event.target.closest("[data-action]");
        if (sentence) this.toggleMark(sentence);
        if (action) this[action.dataset.action]();
      });
    }

    read(item) {
      if (this.kind === "mark-claims") {
        const marks = {};
        all(item, ".whc-sentence[data-mark]").forEach((s) => { marks[s.dataset.sentence] = s.dataset.mark; });
        return Object.keys(marks).length ? marks : null;
      }
      const text = item.querySelector("textarea");
      if (text) return text.value.trim() ? text.value : null;
      const chosen = all(item, "input:checked").map((i) => i.value);
      if (item.querySelector("input[type=checkbox]")) return chosen.length ? chosen : null;
      return chosen[0] || null;
    }

    write(item, response) {
      if (this.kind === "mark-claims") {
        all(item, ".whc-sentence").forEach((s) => this.setMark(s, response[s.dataset.sentence] || ""));
        return;
      }
      const text = item.querySelector("textarea");
      if (text) { text.value = response; return; }
      all(item, "input").forEach((i) => { i.checked = toList(response).includes(i.value); });
    }

    setMark(sentence, kind) {
      const label = kind && this.key.vocabulary[kind] ? this.key.vocabulary[kind].label : "";
      if (label) sentence.dataset.mark = kind; else delete sentence.dataset.mark;
      sentence.setAttribute("aria-pressed", label ? "true" : "false");
      sentence.querySelector("[data-tag]").textContent = label ? " [" + label + "]" : "";
    }

    toggleMark(sentence) {
      this.setMark(sentence, sentence.dataset.mark === this.pen ? "" : this.pen);
      this.changed();
    }

    // Feedback about answers that have since changed would mislead: clear it, then save.
    changed() {
      if (this.checked && this.kind !== "open") this.clearFeedback();  // a model answer helps while revising
      this.save();
    }

    restore() {
      const { record, problem } = readRecord(this.id);
      let changed = false;
      if (problem === "corrupt") show(this.notice, "Your saved answers to this exercise could not be read, so they were cleared. You can start again.");
      if (problem === "unavailable") show(this.notice, "This browser does not allow saving, so your answers will be lost when you leave the page.");
      if (!record) return;
      this.items.forEach((item) => {
        const saved = record.items[item.dataset.item];
        if (!saved) return;
        // An answer saved for an older version of an item is not applied to the new one.
        if (saved.v !== item.dataset.version) changed = true; else this.write(item, saved.r);
      });
      if (changed) show(this.notice, "This exercise has changed since you last worked on it. Answers to questions that changed were not restored.");
      if (record.score) show(this.scoreLine, `Last score when you checked: ${record.score[0]} of ${record.score[1]}.`);
    }

    save(score) {
      const rec = readRecord(this.id).record || { items: {} };
      this.items.forEach((item) => {
        const id = item.dataset.item, response = this.read(item);
        if (response === null) delete rec.items[id];
        else rec.items[id] = { v: item.dataset.version, r: response };
      });
      if (score) rec.score = score;
      if (!writeRecord(this.id, rec)) show(this.notice, "Your answers could not be saved in this browser. Use Download on the My answers page to keep a copy.");
    }

    // Judges one item: {score, max, lines: [[class, text], ...]}.
    judge(item, reveal) {
      const key = this.key.items[item.dataset.item], vocabulary = this.key.vocabulary;
      const response = this.read(item), lines = [];
      const label = (v) => vocabulary[v] ? vocabulary[v].label : v;
      if (this.kind === "open") {
        if (!response) return { score: 0, max: 0, lines: [["verdict", "Write your answer first; then a model answer and a checklist appear."]] };
        lines.push(["heading", "A model answer"], ["", key.answer], ["heading", "Check your answer against these points"]);
        key.rubric.forEach((point) => lines.push(["point", point]));
        lines.push(["", key.feedback], ["concept", key.concept]);
        return { score: 0, max: 0, lines, done: true };
      }
      const right = this.kind === "choice" ? sameSet(toList(response), toList(key.answer)) : response === key.answer;
      this.markOptions(item, key, reveal);
      if (!response && !reveal) return { score: 0, max: 1, unanswered: true, lines: [["verdict", "No answer yet."]] };
      lines.push(!response ? ["verdict", "No answer yet."] : right ? ["verdict right", "Right."] : ["verdict wrong", "Not quite."]);
      if (this.kind === "choice") {
        toList(response).forEach((o) => lines.push(["", optionText(item, o) + ": " + key.reasons[o]]));
        if (reveal) lines.push(["answer", "The answer: " + toList(key.answer).map((o) => optionText(item, o)).join("; ")]);
        if (right || reveal) lines.push(["", key.feedback]);
      } else {
        if (response && !right) {
          lines.push(["", this.kind === "evidence-level"
            ? "You chose " + quoted(label(response)) + ". " + ((key.reasons || {})[response] || "That would mean: " + vocabulary[response].definition)
            : "Read the text again for this point."]);
        }
        if (right || reveal) {
          if (reveal) lines.push(["answer", "The answer: " + label(key.answer) + "."]);
          if (this.kind === "missing-info") lines.push(["", key.quote ? "The text says: " + quoted(key.quote) : "Nothing in the text addresses this."]);
          lines.push(["", key.feedback]);
        }
      }
      lines.push(["concept", key.concept]);
      return { score: right ? 1 : 0, max: 1, lines };
    }

    markOptions(item, key, reveal) {
      all(item, "[data-option]").forEach((option) => {
        // The same outlines for every kind: right, wrong, and (with the solution) the answer.
        const chosen = option.querySelector("input").checked, correct = toList(key.answer).includes(option.dataset.option);
        option.classList.toggle("whc-option--right", chosen && correct);
        option.classList.toggle("whc-option--wrong", chosen && !correct);
        option.classList.toggle("whc-option--answer", reveal && correct);
      });
    }

    // mark-claims: found, missed and wrongly marked sentences, each with its reason.
    judgeClaims(reveal) {
      const marks = this.read(this.items[0]) || {}, key = this.key, vocabulary = key.vocabulary;
      const sections = { found: [], missed: [], wrong: [] }, claimed = {};
      let score = 0;
      const kindOf = (id) => vocabulary[id].label.toLowerCase();
      Object.values(key.items).forEach((claim) => {
        const mark = marks[claim.sentence];
        claimed[claim.sentence] = claim;
        if (!mark) { sections.missed.push([claim.sentence, `A ${kindOf(claim.answer)} claim. ${claim.feedback}`, claim.concept]); return; }
        if (mark === claim.answer) score += 1;
        const verdict = mark === claim.answer ? `Right: a ${kindOf(claim.answer)} claim. `
          : `A claim, but we read it as ${kindOf(claim.answer)} rather than ${kindOf(mark)}. `;
        sections.found.push([claim.sentence, verdict + claim.feedback, claim.concept]);
      });
      Object.keys(marks).forEach((sid) => {
        if (!claimed[sid]) sections.wrong.push([sid, key.notClaims[sid] || key.notAClaim, ""]);
      });
      all(this.root, ".whc-sentence").forEach((s) => {
        const sid = s.dataset.sentence, claim = claimed[sid];
        s.classList.toggle("whc-sentence--found", !!(claim && marks[sid] === claim.answer));
        s.classList.toggle("whc-sentence--other-kind", !!(claim && marks[sid] && marks[sid] !== claim.answer));
        s.classList.toggle("whc-sentence--missed", !!(claim && !marks[sid]));
        s.classList.toggle("whc-sentence--wrong", !claim && !!marks[sid]);
        if (reveal && claim) s.dataset.solution = vocabulary[claim.answer].label; else delete s.dataset.solution;
      });
      this.summary.textContent = "";
      [["found", "Claims you found"], ["missed", "Claims you missed"], ["wrong", "Marked, but not a claim"]].forEach(([part, title]) => {
        const entries = sections[part], list = el("ul");
        this.summary.append(el("h4", "whc-summary__heading", `${title} (${entries.length})`));
        entries.forEach(([sid, reason, concept]) => {
          const li = list.appendChild(el("li"));
          li.append(el("q", "", this.root.querySelector(`[data-sentence='${sid}']`).firstChild.textContent.trim()), el("span", "", " " + reason));
          if (concept) li.append(el("span", "whc-feedback__concept", " " + concept));
        });
        if (entries.length) this.summary.append(list);
      });
      this.summary.hidden = this.legend.hidden = false;
      return [score, Object.keys(key.items).length, sections.wrong.length];
    }

    check(reveal) {
      reveal = reveal === true;
      let score = 0, max = 0, done = 0, unanswered = 0, message;
      this.checked = true;
      if (this.kind === "mark-claims") {
        const [found, claims, wrong] = this.judgeClaims(reveal);
        score = found; max = claims;
        message = `Score: ${found} of ${claims} claims found with the right kind` +
          (wrong ? `; ${plural(wrong, "sentence")} marked that ${wrong > 1 ? "are" : "is"} not a claim.` : ".");
      } else {
        this.items.forEach((item) => {
          const judged = this.judge(item, reveal), box = item.querySelector("[data-feedback]");
          score += judged.score; max += judged.max; done += judged.done ? 1 : 0; unanswered += judged.unanswered ? 1 : 0;
          box.textContent = "";
          judged.lines.forEach(([kind, text]) => {
            const classes = kind ? kind.split(" ").map((c) => "whc-feedback__" + c).join(" ") : "";
            if (kind !== "point") { box.append(el("p", classes, text)); return; }
            if (!box.lastChild || box.lastChild.tagName !== "UL") box.append(el("ul"));
            box.lastChild.append(el("li", classes, text));
          });
          box.hidden = false;
        });
        message = this.kind === "open" ? `You have written ${done} of ${this.items.length} answers.`
          : `Score: ${score} of ${max}.` + (unanswered ? ` ${unanswered} not answered yet.` : "");
      }
      show(this.scoreLine, message + (reveal ? " The solution is shown." : ""));
      this.save(this.kind === "open" ? [done, this.items.length] : [score, max]);
    }

    solution() { this.check(true); }

    retry() {
      this.clearFeedback();
      const first = this.root.querySelector("input, textarea, .whc-sentence");
      if (first) first.focus();
    }

    clearFeedback() {
      this.checked = false;
      all(this.root, "[data-feedback]").forEach((box) => { box.hidden = true; box.textContent = ""; });
      all(this.root, ".whc-option, .whc-sentence").forEach((n) => {
        n.classList.remove("whc-option--right", "whc-option--wrong", "whc-option--answer", "whc-sentence--found", "whc-sentence--other-kind", "whc-sentence--missed", "whc-sentence--wrong");
        delete n.dataset.solution;
      });
      this.summary.hidden = this.legend.hidden = true;
      this.summary.textContent = "";
      show(this.scoreLine, "");
    }
  }

  function optionText(item, id) {
    const option = item.querySelector(`[data-option='${id}']`);
    return option ? quoted(option.textContent.trim()) : id;
  }

  // ----- My answers: progress, download, load, print, reset
  class MyAnswers {
    constructor(root) {
      this.root = root;
      this.registry = JSON.parse(root.querySelector("script[data-registry]").textContent);
      this.status = root.querySelector("[data-status]");
      this.name = root.querySelector("[data-learner-name]");
      this.name.value = store.get(NAME_KEY) || "";
      this.name.addEventListener("input", () => store.set(NAME_KEY, this.name.value));
      root.addEventListener("click", (event) => {
        const action = event.target.closest("button[data-action]");
        if (action) this[action.dataset.action]();
      });
      root.querySelector("input[data-action=load]").addEventListener("change", (event) => this.load(event.target));
      this.refresh();
    }

    refresh() {
      let problems = 0;
      const printout = this.root.querySelector("[data-printout]");
      printout.textContent = "";
      printout.append(el("h2", "", "Answers of " + (this.name.value.trim() || "(no name given)")),
        el("p", "", "Printed on " + new Date().toLocaleDateString()));
      this.registry.exercises.forEach((exercise) => {
        const { record, problem } = readRecord(exercise.id);
        const row = this.root.querySelector(`[data-summary-of='${exercise.id}']`);
        if (problem === "corrupt") problems += 1;
        const answered = record ? exercise.items.filter((item) => (record.items[item.id] || {}).v === item.version) : [];
        row.querySelector("[data-answered]").textContent = !answered.length ? "Not started"
          : exercise.kind === "mark-claims" ? plural(Object.keys(record.items.text.r).length, "sentence") + " marked"
          : `${answered.length} of ${exercise.items.length}`;
        row.querySelector("[data-last-score]").textContent = record && record.score ? `${record.score[0]} of ${record.score[1]}` : "\u2013";
        if (!answered.length) return;
        printout.append(el("h3", "", exercise.title));
        const list = printout.appendChild(el("ol"));
        answered.forEach((item) => {
          const r = record.items[item.id].r, li = list.appendChild(el("li"));
          if (exercise.kind === "mark-claims") {
            Object.keys(r).forEach((sid) => li.append(el("p", "", quoted(item.options[sid] || sid) + ": " + (exercise.labels[r[sid]] || r[sid]))));
            return;
          }
          li.append(el("p", "whc-printout__question", item.label));
          toList(r).forEach((v) => li.append(el("p", "whc-printout__answer",
            exercise.kind === "open" ? v : item.options[v] || exercise.labels[v] || v)));
        });
        if (record.score) printout.append(el("p", "", `Last score: ${record.score[0]} of ${record.score[1]}`));
      });
      if (problems) show(this.root.querySelector("[data-notice]"), `Saved answers to ${problems} exercise(s) could not be read, so they were cleared.`);
    }

    download() {
      const data = { format: FORMAT, version: 1, exported: new Date().toISOString(), name: this.name.value, exercises: {} };
      storedIds().forEach((id) => { const rec = readRecord(id).record; if (rec) data.exercises[id] = rec; });
      const link = el("a");
      link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 1)], { type: "application/json" }));
      link.download = "my-answers-" + data.exported.slice(0, 10) + ".json";
      document.body.append(link);
      link.click();
      link.remove();
      show(this.status, "Your answers were saved to a file: " + link.download);
    }

    load(input) {
      const file = input.files[0];
      if (!file) return;
      const refuse = (why) => { input.value = ""; show(this.status, `This file was not loaded: ${why}. Nothing was changed.`); };
      if (file.size > 2000000) return refuse("it is too large to be a file of answers");
      file.text().then((text) => {
        const data = attempt(() => JSON.parse(text), null);
        if (!isObject(data) || data.format !== FORMAT || data.version !== 1) return refuse("it is not a file of answers from this module");
        if (!isObject(data.exercises) || (data.name != null && (typeof data.name !== "string" || data.name.length > 120))) return refuse("its contents are damaged");
        const ids = Object.keys(data.exercises);
        if (!ids.every((id) => ID.test(id) && validRecord(data.exercises[id]))) return refuse("some of its answers are damaged");
        input.value = "";
        ids.forEach((id) => writeRecord(id, data.exercises[id]));
        if (typeof data.name === "string") { this.name.value = data.name; store.set(NAME_KEY, data.name); }
        this.refresh();
        show(this.status, `Loaded answers to ${ids.length} exercise(s).`);
      });
    }

    print() { this.refresh(); window.print(); }

    reset() {
      if (!window.confirm("Delete all your saved answers and your name in this browser? Download them first if you want to keep a copy.")) return;
      storedIds().concat("~name").forEach((id) => store.drop(PREFIX + id));
      this.name.value = "";
      this.refresh();
      show(this.status, "All your saved answers were deleted.");
    }
  }

  function start() {
    all(document, "[data-exercise]").forEach((root) => { root.whc = root.whc || new Exercise(root); });
    all(document, "[data-my-answers]").forEach((root) => { root.whc = root.whc || new MyAnswers(root); });
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
