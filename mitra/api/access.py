"""Reads of API tokens: a user sees and revokes only their own (anybody else's answers 404)."""

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from mitra.api.models import ApiToken
from mitra.tenancy.access import acting_user


def tokens_for_user(request: HttpRequest) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=acting_user(request)).select_related("tenant")


def get_token_for_user(request: HttpRequest, pk: int) -> ApiToken:
    return get_object_or_404(tokens_for_user(request), pk=pk)
