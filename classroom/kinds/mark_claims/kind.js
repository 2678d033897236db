// Find the claims: the learner marks sentences of a text with a claim kind ("pens"). The whole
// text is one item; its response is {"s<n>": kind} (classroom/kinds/mark_claims/__init__.py).
KINDS["mark-claims"] = {
  setup(view) {
    const pen = view.root.querySelector(`input[name='${view.id}--pen']:checked`);
    view.pen = pen ? pen.value : "";
    view.root.addEventListener("change", (event) => { if (event.target.name === view.id + "--pen") view.pen = event.target.value; });
    view.root.addEventListener("click", (event) => {
      const sentence = event.target.closest(".whc-sentence");
      if (!sentence) return;
      this.setMark(view, sentence, sentence.dataset.mark === view.pen ? "" : view.pen);
      view.changed(sentence.closest("[data-item]"));
    });
  },
  read(item) {
    const marks = {};
    all(item, ".whc-sentence[data-mark]").forEach((s) => { marks[s.dataset.sentence] = s.dataset.mark; });
    return Object.keys(marks).length ? marks : null;
  },
  write(item, response, view) {
    all(item, ".whc-sentence").forEach((s) => this.setMark(view, s, (response || {})[s.dataset.sentence] || ""));
  },
  setMark(view, sentence, kind) {
    const label = kind && has(view.key.vocabulary, kind) ? view.key.vocabulary[kind].label : "";
    if (label) sentence.dataset.mark = kind; else delete sentence.dataset.mark;
    sentence.setAttribute("aria-pressed", label ? "true" : "false");
    sentence.querySelector("[data-tag]").textContent = label ? " [" + label + "]" : "";
  },
  // The same judgement as the Python scorer: claims found with a fair kind, each mark judged.
  judge(key, itemId, response) {
    const marks = response || {}, claims = {}, found = [], otherKind = [], notClaims = [], reasons = [];
    Object.values(key.items).forEach((claim) => { claims[claim.sentence] = claim; });
    Object.keys(marks).forEach((sentence) => {
      const claim = claims[sentence], kind = marks[sentence];
      if (!has(claims, sentence)) { notClaims.push(sentence); reasons.push(has(key.notClaims, sentence) ? key.notClaims[sentence] : key.notAClaim); return; }
      if (kind === claim.answer || has(claim.also, kind)) { found.push(sentence); reasons.push(has(claim.also, kind) ? claim.also[kind] : claim.feedback); return; }
      otherKind.push(sentence); reasons.push(claim.feedback);
    });
    const missed = Object.keys(claims).filter((sentence) => !has(marks, sentence));
    const score = found.length, max = Object.keys(claims).length;
    const result = !Object.keys(marks).length ? "unanswered" : score === max && !notClaims.length ? "right" : score ? "partly" : "wrong";
    return verdict(result, score, max, reasons, { found, otherKind, notClaims, missed });
  },
  // Outlines in the text, and a summary of found, missed and wrongly marked sentences.
  render(view, item, itemId, judged, reveal) {
    const key = view.key, words = key.vocabulary, marks = this.read(item) || {}, claims = {};
    Object.values(key.items).forEach((claim) => { claims[claim.sentence] = claim; });
    const kindOf = (id) => words[id].label.toLowerCase(), textOf = (sid) => item.querySelector(`[data-sentence='${sid}']`).firstChild.textContent.trim();
    const sections = { found: [], missed: [], wrong: [] };
    Object.keys(claims).forEach((sid) => {
      const claim = claims[sid], mark = marks[sid];
      if (judged.missed.includes(sid)) sections.missed.push([sid, say("claim_missed", { kind: kindOf(claim.answer) }) + " " + claim.feedback, claim.concept]);
      else if (judged.found.includes(sid)) sections.found.push([sid, say("claim_right", { kind: kindOf(mark) }) + " " + (has(claim.also, mark) ? say("also_fair", { reason: claim.also[mark] }) + " " : "") + claim.feedback, claim.concept]);
      else sections.found.push([sid, say("claim_other_kind", { kind: kindOf(claim.answer), marked: kindOf(mark) }) + " " + claim.feedback, claim.concept]);
    });
    judged.notClaims.forEach((sid) => sections.wrong.push([sid, has(key.notClaims, sid) ? key.notClaims[sid] : key.notAClaim, ""]));
    all(item, ".whc-sentence").forEach((s) => {
      const sid = s.dataset.sentence, claim = claims[sid];
      s.classList.toggle("whc-sentence--found", judged.found.includes(sid));
      s.classList.toggle("whc-sentence--other-kind", judged.otherKind.includes(sid));
      s.classList.toggle("whc-sentence--missed", judged.missed.includes(sid));
      s.classList.toggle("whc-sentence--wrong", judged.notClaims.includes(sid));
      if (reveal && claim) s.dataset.solution = say("solution_tag", { label: words[claim.answer].label }); else delete s.dataset.solution;
    });
    const summary = view.root.querySelector("[data-summary]");
    summary.textContent = "";
    [["found", "claims_found"], ["missed", "claims_missed"], ["wrong", "claims_wrong"]].forEach(([part, title]) => {
      const entries = sections[part], list = el("ul");
      summary.append(el("h4", "whc-summary__heading", say(title, { count: entries.length })));
      entries.forEach(([sid, reason, concept]) => {
        const li = list.appendChild(el("li"));
        li.append(el("q", "", textOf(sid)), el("span", "", " " + reason));
        if (concept) li.append(el("span", "whc-feedback__concept", " " + concept));
      });
      if (entries.length) summary.append(list);
    });
    summary.hidden = view.root.querySelector("[data-legend]").hidden = false;
  },
  clear(view) {
    const summary = view.root.querySelector("[data-summary]");
    summary.hidden = view.root.querySelector("[data-legend]").hidden = true;
    summary.textContent = "";
  },
  message(judged) {
    const [j] = judged, wrong = j.notClaims.length;
    return say("claims_score", { found: j.score, claims: j.max }) + (wrong ? say("claims_score_wrong", { count: wrong }) : ".");
  },
};
