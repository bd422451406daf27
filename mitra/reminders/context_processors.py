from django.http import HttpRequest

from mitra.reminders.access import reminders_for_user


def notifications(request: HttpRequest) -> dict[str, object]:
    """The unread count for the top bar: read with the membership (`unread_count`, no query of
    its own), else one query; none for anonymous visitors."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    counted = getattr(getattr(request, "membership", None), "unread_reminders", None)
    if counted is not None:
        return {"unread_reminders": counted}
    return {"unread_reminders": reminders_for_user(request).unread().count()}
