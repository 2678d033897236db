"""Part: how many words one Check on a whole Find-the-claims exercise shows before the
student opens any "Why?" (issue 25: feedback that teaches in few words)."""

from __future__ import annotations

from .common import Row, fresh_context, log

PAGE = "practice/iskitim.html"
TARGET_WORDS = 250
RIGHT, OTHER_KIND, NOT_CLAIMS = 10, 3, 2  # the 15 marks of a typical first try

# The marks, chosen from the page's own key: claims with their kind, claims with another
# kind, sentences that are not claims.
MARKS = """([right, other, wrong]) => {
  const root = document.querySelector("[data-kind='mark-claims']");
  const key = JSON.parse(root.querySelector("script[data-key]").textContent);
  const claims = Object.values(key.items), kinds = Object.keys(key.vocabulary);
  const isClaim = new Set(claims.map((c) => c.sentence));
  const marks = claims.slice(0, right).map((c) => [c.sentence, c.answer])
    .concat(claims.slice(right, right + other).map((c) => [c.sentence, kinds.find((k) => k !== c.answer && !(c.also || {})[k])]))
    .concat(Array.from(root.querySelectorAll(".whc-sentence")).map((s) => s.dataset.sentence)
      .filter((sid) => !isClaim.has(sid)).slice(0, wrong).map((sid) => [sid, kinds[0]]));
  return { id: root.dataset.exercise, marks };
}"""

# What the exercise shows after Check, outside the text itself: the score, the summary and
# the item's feedback, as rendered (innerText leaves out what a closed <details> holds).
WORDS = """(id) => {
  const root = document.querySelector(`[data-exercise='${id}']`);
  const shown = Array.from(root.querySelectorAll("[data-score], [data-legend], [data-summary], [data-feedback]"))
    .filter((node) => !node.hidden).map((node) => node.innerText).join(" ");
  return shown.split(/\\s+/).filter(Boolean).length;
}"""


def feedback_words(page) -> tuple[int, int]:
    """Mark the 15 sentences on the open page, press Check; (marks, words shown)."""
    plan = page.evaluate(MARKS, [RIGHT, OTHER_KIND, NOT_CLAIMS])
    root = page.locator(f"[data-exercise='{plan['id']}']")
    for sentence, kind in plan["marks"]:
        root.locator(f"input[name='{plan['id']}--pen'][value='{kind}']").check()
        root.locator(f".whc-sentence[data-sentence='{sentence}']").click()
    root.locator("[data-action='check']").click()
    root.locator("[data-summary]").wait_for()
    return len(plan["marks"]), page.evaluate(WORDS, plan["id"])


def measure_feedback_words(browser, base_url: str) -> list[Row]:
    context = fresh_context(browser)
    page = context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url + PAGE, wait_until="load")
    marks, words = feedback_words(page)
    context.close()
    log(f"words: {words} words shown after one Check with {marks} marks on {PAGE}")
    return [Row("Feedback", f"words shown after one Check on Find the claims, {marks} marks "
                f"({PAGE}), before opening any Why?", str(words), f"≤ {TARGET_WORDS}",
                words <= TARGET_WORDS)]
