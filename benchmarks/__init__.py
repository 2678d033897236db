"""`make bench`: measure the module on this machine and print one table of figures and targets.

Five parts, each a plain function in a module of its own:

- build.py       the full build against a bare Material build of the same Markdown
- weight.py      bytes a first visit transfers, and the size of the module's own JS and CSS
- lighthouse.py  Lighthouse scores (pinned, installed into .bench/ on first use)
- latency.py     time from a learner's Check to feedback on screen
- load.py        the classroom server under a full class of simulated students

Everything is built into temporary folders and served on 127.0.0.1 only. The run exits 0 when
a target is missed (it is a measurement) and non-zero when a part could not be measured.
"""
