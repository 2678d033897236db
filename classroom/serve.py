"""Serve the built site to a classroom: students' browsers on the same network open it.

Prints the addresses to give students and a QR code of the first network address. Waitress
keeps a large backlog and a pool of threads, so a class of 60 loading pages at once is not
turned away (Python's http.server queues only 5 waiting connections). The server follows the
`site` link that `make build` switches (classroom/build.py), so a rebuild during a lesson is
picked up without a failed request; it bounds how long a client may take to send a request
and how many connections one device may hold, so slow or stuck devices cannot lock the class
out; and it prints at most one summary line a minute about them.
"""

from __future__ import annotations

import argparse
import errno
import ipaddress
import logging
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import segno
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer
from waitress.task import ThreadedTaskDispatcher
from waitress import wasyncore
from whitenoise import WhiteNoise
from whitenoise.compress import Compressor

DEFAULT_PORT = 8000
DEFAULT_HOST = "0.0.0.0"  # every network interface, so that students' devices can connect
THREADS = 16
MAX_CONNECTIONS = 1000  # lowered to fit the open-file limit when the system allows fewer
PER_ADDRESS = 32  # connections one device may hold at once; a browser opens about 6
REQUEST_TIMEOUT = 20  # seconds a client may take to send one whole request, once it starts
IDLE_TIMEOUT = 30  # seconds an open connection may stay silent between requests
NOTICE_EVERY = 60  # seconds between summary lines about refused or closed connections
CHECK_EVERY = 1.0  # seconds between looks at where `site` points

# Material's own files carry a content hash in their names, so browsers may keep them for good.
_HASHED = r"\.[0-9a-f]{8}\.min\.(js|css)$"

# Sent with every response, as trusted static servers do. Nothing here is meant to be framed
# (the search shim's iframe exists on file:// only) or read by other sites.
SECURITY_HEADERS = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Content-Security-Policy", "frame-ancestors 'none'"),
]


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
    """A WSGI app that serves one build's files, with the site's own 404 page."""
    not_found_page = site_dir / "404.html"

    def not_found(environ, start_response):
        body = not_found_page.read_bytes() if not_found_page.exists() else b"Not found"
        start_response("404 Not Found", [("Content-Type", "text/html; charset=utf-8"),
                                         ("Content-Length", str(len(body)))])
        return [body]

    files = WhiteNoise(not_found, root=str(site_dir), max_age=60, immutable_file_test=_HASHED,
                       allow_all_origins=False)

    def app(environ, start_response):
        # The site links to "index.html" itself (it must open from disk too), so a folder
        # address is served its index.html directly, without WhiteNoise's redirect.
        if environ.get("PATH_INFO", "/").endswith("/"):
            environ = dict(environ, PATH_INFO=environ.get("PATH_INFO", "/") + "index.html")
        return files(environ, start_response)

    return app


class LiveSite:
    """The newest build behind `site_dir` (a folder, or the link `make build` switches).

    WhiteNoise lists a folder's files once, so each new build gets its own app, made (gzip
    copies first) before it replaces the old one. Requests already running finish on the old
    build, which `make build` keeps for a while.
    """

    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        self.folder: Path | None = None
        self._identity = None
        self._app = None
        self.refresh()

    def refresh(self) -> bool:
        """Switch to the build `site_dir` now shows, if it is a new one; True if switched."""
        folder = Path(os.path.realpath(self.site_dir))
        try:
            info = folder.stat()
            if not (folder / "index.html").is_file():
                return False  # between two renames, or not built yet: keep the current build
            identity = (str(folder), info.st_dev, info.st_ino)
            if identity == self._identity:
                return False
            compress_site(folder)
            app = classroom_app(folder)
        except OSError:
            return False  # the folder changed under us; the next look will see the new one
        self.folder, self._identity, self._app = folder, identity, app
        return True

    def follow(self, on_switch=lambda folder: None, every: float = CHECK_EVERY) -> None:
        """Look for a new build every `every` seconds, in a background thread."""
        def watch():
            while True:
                time.sleep(every)
                if self.refresh():
                    on_switch(self.folder)
        threading.Thread(target=watch, name="site-watcher", daemon=True).start()

    def __call__(self, environ, start_response):
        return self._app(environ, start_response)


