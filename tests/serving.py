"""The commands' tests start `make serve` and `make build` as a teacher does: each in a process of
its own, on this checkout's code."""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
from pathlib import Path

from support import ROOT, free_port, wait_for


def serve_command(site: Path, *options: str, port: int | None = None) -> list[str]:
    """The server on loopback; class mode keeps its data beside the site, not in this checkout."""
    return [sys.executable, "-m", "classroom.server", "--dir", str(site), "--host", "127.0.0.1",
            "--port", str(port or free_port()), "--data", str(site.parent / "class-data"),
            *options]


def start_server(command: list[str], open_files: int | None = None) -> tuple[subprocess.Popen, str]:
    """The server in a process of its own (with at most `open_files` open files); its URL."""
    limit = None if open_files is None else (lambda: resource.setrlimit(
        resource.RLIMIT_NOFILE, (open_files, open_files)))
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, preexec_fn=limit)
    url = f"http://127.0.0.1:{command[command.index('--port') + 1]}/"
    try:
        wait_for(url, seconds=60)
    except OSError:
        process.kill()
        raise AssertionError("the server did not start: " + "".join(process.communicate()))
    return process, url


def stop_server(process: subprocess.Popen) -> tuple[str, str]:
    """Ctrl+C, as a teacher stops it; what it printed."""
    process.send_signal(signal.SIGINT)
    return process.communicate(timeout=30)


def make_build(project: Path) -> None:
    """`make build`'s own command: strict, into a new folder that `site` then points at."""
    result = subprocess.run([sys.executable, "-m", "classroom.build"], cwd=project,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
