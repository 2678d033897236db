// One exercise on a page: Check, Try again, Show solution, and its answers saved as they change.
// What differs between kinds is in the kind's object (KINDS, kinds.js); nothing here names a kind.
class Exercise {
  constructor(root) {
    this.root = root;
    this.id = root.dataset.exercise;
    this.kind = kindNamed(root.dataset.kind);
    this.key = JSON.parse(root.querySelector("script[data-key]").textContent);
    this.items = all(root, "[data-item]");
    this.notice = root.querySelector("[data-notice]");
    this.scoreLine = root.querySelector("[data-score]");
    this.solutionButton = root.querySelector("[data-action='solution']");
    if (this.kind.setup) this.kind.setup(this);
    this.restore();
    root.addEventListener("change", (event) => { if (event.target.matches("[data-item] input")) this.changed(event.target.closest("[data-item]")); });
    root.addEventListener("input", (event) => { if (event.target.tagName === "TEXTAREA") this.changed(event.target.closest("[data-item]")); });
    root.addEventListener("click", (event) => {
      const action = event.target.closest("[data-action]");
      if (action) this.act(action);
    });
    if (root.hasAttribute("data-assessment")) this.results();  // feedback the teacher has released
  }

  // A button pressed: its outcome appears beside it without moving it (feedback added above
  // would push it down, so the page scrolls by as much), and focus moves to the outcome, which
  // a screen reader announces (role=status).
  act(button) {
    const before = button.getBoundingClientRect().top, action = button.dataset.action;
    this[action]();
    const moved = button.getBoundingClientRect().top - before;
    if (moved) window.scrollBy({ top: moved, behavior: "instant" });
    // The outcome just below the button comes into view too (the button moves only as little).
    if (action !== "retry" && !this.scoreLine.hidden) this.scoreLine.scrollIntoView({ block: "nearest", behavior: "instant" });
    if (action !== "retry" && !this.scoreLine.hidden) this.scoreLine.focus({ preventScroll: true });
  }

  // Show solution comes only after a first Check, here or in an earlier visit.
  tried() {
    if (this.solutionButton) this.solutionButton.hidden = false;
  }

  // Feedback about answers that have since changed would mislead: clear it, then save.
  changed(item) {
    if (this.checked && !this.kind.keepsFeedbackWhileEditing) this.clearFeedback();
    this.save(item);
  }

  restore() {
    const { record, problem } = Answers.read(this.id);
    let changed = false;
    if (problem === "corrupt") show(this.notice, say("saved_unreadable", {}));
    if (problem === "unavailable" || !Answers.canSave()) warnUnsaved(this.notice, "cannot_save");
    if (!record) return;
    this.items.forEach((item) => {
      const saved = record.items[item.dataset.item];
      if (!saved) return;
      // An answer saved for an older version of an item is not applied to the new one.
      if (saved.v !== item.dataset.version) changed = true; else this.kind.write(item, saved.r, this);
    });
    if (changed) show(this.notice, say("exercise_changed", {}));
    if (record.score) { show(this.scoreLine, say("last_score", { score: record.score[0], max: record.score[1] })); this.tried(); }
  }

  // `type` tells class mode what happened: an answer typed, a Check, Show solution or Hand in.
  // `shown` lists the items whose solution was just shown: they are saved as such, and only
  // they are sent with a Show solution, so class mode never counts them as right.
  save(item, score, type = item ? "answer" : "check", shown) {
    const changes = {};
    (item ? [item] : this.items).forEach((node) => {
      const response = this.kind.read(node);
      changes[node.dataset.item] = response === null ? null : { v: node.dataset.version, r: response };
    });
    warnUnsaved(this.notice, Answers.saveItems(this.id, changes, score, shown) ? "" : "save_failed");
    Class.record(this.id, shown ? Object.fromEntries(shown.map((id) => [id, changes[id]])) : changes, type);  // class mode only
  }

  // Another tab changed this exercise's answers: show them here, so the last answer typed
  // anywhere wins and a Check here does not save stale answers over them.
  reload() {
    const { record } = Answers.read(this.id);
    if (this.checked && !this.kind.keepsFeedbackWhileEditing) this.clearFeedback();
    this.items.forEach((item) => {
      const saved = record && record.items[item.dataset.item];
      this.kind.write(item, saved && saved.v === item.dataset.version ? saved.r : null, this);
    });
  }

