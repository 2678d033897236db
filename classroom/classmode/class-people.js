// The class page: who is in the class (same names, students waiting, the class list) and the
// teacher's way in (the PIN from another device, none on the laptop itself). Joined after
// class-page.js by classroom/classmode/page.py; it uses that file's helpers (part, api).

// A file's record that shares a joined student's name: the teacher decides (F3).
function drawSameNames(matches) {
  const list = part("same-names");
  list.textContent = "";
  matches.forEach((match) => {
    const li = list.appendChild(el("li", "", say("cp_same_name", { name: match.name }) + " "));
    match.joined.forEach((student) => {
      const time = clock(student.at);
      li.append(button(say("cp_merge", { name: match.name, time }), () => {
        if (confirm(say("cp_merge_confirm", { name: match.name, time })))
          api("students/" + encodeURIComponent(match.file) + "/merge", { into: student.id }).then(refresh);
      }));
    });
  });
}

// Who joined with a name in use, or after the check-up opened: the teacher lets them in or merges.
function drawWaiting(waiting) {
  const list = part("waiting");
  list.textContent = "";
  waiting.forEach((w) => {
    const words = { name: w.name, time: clock(w.at) };
    const li = list.appendChild(el("li", "", say("cp_waiting_" + w.why, words) + " "));
    li.append(button(say("cp_admit", words), () => api("students/" + encodeURIComponent(w.id) + "/admit", {}).then(refresh)));
    w.sameAs.forEach((other) => {
      const them = { name: w.name, time: clock(other.at) };
      li.append(" ", button(say("cp_merge_same", them), () => {
        if (confirm(say("cp_merge_same_confirm", them)))
          api("students/" + encodeURIComponent(w.id) + "/merge", { into: other.id }).then(refresh);
      }));
    });
  });
}

// The class list: read once when the board opens, saved when the teacher says so.
async function loadList() {
  const answer = await api("class-list").catch(() => null);
  if (answer && answer.ok) part("list").value = (await answer.json()).names.join("\n");
}

async function saveList() {
  const answer = await api("class-list", { names: part("list").value }).catch(() => null);
  const data = answer ? await answer.json() : { error: say("cp_unreachable", { time: new Date().toLocaleTimeString() }) };
  if (answer && answer.ok) part("list").value = data.names.join("\n");
  show(part("list-saved"), answer && answer.ok ? say("cp_list_saved", { count: data.names.length }) : data.error);
}

// The board, once the teacher is signed in: the lesson's figures and the class list.
function showBoard() {
  part("login").hidden = true;
  part("board").hidden = false;
  refresh();
  loadList();
}

function showLogin(message) {
  part("board").hidden = true;
  part("login").hidden = false;
  show(part("message"), message);
}

// On the laptop itself no PIN is asked: the page signs in, and shows the PIN for other devices.
async function signInHere() {
  const answer = await api("here", {}).catch(() => null);
  if (!answer || !answer.ok) return false;
  part("pin").hidden = false;
  showBoard();
  return true;
}

async function signedOut() {  // a restart (sessions live in memory) or a new PIN made elsewhere
  if (here && await signInHere()) return;
  part("login").elements.pin.value = "";
  showLogin(say("cp_signed_out", {}));
}

async function showPin(button, fresh) {
  const shown = part("pin-shown"), open = button.getAttribute("aria-expanded") === "true";
  if (open && !fresh) {
    show(shown, "");
    button.setAttribute("aria-expanded", "false");
    button.textContent = say("cp_pin_show", {});
    return;
  }
  const answer = await (fresh ? api("pin", { confirm: true }) : api("pin")).catch(() => null);
  const data = answer ? await answer.json() : { error: say("cp_unreachable", { time: new Date().toLocaleTimeString() }) };
  show(shown, answer && answer.ok ? (data.pin ? say("cp_pin_is", { pin: data.pin }) : say("cp_pin_unknown", {})) : data.error);
  button.setAttribute("aria-expanded", "true");
  button.textContent = say("cp_pin_hide", {});
}
