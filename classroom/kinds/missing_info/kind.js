// What is missing? Does the text say it, partly, or not at all. A wrong answer gets its reason
// and where to look: a paragraph, or nowhere when the text never mentions it.
KINDS["missing-info"] = Object.assign({}, optionWidget, {
  judge: (key, itemId, response) => oneAnswer(key.items[itemId], response),
  feedback(view, item, itemId, judged, reveal) {
    const words = view.key.vocabulary, keyItem = view.key.items[itemId];
    return oneAnswerFeedback(this, item, view.key, itemId, judged, reveal, (response) =>
      reasonLines(judged.reasons[0] || say("would_mean", { definition: words[response].definition }), say("you_chose", { label: words[response].label }))
        .concat([keyItem.paragraph ? ["", say("look_at", { paragraph: keyItem.paragraph }), keyItem.paragraph] : ["", say("look_nowhere", {})]]),
      (keyItem) => keyItem.quote ? say("text_says", { quote: keyItem.quote }) : say("text_silent", {}));
  },
});
