"""Class mode: when `make serve` serves the module, students' answers reach the teacher's laptop.

Plain Python that knows nothing of HTTP: store.py keeps lessons, students and their events in
SQLite; catalogue.py is what the laptop knows of the exercises (keys included, from the
project's data, never from a browser); reports.py scores the stored responses on read and
builds what the class page, the CSV and the xAPI file show. api.py is the thin web layer.
"""
