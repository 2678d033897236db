"""The data folder as a teacher meets it: a folder that cannot be used is one plain line, one
server holds it at a time, the class file alone holds the class after stopping, and its schema
version is upgraded (a copy kept) or refused when newer (F7, F15, N5)."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from classroom.classmode import serving as class_mode
from classroom.classmode.datafolder import DataFolderError, trouble
from classroom.classmode.store import MIGRATIONS, ClassStore
from support import ROOT, TEACHER_PIN


def start(folder, address=""):
    return class_mode.start(ROOT, folder, TEACHER_PIN, address=address)


def test_a_damaged_class_file_is_one_line_naming_the_folder_and_what_to_do(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "class.sqlite3").write_text("not a db")
    with pytest.raises(DataFolderError) as refused:
        start(folder)
    message = str(refused.value)
    assert str(folder) in message and "damaged" in message and "DATA=" in message
    assert "\n" not in message


def test_a_second_server_on_the_same_folder_is_told_which_one_holds_it(tmp_path):
    folder = tmp_path / "data"
    first = start(folder, address="http://localhost:8000/")
    try:
        with pytest.raises(DataFolderError) as refused:
            start(folder)
        assert "in use by another server" in str(refused.value)
        assert "http://localhost:8000/" in str(refused.value) and "process" in str(refused.value)
    finally:
        class_mode.stop(first)
    class_mode.stop(start(folder))  # released on stopping: the folder can be used again


def test_after_stopping_the_class_file_alone_holds_the_class(tmp_path):
    folder = tmp_path / "data"
    mode = start(folder)
    student, _ = mode.store.join("Ada L.")
    mode.store.rename(student.id, "Ada Lovelace")
    class_mode.stop(mode)
    wal = folder / "class.sqlite3-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(folder / "class.sqlite3", copy / "class.sqlite3")
    copied = ClassStore(copy)
    try:
        assert [s.name for s in copied.students().values()] == ["Ada Lovelace"]
    finally:
        copied.close()


def test_a_new_folder_gets_the_current_schema_version(tmp_path):
    store = ClassStore(tmp_path / "data")
    store.close()
    with sqlite3.connect(tmp_path / "data" / "class.sqlite3") as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert list((tmp_path / "data").glob("*.bak")) == []


def test_an_older_folder_is_upgraded_after_a_copy_is_kept(tmp_path):
    store = ClassStore(tmp_path / "data")
    store.join("Grace H.")
    store.close()
    with sqlite3.connect(tmp_path / "data" / "class.sqlite3") as db:
        db.execute("PRAGMA user_version = 0")  # a folder from before versions were kept
    upgraded = ClassStore(tmp_path / "data")
    try:
        assert [s.name for s in upgraded.students().values()] == ["Grace H."]
        assert upgraded._read("PRAGMA user_version")[0][0] == len(MIGRATIONS)
    finally:
        upgraded.close()
    kept = list((tmp_path / "data").glob("class.sqlite3.version-0-*.bak"))
    assert len(kept) == 1
    with sqlite3.connect(kept[0]) as db:
        assert db.execute("SELECT name FROM students").fetchall() == [("Grace H.",)]


def test_a_folder_from_a_newer_version_is_refused_with_a_message(tmp_path):
    ClassStore(tmp_path / "data").close()
    with sqlite3.connect(tmp_path / "data" / "class.sqlite3") as db:
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(DataFolderError) as refused:
        start(tmp_path / "data")
    assert "newer version" in str(refused.value) and "\n" not in str(refused.value)



@pytest.mark.parametrize("error, said", [
    (OSError(28, "No space left on device"), "the disk is full"),
    (sqlite3.OperationalError("attempt to write a readonly database"), "cannot be written to"),
    (PermissionError(13, "Permission denied"), "cannot be written to"),
    (sqlite3.OperationalError("disk I/O error"), "cannot be reached"),
], ids=["full", "read-only database", "read-only folder", "drive removed"])
def test_each_trouble_with_the_folder_says_what_is_wrong_and_what_to_do(error, said):
    # A full disk or a read-only folder cannot be made here (the tests run as root), so the
    # errors the system gives for them are handed to the wording directly.
    what, to_do = trouble(error)
    assert said in what and ("DATA=" in to_do or "free some space" in to_do)


def test_a_data_folder_inside_a_file_is_one_line_naming_it(tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    folder = tmp_path / "a-file" / "data"
    with pytest.raises(DataFolderError) as refused:
        start(folder)
    message = str(refused.value)
    assert str(folder) in message and "DATA=" in message and "\n" not in message