def mount(apps: dict, default):
    """Send requests under each prefix (e.g. "/api") to its own WSGI app, the rest to `default`."""
    def dispatch(environ, start_response):
        path = environ.get("PATH_INFO", "")
        for prefix, app in apps.items():
            if path == prefix or path.startswith(prefix + "/"):
                environ = dict(environ, SCRIPT_NAME=environ.get("SCRIPT_NAME", "") + prefix,
                               PATH_INFO=path[len(prefix):])
                return app(environ, start_response)
        return default(environ, start_response)
    return dispatch


def with_security_headers(app):
    """`app` with SECURITY_HEADERS on every response, and no cross-origin permission."""
    replaced = {name.lower() for name, _ in SECURITY_HEADERS} | {"access-control-allow-origin"}

    def secured(environ, start_response):
        def start(status, headers, exc_info=None):
            headers = [(name, value) for name, value in headers
                       if name.lower() not in replaced] + SECURITY_HEADERS
            return start_response(status, headers, exc_info)
        return app(environ, start)
    return secured


def make_app(site: LiveSite, apps: dict | None = None):
    """The whole server: the site, any apps mounted under a prefix, and the headers."""
    return with_security_headers(mount(apps or {}, site))


class Notices:
    """Counts what the server turned away (and how busy it got), and prints it at most once
    every NOTICE_EVERY seconds, as one line, so that a flood of connections never floods the
    terminal; whatever is left is printed when the server stops."""

    QUEUE = "most requests waiting for a server thread"

    def __init__(self, out=sys.stderr, every: float = NOTICE_EVERY):
        self.out, self.every = out, every
        self.counts: Counter[str] = Counter()
        self.peaks: dict[str, int] = {}
        self.last_printed = float("-inf")
        self.lock = threading.Lock()

    def add(self, what: str) -> None:
        with self.lock:
            self.counts[what] += 1

    def peak(self, what: str, value: int) -> None:
        with self.lock:
            self.peaks[what] = max(value, self.peaks.get(what, 0))

    def report(self, now: float, last: bool = False) -> None:
        with self.lock:
            if not (self.counts or self.peaks) or (now - self.last_printed < self.every
                                                   and not last):
                return
            parts = [f"{what}: {count}" for what, count in self.counts.items()]
            parts += [f"{what}: {value}" for what, value in self.peaks.items()]
            self.counts.clear()
            self.peaks.clear()
            self.last_printed = now
        print(f"{time.strftime('%H:%M')} Since the last note: {'; '.join(parts)}. "
              "Other devices are served as usual.", file=self.out, flush=True)


class _CountWarnings(logging.Handler):
    """Waitress's own warnings (one per refused connection, at times) become counts."""

    def __init__(self, notices: Notices):
        super().__init__(logging.WARNING)
        self.notices = notices

    def emit(self, record):
        if record.name == "waitress.queue" and record.args:  # "Task queue depth is %d"
            self.notices.peak(Notices.QUEUE, int(record.args[0]))
        else:
            self.notices.add("server warnings")


class TimedChannel(HTTPChannel):
    """A connection that remembers when its current request started to arrive."""

    request_started = 0.0

    def received(self, data):
        if self.request is None and data:
            self.request_started = time.time()
        return super().received(data)


class ClassroomServer(TcpWSGIServer):
    """Waitress's server, with a deadline for each request and a limit per device."""

    channel_class = TimedChannel

    def __init__(self, *args, notices: Notices, per_address: int, request_timeout: float,
                 **kwargs):
        self.notices, self.per_address = notices, per_address
        self.request_timeout = request_timeout
        self.accept_paused_until = 0.0
        super().__init__(*args, **kwargs)

    def readable(self):
        # Also runs the maintenance below, every cleanup_interval.
        return super().readable() and time.time() >= self.accept_paused_until

    def handle_accept(self):
        try:
            accepted = self.accept()
        except OSError:
            # Out of open files, for instance: wait a moment rather than spin on the error.
            self.notices.add("connections not accepted (out of open files)")
            self.accept_paused_until = time.time() + 0.5
            return
        if accepted is None:
            return
        conn, addr = accepted
        addr = self.fix_addr(addr)
        if sum(1 for channel in list(self.active_channels.values())
               if channel.addr[0] == addr[0]) >= self.per_address:
            conn.close()
            self.notices.add(f"connections turned away (over {self.per_address} from one device)")
            return
        try:
            self.set_socket_options(conn)
            self.channel_class(self, conn, addr, self.adj, map=self._map)
        except OSError:
            conn.close()  # the client left before we could set it up

    def maintenance(self, now):
        super().maintenance(now)  # closes connections idle for channel_timeout
        cutoff = now - self.request_timeout
        for channel in list(self.active_channels.values()):
            if (not channel.requests and channel.request is not None
                    and channel.request_started < cutoff and not channel.will_close):
                channel.will_close = True
                self.notices.add("connections closed for sending a request too slowly")
        self.notices.report(now)


