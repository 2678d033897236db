"""HOST and PORT, checked before anything is served, and a socket that cannot be bound, each
told in one plain line that says what to type instead."""

from __future__ import annotations

import errno
import ipaddress
import re

DEFAULT_PORT = 8000
DEFAULT_HOST = "0.0.0.0"  # every network interface, so that students' devices can connect


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
