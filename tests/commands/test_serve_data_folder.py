"""`make serve` and its data folder: a folder that cannot be used is one line, not a traceback
(F7); a second server on the same folder refuses to start and names the first (N5); after
Ctrl+C, class.sqlite3 alone holds the class (F15)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess

from support import ROOT, call
from serving import serve_command, start_server, stop_server


def test_a_damaged_data_folder_is_one_line_naming_it_not_a_traceback(project, tmp_path):
    data = tmp_path / "damaged"
    data.mkdir()
    (data / "class.sqlite3").write_text("not a db")
    command = serve_command(project / "site")
    command[command.index("--data") + 1] = str(data)
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert str(data) in result.stderr and "damaged" in result.stderr
    assert "being served" not in result.stdout


def test_a_second_server_on_the_same_data_folder_says_which_one_holds_it(project):
    first, url = start_server(serve_command(project / "site", "--quiet"))
    try:
        result = subprocess.run(serve_command(project / "site"), cwd=ROOT, capture_output=True,
                                text=True, timeout=60)
    finally:
        stop_server(first)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "in use by another server" in result.stderr
    assert f"process {first.pid}" in result.stderr and url.split("//")[1] in result.stderr
    again, _ = start_server(serve_command(project / "site", "--quiet"))  # free once stopped
    stop_server(again)
    assert again.returncode == 0


def test_after_ctrl_c_the_class_file_alone_holds_the_class(project, tmp_path):
    process, url = start_server(serve_command(project / "site", "--quiet"))
    try:
        status, _, _ = call(url, "api/join", {"name": "Ada L."})
        assert status == 201
    finally:
        _, errors = stop_server(process)
    assert process.returncode == 0, errors
    data = project / "class-data"
    wal = data / "class.sqlite3-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    shutil.copy(data / "class.sqlite3", tmp_path / "copied.sqlite3")
    with sqlite3.connect(tmp_path / "copied.sqlite3") as copied:
        names = [row[0] for row in copied.execute("SELECT name FROM students")]
    assert "Ada L." in names