def raise_open_file_limit() -> int | None:
    """Raise this process's open-file limit to the most the system allows (one connection is
    one open file; macOS starts at 256); returns the limit, or None where there is none."""
    try:
        import resource
    except ImportError:
        return None  # Windows: no such limit for sockets
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    infinite = resource.RLIM_INFINITY
    # macOS reports no hard limit but refuses more than its per-process maximum (10240).
    for wanted in ((65536 if hard == infinite else hard), 10240):
        if soft != infinite and soft < wanted:
            try:
                resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
                soft = wanted
                break
            except (ValueError, OSError):
                continue
    return None if soft == resource.RLIM_INFINITY else soft


def connection_limit(open_files: int | None) -> int:
    """Connections to accept at once, leaving room for the files being served and the rest."""
    if open_files is None:
        return MAX_CONNECTIONS
    return max(16, min(MAX_CONNECTIONS, open_files - THREADS * 2 - 32))


class SettingsError(ValueError):
    """A HOST or PORT that cannot work; its message says what to type instead."""


def check_host(host: str) -> str:
    host = host.strip()
    if not host:
        raise SettingsError("HOST is empty. Leave it out to serve to the whole network, or give "
                            "this computer's address, e.g. HOST=127.0.0.1.")
    if "://" in host or "/" in host:
        raise SettingsError(f"HOST should be an address only, e.g. HOST=192.168.1.23, without "
                            f"'http://' or '/' (you gave '{host}').")
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        pass
    if ":" in host:
        raise SettingsError(f"HOST should not include a port (you gave '{host}'): give the "
                            "address as HOST and the port as PORT, e.g. PORT=8080.")
    if not re.fullmatch(r"[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?", host):
        raise SettingsError(f"HOST '{host}' is not an address or a computer name. Give one "
                            "such as HOST=127.0.0.1, or leave HOST out.")
    return host


def check_port(port: str) -> int:
    text = str(port).strip()
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise SettingsError(f"PORT must be a whole number from 1 to 65535, e.g. PORT=8080 "
                            f"(you gave '{port}').")
    return int(text)


def open_servers(app, host: str, port: int, notices: Notices, *, per_address: int = PER_ADDRESS,
                 request_timeout: float = REQUEST_TIMEOUT, max_connections: int = MAX_CONNECTIONS):
    """Bind the listening sockets (nothing is served until `run_servers`); returns the socket
    map and the thread pool. Raises SettingsError, in plain words, when they cannot be bound."""
    try:
        adjustments = Adjustments(
            host=host, port=port, threads=THREADS, backlog=1024,
            connection_limit=max_connections, channel_timeout=IDLE_TIMEOUT, cleanup_interval=1,
            asyncore_use_poll=True, log_socket_errors=False, ident="Weighing Health Claims")
    except (OSError, ValueError):
        raise SettingsError(f"HOST '{host}' is not a name this computer knows. Give one of its "
                            "addresses, e.g. HOST=127.0.0.1, or leave HOST out.") from None
    socket_map: dict = {}
    dispatcher = ThreadedTaskDispatcher()
    try:
        for sockinfo in adjustments.listen:
            ClassroomServer(app, socket_map, dispatcher=dispatcher, adj=adjustments,
                            sockinfo=sockinfo, notices=notices, per_address=per_address,
                            request_timeout=request_timeout)
    except OSError as error:
        for channel in list(socket_map.values()):
            channel.close()
        raise SettingsError(bind_failure(host, port, error)) from None
    dispatcher.set_thread_count(THREADS)
    return socket_map, dispatcher


