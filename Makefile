# Entry points named in the README. Each target sets up what it needs, so on a fresh machine
# with Python 3.11+ `make run` and `make test` are all there is to do.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Every absolute URL (sitemaps, feeds, share links) is built from it.
PUBLIC_BASE_URL ?= http://$(HOST):$(PORT)

.PHONY: run test lint format demo install install-test translation-packages clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Hoa Ban needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.stamp-install: $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/pip install --quiet -c requirements.lock -e .
	touch $@

$(VENV)/.stamp-install-test: $(VENV)/.stamp-install
	$(BIN)/pip install --quiet -c requirements.lock -e '.[test]'
	touch $@

install: $(VENV)/.stamp-install

install-test: $(VENV)/.stamp-install-test

demo: install
	if [ -d hoaban/locale ]; then $(BIN)/python manage.py compilemessages --ignore '.venv/*' -v 0; fi
	$(BIN)/python manage.py migrate --no-input -v 0
	$(BIN)/python manage.py load_demo

run: demo
	@echo "The newspaper is at http://$(HOST):$(PORT)/, the platform at http://localhost:$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	PUBLIC_BASE_URL=$(PUBLIC_BASE_URL) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The offline machine translator: Argos Translate and the language packages the editions need
# (FILES=path/to/*.argosmodel installs copies made elsewhere instead of downloading).
translation-packages: install
	$(BIN)/pip install --quiet argostranslate
	$(BIN)/python manage.py install_translation_packages $(FILES)

test: install-test
	scripts/run-tests

lint: install-test
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) var test-output
