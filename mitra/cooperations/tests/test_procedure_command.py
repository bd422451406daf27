"""`mitra procedure`: the next steps and transitions from the command line, same rules as the web."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from mitra.cooperations.models import Cooperation
from tests.procedure import cooperation_of_kind

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("procedure", *map(str, args), stdout=out)
    return out.getvalue()


def test_it_lists_the_open_steps_with_what_is_missing(tenant, cooperation_officer, english):
    coop = cooperation_of_kind(tenant, Cooperation.Kind.FOREIGN_REGION)
    coop.state = "letter_of_intent"
    coop.save(update_fields=["state"])
    output = run(coop.pk, "--user", cooperation_officer.username)
    assert "sign_loi → cooperation_plan (blocked)" in output
    assert "Attach the signed letter of intent (LoI)" in output


def test_it_moves_the_cooperation(tenant, cooperation_officer):
    coop = cooperation_of_kind(tenant, Cooperation.Kind.FOREIGN_REGION)
    run(coop.pk, "start_exploration", "--user", cooperation_officer.username, "--note", "Visit")
    coop.refresh_from_db()
    assert coop.state == "exploration"


def test_a_refused_step_is_an_error_message_not_a_traceback(tenant, cooperation_officer, english):
    coop = cooperation_of_kind(tenant, Cooperation.Kind.FOREIGN_REGION)
    with pytest.raises(CommandError, match="not possible"):
        run(coop.pk, "sign_mou", "--user", cooperation_officer.username)


def test_an_outsider_cannot_reach_the_cooperation(tenant, outsider):
    coop = cooperation_of_kind(tenant, Cooperation.Kind.FOREIGN_REGION)
    with pytest.raises(CommandError, match="No cooperation"):
        run(coop.pk, "start_exploration", "--user", outsider.username)
    coop.refresh_from_db()
    assert coop.state == "initiative"


def test_an_unknown_user_is_reported(tenant):
    with pytest.raises(CommandError, match="No user"):
        run(1, "--user", "nobody")
