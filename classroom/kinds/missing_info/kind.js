// What is missing? Does the text say it, partly, or not at all.
KINDS["missing-info"] = Object.assign({}, optionWidget, {
  judge: (key, itemId, response) => oneAnswer(key.items[itemId], response),
  feedback(view, item, itemId, judged, reveal) {
    return oneAnswerFeedback(this, item, view.key, itemId, judged, reveal,
      () => judged.reasons[0] || say("read_again", {}),
      (keyItem) => keyItem.quote ? say("text_says", { quote: keyItem.quote }) : say("text_silent", {}));
  },
});
