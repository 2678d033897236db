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
from pathlib import Path

import segno
import waitress
from whitenoise import WhiteNoise

DEFAULT_PORT = 8000
DEFAULT_HOST = "0.0.0.0"  # every network interface, so that students' devices can connect


def classroom_app(site_dir: Path):
    """A WSGI app that serves the built site's files, with the site's own 404 page."""
    not_found_page = site_dir / "404.html"

    def not_found(environ, start_response):
        body = not_found_page.read_bytes() if not_found_page.exists() else b"Not found"
        start_response("404 Not Found", [("Content-Type", "text/html; charset=utf-8"),
                                         ("Content-Length", str(len(body)))])
        return [body]

    return WhiteNoise(not_found, root=str(site_dir), index_file=True, max_age=60)


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
