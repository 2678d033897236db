"""Item statistics and the paired gain, against figures worked by hand."""

from __future__ import annotations

import pytest

from classroom.classmode.itemstats import item_figures, reliability
from classroom.classmode.paired import paired_gain, t_critical

# Five students, four items (1 right, 0 wrong).
SITTINGS = [[1, 1, 1, 1],
            [1, 1, 0, 1],
            [1, 0, 0, 1],
            [0, 0, 1, 1],
            [1, 1, 1, 1]]


def test_facility_discrimination_and_flags_as_worked_by_hand():
    """Totals 4, 3, 2, 2, 4. Facility: i1 4/5 = 0.8, i2 3/5 = 0.6, i3 3/5 = 0.6, i4 1.0.

    i1 against the rest (total minus i1) = 3, 2, 1, 2, 3 (mean 2.2): deviations of i1 .2 .2 .2
    -.8 .2, of the rest .8 -.2 -1.2 -.2 .8; sum of products .16 - .04 - .24 + .16 + .16 = .2;
    sums of squares .8 and 2.8; r = .2 / sqrt(2.24) = 0.1336.
    i2, rest 3, 2, 2, 2, 3 (mean 2.4): deviations .4 .4 -.6 -.6 .4 and .6 -.4 -.4 -.4 .6;
    products .24 - .16 + .24 + .24 + .24 = .8; squares 1.2 and 1.2; r = .8 / 1.2 = 0.6667.
    i3, rest 3, 3, 2, 1, 3 (mean 2.4): deviations .4 -.6 -.6 .4 .4 and .6 .6 -.4 -1.4 .6;
    products .24 - .36 + .24 - .56 + .24 = -.2; squares 1.2 and 3.2; r = -.2 / sqrt(3.84)
    = -0.1021: negative, flagged. i4: everybody right, so no r, and flagged as too easy.
    Every sitting twice over (ten sittings, enough for a correlation to be flagged) gives the
    same figures.
    """
    figures = {f.item: f for f in item_figures(["i1", "i2", "i3", "i4"], SITTINGS * 2)}
    assert [figures[i].facility for i in ("i1", "i2", "i3", "i4")] == [0.8, 0.6, 0.6, 1.0]
    assert figures["i1"].discrimination == pytest.approx(0.1336, abs=1e-4)
    assert figures["i2"].discrimination == pytest.approx(0.6667, abs=1e-4)
    assert figures["i3"].discrimination == pytest.approx(-0.1021, abs=1e-4)
    assert figures["i4"].discrimination is None
    assert {item: f.flags for item, f in figures.items()} == {
        "i1": (), "i2": (), "i3": ("negative",), "i4": ("easy",)}
    assert "check its key" in figures["i3"].as_dict()["notes"][0]


def test_a_negative_discrimination_from_fewer_than_ten_sittings_is_not_flagged():
    """Five sittings: i3's r is still -0.10, but chance decides it, so only i4 (too easy) is
    flagged."""
    figures = {f.item: f for f in item_figures(["i1", "i2", "i3", "i4"], SITTINGS)}
    assert figures["i3"].discrimination == pytest.approx(-0.1021, abs=1e-4)
    assert {item: f.flags for item, f in figures.items()} == {
        "i1": (), "i2": (), "i3": (), "i4": ("easy",)}


def test_kr20_as_worked_by_hand():
    """Item variances p(1-p): .16, .24, .24, 0 (sum .64). Totals 4, 3, 2, 2, 4: mean 3,
    variance (1 + 0 + 1 + 1 + 1) / 5 = .8. KR-20 = 4/3 * (1 - .64/.8) = 4/3 * .2 = 0.2667."""
    assert reliability(SITTINGS) == pytest.approx(0.26667, abs=1e-5)


def test_hardly_anybody_right_is_flagged_and_few_sittings_are_not():
    """Facility 0/5 = 0 < 0.10 is flagged; the same item with four sittings is not flagged."""
    rows = [[0, 1], [0, 1], [0, 0], [0, 1], [0, 0]]
    assert item_figures(["a", "b"], rows)[0].flags == ("hard",)
    assert item_figures(["a", "b"], rows[:4])[0].flags == ()
    assert reliability([[1, 1], [1, 1]]) is None  # totals that do not vary


def test_paired_gain_as_worked_by_hand():
    """Differences 20, 30, 10: mean 20; sd sqrt((0 + 100 + 100) / 2) = 10; standard error
    10 / sqrt(3) = 5.774; t(2) = 4.303; half-width 24.84: from -4.8 to 44.8."""
    gain = paired_gain([(40, 60), (50, 80), (30, 40)])
    assert (gain.n, gain.mean) == (3, 20)
    assert gain.low == pytest.approx(-4.843, abs=1e-3)
    assert gain.high == pytest.approx(44.843, abs=1e-3)
    assert paired_gain([(40, 60)]).low is None
    assert paired_gain([]) is None


def test_t_quantiles_between_and_beyond_the_table():
    """t(35) lies between t(30) = 2.042 and t(40) = 2.021: 4/7 of the way in 1/df gives 2.030
    (the exact value is 2.0301); beyond 120 degrees of freedom the normal's 1.960."""
    assert t_critical(35) == pytest.approx(2.030, abs=5e-4)
    assert t_critical(10) == 2.228
    assert t_critical(500) == 1.960
