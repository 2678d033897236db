// The answer key served in class mode: the answers this class's teacher accepted from students'
// disagreements, asked of the laptop by the teacher's browser (nothing of them is in the built
// site). Elsewhere (a file, another server, a student) the list stays hidden. Text only.
const also = document.querySelector("[data-class-also]");
const port = location.port || (location.protocol === "https:" ? "443" : "80");
const classMode = /^https?:$/.test(location.protocol) &&
  attempt(() => document.cookie.split("; ").includes(CONTRACT.classCookie + "=" + port), false);

async function showAccepted() {
  const answer = await fetch(CONTRACT.apiPrefix + "teacher/appeals", { credentials: "same-origin" }).catch(() => null);
  if (!answer || !answer.ok) return;
  const data = await answer.json();
  if (!data.accepted.length) return;
  also.textContent = "";
  also.append(el("h2", "", say("cp_also_title", {})), el("p", "", say("cp_also_note", {})));
  const list = also.appendChild(el("ul"));
  data.accepted.forEach((a) => {
    const li = list.appendChild(el("li"));
    li.append(el("p", "", say("cp_also_item", { title: a.title, item: a.label, answer: a.answerText })));
    if (a.reason) li.append(el("p", "", say("cp_also_reason", { reason: a.reason })));
    li.append(el("p", "", say("cp_also_teacher", { note: a.note })));
  });
  also.hidden = false;
}

if (also && classMode) showAccepted();
