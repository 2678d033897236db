// Helpers every part of the page script shares. CONTRACT (limits and names agreed with the
// build) and WORDS (the learner-facing words) are written above this file by the build.
const ID = new RegExp(CONTRACT.idPattern);
const SENTENCE = new RegExp(CONTRACT.sentencePattern);
const plurals = new Intl.PluralRules(WORDS.language);

// The words for `key`, with {name} filled in; a plural entry is chosen by values.count.
function say(key, values) {
  let entry = WORDS.words[key];
  if (entry == null) throw new Error("No words for '" + key + "'");
  if (typeof entry === "object") entry = entry[plurals.select(values.count)] || entry.other;
  return entry.replace(/\{(\w+)\}/g, (_, name) => values[name]);
}

const attempt = (action, fallback) => { try { return action(); } catch (e) { return fallback; } };
const isObject = (x) => x !== null && typeof x === "object" && !Array.isArray(x);
const has = (object, key) => isObject(object) && Object.prototype.hasOwnProperty.call(object, key);
const toList = (x) => x == null ? [] : Array.isArray(x) ? x : [x];
const sameSet = (a, b) => new Set(a).size === a.length && a.length === b.length && a.every((x) => b.includes(x));
const quoted = (text) => "\u201c" + text + "\u201d";
// A text without the quotation marks round it, so that quoting it again does not double them.
const unquoted = (text) => text.replace(/^["\u201c\u201e](.*)["\u201d]$/s, "$1");

// Every text goes into the page through textContent: nothing typed is ever parsed as markup.
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}
const all = (root, selector) => Array.from(root.querySelectorAll(selector));
const show = (node, message) => { node.textContent = message; node.hidden = !message; };
