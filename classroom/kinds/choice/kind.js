// Questions: one or several right options, and a reason for every option.
KINDS["choice"] = Object.assign({}, optionWidget, {
  judge(key, itemId, response) {
    const item = key.items[itemId], chosen = toList(response);
    if (!chosen.length) return verdict("unanswered", 0, 1);
    const same = sameSet(chosen, toList(item.answer)), also = Array.from(new Set(chosen)).sort().join();
    // Another answer the class's teacher accepted (class mode): right, with the teacher's note.
    if (!same && has(item.also, also)) return verdict("right", 1, 1, chosen.map((o) => has(item.reasons, o) ? item.reasons[o] : "").concat([item.also[also]]), { also: true });
    return verdict(same ? "right" : "wrong", same ? 1 : 0, 1, chosen.map((o) => has(item.reasons, o) ? item.reasons[o] : ""));
  },
  feedback(view, item, itemId, judged, reveal) {
    const keyItem = view.key.items[itemId], lines = [verdictLine(judged)];
    const optionText = (id) => { const option = item.querySelector(`[data-option='${id}']`); return option ? quoted(option.textContent.trim()) : id; };
    this.outline(item, keyItem, reveal);
    if (judged.verdict === "unanswered" && !reveal) return lines;
    toList(this.read(item)).forEach((id, n) => lines.push(["", optionText(id) + ": " + judged.reasons[n]]));
    if (reveal) lines.push(["answer", say("answer_list", { answer: toList(keyItem.answer).map(optionText).join("; ") })]);
    if (judged.verdict === "right" || reveal) lines.push(["", keyItem.feedback]);
    lines.push(["concept", keyItem.concept]);
    return lines;
  },
});
