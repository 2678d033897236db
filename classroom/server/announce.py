"""What the teacher sees on starting the server: the addresses students can type (found
without sending any traffic) and a QR code of the first network one."""

from __future__ import annotations

import ipaddress
import socket
import subprocess
import sys

import segno


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
    return [url_for(name, port) for name in hosts]


def url_for(host: str, port: int) -> str:
    """An address a browser accepts: an IPv6 one in brackets (http://[::1]:8000/, F14)."""
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def announce(urls: list[str], out=sys.stdout) -> None:
    print("\nWeighing Health Claims is being served. Students can open:\n", file=out)
    for url in urls:
        print(f"    {url}", file=out)
    network = [url for url in urls
               if "localhost" not in url and "127." not in url and "[::1]" not in url]
    if network:
        print(f"\nOr scan this code with a phone's camera ({network[0]}):\n", file=out)
        segno.make(network[0], error="m").terminal(out=out, compact=True)
    else:
        print("\nNo network address was found: only this computer can open the module.", file=out)
    print("\nKeep this window open during the lesson. Press Ctrl+C to stop.\n", file=out, flush=True)
