// Name the evidence: the step of the evidence ladder the text gives for a quoted claim.
KINDS["evidence-level"] = Object.assign({}, optionWidget, {
  judge: (key, itemId, response) => oneAnswer(key.items[itemId], response),
  feedback(view, item, itemId, judged, reveal) {
    const words = view.key.vocabulary;
    return oneAnswerFeedback(this, item, view.key, itemId, judged, reveal, (response) =>
      reasonLines(judged.reasons[0] || say("would_mean", { definition: words[response].definition }), say("you_chose", { label: words[response].label })));
  },
});