  check(reveal) {
    reveal = reveal === true;
    const { score, max, notRight } = this.showFeedback(reveal);
    // Nothing to score (an open answer): no score is saved, so none is shown as marks anywhere.
    this.save(null, max ? [score, max] : undefined, reveal ? "solution" : "check", reveal ? notRight : undefined);
    this.tried();
  }

  // The items whose solution was shown earlier: whatever is answered there now is not counted.
  shownItems() {
    const { record } = Answers.read(this.id);
    return new Set(record && record.shown || []);
  }

  // Judge the answers on the page with this.key and show the kind's feedback. A check-up's key
  // comes from the laptop and holds only the items handed in: any other item is unanswered.
  showFeedback(reveal) {
    this.checked = true;
    this.ideasShown = new Set();  // each idea behind the items is told once per Check
    const shown = this.shownItems(), notRight = [];
    const judged = this.items.map((item) => {
      const itemId = item.dataset.item, known = Boolean(this.kind.render) || has(this.key.items, itemId);
      const result = this.kind.judge(this.key, itemId, known ? this.kind.read(item) : null);
      if (result.verdict !== "right" && result.verdict !== "answered") notRight.push(itemId);
      // An item whose solution was shown earlier is never counted as right.
      const counted = shown.has(itemId) ? Object.assign({}, result, { score: 0, shown: true }) : result;
      if (this.kind.render) { this.kind.render(this, item, itemId, result, reveal); return counted; }
      const box = item.querySelector("[data-feedback]");
      box.textContent = "";
      const lines = known ? this.kind.feedback(this, item, itemId, result, reveal) : [verdictLine(result)];
      if (counted.shown && result.verdict === "right") lines.splice(1, 0, ["", say("shown_not_counted", {})]);
      this.writeLines(box, lines);
      box.hidden = false;
      return counted;
    });
    Appeal.offer(this, judged);  // class mode: "I disagree" under the feedback (class-appeal.js)
    const score = judged.reduce((sum, j) => sum + j.score, 0), max = judged.reduce((sum, j) => sum + j.max, 0);
    const unanswered = judged.filter((j) => j.verdict === "unanswered").length, notCounted = judged.filter((j) => j.shown).length;
    const message = this.kind.message ? this.kind.message(judged, this.items, this)
      : say("score", { score, max }) + (unanswered ? say("not_answered", { count: unanswered }) : "");
    show(this.scoreLine, message + (notCounted && !reveal ? say("shown_before", { count: notCounted }) : "") + (reveal ? say("solution_shown", {}) : ""));
    return { score, max, notRight };
  }

  // Feedback lines into a box: shown at once, except the rest of the reasons and the idea
  // behind the item (once per Check), which wait behind a "Why?" that opens in place.
  writeLines(box, lines) {
    const why = el("details", "whc-why");
    why.append(el("summary", "", say("why", {})));
    lines.forEach(([kind, text, paragraph]) => {
      if (!text) return;
      if (kind === "concept") {
        if (this.ideasShown.has(text)) return;
        this.ideasShown.add(text);
        text = say("the_idea", { idea: text });
      }
      const into = kind === "why" || kind === "concept" ? why : box;
      const classes = kind ? kind.split(" ").map((c) => "whc-feedback__" + c).join(" ") : "";
      if (paragraph && this.root.dataset.exerciseCase) {  // where to look, linked to the case text
        const link = into.appendChild(el("p", classes)).appendChild(el("a", "", text));
        link.href = "../cases/" + this.root.dataset.exerciseCase + ".html#" + this.root.dataset.exerciseCase + "-p" + paragraph;
        return;
      }
      if (kind !== "point") { into.append(el("p", classes, text)); return; }
      if (!into.lastChild || into.lastChild.tagName !== "UL") into.append(el("ul"));
      into.lastChild.append(el("li", classes, text));
    });
    if (why.childNodes.length > 1) box.append(why);
  }

