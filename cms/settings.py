"""One settings module for every environment, driven by environment variables.

Defaults give a zero-set-up site on one machine (SQLite, ORM broker, local-memory cache);
`DATABASE_URL` and `REDIS_URL` switch to PostgreSQL and Redis. See `.env.example`.
"""

import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def load_env_file(path: Path) -> None:
    """Read KEY=VALUE lines from `.env`; variables already in the environment win."""
    if not path.is_file():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        os.environ.setdefault(key.strip(), value.strip().strip('"').strip("'"))


load_env_file(Path(os.environ.get("CHM_ENV_FILE", BASE_DIR / ".env")))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
TESTING = "pytest" in sys.modules or env_bool("CHM_TESTING")

if TESTING and not os.environ.get("CHM_DATA_DIR"):
    # Tests never write into a developer's data folder.
    import tempfile

    os.environ["CHM_DATA_DIR"] = tempfile.mkdtemp(prefix="chm-test-")
DATA_DIR = Path(os.environ.get("CHM_DATA_DIR") or BASE_DIR / "data").resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG or TESTING:
        # Development only: a throw-away key so `make demo` needs no set-up.
        SECRET_KEY = "insecure-development-key-never-used-in-production"  # noqa: S105
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DEBUG off the site refuses to start without one: "
            "set SECRET_KEY in the environment (see .env.example), or set DEBUG=1 for development."
        )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL

INSTALLED_APPS = [
    "cms",
    "translation",
    "notifications",
    "helpdesk",
    "api",
    "accounts",
    "reports",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    # Wagtail's user admin with Party and role (accounts/admin_users.py).
    "accounts.apps.UsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_q",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cached anonymous pages are answered here, before the rest of the stack; the stored
    # response already carries the headers the inner middleware added (CSP, frame, language).
    "cms.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "cms.middleware.NulCharacterMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # After password sign-in, a person with a second factor (every staff member with admin
    # access must have one) proves it before going anywhere else.
    "accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.middleware.StorageErrorMiddleware",
    "cms.middleware.DatabaseUnavailableMiddleware",
    # Before the view: a Wagtail admin object key its model cannot have is a 404.
    "cms.middleware.AdminObjectKeyMiddleware",
    # Axes must be last: it reads the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.language",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'chm.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
# Each request's writes are one transaction: a request that fails half-way (a lost database
# connection, a full disk) leaves nothing half-saved. Tasks are enqueued on commit.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web server and the django-q2 worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and queue ------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "cms.redis_cache.PooledRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "chm",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Anonymous page views are cached this long (0 turns the page cache off); any publish
# retires the whole cache at once (cms/page_cache.py).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Each language's menu is kept this long under the page cache's generation (cms/selectors.py),
# by default only when the cache is Redis: the memory cache is per process, so a publish in a
# worker or a management command could not retire the menus another process keeps.
MENU_CACHE_SECONDS = int(os.environ.get("MENU_CACHE_SECONDS", "86400" if REDIS_URL else "0"))

# `manage.py qcluster` (cms/worker_stop.py) kills what is still running this many seconds
# after the cluster's timeout once it was asked to stop, so a deploy never waits longer.
Q_STOP_GRACE = int(os.environ.get("Q_STOP_GRACE", "15"))
Q_CLUSTER = {
    "name": "chm",
    "workers": int(os.environ.get("Q_WORKERS", "2")),
    # timeout < retry, and a bounded number of attempts (FINDINGS.md: django-q2 retries
    # forever by default).
    "timeout": int(os.environ.get("Q_TIMEOUT", "600")),
    "retry": int(os.environ.get("Q_RETRY", "720")),
    "max_attempts": 5,
    "ack_failures": True,
    "catch_up": False,
    "save_limit": 500,
    "label": _("Background tasks"),
    "sync": env_bool("Q_SYNC", False),
    # A second cluster for machine translation, so long MT jobs never delay e-mail and
    # indexing. Start it with `Q_CLUSTER_NAME=mt manage.py qcluster` and set MT_CLUSTER=mt.
    "ALT_CLUSTERS": {
        "mt": {
            "workers": int(os.environ.get("Q_MT_WORKERS", "1")),
            "timeout": int(os.environ.get("Q_MT_TIMEOUT", "1800")),
            "retry": int(os.environ.get("Q_MT_RETRY", "2000")),
        }
    },
}
# The cluster machine-translation tasks go to; empty means the default cluster (demo).
MT_CLUSTER = os.environ.get("MT_CLUSTER") or None
# Named queues → django-q2 cluster (None: the default one); every app enqueues through
# cms/queue.py, which reads this.
TASK_QUEUES = {"default": None, "mt": MT_CLUSTER}
# Wagtail's own background tasks run on the same django-q2 workers (tests run them inline).
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if TESTING or env_bool("TASKS_IMMEDIATE")
        else "cms.tasks_backend.DjangoQ2Backend"
    }
}

