"""Part 4: time from a learner's Check to the feedback on screen, in Chromium."""

from __future__ import annotations

import statistics

from .common import Row, fresh_context, log

PAGE = "practice/iskitim-evidence.html"
RUNS = 20
WARM_UP = 2  # not counted: the first clicks also compile the page's script
TARGET_MS = 50

# Installed before each click. The clock starts at the click event's own timestamp (when the
# browser dispatched the input) and stops in a task queued from the next animation frame after
# the item's feedback box is visible, that is once that frame has been produced.
ARM = """(exerciseId) => {
  const root = document.querySelector(`[data-exercise="${exerciseId}"]`);
  const button = root.querySelector('[data-action="check"]');
  const box = root.querySelector('[data-item] [data-feedback]');
  window.__whcFeedback = new Promise((resolve) => {
    document.addEventListener('click', function listener(event) {
      if (!button.contains(event.target)) return;
      document.removeEventListener('click', listener);
      const start = event.timeStamp;
      const onFrame = () => {
        if (box.hidden || !box.checkVisibility() || !box.textContent) {
          requestAnimationFrame(onFrame);
          return;
        }
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - start);
          channel.port2.postMessage(null);
        });
      };
      onFrame();  // runs after the exercise's own click handler, which sits below document
    });
  });
}"""


def measure_latency(browser, base_url: str) -> list[Row]:
    """Answer the first item of the page's evidence-level exercise, press Check, time it;
    then Try again, and so on, alternating the answer."""
    context = fresh_context(browser)
    page = context.new_page()
    page.goto(base_url + PAGE, wait_until="load")
    exercise_id = page.get_attribute("[data-kind='evidence-level']", "data-exercise")
    root = f"[data-exercise='{exercise_id}']"
    page.wait_for_function(f"document.querySelector(\"{root}\").whc !== undefined")
    options = page.locator(f"{root} [data-item] >> nth=0").locator("input[type=radio]")
    timings = []
    log(f"latency: {WARM_UP} warm-up and {RUNS} timed Checks on {PAGE} ({exercise_id})")
    for run in range(WARM_UP + RUNS):
        page.click(f"{root} [data-action='retry']")
        options.nth(run % 2).check()
        page.evaluate(ARM, exercise_id)
        page.click(f"{root} [data-action='check']")
        milliseconds = page.evaluate("window.__whcFeedback")
        if run >= WARM_UP:
            timings.append(milliseconds)
    context.close()
    median = statistics.median(timings)
    return [
        Row("Feedback", f"Check → feedback on screen, {PAGE} (median of {RUNS})",
            f"{median:.1f} ms", f"< {TARGET_MS} ms", median < TARGET_MS),
        Row("Feedback", f"fastest / slowest of {RUNS}",
            f"{min(timings):.1f} / {max(timings):.1f} ms"),
    ]
