# Weighing Health Claims. `make serve` for a classroom, `make test` for the whole test suite.
# Everything installs into .venv from the pinned requirements on first use.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000
HOST   ?= 0.0.0.0
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build preview pack worksheets test check bench chromium clean new-case new-exercise

serve: build  ## build, then serve the site to the classroom network
	$(PY) -m classroom.server --dir site --host='$(HOST)' --port='$(PORT)'

build: $(VENV)/.installed  ## the static site, strict: any warning is shown and stops it
	$(PY) -m classroom.build

preview: $(VENV)/.installed  ## live-reloading preview for authors, on this computer only
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:$(PORT)

pack: build  ## zips for USB sticks in dist/: the whole module, and a student edition without the teachers' pages
	$(PY) -m classroom.pack --dir site --out dist/weighing-health-claims.zip --students-out dist/weighing-health-claims-students.zip

worksheets: $(VENV)/.installed-test chromium  ## paper worksheets as PDFs in dist/worksheets/, keys in its for-teachers/
	$(PY) -m classroom.worksheets --out dist/worksheets

test: $(VENV)/.installed-test chromium  ## the whole test suite, in real Chromium, on every core
	$(PY) -m pytest -n auto

new-case: $(VENV)/.installed  ## stub files, page and nav entry for a case: make new-case NAME=my-clinic
	$(PY) -m classroom.scaffold case '$(NAME)'

new-exercise: $(VENV)/.installed  ## a stub exercise: make new-exercise ID=my-clinic-claims KIND=mark-claims CASE=my-clinic [PAGE=practice/my-clinic.md]
	$(PY) -m classroom.scaffold exercise '$(ID)' '$(KIND)' '$(CASE)' '$(PAGE)'

check: $(VENV)/.installed-test  ## the unit and API layers (data, loader, scorers, templates, class mode in-process): seconds, no browser
	$(PY) -m pytest tests/unit tests/api -q

bench: $(VENV)/.installed-test chromium  ## measure build, weight, Lighthouse, latency, load; writes benchmarks/RESULTS.md
	$(PY) -m benchmarks --write benchmarks/RESULTS.md

chromium:  ## the system browser the tests drive (Debian's package)
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Chromium (apt-get install -y chromium)"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; }

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

clean:
	rm -rf site .site-builds dist .pytest_cache
