// Start every exercise and My answers on the page (again after Material's instant navigation).
function start() {
  all(document, "[data-exercise]").forEach((root) => {
    if (root.whc) return;
    try { root.whc = new Exercise(root); } catch (error) {
      root.whc = true;
      show(root.querySelector("[data-notice]"), error.message);
      throw error;
    }
  });
  all(document, "[data-my-answers]").forEach((root) => { root.whc = root.whc || new MyAnswers(root); });
  Class.start();  // class mode, only when `make serve` serves the page
  // Arriving at an address, or coming back (reload, Back): the place must be true at once
  if (location.hash || returning()) layOutAll();
  else whenTheReaderMoves(layOutExercises);
}

// A reload or Back brings the reader to where they were; the browser finds it by its offset.
const returning = () => {
  const arrival = performance.getEntriesByType("navigation")[0];
  return Boolean(arrival) && ["reload", "back_forward"].includes(arrival.type);
};

// whc.css lets the browser skip items and paragraphs off screen while the page starts. Once the
// reader moves (scrolls, touches, clicks or presses a key) and the browser is idle, those from
// the top of the screen down are laid out for real, a few at a time, so that every position below
// the reader is true and no step keeps a slow phone busy: each step is timed, and the next takes
// as many elements as this device lays out in LAY_OUT_STEP_MS. Those above the reader are left
// to the browser, which draws them on the way up and keeps the reader's place; before a link on
// the page is followed, all are laid out so it lands true. Until the reader moves, no position
// below the first screen matters, so a phone that has just drawn the page is spared the work.
const LAY_OUT_STEP_MS = 8;
const READER_MOVES = ["scroll", "wheel", "touchstart", "pointerdown", "keydown"];
let waitingToLayOut = [];  // emptied by layOutAll, which ends the pass

// Listened to on the window as they bubble: a scroll of the page reaches it, the theme's scrolls
// of its own sidebars do not.
function whenTheReaderMoves(action) {
  const once = () => {
    READER_MOVES.forEach((type) => window.removeEventListener(type, once));
    action();
  };
  READER_MOVES.forEach((type) => window.addEventListener(type, once, { passive: true }));
}

function layOutExercises() {
  waitingToLayOut = notLaidOut();
  const whenIdle = window.requestIdleCallback || ((action) => setTimeout(action, 50));
  const size = (unit) => unit.getElementsByTagName("*").length + 1;
  let perMs = 10;  // elements laid out per millisecond, learned as it goes
  const step = () => {
    if (!waitingToLayOut.length) return markLaidOut();
    const started = performance.now();
    const next = [];
    let elements = 0;
    while (waitingToLayOut.length) {
      const cost = size(waitingToLayOut[0]);
      if (next.length && elements + cost > perMs * LAY_OUT_STEP_MS) break;
      elements += cost;
      next.push(waitingToLayOut.shift());
    }
    const below = next.filter((unit) => unit.getBoundingClientRect().top >= 0);  // all reads first
    below.forEach((unit) => unit.setAttribute("data-laid-out", ""));
    void document.body.offsetHeight;  // the layout happens here, inside the timed step
    perMs = (perMs + elements / Math.max(performance.now() - started, 0.5)) / 2;
    whenIdle(step);
  };
  whenIdle(step);
}

const notLaidOut = () => all(document, "[data-exercise] :is(.whc-item, .whc-text__para):not([data-laid-out])");

function layOutAll() {
  waitingToLayOut = [];
  notLaidOut().forEach((unit) => unit.setAttribute("data-laid-out", ""));
  markLaidOut();
}

function markLaidOut() {
  all(document, "[data-exercise]").forEach((root) => root.setAttribute("data-laid-out", ""));
}

// Lays everything out, then scrolls so that `anchor` stands where the reader saw it.
function layOutAllKeeping(anchor) {
  const seenAt = anchor.getBoundingClientRect().top;
  layOutAll();
  window.scrollBy(0, anchor.getBoundingClientRect().top - seenAt);
}

// Boxes not laid out change height as they are drawn, and the browser does not keep the reader's
// place as they do. So all is laid out, keeping the place, when the reader jumps (drags the scroll
// bar, presses End, searches the page), when focus arrives in an exercise (the browser has just
// scrolled to it) and when the reader starts working in one (Check's answer then shows at once).
let lastScrollY = window.scrollY;
window.addEventListener("scroll", () => {
  const jumped = Math.abs(window.scrollY - lastScrollY) > window.innerHeight;
  lastScrollY = window.scrollY;
  if (jumped && notLaidOut().length) {
    layOutAllKeeping(document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2) || document.body);
  }
}, { passive: true });
["pointerdown", "focusin"].forEach((type) => document.addEventListener(type, (event) => {
  const inExercise = event.target.closest && event.target.closest("[data-exercise]");
  if (inExercise && notLaidOut().length) layOutAllKeeping(event.target);
}, true));

// Before a link on the page is followed, all is laid out, so that it lands true.
document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest("a[href*='#']");
  if (link && link.pathname === location.pathname && notLaidOut().length) layOutAll();
}, true);

// The scorers, for tests that prove them equal to the Python ones (tests/unit/score_cases.yml).
window.WHC = Object.freeze({ judge: (kind, key, itemId, response) => kindNamed(kind).judge(key, itemId, response) });
if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
