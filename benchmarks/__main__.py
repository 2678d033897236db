"""Run the benchmark: `make bench`, or `.venv/bin/python -m benchmarks [--parts build,load]`.

Progress goes to stderr; stdout gets the report: the machine, the date and load, one Markdown
table and, under it, the Lighthouse audits behind the full build's scores under 100. `--write
PATH` writes the same report to PATH as well (`make bench` writes benchmarks/RESULTS.md, which
is never edited by hand). Exit status: 0 when every part was measured, whether or not it met
its target; 1 when a part could not be measured.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

from .build import measure_build
from .common import CHROMIUM, Row, chromium, log, serving
from .latency import measure_latency
from .lighthouse import RUNS, measure_lighthouse
from .classmode import measure_class_mode
from .classpage import measure_class_page
from .flood import measure_flood
from .load import measure_classroom
from .weight import measure_weight
from .wordcount import measure_feedback_words

PARTS = ("build", "weight", "lighthouse", "latency", "words", "classroom", "class", "classpage",
         "flood")


def table(rows: list[Row]) -> str:
    header = ("Part", "Measure", "Value", "Target", "Result")
    cells = [header] + [(r.part, r.measure, r.value, r.target, r.result) for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ["| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths)) + " |"
             for row in cells]
    lines.insert(1, "|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return "\n".join(lines)


def machine() -> str:
    """One line that says what the figures were measured on."""
    parts = [f"{os.cpu_count()} cores", f"{platform.system()} {platform.machine()}"]
    try:
        pages, page_size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
        parts.append(f"{pages * page_size / 2**30:.0f} GiB")
    except (ValueError, OSError, AttributeError):
        pass  # not every system says how much memory it has
    parts.append(f"Python {platform.python_version()}")
    try:
        version = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True,
                                 timeout=30).stdout.split(" built on")[0].strip()
    except OSError:
        version = ""
    if version:
        parts.append(version)
    return ", ".join(parts)


def load_average() -> str:
    """The 1-minute load average: other work on the machine moves every timing."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "unknown"


def report(rows: list[Row], notes: list[str], header: list[str]) -> str:
    """The report as Markdown: what it was measured on, the table, the audit notes."""
    lines = header + ["", table(rows)]
    if notes:
        lines += ["", "Audits behind the full build's Lighthouse scores under 100 (id, value; "
                      "weighted first; from the run with the median performance score):", ""]
        lines += [f"- {note}" for note in notes]
    missed = [row for row in rows if row.ok is False]
    lines += ["", f"{len(missed)} figure(s) miss their target." if missed
              else "Every figure with a target meets it."]
    return "\n".join(lines) + "\n"


RESULTS_HEADER = """# Benchmark results

Written by `python -m benchmarks --write` (`make bench`); never edit this file by hand, run the
benchmark again. What each figure measures and why: [README.md](README.md).
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure the module and print one table.")
    parser.add_argument("--parts", default=",".join(PARTS),
                        help=f"comma-separated subset of: {', '.join(PARTS)} (default: all)")
    parser.add_argument("--runs", type=int, default=RUNS,
                        help=f"Lighthouse runs per page, preset and build (default: {RUNS}; "
                             "fewer only to check that the part works)")
    parser.add_argument("--write", metavar="PATH", type=Path,
                        help="also write the report to PATH (make bench: benchmarks/RESULTS.md)")
    arguments = parser.parse_args(argv)
    if arguments.runs < 1:
        parser.error("--runs must be at least 1")
    wanted = arguments.parts.split(",")
    unknown = set(wanted) - set(PARTS)
    if unknown:
        parser.error(f"unknown part(s): {', '.join(sorted(unknown))}")

    rows: list[Row] = []
    notes: list[str] = []
    broken: list[str] = []

    def attempt(name: str, measure, *args) -> None:
        """Run one part; a part that cannot be measured is reported and the others go on."""
        if name not in wanted:
            return
        started = time.monotonic()
        try:
            result = measure(*args)
        except Exception as error:  # the benchmark itself failed: say so, keep going
            traceback.print_exc(file=sys.stderr)
            broken.append(name)
            rows.append(Row(name.capitalize(), "could not be measured", str(error)[:120],
                            "", False))
            return
        if isinstance(result, tuple):
            rows.extend(result[0])
            notes.extend(result[1])
        else:
            rows.extend(result)
        log(f"{name}: done in {time.monotonic() - started:.0f} s")

    with tempfile.TemporaryDirectory(prefix="whc-bench-") as temporary:
        workdir = Path(temporary)
        load_before, started = load_average(), time.localtime()
        log(f"working in {workdir}; {machine()}; load average {load_before}")
        try:
            build_rows, full_site, bare_site = measure_build(workdir)
        except Exception:
            traceback.print_exc(file=sys.stderr)
            log("the site does not build, so nothing can be measured")
            return 1
        if "build" in wanted:
            rows.extend(build_rows)

        with serving(full_site) as full_url, serving(bare_site) as bare_url:
            if {"weight", "latency", "words"} & set(wanted):
                with chromium() as browser:
                    attempt("weight", measure_weight, browser, full_url, bare_url)
                    attempt("latency", measure_latency, browser, full_url)
                    attempt("words", measure_feedback_words, browser, full_url)
            attempt("lighthouse", measure_lighthouse, full_url, bare_url, workdir,
                    arguments.runs)
        # A server of its own, started fresh, for the class; its warnings go to a file.
        server_log = workdir / "classroom-server.log"
        if "classroom" in wanted:
            with serving(full_site, server_log) as full_url:
                attempt("classroom", measure_classroom, full_url, full_site, server_log)
        # Class mode: servers of its own, with data folders in the working folder.
        attempt("class", measure_class_mode, full_site, workdir)
        attempt("classpage", measure_class_page, full_site, workdir)
        attempt("flood", measure_flood, full_site, workdir)

    measured = [part for part in PARTS if part in wanted]
    header = [f"- Date: {time.strftime('%Y-%m-%d %H:%M %Z', started)}",
              f"- Machine: {machine()}",
              f"- Load: 1-minute load average {load_before} at the start",
              f"- Parts: {', '.join(measured)}"
              + (f" (Lighthouse: {arguments.runs} runs per page, preset and build)"
                 if "lighthouse" in wanted else "")]
    text = report(rows, notes, header)
    print(text, end="")
    if arguments.write:
        arguments.write.write_text(RESULTS_HEADER + "\n" + text, encoding="utf-8")
        log(f"report written to {arguments.write}")
    if broken:
        log(f"could not measure: {', '.join(broken)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
