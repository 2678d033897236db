// Argue with the key (class mode only): under an item's feedback, a student who thinks their
// answer is fair too can press "I disagree" and say why. The laptop keeps the appeal
// (api/appeals); its state and the teacher's reply show under the same feedback afterwards, and an
// answer the teacher accepted counts as right on this page too. Every text goes in as text.
// exercise.js calls Appeal.offer() once its feedback is drawn; the boxes go inside the item's
// [data-feedback] (or a text's [data-summary]), so clearing the feedback clears them too.
const Appeal = (() => {
  let mine = null, asking = null, timer = null, made = 0, added = [];
  const token = () => attempt(() => JSON.parse(store.get(CONTRACT.storageKeys.classMe)).token, null);
  const request = (data) => fetch(CONTRACT.apiPrefix + "appeals", data ? {
    method: "POST", credentials: "same-origin", body: JSON.stringify(data),
    headers: { "Content-Type": "application/json", Authorization: "Bearer " + token() } }
    : { credentials: "same-origin", headers: { Authorization: "Bearer " + token() } });
  const answerId = (response) => Array.isArray(response) ? Array.from(new Set(response)).sort().join() : response;
  const find = (exercise, item, answer) => (mine || []).find((a) => a.exercise === exercise && a.item === item && a.answer === answer);

  // This student's appeals as the laptop has them: asked once a page, and again after a change.
  function load(again) {
    if (!asking || again) {
      asking = request().then((r) => r.ok ? r.json() : { appeals: mine || [] }).then((data) => {
        mine = data.appeals;
        followAccepted();
        all(document, "[data-appeal]").forEach((box) => box.whcFill && box.whcFill());
        showKept();
        clearTimeout(timer);  // waiting for the teacher: ask now and then
        if (mine.some((a) => a.state === "sent")) timer = setTimeout(() => load(true), 30000);
        return mine;
      }).catch(() => { asking = null; return mine || []; });
    }
    return asking;
  }

  // An answer accepted for the class joins this page's key, so a Check here scores it as the
  // laptop does; feedback on show is drawn again with it. `accepted` tells the kinds it was the
  // teacher's doing, so the key's reasons against it are not shown beside the acceptance.
  // An acceptance the teacher undid leaves this page's key again.
  function followAccepted() {
    const keyItemOf = (a) => {
      const root = document.querySelector(`[data-exercise='${CSS.escape(a.exercise)}']`), view = root && root.whc;
      return view && view.key && has(view.key.items, a.item) ? [view, view.key.items[a.item]] : [null, null];
    };
    const accepted = mine.filter((a) => a.state === "accepted");
    added = added.filter((a) => {
      if (accepted.some((b) => b.exercise === a.exercise && b.item === a.item && b.answer === a.answer)) return true;
      const [view, keyItem] = keyItemOf(a);
      if (keyItem && keyItem.also) delete keyItem.also[a.answer];
      if (keyItem && keyItem.accepted) delete keyItem.accepted[a.answer];
      if (view && view.checked) view.showFeedback(false);
      return false;
    });
    accepted.forEach((a) => {
      const [view, keyItem] = keyItemOf(a);
      if (!keyItem || has(keyItem.also, a.answer)) return;
      keyItem.also = Object.assign({}, keyItem.also, { [a.answer]: a.reply });
      keyItem.accepted = Object.assign({}, keyItem.accepted, { [a.answer]: true });  // by the teacher, not the author
      added.push(a);
      if (view.checked) view.showFeedback(false);
    });
  }

  // After the feedback of a Check: a box under each item whose answer is not right (or whose
  // answer was appealed). A check-up's feedback is only drawn once the teacher allows it.
  function offer(view, judged) {
    all(view.root, "[data-appeal-kept]").forEach((box) => box.remove());  // the feedback's box says it now
    if (!Class.served() || !Class.joined() || !token() || !view.key) return;
    view.items.forEach((item, n) => {
      const result = judged[n], version = item.dataset.version;
      if (!result || result.verdict === "unanswered" || result.verdict === "answered") return;
      if (view.kind.render) {  // a text to mark: one choice per claim marked as another kind
        const marks = view.kind.read(item) || {}, claims = {};
        Object.keys(view.key.items).forEach((id) => { claims[view.key.items[id].sentence] = id; });
        const choices = result.otherKind.concat(result.found).filter((sid) => has(claims, sid)).map((sid) => ({
          item: claims[sid], answer: marks[sid], open: result.otherKind.includes(sid),
          label: say("appeal_claim", { sentence: item.querySelector(`[data-sentence='${sid}']`).firstChild.textContent.trim(),
            kind: view.key.vocabulary[marks[sid]].label.toLowerCase() }) }));
        place(view, view.root.querySelector("[data-summary]"), choices, version);
        return;
      }
      const response = view.kind.read(item);
      place(view, item.querySelector("[data-feedback]"), [{ item: item.dataset.item, answer: answerId(response),
        response, open: result.verdict !== "right" }], version);
    });
  }

  function place(view, host, choices, version) {
    if (!host || !choices.length) return;
    const box = host.appendChild(el("div", "whc-appeal"));
    box.dataset.appeal = choices[0].item;
    // Typing a reason is not answering: the exercise must not take it for an answer changed.
    ["input", "change"].forEach((type) => box.addEventListener(type, (event) => event.stopPropagation()));
    box.whcFill = () => fill(view, box, choices, version);
    if (mine) box.whcFill(); else load();
  }

  // A page opened again shows what became of its appeals before any Check: the teacher's reply
  // or acceptance under the item still holding the answer appealed (kept apart from the feedback).
  function showKept() {
    all(document, "[data-appeal-kept]").forEach((box) => box.remove());
    (mine || []).filter((a) => a.state !== "sent").forEach((a) => {
      const root = document.querySelector(`[data-exercise='${CSS.escape(a.exercise)}']`), view = root && root.whc;
      if (!view || view.checked) return;  // feedback on show holds its own box
      const item = view.kind.render ? view.items[0] : root.querySelector(`[data-item='${CSS.escape(a.item)}']`);
      if (!item || (!view.kind.render && answerId(view.kind.read(item)) !== a.answer)) return;
      const box = el("div", "whc-appeal");
      box.dataset.appealKept = a.item;
      box.append(el("p", "whc-appeal__state", say("appeal_" + a.state, { reason: a.reason, reply: a.reply })));
      const feedback = item.querySelector("[data-feedback]");
      if (feedback) feedback.before(box); else item.append(box);
    });
  }

  // The box: what became of each appeal made here, then "I disagree" for the answers still open.
  function fill(view, box, choices, version) {
    box.textContent = "";
    choices.forEach((c) => {
      const appeal = find(view.id, c.item, c.answer);
      if (!appeal) return;
      const line = box.appendChild(el("p", "whc-appeal__state", (c.label ? c.label + ": " : "")
        + say("appeal_" + appeal.state, { reason: appeal.reason, reply: appeal.reply })));
      line.setAttribute("role", "status");
      if (appeal.state === "accepted") box.parentNode.prepend(box);  // before the key's old "No"
    });
    // Open again once the teacher has replied; never while an appeal on the item is waiting.
    const waiting = (c) => (mine || []).some((a) => a.exercise === view.id && a.item === c.item && a.state === "sent");
    const open = choices.filter((c) => c.open && !waiting(c));
    if (!open.length) return;
    const id = "whc-appeal-" + (++made), form = el("form", "whc-appeal__form");
    const toggle = box.appendChild(el("button", "md-button", say("appeal_open", {})));
    Object.assign(toggle, { type: "button" });
    toggle.setAttribute("aria-expanded", "false");
    toggle.setAttribute("aria-controls", id);
    form.id = id;
    form.hidden = true;
    let which = null;
    if (open.length > 1) {
      const label = form.appendChild(el("label", "", say("appeal_claim_label", {})));
      which = form.appendChild(el("select"));
      label.htmlFor = which.id = id + "-claim";
      open.forEach((c, n) => { which.appendChild(el("option", "", c.label)).value = String(n); });
    } else if (open[0].label) form.append(el("p", "", open[0].label));  // the one claim in question
    const label = form.appendChild(el("label", "", say("appeal_label", {})));
    const reason = form.appendChild(el("textarea"));
    Object.assign(reason, { id: id + "-reason", rows: 3, maxLength: CONTRACT.maxReason, required: true });
    label.htmlFor = reason.id;
    const send = form.appendChild(el("button", "md-button md-button--primary", say("appeal_send", {})));
    const cancel = form.appendChild(el("button", "md-button", say("appeal_cancel", {})));
    cancel.type = "button";
    const message = form.appendChild(el("p", "", ""));
    message.setAttribute("role", "status");
    box.append(form);
    const shut = () => { form.hidden = true; toggle.setAttribute("aria-expanded", "false"); toggle.focus(); };
    toggle.addEventListener("click", () => {
      form.hidden = !form.hidden;
      toggle.setAttribute("aria-expanded", String(!form.hidden));
      if (!form.hidden) (which || reason).focus();
    });
    cancel.addEventListener("click", shut);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const c = open[which ? Number(which.value) : 0];
      send.disabled = true;
      message.textContent = say("appeal_sending", {});
      try {
        const answer = await request({ exercise: view.id, item: c.item, version,
          answer: c.response === undefined ? c.answer : c.response, reason: reason.value });
        const body = await answer.json();
        if (!answer.ok) { message.textContent = body.error || say("appeal_failed", {}); return; }
        await load(true);  // the box is drawn again, with the appeal's state
        const line = box.querySelector(".whc-appeal__state");
        if (line) { line.tabIndex = -1; line.focus(); }
      } catch (error) {
        message.textContent = say("appeal_failed", {});
      } finally { send.disabled = false; }
    });
  }

  // A page opened in class mode learns what became of its appeals (accepted ones count here).
  function start() { if (Class.served() && Class.joined() && token() && document.querySelector("[data-exercise]")) load(); }
  return { offer, start };
})();
