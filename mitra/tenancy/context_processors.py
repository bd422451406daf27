from django.http import HttpRequest

from mitra.tenancy.access import can_write

# The apps whose pages sit under the navigation's "More" menu (it is marked current on them).
MORE_MENU_APPS = ("staff", "tenancy", "portal", "imports", "api_tokens")


def tenancy(request: HttpRequest) -> dict[str, object]:
    return {
        "tenant": getattr(request, "tenant", None),
        "membership": getattr(request, "membership", None),
        "can_write": can_write(request),
        "more_apps": MORE_MENU_APPS,
    }
