# Two commands on a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test serve install install-dev migrate demo lint bench clean messages opensearch opensearch-build

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

# Compile the Vietnamese catalogues in locale/ (.po -> .mo, only those changed);
# the .mo files are build products and never committed.
messages: $(STAMP)
	$(BIN)/python -m portal.catalogues

migrate: $(STAMP) var messages
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	PORT=$(PORT) $(BIN)/python manage.py load_demo

run: demo
	PORT=$(PORT) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

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

test: $(DEV_STAMP) messages
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

# `make opensearch`: a single-node OpenSearch 2.19 on 127.0.0.1:$(OPENSEARCH_PORT), data
# under var/opensearch, in the foreground (Ctrl-C stops it). Needs Java 17 and Maven;
# Maven fetches the node and its modules from Maven Central on first use. Point the
# portal at it with OPENSEARCH_URL=http://127.0.0.1:$(OPENSEARCH_PORT).
OPENSEARCH_PORT ?= 9200
OPENSEARCH_HEAP ?= 512m
OPENSEARCH_JAR := opensearch/target/portal-opensearch-1.0.jar
OPENSEARCH_JAVA = java -Xms$(OPENSEARCH_HEAP) -Xmx$(OPENSEARCH_HEAP) -XX:+UseG1GC \
	-Djava.awt.headless=true -Dfile.encoding=UTF-8 -Dlog4j2.formatMsgNoLookups=true \
	-cp 'opensearch/target/classes:opensearch/target/lib/*' portal.opensearch.Launcher

$(OPENSEARCH_JAR): opensearch/pom.xml $(wildcard opensearch/src/main/java/portal/opensearch/*.java)
	cd opensearch && mvn -q -B package

opensearch-build: $(OPENSEARCH_JAR)

opensearch: $(OPENSEARCH_JAR)
	mkdir -p var/opensearch
	exec $(OPENSEARCH_JAVA) var/opensearch $(OPENSEARCH_PORT)

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) var
