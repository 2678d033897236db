"""The lesson-plan tables are readable on a phone (390×844): no column is cut
off and no cell is squeezed to a word or two per line."""

from __future__ import annotations

from support import PHONE, sign_in_as_teacher


# For every table: its width, the width the page shows, and the fewest words per line in any
# cell of more than three words (lines counted from the cell's rendered height).
MEASURE = """() => [...document.querySelectorAll('article table')].map((table) => {
  const shown = table.closest('.md-typeset__scrollwrap') || table.parentElement;
  let fewest = Infinity;
  for (const cell of table.querySelectorAll('td')) {
    const words = cell.innerText.trim().split(/\\s+/).length;
    if (words <= 3) continue;
    const lineHeight = parseFloat(getComputedStyle(cell).lineHeight);
    const range = document.createRange();
    range.selectNodeContents(cell);
    const lines = Math.max(1, Math.round(range.getBoundingClientRect().height / lineHeight));
    fewest = Math.min(fewest, words / lines);
  }
  return {width: table.scrollWidth, shown: shown.clientWidth, wordsPerLine: fewest,
          right: table.getBoundingClientRect().right};
})"""


def test_lesson_plan_tables_fit_a_phone(browser, server):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    sign_in_as_teacher(context, server)
    page.goto(server + "teachers/lesson-plans.html")
    tables = page.evaluate(MEASURE)
    context.close()
    assert len(tables) >= 3, "the minute-by-minute tables of both plans should be on the page"
    for number, table in enumerate(tables, start=1):
        assert table["width"] <= table["shown"], f"table {number} is cut off: {table}"
        assert table["right"] <= 390, f"table {number} runs off the screen: {table}"
        assert table["wordsPerLine"] >= 3, f"table {number} has a squeezed column: {table}"