if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
else:
    Q_CLUSTER["orm"] = "default"

# --- Authentication and accounts ------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# The public sign-in for Party users; staff use the Wagtail admin's own.
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "account"
LOGOUT_REDIRECT_URL = "/"
# Proxies in front of the site that append to X-Forwarded-For (0: the peer address is the
# client). The one rule for sign-in lockout, API limits and helpdesk limits:
# cms/client_address.py. API_TRUSTED_PROXIES is the name this setting had before.
TRUSTED_PROXIES = int(
    os.environ.get("TRUSTED_PROXIES") or os.environ.get("API_TRUSTED_PROXIES") or "0"
)
# Login throttling: five failures for one account from one client address lock that pair
# for 15 minutes; the same account from any other address still signs in, so a stranger
# cannot lock a user out.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "cms.client_address.client_address"
# Invitation links stay valid this many days; password-reset links this many seconds.
ACCOUNTS_INVITATION_DAYS = int(os.environ.get("ACCOUNTS_INVITATION_DAYS", "14"))
PASSWORD_RESET_TIMEOUT = int(os.environ.get("PASSWORD_RESET_TIMEOUT", str(3 * 24 * 3600)))
# Public account forms (password reset, access requests) per client address and hour.
# Access requests (nominations) are also mailed here, for the Secretariat to verify.
ACCOUNTS_SECRETARIAT_EMAIL = os.environ.get(
    "ACCOUNTS_SECRETARIAT_EMAIL", "secretariat@chm.example.org"
)
ACCOUNTS_FORM_RATE = int(os.environ.get("ACCOUNTS_FORM_RATE", "10"))
# Staff with access to the Wagtail admin must sign in with a second factor (TOTP). On by
# default in production; the demo (DEBUG) and the test run only offer it unless this is set
# (other suites sign staff in with force_login; the accounts tests turn it on).
ACCOUNTS_ADMIN_REQUIRES_2FA = env_bool("ACCOUNTS_ADMIN_REQUIRES_2FA", not (DEBUG or TESTING))
OTP_TOTP_ISSUER = "CBD CHM"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "cms/lockout.html"

