"""WhiteNoise for the tests: the static files found once per process, not once per test client.

Django's test client loads the middleware anew for every client, and WhiteNoise then lists and
stats every static file of every app (about 200) and builds their headers: some 25 ms a client,
a minute of a full test run. The files do not change while the tests run, so their table is
built by the first client and shared by the later ones with the same apps and static settings
(a test that adds an app, as the API docs' tests add ninja, gets a table of its own).
"""

from typing import Any

from django.conf import settings
from whitenoise.middleware import WhiteNoiseMiddleware


def _static_settings() -> tuple[Any, ...]:
    return (
        tuple(settings.INSTALLED_APPS),
        tuple(str(folder) for folder in settings.STATICFILES_DIRS),
        settings.STATIC_URL,
    )


class WhiteNoiseMiddlewareOnce(WhiteNoiseMiddleware):  # type: ignore[misc]  # untyped base
    _from_finders: dict[tuple[Any, ...], dict[str, Any]] = {}

    def add_files_from_finders(self) -> None:
        key = _static_settings()
        found = self._from_finders.get(key)
        if found is None:
            before = set(self.files)
            super().add_files_from_finders()
            found = {url: self.files[url] for url in set(self.files) - before}
            self._from_finders[key] = found
        for url, static_file in found.items():
            self.files.setdefault(url, static_file)
