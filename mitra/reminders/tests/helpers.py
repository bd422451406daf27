"""Small helpers for reminder tests: a fixed day, tasks straight in the table."""

from datetime import date, timedelta

from mitra.followups.models import Task

TODAY = date(2026, 11, 23)


def make_task(tenant, assignee, due_in_days, **fields):
    fields.setdefault("title", f"Send the draft {due_in_days}")
    return Task.objects.create(
        tenant=tenant, assignee=assignee, due_date=TODAY + timedelta(days=due_in_days), **fields
    )


def with_email(user):
    user.email = f"{user.username}@example.go.id"
    user.save(update_fields=["email"])
    return user
