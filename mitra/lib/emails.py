"""E-mail as one helper: `send(name, to, ctx)` renders three templates and sends after commit.

Templates: `emails/<name>_subject.txt` (one line), `emails/<name>.txt` and `emails/<name>.html`,
rendered in Indonesian unless a language is given. The message goes through Django's configured
mailer (console by default, SMTP from the environment, locmem in tests) once the surrounding
transaction commits, so a rolled-back change never mails anyone.
"""

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def render(name: str, ctx: dict[str, Any], language: str | None = None) -> EmailMultiAlternatives:
    """The message for template `name`, rendered in `language` (default: LANGUAGE_CODE)."""
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"emails/{name}_subject.txt", ctx)
        text = render_to_string(f"emails/{name}.txt", ctx)
        html = render_to_string(f"emails/{name}.html", ctx)
    message = EmailMultiAlternatives(" ".join(subject.split()), text)
    message.attach_alternative(html, "text/html")
    return message


def send(name: str, to: Sequence[str], ctx: dict[str, Any], language: str | None = None) -> None:
    """Render now, send when the current transaction commits (at once outside one)."""
    message = render(name, {"site_url": getattr(settings, "SITE_URL", ""), **ctx}, language)
    message.to = list(to)
    transaction.on_commit(message.send)
