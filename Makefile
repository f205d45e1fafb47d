# Two commands on a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test serve install install-dev migrate demo lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(STAMP)

install: $(STAMP)
install-dev: $(DEV_STAMP)

var:
	mkdir -p var/media

migrate: $(STAMP) var
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo

run: demo
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# `make serve` runs the site as production does (gunicorn, production settings,
# whitenoise-served hashed and compressed static files). For a local run it
# supplies safe defaults that an explicit environment variable overrides:
# ALLOWED_HOSTS=127.0.0.1,localhost, a random SECRET_KEY kept in var/secret_key,
# SECURE_SSL_REDIRECT=0 (plain HTTP on loopback), SERVE_MEDIA=1 (Django serves
# uploads; nginx does in production). Never use these defaults on a public interface.
SERVE_ENV = DJANGO_SETTINGS_MODULE=portal.settings.production \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	SECRET_KEY="$${SECRET_KEY:-$$(cat var/secret_key)}" \
	SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-0}" \
	SERVE_MEDIA="$${SERVE_MEDIA:-1}"

var/secret_key: | var
	umask 077 && $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@

serve: demo var/secret_key
	$(SERVE_ENV) $(BIN)/python manage.py collectstatic --noinput >/dev/null
	$(SERVE_ENV) $(BIN)/gunicorn portal.wsgi:application \
		--bind 127.0.0.1:$(PORT) --workers $${WEB_CONCURRENCY:-3} --threads 2 \
		--access-logfile - --timeout 30

test: $(DEV_STAMP)
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) var
