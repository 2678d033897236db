// Saved answers: one record per exercise in localStorage (see classroom/contract.py),
// {items: {id: {v: version, r: response}}, score: [got, out of]}.
const PREFIX = CONTRACT.storagePrefix;
const NAME_KEY = PREFIX + "~name";
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
  Object.keys(rec.items).every((id) => {
    const item = rec.items[id];
    return ID.test(id) && isObject(item) && typeof item.v === "string" && item.v.length < 80 && validResponse(item.r);
  });

const Answers = {
  // {record} or {record: null, problem} when stored data could not be used.
  read(id) {
    const raw = store.get(PREFIX + id);
    if (raw === undefined) return { record: null, problem: "unavailable" };
    if (raw === null) return { record: null };
    const rec = attempt(() => JSON.parse(raw), null);
    if (validRecord(rec)) return { record: rec };
    store.drop(PREFIX + id);
    return { record: null, problem: "corrupt" };
  },
  write: (id, rec) => store.set(PREFIX + id, JSON.stringify(rec)),
  // Read, merge and write: only the items given change ({itemId: {v, r} or null to clear}).
  saveItems(id, changes, score) {
    const rec = Answers.read(id).record || { items: {} };
    Object.keys(changes).forEach((itemId) => {
      if (changes[itemId] === null) delete rec.items[itemId]; else rec.items[itemId] = changes[itemId];
    });
    if (score) rec.score = score;
    return Answers.write(id, rec);
  },
  ids: () => store.keys().filter((k) => k.startsWith(PREFIX) && ID.test(k.slice(PREFIX.length))).map((k) => k.slice(PREFIX.length)),
  drop: (id) => store.drop(PREFIX + id),
  name: () => store.get(NAME_KEY) || "",
  setName: (name) => store.set(NAME_KEY, name),
  dropName: () => store.drop(NAME_KEY),
};
