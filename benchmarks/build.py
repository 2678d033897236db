"""Part 1: the module's full build against a bare Material build of the same Markdown."""

from __future__ import annotations

import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .common import ROOT, Row, build_env, log

RUNS = 5
TARGET_RATIO = 1.3
# What makes the exercise machinery: the hook, and the module's own JS and CSS.
MACHINERY_KEYS = ("hooks", "extra_javascript", "extra_css")


def bare_config(text: str) -> str:
    """mkdocs.yml without the exercise machinery (our hook, scripts, CSS and theme overrides);
    the markers are HTML comments, so the same Markdown builds. Everything else (theme,
    plugins, extensions, nav) stays as it is."""
    kept, skipping = [], False
    for line in text.splitlines(keepends=True):
        if re.match(r"^\s+custom_dir\s*:", line):
            continue  # the theme's own templates, as Material ships them
        if re.match(rf"^({'|'.join(MACHINERY_KEYS)})\s*:", line):
            skipping = True  # the key's line, and then its indented or listed values
            continue
        if skipping and (not line.strip() or line[0] in " \t-"):
            continue
        skipping = False
        kept.append(line)
    return "".join(kept)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(site_dir: Path, config_copy: Path | None = None) -> tuple[float, float]:
    """One build into `site_dir`: (wall-clock seconds from the start of the process to its end,
    CPU seconds it used). CPU time moves less when other work shares the machine.

    The full build is `make build`'s command on the project's mkdocs.yml (strict). The bare
    build reads the temporary copy from stdin, so that its relative paths (docs/, includes/)
    resolve against the project folder; it is not strict, as the links into the case texts'
    paragraph anchors only resolve once the hook has rendered the texts."""
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site_dir)]
    if config_copy is not None:
        command += ["--no-strict", "--config-file", "-"]
    stdin = open(config_copy, "rb") if config_copy else subprocess.DEVNULL
    try:
        cpu, start = children_cpu(), time.perf_counter()
        result = subprocess.run(command, cwd=ROOT, env=build_env(), stdin=stdin,
                                capture_output=True, text=True)
        seconds, cpu = time.perf_counter() - start, children_cpu() - cpu
    finally:
        if config_copy:
            stdin.close()
    if result.returncode != 0:
        kind = "bare" if config_copy else "full"
        raise RuntimeError(f"the {kind} build failed:\n{result.stdout}\n{result.stderr}")
    return seconds, cpu


def measure_build(workdir: Path) -> tuple[list[Row], Path, Path]:
    """Median of RUNS builds each, alternating full and bare so that both see the same machine
    load; one untimed build of each first warms the file cache and Python's bytecode cache.
    Returns the rows and the last full and bare sites, for the other parts to serve."""
    config_copy = workdir / "mkdocs-bare.yml"
    config_copy.write_text(bare_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8")),
                           encoding="utf-8")
    full_times, bare_times, full_cpu, bare_cpu = [], [], [], []
    full_site, bare_site = workdir / "site-full-warmup", workdir / "site-bare-warmup"
    log("build: one untimed warm-up build of each")
    build(full_site)
    build(bare_site, config_copy)
    for run in range(1, RUNS + 1):
        full_site, bare_site = workdir / f"site-full-{run}", workdir / f"site-bare-{run}"
        seconds, cpu = build(full_site)
        full_times.append(seconds)
        full_cpu.append(cpu)
        seconds, cpu = build(bare_site, config_copy)
        bare_times.append(seconds)
        bare_cpu.append(cpu)
        log(f"build {run}/{RUNS}: full {full_times[-1]:.2f} s ({full_cpu[-1]:.2f} s CPU), "
            f"bare {bare_times[-1]:.2f} s ({bare_cpu[-1]:.2f} s CPU)")
    full, bare = statistics.median(full_times), statistics.median(bare_times)
    ratio = full / bare
    cpu_ratio = statistics.median(full_cpu) / statistics.median(bare_cpu)
    rows = [
        Row("Build", f"full build (median of {RUNS})", f"{full:.2f} s"),
        Row("Build", f"bare Material build, no hook or own JS/CSS (median of {RUNS})",
            f"{bare:.2f} s"),
        Row("Build", "full / bare", f"{ratio:.2f}×", f"≤ {TARGET_RATIO}×", ratio <= TARGET_RATIO),
        Row("Build", "full / bare in CPU time (medians; steadier on a busy machine)",
            f"{statistics.median(full_cpu):.2f} s / {statistics.median(bare_cpu):.2f} s "
            f"= {cpu_ratio:.2f}×"),
    ]
    return rows, full_site, bare_site
