// Class mode's boxes on a learner's page, built here and wired up by class.js.

// "Join the class": a name field, Join, and (when skippable) "Not now", which calls `skip`.
function joinForm(textKey, skip) {
  const form = el("form", "admonition info whc-join"), id = "whc-join-name";
  form.append(el("p", "admonition-title", say("class_join_title", {})), el("p", "", say(textKey, {})));
  const label = form.appendChild(el("label", "", say("class_name_label", {})));
  label.htmlFor = id;
  const input = form.appendChild(el("input"));
  Object.assign(input, { id, type: "text", maxLength: CONTRACT.maxName, autocomplete: "name", value: Answers.name(), required: true });
  const join = form.appendChild(el("button", "md-button md-button--primary", say("class_join", {})));
  const message = el("p", "", "");
  message.setAttribute("role", "status");
  if (skip) {
    const later = form.appendChild(el("button", "md-button", say("class_skip", {})));
    later.type = "button";
    later.addEventListener("click", () => { skip(); form.remove(); });
  }
  form.append(message);
  return { form, input, join, message };
}

// After the laptop lost this browser: send what it holds to the teacher, or keep it here only.
function resendOffer(send) {
  const offer = el("div", "admonition question whc-resend");
  offer.append(el("p", "admonition-title", say("class_resend_title", {})), el("p", "", say("class_resend_text", {})));
  const yes = offer.appendChild(el("button", "md-button md-button--primary", say("class_resend", {})));
  const no = offer.appendChild(el("button", "md-button", say("class_resend_not", {})));
  yes.type = no.type = "button";
  yes.addEventListener("click", () => { offer.remove(); send(); });
  no.addEventListener("click", () => offer.remove());
  return offer;
}

// The teacher's comments on this student's written answers, each under its item.
async function showComments(token) {
  try {
    const answer = await fetch(CONTRACT.apiPrefix + "comments", { credentials: "same-origin", headers: { Authorization: "Bearer " + token } });
    if (!answer.ok) return;
    const found = (await answer.json()).comments;
    all(document, "[data-kind=open]").forEach((root) => {
      const mine = found[root.dataset.exercise] || {};
      all(root, "[data-item]").forEach((item) => {
        if (!has(mine, item.dataset.item) || item.querySelector(".whc-comment")) return;
        const box = item.appendChild(el("div", "admonition note whc-comment"));
        box.append(el("p", "admonition-title", say("class_comment", {})), el("p", "", mine[item.dataset.item]));
      });
    });
  } catch (error) { /* the laptop is away: the comment shows on the next visit */ }
}

// The quiet line under one exercise: what has reached the teacher, what waits, what was refused.
// `state`: class.js's join (`me`), its outbox, the answers set aside, and why the laptop holds back.
function classLine(root, { me, outbox, aside, held }) {
  let line = root.querySelector(".whc-exercise__class");
  const refused = aside.filter((a) => a.event.exercise === root.dataset.exercise);
  if (!me && !refused.length) { if (line) line.remove(); return; }
  if (!line) root.querySelector("[data-score]").after(line = el("p", "whc-exercise__class"));
  const waiting = outbox.some((e) => e.exercise === root.dataset.exercise);
  // A check-up's answers count only once handed in: the hand-in's own line says that.
  const saved = Answers.read(root.dataset.exercise).record && !root.hasAttribute("data-assessment");
  const reached = saved && me && !me.lost && (!me.sent || me.sent.includes(root.dataset.exercise))
    && !(me.refused || {})[root.dataset.exercise];
  line.textContent = [me && me.waiting ? say("class_not_admitted", {})
    : waiting ? say("class_waiting", {}) + (held && " " + held)
    : reached ? say("class_saved", {})
    : me && (me.refused || {})[root.dataset.exercise] && !refused.length ? say("class_refused", { reason: me.refused[root.dataset.exercise] }) : "",
  refused.length ? say("class_set_aside", { count: refused.length, reason: refused[refused.length - 1].reason }) : ""]
    .filter(Boolean).join(" ");
}
