"""Fixtures of the command tests: a small project built as `make build` builds it."""

from __future__ import annotations

from pathlib import Path

import pytest

from project_copy import make_ready
from serving import make_build


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The small starter site, built as `make build` builds it."""
    project = make_ready(tmp_path_factory.mktemp("served"))
    make_build(project)
    return project
