"""The addresses `make serve` announces are ones a browser accepts (F14)."""

from __future__ import annotations

from classroom.server.announce import addresses_for


def test_an_ipv6_host_is_announced_in_brackets():
    assert addresses_for("::1", 8000) == ["http://[::1]:8000/"]
    assert addresses_for("fe80::1", 8080) == ["http://[fe80::1]:8080/"]


def test_an_ipv4_host_or_a_name_is_announced_as_it_is():
    assert addresses_for("127.0.0.1", 8000) == ["http://127.0.0.1:8000/"]
    assert addresses_for("laptop.local", 8000) == ["http://laptop.local:8000/"]
