// Weighing Health Claims: the exercises and the "My answers" page.
// The build writes plain HTML with data-* attributes and a JSON key per exercise; this file
// adds Check / Try again / Show solution, and keeps answers in localStorage. Whatever a learner
// typed is only ever set as text (textContent, .value), never parsed as markup.
(function () {
  "use strict";
  var PREFIX = "whc:v1:";
  var NAME_KEY = PREFIX + "~name";
  var FORMAT = "weighing-health-claims-answers";
  var ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

  // ----- Storage: one record per exercise, {items: {id: {v: version, r: response}}, score}
  function isObject(x) { return x !== null && typeof x === "object" && !Array.isArray(x); }
  function validResponse(r) {
    if (typeof r === "string") return r.length <= 20000;
    if (Array.isArray(r)) return r.length <= 50 && r.every(function (x) { return typeof x === "string" && ID.test(x); });
    return isObject(r) && Object.keys(r).length <= 2000 && Object.keys(r).every(function (k) {
      return /^s[0-9]{1,5}$/.test(k) && typeof r[k] === "string" && ID.test(r[k]);
    });
  }
  function validRecord(rec) {
    if (!isObject(rec) || !isObject(rec.items)) return false;
    if (rec.score != null && !(Array.isArray(rec.score) && rec.score.length === 2 &&
        rec.score.every(function (n) { return Number.isInteger(n) && n >= 0 && n < 10000; }))) return false;
    return Object.keys(rec.items).every(function (id) {
      var item = rec.items[id];
      return ID.test(id) && isObject(item) && typeof item.v === "string" && item.v.length < 80 && validResponse(item.r);
    });
  }
  // Returns {record} or {record: null, problem} when stored data could not be used.
  function readRecord(id) {
    var raw;
    try { raw = localStorage.getItem(PREFIX + id); } catch (e) { return { record: null, problem: "unavailable" }; }
    if (raw === null) return { record: null };
    try { var rec = JSON.parse(raw); if (validRecord(rec)) return { record: rec }; } catch (e) { /* dropped below */ }
    try { localStorage.removeItem(PREFIX + id); } catch (e) { /* nothing more to do */ }
    return { record: null, problem: "corrupt" };
  }
  function writeRecord(id, rec) {
    try { localStorage.setItem(PREFIX + id, JSON.stringify(rec)); return true; } catch (e) { return false; }
  }
  function storedIds() {
    var ids = [];
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var k = localStorage.key(i);
        if (k.indexOf(PREFIX) === 0 && ID.test(k.slice(PREFIX.length))) ids.push(k.slice(PREFIX.length));
      }
    } catch (e) { /* storage blocked: nothing stored */ }
    return ids;
  }

  // ----- Small DOM helpers: every text goes in through textContent
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }
  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function show(node, message) { node.textContent = message; node.hidden = !message; }
  function quoted(text) { return "\u201c" + text + "\u201d"; }

  // ----- Exercises
  function Exercise(root) {
    this.root = root;
    this.id = root.getAttribute("data-exercise");
    this.kind = root.getAttribute("data-kind");
    this.key = JSON.parse(root.querySelector("script[data-key]").textContent);
    this.items = all(root, "[data-item]");
    this.notice = root.querySelector("[data-notice]");
    this.scoreLine = root.querySelector("[data-score]");
    this.summary = root.querySelector("[data-summary]");
    this.pen = "";
    this.restore();
    var self = this;
    root.addEventListener("change", function (event) {
      if (event.target.name === self.id + "--pen") self.pen = event.target.value; else self.save();
    });
    root.addEventListener("input", function (event) { if (event.target.tagName === "TEXTAREA") self.save(); });
    root.addEventListener("click", function (event) {
      var sentence = event.target.closest(".whc-sentence");
      var action = event.target.closest("[data-action]");
      if (sentence) self.toggleMark(sentence);
      if (action) self[action.getAttribute("data-action")]();
    });
    var pen = root.querySelector("input[name='" + this.id + "--pen']:checked");
    if (pen) this.pen = pen.value;
  }

  Exercise.prototype.read = function (item) {
    if (this.kind === "mark-claims") {
      var marks = {};
      all(item, ".whc-sentence[data-mark]").forEach(function (s) { marks[s.getAttribute("data-sentence")] = s.getAttribute("data-mark"); });
      return Object.keys(marks).length ? marks : null;
    }
    var text = item.querySelector("textarea");
    if (text) return text.value.trim() ? text.value : null;
    var chosen = all(item, "input:checked").map(function (i) { return i.value; });
    if (item.querySelector("input[type=checkbox]")) return chosen.length ? chosen : null;
    return chosen[0] || null;
  };

  Exercise.prototype.write = function (item, response) {
    if (this.kind === "mark-claims") {
      var self = this;
      all(item, ".whc-sentence").forEach(function (s) { self.setMark(s, response[s.getAttribute("data-sentence")] || ""); });
      return;
    }
    var text = item.querySelector("textarea");
    if (text) { text.value = response; return; }
    all(item, "input").forEach(function (i) {
      i.checked = Array.isArray(response) ? response.indexOf(i.value) >= 0 : i.value === response;
    });
  };

  Exercise.prototype.setMark = function (sentence, kind) {
    var label = kind && this.key.vocabulary[kind] ? this.key.vocabulary[kind].label : "";
    if (label) sentence.setAttribute("data-mark", kind); else sentence.removeAttribute("data-mark");
    sentence.setAttribute("aria-pressed", label ? "true" : "false");
    sentence.querySelector("[data-tag]").textContent = label ? " [" + label + "]" : "";
  };

  Exercise.prototype.toggleMark = function (sentence) {
    var same = sentence.getAttribute("data-mark") === this.pen;
    this.setMark(sentence, same ? "" : this.pen);
    this.save();
  };

  Exercise.prototype.restore = function () {
    var found = readRecord(this.id), rec = found.record, self = this, changed = false;
    if (found.problem === "corrupt") show(this.notice, "Your saved answers to this exercise could not be read, so they were cleared. You can start again.");
    if (found.problem === "unavailable") show(this.notice, "This browser does not allow saving, so your answers will be lost when you leave the page.");
    if (!rec) return;
    this.items.forEach(function (item) {
      var saved = rec.items[item.getAttribute("data-item")];
      if (!saved) return;
      // An answer saved for an older version of an item is not applied to the new one.
      if (saved.v !== item.getAttribute("data-version")) { changed = true; return; }
      self.write(item, saved.r);
    });
    if (changed) show(this.notice, "This exercise has changed since you last worked on it. Answers to questions that changed were not restored.");
    if (rec.score) show(this.scoreLine, "Last score when you checked: " + rec.score[0] + " of " + rec.score[1] + ".");
  };

  Exercise.prototype.save = function (score) {
    var rec = readRecord(this.id).record || { items: {} }, self = this;
    this.items.forEach(function (item) {
      var id = item.getAttribute("data-item"), response = self.read(item);
      if (response === null) delete rec.items[id];
      else rec.items[id] = { v: item.getAttribute("data-version"), r: response };
    });
    if (score) rec.score = score;
    if (!writeRecord(this.id, rec)) show(this.notice, "Your answers could not be saved in this browser. Use Download on the My answers page to keep a copy.");
  };

  // Judging: each returns {score, max, lines: [[class, text], ...]} for one item.
  Exercise.prototype.judge = function (item, reveal) {
    var id = item.getAttribute("data-item"), key = this.key.items[id], vocabulary = this.key.vocabulary;
    var response = this.read(item), lines = [];
    var label = function (v) { return vocabulary[v] ? vocabulary[v].label : v; };
    if (this.kind === "open") {
      if (!response) return { score: 0, max: 0, lines: [["verdict", "Write your answer first; then a model answer and a checklist appear."]] };
      lines.push(["heading", "A model answer"], ["", key.answer], ["heading", "Check your answer against these points"]);
      key.rubric.forEach(function (point) { lines.push(["point", point]); });
      lines.push(["", key.feedback], ["concept", key.concept]);
      return { score: 0, max: 0, lines: lines, done: true };
    }
    var right = this.kind === "choice" ? sameSet(toList(response), toList(key.answer)) : response === key.answer;
    var where = key.quote ? "The text says: " + quoted(key.quote) : "Nothing in the text addresses this.";
    if (!response) lines.push(["verdict", "No answer yet."]);
    else if (right) lines.push(["verdict right", "Right."]);
    else lines.push(["verdict wrong", "Not quite."]);
    if (this.kind === "choice") {
      this.markOptions(item, key, reveal);
      toList(response).forEach(function (o) { lines.push(["", optionText(item, o) + ": " + key.reasons[o]]); });
      if (reveal) lines.push(["answer", "The answer: " + toList(key.answer).map(function (o) { return optionText(item, o); }).join("; ")]);
      if (right || reveal) lines.push(["", key.feedback]);
    } else if (response && !right) {
      lines.push(["", this.kind === "evidence-level"
        ? "You chose " + quoted(label(response)) + ". " + ((key.reasons || {})[response] || "That would mean: " + vocabulary[response].definition)
        : "Read the text again for this point."]);
    }
    if (this.kind !== "choice" && (right || reveal)) {
      if (reveal) lines.push(["answer", "The answer: " + label(key.answer) + "."]);
      if (this.kind === "missing-info") lines.push(["", where]);
      lines.push(["", key.feedback]);
    }
    lines.push(["concept", key.concept]);
    return { score: right ? 1 : 0, max: 1, lines: lines };
  };

  Exercise.prototype.markOptions = function (item, key, reveal) {
    all(item, "[data-option]").forEach(function (option) {
      var id = option.getAttribute("data-option"), chosen = option.querySelector("input").checked;
      var correct = toList(key.answer).indexOf(id) >= 0;
      option.classList.toggle("whc-option--right", chosen && correct);
      option.classList.toggle("whc-option--wrong", chosen && !correct);
      option.classList.toggle("whc-option--answer", reveal && correct);
    });
  };

  Exercise.prototype.judgeClaims = function (reveal) {
    var marks = this.read(this.items[0]) || {}, key = this.key, vocabulary = key.vocabulary, root = this.root;
    var sections = { found: [], missed: [], wrong: [] }, score = 0, claimed = {};
    var sentenceText = function (sid) { var s = root.querySelector("[data-sentence='" + sid + "']"); return s.firstChild.textContent; };
    Object.keys(key.items).forEach(function (id) {
      var claim = key.items[id], mark = marks[claim.sentence], kind = vocabulary[claim.answer].label;
      claimed[claim.sentence] = claim;
      if (!mark) { sections.missed.push([claim.sentence, "A " + kind.toLowerCase() + " claim. " + claim.feedback, claim.concept]); return; }
      if (mark === claim.answer) score += 1;
      var verdict = mark === claim.answer ? "Right: a " + kind.toLowerCase() + " claim. " : "A claim, but we read it as " + kind.toLowerCase() + " rather than " + vocabulary[mark].label.toLowerCase() + ". ";
      sections.found.push([claim.sentence, verdict + claim.feedback, claim.concept]);
    });
    Object.keys(marks).forEach(function (sid) {
      if (!claimed[sid]) sections.wrong.push([sid, key.notClaims[sid] || key.notAClaim, ""]);
    });
    all(root, ".whc-sentence").forEach(function (s) {
      var sid = s.getAttribute("data-sentence"), claim = claimed[sid];
      s.classList.toggle("whc-sentence--found", !!(claim && marks[sid]));
      s.classList.toggle("whc-sentence--missed", !!(claim && !marks[sid]));
      s.classList.toggle("whc-sentence--wrong", !claim && !!marks[sid]);
      if (reveal && claim) s.setAttribute("data-solution", vocabulary[claim.answer].label); else s.removeAttribute("data-solution");
    });
    this.summary.textContent = "";
    [["found", "Claims you found"], ["missed", "Claims you missed"], ["wrong", "Marked, but not a claim"]].forEach(function (part) {
      var list = el("ul"), entries = sections[part[0]];
      this.summary.appendChild(el("h4", "whc-summary__heading whc-summary__heading--" + part[0], part[1] + " (" + entries.length + ")"));
      entries.forEach(function (entry) {
        var li = el("li");
        li.appendChild(el("q", "", sentenceText(entry[0]).trim()));
        li.appendChild(el("span", "", " " + entry[1]));
        if (entry[2]) li.appendChild(el("span", "whc-feedback__concept", " " + entry[2]));
        list.appendChild(li);
      });
      if (entries.length) this.summary.appendChild(list);
    }, this);
    this.summary.hidden = false;
    return [score, Object.keys(key.items).length, sections.wrong.length];
  };

  Exercise.prototype.check = function (reveal) {
    reveal = reveal === true;
    var score = 0, max = 0, done = 0, self = this, message;
    if (this.kind === "mark-claims") {
      var result = this.judgeClaims(reveal);
      score = result[0]; max = result[1];
      message = "Score: " + score + " of " + max + " claims found with the right kind" + (result[2] ? "; " + result[2] + " sentence" + (result[2] > 1 ? "s" : "") + " marked that " + (result[2] > 1 ? "are" : "is") + " not a claim." : ".");
    } else {
      this.items.forEach(function (item) {
        var judged = self.judge(item, reveal), box = item.querySelector("[data-feedback]");
        score += judged.score; max += judged.max; if (judged.done) done += 1;
        box.textContent = "";
        judged.lines.forEach(function (line) {
          var classes = line[0] ? line[0].split(" ").map(function (c) { return "whc-feedback__" + c; }).join(" ") : "";
          if (line[0] !== "point") { box.appendChild(el("p", classes, line[1])); return; }
          if (!box.lastChild || box.lastChild.tagName !== "UL") box.appendChild(el("ul"));
          box.lastChild.appendChild(el("li", classes, line[1]));
        });
        box.hidden = false;
      });
      message = this.kind === "open" ? "You have written " + done + " of " + this.items.length + " answers." : "Score: " + score + " of " + max + ".";
    }
    if (reveal) message += " The solution is shown.";
    show(this.scoreLine, message);
    this.save(this.kind === "open" ? [done, this.items.length] : [score, max]);
  };
  Exercise.prototype.solution = function () { this.check(true); };
  Exercise.prototype.retry = function () {
    all(this.root, "[data-feedback]").forEach(function (box) { box.hidden = true; box.textContent = ""; });
    all(this.root, ".whc-option--right, .whc-option--wrong, .whc-option--answer, .whc-sentence").forEach(function (n) {
      n.classList.remove("whc-option--right", "whc-option--wrong", "whc-option--answer", "whc-sentence--found", "whc-sentence--missed", "whc-sentence--wrong");
      n.removeAttribute("data-solution");
    });
    if (this.summary) { this.summary.hidden = true; this.summary.textContent = ""; }
    show(this.scoreLine, "");
    var first = this.root.querySelector("input, textarea, .whc-sentence");
    if (first) first.focus();
  };

  function toList(x) { return x == null ? [] : Array.isArray(x) ? x : [x]; }
  function sameSet(a, b) { return a.length === b.length && a.every(function (x) { return b.indexOf(x) >= 0; }); }
  function optionText(item, id) { var o = item.querySelector("[data-option='" + id + "']"); return o ? quoted(o.textContent.trim()) : id; }

  // ----- My answers: progress, download, load, print, reset
  function MyAnswers(root) {
    this.root = root;
    this.registry = JSON.parse(root.querySelector("script[data-registry]").textContent);
    this.status = root.querySelector("[data-status]");
    this.name = root.querySelector("[data-learner-name]");
    try { this.name.value = localStorage.getItem(NAME_KEY) || ""; } catch (e) { /* no storage */ }
    var self = this;
    this.name.addEventListener("input", function () { try { localStorage.setItem(NAME_KEY, self.name.value); } catch (e) { /* no storage */ } });
    root.addEventListener("click", function (event) {
      var action = event.target.closest("button[data-action]");
      if (action) self[action.getAttribute("data-action")]();
    });
    root.querySelector("input[data-action=load]").addEventListener("change", function (event) { self.load(event.target); });
    this.refresh();
  }

  MyAnswers.prototype.refresh = function () {
    var problems = 0, printout = this.root.querySelector("[data-printout]");
    printout.textContent = "";
    printout.appendChild(el("h2", "", "Answers of " + (this.name.value.trim() || "(no name given)")));
    printout.appendChild(el("p", "", "Printed on " + new Date().toLocaleDateString()));
    this.registry.exercises.forEach(function (exercise) {
      var found = readRecord(exercise.id), rec = found.record, row = this.root.querySelector("[data-summary-of='" + exercise.id + "']");
      if (found.problem === "corrupt") problems += 1;
      var answered = rec ? exercise.items.filter(function (item) { var s = rec.items[item.id]; return s && s.v === item.version; }) : [];
      row.querySelector("[data-answered]").textContent = !rec ? "Not started" : exercise.kind === "mark-claims"
        ? (answered.length ? Object.keys(rec.items.text.r).length + " sentences marked" : "Not started")
        : answered.length + " of " + exercise.items.length;
      row.querySelector("[data-last-score]").textContent = rec && rec.score ? rec.score[0] + " of " + rec.score[1] : "\u2013";
      if (!answered.length) return;
      printout.appendChild(el("h3", "", exercise.title));
      var list = printout.appendChild(el("ol"));
      answered.forEach(function (item) {
        var r = rec.items[item.id].r, li = list.appendChild(el("li"));
        if (exercise.kind === "mark-claims") {
          Object.keys(r).forEach(function (sid) { li.appendChild(el("p", "", quoted((item.options[sid] || sid)) + ": " + (exercise.labels[r[sid]] || r[sid]))); });
          return;
        }
        li.appendChild(el("p", "whc-printout__question", item.label));
        var shown = toList(r).map(function (v) { return exercise.kind === "open" ? v : item.options[v] || exercise.labels[v] || v; });
        shown.forEach(function (text) { li.appendChild(el("p", "whc-printout__answer", text)); });
      });
      if (rec.score) printout.appendChild(el("p", "", "Last score: " + rec.score[0] + " of " + rec.score[1]));
    }, this);
    if (problems) show(this.root.querySelector("[data-notice]"), "Saved answers to " + problems + " exercise(s) could not be read, so they were cleared.");
  };

  MyAnswers.prototype.download = function () {
    var data = { format: FORMAT, version: 1, exported: new Date().toISOString(), name: this.name.value, exercises: {} };
    storedIds().forEach(function (id) { var rec = readRecord(id).record; if (rec) data.exercises[id] = rec; });
    var link = el("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 1)], { type: "application/json" }));
    link.download = "my-answers-" + new Date().toISOString().slice(0, 10) + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    show(this.status, "Your answers were saved to a file: " + link.download);
  };

  MyAnswers.prototype.load = function (input) {
    var file = input.files[0], self = this;
    if (!file) return;
    if (file.size > 2000000) { show(this.status, "This file was not loaded: it is too large to be a file of answers. Nothing was changed."); input.value = ""; return; }
    var reader = new FileReader();
    reader.onload = function () {
      var data;
      try { data = JSON.parse(reader.result); } catch (e) { data = null; }
      var problem = !isObject(data) || data.format !== FORMAT || data.version !== 1 ? "it is not a file of answers from this module"
        : !isObject(data.exercises) || (data.name != null && (typeof data.name !== "string" || data.name.length > 120)) ? "its contents are damaged"
        : Object.keys(data.exercises).filter(function (id) { return !ID.test(id) || !validRecord(data.exercises[id]); }).length ? "some of its answers are damaged" : "";
      input.value = "";
      if (problem) { show(self.status, "This file was not loaded: " + problem + ". Nothing was changed."); return; }
      var ids = Object.keys(data.exercises);
      ids.forEach(function (id) { writeRecord(id, data.exercises[id]); });
      if (typeof data.name === "string") { self.name.value = data.name; try { localStorage.setItem(NAME_KEY, data.name); } catch (e) { /* no storage */ } }
      self.refresh();
      show(self.status, "Loaded answers to " + ids.length + " exercise(s).");
    };
    reader.readAsText(file);
  };

  MyAnswers.prototype.print = function () { this.refresh(); window.print(); };

  MyAnswers.prototype.reset = function () {
    if (!window.confirm("Delete all your saved answers and your name in this browser? Download them first if you want to keep a copy.")) return;
    storedIds().concat("~name").forEach(function (id) { try { localStorage.removeItem(PREFIX + id); } catch (e) { /* already gone */ } });
    this.name.value = "";
    this.refresh();
    show(this.status, "All your saved answers were deleted.");
  };

  function start() {
    all(document, "[data-exercise]").forEach(function (root) {
      if (!root.whc) root.whc = new Exercise(root);
    });
    all(document, "[data-my-answers]").forEach(function (root) {
      if (!root.whc) root.whc = new MyAnswers(root);
    });
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
