// Projector view of a case text (iskitim.html?projector#iskitim-p7): the CSS enlarges the text
// and hides the rest; the chosen paragraph is brought back to the middle of the new layout.
if (/[?&]projector\b/.test(location.search)) {
  document.documentElement.dataset.whcProjector = "";
  const chosen = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (chosen) chosen.scrollIntoView({ block: "center" });
}
