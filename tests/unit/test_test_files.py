"""The test files can all be collected together: pytest imports each by its file name alone
(tests/ has no packages), so two files of one name in different layers break the whole run."""

from __future__ import annotations

from collections import Counter

from support import ROOT


def test_no_two_test_files_share_a_name():
    names = Counter(path.name for path in (ROOT / "tests").rglob("test_*.py"))
    assert [name for name, count in names.items() if count > 1] == []