def bind_failure(host: str, port: int, error: OSError) -> str:
    if error.errno == errno.EADDRINUSE:
        return (f"Port {port} is already in use on this computer (is the module already being "
                "served in another window?). Choose another port, e.g. PORT=8080.")
    if error.errno == errno.EADDRNOTAVAIL:
        return (f"This computer has no network address {host}. Leave HOST out to serve on all "
                "its addresses, or use HOST=127.0.0.1 for this computer only.")
    if error.errno == errno.EACCES:
        return (f"Port {port} needs administrator rights on this computer. Choose a port above "
                "1023, e.g. PORT=8080.")
    return f"Cannot serve on {host}:{port}: {error.strerror}. Try another port, e.g. PORT=8080."


def run_servers(socket_map: dict, dispatcher) -> None:
    """Serve until Ctrl+C (SIGINT) or SIGTERM."""
    try:
        wasyncore.loop(timeout=1.0, use_poll=True, map=socket_map)
    except KeyboardInterrupt:
        pass
    finally:
        dispatcher.shutdown(timeout=2)
        for channel in list(socket_map.values()):
            channel.close()


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
def serving_in_background(site_dir: Path, stderr=None, data_dir: Path | None = None,
                          project: Path | None = None):
    """This server over `site_dir` in another process, on a free loopback port; yields its URL.
    For tests and benchmarks, which need the real server without blocking. When `stderr` is
    given (a benchmark's log), the server's notes come every second rather than every minute."""
    port = free_port()
    notes = ["--notes-every", "1"] if stderr is not None else []
    # Class mode's data goes to a folder of its own, removed afterwards, unless one is given.
    scratch = None if data_dir else tempfile.TemporaryDirectory(prefix="whc-class-data-")
    class_mode = ["--data", str(data_dir or scratch.name)]
    if project:
        class_mode += ["--project", str(project)]
    process = subprocess.Popen([sys.executable, "-m", "classroom.serve", "--dir", str(site_dir),
                                "--host", "127.0.0.1", "--port", str(port), "--quiet", *notes,
                                *class_mode],
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
        if scratch:
            scratch.cleanup()


def _stop(signum, frame):
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default="site", help="the built site (default: site)")
    parser.add_argument("--host", default=os.environ.get("HOST", DEFAULT_HOST),
                        help=f"the address to serve on (default: {DEFAULT_HOST}, every network)")
    parser.add_argument("--port", default=os.environ.get("PORT", str(DEFAULT_PORT)),
                        help=f"default: {DEFAULT_PORT}")
    parser.add_argument("--quiet", action="store_true", help="print no addresses or QR code")
    parser.add_argument("--data", default=os.environ.get("DATA") or None,
                        help="the folder for class mode's data (default: classroom-data/ in the "
                             "project; never inside the site)")
    parser.add_argument("--project", default=str(Path(__file__).resolve().parent.parent),
                        help="the project whose exercises and keys class mode scores with")
    parser.add_argument("--per-address", type=int, default=PER_ADDRESS,
                        help=f"connections one device may hold at once (default: {PER_ADDRESS})")
    parser.add_argument("--request-timeout", type=float, default=REQUEST_TIMEOUT,
                        help="seconds a client may take to send a request "
                             f"(default: {REQUEST_TIMEOUT})")
    parser.add_argument("--notes-every", type=float, default=NOTICE_EVERY,
                        help="seconds between notes about turned-away connections "
                             f"(default: {NOTICE_EVERY})")
    args = parser.parse_args(argv)
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
    waitress_log = logging.getLogger("waitress")
    waitress_log.addHandler(_CountWarnings(notices))
    waitress_log.propagate = False
    site = LiveSite(site_dir)
    try:  # class mode: the class's answers reach this laptop (classroom/classmode/)
        from .classmode import serving as class_mode
        data_dir = class_mode.data_folder(args.data, site_dir, Path(args.project))
        mode = class_mode.start(Path(args.project), data_dir, os.environ.get("TEACHER_PIN"),
                                site_identity=lambda: site.folder)
    except (ValueError, OSError) as error:
        print(f"Class mode cannot start: {error}", file=sys.stderr)
        return 1
    try:
        socket_map, dispatcher = open_servers(
            class_mode.with_class_mode(make_app(site, {"/api": mode.api}), lambda: site.folder,
                                       mode.teacher),
            host, port, notices, per_address=args.per_address,
            request_timeout=args.request_timeout,
            max_connections=connection_limit(raise_open_file_limit()))
    except SettingsError as error:
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
    run_servers(socket_map, dispatcher)
    notices.report(time.time(), last=True)
    if not args.quiet:
        print("\nStopped.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
