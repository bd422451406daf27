"""API clients: a persona's own token in the Authorization header, as a machine client sends it."""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from mitra.api import services
from mitra.tenancy.models import Membership

API = "/api/v1"


@pytest.fixture
def token_for(db: None) -> Callable[[User], str]:
    def make(user: User) -> str:
        membership = Membership.objects.filter(user=user).first()
        assert membership is not None
        _token, raw = services.create_token(user, name="tests", membership=membership, by=user)
        return raw

    return make


@pytest.fixture
def api_as(token_for: Callable[[User], str]) -> Callable[[User], Client]:
    def client(user: User) -> Client:
        return Client(headers={"Authorization": f"Bearer {token_for(user)}"})

    return client
