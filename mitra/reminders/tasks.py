"""`mitra remind` as a background task for the django-tasks-db worker, for installations that
run `mitra db_worker` instead of cron: the task runs the reminders and queues itself again for
the next morning, so one `mitra remind --schedule` keeps it going.
"""

from datetime import datetime, time, timedelta

from django.tasks import task
from django.utils import timezone

from mitra.implementation.recurring import generate_due_obligations
from mitra.reminders import services

MORNING = time(6, 0)


def next_morning(now: datetime) -> datetime:
    """06:00 local time on the day after `now`."""
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, MORNING))


@task()
def remind_daily() -> str:
    """Create the recurring obligations' tasks and today's reminders, send the digests, then queue
    the next run for tomorrow morning."""
    now = timezone.now()
    generate_due_obligations(timezone.localdate(now))
    created = services.collect_reminders(timezone.localdate(now))
    outcome = services.send_digests(now)
    remind_daily.using(run_after=next_morning(now)).enqueue()
    return f"{created} created, {outcome.reminders} sent in {outcome.emails} e-mails"
