# The README's commands. `make help` lists them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# The tests compare our engine with argostranslate, which pulls in torch through Stanza:
# install the CPU build first (on our machines pip takes it from the local wheel cache;
# elsewhere override, e.g. TORCH_SPEC="torch --index-url https://download.pytorch.org/whl/cpu").
# The site itself never needs torch.
TORCH_SPEC ?= torch==2.13.0
export CHM_DATA_DIR ?= $(CURDIR)/data
DEMO_ENV := DEBUG=1
# A production-like environment for `check --deploy`, on an empty data dir: the demo's
# database (Site record at 127.0.0.1:8000) is not the production one the check compares.
DEPLOY_ENV := DEBUG=0 ALLOWED_HOSTS=chm.example.org SITE_URL=https://chm.example.org \
	CHM_DATA_DIR=$$(mktemp -d) \
	SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))')

.DEFAULT_GOAL := help
.PHONY: help install demo serve-prod test test-fast test-postgres lint format messages check-deploy clean bench

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -e '.[demo]'
	touch $@

$(VENV)/.test-installed: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install "$(TORCH_SPEC)"
	$(BIN)/pip install -e '.[test]'
	touch $@

install: $(VENV)/.installed ## Create .venv and install the project

demo: $(VENV)/.installed ## Run the demo site and a worker on http://127.0.0.1:8000
	$(DEMO_ENV) $(MANAGE) migrate --noinput
	$(DEMO_ENV) $(MANAGE) compilemessages --ignore=.venv -v 0
	$(DEMO_ENV) TASKS_IMMEDIATE=1 $(MANAGE) load_demo
	$(DEMO_ENV) $(MANAGE) mt_models build-demo
	$(DEMO_ENV) $(MANAGE) load_demo_notifications
	$(DEMO_ENV) $(MANAGE) load_demo_helpdesk
	$(DEMO_ENV) $(MANAGE) load_demo_reports
	$(DEMO_ENV) $(MANAGE) search_rebuild
	$(DEMO_ENV) $(MANAGE) ensure_admin
	@echo "Starting the web server, the django-q2 worker and the mail sink on 127.0.0.1:8025 (Ctrl-C stops all)…"
	trap 'kill 0' INT TERM EXIT; \
	$(DEMO_ENV) $(MANAGE) mail_sink & \
	$(DEMO_ENV) $(MANAGE) qcluster & \
	$(DEMO_ENV) $(MANAGE) runserver 127.0.0.1:8000

serve-prod: $(VENV)/.installed ## Production profile: gunicorn, PostgreSQL, Redis, two worker clusters
	deploy/serve-prod.sh

lint: $(VENV)/.test-installed ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.test-installed ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: $(VENV)/.installed ## Extract UI messages and fill the six catalogues
	$(DEMO_ENV) $(MANAGE) messages_update
	$(DEMO_ENV) $(MANAGE) compilemessages --ignore=.venv -v 0

check-deploy: $(VENV)/.installed ## Django's deployment checks with production-like settings
	$(DEPLOY_ENV) $(MANAGE) check --deploy --fail-level WARNING

# Tests run on as many workers as there are cores (pytest-xdist; each worker has its own test
# database and, with CHM_DATA_DIR emptied, its own temporary data folder), and report the
# slowest tests so CI logs show where the time goes.
PYTEST_WORKERS ?= auto
PYTEST := CHM_DATA_DIR= $(BIN)/pytest --durations=25
PYTEST_PARALLEL := $(PYTEST) -n $(PYTEST_WORKERS)
FAST_TESTS := not browser and not reliability and not slow

test-fast: $(VENV)/.test-installed ## The quick tests only (no browser, fault-injection or slow ones): a few minutes
	$(DEMO_ENV) $(MANAGE) compilemessages --ignore=.venv -v 0
	$(PYTEST_PARALLEL) -m "$(FAST_TESTS)"

test: $(VENV)/.test-installed lint check-deploy ## Install test needs; every check, and every test on SQLite
	$(DEMO_ENV) $(MANAGE) makemigrations --check --dry-run --noinput
	$(DEMO_ENV) $(MANAGE) compilemessages --ignore=.venv -v 0
	$(PYTEST_PARALLEL) -m "not reliability"
	$(PYTEST) -m reliability

PG_URL ?= postgres://postgres@127.0.0.1:5432/chm
PROD_REDIS_URL ?= redis://127.0.0.1:6379/13
PG_ENV = DATABASE_URL=$${DATABASE_URL:-$(PG_URL)}

# Every test once on PostgreSQL: the reliability and security suites on the production
# profile (PostgreSQL + Redis), one at a time since they start and kill real servers.
test-postgres: $(VENV)/.test-installed ## Every test on PostgreSQL (DATABASE_URL), security and reliability with Redis
	$(DEMO_ENV) $(MANAGE) compilemessages --ignore=.venv -v 0
	$(PG_ENV) $(BIN)/python -m cms.dbcreate
	$(PG_ENV) $(PYTEST_PARALLEL) -m "not reliability and not security"
	$(PG_ENV) REDIS_URL=$${REDIS_URL:-$(PROD_REDIS_URL)} $(PYTEST) -m "reliability or security"

# Every benchmark at a small size, one JSON line each (the figures of record come from the
# full sizes in docs/PERFORMANCE.md; this checks they all still run and shows the shape).
BENCH_SMALL := bench/site.py --pages 300 --duration 5 --workers 2 --connections 4; \
	bench/mt_job.py --pages 5; bench/dispatch.py --recipients 200; bench/search.py --pages 300; \
	bench/odata.py --contacts 1000 --repeat 3; bench/mt_throughput.py --segments 100 --repeat 1; \
	bench/render_cpu.py --sizes 300 3000 --renders 60 --redis-url redis://127.0.0.1:6379/14

bench: $(VENV)/.test-installed ## Every benchmark at a small size: one JSON line per benchmark
	@echo '$(BENCH_SMALL)' | tr ';' '\n' | while read -r script args; do \
		echo "• $$script $$args" >&2; \
		$(BIN)/python $$script $$args 2>&1 | tail -1; \
	done

clean: ## Remove the virtual environment (keeps data/)
	rm -rf $(VENV)
