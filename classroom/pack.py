"""Zip the built site for USB sticks: unzip anywhere and open index.html, no server needed."""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

FOLDER = "weighing-health-claims"


def pack(site_dir: Path, archive: Path) -> int:
    """Write every file of the site under one top folder; returns the number of files."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    # The .gz copies are for the classroom server; a browser opening files from disk ignores them.
    files = sorted(path for path in site_dir.rglob("*")
                   if path.is_file() and path.suffix not in (".gz", ".br"))
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        for path in files:
            zipped.write(path, f"{FOLDER}/{path.relative_to(site_dir).as_posix()}")
    return len(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", default="site")
    parser.add_argument("--out", default=f"dist/{FOLDER}.zip")
    args = parser.parse_args(argv)
    # `site` is a link that a rebuild may switch: read one build from start to end.
    site_dir, archive = Path(args.dir).resolve(), Path(args.out)
    if not (site_dir / "index.html").exists():
        print(f"There is no built site in '{args.dir}'. Run 'make build' first.", file=sys.stderr)
        return 1
    count = pack(site_dir, archive)
    size = archive.stat().st_size / 1e6
    print(f"Wrote {archive} ({count} files, {size:.1f} MB). Copy it onto the USB sticks; "
          f"students unzip it and open {FOLDER}/index.html.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
