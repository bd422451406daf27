from django.http import HttpRequest

from mitra.tenancy.access import can_write


def tenancy(request: HttpRequest) -> dict[str, object]:
    return {
        "tenant": getattr(request, "tenant", None),
        "membership": getattr(request, "membership", None),
        "can_write": can_write(request),
    }
