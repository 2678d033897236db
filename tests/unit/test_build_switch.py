"""`make build` switches `site` to a new build in one step, and prunes old builds."""

from __future__ import annotations

import os
import time

from classroom.build import BUILDS, prune, switch


def old_site_and_new_build(tmp_path):
    """A `site` folder holding the old page, and a finished new build beside it."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    new = tmp_path / BUILDS / "build-2"
    new.mkdir(parents=True)
    (new / "index.html").write_text("new", encoding="utf-8")
    return site, new


def test_without_links_the_switch_falls_back_on_renames(tmp_path, monkeypatch):
    site, new = old_site_and_new_build(tmp_path)

    def refuse(*args, **kwargs):
        raise OSError("symbolic links are not allowed here")

    monkeypatch.setattr(os, "symlink", refuse)
    switch(site, new)
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    kept = [path for path in (tmp_path / BUILDS).iterdir() if path.is_dir()]
    assert [(path / "index.html").read_text(encoding="utf-8") for path in kept] == ["old"]


def test_a_folder_left_by_a_plain_mkdocs_build_is_set_aside_for_a_link(tmp_path):
    site, new = old_site_and_new_build(tmp_path)
    switch(site, new)
    assert site.is_symlink() and site.resolve() == new.resolve()


def test_old_builds_are_deleted_but_recent_ones_kept(tmp_path):
    builds = tmp_path / BUILDS
    names = [f"build-{n}" for n in range(1, 7)]
    for name in names:
        (builds / name).mkdir(parents=True)
    site = tmp_path / "site"
    os.symlink(builds / names[-1], site)
    now = time.time()
    for age, name in zip([5000, 4000, 3000, 200, 100, 0], names):
        os.utime(builds / name, (now - age, now - age))
    prune(site, now)
    # build-1 and -2 were replaced long ago; build-3 was replaced 200 s ago; the newest 3 stay.
    assert sorted(path.name for path in builds.iterdir()) == names[2:]
