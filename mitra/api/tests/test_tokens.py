"""Personal API tokens: made and revoked by their owner on /tokens/, stored hashed, used as Bearer."""

import hashlib
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from mitra.api import services
from mitra.api.models import ApiToken
from mitra.api.tests.conftest import API
from mitra.audit.models import AuditEntry
from mitra.lib.refusal import Refused
from mitra.tenancy import services as tenancy_services
from tests.factories import make_partner, make_user


def _make_token(client, name="e-office"):
    response = client.post(reverse("api_tokens:create"), {"name": name})
    assert response.status_code == 200
    raw = re.search(r'id="new-token" type="text" readonly value="([^"]+)"', response.text)
    assert raw is not None
    return raw.group(1), response


def test_a_user_makes_a_token_that_is_shown_once_and_stored_hashed(client_as, cooperation_officer):
    client = client_as(cooperation_officer)
    raw, response = _make_token(client)
    token = ApiToken.objects.get(user=cooperation_officer)
    assert token.token_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert not ApiToken.objects.filter(token_hash=raw).exists()
    assert raw not in str(list(ApiToken.objects.values_list()))
    assert token.prefix == raw[:8] and token.name == "e-office"
    assert response["Cache-Control"].startswith("max-age=0")
    listing = client.get(reverse("api_tokens:list"))
    assert raw not in listing.text and f"{token.prefix}…" in listing.text


def test_making_a_token_writes_an_audit_row_without_the_secret(client_as, cooperation_officer):
    raw, _response = _make_token(client_as(cooperation_officer))
    token = ApiToken.objects.get()
    entry = AuditEntry.objects.get(record=f"api.apitoken:{token.pk}", action="create")
    assert entry.user == cooperation_officer and entry.tenant == token.tenant
    assert entry.changes["token_hash"] == [None, "[hidden]"]
    assert raw not in str(entry.changes) and token.token_hash not in str(entry.changes)


def test_a_token_without_a_name_is_refused_on_the_form(client_as, cooperation_officer):
    response = client_as(cooperation_officer).post(reverse("api_tokens:create"), {"name": " "})
    assert response.status_code == 422
    assert not ApiToken.objects.exists()


def test_a_token_authenticates_the_api_and_records_its_use(client, cooperation_officer, token_for):
    raw = token_for(cooperation_officer)
    response = client.get(f"{API}/cooperations", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 200
    assert ApiToken.objects.get().last_used_at is not None


def test_no_token_or_a_wrong_one_is_401_with_a_json_message(client, cooperation_officer):
    assert client.get(f"{API}/partners").status_code == 401
    response = client.get(f"{API}/partners", headers={"Authorization": "Bearer not-a-token"})
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert "token" in response.json()["detail"].lower()


def test_a_revoked_token_is_refused_with_401(client_as, cooperation_officer, client):
    owner = client_as(cooperation_officer)
    raw, _response = _make_token(owner)
    headers = {"Authorization": f"Bearer {raw}"}
    assert client.get(f"{API}/partners", headers=headers).status_code == 200
    token = ApiToken.objects.get()
    response = owner.post(reverse("api_tokens:revoke", args=[token.pk]))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert AuditEntry.objects.filter(record=f"api.apitoken:{token.pk}", action="update").exists()
    assert client.get(f"{API}/partners", headers=headers).status_code == 401
    assert (
        client.post(
            f"{API}/partners", {}, content_type="application/json", headers=headers
        ).status_code
        == 401
    )


def test_nobody_else_can_revoke_a_users_token(client_as, cooperation_officer, tenant, token_for):
    token_for(cooperation_officer)
    token = ApiToken.objects.get()
    colleague = make_user(tenant, "tenant_admin")
    response = client_as(colleague).post(reverse("api_tokens:revoke", args=[token.pk]))
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_revoking_twice_is_refused_without_a_second_row(cooperation_officer, token_for):
    token_for(cooperation_officer)
    token = ApiToken.objects.get()
    services.revoke_token(token, by=cooperation_officer)
    revoked_at = token.revoked_at
    with pytest.raises(Refused):
        services.revoke_token(token, by=cooperation_officer)
    token.refresh_from_db()
    assert token.revoked_at == revoked_at
    assert AuditEntry.objects.filter(model_label="api.apitoken", action="update").count() == 1


def test_a_token_stops_working_when_its_user_leaves_the_tenant(
    client, cooperation_officer, token_for
):
    raw = token_for(cooperation_officer)
    cooperation_officer.memberships.all().delete()
    response = client.get(f"{API}/partners", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 401


def test_a_token_acts_for_the_tenant_it_was_made_in(
    client, cooperation_officer, tenant, other_tenant, token_for
):
    raw = token_for(cooperation_officer)
    tenancy_services.add_member(
        cooperation_officer, "cooperation_officer", tenant=other_tenant, by=None
    )
    ours, theirs = make_partner(tenant), make_partner(other_tenant)
    response = client.get(f"{API}/partners", headers={"Authorization": f"Bearer {raw}"})
    assert [item["id"] for item in response.json()["items"]] == [ours.pk]
    assert theirs.pk != ours.pk


def test_the_tokens_page_needs_a_signed_in_user(client):
    response = client.get(reverse("api_tokens:list"))
    assert response.status_code == 302


def test_last_use_is_recorded_at_most_once_a_minute(cooperation_officer, token_for):
    raw = token_for(cooperation_officer)
    first = services.live_token(raw)
    assert first is not None and first.last_used_at is not None
    earlier = timezone.now() - services.USE_RECORDED_EVERY * 2
    ApiToken.objects.update(last_used_at=earlier)
    again = services.live_token(raw)
    assert again is not None and again.last_used_at is not None
    assert again.last_used_at > earlier
