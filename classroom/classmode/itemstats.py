"""Item statistics of a test, from each sitting's item scores (1 right, 0 wrong; a part-marked
check-up item its share of the marks): the standard library only.

- facility: the share of the marks the class got on the item (0 to 1);
- discrimination: the corrected item-total correlation, Pearson's r between the item and the
  total of the *other* items, so an item is not correlated with itself;
- reliability: KR-20 for items scored 0 or 1 (Cronbach's alpha, which equals KR-20 for such
  items, when some are part-marked), with population variances throughout.

Flags, each with a note for the teacher: discrimination below 0 (students who did well on the
rest tended to miss it: a key or a wording to check); facility below 0.10 or above 0.90 (almost
nobody or almost everybody right: the item tells the class's students little apart). With fewer
than MIN_SITTINGS sittings no item is flagged: chance decides too much. Correlations need more:
below MIN_FOR_CORRELATION sittings the page shows neither discrimination nor KR-20 (a handful of
students can give 1.00 or 0.80 by chance), and no item is flagged for a negative one.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import sqrt

HARD, EASY = 0.10, 0.90   # facility thresholds of the flags
MIN_SITTINGS = 5          # fewer sittings: figures, no flags
MIN_FOR_CORRELATION = 10  # fewer sittings: no discrimination or KR-20 worth reading

NOTES = {
    "negative": "Students who did well on the other items tended to get this one wrong: check "
                "its key and its wording.",
    "hard": "Almost nobody got this right: it may be unclear, keyed wrongly, or about something "
            "not yet taught.",
    "easy": "Almost everybody got this right: it tells little about who has understood.",
}


@dataclass(frozen=True)
class ItemFigures:
    item: str
    facility: float | None
    discrimination: float | None   # None when the item or the rest does not vary
    flags: tuple[str, ...]

    def as_dict(self) -> dict:
        return {"item": self.item, "facility": _round(self.facility),
                "discrimination": _round(self.discrimination), "flags": list(self.flags),
                "notes": [NOTES[flag] for flag in self.flags]}


def mean(values: list[float]) -> float:
    return sum(values) / len(values)


def variance(values: list[float]) -> float:
    """The population variance (divided by n), as KR-20 uses it."""
    centre = mean(values)
    return sum((value - centre) ** 2 for value in values) / len(values)


def pearson(xs: list[float], ys: list[float]) -> float | None:
    """Pearson's r, or None when either side does not vary."""
    x_centre, y_centre = mean(xs), mean(ys)
    xy = sum((x - x_centre) * (y - y_centre) for x, y in zip(xs, ys))
    xx = sum((x - x_centre) ** 2 for x in xs)
    yy = sum((y - y_centre) ** 2 for y in ys)
    return xy / sqrt(xx * yy) if xx > 0 and yy > 0 else None


def item_figures(items: list[str], sittings: list[list[float]]) -> list[ItemFigures]:
    """Facility, discrimination and flags of each item; `sittings`: one row of item scores
    (in the order of `items`) per student's sitting."""
    if not sittings:
        return [ItemFigures(item, None, None, ()) for item in items]
    totals = [sum(row) for row in sittings]
    figures = []
    for column, item in enumerate(items):
        scores = [row[column] for row in sittings]
        facility = mean(scores)
        rest = [total - score for total, score in zip(totals, scores)]
        discrimination = pearson(scores, rest) if len(sittings) > 1 else None
        flags: list[str] = []
        if len(sittings) >= MIN_SITTINGS:
            if discrimination is not None and discrimination < 0 \
                    and len(sittings) >= MIN_FOR_CORRELATION:
                flags.append("negative")
            if facility < HARD:
                flags.append("hard")
            elif facility > EASY:
                flags.append("easy")
        figures.append(ItemFigures(item, facility, discrimination, tuple(flags)))
    return figures


def reliability(sittings: list[list[float]]) -> float | None:
    """KR-20 (alpha for part-marked items): k/(k-1) * (1 - sum of item variances / variance of
    the totals); None with fewer than two items or two sittings, or totals that do not vary."""
    if len(sittings) < 2 or len(sittings[0]) < 2:
        return None
    k = len(sittings[0])
    total_variance = variance([sum(row) for row in sittings])
    if total_variance == 0:
        return None
    item_variance = sum(variance([row[column] for row in sittings]) for column in range(k))
    return k / (k - 1) * (1 - item_variance / total_variance)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)
