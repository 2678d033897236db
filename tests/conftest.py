"""Shared fixtures: one strict build of the site, a classroom server over it, and real Chromium."""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from classroom.classmode.catalogue import Catalogue
from classroom.classmode.store import ClassStore
from classroom.pack import pack_student_edition
from classroom.project import Module
from fixture_project import starter_project
from support import (PHONE, ROOT, TEACHER_PIN, build_site, is_local,  # noqa: F401
                     launch_chromium, offline_context, serving_in_background)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site, built once per test session with the strict build."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(site_dir)
    assert result.returncode == 0, f"the strict build failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def pages(site) -> list[str]:
    """Every page of the built site, as paths relative to its root."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html")
                  if path.name != "404.html")


@contextmanager
def teacher_pin():
    """Servers started here use support.TEACHER_PIN, so a test can sign in as the teacher."""
    before = os.environ.get("TEACHER_PIN")
    os.environ["TEACHER_PIN"] = TEACHER_PIN
    try:
        yield
    finally:
        os.environ.pop("TEACHER_PIN") if before is None else os.environ.update(TEACHER_PIN=before)


@pytest.fixture(scope="session")
def server(site):
    with teacher_pin(), serving_in_background(site) as base:
        yield base


@dataclass
class BuiltProject:
    project: Path
    site: Path
    url: str
    module: Module

    def exercise(self, kind: str):
        return next(e for e in self.module.exercises.values() if e.kind == kind)


@pytest.fixture(scope="session")
def starter(tmp_path_factory):
    """A small site holding one starter exercise of each kind, built and served."""
    project = starter_project(tmp_path_factory.mktemp("starter"))
    result = build_site(project / "site", project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    with teacher_pin(), serving_in_background(project / "site") as url:
        yield BuiltProject(project, project / "site", url, Module.load(project))


@pytest.fixture(scope="session")
def student_zip(tmp_path_factory) -> Path:
    """The student edition's zip, as `make pack` writes it."""
    archive = tmp_path_factory.mktemp("students") / "students.zip"
    assert pack_student_edition(ROOT / "mkdocs.yml", archive) is not None
    return archive


# Class mode's plain Python: what the laptop knows of the exercises, and a store of its own.
@pytest.fixture(scope="session")
def catalogue():
    return Catalogue.load(ROOT)


@pytest.fixture
def store(tmp_path):
    store = ClassStore(tmp_path / "class-data")
    yield store
    store.close()


@pytest.fixture(scope="session")
def module():
    """The real module's data, as the build loads it."""
    return Module.load(ROOT)


@pytest.fixture(scope="session")
def playwright_sync():
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_sync):
    browser = launch_chromium(playwright_sync)
    yield browser
    browser.close()


@pytest.fixture(params=["http", "file"])
def base_url(request, site, server) -> str:
    """Each page is tested both served to a classroom and opened from disk (a USB stick)."""
    return server if request.param == "http" else site.as_uri() + "/"


@dataclass
class Traffic:
    """What a page asked for and complained about: the evidence for 'works offline'."""
    outside: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


@pytest.fixture
def context(browser):
    """A fresh browser profile; any request leaving the machine is recorded and refused."""
    traffic = Traffic()
    context = offline_context(browser, refused=traffic.outside)
    context.traffic = traffic
    # ERR_ABORTED is the browser cancelling a request itself (the page moved on before the
    # favicon came), not a request that could not be served.
    context.on("requestfailed", lambda request: request.failure != "net::ERR_ABORTED" and
               context.traffic.failed.append(f"{request.url} ({request.failure})"))
    context.on("console", lambda message: message.type == "error" and
               context.traffic.console_errors.append(message.text))
    context.on("weberror", lambda error: context.traffic.console_errors.append(str(error.error)))
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def phone(browser):
    """A page in a phone-sized browser with touch."""
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()
