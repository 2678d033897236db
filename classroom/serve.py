"""Serve the built site to a classroom: students' browsers on the same network open it.

Prints the addresses to give students and a QR code of the first network address. Waitress
keeps a large backlog and a pool of threads, so a class of 60 loading pages at once is not
turned away (Python's http.server queues only 5 waiting connections).
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import segno
import waitress
from whitenoise import WhiteNoise
from whitenoise.compress import Compressor

DEFAULT_PORT = 8000
DEFAULT_HOST = "0.0.0.0"  # every network interface, so that students' devices can connect


# Material's own files carry a content hash in their names, so browsers may keep them for good.
_HASHED = r"\.[0-9a-f]{8}\.min\.(js|css)$"


def compress_site(site_dir: Path) -> int:
    """Write a gzip copy beside each text file that lacks a fresh one; WhiteNoise serves it to
    browsers that accept gzip, which cuts a first visit to about a third. Returns files written."""
    compressor = Compressor(use_brotli=False, quiet=True)
    written = 0
    for path in site_dir.rglob("*"):
        zipped = path.with_name(path.name + ".gz")
        if (path.is_file() and path.suffix not in (".gz", ".br")
                and compressor.should_compress(path.name)
                and (not zipped.exists() or zipped.stat().st_mtime < path.stat().st_mtime)):
            written += len(compressor.compress(str(path)))
    return written


def classroom_app(site_dir: Path):
    """A WSGI app that serves the built site's files, with the site's own 404 page."""
    not_found_page = site_dir / "404.html"

    def not_found(environ, start_response):
        body = not_found_page.read_bytes() if not_found_page.exists() else b"Not found"
        start_response("404 Not Found", [("Content-Type", "text/html; charset=utf-8"),
                                         ("Content-Length", str(len(body)))])
        return [body]

    files = WhiteNoise(not_found, root=str(site_dir), max_age=60, immutable_file_test=_HASHED)

    def app(environ, start_response):
        # The site links to "index.html" itself (it must open from disk too), so a folder
        # address is served its index.html directly, without WhiteNoise's redirect.
        if environ.get("PATH_INFO", "/").endswith("/"):
            environ = dict(environ, PATH_INFO=environ.get("PATH_INFO", "/") + "index.html")
        return files(environ, start_response)

    return app


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses on local networks, found without sending any traffic."""
    found: set[str] = set()
    try:
        output = subprocess.run(["ip", "-4", "-o", "addr", "show", "scope", "global"],
                                capture_output=True, text=True, timeout=5).stdout
        for line in output.splitlines():
            fields = line.split()
            if "inet" in fields:
                found.add(fields[fields.index("inet") + 1].split("/")[0])
    except (OSError, subprocess.SubprocessError):
        pass  # no `ip` command (Windows, macOS): fall back on the host name below
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(info[4][0])
    except OSError:
        pass
    usable = [address for address in found
              if not ipaddress.ip_address(address).is_loopback
              and not ipaddress.ip_address(address).is_link_local]
    return sorted(usable, key=ipaddress.ip_address)


def addresses_for(host: str, port: int) -> list[str]:
    """The URLs students and the teacher can type, network ones first."""
    if host in ("0.0.0.0", "", "::"):
        hosts = lan_addresses() + ["localhost"]
    else:
        hosts = [host]
    return [f"http://{name}:{port}/" for name in hosts]


def announce(urls: list[str], out=sys.stdout) -> None:
    print("\nWeighing Health Claims is being served. Students can open:\n", file=out)
    for url in urls:
        print(f"    {url}", file=out)
    network = [url for url in urls if "localhost" not in url and "127." not in url]
    if network:
        print(f"\nOr scan this code with a phone's camera ({network[0]}):\n", file=out)
        segno.make(network[0], error="m").terminal(out=out, compact=True)
    else:
        print("\nNo network address was found: only this computer can open the module.", file=out)
    print("\nKeep this window open during the lesson. Press Ctrl+C to stop.\n", file=out, flush=True)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    """Return once `url` answers; raise the last error after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@contextmanager
def serving_in_background(site_dir: Path, stderr=None):
    """This server over `site_dir` in another process, on a free loopback port; yields its URL.
    For tests and benchmarks, which need the real server without blocking."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "classroom.serve", "--dir", str(site_dir),
                                "--host", "127.0.0.1", "--port", str(port), "--quiet"],
                               cwd=Path(__file__).resolve().parent.parent, stderr=stderr)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(url)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default="site", help="the built site (default: site)")
    parser.add_argument("--host", default=os.environ.get("HOST") or DEFAULT_HOST)
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT") or DEFAULT_PORT))
    parser.add_argument("--quiet", action="store_true", help="print no addresses or QR code")
    args = parser.parse_args(argv)
    site_dir = Path(args.dir)
    if not (site_dir / "index.html").exists():
        print(f"There is no built site in '{site_dir}'. Run 'make build' first.", file=sys.stderr)
        return 1
    compress_site(site_dir)
    if not args.quiet:
        announce(addresses_for(args.host, args.port))
    try:
        waitress.serve(classroom_app(site_dir), host=args.host, port=args.port, threads=16,
                       backlog=1024, connection_limit=1000, ident="Weighing Health Claims",
                       _quiet=True)
    except OSError as error:
        print(f"Cannot serve on {args.host}:{args.port}: {error.strerror}. "
              "Try another port, e.g. 'make serve PORT=8080'.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nStopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
