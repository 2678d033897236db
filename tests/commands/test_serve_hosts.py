"""The server answers only requests naming this computer (F10, DNS rebinding): the probe's
reproduction, a join sent with a foreign Host and a matching Origin, is refused."""

from __future__ import annotations

from support import call
from serving import serve_command, start_server, stop_server


def test_a_request_naming_another_host_is_refused(project):
    process, url = start_server(serve_command(project / "site", "--quiet"))
    try:
        port = url.rsplit(":", 1)[1].strip("/")
        evil = {"Host": f"evil.example:{port}", "Origin": f"http://evil.example:{port}"}
        status, text, _ = call(url, "api/join", {"name": "x"}, evil)
        assert status == 421 and "this computer's own addresses" in text
        assert call(url, "", headers={"Host": f"evil.example:{port}"})[0] == 421
        assert call(url, "api/join", {"name": "x"})[0] == 201
        assert call(url, "", headers={"Host": f"localhost:{port}"})[0] == 200
    finally:
        stop_server(process)
