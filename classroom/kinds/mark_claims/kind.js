// Find the claims: the learner marks sentences of a text with a claim kind ("pens"). The whole
// text is one item; its response is {"s<n>": kind} (classroom/kinds/mark_claims/__init__.py).
// A long text can be worked in parts (?paragraphs=13-29): only the part is shown and checked,
// marks elsewhere stay saved. One sentence at a time is in the Tab order; arrow keys move on.
KINDS["mark-claims"] = {
  setup(view) {
    const pen = view.root.querySelector(`input[name='${view.id}--pen']:checked`), part = view.root.querySelector("[data-part]");
    view.pen = pen ? pen.value : "";
    view.root.addEventListener("change", (event) => {
      if (event.target.name === view.id + "--pen") view.pen = event.target.value;
      if (part && part.contains(event.target)) this.showPart(view, +part.querySelector("[data-part-from]").value, +part.querySelector("[data-part-to]").value);
    });
    view.root.addEventListener("click", (event) => {
      if (event.target.closest("[data-part-all]")) this.showPart(view, 0, Infinity);
      const sentence = event.target.closest(".whc-sentence");
      if (!sentence) return;
      this.setMark(view, sentence, sentence.dataset.mark === view.pen ? "" : view.pen);
      view.changed(sentence.closest("[data-item]"));
    });
    view.root.addEventListener("focusin", (event) => { if (event.target.matches(".whc-sentence")) this.rove(view, event.target); });
    view.root.addEventListener("keydown", (event) => {
      const rtl = getComputedStyle(view.root).direction === "rtl", shown = this.shown(view), at = shown.indexOf(event.target);
      const step = { ArrowDown: 1, ArrowUp: -1, ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
      if (at < 0 || !(step || event.key === "Home" || event.key === "End")) return;
      event.preventDefault();
      const next = event.key === "Home" ? 0 : event.key === "End" ? shown.length - 1 : Math.min(Math.max(at + step, 0), shown.length - 1);
      shown[next].focus();
    });
    // The part in the address wins; else the part this learner last chose, kept with the marks.
    const asked = /[?&]paragraphs=(\d+)-(\d+)/.exec(location.search);
    const kept = /^(\d+)-(\d+)$/.exec(store.get(CONTRACT.storageKeys.textPart + view.id) || "");
    if (part && asked) this.showPart(view, +asked[1], +asked[2], true);
    else if (part && kept) this.showPart(view, +kept[1], +kept[2]);
  },
  shown: (view) => all(view.root, ".whc-sentence").filter((s) => !s.closest("[hidden]")),
  rove(view, sentence) { all(view.root, ".whc-sentence").forEach((s) => { s.tabIndex = s === sentence ? 0 : -1; }); },
  // Show paragraphs from..to only (clamped to the text); the address bar then links to this part.
  showPart(view, from, to, fromAddress) {
    const paras = all(view.root, "[data-paragraph]"), numbers = paras.map((p) => +p.dataset.paragraph);
    const first = Math.min(...numbers), last = Math.max(...numbers);
    from = Math.min(Math.max(from || first, first), last); to = Math.min(Math.max(to || last, from), last);
    paras.forEach((p) => { p.hidden = +p.dataset.paragraph < from || +p.dataset.paragraph > to; });
    view.root.querySelector("[data-part-from]").value = from;
    view.root.querySelector("[data-part-to]").value = to;
    view.part = from > first || to < last ? { from, to } : null;
    if (!this.shown(view).some((s) => s.tabIndex === 0)) this.rove(view, this.shown(view)[0]);
    if (view.checked) view.clearFeedback();
    if (view.part) store.set(CONTRACT.storageKeys.textPart + view.id, from + "-" + to); else store.drop(CONTRACT.storageKeys.textPart + view.id);
    if (fromAddress) return;
    const address = new URL(location.href);
    if (view.part) address.searchParams.set("paragraphs", from + "-" + to); else address.searchParams.delete("paragraphs");
    attempt(() => history.replaceState(history.state, "", address.href.replace(/%2D/g, "-")));
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
    // Unchanged: no write, so that a page opening with nothing marked restyles no sentence.
    if ((sentence.dataset.mark || "") === (label ? kind : "")) return;
    if (label) sentence.dataset.mark = kind; else delete sentence.dataset.mark;
    sentence.setAttribute("aria-pressed", label ? "true" : "false");
    let tag = sentence.querySelector("[data-tag]");
    if (!tag) {  // made at the first mark: a long text would otherwise carry one per sentence
      tag = sentence.appendChild(el("span", "whc-sentence__tag"));
      tag.dataset.tag = "";
    }
    tag.textContent = label ? " [" + label + "]" : "";
  },
  // The same judgement as the Python scorer: claims found with a fair kind, each mark judged;
  // a sentence fair to mark or to leave, marked with one of its kinds, is neither found nor wrong.
  judge(key, itemId, response) {
    const marks = response || {}, claims = {}, found = [], otherKind = [], either = [], notClaims = [], reasons = [];
    const eitherWay = key.either || {};
    Object.values(key.items).forEach((claim) => { claims[claim.sentence] = claim; });
    Object.keys(marks).forEach((sentence) => {
      const claim = claims[sentence], kind = marks[sentence];
      if (has(eitherWay, sentence) && eitherWay[sentence].kinds.includes(kind)) { either.push(sentence); reasons.push(eitherWay[sentence].feedback); return; }
      if (!has(claims, sentence)) { notClaims.push(sentence); reasons.push(has(eitherWay, sentence) ? eitherWay[sentence].feedback : has(key.notClaims, sentence) ? key.notClaims[sentence] : key.notAClaim); return; }
      if (kind === claim.answer || has(claim.also, kind)) { found.push(sentence); reasons.push(has(claim.also, kind) ? claim.also[kind] : claim.feedback); return; }
      otherKind.push(sentence); reasons.push(claim.feedback);
    });
    const missed = Object.keys(claims).filter((sentence) => !has(marks, sentence));
    // A check-up's key holds only the claims marked; `unmarked` counts the others (F2).
    const score = found.length, max = Object.keys(claims).length + (key.unmarked || 0);
    const result = !Object.keys(marks).length ? "unanswered" : score === max && !notClaims.length ? "right" : score ? "partly" : "wrong";
    return verdict(result, score, max, reasons, { found, otherKind, either, notClaims, missed });
  },
  // The verdict's sentences that lie in the part shown (all of them when the whole text is).
  inPart(view, judged) {
    const shown = new Set(this.shown(view).map((s) => s.dataset.sentence)), keep = (list) => list.filter((sid) => shown.has(sid));
    const part = { found: keep(judged.found), otherKind: keep(judged.otherKind), either: keep(judged.either || []), notClaims: keep(judged.notClaims), missed: keep(judged.missed) };
    part.max = part.found.length + part.otherKind.length + part.missed.length + (view.part ? 0 : view.key.unmarked || 0);
    return part;
  },
  // Check: each of the learner's marks, right or not in a few words, its reason under "Why?",
  // and only a count of the claims still to find; a mark of another kind names only the kind
  // marked. Show solution: the missed claims too, outlined, with their reasons.
  render(view, item, itemId, judged, reveal) {
    const key = view.key, words = key.vocabulary, marks = this.read(item) || {}, claims = {}, part = this.inPart(view, judged);
    Object.values(key.items).forEach((claim) => { claims[claim.sentence] = claim; });
    const kindOf = (id) => words[id].label.toLowerCase(), sentence = (sid) => item.querySelector(`[data-sentence='${sid}']`);
    const alsoFair = (sid) => has(claims, sid) && marks[sid] !== claims[sid].answer && has(claims[sid].also, marks[sid]);
    const sections = [
      ["claims_found", part.found.map((sid) => [sid, alsoFair(sid) ? say("claim_also_right", { kind: kindOf(marks[sid]), answer: kindOf(claims[sid].answer) }) : say("claim_right", { kind: kindOf(marks[sid]) }),
        [(has(claims[sid].also, marks[sid]) ? say("also_fair", { reason: claims[sid].also[marks[sid]] }) + " " : "") + claims[sid].feedback], claims[sid].concept])],
      ["claims_other_kind", part.otherKind.map((sid) => [sid, reveal ? say("claim_other_kind", { kind: kindOf(claims[sid].answer), marked: kindOf(marks[sid]) }) : say("claim_not_that_kind", { marked: kindOf(marks[sid]) }),
        reveal ? [claims[sid].feedback] : [say("kind_means", { kind: words[marks[sid]].label, definition: words[marks[sid]].definition })], reveal ? claims[sid].concept : ""])],
      ["claims_either", part.either.map((sid) => [sid, say("claim_either", {}), [key.either[sid].feedback], ""])],
      ["claims_wrong", part.notClaims.map((sid) => [sid, say("not_a_claim", {}), [has(key.either || {}, sid) ? key.either[sid].feedback : has(key.notClaims, sid) ? key.notClaims[sid] : key.notAClaim], ""])],
      ["claims_missed", reveal ? part.missed.map((sid) => [sid, say("claim_missed", { kind: kindOf(claims[sid].answer) }), [claims[sid].feedback], claims[sid].concept]) : []],
    ];
    all(item, ".whc-sentence").forEach((s) => {
      const sid = s.dataset.sentence, claim = claims[sid];
      s.classList.toggle("whc-sentence--found", part.found.includes(sid));
      s.classList.toggle("whc-sentence--other-kind", part.otherKind.includes(sid));
      s.classList.toggle("whc-sentence--missed", reveal && part.missed.includes(sid));
      s.classList.toggle("whc-sentence--wrong", part.notClaims.includes(sid));
      // A mark of another fair kind is labelled so, not contradicted by the key's own kind.
      if (reveal && claim) s.dataset.solution = part.found.includes(sid) && alsoFair(sid) ? say("solution_also_tag", {}) : say("solution_tag", { label: words[claim.answer].label });
      else delete s.dataset.solution;
    });
    const summary = view.root.querySelector("[data-summary]");
    summary.textContent = "";
    sections.forEach(([title, entries]) => {
      if (!entries.length) return;
      const list = el("ul");
      summary.append(el("h4", "whc-summary__heading", say(title, { count: entries.length })), list);
      entries.forEach(([sid, short, reasons, concept]) => {
        const li = list.appendChild(el("li"));
        li.append(el("q", "", opening(sentence(sid).firstChild.textContent.trim())), el("span", "", " " + short));
        const why = el("div");
        view.writeLines(why, reasons.map((reason) => ["why", reason]).concat(concept ? [["concept", concept]] : []));
        li.append(...why.childNodes);
      });
    });
    if (!reveal && part.missed.length) {
      const paragraphs = Array.from(new Set(part.missed.map((sid) => +sentence(sid).closest("[data-paragraph]").dataset.paragraph)));
      summary.append(el("p", "whc-summary__hint", say("claims_left", { count: part.missed.length, where: say("in_paragraphs", { count: paragraphs.length, list: ranges(paragraphs) }) })));
    } else if (!view.part && key.unmarked) summary.append(el("p", "whc-summary__hint", say("claims_unmarked", { count: key.unmarked })));
    summary.hidden = view.root.querySelector("[data-legend]").hidden = false;
  },
  clear(view) {
    const summary = view.root.querySelector("[data-summary]");
    summary.hidden = view.root.querySelector("[data-legend]").hidden = true;
    summary.textContent = "";
  },
  message(judged, items, view) {
    const part = this.inPart(view, judged[0]), wrong = part.notClaims.length;
    return (view.part ? say("part_score", view.part) : "") + say("claims_score", { found: part.found.length, claims: part.max })
      + (wrong ? say("claims_score_wrong", { count: wrong }) : ".");
  },
};

// A sentence's first words, enough to find it in the text above, where it is outlined.
function opening(text, words = 5) {
  const all = text.split(/\s+/);
  return all.length > words + 2 ? all.slice(0, words).join(" ") + "\u2026" : text;
}

// Sorted numbers as ranges: [13, 14, 15, 18] -> "13–15, 18".
function ranges(numbers) {
  const out = [];
  numbers.sort((a, b) => a - b).forEach((n, i) => {
    if (i && n === numbers[i - 1] + 1) out[out.length - 1][1] = n; else out.push([n, n]);
  });
  return out.map(([a, b]) => a === b ? a : a + "\u2013" + b).join(", ");
}
