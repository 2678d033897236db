// My answers: progress, download, load, print and reset of every exercise's saved answers.
// Loading a file first shows what it would change, merges by default, and can be undone.

// How a file's answer to one item compares with the one saved here.
function compareItem(mine, theirs) {
  if (!mine) return "new";
  if (mine.v === theirs.v && canonical(mine.r) === canonical(theirs.r)) return "same";
  return theirs.t > mine.t ? "newer" : theirs.t < mine.t ? "older" : "conflicting";
}

// A file's record for one exercise against the saved one: new, newer, older, conflicting or same.
function compareRecord(current, incoming) {
  const found = Object.keys(incoming.items).map((itemId) => compareItem(current && current.items[itemId], incoming.items[itemId]));
  const any = (status) => found.includes(status);
  return any("conflicting") || (any("newer") && any("older")) ? "conflicting"
    : any("older") ? "older" : any("newer") ? "newer" : any("new") ? "new" : "same";
}

// Why a file's record does not fit an exercise as the registry describes it (its items, their
// options, the exercise's labels), or "" when it fits.
function misfit(exercise, rec) {
  const items = {}, marks = exercise.items[0].id === CONTRACT.textItem;
  exercise.items.forEach((item) => { items[item.id] = item; });
  const most = marks ? Object.keys(exercise.items[0].options).length : exercise.items.length;
  if (rec.score && (rec.score[0] > rec.score[1] || rec.score[1] > most)) return "forged_score";
  const chooses = Object.keys(exercise.labels).length || exercise.items.some((item) => Object.keys(item.options).length);
  const fits = (itemId) => {
    const { v, r } = rec.items[itemId], item = items[itemId];
    // An answer to an earlier version of an item is kept but never shown: only its shape counts.
    const known = (list, id) => !item || item.version !== v || has(list, id);
    if (marks) return isObject(r) && Object.keys(r).every((s) => known(item && item.options, s) && known(exercise.labels, r[s]));
    if (!chooses) return typeof r === "string";
    const options = item && Object.keys(item.options).length ? item.options : null;
    if (isObject(r) || (!options && item && typeof r !== "string")) return false;
    return toList(r).every((id) => ID.test(id) && known(options || exercise.labels, id));
  };
  return Object.keys(rec.items).every(fits) ? "" : "wrong_answer";
}

class MyAnswers {
  constructor(root) {
    this.root = root;
    this.registry = JSON.parse(root.querySelector("script[data-registry]").textContent);
    this.known = {};
    this.registry.exercises.forEach((exercise) => { this.known[exercise.id] = exercise; });
    this.status = root.querySelector("[data-status]");
    this.preview = root.querySelector("[data-load-preview]");
    this.undoButton = root.querySelector("[data-action=undo]");
    this.name = root.querySelector("[data-learner-name]");
    this.name.value = Answers.name();
    this.name.addEventListener("input", () => { Answers.setName(this.name.value); this.refresh(); });
    this.nameAsk = root.querySelector("[data-name-ask]");
    this.nameAgain = root.querySelector("[data-name-again]");
    this.nameAgain.addEventListener("input", () => { this.name.value = this.nameAgain.value; Answers.setName(this.nameAgain.value); this.refresh(); });
    this.nameAgain.addEventListener("keydown", (event) => { if (event.key === "Enter") this.download(); });
    root.addEventListener("click", (event) => {
      const action = event.target.closest("button[data-action]");
      if (action) this[action.dataset.action]();
    });
    root.querySelector("input[data-action=load]").addEventListener("change", (event) => this.load(event.target));
    this.refresh();
  }

  // Another tab saved answers or a name.
  reload() {
    if (document.activeElement !== this.name) this.name.value = Answers.name();
    this.refresh();
  }

