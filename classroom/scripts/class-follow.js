// Following the teacher who leads from the front (class mode, joined students only): the item on
// the projector is offered with one tap; a text the teacher pasted is shown here to mark, sentence
// by sentence. The laptop sends no key: only, once the teacher has keyed a pasted text, this
// student's own marks judged against it. Every text goes in with textContent (el()).
const Follow = (() => {
  const EVERY = 5000;
  let timer = null, seq = null, box = null, sending = null;
  const token = () => attempt(() => JSON.parse(store.get(CONTRACT.storageKeys.classMe)).token, null);
  const call = (path, data) => fetch(CONTRACT.apiPrefix + path, Object.assign({ credentials: "same-origin",
    headers: Object.assign({ Authorization: "Bearer " + token() }, data ? { "Content-Type": "application/json" } : {}) },
  data ? { method: "POST", body: JSON.stringify(data) } : {}));

  async function poll() {
    clearTimeout(timer);
    if (Class.joined() && token()) {
      try {
        const answer = await call("lead");
        if (answer.ok) draw(await answer.json());
      } catch (error) { /* the laptop is away: try again later */ }
    }
    timer = setTimeout(poll, EVERY);
  }

  // A bar at the foot of the screen, seen wherever the student has scrolled: what is shown now.
  function place() {
    if (box && box.isConnected) return box;
    box = el("aside", "md-typeset whc-follow");
    box.dataset.follow = "";
    box.setAttribute("aria-live", "polite");
    box.setAttribute("aria-label", say("follow_label", {}));
    document.body.append(box);
    document.body.classList.add("whc-following");
    return box;
  }

  // The pasted text to mark, in the page under its title (the bar links to it).
  function textPlace() {
    let here = document.querySelector("[data-follow-text]");
    if (here) return here;
    here = el("section", "admonition info whc-follow-text");
    here.dataset.followText = "";
    here.id = "whc-follow-text";
    const article = document.querySelector("article") || document.querySelector("main") || document.body;
    const title = article.querySelector("h1");
    if (title) title.after(here); else article.prepend(here);
    return here;
  }

  function draw(data) {
    const shown = data.shown;
    const key = JSON.stringify(shown && shown.type === "pasted" ? [shown.id, shown.score, shown.title] : shown);
    if (key === seq) return;  // nothing new: the student's own marks stay as they are
    seq = key;
    const old = document.querySelector("[data-follow-text]");
    if (old && !(shown && shown.type === "pasted")) old.remove();
    if (!shown) {
      if (box) box.remove();
      box = null;
      document.body.classList.remove("whc-following");
      return;
    }
    const bar = place();
    bar.replaceChildren();
    const link = (href) => { const go = bar.appendChild(el("a", "md-button md-button--primary", say("follow_go", {}))); go.href = href; };
    if (shown.type === "item") {
      const target = shown.url && new URL(shown.url, location.href);
      const onThisPage = target && target.pathname === location.pathname;
      bar.append(el("p", "", say("follow_item", { title: shown.title, number: shown.number })
        + (onThisPage ? " " + say("follow_here", {}) : "")));
      if (target) link(onThisPage ? target.hash : target.href);
    } else if (shown.type === "paragraph") {
      bar.append(el("p", "", say("follow_paragraph", { title: shown.title, number: shown.number })));
    } else if (shown.type === "pasted") {
      bar.append(el("p", "", say("follow_text", { title: shown.title })));
      link("#whc-follow-text");
      const here = textPlace();
      here.replaceChildren();
      drawText(here, shown);
    }
  }

  // The pasted text: each sentence with a chooser of its kind of claim (or none).
  function drawText(here, text) {
    here.append(el("p", "admonition-title", say("follow_text", { title: text.title })), el("p", "", say("follow_text_note", {})));
    if (text.score) here.append(el("p", "whc-follow__score", say("follow_score", text.score)));
    const status = el("p", "", "");
    status.setAttribute("role", "status");
    text.blocks.forEach((block) => {
      if (block.heading != null) { here.append(el("h2", "", block.heading)); return; }
      const para = here.appendChild(el("div", "whc-follow__paragraph"));
      para.dataset.paragraph = block.number;
      para.append(el("p", "whc-follow__number", "¶ " + block.number));
      block.sentences.forEach((s) => {
        const row = para.appendChild(el("div", "whc-follow__sentence"));
        row.dataset.sentence = s.id;
        const id = "whc-follow-" + s.id;
        row.append(el("p", "", s.text));
        const label = row.appendChild(el("label", "", say("follow_sentence", { id: s.id.slice(1) }) + " "));
        label.htmlFor = id;
        const choose = row.appendChild(el("select"));
        choose.id = id;
        choose.append(new Option(say("follow_not_claim", {}), ""));
        Object.keys(text.kinds).forEach((k) => choose.append(new Option(text.kinds[k], k)));
        choose.value = text.mine[s.id] || "";
        choose.addEventListener("change", () => send(here, text, status));
      });
    });
    here.append(status);
  }

  async function send(here, text, status) {
    const marks = {};
    all(here, "[data-sentence] select").forEach((s) => { if (s.value) marks[s.closest("[data-sentence]").dataset.sentence] = s.value; });
    sending = marks;
    try {
      const answer = await call("lead/marks", { text: text.id, marks });
      const body = await answer.json().catch(() => ({}));
      if (sending === marks) status.textContent = answer.ok ? say("follow_saved", {}) : say("follow_not_saved", { reason: body.error || answer.status });
    } catch (error) {
      status.textContent = say("follow_not_saved", { reason: error.message });
    }
  }

  return { start: () => { if (Class.served() && !timer) poll(); } };
})();
