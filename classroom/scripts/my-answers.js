// My answers: progress, download, load, print and reset of every exercise's saved answers.
class MyAnswers {
  constructor(root) {
    this.root = root;
    this.registry = JSON.parse(root.querySelector("script[data-registry]").textContent);
    this.status = root.querySelector("[data-status]");
    this.name = root.querySelector("[data-learner-name]");
    this.name.value = Answers.name();
    this.name.addEventListener("input", () => Answers.setName(this.name.value));
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
    printout.append(el("h2", "", say("answers_of", { name: this.name.value.trim() || say("no_name", {}) })),
      el("p", "", say("printed_on", { date: new Date().toLocaleDateString() })));
    this.registry.exercises.forEach((exercise) => {
      const { record, problem } = Answers.read(exercise.id);
      const row = this.root.querySelector(`[data-summary-of='${exercise.id}']`);
      if (problem === "corrupt") problems += 1;
      const answered = record ? exercise.items.filter((item) => (record.items[item.id] || {}).v === item.version) : [];
      const marks = exercise.items[0].id === CONTRACT.textItem;
      row.querySelector("[data-answered]").textContent = !answered.length ? say("not_started", {})
        : marks ? say("sentences_marked", { count: Object.keys(record.items[CONTRACT.textItem].r).length })
        : say("n_of_m", { n: answered.length, m: exercise.items.length });
      row.querySelector("[data-last-score]").textContent = record && record.score ? say("n_of_m", { n: record.score[0], m: record.score[1] }) : say("no_score", {});
      if (!answered.length) return;
      printout.append(el("h3", "", exercise.title));
      const list = printout.appendChild(el("ol"));
      answered.forEach((item) => {
        const r = record.items[item.id].r, li = list.appendChild(el("li"));
        if (marks) {
          Object.keys(r).forEach((sid) => li.append(el("p", "", quoted(item.options[sid] || sid) + ": " + (exercise.labels[r[sid]] || r[sid]))));
          return;
        }
        li.append(el("p", "whc-printout__question", item.label));
        toList(r).forEach((v) => li.append(el("p", "whc-printout__answer", has(item.options, v) ? item.options[v] : has(exercise.labels, v) ? exercise.labels[v] : v)));
      });
      if (record.score) printout.append(el("p", "", say("last_score_short", { score: record.score[0], max: record.score[1] })));
    });
    if (problems) show(this.root.querySelector("[data-notice]"), say("records_cleared", { count: problems }));
  }

  download() {
    const data = { format: CONTRACT.fileFormat, version: 1, exported: new Date().toISOString(), name: this.name.value, exercises: {} };
    Answers.ids().forEach((id) => { const rec = Answers.read(id).record; if (rec) data.exercises[id] = rec; });
    const link = el("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 1)], { type: "application/json" }));
    link.download = "my-answers-" + data.exported.slice(0, 10) + ".json";
    document.body.append(link);
    link.click();
    link.remove();
    show(this.status, say("file_saved", { file: link.download }));
  }

  load(input) {
    const file = input.files[0];
    if (!file) return;
    const refuse = (why) => { input.value = ""; show(this.status, say("file_refused", { why: say(why, {}) })); };
    if (file.size > 2000000) return refuse("too_large");
    file.text().then((text) => {
      const data = attempt(() => JSON.parse(text), null);
      if (!isObject(data) || data.format !== CONTRACT.fileFormat || data.version !== 1) return refuse("not_answers_file");
      if (!isObject(data.exercises) || (data.name != null && (typeof data.name !== "string" || data.name.length > CONTRACT.maxName))) return refuse("damaged");
      const ids = Object.keys(data.exercises);
      if (!ids.every((id) => ID.test(id) && validRecord(data.exercises[id]))) return refuse("some_damaged");
      input.value = "";
      ids.forEach((id) => Answers.write(id, data.exercises[id]));
      if (typeof data.name === "string") { this.name.value = data.name; Answers.setName(data.name); }
      this.refresh();
      show(this.status, say("loaded", { count: ids.length }));
    });
  }

  print() { this.refresh(); window.print(); }

  reset() {
    if (!window.confirm(say("confirm_reset", {}))) return;
    Answers.ids().forEach((id) => Answers.drop(id));
    Answers.dropName();
    this.name.value = "";
    this.refresh();
    show(this.status, say("all_deleted", {}));
  }
}