  refresh() {
    const printout = this.root.querySelector("[data-printout]");
    printout.textContent = "";
    printout.append(el("h2", "", say("answers_of", { name: this.name.value.trim() || say("no_name", {}) })),
      el("p", "", say("printed_on", { date: new Date().toLocaleDateString(undefined, { dateStyle: "long" }) })));
    this.registry.exercises.forEach((exercise) => {
      const { record } = Answers.read(exercise.id);
      const row = this.root.querySelector(`[data-summary-of='${exercise.id}']`);
      const answered = record ? exercise.items.filter((item) => (record.items[item.id] || {}).v === item.version) : [];
      const marks = exercise.items[0].id === CONTRACT.textItem;
      row.querySelector("[data-answered]").textContent = !answered.length ? say("not_started", {})
        : marks ? say("sentences_marked", { count: Object.keys(record.items[CONTRACT.textItem].r).length })
        : say("n_of_m", { n: answered.length, m: exercise.items.length });
      const shown = record && record.shown ? record.shown.length : 0;
      row.querySelector("[data-last-score]").textContent = (record && record.score ? say("n_of_m", { n: record.score[0], m: record.score[1] }) : say("no_score", {}))
        + (shown ? say("solution_was_shown", { count: shown }) : "");
      if (!answered.length) return;
      const part = printout.appendChild(el("section", "whc-printout__exercise"));
      part.append(el("h3", "", exercise.title));
      if (marks) {
        // Marked sentences in the order of the text (the key's numbers would tell which are claims).
        const item = exercise.items[0], r = record.items[item.id].r, list = part.appendChild(el("ul"));
        Object.keys(item.options).filter((sid) => has(r, sid)).forEach((sid) =>
          list.append(el("li", "", quoted(item.options[sid]) + ": " + (exercise.labels[r[sid]] || r[sid]))));
      } else {
        const list = part.appendChild(el("ol"));
        answered.forEach((item) => {
          const li = list.appendChild(el("li"));
          li.value = exercise.items.indexOf(item) + 1;  // numbered as in the answer key, gaps and all
          li.append(el("p", "whc-printout__question", item.label));
          if (item.quote) li.append(el("p", "whc-printout__quote", quoted(unquoted(item.quote))));
          toList(record.items[item.id].r).forEach((v) => li.append(el("p", "whc-printout__answer", has(item.options, v) ? item.options[v] : has(exercise.labels, v) ? exercise.labels[v] : v)));
          if ((record.shown || []).includes(item.id)) li.append(el("p", "whc-printout__shown", say("solution_shown_item", {})));
        });
      }
      if (record.score) part.append(el("p", "", say("last_score_short", { score: record.score[0], max: record.score[1] })
        + (record.shown && record.shown.length ? say("solution_was_shown", { count: record.shown.length }) : "")));
    });
    const aside = Object.keys(Answers.aside()).length;
    show(this.root.querySelector("[data-notice]"), aside ? say("records_aside", { count: aside }) : "");
    warnUnsaved(this.root.querySelector("[data-saving]"), Answers.canSave() ? "" : "cannot_save");
  }

  // A file without a name is refused by the teacher's class page: ask for one right here.
  download() {
    if (!Answers.name().trim()) {
      this.nameAsk.hidden = false;
      show(this.status, say("name_needed", {}));
      this.nameAgain.focus();
      return;
    }
    this.nameAsk.hidden = true;
    show(this.status, say("file_saved", { file: downloadAnswers() }));
    this.status.focus({ preventScroll: true });
  }

  // Read a file and show what loading it would change; nothing is stored until apply().
  load(input) {
    const file = input.files[0];
    input.value = "";
    this.preview.hidden = true;
    if (!file) return;
    const refuse = (why) => show(this.status, say("file_refused", { why: say(why, {}) }));
    if (file.size > 2000000) return refuse("too_large");
    file.text().then((text) => {
      const data = attempt(() => JSON.parse(text), null);
      if (!isObject(data) || data.format !== CONTRACT.fileFormat || data.version !== 1) return refuse("not_answers_file");
      if (!isObject(data.exercises) || (data.name != null && (typeof data.name !== "string" || data.name.length > CONTRACT.maxName))) return refuse("damaged");
      const ids = Object.keys(data.exercises);
      if (!ids.every((id) => ID.test(id) && validRecord(data.exercises[id]))) return refuse("some_damaged");
      this.fileName = typeof data.name === "string" ? data.name : "";
      this.plan = ids.map((id) => {
        const exercise = has(this.known, id) ? this.known[id] : null, rec = data.exercises[id];
        const refused = exercise ? misfit(exercise, rec) : "unknown_exercise";
        return { id, rec, refused, title: exercise ? exercise.title : id, status: refused ? "" : compareRecord(Answers.read(id).record, rec) };
      });
      this.showPlan();
    });
  }

