"""Settings for Mitra. Every installation setting comes from an environment variable (.env.example)."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from mitra.lib.env import envbool, envint, envlist, envsecret, envstr
from mitra.lib.objectstore import file_storage

django_stubs_ext.monkeypatch()  # lets ModelAdmin[Model] and QuerySet[Model] work at run time

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = envbool("DEBUG", False)
SECRET_KEY = envsecret("SECRET_KEY", debug=DEBUG, dev_default="mitra-development-only-not-secret")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "mitra.tenancy.admin_site.MitraAdminConfig",  # django.contrib.admin, its site ours
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "ninja",
    "mitra.tenancy",
    "mitra.accounts",
    "mitra.regions",
    "mitra.partners",
    "mitra.cooperations",
    "mitra.audit",
    "mitra.downloads",
    "mitra.reviews",
    "mitra.followups",
    "mitra.events",
    "mitra.staff",
    "mitra.reminders",
    "mitra.dashboard",
    "mitra.pipeline",
    "mitra.implementation",
    "mitra.intake",
    "mitra.reports",
    "mitra.imports",
    "mitra.api",
    "mitra.portal",
    "mitra.demo",
    "mitra.tenancy.admin_site.BackgroundJobsConfig",  # django_tasks_db, named in Indonesian
    "mitra.tenancy.admin_site.SignInProtectionConfig",  # axes, named in Indonesian
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "mitra.accounts.middleware.NoSharedCachingOfCookies",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "mitra.accounts.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "mitra.accounts.middleware.RefuseControlCharactersMiddleware",
    "mitra.tenancy.middleware.TenantMiddleware",
    "mitra.regions.middleware.TenantZoneMiddleware",
    # Last, so it answers a locked-out login (or API token) attempt with Mitra's own page.
    "axes.middleware.AxesMiddleware",
]

# Background tasks run by `mitra db_worker` from the database queue (no broker).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mitra.tenancy.context_processors.tenancy",
                "mitra.reminders.context_processors.notifications",
            ],
            # Dates, numbers and money, and the audit trail's labels, in every template.
            "builtins": ["mitra.lib.templatetags", "mitra.audit.templatetags.audit_trail"],
        },
    },
]

# Django's form and widget templates through Jinja2, three times faster (mitra/lib/forms.py).
FORM_RENDERER = "mitra.lib.forms.FormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        envstr("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and not envbool(
    "DATABASE_JIT", False
):
    # PostgreSQL's JIT compiles a heavy query before running it: on Mitra's pages (many short
    # queries over indexed rows) that cost 25-134 ms a page and a third of the dashboard's
    # throughput on 2 cores (issue 15's measurements), and gained nothing. DATABASE_JIT=true
    # leaves the server's own setting.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Take the write lock when a transaction starts, so concurrent writers queue up instead of
    # failing with "database is locked" halfway through (SQLite's default is DEFERRED).
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
# A streaming replica of the primary for the reads of read-only requests (mitra/lib/replicas.py,
# docs/scaling.md). It is read only while at most DATABASE_REPLICA_MAX_LAG seconds behind, and a
# browser that wrote reads the primary for that long, so people always see their own changes.
MITRA_REPLICA_MAX_LAG = envint("DATABASE_REPLICA_MAX_LAG", 5)
# Costly pages (the dashboard) keep their figures in the process until the tenant's data changes
# (`mitra/lib/tenant_changes.py`); the change count lives in the database, so every server sees a
# write made through any other.
MITRA_REMEMBER_FIGURES = True
if _replica_url := envstr("DATABASE_REPLICA_URL", ""):
    DATABASES["replica"] = dj_database_url.parse(
        _replica_url,
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
    if not envbool("DATABASE_JIT", False):
        DATABASES["replica"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
    # A replica that does not answer must not hold a page up for long: it is skipped.
    DATABASES["replica"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 3)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["mitra.lib.replicas.ReplicaRouter"]
    MIDDLEWARE.insert(
        MIDDLEWARE.index("mitra.accounts.middleware.NoSharedCachingOfCookies") + 1,
        "mitra.lib.replicas.ReadFromReplicaMiddleware",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes comes first: it refuses a locked-out attempt before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login sessions in the database, so every web server knows whoever logged in on any of them.
# Nothing is kept in one process's memory or on its disk that another server's write could make
# stale (no cache is used; the pages' kept figures are keyed on a count in the database), so
# servers can be added behind a load balancer (docs/scaling.md).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Django's date formats (the admin, a date left unformatted) as Mitra's tables write dates.
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = envstr("TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded and generated files: the folder MEDIA_ROOT, or an S3-compatible bucket when
# MITRA_S3_BUCKET is set, so that several web servers share them (mitra/lib/objectstore.py).
STORAGES = {
    "default": file_storage(
        bucket=envstr("MITRA_S3_BUCKET", ""),
        endpoint_url=envstr("MITRA_S3_ENDPOINT_URL", ""),
        region=envstr("MITRA_S3_REGION", ""),
        access_key_id=envstr("MITRA_S3_ACCESS_KEY_ID", ""),
        secret_access_key=envstr("MITRA_S3_SECRET_ACCESS_KEY", ""),
        prefix=envstr("MITRA_S3_PREFIX", ""),
        addressing_style=envstr("MITRA_S3_ADDRESSING_STYLE", ""),
    ),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(envstr("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "media/"
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
MITRA_UPLOAD_MAX_BYTES = envint("MITRA_UPLOAD_MAX_MB", 20) * 1024 * 1024

_EMAIL_BACKEND = envstr("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
_SMTP_OPTIONS = {
    "host": envstr("EMAIL_HOST", "localhost"),
    "port": envint("EMAIL_PORT", 25),
    "username": envstr("EMAIL_HOST_USER", ""),
    "password": envstr("EMAIL_HOST_PASSWORD", ""),
    "use_tls": envbool("EMAIL_USE_TLS", False),
}
MAILERS = {
    "default": {
        "BACKEND": _EMAIL_BACKEND,
        "OPTIONS": _SMTP_OPTIONS if _EMAIL_BACKEND.endswith("smtp.EmailBackend") else {},
    }
}
# The address people use to reach Mitra, for links in e-mails ("https://mitra.makassarkota.go.id").
SITE_URL = envstr("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "Mitra <mitra@localhost>")

# HTTPS. SECURE_COOKIES says the site is served over HTTPS; the redirect and HSTS follow it
# unless set on their own. A DEBUG run on http://127.0.0.1:8000 leaves all of them off.
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Behind a reverse proxy that terminates HTTPS and sets X-Forwarded-Proto and X-Forwarded-For.
BEHIND_PROXY = envbool("BEHIND_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", SESSION_COOKIE_SECURE)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31_536_000 if SESSION_COOKIE_SECURE else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", SECURE_HSTS_SECONDS > 0)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)

# Login throttling (django-axes, counted in the database so every gunicorn worker sees the same
# numbers): an account is locked from one address after LOGIN_FAILURE_LIMIT wrong passwords,
# an address for every account after LOGIN_ADDRESS_FAILURE_LIMIT failures, and an address for
# API tokens after API_TOKEN_FAILURE_LIMIT wrong tokens, each for LOGIN_LOCKOUT_MINUTES after
# the last failure. mitra/accounts/throttling.py applies the three limits.
AXES_HANDLER = "mitra.accounts.throttling.LoginAttempts"
AXES_FAILURE_LIMIT = "mitra.accounts.throttling.failure_limit"
MITRA_LOGIN_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", 5)
MITRA_LOGIN_ADDRESS_FAILURE_LIMIT = envint("LOGIN_ADDRESS_FAILURE_LIMIT", 20)
MITRA_API_TOKEN_FAILURE_LIMIT = envint("API_TOKEN_FAILURE_LIMIT", 20)
AXES_COOLOFF_TIME = timedelta(minutes=envint("LOGIN_LOCKOUT_MINUTES", 15))
# The order matters: LoginAttempts reads the account's count first, then the address's.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "mitra.accounts.throttling.client_address"
AXES_USERNAME_CALLABLE = "mitra.accounts.throttling.attempted_username"
AXES_LOCKOUT_CALLABLE = "mitra.accounts.throttling.locked_out"
AXES_VERBOSE = False

# Every script, style, font and image comes from Mitra itself (vendored, no CDN); nothing inline.
# Leaflet's vector layers are drawn as inline SVG, which counts as 'self'; its marker icons and
# htmx's request indicator use files, never style attributes or inline <style> blocks; htmx is told
# (templates/base.html) neither to add its indicator <style> nor to copy style attributes when it
# settles a swap.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "INFO")},
    # Django's own loggers print through the root handler only, not a second time.
    "loggers": {
        "django": {"handlers": [], "propagate": True},
        # WeasyPrint reports every layout step at INFO; only its warnings matter.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # django-axes logs every successful login at INFO; failures and lockouts are warnings.
        "axes": {"level": "WARNING"},
    },
}
