from django.http import HttpRequest

from mitra.reminders.access import reminders_for_user


def notifications(request: HttpRequest) -> dict[str, object]:
    """The unread count for the top bar: one query, and none for anonymous visitors."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_reminders": reminders_for_user(request).unread().count()}
