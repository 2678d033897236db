"""Serve the built site to a classroom: students' browsers on the same network open it.

`make serve` runs this: `python -m classroom.server --dir site`. See classroom/server/."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path

from ..classmode import serving as class_mode
from ..classmode.datafolder import DataFolderError
from .announce import addresses_for, announce, lan_addresses
from .app import create_app
from .connections import (NOTICE_EVERY, PER_ADDRESS, REQUEST_TIMEOUT, Notices, connection_limit,
                          count_waitress_warnings, open_servers, raise_open_file_limit,
                          run_servers)
from .hosts import own_names
from .settings import DEFAULT_HOST, DEFAULT_PORT, SettingsError, check_host, check_port
from .site import LiveSite

PROJECT = Path(__file__).resolve().parents[2]


def _stop(signum, frame):
    raise KeyboardInterrupt


def arguments(argv: list[str] | None):
    parser = argparse.ArgumentParser(prog="python -m classroom.server",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default="site", help="the built site (default: site)")
    parser.add_argument("--host", default=os.environ.get("HOST", DEFAULT_HOST),
                        help=f"the address to serve on (default: {DEFAULT_HOST}, every network)")
    parser.add_argument("--port", default=os.environ.get("PORT", str(DEFAULT_PORT)),
                        help=f"default: {DEFAULT_PORT}")
    parser.add_argument("--quiet", action="store_true", help="print no addresses or QR code")
    parser.add_argument("--data", default=os.environ.get("DATA") or None,
                        help="the folder for class mode's data (default: classroom-data/ in the "
                             "project; never inside the site)")
    parser.add_argument("--project", default=str(PROJECT),
                        help="the project whose exercises and keys class mode scores with")
    parser.add_argument("--per-address", type=int, default=PER_ADDRESS,
                        help=f"connections one device may hold at once (default: {PER_ADDRESS})")
    parser.add_argument("--request-timeout", type=float, default=REQUEST_TIMEOUT,
                        help="seconds a client may take to send a request "
                             f"(default: {REQUEST_TIMEOUT})")
    parser.add_argument("--notes-every", type=float, default=NOTICE_EVERY,
                        help="seconds between notes about turned-away connections "
                             f"(default: {NOTICE_EVERY})")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    site_dir = Path(args.dir)
    try:
        host, port = check_host(args.host), check_port(args.port)
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 1
    if not (site_dir / "index.html").exists():
        print(f"There is no built site in '{site_dir}'. Run 'make build' first.", file=sys.stderr)
        return 1
    notices = Notices(every=args.notes_every)
    count_waitress_warnings(notices)
    site = LiveSite(site_dir)
    try:  # class mode: the class's answers reach this laptop (classroom/classmode/)
        data_dir = class_mode.data_folder(args.data, site_dir, Path(args.project))
        mode = class_mode.start(Path(args.project), data_dir, os.environ.get("TEACHER_PIN"),
                                site_identity=lambda: site.folder,
                                address=addresses_for(host, port)[-1],
                                own_addresses=lan_addresses())
    except DataFolderError as error:
        print(error, file=sys.stderr)
        return 1
    except (ValueError, OSError) as error:
        print(f"Class mode cannot start: {error}", file=sys.stderr)
        return 1
    try:
        socket_map, dispatcher = open_servers(
            create_app(site, mode, own_names(host)), host, port, notices, per_address=args.per_address,
            request_timeout=args.request_timeout,
            max_connections=connection_limit(raise_open_file_limit()))
    except SettingsError as error:
        class_mode.stop(mode)
        print(error, file=sys.stderr)
        return 1
    if not args.quiet:
        announce(addresses_for(host, port))
        class_mode.announce(mode, addresses_for(host, port))
    site.follow(on_switch=lambda folder: args.quiet or print(
        f"{time.strftime('%H:%M')} The site was rebuilt: students get the new version from "
        "their next page.", flush=True))
    for stop_signal in (signal.SIGINT, signal.SIGTERM):  # Ctrl+C, or a polite kill
        signal.signal(stop_signal, _stop)
    try:
        run_servers(socket_map, dispatcher)
    finally:
        class_mode.stop(mode)  # the class whole in class.sqlite3, the folder free again
    notices.report(time.time(), last=True)
    if not args.quiet:
        print("\nStopped.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
