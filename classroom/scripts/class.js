// Class mode. Only a page served by `make serve` carries its cookie (the port keeps it to that
// server); anywhere else (file://, another server) nothing below makes a request or shows a thing.
// Every answer and Check becomes an event with a random id, kept in an outbox in this browser
// and sent in batches until the laptop acknowledges it; a resent event is stored once there.
const Class = (() => {
  const port = location.port || (location.protocol === "https:" ? "443" : "80");
  const on = /^https?:$/.test(location.protocol) &&
    attempt(() => document.cookie.split("; ").includes(CONTRACT.classCookie + "=" + port), false);
  const { classMe: ME, classOutbox: OUTBOX, classSkip: SKIP, classAside: ASIDE, classLeft: LEFT } = CONTRACT.storageKeys;
  const read = (key) => attempt(() => JSON.parse(store.get(key)), null);
  let me = on ? read(ME) : null;  // {id, name, token, rename?, lost?, waiting?, sent: exercises recorded since joining}
  let outbox = on && Array.isArray(read(OUTBOX)) ? read(OUTBOX) : [];
  let aside = on && Array.isArray(read(ASIDE)) ? read(ASIDE) : [];  // [{event, reason}]: refused, kept
  let flying = new Set(), delay = 1000, timer = null, timerAt = 0, notBefore = 0, busy = false, oneByOne = 0;
  let held = "";  // why the laptop asked this browser to wait (a 429), said under the answers waiting
  const keep = () => { store.set(OUTBOX, JSON.stringify(outbox)); if (me) store.set(ME, JSON.stringify(me)); };
  // Every tab shares the stored outbox and join: read them again before each change (D6).
  function load() {
    if (!on) return;
    const stored = read(OUTBOX), joinedHere = read(ME);
    if (Array.isArray(stored)) outbox = stored;
    if (joinedHere && joinedHere.token && (!me || joinedHere.token !== me.token)) me = joinedHere;
  }
  const KEEPALIVE_BYTES = 60000;  // browsers carry at most 64 KiB in requests that outlive the page
  const bytes = (text) => new TextEncoder().encode(text).length;
  const newId = () => Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, "0")).join("");
  const post = (path, data, going) => fetch(CONTRACT.apiPrefix + path, { method: "POST", credentials: "same-origin", body: JSON.stringify(data),
    keepalive: Boolean(going), headers: Object.assign({ "Content-Type": "application/json" }, me ? { Authorization: "Bearer " + me.token } : {}) });

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
    later(type === "answer" ? 1500 : 0);  // typing is gathered for a moment; a Check goes at once
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
      if (answer.status === 401) { lose(); return null; }
      const data = answer.ok ? await answer.json() : null;
      if (data) admitted(!data.waiting);
      return data;
    } catch (error) { return null; }
  }

  function admitted(yes) {  // the teacher let this student in (or they never had to wait)
    if (me && Boolean(me.waiting) === yes) { me.waiting = !yes; keep(); status(); }
  }

  // A send in `ms`, or sooner if one is already due sooner; never before a failed send's wait.
  function later(ms) {
    const at = Math.max(Date.now() + ms, notBefore);
    if (!timer || at < timerAt) { clearTimeout(timer); timer = setTimeout(send, (timerAt = at) - Date.now()); }
  }

  // Closing or hidden: what waits goes in a request that outlives the page, kept in the outbox
  // until acknowledged; a send under way may die with the page, so it goes again, unread.
  function goNow() {
    load();
    if (!me || !outbox.length) return;
    if (!busy) { clearTimeout(timer); timer = null; send(true); }
    else if (busy !== "going") post("events", { events: nextBatch(KEEPALIVE_BYTES) }, true).catch(() => {});
  }

  // The laptop does not know this browser's token (restarted on other data, or the student was
  // deleted): nothing waiting is thrown away. The student is asked to join again, and what waits
  // goes with the new join; until then the old token is tried now and then, in case the laptop
  // comes back on the right data. What this browser saved before is sent again under a new join
  // only if the student chooses to (D12: the teacher may have deleted this student).
  function lose() {
    if (!me.lost) { me.lost = true; keep(); }
    store.set(LEFT, "1");
    status();
    askToJoin(document.querySelector("[data-my-answers]") || document.querySelector("[data-exercise]"));
  }

  function found() {  // the laptop knows this browser again
    if (!me.lost) return;
    delete me.lost; keep();
    store.drop(LEFT);
    all(document, ".whc-join").forEach((f) => f.remove());
  }

  async function send(going) {
    timer = null;
    load();
    if (busy || !me || (!outbox.length && !me.rename)) return;
    busy = going ? "going" : true;  // one request outliving the page is enough (goNow)
    let failed = false, wait = 0;
    try {
      if (me.rename && !going) {
        const answer = await post("me", { name: me.rename });
        if (answer.status === 401) { lose(); failed = true; return; }
        if (answer.ok || answer.status === 400) { delete me.rename; keep(); }
      }
      const batch = nextBatch(going ? KEEPALIVE_BYTES : CONTRACT.maxBatchBytes);
      if (!batch.length) return;
      batch.forEach((e) => flying.add(e.id));
      const answer = await post("events", { events: batch }, going);
      if (answer.status === 401) { lose(); failed = true; return; }
      if (answer.status < 500) found();  // it read the token: it knows this browser
      const handins = batch.filter((e) => e.type === "handin");
      held = "";
      if (answer.status === 200 || answer.status === 422) {
        const body = await answer.json();
        if ("waiting" in body) admitted(!body.waiting);
        load();
        const done = new Set(body.stored.concat(body.refused.map((r) => r.id)));
        const reached = new Set(body.stored);  // what reached the teacher under this join
        batch.forEach((e) => { if (reached.has(e.id) && me.sent && !me.sent.includes(e.exercise)) me.sent.push(e.exercise); });
        // The last word on each exercise: a refused answer never reads "Saved for your teacher" (D7).
        batch.forEach((e) => {
          const refusal = body.refused.find((r) => r.id === e.id);
          if (done.has(e.id)) fate(e.exercise, refusal && refusal.error);
        });
        outbox = outbox.filter((e) => !done.has(e.id));
        keep();
        oneByOne = Math.max(0, oneByOne - 1);
        handins.forEach((e) => {
          const refusal = body.refused.find((r) => r.id === e.id);
          if (refusal) tell(e.exercise, { error: refusal.error });
          else if (done.has(e.id)) tell(e.exercise, { stored: true });
        });
      } else if (answer.status === 429) {  // too much from this student: kept, sent later
        const body = await answer.json().catch(() => ({}));
        held = say(body.code === "lesson_full" ? "class_lesson_full" : "class_too_fast", {});
        wait = 1000 * Number(answer.headers.get("Retry-After")) || 0;
        failed = true;
      } else if (answer.status < 500) {
        // Refused whole: one at a time finds the answer it refuses; that one alone is set aside.
        if (batch.length > 1) oneByOne = batch.length;
        else {
          setAside(batch[0], await answer.json().then((body) => body.error, () => String(answer.status)));
          oneByOne = Math.max(0, oneByOne - 1);
          handins.forEach((e) => tell(e.exercise, { error: say("handin_failed", {}) }));
        }
      } else failed = true;
      keep();
    } catch (error) {
      failed = true;  // no network, or the laptop is restarting: try again, less and less often
    } finally {
      flying = new Set();
      busy = false;
      delay = failed ? Math.min(delay * 2, 30000) : 1000;
      status();
      notBefore = failed ? Date.now() + Math.max(delay, wait) : 0;
      if (me && (outbox.length || me.rename)) later(0);
    }
  }

  // The next batch: under `limit` UTF-8 bytes (the laptop's, as it counts them, or the browser's
  // for a request that outlives the page).
  function nextBatch(limit) {
    const batch = [];
    let size = bytes('{"events":[]}');
    for (const event of outbox) {
      size += bytes(JSON.stringify(event)) + (batch.length ? 1 : 0);
      if (batch.length && (batch.length >= (oneByOne ? 1 : 50) || size > limit)) break;
      batch.push(event);
    }
    return batch;
  }

  // Why the laptop refused this exercise's last answer sent, or nothing once one was taken.
  const fate = (exercise, why) => { me.refused = Object.assign({}, me.refused, { [exercise]: why || undefined }); };

  // An answer the laptop will never take is kept apart, and said so, never thrown away.
  function setAside(event, reason) {
    load();
    if (me) fate(event.exercise, reason);
    aside.push({ event, reason });
    outbox = outbox.filter((e) => e.id !== event.id);
    store.set(ASIDE, JSON.stringify(aside));
    keep();
  }

  // A quiet line under each exercise: what has reached the teacher (class-boxes.js).
  function status() {
    load();
    all(document, "[data-exercise]").forEach((root) => classLine(root, { me, outbox, aside, held }));
  }

  // "Join the class": before the first exercise (once, unless joined or skipped) and on My answers.
  function prompt(place, skippable) {
    const { form, input, join, message } = joinForm(me && me.lost ? "class_join_again" : "class_join_text",
      skippable && (() => store.set(SKIP, "1")));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      join.disabled = true;
      try {
        load();
        if (joined()) { afterJoin(); return; }  // joined meanwhile in another tab: one student, not two
        const answer = await post("join", { name: input.value });
        const body = await answer.json();
        if (!answer.ok) { show(message, body.error); return; }
        me = { id: body.id, name: body.name, token: body.token, sent: [], waiting: body.waiting };
        if (body.waiting) form.before(el("p", "admonition warning whc-admit", body.message));
        Answers.setName(body.name);
        // What this browser already holds goes to the teacher too, unless the laptop had lost
        // this browser (the teacher may have deleted its student): then only if the student
        // chooses (D12). Answers still waiting to be sent go with the new join either way (F6).
        if (store.get(LEFT)) offerHeld(form);
        else sendHeld();
        store.drop(LEFT);
        keep();
        afterJoin();
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
  function afterJoin() {
    all(document, ".whc-join").forEach((f) => f.remove());
    status();
    later(0);
  }

  // After the laptop lost this browser: the answers it holds are offered, not sent.
  function offerHeld(form) {
    if (Answers.ids().some((id) => Answers.read(id).record)) form.before(resendOffer(sendHeld));
  }

  // A check-up needs a name on the laptop: ask for it above that exercise, with no "Not now".
  function askToJoin(root) {
    if (on && !joined() && root && !document.querySelector(".whc-join")) prompt((form) => root.before(form), false);
  }
  const joined = () => Boolean(me && !me.lost);

  function start() {
    if (!on) return;
    status();
    // A check-up page asks the laptop anyway (results()): no request more there.
    if (joined() && !outbox.length && !document.querySelector("[data-assessment]")) confirmJoined();
    if (joined() && document.querySelector("[data-kind=open]")) showComments(me.token);
    const first = document.querySelector("[data-exercise]"), mine = document.querySelector("[data-my-answers]");
    if (!joined() && !document.querySelector(".whc-join")) {
      if (mine) prompt((form) => mine.prepend(form), false);
      else if (me) askToJoin(first);
      else if (first && !store.get(SKIP)) prompt((form) => first.before(form), true);
    }
    later(0);
  }

  // Still known to the laptop? A deleted student's page stops saying "Saved for your teacher".
  async function confirmJoined() {
    try {
      const answer = await fetch(CONTRACT.apiPrefix + "me", { credentials: "same-origin", headers: { Authorization: "Bearer " + me.token } });
      if (answer.status === 401) lose();
      else if (answer.ok) admitted(!(await answer.json()).waiting);
    } catch (error) { /* the laptop is away: the next send will tell */ }
  }

  if (on) {
    // Another tab joined, answered or sent: this one follows (D6).
    window.addEventListener("storage", (event) => {
      if (event.key !== ME && event.key !== OUTBOX) return;
      const was = joined();
      load();
      if (joined() && !was) afterJoin(); else status();
    });
    // A name changed on My answers reaches the teacher too.
    document.addEventListener("change", (event) => {
      if (me && event.target.matches("[data-learner-name]") && event.target.value.trim()) {
        me.rename = event.target.value.trim(); keep(); later(0);
      }
    });
    window.addEventListener("online", () => { notBefore = 0; later(0); });
    window.addEventListener("pagehide", goNow);
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") goNow(); });
  }
  return { record, start, results, askToJoin, served: () => on, joined };
})();
