"""Guessing passwords or API tokens: locked out for a while, told why in Indonesian, recorded."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mitra.api import services as api_services
from mitra.audit.models import AuditEntry
from mitra.lib.text import control_character_message
from tests.factories import DEMO_PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
ADMIN_LOGIN = reverse("admin:login")
LOCKED_MESSAGE = "Terlalu banyak percobaan masuk yang gagal"
PARTNERS = "/api/v1/partners"
WRONG_PASSWORD = "not-the-password"


def attempt(client, user, password=WRONG_PASSWORD, url=LOGIN, **extra):
    return client.post(url, {"username": user.username, "password": password}, **extra)


def fail(client, user, times, **extra):
    for _ in range(times):
        response = attempt(client, user, **extra)
        assert response.status_code in (200, 429)
    return response


def token_of(user):
    membership = user.memberships.get()
    _token, raw = api_services.create_token(user, name="client", membership=membership, by=user)
    return raw


def logged_in(client):
    return "_auth_user_id" in client.session


def after_the_cool_off():
    """Move every recorded failure back beyond the lockout time, as if 16 minutes had passed."""
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))


def test_thirty_wrong_passwords_then_the_right_one_is_refused(client, cooperation_officer):
    fail(client, cooperation_officer, 30)
    response = attempt(client, cooperation_officer, DEMO_PASSWORD)
    html = response.content.decode()
    assert response.status_code == 429
    assert LOCKED_MESSAGE in html
    assert "15 menit" in html
    assert 'class="topbar"' in html  # Mitra's own layout, not the library's English text
    assert '<html lang="id">' in html
    assert response["Retry-After"] == "900"
    assert not logged_in(client)


def test_four_wrong_passwords_still_let_the_right_one_in(client, cooperation_officer):
    fail(client, cooperation_officer, 4)
    assert attempt(client, cooperation_officer, DEMO_PASSWORD).status_code == 302
    assert logged_in(client)


def test_the_fifth_wrong_password_locks_the_account(client, cooperation_officer):
    assert fail(client, cooperation_officer, 4).status_code == 200
    assert attempt(client, cooperation_officer).status_code == 429
    assert attempt(client, cooperation_officer, DEMO_PASSWORD).status_code == 429


def test_a_success_clears_the_count(client, cooperation_officer):
    fail(client, cooperation_officer, 4)
    attempt(client, cooperation_officer, DEMO_PASSWORD)
    client.post(reverse("accounts:logout"))
    assert fail(client, cooperation_officer, 4).status_code == 200
    assert attempt(client, cooperation_officer, DEMO_PASSWORD).status_code == 302


def test_the_lockout_is_recorded_once_in_the_users_tenant(client, cooperation_officer, tenant):
    fail(client, cooperation_officer, 30)
    attempts = AccessAttempt.objects.get(username=cooperation_officer.username)
    assert attempts.failures_since_start == 30
    assert attempts.ip_address == "127.0.0.1"
    entry = AuditEntry.objects.get(action=AuditEntry.Action.LOCKOUT)
    assert entry.tenant == tenant
    assert entry.record == f"auth.user:{cooperation_officer.pk}"
    assert entry.object_repr == cooperation_officer.username
    assert entry.changes["address"] == [None, "127.0.0.1"]
    assert entry.user is None  # nobody was signed in


def test_a_lockout_of_an_unknown_username_is_recorded_too(client):
    for _ in range(5):
        client.post(LOGIN, {"username": "no-such-person", "password": "x"})
    entry = AuditEntry.objects.get(action=AuditEntry.Action.LOCKOUT)
    assert entry.tenant is None
    assert entry.object_repr == "no-such-person"


def test_logging_in_works_again_after_the_cool_off(client, cooperation_officer):
    fail(client, cooperation_officer, 30)
    after_the_cool_off()
    assert attempt(client, cooperation_officer, DEMO_PASSWORD).status_code == 302
    assert logged_in(client)


def test_another_user_at_the_same_address_is_unaffected(client, cooperation_officer, leadership):
    fail(client, cooperation_officer, 10)
    other = Client()
    assert attempt(other, leadership, DEMO_PASSWORD).status_code == 302
    assert logged_in(other)


def test_an_outsider_of_another_tenant_is_unaffected(client, cooperation_officer, outsider):
    fail(client, cooperation_officer, 10)
    assert attempt(Client(), outsider, DEMO_PASSWORD).status_code == 302
    assert not AuditEntry.objects.filter(record=f"auth.user:{outsider.pk}").exists()


def test_the_same_user_from_another_address_is_unaffected(client, cooperation_officer):
    fail(client, cooperation_officer, 10)
    other = Client(REMOTE_ADDR="10.1.2.3")
    assert attempt(other, cooperation_officer, DEMO_PASSWORD).status_code == 302


def test_guessing_across_accounts_locks_the_address(
    client, cooperation_officer, leadership, team_reviewer
):
    for number in range(20):
        client.post(LOGIN, {"username": f"guess-{number}", "password": "x"})
    response = attempt(client, leadership, DEMO_PASSWORD)
    assert response.status_code == 429
    assert LOCKED_MESSAGE in response.content.decode()
    elsewhere = Client(REMOTE_ADDR="10.1.2.3")
    assert attempt(elsewhere, team_reviewer, DEMO_PASSWORD).status_code == 302


def test_a_valid_login_does_not_clear_another_accounts_failures(
    client, cooperation_officer, leadership
):
    """Someone with one account cannot reset the count while guessing another's password."""
    fail(client, cooperation_officer, 4)
    attempt(Client(), leadership, DEMO_PASSWORD)
    assert attempt(client, cooperation_officer).status_code == 429


