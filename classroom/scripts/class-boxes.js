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
