// The exercise kinds: each kind's file (classroom/kinds/<kind>/kind.js) adds one object here,
// with read(item), write(item, response), judge(key, itemId, response) and feedback(view, ...).
const KINDS = {};

// The kind named `name`; an unknown kind is refused, never handled as another kind.
function kindNamed(name) {
  if (!has(KINDS, name)) throw new Error("'" + name + "' is not an exercise kind");
  return KINDS[name];
}

// A scorer's answer, the same shape as classroom/kinds/base.py verdict().
const verdict = (result, score, max, reasons, detail) => Object.assign({ verdict: result, score, max, reasons: reasons || [] }, detail);

// Scoring shared by kinds with one right answer and maybe other fair ones (base.py one_answer_score).
function oneAnswer(item, response) {
  if (response == null) return verdict("unanswered", 0, 1);
  if (response === item.answer) return verdict("right", 1, 1);
  if (has(item.also, response)) return verdict("right", 1, 1, [item.also[response]], { also: true });
  const reason = has(item.reasons, response) ? item.reasons[response] : null;
  return verdict("wrong", 0, 1, reason ? [reason] : []);
}

// Radio buttons and checkboxes: the widget of choice, evidence-level and missing-info items.
const optionWidget = {
  read(item) {
    const chosen = all(item, "input:checked").map((input) => input.value);
    if (item.querySelector("input[type=checkbox]")) return chosen.length ? chosen : null;
    return chosen[0] || null;
  },
  write(item, response) {
    all(item, "input").forEach((input) => { input.checked = toList(response).includes(input.value); });
  },
  // Outlines on the options: right, wrong, and (with the solution) the answer.
  outline(item, keyItem, reveal) {
    const fair = toList(keyItem.answer).concat(Object.keys(keyItem.also || {}));
    all(item, "[data-option]").forEach((option) => {
      const chosen = option.querySelector("input").checked, correct = fair.includes(option.dataset.option);
      option.classList.toggle("whc-option--right", chosen && correct);
      option.classList.toggle("whc-option--wrong", chosen && !correct);
      option.classList.toggle("whc-option--answer", reveal && toList(keyItem.answer).includes(option.dataset.option));
      option.dataset.tag = say("answer_tag", {});
    });
  },
};

// The first line of an item's feedback.
const verdictLine = (judged) => judged.verdict === "unanswered" ? ["verdict", say("no_answer", {})]
  : judged.verdict === "right" ? ["verdict right", say("right", {})] : ["verdict wrong", say("not_quite", {})];

// A text split after its first sentence.
function splitSentence(text) {
  const at = /[.!?]["\u201d')]?\s+(?=[A-Z\u201c"(])/.exec(text || "");
  return at ? [text.slice(0, at.index + at[0].length).trim(), text.slice(at.index + at[0].length).trim()] : [text || "", ""];
}

// A first sentence that only says yes or no ("No.", "Not quite.") or repeats the verdict.
const saysNothingMore = (sentence) => sentence.split(/\s+/).length <= 2
  || [say("right", {}), say("not_quite", {})].includes(sentence);

// A reason split in two: shown at once, its first sentence that says something (a bare "No." takes
// the next sentence with it); the rest kept behind "Why?".
function firstSentence(text) {
  const [first, rest] = splitSentence(text);
  if (!rest || !saysNothingMore(first)) return [first, rest];
  const [next, after] = splitSentence(rest);
  return [first + " " + next, after];
}

// One reason as feedback lines: its first sentence shown, the rest under "Why?".
const reasonLines = (text, lead) => {
  const [first, rest] = firstSentence(text);
  return [["", (lead ? lead + " " : "") + first]].concat(rest ? [["why", rest]] : []);
};

// Feedback shared by kinds with one right answer: verdict and one sentence why, the rest of the
// reasons and the idea behind the item under "Why?". A wrong answer's hint names only the
// learner's own choice; the right answer, its reasons and the idea wait for a right answer or
// Show solution, so that no hint gives the answer away.
function oneAnswerFeedback(kind, item, key, itemId, judged, reveal, explainWrong, explainRight) {
  const keyItem = key.items[itemId];
  let lines = [verdictLine(judged)];
  kind.outline(item, keyItem, reveal);
  if (judged.verdict === "unanswered" && !reveal) return lines;
  if (judged.verdict === "wrong") lines = lines.concat(explainWrong(kind.read(item), judged));
  if (judged.also) lines = lines.concat(reasonLines(judged.reasons[0], say("also_fair", { reason: "" }).trim()));
  // Right through another fair answer: the learner still learns which answer the key gives.
  if (judged.also && !reveal) lines.push(["answer", say("also_key_answer", { answer: key.vocabulary[keyItem.answer].label })]);
  if (judged.verdict === "right" || reveal) {
    if (reveal) lines.push(["answer", say("the_answer", { answer: key.vocabulary[keyItem.answer].label })]);
    if (explainRight) lines.push(["", explainRight(keyItem)]);
    lines = lines.concat(reasonLines(keyItem.feedback));
    lines.push(["concept", keyItem.concept]);
  }
  return lines;
}
