"""`make pack` makes a zip for USB sticks that holds the whole site under one folder."""

from __future__ import annotations

import subprocess
import zipfile

from classroom.pack import FOLDER, pack
from project_copy import make, make_ready


def test_the_zip_holds_every_file_of_the_site_under_one_folder(site, tmp_path):
    archive = tmp_path / "usb.zip"
    count = pack(site, archive)
    names = zipfile.ZipFile(archive).namelist()
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*")
                   if p.is_file() and p.suffix != ".gz")
    assert count == len(files) == len(names)
    assert sorted(name.removeprefix(f"{FOLDER}/") for name in names) == files
    assert f"{FOLDER}/index.html" in names and f"{FOLDER}/search/search_index.js" in names


def test_the_unzipped_site_works_from_disk(page, site, tmp_path):
    archive = tmp_path / "usb.zip"
    pack(site, archive)
    zipfile.ZipFile(archive).extractall(tmp_path / "stick")
    page.goto((tmp_path / "stick" / FOLDER / "index.html").as_uri())
    page.locator("article a[href='cases/index.html']").first.click()
    assert "Case studies" in page.title()


def test_make_pack_builds_and_zips_the_site(tmp_path):
    project = make_ready(tmp_path)
    result = subprocess.run(make(project, "pack"), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    names = zipfile.ZipFile(project / "dist" / f"{FOLDER}.zip").namelist()
    assert f"{FOLDER}/index.html" in names and f"{FOLDER}/practice.html" in names
    assert not any(name.endswith(".gz") for name in names)
    assert "INFO" not in result.stdout + result.stderr
