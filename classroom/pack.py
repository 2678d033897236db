"""Zip the built site for USB sticks: unzip anywhere and open index.html, no server needed.

Two zips: the whole module for teachers, and a student edition built without the teachers'
pages (no answer key, no check-up key: classroom/editions.py).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import zipfile
from pathlib import Path

from .build import run_mkdocs
from .editions import EDITION_VARIABLE

FOLDER = "weighing-health-claims"
STUDENT_ZIP = f"{FOLDER}-students.zip"


# The teacher's class page script and style, and the answer key's class-mode script: no page of
# the student edition uses them.
TEACHERS_ONLY_FILES = ("assets/javascripts/class-page.js", "assets/stylesheets/class-page.css",
                       "assets/javascripts/class-also.js")


def pack(site_dir: Path, archive: Path, leave_out: tuple[str, ...] = ()) -> int:
    """Write every file of the site under one top folder, but those in `leave_out`; returns
    the number of files."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    # The .gz copies are for the classroom server; a browser opening files from disk ignores them.
    files = sorted(path for path in site_dir.rglob("*")
                   if path.is_file() and path.suffix not in (".gz", ".br")
                   and path.relative_to(site_dir).as_posix() not in leave_out)
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        for path in files:
            zipped.write(path, f"{FOLDER}/{path.relative_to(site_dir).as_posix()}")
    return len(files)


def pack_student_edition(config: Path, archive: Path, out=sys.stdout) -> int | None:
    """Build the student edition into a temporary folder and zip it; None if the build failed."""
    os.environ[EDITION_VARIABLE] = "student"
    try:
        with tempfile.TemporaryDirectory(prefix="whc-students-") as folder:
            if run_mkdocs(config, Path(folder), out) != 0:
                return None
            return pack(Path(folder), archive, leave_out=TEACHERS_ONLY_FILES)
    finally:
        del os.environ[EDITION_VARIABLE]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", default="site")
    parser.add_argument("--out", default=f"dist/{FOLDER}.zip")
    parser.add_argument("--students-out", default=f"dist/{STUDENT_ZIP}",
                        help="the student edition's zip (built here from mkdocs.yml)")
    parser.add_argument("--config-file", default="mkdocs.yml")
    args = parser.parse_args(argv)
    # `site` is a link that a rebuild may switch: read one build from start to end.
    site_dir, archive = Path(args.dir).resolve(), Path(args.out)
    if not (site_dir / "index.html").exists():
        print(f"There is no built site in '{args.dir}'. Run 'make build' first.", file=sys.stderr)
        return 1
    count = pack(site_dir, archive)
    size = archive.stat().st_size / 1e6
    print(f"Wrote {archive} ({count} files, {size:.1f} MB): the whole module, with the "
          "teachers' pages and the answer key.")
    students = Path(args.students_out)
    count = pack_student_edition(Path(args.config_file).resolve(), students)
    if count is None:
        print("The student edition could not be built: see the lines above.", file=sys.stderr)
        return 1
    print(f"Wrote {students} ({count} files, {students.stat().st_size / 1e6:.1f} MB): the "
          "student edition, without the teachers' pages. Copy it onto students' USB sticks; "
          f"they unzip it and open {FOLDER}/index.html.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