def test_the_admin_login_is_throttled_too(client, cooperation_officer):
    fail(client, cooperation_officer, 5, url=ADMIN_LOGIN)
    response = attempt(client, cooperation_officer, DEMO_PASSWORD, url=ADMIN_LOGIN)
    assert response.status_code == 429
    assert LOCKED_MESSAGE in response.content.decode()


def test_behind_the_proxy_the_address_is_the_one_it_appended(client, settings, cooperation_officer):
    """A client cannot escape the count by inventing X-Forwarded-For entries of its own."""
    settings.BEHIND_PROXY = True
    for number in range(5):
        forwarded = f"10.9.9.{number}, 203.0.113.7"
        attempt(client, cooperation_officer, headers={"x-forwarded-for": forwarded})
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"
    response = attempt(
        client, cooperation_officer, DEMO_PASSWORD, headers={"x-forwarded-for": "203.0.113.7"}
    )
    assert response.status_code == 429
    other = attempt(
        Client(), cooperation_officer, DEMO_PASSWORD, headers={"x-forwarded-for": "198.51.100.1"}
    )
    assert other.status_code == 302


def test_without_the_proxy_x_forwarded_for_is_ignored(client, settings, cooperation_officer):
    settings.BEHIND_PROXY = False
    for number in range(5):
        attempt(client, cooperation_officer, headers={"x-forwarded-for": f"10.9.9.{number}"})
    assert AccessAttempt.objects.get().ip_address == "127.0.0.1"


@pytest.mark.parametrize("url", [LOGIN, ADMIN_LOGIN])
@pytest.mark.parametrize("username", ["x" * 10_000, "nul\x00byte", "<script>alert(1)</script>", ""])
def test_a_hostile_username_is_an_ordinary_failure(client, url, username):
    response = client.post(url, {"username": username, "password": "x" * 5_000})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize("url", [LOGIN, ADMIN_LOGIN])
def test_a_username_with_a_control_character_is_refused_before_the_login(client, url):
    response = client.post(url, {"username": "\u000b", "password": "x"})
    assert response.status_code == 400
    assert control_character_message() in response.content.decode()
    assert not AccessAttempt.objects.exists()


def test_a_very_long_username_is_counted_and_locked_out(client):
    for _ in range(5):
        response = client.post(LOGIN, {"username": "x" * 10_000, "password": "x"})
    assert response.status_code == 429
    assert AccessAttempt.objects.get().username == "x" * 150


def test_guessing_api_tokens_gets_429_with_a_message(client, cooperation_officer):
    raw = token_of(cooperation_officer)
    wrong = {"Authorization": "Bearer not-a-real-token"}
    statuses = [client.get(PARTNERS, headers=wrong).status_code for _ in range(20)]
    assert statuses[:19] == [401] * 19
    assert statuses[19] == 429
    response = client.get(PARTNERS, headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 429  # even the right token, while the address is locked
    assert LOCKED_MESSAGE in response.json()["detail"]
    assert AccessAttempt.objects.get().path_info == PARTNERS


def test_the_right_token_works_again_after_the_cool_off(client, cooperation_officer):
    raw = token_of(cooperation_officer)
    for _ in range(20):
        client.get(PARTNERS, headers={"Authorization": "Bearer not-a-real-token"})
    after_the_cool_off()
    response = client.get(PARTNERS, headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 200


def test_token_guessing_elsewhere_does_not_block_a_client(client, cooperation_officer):
    raw = token_of(cooperation_officer)
    for _ in range(25):
        client.get(PARTNERS, headers={"Authorization": "Bearer not-a-real-token"})
    other = Client(REMOTE_ADDR="10.1.2.3", headers={"Authorization": f"Bearer {raw}"})
    assert other.get(PARTNERS).status_code == 200


def test_a_signed_in_session_is_not_throttled_by_its_own_requests(client_as, cooperation_officer):
    client = client_as(cooperation_officer)
    for _ in range(25):
        assert client.get(PARTNERS).status_code == 200
    assert not AccessAttempt.objects.exists()
