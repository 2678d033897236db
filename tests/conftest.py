"""Shared fixtures: one strict build of the site, a classroom server over it, and real Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import sync_playwright

from classroom.project import Module
from classroom.serve import serving_in_background
from fixture_project import starter_project

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def build_site(site_dir: Path, config: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess:
    """Run the real strict build, as `make build` does, into `site_dir`."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
                           str(config), "--site-dir", str(site_dir)],
                          capture_output=True, text=True, env=env, cwd=config.parent)


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


@pytest.fixture(scope="session")
def server(site):
    with serving_in_background(site) as base:
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
    with serving_in_background(project / "site") as url:
        yield BuiltProject(project, project / "site", url, Module.load(project))


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
    browser = playwright_sync.chromium.launch(
        executable_path=CHROMIUM,
        args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync"])
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


def is_local(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in ("file", "data", "blob", "about", "javascript"):
        return True
    return parsed.scheme in ("http", "https", "ws", "wss") and parsed.hostname in LOCAL_HOSTS


@pytest.fixture
def context(browser):
    """A fresh browser profile; any request leaving the machine is recorded and refused."""
    context = browser.new_context()
    context.traffic = Traffic()

    def guard(route):
        if is_local(route.request.url):
            route.continue_()
        else:
            context.traffic.outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    context.on("requestfailed", lambda request: context.traffic.failed.append(
        f"{request.url} ({request.failure})"))
    context.on("console", lambda message: message.type == "error" and
               context.traffic.console_errors.append(message.text))
    context.on("weberror", lambda error: context.traffic.console_errors.append(str(error.error)))
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()