  solution() { this.check(true); }

  // A check-up has no key in the page: served by `make serve`, it is handed in to the teacher's
  // laptop, which marks it; from disk or another server it is only saved here (and in My answers).
  handin() {
    if (!Class.served()) { this.save(); this.handinSays(say("handin_needs_teacher", {})); return; }
    if (!Class.joined()) { this.save(); this.handinSays(say("handin_join_first", {})); Class.askToJoin(this.root); return; }
    this.save(null, undefined, "handin");
    this.handinSays(say("handin_sending", {}));
  }

  // What became of a hand-in (class.js tells): refused with the laptop's reason, or taken.
  handedIn(outcome) {
    if (outcome.error) { this.handinSays(outcome.error); return; }
    this.handinSays(say("handin_done", { time: new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) }));
    this.results(true);
  }

  // A hand-in's fate, at the top of the exercise and beside the Hand in button, where the
  // student is looking: a refusal must never pass for a success.
  handinSays(text) {
    show(this.notice, text);
    show(this.scoreLine, text);
  }

  // The laptop's view of this student's check-up: closed, waiting for the teacher, or the
  // handed-in answers with the key's entries for them, shown with the kind's own feedback.
  async results(justHandedIn) {
    clearTimeout(this.recheck);
    const data = await Class.results(this.id);
    if (!data) return;
    // Closed, or handed in: ask again, so the teacher opening the check-up, releasing the
    // results or allowing a retake shows here without a reload.
    if (data.handedIn || !data.open) this.recheck = setTimeout(() => this.results(), 30000);
    this.handinAllowed(data);
    if (!data.handedIn) {
      const closed = say("checkup_closed", {}), retake = say("handin_retake", {});
      if (data.retake && this.shownResults) this.clearFeedback();  // that feedback was the old hand-in's
      this.shownResults = "";
      if (!data.open) show(this.notice, closed);
      else if (data.retake) show(this.notice, retake);
      else if (this.notice.textContent === closed || this.notice.textContent === retake) show(this.notice, "");
      return;
    }
    // Just handed in: the outcome goes beside the button too, where the student is looking.
    const tell = (text) => justHandedIn ? this.handinSays(text) : show(this.notice, text);
    if (data.waiting) { tell(say("class_not_admitted", {})); return; }
    if (!data.key) { tell(say(justHandedIn ? "handin_done_wait" : "handin_waiting", {})); return; }
    // Results already on the page stay as they are: what the student has typed since is kept.
    const results = JSON.stringify([data.answers, data.score, data.feedback]);
    if (results === this.shownResults && !justHandedIn) return;
    this.shownResults = results;
    this.key = data.key;
    const changes = {};
    this.items.forEach((item) => {
      const response = has(data.answers, item.dataset.item) ? data.answers[item.dataset.item] : null;
      this.kind.write(item, response, this);
      changes[item.dataset.item] = response === null ? null : { v: item.dataset.version, r: response };
    });
    Answers.saveItems(this.id, changes, data.score || undefined);  // the page and this browser's copy agree
    this.showFeedback(false);
    show(this.notice, say(data.feedback === "at-once" ? "handin_feedback_again" : "handin_feedback", {}));
  }

  // Hand in is switched off, with the reason beside it, when the laptop would refuse another
  // hand-in (it says so in `mayHandIn`, by the rule it refuses by: checkup.refusal).
  handinAllowed(data) {
    const button = this.root.querySelector("[data-action='handin']");
    if (!button) return;
    const why = !data.handedIn || data.mayHandIn ? ""
      : say(data.open ? "handin_no_more" : "handin_no_more_closed", {});
    let line = this.root.querySelector(".whc-exercise__handin-why");
    button.disabled = Boolean(why);
    if (!why) { if (line) line.remove(); button.removeAttribute("aria-describedby"); return; }
    if (!line) this.scoreLine.after(line = el("p", "whc-exercise__handin-why"));
    line.id = this.root.id + "-handin-why";
    line.textContent = why;
    button.setAttribute("aria-describedby", line.id);
  }

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
    if (this.kind.clear) this.kind.clear(this);
    show(this.scoreLine, "");
  }
}
