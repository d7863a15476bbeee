#!/usr/bin/env bash
# The scale-out profile on one machine: gunicorn web workers, WhiteNoise static files,
# PostgreSQL, Redis (broker and cache), and two django-q2 clusters ("chm" for e-mail,
# indexing and the reconcilers, "mt" for machine translation).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

export DEBUG=0
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/chm}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
export CHM_DATA_DIR="${CHM_DATA_DIR:-$PWD/data-prod}"
export MT_CLUSTER=mt
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-localhost,127.0.0.1}"
# On loopback there is no TLS; behind a TLS proxy set these to 1 (the defaults of DEBUG=0).
export SECURE_SSL_REDIRECT="${SECURE_SSL_REDIRECT:-0}"
export SESSION_COOKIE_SECURE="${SESSION_COOKIE_SECURE:-0}"
export CSRF_COOKIE_SECURE="${CSRF_COOKIE_SECURE:-0}"
PORT="${PORT:-8000}"
WEB_WORKERS="${WEB_WORKERS:-4}"

mkdir -p "$CHM_DATA_DIR"
if [ -z "${SECRET_KEY:-}" ]; then
  key_file="$CHM_DATA_DIR/secret-key.txt"
  [ -f "$key_file" ] || (umask 077; "$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(64))' > "$key_file")
  SECRET_KEY="$(cat "$key_file")"
  export SECRET_KEY
fi

"$BIN/python" -m cms.dbcreate
"$BIN/python" manage.py migrate --noinput
"$BIN/python" manage.py compilemessages --ignore=.venv -v 0
"$BIN/python" manage.py collectstatic --noinput -v 0
[ "${LOAD_DEMO:-1}" = 1 ] && "$BIN/python" manage.py load_demo

trap 'kill 0' INT TERM EXIT
"$BIN/python" manage.py qcluster &
Q_CLUSTER_NAME=mt "$BIN/python" manage.py qcluster &
echo "Production profile on http://127.0.0.1:$PORT/ (database $DATABASE_URL, Redis $REDIS_URL)"
"$BIN/gunicorn" cms.wsgi:application --bind "127.0.0.1:$PORT" --workers "$WEB_WORKERS" \
  --access-logfile - --graceful-timeout 20
