"""The class's live state, which the API's resources share: the store, the teacher's sessions,
the exercises and keys (read again when the site is rebuilt, since a key may be fixed), and
each lesson's figures kept between the class page's refreshes, folded as answers arrive.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from ..errors import AuthoringError
from .appeals import accepted, class_catalogue
from .catalogue import Catalogue
from .figures import LiveFigures
from .handins import students_who_handed_in
from .saving import Saving
from .names import shown_apart
from .people import same_names, waiting_list
from .store import ClassStore
from .teacher import Teacher
from .work import Scorer

FOLD_EVERY = 0.02         # seconds between updates: the refresh waits for at most a small one
WATCHED_SECONDS = 60.0    # figures are kept ready while the class page asked for them this recently


def joined_in(lessons: list[dict], lesson: int, students: dict) -> tuple:
    """The ids of the students who joined while this lesson was the current one."""
    starts = [row["started"] for row in lessons]
    ids = [row["id"] for row in lessons]
    if lesson not in ids:
        return ()
    at = ids.index(lesson)
    until = starts[at + 1] if at + 1 < len(starts) else float("inf")
    return tuple(sid for sid, student in students.items() if starts[at] <= student.joined < until)


class CatalogueUnreadable(Exception):
    """The module's exercise files cannot be read, and no earlier reading to fall back on."""


class LiveClass:
    """What every request of class mode reads and changes, kept while the server runs."""

    def __init__(self, store: ClassStore, teacher: Teacher, project: Path, site_identity=None):
        self.store, self.teacher, self.project = store, teacher, project
        self.site_identity = site_identity or (lambda: None)
        self.saving = Saving(store.path.parent)  # whether answers reach the disk just now
        self._catalogue_for = object()
        self.key_changes = 0  # answers accepted for the class since start (appeals.py)
        self._catalogue: Catalogue | None = None
        self._scorer: Scorer | None = None
        self._lock = threading.Lock()
        self._report_lock = threading.Lock()
        self._folded: dict = {}  # lesson -> ((generation, scorer), LiveFigures)
        self._watched: tuple | None = None  # (lesson, when) the class page last asked
        self._new_events = threading.Event()

    def catalogue(self) -> tuple[Catalogue, Scorer]:
        """The exercises and keys, read again when the site was rebuilt (a key may be fixed)."""
        identity = (self.site_identity(), self.key_changes, self.store.generation)
        with self._lock:
            if self._catalogue is None or identity != self._catalogue_for:
                try:
                    # The class's key: the module's, and the answers accepted for this class.
                    self._catalogue = class_catalogue(Catalogue.load(self.project),
                                                      accepted(self.store))
                except AuthoringError as error:
                    if self._catalogue is None:  # nothing to fall back on
                        raise CatalogueUnreadable(
                            "The module's exercise files cannot be read, so answers cannot be "
                            f"scored: {error}") from None
                    # A half-edited data file: keep scoring with the keys of the site served.
                else:
                    self._scorer = Scorer(self._catalogue)
                self._catalogue_for = identity
            return self._catalogue, self._scorer

    def figures(self, lesson: int) -> LiveFigures:
        """One lesson's figures kept between refreshes, with the events that arrived since read
        (only those), unless data was deleted or the keys changed since. Under _report_lock."""
        catalogue, scorer = self.catalogue()
        at_once = self.store.checkup(lesson).feedback == "at-once"  # which hand-in is marked
        stamp, live = self._folded.get(lesson, (None, None))
        if live is None or stamp != (self.store.generation, id(scorer), at_once):
            live = LiveFigures(catalogue, scorer, at_once)
            self._folded[lesson] = ((self.store.generation, id(scorer), at_once), live)
        live.add(self.store.events(lesson, after=live.last_seq))
        return live

    def report(self, lesson: int, use):
        """`use(report)` for one lesson's work (spreads, open answers, downloads)."""
        with self._report_lock:
            return use(self.figures(lesson).report(shown_apart(self.store.students())))

    def figures_json(self, lesson: int) -> str:
        """The class page's figures as JSON text; the same text while nothing new arrives."""
        self._watched = (lesson, time.monotonic())
        with self._report_lock:
            students = shown_apart(self.store.students())
            return self.figures(lesson).as_json(students, joined_in(self.store.lessons(), lesson,
                                                                    students))

    def class_page_json(self, lesson: int) -> str:
        """What the class page shows of a lesson: the lessons, the check-up's settings and the
        figures, whose JSON text (kept between refreshes) is embedded whole, not rebuilt."""
        members = {"lesson": lesson, "lessons": self.store.lessons(),
                   "checkup": self.store.checkup(lesson).__dict__, "saving": self.saving.status(),
                   "sameName": same_names(self.store), "waiting": waiting_list(self.store)}
        texts = {name: json.dumps(value, ensure_ascii=False) for name, value in members.items()}
        texts["figures"] = self.figures_json(lesson)
        texts["handedIn"] = json.dumps(students_who_handed_in(self.store), ensure_ascii=False)
        texts["now"] = json.dumps(time.time())  # "idle for 6 min" by the laptop's clock
        return "{" + ",".join(f"{json.dumps(name)}:{text}" for name, text in texts.items()) + "}"

    def events_arrived(self) -> None:
        self._new_events.set()

    def keep_figures_ready(self) -> None:
        """Fold new answers into the figures of the lesson the class page shows as they arrive,
        so that its refresh finds them all but ready (it still reads anything newer itself); the
        keys are read first, so the first answer and the first refresh after a restart wait
        for nothing."""
        try:
            self.catalogue()  # before the server answers: the first requests need the keys
        except CatalogueUnreadable:
            pass  # the first request says why they cannot be read
        threading.Thread(target=self._figures_ready_loop, name="class-figures",
                         daemon=True).start()

    def _figures_ready_loop(self) -> None:
        try:
            self._watched = (self.store.current_lesson(), time.monotonic())
            self._new_events.set()  # a restart mid-lesson: ready before the page's first refresh
        except Exception:  # noqa: BLE001 -- the store is closing: the page's refresh says so
            pass
        while True:
            self._new_events.wait()
            self._new_events.clear()
            lesson, asked = self._watched or (None, -WATCHED_SECONDS)
            if time.monotonic() - asked > WATCHED_SECONDS:
                continue  # nobody is looking: the page's next refresh folds them
            try:
                with self._report_lock:
                    self.figures(lesson).update(shown_apart(self.store.students()))
            except Exception:  # noqa: BLE001 -- the page's own refresh then shows the error
                pass
            time.sleep(FOLD_EVERY)
