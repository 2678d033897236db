// The class page: the check-up's settings for the lesson shown (open or closed, when feedback
// shows, released), its state on the first screen, retakes, and My answers files loaded.
// Joined after class-items.js (page.py).
onRefresh((data) => {
  const checkup = data.checkup, handedIn = data.handedIn;
  const retake = part("retake"), ids = handedIn.map((s) => s.id).join();
  if (retake.whcIds !== ids) {  // rebuilt only when it changes: the choice stays
    const chosenId = retake.value;
    retake.textContent = "";
    handedIn.forEach((s) => { retake.appendChild(el("option", "", s.name)).value = s.id; });
    if (!handedIn.length) retake.appendChild(el("option", "", say("cp_retake_nobody", {}))).value = "";
    if (handedIn.some((s) => s.id === chosenId)) retake.value = chosenId;
    retake.whcIds = ids;
  }
  page.querySelector("[data-class-action=retake]").disabled = !handedIn.length;
  const state = say(checkup.open ? "cp_checkup_is_open" : "cp_checkup_is_closed", {})
    + (checkup.released ? say("cp_checkup_released", {}) : "");
  if (part("checkup-state").textContent !== state) part("checkup-state").textContent = state;
  redraw(part("checkup-glance"), [checkup, handedIn.length], (line) => {
    const link = line.appendChild(el("a", "", say("cp_checkup", {})));
    link.href = "#class-checkup";
    line.append(": " + say(checkup.open ? "cp_glance_open" : "cp_glance_closed", {})
      + (checkup.released ? say("cp_checkup_released", {}) : ""));
  });
  page.querySelector("[data-class-action=checkup-open]").disabled = checkup.open;
  page.querySelector("[data-class-action=checkup-close]").disabled = !checkup.open;
  page.querySelectorAll("[data-class-feedback] input").forEach((radio) => { radio.checked = radio.value === checkup.feedback; });
  page.querySelector("[data-class-action=release]").disabled = checkup.released || checkup.feedback !== "release";
});

const setCheckup = (changes) => api("checkup", changes).then(refresh);

// A retake: the chosen student may hand in each part again; the next hand-in is marked.
async function allowRetake() {
  const who = part("retake").selectedOptions[0];
  if (!who || !who.value || !confirm(say("cp_retake_confirm", { name: who.textContent }))) return;
  const answer = await api("students/" + encodeURIComponent(who.value) + "/retake", {}).catch(() => null);
  const data = answer ? await answer.json().catch(() => ({})) : {};
  part("checkup-message").textContent = answer && answer.ok ? say("cp_retake_done", { name: data.name })
    : data.error || say("cp_unreachable", { time: nowClock() });
  refresh();
}

// My answers files: each sent on its own, so each is loaded or refused with its own reason.
async function importFiles(input) {
  const files = Array.from(input.files), list = part("import-list");
  input.value = "";
  list.textContent = "";
  let loaded = 0;
  for (const file of files) {
    let line;
    if (file.size > 400000) line = say("cp_import_too_large", { file: file.name });
    else {
      try {
        const answer = await api("import", { file: file.name, content: await file.text() });
        const data = await answer.json();
        line = !answer.ok ? data.error : data.new === 0 ? say("cp_import_again", { file: data.file, name: data.name })
          : say("cp_import_loaded", { file: data.file, count: data.exercises, name: data.name })
            + (data.handinWhileClosed ? " " + say("cp_import_closed", {}) : "");
        loaded += answer.ok && data.new > 0 ? 1 : 0;
      } catch (error) { line = say("cp_unreachable", { time: nowClock() }); }
    }
    list.append(el("li", "", line));
  }
  part("import-summary").textContent = say("cp_import_summary", { loaded, count: files.length });
  refresh();
}

if (classMode) {
  part("feedback").addEventListener("change", (event) => setCheckup({ feedback: event.target.value }));
  part("files").addEventListener("change", (event) => importFiles(event.target));
  page.addEventListener("click", (event) => {
    const action = event.target.closest("[data-class-action]");
    const what = action && action.dataset.classAction;
    if (what === "checkup-open") setCheckup({ open: true });
    if (what === "checkup-close") setCheckup({ open: false });
    if (what === "release" && confirm(say("cp_release_confirm", {}))) {
      api("checkup", { released: true, lesson }).then((answer) => {
        if (answer.ok) part("checkup-message").textContent = say("cp_released_now", {});
        refresh();
      }).catch(refresh);
    }
    if (what === "retake") allowRetake();
  });
}
