"""Run the benchmark: `make bench`, or `.venv/bin/python -m benchmarks [--parts build,load]`.

Progress goes to stderr; stdout gets one table (Markdown, so it can be pasted into the README)
and, under it, the Lighthouse audits behind any score under its target. Exit status: 0 when
every part was measured, whether or not it met its target; 1 when a part could not be measured.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
import traceback
from pathlib import Path

from .build import measure_build
from .common import Row, chromium, log, serving
from .latency import measure_latency
from .lighthouse import measure_lighthouse
from .classmode import measure_class_mode
from .load import measure_classroom
from .weight import measure_weight

PARTS = ("build", "weight", "lighthouse", "latency", "classroom", "class")


def table(rows: list[Row]) -> str:
    header = ("Part", "Measure", "Value", "Target", "Result")
    cells = [header] + [(r.part, r.measure, r.value, r.target, r.result) for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ["| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths)) + " |"
             for row in cells]
    lines.insert(1, "|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return "\n".join(lines)


def machine() -> str:
    return (f"{os.cpu_count()} cores, {platform.system()} {platform.machine()}, "
            f"Python {platform.python_version()}")


def load_average() -> str:
    """The 1-minute load average: other work on the machine moves every timing."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure the module and print one table.")
    parser.add_argument("--parts", default=",".join(PARTS),
                        help=f"comma-separated subset of: {', '.join(PARTS)} (default: all)")
    wanted = parser.parse_args(argv).parts.split(",")
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
        load_before = load_average()
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
            if {"weight", "latency"} & set(wanted):
                with chromium() as browser:
                    attempt("weight", measure_weight, browser, full_url, bare_url)
                    attempt("latency", measure_latency, browser, full_url)
            attempt("lighthouse", measure_lighthouse, full_url, bare_url, workdir)
        # A server of its own, started fresh, for the class; its warnings go to a file.
        server_log = workdir / "classroom-server.log"
        with serving(full_site, server_log) as full_url:
            attempt("classroom", measure_classroom, full_url, full_site, server_log)
        # Class mode: servers of its own, with data folders in the working folder.
        attempt("class", measure_class_mode, full_site, workdir)

    print(f"Weighing Health Claims, `make bench`, {time.strftime('%Y-%m-%d %H:%M')}, {machine()}, "
          f"1-minute load average {load_before} at the start\n")
    print(table(rows))
    if notes:
        print("\nAudits behind the Lighthouse scores under target (id, value; weighted first):")
        for note in notes:
            print(f"- {note}")
    missed = [row for row in rows if row.ok is False]
    print(f"\n{len(missed)} figure(s) miss their target." if missed else "\nEvery target is met.")
    if broken:
        log(f"could not measure: {', '.join(broken)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
