"""The one way to a user's reminders: their own, in the tenant they act for (or the centre's)."""

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from mitra.reminders.models import Reminder, ReminderQuerySet
from mitra.tenancy.access import acting_user


def reminders_for_user(request: HttpRequest) -> ReminderQuerySet:
    """The signed-in user's reminders for the tenant they act for, plus tenant-less ones."""
    tenant = getattr(request, "tenant", None)
    scope = (
        Q(tenant__isnull=True) | Q(tenant=tenant) if tenant is not None else Q(tenant__isnull=True)
    )
    return Reminder.objects.filter(scope, recipient=acting_user(request))


def unread_count() -> Coalesce:
    """A membership's unread reminders, as an expression over Membership: those of its tenant
    and the tenant-less ones, as `reminders_for_user` reads them for the tenant acted for."""
    unread = Reminder.objects.filter(recipient=OuterRef("user"), read_at=None).filter(
        Q(tenant__isnull=True) | Q(tenant=OuterRef("tenant"))
    )
    counted = unread.order_by().values("recipient").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def get_reminder_for_user(request: HttpRequest, pk: int) -> Reminder:
    """One of the user's reminders; 404 for anyone else's, as for one that does not exist."""
    return get_object_or_404(reminders_for_user(request), pk=pk)
