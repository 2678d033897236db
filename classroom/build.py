"""Build the site strictly into a fresh folder, then switch `site` to it in one step.

`make build` runs this. Every MkDocs warning is shown and stops the build (MkDocs's progress
lines are left out). The new build is written beside the old one, in `.site-builds/`, and `site`
is a link that is replaced in one step once the build is complete, so a classroom server that is
running (classroom/server/, which follows the link) never serves a half-written site. The
previous builds are kept a few minutes for requests that are still reading them.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

BUILDS = ".site-builds"  # beside `site`; git-ignored
KEEP_NEWEST = 3  # builds always kept, the current one included
KEEP_SECONDS = 600  # a replaced build is kept this long, for requests still reading it

# MkDocs prints "LEVEL    -  message" when its output is not a terminal.
_LOG_LINE = re.compile(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+-  ")


def shown_lines(lines):
    """MkDocs's output without its INFO records (progress lines, and their indented
    continuation lines); warnings, errors and anything else are kept."""
    hiding = False
    for line in lines:
        record = _LOG_LINE.match(line)
        if record:
            hiding = record.group(1) in ("INFO", "DEBUG")
        elif hiding and not line.startswith((" ", "\t")):
            hiding = False
        if not hiding:
            yield line


def run_mkdocs(config: Path, site_dir: Path, out=sys.stdout) -> int:
    """`mkdocs build --strict` into `site_dir`, printing what a teacher needs; its exit code."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config),
               "--site-dir", str(site_dir)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          encoding="utf-8", errors="replace", env=env,
                          cwd=config.parent) as process:
        for line in shown_lines(process.stdout):
            out.write(line)
            out.flush()
    return process.returncode


def new_build_folder(site: Path) -> Path:
    """A fresh, empty folder for the next build; names sort in the order builds start."""
    stamp = f"{time.strftime('%Y%m%d-%H%M%S')}-{time.time_ns() % 10**9:09d}"
    folder = site.parent / BUILDS / f"build-{stamp}-{os.getpid()}"
    folder.mkdir(parents=True)
    return folder


def switch(site: Path, build: Path) -> None:
    """Make `site` show `build`, in one step where the system allows links."""
    link = site.with_name(f".{site.name}.{os.getpid()}.link")
    try:
        os.symlink(os.path.relpath(build, site.parent), link, target_is_directory=True)
    except (OSError, NotImplementedError):
        # Windows without the right to make links: two renames; a request in between may fail.
        _set_aside(site, build.parent)
        os.replace(build, site)
        return
    if site.exists() and not site.is_symlink():
        _set_aside(site, build.parent)  # a folder from a plain `mkdocs build`, once
    try:
        os.replace(link, site)  # atomic: a reader sees the old build or the new, never neither
    except OSError:
        _set_aside(site, build.parent)  # systems that cannot rename over a link to a folder
        os.replace(link, site)


def _set_aside(site: Path, builds: Path) -> None:
    if site.is_symlink():
        site.unlink()
    elif site.exists():
        os.replace(site, builds / f"build-{time.strftime('%Y%m%d-%H%M%S')}-set-aside-{os.getpid()}")


def prune(site: Path, now: float | None = None) -> None:
    """Delete old builds: keep the current one, the newest few, and any replaced recently."""
    now = time.time() if now is None else now
    builds_dir = site.parent / BUILDS
    if not builds_dir.is_dir():
        return
    builds = sorted(path for path in builds_dir.iterdir() if path.is_dir())
    current = site.resolve()
    for older, newer in zip(builds[:-KEEP_NEWEST], builds[1:]):
        try:
            replaced_long_ago = now - newer.stat().st_mtime > KEEP_SECONDS
        except OSError:
            continue
        if older.resolve() != current and replaced_long_ago:
            shutil.rmtree(older, ignore_errors=True)


def build(config: Path, site: Path, out=sys.stdout) -> int:
    """Build into a new folder, switch `site` to it, prune; 0 on success, 1 on failure."""
    started = time.perf_counter()
    folder = new_build_folder(site)
    if run_mkdocs(config, folder.resolve(), out) != 0:
        shutil.rmtree(folder, ignore_errors=True)
        print("\nThe build stopped, and the site was not changed (students still see the "
              "previous version).\nFix what the lines above describe (each names a page or "
              "file), then build again.", file=out, flush=True)
        return 1
    switch(site, folder)
    prune(site)
    print(f"Built the site in {time.perf_counter() - started:.1f} s, into '{site.name}'. A running "
          "classroom server shows it from students' next page.", file=out, flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config-file", default="mkdocs.yml", help="default: mkdocs.yml")
    parser.add_argument("--site", default="site",
                        help="the link to the newest build (default: site)")
    args = parser.parse_args(argv)
    config = Path(args.config_file).resolve()
    if not config.is_file():
        print(f"There is no '{args.config_file}' here. Run this in the module's folder.",
              file=sys.stderr)
        return 1
    return build(config, Path(args.site).absolute())


if __name__ == "__main__":
    sys.exit(main())
