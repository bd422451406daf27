"""`mitra daily` as a background task for the django-tasks-db worker, for installations that
run `mitra db_worker` instead of cron: the task runs the whole daily work (advance, obligations,
reminders) and queues itself again for the next morning, so one `mitra daily --schedule` keeps it
going. (`remind_daily` keeps its name so runs already queued by an older version still resolve.)
"""

from datetime import datetime, time, timedelta
from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandParser
from django.tasks import task
from django.utils import timezone

MORNING = time(6, 0)


def next_morning(now: datetime) -> datetime:
    """06:00 local time on the day after `now`."""
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, MORNING))


@task()
def remind_daily() -> str:
    """Run `mitra daily` (advance, obligations, reminders), then queue the next run for tomorrow
    morning. Returns the steps' summary lines."""
    now = timezone.now()
    out = StringIO()
    call_command("daily", stdout=out, stderr=out)
    remind_daily.using(run_after=next_morning(now)).enqueue()
    return out.getvalue().strip()


def add_schedule_option(parser: CommandParser) -> None:
    parser.add_argument(
        "--schedule",
        action="store_true",
        help="queue a daily run for the django-tasks-db worker (`mitra db_worker`) instead",
    )


def queue_daily() -> str:
    """Queue the daily work for the worker; the line saying so."""
    result = remind_daily.enqueue()
    return f"daily: run queued for the worker (task {result.id})"
