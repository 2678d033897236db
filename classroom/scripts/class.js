// Class mode. Only a page served by `make serve` carries its cookie (the port keeps it to that
// server); anywhere else (file://, another server) nothing below makes a request or shows a thing.
// Every answer and Check becomes an event with a random id, kept in an outbox in this browser
// and sent in batches until the laptop acknowledges it; a resent event is stored once there.
const Class = (() => {
  const port = location.port || (location.protocol === "https:" ? "443" : "80");
  const on = /^https?:$/.test(location.protocol) &&
    attempt(() => document.cookie.split("; ").includes(CONTRACT.classCookie + "=" + port), false);
  const { classMe: ME, classOutbox: OUTBOX, classSkip: SKIP, classLeft: LEFT } = CONTRACT.storageKeys;
  const read = (key) => attempt(() => JSON.parse(store.get(key)), null);
  let me = on ? read(ME) : null;  // {id, name, token, rename?, sent: exercises recorded since joining}
  let outbox = on && Array.isArray(read(OUTBOX)) ? read(OUTBOX) : [];
  let flying = new Set(), delay = 1000, timer = null, busy = false;
  const keep = () => { store.set(OUTBOX, JSON.stringify(outbox)); if (me) store.set(ME, JSON.stringify(me)); };
  // Every tab shares the stored outbox and join: read them again before each change (D6).
  function load() {
    if (!on) return;
    const stored = read(OUTBOX), joined = read(ME);
    if (Array.isArray(stored)) outbox = stored;
    if (joined && joined.token && (!me || joined.token !== me.token)) me = joined;
  }
  const newId = () => Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, "0")).join("");
  const post = (path, data) => fetch(CONTRACT.apiPrefix + path, { method: "POST", credentials: "same-origin", body: JSON.stringify(data),
    headers: Object.assign({ "Content-Type": "application/json" }, me ? { Authorization: "Bearer " + me.token } : {}) });

  function record(exercise, changes, type) {
    load();
    if (!on || !me) return;
    const items = {};
    Object.keys(changes).forEach((id) => { const c = changes[id]; items[id] = c && { v: c.v, r: c.r }; });
    const same = Object.keys(items).sort().join();
    // Typing makes an answer event per key: an unsent one for the same items is replaced.
    if (type === "answer") outbox = outbox.filter((e) => flying.has(e.id) || e.type !== "answer" || e.exercise !== exercise || Object.keys(e.items).sort().join() !== same);
    outbox.push({ id: newId(), type, exercise, items, at: Date.now() });
    if (me.sent && !me.sent.includes(exercise)) me.sent.push(exercise);
    keep();
    status();
    later(type === "answer" ? 1500 : 0);
  }

  // A hand-in's fate reaches its exercise on this page, if it is still open here.
  function tell(exercise, outcome) {
    const root = document.querySelector(`[data-exercise='${CSS.escape(exercise)}']`);
    if (root && root.whc && root.whc.handedIn) root.whc.handedIn(outcome);
  }

  // This student's own check-up exercise, as the laptop sees it (null when it cannot be asked).
  async function results(exercise) {
    if (!on || !me) return null;
    try {
      const answer = await fetch(CONTRACT.apiPrefix + "checkup?exercise=" + encodeURIComponent(exercise),
        { credentials: "same-origin", headers: { Authorization: "Bearer " + me.token } });
      if (answer.status === 401) { forget(); return null; }
      const data = answer.ok ? await answer.json() : null;
      if (data) admitted(!data.waiting);
      return data;
    } catch (error) { return null; }
  }

  function admitted(yes) {  // the teacher let this student in (or they never had to wait)
    if (me && Boolean(me.waiting) === yes) { me.waiting = !yes; keep(); status(); }
  }

  function later(ms) { if (!timer) timer = setTimeout(send, ms); }

  function forget() {  // the laptop no longer knows this browser (its data was deleted)
    me = null; outbox = [];
    store.drop(ME); store.drop(OUTBOX);
    store.set(LEFT, "1");  // what this browser holds is sent again only if the student says so (D12)
    status();
  }

  async function send() {
    timer = null;
    load();
    if (busy || !me || (!outbox.length && !me.rename)) return;
    busy = true;
    let failed = false;
    try {
      if (me.rename) {
        const answer = await post("me", { name: me.rename });
        if (answer.status === 401) return forget();
        if (answer.ok || answer.status === 400) { delete me.rename; keep(); }
      }
      const batch = [];
      let size = 0;
      for (const event of outbox) {
        size += JSON.stringify(event).length;
        if (batch.length && (batch.length >= 50 || size > 200000)) break;
        batch.push(event);
      }
      if (!batch.length) return;
      batch.forEach((e) => flying.add(e.id));
      const answer = await post("events", { events: batch });
      if (answer.status === 401) return forget();
      const handins = batch.filter((e) => e.type === "handin");
      if (answer.status === 200 || answer.status === 422) {
        const body = await answer.json();
        const done = new Set(body.stored.concat(body.refused.map((r) => r.id)));
        if ("waiting" in body) admitted(!body.waiting);
        load();
        outbox = outbox.filter((e) => !done.has(e.id));
        keep();
        handins.forEach((e) => {
          const refusal = body.refused.find((r) => r.id === e.id);
          if (refusal) tell(e.exercise, { error: refusal.error });
          else if (done.has(e.id)) tell(e.exercise, { stored: true });
        });
      } else if (answer.status < 500 && answer.status !== 429) {
        const bad = new Set(batch.map((e) => e.id));  // can never be accepted: not kept
        load();
        outbox = outbox.filter((e) => !bad.has(e.id));
        keep();
        handins.forEach((e) => tell(e.exercise, { error: say("handin_failed", {}) }));
      } else failed = true;
      keep();
    } catch (error) {
      failed = true;  // no network, or the laptop is restarting: try again, less and less often
    } finally {
      flying = new Set();
      busy = false;
      delay = failed ? Math.min(delay * 2, 30000) : 1000;
      status();
      if (me && (outbox.length || me.rename)) later(failed ? delay : 0);
    }
  }

  // A quiet line under each exercise: what has reached the teacher.
  function status() {
    load();
    all(document, "[data-exercise]").forEach((root) => {
      let line = root.querySelector(".whc-exercise__class");
      if (!me) { if (line) line.remove(); return; }
      if (!line) root.querySelector("[data-score]").after(line = el("p", "whc-exercise__class"));
      const waiting = outbox.filter((e) => e.exercise === root.dataset.exercise).length;
      line.textContent = me.waiting ? say("class_not_admitted", {}) : waiting ? say("class_waiting", { count: waiting })
        : Answers.read(root.dataset.exercise).record && (!me.sent || me.sent.includes(root.dataset.exercise)) ? say("class_saved", {}) : "";
    });
  }

  // "Join the class": before the first exercise (once, unless joined or skipped) and on My answers.
  function prompt(place, skippable) {
    const form = el("form", "admonition info whc-join"), id = "whc-join-name";
    form.append(el("p", "admonition-title", say("class_join_title", {})), el("p", "", say("class_join_text", {})));
    const label = form.appendChild(el("label", "", say("class_name_label", {})));
    label.htmlFor = id;
    const input = form.appendChild(el("input"));
    Object.assign(input, { id, type: "text", maxLength: CONTRACT.maxName, autocomplete: "name", value: Answers.name(), required: true });
    const join = form.appendChild(el("button", "md-button md-button--primary", say("class_join", {})));
    const message = el("p", "", "");
    message.setAttribute("role", "status");
    if (skippable) {
      const skip = form.appendChild(el("button", "md-button", say("class_skip", {})));
      skip.type = "button";
      skip.addEventListener("click", () => { store.set(SKIP, "1"); form.remove(); });
    }
    form.append(message);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      join.disabled = true;
      try {
        load();
        if (me) { joined(); return; }  // joined meanwhile in another tab: one student, not two
        const answer = await post("join", { name: input.value });
        const body = await answer.json();
        if (!answer.ok) { show(message, body.error); return; }
        me = { id: body.id, name: body.name, token: body.token, sent: [], waiting: body.waiting };
        if (body.waiting) form.before(el("p", "admonition warning whc-admit", body.message));
        Answers.setName(body.name);
        // What this browser already holds goes to the teacher too, unless the teacher deleted
        // this browser's student: then only if the student chooses to send it (D12).
        if (store.get(LEFT)) offerHeld(form);
        else sendHeld();
        store.drop(LEFT);
        keep();
        joined();
      } catch (error) {
        show(message, say("class_join_failed", {}));
      } finally { join.disabled = false; }
    });
    place(form);
  }

  function sendHeld() {
    Answers.ids().forEach((exerciseId) => {
      const rec = Answers.read(exerciseId).record;
      if (rec && Object.keys(rec.items).length) record(exerciseId, rec.items, "answer");
    });
  }

  // Joined here or in another tab: every Join box goes, and waiting answers are sent.
  function joined() {
    all(document, ".whc-join").forEach((f) => f.remove());
    status();
    later(0);
  }

  // After a deletion: the answers still in this browser are offered, not sent.
  function offerHeld(form) {
    if (!Answers.ids().some((id) => Answers.read(id).record)) return;
    const offer = el("div", "admonition question whc-resend");
    offer.append(el("p", "admonition-title", say("class_resend_title", {})), el("p", "", say("class_resend_text", {})));
    const yes = offer.appendChild(el("button", "md-button md-button--primary", say("class_resend", {})));
    const no = offer.appendChild(el("button", "md-button", say("class_resend_not", {})));
    yes.type = no.type = "button";
    yes.addEventListener("click", () => { offer.remove(); sendHeld(); });
    no.addEventListener("click", () => offer.remove());
    form.before(offer);
  }

  // A check-up needs a name on the laptop: ask for it above that exercise, with no "Not now".
  function askToJoin(root) {
    if (on && !me && !document.querySelector(".whc-join")) prompt((form) => root.before(form), false);
  }

  function start() {
    if (!on) return;
    status();
    // A check-up page asks the laptop anyway (results()): no request more there.
    if (me && !outbox.length && !document.querySelector("[data-assessment]")) confirmJoined();
    const first = document.querySelector("[data-exercise]"), mine = document.querySelector("[data-my-answers]");
    if (!me && !document.querySelector(".whc-join")) {
      if (mine) prompt((form) => mine.prepend(form), false);
      else if (first && !store.get(SKIP)) prompt((form) => first.before(form), true);
    }
    later(0);
  }

  // Still known to the laptop? A deleted student's page stops saying "Saved for your teacher".
  async function confirmJoined() {
    try {
      const answer = await fetch(CONTRACT.apiPrefix + "me", { credentials: "same-origin", headers: { Authorization: "Bearer " + me.token } });
      if (answer.status === 401) { forget(); start(); }
      else if (answer.ok) admitted(!(await answer.json()).waiting);
    } catch (error) { /* the laptop is away: the next send will tell */ }
  }

  if (on) {
    // Another tab joined, answered or sent: this one follows (D6).
    window.addEventListener("storage", (event) => {
      if (event.key !== ME && event.key !== OUTBOX) return;
      const was = me;
      load();
      if (me && !was) joined(); else status();
    });
    // A name changed on My answers reaches the teacher too.
    document.addEventListener("change", (event) => {
      if (me && event.target.matches("[data-learner-name]") && event.target.value.trim()) {
        me.rename = event.target.value.trim(); keep(); later(0);
      }
    });
    window.addEventListener("online", () => later(0));
  }
  return { record, start, results, askToJoin, served: () => on, joined: () => Boolean(me) };
})();
