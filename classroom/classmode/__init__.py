"""Class mode: when `make serve` serves the module, students' answers reach the teacher's laptop.

Plain Python that knows nothing of HTTP: store.py keeps lessons, students and their events in
SQLite; catalogue.py is what the laptop knows of the exercises (keys included, from the
project's data, never from a browser), each answering through its kind (classroom/kinds/);
work.py folds and scores the stored responses on read; figures.py adds them up for the class
page, views.py and exports.py show single answers and write the files; live.py keeps the
class's state while the server runs. api.py (resources) and guards.py (middleware) are the thin
web layer; serving.py joins class mode to the classroom server.
"""
