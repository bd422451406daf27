"""Reminders: one row per thing to tell someone of, in one window; sent once, read in the app.

Most are due on a day and written by the daily run (tasks due, documents ending ...); some are
news written at once by the service where it happens (a task given to someone, a central review
decided: `mitra/reminders/notices.py`). A row's title is rendered when it is shown, from `kind`,
`window` and `params`, so the digest e-mail reads in Indonesian while the notification page
follows the language the user chose. The title says what happened; the cooperation it concerns
(`params["cooperation"]`) and the time are shown beside it.
"""

import functools
from collections.abc import Callable
from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from mitra.cooperations.models import Consideration
from mitra.cooperations.workflow import ReviewKind
from mitra.lib.formatting import long_date


class ReminderQuerySet(models.QuerySet["Reminder"]):
    def unsent(self, now: Any) -> "ReminderQuerySet":
        """Rows due by `now` that no run has claimed yet (served by the partial index)."""
        return self.filter(sent_at=None, due_at__lte=now)

    def unread(self) -> "ReminderQuerySet":
        return self.filter(read_at=None)


class Reminder(models.Model):
    """Something a person must be told about, once per (recipient, kind, subject, window).

    `window` names the stretch of time the reminder belongs to ("due:2026-11-30", "90:2027-02-01",
    "week:2026-W48"), never the day of the run: a run after missed days finds the same window and
    creates what is missing, and a second run finds the row already there.
    """

    class Kind(models.TextChoices):
        TASK_DUE = "task_due", gettext_lazy("task due or overdue")
        TASK_OVERDUE_ESCALATION = (
            "task_overdue_escalation",
            gettext_lazy("overdue task (leadership)"),
        )
        DOCUMENT_EXPIRING = "document_expiring", gettext_lazy("document ending")
        RENEWAL_IN_PROGRESS = "renewal_in_progress", gettext_lazy("renewal in progress")
        REVIEW_WAITING = "review_waiting", gettext_lazy("review request waiting")
        NEEDS_FOLLOW_UP = "needs_follow_up", gettext_lazy("cooperation needs follow-up")
        DORMANT_AGREEMENT = "dormant_agreement", gettext_lazy("dormant agreement (leadership)")
        TASK_ASSIGNED = "task_assigned", gettext_lazy("task given to you")
        REVIEW_DECIDED = "review_decided", gettext_lazy("central review decided")
        CONSIDERATION_RECORDED = (
            "consideration_recorded",
            gettext_lazy("team's consideration recorded"),
        )

    # Null for central reviewers (Kemendagri), who belong to no tenant.
    tenant = models.ForeignKey(
        "tenancy.Tenant",
        verbose_name=gettext_lazy("tenant"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("recipient"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    kind = models.CharField(gettext_lazy("kind"), max_length=30, choices=Kind.choices)
    subject = models.CharField(gettext_lazy("about"), max_length=60)  # "followups.task:12"
    window = models.CharField(gettext_lazy("window"), max_length=40)
    params = models.JSONField(gettext_lazy("details"), default=dict)
    url = models.CharField(gettext_lazy("link"), max_length=300)
    due_at = models.DateTimeField(gettext_lazy("due at"))
    created_at = models.DateTimeField(gettext_lazy("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(gettext_lazy("sent at"), null=True, blank=True)
    read_at = models.DateTimeField(gettext_lazy("read at"), null=True, blank=True)

    objects = ReminderQuerySet.as_manager()

    class Meta:
        verbose_name = gettext_lazy("reminder")
        verbose_name_plural = gettext_lazy("reminders")
        ordering = ["-due_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "subject", "window"], name="reminder_once_per_window"
            )
        ]
        indexes = [
            # In the order the daily run claims them (`services.claim_batch`): each batch reads
            # its few hundred rows off the index instead of sorting every unsent row.
            models.Index(
                fields=["due_at", "id"],
                condition=models.Q(sent_at=None),
                name="reminder_unsent_idx",
            ),
            models.Index(fields=["recipient", "read_at"], name="reminder_recipient_read_idx"),
            models.Index(fields=["subject", "window"], name="reminder_subject_window_idx"),
        ]

    def __str__(self) -> str:
        return str(self.get_kind_display())

    @property
    def title(self) -> str:
        """What happened, in one sentence in the active language."""
        return reminder_title(self.kind, self.params, self.window)

    @property
    def cooperation(self) -> str:
        """The title of the cooperation it concerns, as it was when written; "" for none."""
        return str(self.params.get("cooperation") or "")


def reminder_title(kind: str, params: dict[str, Any], window: str) -> str:
    """A reminder's title from its plain values (the digest reads them without a model)."""
    return TITLES[kind](params, window)


def _day(iso: str) -> str:
    return _long_date(iso, get_language())


@functools.lru_cache(maxsize=4096)
def _long_date(iso: str, language: str | None) -> str:
    """A day in words, once per day and language (a first national digest run words 250,000
    dates, most of them the same few hundred days; each through Babel takes ~50 µs)."""
    return long_date(date.fromisoformat(iso))


def _task(p: dict[str, Any], window: str) -> str:
    values = {"task": p["task"], "date": _day(p["due_date"])}
    if window.startswith("overdue"):
        return _("Task “%(task)s” was due on %(date)s.") % values
    return _("Task “%(task)s” is due on %(date)s.") % values


def _escalation(p: dict[str, Any], window: str) -> str:
    return _("Task “%(task)s” of %(assignee)s has been overdue since %(date)s.") % {
        "task": p["task"],
        "assignee": p["assignee"],
        "date": _day(p["due_date"]),
    }


def _document(p: dict[str, Any], window: str) -> str:
    return _("“%(document)s” ends on %(date)s.") % {
        "document": p["document"],
        "date": _day(p["valid_until"]),
    }


def _renewal(p: dict[str, Any], window: str) -> str:
    return _("Its renewal is still in progress.")


def _review(p: dict[str, Any], window: str) -> str:
    return _("The review request from %(tenant)s has waited since %(date)s.") % {
        "tenant": p["tenant"],
        "date": _day(p["opened_on"]),
    }


def _follow_up(p: dict[str, Any], window: str) -> str:
    return _("It needs follow-up: %(reasons)s.") % {"reasons": "; ".join(p["reasons"])}


def _dormant(p: dict[str, Any], window: str) -> str:
    return _("It is dormant. Promised: %(promised)s. Missing: %(missing)s.") % {
        "promised": "; ".join(p.get("promised", [])) or "—",
        "missing": "; ".join(p.get("missing", [])) or "—",
    }


def _assigned(p: dict[str, Any], window: str) -> str:
    values = {"task": p["task"], "date": _day(p["due_date"]), "by": p.get("by")}
    if values["by"]:
        return _("%(by)s gave you the task “%(task)s”, due %(date)s.") % values
    return _("You were given the task “%(task)s”, due %(date)s.") % values


def _decided(p: dict[str, Any], window: str) -> str:
    values = {"kind": _review_kind(p["review"]), "note": p.get("note") or ""}
    if p["status"] == "returned":
        return _("Kemendagri returned the %(kind)s: “%(note)s”") % values
    if p["status"] == "refused":
        return _("Kemendagri refused the %(kind)s: “%(note)s”") % values
    return _("Kemendagri approved the %(kind)s.") % values


def _considered(p: dict[str, Any], window: str) -> str:
    values = {"recommendation": _recommendation(p["recommendation"]), "note": p.get("note")}
    if values["note"]:
        return _("The team (TKKSD) recommends: %(recommendation)s. “%(note)s”") % values
    return _("The team (TKKSD) recommends: %(recommendation)s.") % values


def _recommendation(value: str) -> str:
    choices = Consideration.Recommendation
    return str(choices(value).label) if value in choices.values else value


def _review_kind(kind: str) -> str:
    return str(ReviewKind(kind).label) if kind in ReviewKind.values else kind


TITLES: dict[str, Callable[[dict[str, Any], str], str]] = {
    Reminder.Kind.TASK_DUE: _task,
    Reminder.Kind.TASK_OVERDUE_ESCALATION: _escalation,
    Reminder.Kind.DOCUMENT_EXPIRING: _document,
    Reminder.Kind.RENEWAL_IN_PROGRESS: _renewal,
    Reminder.Kind.REVIEW_WAITING: _review,
    Reminder.Kind.NEEDS_FOLLOW_UP: _follow_up,
    Reminder.Kind.DORMANT_AGREEMENT: _dormant,
    Reminder.Kind.TASK_ASSIGNED: _assigned,
    Reminder.Kind.REVIEW_DECIDED: _decided,
    Reminder.Kind.CONSIDERATION_RECORDED: _considered,
}
