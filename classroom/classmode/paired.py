"""The mean of paired differences (a student's score after minus before) with a 95% confidence
interval from the t distribution, standard library only.

The t quantile comes from a table of two-sided 95% critical values (df 1 to 30, then 40, 50,
60, 80, 100, 120), interpolated linearly in 1/df between rows (off by under 0.002), and the
normal 1.960 beyond 120 degrees of freedom (within 0.02 of t there).
"""

from __future__ import annotations

from dataclasses import dataclass
from math import sqrt

T_95 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306,
        9: 2.262, 10: 2.228, 11: 2.201, 12: 2.179, 13: 2.160, 14: 2.145, 15: 2.131, 16: 2.120,
        17: 2.110, 18: 2.101, 19: 2.093, 20: 2.086, 21: 2.080, 22: 2.074, 23: 2.069,
        24: 2.064, 25: 2.060, 26: 2.056, 27: 2.052, 28: 2.048, 29: 2.045, 30: 2.042,
        40: 2.021, 50: 2.009, 60: 2.000, 80: 1.990, 100: 1.984, 120: 1.980}
NORMAL_95 = 1.960


def t_critical(df: int) -> float:
    """The two-sided 95% critical value of t with `df` degrees of freedom."""
    if df < 1:
        raise ValueError("t needs at least one degree of freedom")
    if df in T_95:
        return T_95[df]
    if df > 120:
        return NORMAL_95
    below = max(row for row in T_95 if row < df)
    above = min(row for row in T_95 if row > df)
    share = (1 / below - 1 / df) / (1 / below - 1 / above)
    return T_95[below] + share * (T_95[above] - T_95[below])


@dataclass(frozen=True)
class PairedGain:
    n: int
    mean: float
    low: float | None     # None with fewer than two pairs: no interval
    high: float | None

    def as_dict(self, digits: int = 1) -> dict:
        def tidy(value):
            return None if value is None else round(value, digits)
        return {"n": self.n, "mean": tidy(self.mean), "low": tidy(self.low),
                "high": tidy(self.high)}


def paired_gain(pairs: list[tuple[float, float]]) -> PairedGain | None:
    """The mean of after - before over (before, after) pairs, with its 95% interval: mean
    +- t(n-1) * sd / sqrt(n), sd with n - 1. None with no pairs."""
    if not pairs:
        return None
    differences = [after - before for before, after in pairs]
    n = len(differences)
    centre = sum(differences) / n
    if n < 2:
        return PairedGain(n, centre, None, None)
    sd = sqrt(sum((d - centre) ** 2 for d in differences) / (n - 1))
    half = t_critical(n - 1) * sd / sqrt(n)
    return PairedGain(n, centre, centre - half, centre + half)
