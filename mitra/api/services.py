"""Every write to API tokens goes through these functions, with an audit row.

A token comes from `mitra.lib.tokens` (as calendar feeds' do); only its SHA-256 hash and a short
prefix (for the owner to recognise it) are stored, so a copy of the database gives nobody access.
"""

from datetime import timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mitra.api.models import ApiToken
from mitra.audit.services import record_created, record_updated, snapshot
from mitra.lib.refusal import refuse_if
from mitra.lib.tokens import hash_token, new_token
from mitra.tenancy.models import Membership

PREFIX_LENGTH = 8
# Recording every use would write a row per request; once a minute tells the owner enough.
USE_RECORDED_EVERY = timedelta(minutes=1)


@transaction.atomic
def create_token(
    user: User, *, name: str, membership: Membership, by: User
) -> tuple[ApiToken, str]:
    """A new token for `user` acting under `membership`; the raw token is returned only here."""
    name = name.strip()
    refuse_if([] if name else [_("Give the token a name.")])
    raw, token_hash = new_token()
    token = ApiToken.objects.create(
        user=user,
        tenant=membership.tenant,
        name=name,
        prefix=raw[:PREFIX_LENGTH],
        token_hash=token_hash,
    )
    record_created(token, by=by)
    return token, raw


@transaction.atomic
def revoke_token(token: ApiToken, *, by: User) -> ApiToken:
    """Stop a token from working, for good; revoking twice is refused."""
    refuse_if([] if token.is_active else [_("This token was already revoked.")])
    before = snapshot(token)
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record_updated(token, before, by=by)
    return token


def live_token(raw: str) -> ApiToken | None:
    """The unrevoked token `raw`, its use recorded; None when unknown or revoked."""
    token = (
        ApiToken.objects.select_related("user", "tenant")
        .filter(token_hash=hash_token(raw), revoked_at=None, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > USE_RECORDED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