# --- Languages --------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", "العربية"),
    ("en", "English"),
    ("es", "Español"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("zh-hans", "中文"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAIL_ALLOW_UNICODE_SLUGS = True
# CHM_LOCALE_DIR lets the catalogue test extract messages into a scratch folder.
LOCALE_PATHS = [Path(os.environ.get("CHM_LOCALE_DIR", BASE_DIR / "locales"))]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")

# --- Static and media -------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
WHITENOISE_USE_FINDERS = DEBUG or TESTING
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
# Files that must never be public (helpdesk attachments) live outside MEDIA_ROOT.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", DATA_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "cms.storage.SafeFileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Uploads: bounded size, allowed types only.
MAX_UPLOAD_MB = int(os.environ.get("MAX_UPLOAD_MB", "20"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = MAX_UPLOAD_MB * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "csv", "txt", "zip"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every upload goes through cms.uploads (content sniffing, no markup, no archive bombs).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.document_form.CheckedDocumentForm"

# --- Wagtail ------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Clearing-House Mechanism — CBD"
# Per-language stemming on PostgreSQL; Wagtail's database backend elsewhere.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search_backend"}}
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# --- Mail -------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "127.0.0.1")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "8025"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "CBD Secretariat <secretariat@chm.example.org>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security ---------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # Wagtail's admin JavaScript reads the token.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Wagtail's live preview shows the page in a same-origin frame, so DENY would break it.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
if not DEBUG and not TESTING:
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content Security Policy (django-csp 4). Wagtail's admin needs inline styles and scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "font-src": ["'self'", "data:"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# --- Machine translation ----------------------------------------------------------------
MT_MODELS_DIR = Path(os.environ.get("MT_MODELS_DIR", DATA_DIR / "mt-models"))

# --- Helpdesk ---------------------------------------------------------------------------
# SLA clocks count business hours of the Secretariat (Montreal), Monday to Friday.
HELPDESK_TIME_ZONE = os.environ.get("HELPDESK_TIME_ZONE", "America/Montreal")
HELPDESK_BUSINESS_HOURS = tuple(
    int(hour) for hour in os.environ.get("HELPDESK_BUSINESS_HOURS", "9-17").split("-")
)
HELPDESK_ATTACHMENT_MAX_MB = int(os.environ.get("HELPDESK_ATTACHMENT_MAX_MB", "10"))
# Where requesters' e-mail replies go; the IMAP poller reads that mailbox when configured.
HELPDESK_REPLY_TO = os.environ.get("HELPDESK_REPLY_TO", "")
HELPDESK_IMAP_HOST = os.environ.get("HELPDESK_IMAP_HOST", "")
HELPDESK_IMAP_PORT = int(os.environ.get("HELPDESK_IMAP_PORT", "993"))
HELPDESK_IMAP_SSL = env_bool("HELPDESK_IMAP_SSL", True)
HELPDESK_IMAP_USER = os.environ.get("HELPDESK_IMAP_USER", "")
HELPDESK_IMAP_PASSWORD = os.environ.get("HELPDESK_IMAP_PASSWORD", "")
HELPDESK_IMAP_FOLDER = os.environ.get("HELPDESK_IMAP_FOLDER", "INBOX")
# Anonymous contact form: submissions per address and hour.
HELPDESK_CONTACT_RATE = int(os.environ.get("HELPDESK_CONTACT_RATE", "5"))
HELPDESK_LINK_CHECK_TIMEOUT = float(os.environ.get("HELPDESK_LINK_CHECK_TIMEOUT", "10"))

# --- Translation workflow (translation app) -----------------------------------------------
# Segments per engine call; a job commits after each batch, so a crash loses at most one.
MT_BATCH_SIZE = int(os.environ.get("MT_BATCH_SIZE", "32"))
# Optional pause (seconds) between batches, to keep a shared machine responsive.
MT_BATCH_PAUSE = float(os.environ.get("MT_BATCH_PAUSE", "0"))
# A running job whose heartbeat is older than this is re-enqueued by the reconciler.
MT_JOB_STALE_SECONDS = int(os.environ.get("MT_JOB_STALE_SECONDS", "300"))

# --- API ---------------------------------------------------------------------------------
# Requests per API_RATE_WINDOW seconds, per client address and per token (issue 7).
API_RATE_LIMIT_IP = int(os.environ.get("API_RATE_LIMIT_IP", "300"))
API_RATE_LIMIT_TOKEN = int(os.environ.get("API_RATE_LIMIT_TOKEN", "1200"))
API_RATE_WINDOW = int(os.environ.get("API_RATE_WINDOW", "60"))
# Swagger UI at /api/v1/docs from our own static files: the CSP allows no CDN.
INSTALLED_APPS.append("ninja")

# --- Notifications (focal points, numbered notifications, dispatch) ---------------------
# Back-off for SMTP 4xx answers: base * 2^(attempt-1), capped at a day; after
# NOTIFICATIONS_MAX_ATTEMPTS tries the delivery fails.
NOTIFICATIONS_RETRY_BASE_SECONDS = int(os.environ.get("NOTIFICATIONS_RETRY_BASE_SECONDS", "300"))
NOTIFICATIONS_MAX_ATTEMPTS = int(os.environ.get("NOTIFICATIONS_MAX_ATTEMPTS", "6"))
# A delivery left `sending` this long is marked `unconfirmed` (never resent on its own).
NOTIFICATIONS_SENDING_STALE_SECONDS = int(
    os.environ.get("NOTIFICATIONS_SENDING_STALE_SECONDS", "600")
)
NOTIFICATIONS_QUEUED_STALE_SECONDS = int(
    os.environ.get("NOTIFICATIONS_QUEUED_STALE_SECONDS", "600")
)
NOTIFICATIONS_REMINDER_DAYS = int(os.environ.get("NOTIFICATIONS_REMINDER_DAYS", "7"))
NOTIFICATIONS_REMINDER_MIN_INTERVAL_DAYS = int(
    os.environ.get("NOTIFICATIONS_REMINDER_MIN_INTERVAL_DAYS", "3")
)
# Dispatch claims this many deliveries per transaction and records SMTP answers every
# NOTIFICATIONS_RECORD_EVERY messages (a crash leaves at most that many `unconfirmed`).
NOTIFICATIONS_CLAIM_BATCH = int(os.environ.get("NOTIFICATIONS_CLAIM_BATCH", "50"))
NOTIFICATIONS_RECORD_EVERY = int(os.environ.get("NOTIFICATIONS_RECORD_EVERY", "10"))
# Provider webhooks (Anymail's normalized tracking events) at /anymail/<esp>/tracking/.
INSTALLED_APPS.append("anymail")
ANYMAIL = {
    "WEBHOOK_SECRET": os.environ.get("ANYMAIL_WEBHOOK_SECRET", ""),
    "MAILGUN_WEBHOOK_SIGNING_KEY": os.environ.get("MAILGUN_WEBHOOK_SIGNING_KEY", ""),
}