  showPlan() {
    const rows = this.preview.querySelector("tbody");
    rows.textContent = "";
    this.plan.forEach((entry) => {
      const cell = el("td", "", entry.refused ? say("load_refused", { why: say(entry.refused, {}) }) : say("load_" + entry.status, {}));
      rows.appendChild(el("tr")).append(el("td", "", entry.title), cell);
      if (entry.status !== "older" && entry.status !== "conflicting") return;
      const label = cell.appendChild(el("label", "whc-load__take")), box = label.appendChild(el("input"));
      box.type = "checkbox";
      box.dataset.take = entry.id;
      label.append(say("load_take_file", {}));
    });
    const loadable = this.plan.some((entry) => entry.status && entry.status !== "same");
    this.preview.querySelector("[data-action=apply]").hidden = !loadable;
    this.preview.hidden = false;
    show(this.status, loadable ? say("load_check", {}) : say("file_refused", { why: say("nothing_to_load", {}) }));
  }

  // Merge: new and newer answers come in; older and conflicting ones only where the learner
  // chose the file's. What is replaced is kept, so that undo() puts it back.
  apply() {
    const taken = all(this.preview, "input[data-take]:checked").map((box) => box.dataset.take);
    const before = {};
    let unsavedCount = 0;
    this.plan.forEach(({ id, rec, status }) => {
      if (!status || status === "same") return;
      const current = Answers.read(id).record, take = taken.includes(id);
      const merged = { items: Object.assign({}, current && current.items) };
      Object.keys(rec.items).forEach((itemId) => {
        const how = compareItem(current && current.items[itemId], rec.items[itemId]);
        if (take || how === "new" || how === "newer") merged.items[itemId] = rec.items[itemId];
      });
      const score = (take || status === "newer" || !current || !current.score) && rec.score ? rec.score : current && current.score;
      if (score) merged.score = score;
      const shown = Array.from(new Set(((current && current.shown) || []).concat(rec.shown || [])));
      if (shown.length) merged.shown = shown;
      if (JSON.stringify(merged) === JSON.stringify(current)) return;
      before[id] = current;
      if (!Answers.write(id, merged)) unsavedCount += 1;
    });
    this.undoable = { records: before, name: this.name.value };
    if (this.fileName && !this.name.value.trim()) { this.name.value = this.fileName; Answers.setName(this.fileName); }
    this.preview.hidden = true;
    const changed = Object.keys(before).length;
    this.undoButton.hidden = !changed;
    this.refresh();
    show(this.status, unsavedCount ? say("load_unsaved", {}) : changed ? say("loaded", { count: changed }) : say("load_nothing", {}));
  }

  cancel() {
    this.preview.hidden = true;
    show(this.status, say("load_cancelled", {}));
  }

  undo() {
    const { records, name } = this.undoable;
    Object.keys(records).forEach((id) => { if (records[id]) Answers.write(id, records[id]); else Answers.drop(id); });
    this.name.value = name;
    if (name) Answers.setName(name); else Answers.dropName();
    this.undoButton.hidden = true;
    this.refresh();
    show(this.status, say("load_undone", {}));
  }

  print() { this.refresh(); window.print(); }

  reset() {
    if (!window.confirm(say("confirm_reset", {}))) return;
    Answers.dropAll();
    this.name.value = "";
    this.undoButton.hidden = true;
    this.refresh();
    show(this.status, say("all_deleted", {}));
  }
}
