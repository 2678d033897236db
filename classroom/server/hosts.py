"""Only requests that name this computer are served: its addresses (any IP address a browser
typed reaches this computer) and its own names. A page elsewhere whose name is made to point
at the laptop (DNS rebinding) names itself in the Host header, and is refused (F10)."""

from __future__ import annotations

import ipaddress
import socket

REFUSAL = (b"This server answers only to this computer's own addresses and names. Open the "
           b"module at an address 'make serve' printed.\n")


def own_names(host: str) -> set[str]:
    """This computer's names, as browsers may type them (`host`: the HOST setting)."""
    names = {"localhost"}
    for name in (socket.gethostname, socket.getfqdn):
        try:
            names.add(name().lower().rstrip("."))
        except OSError:
            pass
    names |= {name.split(".")[0] + ".local" for name in set(names) if name != "localhost"}
    names.add(host.lower().strip("[]"))
    return names


def is_known_host(header: str, names: set[str]) -> bool:
    name = header.strip().lower()
    if name.startswith("["):  # [::1]:8000
        name = name[1:name.find("]")] if "]" in name else name
    elif name.count(":") == 1:
        name = name.split(":")[0]
    name = name.rstrip(".")
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        return name in names or name.endswith(".localhost")


def with_known_hosts(app, names: set[str]):
    """`app`, answering 421 to a request whose Host is none of `names` nor an address. A
    request without a Host (HTTP/1.0, no browser) is served."""
    def checked(environ, start_response):
        host = environ.get("HTTP_HOST")
        if host is not None and not is_known_host(host, names):
            start_response("421 Misdirected Request", [
                ("Content-Type", "text/plain; charset=utf-8"),
                ("Content-Length", str(len(REFUSAL))), ("Cache-Control", "no-store")])
            return [REFUSAL]
        return app(environ, start_response)
    return checked
