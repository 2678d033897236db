"""`make bench`: measure the module on this machine; one table of figures and targets.

Six parts, each a plain function in a module of its own:

- build.py       the full build against a bare Material build of the same Markdown
- weight.py      bytes a first visit transfers, and the size of the module's own JS and CSS
- lighthouse.py  Lighthouse scores beside the bare build: a report, with no target
- latency.py     time from a learner's Check to feedback on screen
- load.py        the classroom server under a full class of simulated students
- classmode.py   class mode under 60 and 300 students sending answers, the class page polling

Everything is built into temporary folders and served on 127.0.0.1 only. The run exits 0 when
a target is missed (it is a measurement) and non-zero when a part could not be measured.
Method and targets: benchmarks/README.md.
"""
