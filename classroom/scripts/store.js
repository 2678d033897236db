// Saved answers: one record per exercise in localStorage (see classroom/contract.py),
// {items: {id: {v: version, r: response, t: when it was typed (optional)}}, score: [got, out of],
//  shown: [ids of the items whose solution was shown (optional)]}.
const PREFIX = CONTRACT.storagePrefix;
const NAME_KEY = PREFIX + "~name";
const ASIDE = PREFIX + "~unreadable:";  // records the page could not read, kept for Download
const store = {
  get: (key) => attempt(() => localStorage.getItem(key), undefined),
  set: (key, value) => attempt(() => (localStorage.setItem(key, value), true), false),
  drop: (key) => attempt(() => localStorage.removeItem(key)),
  keys: () => attempt(() => Object.keys(localStorage), []),
};
const validResponse = (r) => typeof r === "string" ? r.length <= CONTRACT.maxText
  : Array.isArray(r) ? r.length <= CONTRACT.maxChosen && r.every((x) => typeof x === "string" && ID.test(x))
  : isObject(r) && Object.keys(r).length <= CONTRACT.maxMarks &&
    Object.keys(r).every((k) => SENTENCE.test(k) && typeof r[k] === "string" && ID.test(r[k]));
const validRecord = (rec) => isObject(rec) && isObject(rec.items) &&
  (rec.score == null || (Array.isArray(rec.score) && rec.score.length === 2 &&
    rec.score.every((n) => Number.isInteger(n) && n >= 0 && n < 10000))) &&
  (rec.shown == null || (Array.isArray(rec.shown) && rec.shown.length <= CONTRACT.maxChosen && rec.shown.every((id) => typeof id === "string" && ID.test(id)))) &&
  Object.keys(rec.items).every((id) => {
    const item = rec.items[id];
    return ID.test(id) && isObject(item) && typeof item.v === "string" && item.v.length < 80 && validResponse(item.r) &&
      (item.t == null || (Number.isInteger(item.t) && item.t >= 0));
  });
// Marks are an object whose key order says nothing: compare them sorted.
const canonical = (r) => JSON.stringify(isObject(r) ? Object.keys(r).sort().map((k) => [k, r[k]]) : r);

// What this page could not save (storage full or blocked): kept here, and in Download, until saving works.
const unsaved = {};
let unsavedName = null;

const Answers = {
  // {record} or {record: null, problem} when stored data could not be used.
  read(id) {
    if (has(unsaved, id)) return { record: unsaved[id] };
    const raw = store.get(PREFIX + id);
    if (raw === undefined) return { record: null, problem: "unavailable" };
    if (raw === null) return { record: null };
    const rec = attempt(() => JSON.parse(raw), null);
    if (validRecord(rec)) return { record: rec };
    // Kept aside, never deleted: Download still carries it for someone to look at.
    if (store.set(ASIDE + id + ":" + Date.now(), raw)) store.drop(PREFIX + id);
    return { record: null, problem: "corrupt" };
  },
  write(id, rec) {
    if (store.set(PREFIX + id, JSON.stringify(rec))) { delete unsaved[id]; return true; }
    unsaved[id] = rec;
    return false;
  },
  // Read, merge and write: only the items given change ({itemId: {v, r} or null to clear}).
  saveItems(id, changes, score, shown) {
    const rec = Answers.read(id).record || { items: {} }, now = Date.now();
    Object.keys(changes).forEach((itemId) => {
      const before = rec.items[itemId], change = changes[itemId];
      if (change === null) { delete rec.items[itemId]; return; }
      // The time tells a newer copy from an older one when a file is loaded; an unchanged answer keeps its own.
      const same = before && before.v === change.v && canonical(before.r) === canonical(change.r);
      rec.items[itemId] = Object.assign(change, { t: same && before.t != null ? before.t : now });
    });
    if (score) rec.score = score;
    if (shown && shown.length) rec.shown = Array.from(new Set((rec.shown || []).concat(shown)));
    askToKeep();
    return Answers.write(id, rec);
  },
  ids: () => Array.from(new Set(store.keys().filter((k) => k.startsWith(PREFIX) && ID.test(k.slice(PREFIX.length)))
    .map((k) => k.slice(PREFIX.length)).concat(Object.keys(unsaved)))),
  drop: (id) => { delete unsaved[id]; store.drop(PREFIX + id); },
  // Records kept aside because they could not be read: {storage key: text as it was}.
  aside: () => Object.fromEntries(store.keys().filter((k) => k.startsWith(ASIDE)).map((k) => [k, store.get(k)])),
  dropAll() {
    Object.keys(unsaved).forEach((id) => delete unsaved[id]);
    unsavedName = null;
    store.keys().filter((k) => k.startsWith(PREFIX)).forEach(store.drop);
  },
  // Can this browser save now? (Its storage may be full, or blocked by its settings.)
  // (The probe's key lies outside PREFIX, so other tabs do not take it for answers.)
  canSave: () => store.set("whc:probe", "1") && (store.drop("whc:probe"), true),
  name: () => unsavedName !== null ? unsavedName : store.get(NAME_KEY) || "",
  setName(name) {
    unsavedName = store.set(NAME_KEY, name) ? null : name;
    return unsavedName === null;
  },
  dropName: () => { unsavedName = null; store.drop(NAME_KEY); },
};

// Ask the browser once per page to keep the answers when it needs space; quietly where it cannot.
let askedToKeep = false;
function askToKeep() {
  if (askedToKeep) return;
  askedToKeep = true;
  attempt(() => navigator.storage.persist().catch(() => {}));
}

// Save every answer this page holds, unsaved ones and unreadable ones included, in a file
// named after the learner and the day. Returns the file's name.
function downloadAnswers() {
  const now = new Date(), name = Answers.name(), two = (n) => String(n).padStart(2, "0");
  const data = { format: CONTRACT.fileFormat, version: 1, exported: now.toISOString(), name, exercises: {} };
  Answers.ids().forEach((id) => { const rec = Answers.read(id).record; if (rec) data.exercises[id] = rec; });
  const aside = Answers.aside();
  if (Object.keys(aside).length) data.unreadable = aside;
  const who = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").slice(0, 40).replace(/^-+|-+$/g, "");
  const day = now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
  const link = el("a");
  link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 1)], { type: "application/json" }));
  link.download = ["my-answers", who, day].filter(Boolean).join("-") + ".json";
  document.body.append(link);
  link.click();
  link.remove();
  return link.download;
}

// A notice while saving is impossible, with a button that downloads what this page holds;
// no key: saving works again, so a notice of this kind goes away.
function warnUnsaved(notice, key) {
  if (!key) {
    if (notice.dataset.unsaved) { show(notice, ""); delete notice.dataset.unsaved; }
    return;
  }
  show(notice, say(key, {}) + " ");
  notice.dataset.unsaved = key;
  const button = notice.appendChild(el("button", "md-button", say("download_now", {})));
  button.type = "button";
  button.addEventListener("click", downloadAnswers);
}

// Another tab saved answers: exercises and My answers on this page show them at once, so the
// last answer typed anywhere wins and nothing else is lost.
window.addEventListener("storage", (event) => {
  if (event.key !== null && !event.key.startsWith(PREFIX)) return;
  all(document, "[data-exercise], [data-my-answers]").forEach((root) => {
    const mine = event.key === null || !root.dataset.exercise || event.key === PREFIX + root.dataset.exercise;
    if (mine && root.whc && root.whc.reload) root.whc.reload();
  });
});
