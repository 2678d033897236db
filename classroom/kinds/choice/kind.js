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
  // Each chosen option with the first sentence of its reason (the rest under "Why?"); a
  // right answer not yet all chosen is counted, never named.
  feedback(view, item, itemId, judged, reveal) {
    const keyItem = view.key.items[itemId], answer = toList(keyItem.answer), chosen = toList(this.read(item));
    const optionText = (id) => { const option = item.querySelector(`[data-option='${id}']`); return option ? quoted(unquoted(option.textContent.trim())) : id; };
    let lines = [verdictLine(judged)];
    this.outline(item, keyItem, reveal);
    if (judged.verdict === "unanswered" && !reveal) return lines;
    // An answer the teacher accepted for the class (class-appeal.js): the key's reasons against
    // the options it chose outside the key's answer no longer hold, so they are not shown.
    const accepted = judged.also && has(keyItem.accepted, Array.from(new Set(chosen)).sort().join());
    chosen.forEach((id, n) => {
      if (!accepted || answer.includes(id)) lines = lines.concat(reasonLines(judged.reasons[n], optionText(id) + ":"));
    });
    const notChosen = answer.filter((id) => !chosen.includes(id)).length;
    if (judged.verdict === "wrong" && answer.length > 1 && notChosen && !reveal) lines.push(["", say("choose_more", { count: notChosen })]);
    if (judged.also && !reveal) lines.push(["answer", say("also_key_answer", { answer: answer.map(optionText).join("; ") })]);
    if (reveal) lines.push(["answer", say("answer_list", { answer: answer.map(optionText).join("; ") })]);
    if (judged.verdict === "right" || reveal) lines = lines.concat(reasonLines(keyItem.feedback), [["concept", keyItem.concept]]);
    return lines;
  },
});
