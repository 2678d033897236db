"""Requests naming a Host that is not one of the laptop's own addresses or names are refused,
so a page elsewhere that rebinds its name to the laptop reaches nothing (F10)."""

from __future__ import annotations

from classroom.server.hosts import is_known_host, own_names, with_known_hosts


def served(app, host):
    answers = []
    body = app({"HTTP_HOST": host, "PATH_INFO": "/"} if host is not None else {"PATH_INFO": "/"},
               lambda status, headers, exc_info=None: answers.append((status, dict(headers))))
    return answers[0][0], b"".join(body).decode()


def hello(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"hello"]


def test_the_laptops_addresses_and_names_are_served():
    names = own_names("0.0.0.0")
    for host in ("127.0.0.1:8000", "192.168.1.23:8000", "[::1]:8000", "localhost:8000",
                 "LOCALHOST", "localhost.:8000"):
        assert is_known_host(host, names), host
    assert "localhost" in names


def test_any_other_name_is_refused_with_a_plain_line():
    app = with_known_hosts(hello, own_names("0.0.0.0"))
    assert served(app, "127.0.0.1:8000") == ("200 OK", "hello")
    status, text = served(app, "evil.example:8000")
    assert status.startswith("421") and "address" in text
    assert not is_known_host("evil.example", own_names("0.0.0.0"))
    assert not is_known_host("localhost.evil.example", own_names("0.0.0.0"))


def test_a_host_name_given_as_host_is_its_own():
    assert is_known_host("classroom-laptop:8000", own_names("classroom-laptop"))
