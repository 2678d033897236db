// Your own answer: compared with a model answer and a checklist, never scored.
KINDS["open"] = {
  keepsFeedbackWhileEditing: true,  // the model answer helps while the learner revises
  read(item) { const text = item.querySelector("textarea"); return text.value.trim() ? text.value : null; },
  write(item, response) { item.querySelector("textarea").value = response; },
  judge(key, itemId, response) {
    const written = typeof response === "string" && response.trim() !== "";
    return verdict(written ? "answered" : "unanswered", 0, 0);
  },
  feedback(view, item, itemId, judged) {
    const keyItem = view.key.items[itemId];
    if (judged.verdict === "unanswered") return [["verdict", say("open_first", {})]];
    return [["heading", say("open_model", {})], ["", keyItem.answer], ["heading", say("open_points", {})]]
      .concat(keyItem.rubric.map((point) => ["point", point]), [["", keyItem.feedback], ["concept", keyItem.concept]]);
  },
  tally: (judged, items) => [judged.filter((j) => j.verdict === "answered").length, items.length],
  message(judged, items) {
    return say("open_written", { done: judged.filter((j) => j.verdict === "answered").length, total: items.length });
  },
};
