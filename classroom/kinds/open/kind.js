// Your own answer: compared with a model answer and a checklist, never scored (so no score is saved).
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
    return [["heading", say("open_model", {})], ["model", keyItem.answer], ["heading", say("open_points", {})]]
      .concat(keyItem.rubric.map((point) => ["point", point]), [["", keyItem.feedback], ["concept", keyItem.concept]]);
  },
  message(judged, items) {
    const done = judged.filter((j) => j.verdict === "answered").length;
    return done === items.length ? say("open_answered", { count: done }) : say("open_written", { done, total: items.length });
  },
};
