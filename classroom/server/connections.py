"""Waitress made fit for a classroom: a deadline for each request, a limit on the connections
one device may hold, as many connections as the open-file limit allows, and what was turned
away summed up in one line a minute rather than one warning each."""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections import Counter

from waitress import wasyncore
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer
from waitress.task import ThreadedTaskDispatcher

from .settings import SettingsError, bind_failure

THREADS = 16
MAX_CONNECTIONS = 1000  # lowered to fit the open-file limit when the system allows fewer
PER_ADDRESS = 32  # connections one device may hold at once; a browser opens about 6
REQUEST_TIMEOUT = 20  # seconds a client may take to send one whole request, once it starts
IDLE_TIMEOUT = 30  # seconds an open connection may stay silent between requests
NOTICE_EVERY = 60  # seconds between summary lines about refused or closed connections


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


def count_waitress_warnings(notices: Notices) -> None:
    """Send Waitress's warnings to `notices` instead of the terminal."""
    waitress_log = logging.getLogger("waitress")
    waitress_log.addHandler(_CountWarnings(notices))
    waitress_log.propagate = False


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
