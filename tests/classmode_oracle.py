"""The class page's figures built from scratch from every event of a lesson: what LiveFigures
(classroom/classmode/figures.py), which keeps them between refreshes, must always equal."""

from __future__ import annotations

from collections import Counter

from classroom.classmode.figures import entry_from_totals, tally
from classroom.classmode.work import Report, help_order


class ReportFromScratch(Report):
    def students(self) -> list[dict]:
        return sorted((self.student_row(sid) for sid in self.work),
                      key=lambda row: row["name"].casefold())

    def help(self) -> list[dict]:
        return help_order([row for sid in self.work for row in self.help_rows(sid)])

    def items(self) -> list[dict]:
        return [self.exercise_entry(exercise) for exercise in self.catalogue.exercises.values()]

    def exercise_entry(self, exercise) -> dict:
        """An exercise's figures, added up from each student's part."""
        parts = [self.student_part(exercise, w[exercise.id])
                 for w in self.work.values() if exercise.id in w]
        totals: Counter = Counter()
        reasons: dict = {}
        for part in parts:
            totals.update(tally(exercise, part, reasons))
        return entry_from_totals(exercise, totals, reasons, len(parts))
