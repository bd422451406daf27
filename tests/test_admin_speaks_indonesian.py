"""Django's admin speaks Indonesian on every model's pages, for whoever may use it.

The superuser and a tenant administrator (the demo's `makassar.admin`, is_staff) open, for every
model of the admin site, its list, its add form and the change form of its first row, on the
demo data. Every page answers 200 and shows:

- no English text of the interface: a text that is, whole, the English original of a catalogue
  entry (Mitra's, or Django's that Django's Indonesian catalogue leaves untranslated);
- no code for a label: a choice's slug ("foreign_region", "mark_dormant", "set_state"), a model's
  label ("cooperations.document") or a list of slugs kept as JSON.

The texts Django's admin writes with its scripts (the calendar, the two-pane chooser) come from
the admin's script catalogue: every one of them is Indonesian too.
"""

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from io import StringIO

import pytest
from babel.messages.pofile import read_po
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation.trans_real import DjangoTranslation
from pytest_django import DjangoDbBlocker

from mitra.cooperations import workflow
from mitra.cooperations.models import CooperationEvent
from mitra.lib.modelfields import ChoiceListField
from tests.english import DJANGO_CATALOGUES, catalogue, django_catalogue, english_msgids
from tests.shared import built_once

pytestmark = [pytest.mark.django_db, pytest.mark.long]

ADMINISTRATORS = ["admin", "makassar.admin"]  # the superuser, a tenant administrator
SKIPPED_TAGS = {"script", "style", "template"}
TEXT_ATTRIBUTES = {"title", "placeholder", "aria-label"}
SAME_IN_BOTH = {"Filter", "server", "April", "September", "November"}  # the same in Indonesian


class PageText(HTMLParser):
    """Every text node of a page outside scripts and styles, and the texts people read in
    attributes (titles, placeholders, accessible names)."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED_TAGS:
            self._skipping += 1
        self.texts += [value for name, value in attrs if name in TEXT_ATTRIBUTES and value]

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.texts.append(data)


def page_texts(html: str) -> list[str]:
    parser = PageText()
    parser.feed(html)
    return [" ".join(text.split()) for text in parser.texts if text.strip()]


def choice_slugs() -> frozenset[str]:
    """The codes behind labels: every choice of every model field that is no plain word (a
    slug with an underscore), the history's actions, and the models' labels."""
    slugs = {action for action, _label in workflow.history_action_choices() if "_" in action}
    for model in apps.get_models():
        slugs.add(model._meta.label_lower)
        for field in model._meta.get_fields():
            choices = getattr(field, "choices", None) or []
            if isinstance(field, ChoiceListField):
                choices = field.item_choices
            slugs |= {str(value) for value, _label in choices if "_" in str(value)}
    return frozenset(slugs)


def codes_in(text: str, slugs: frozenset[str]) -> list[str]:
    words = set(re.findall(r"[a-z][a-z0-9_.]*[a-z0-9]", text))
    return sorted(words & slugs)


def admin_pages(client: Client) -> Iterator[str]:
    """Each admin model's list, add form (where allowed) and its first row's change form."""
    request = client.get(reverse("admin:index")).wsgi_request  # for the permission checks
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_view_permission(request):
            continue
        opts = model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        yield changelist
        if model_admin.has_add_permission(request):
            yield reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        first = model_admin.get_queryset(request).order_by("pk").first()
        if first is not None:
            try:
                yield reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk])
            except NoReverseMatch:  # a key Django's admin cannot put in an address
                continue


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[None]:
    with built_once(django_db_blocker):
        call_command("demo", "--allow-without-debug", "--with-superuser", stdout=StringIO())
        yield


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("username", ADMINISTRATORS)
def test_every_admin_page_speaks_indonesian_without_codes(username: str) -> None:
    client = Client(headers={"accept-language": "id"})
    client.force_login(User.objects.get(username=username))
    english, slugs = english_msgids(), choice_slugs()
    pages, failed, in_english, codes = 0, [], [], []
    for address in admin_pages(client):
        response = client.get(address)
        pages += 1
        if response.status_code != 200:
            failed.append(f"{address}: {response.status_code}")
            continue
        for text in page_texts(response.content.decode()):
            if text in english:
                in_english.append(f"{address}: {text!r}")
            codes += [f"{address}: {code} in {text[:80]!r}" for code in codes_in(text, slugs)]
    assert pages >= 30, pages  # every model's pages were reached, not a login page
    index = client.get(reverse("admin:index")).content.decode()
    assert gettext("Mitra administration") in index and "Django" not in index
    assert failed == []
    assert in_english == []
    assert codes == []


@pytest.mark.usefixtures("demo")
def test_every_action_in_the_demos_history_has_a_label() -> None:
    labelled = dict(workflow.history_action_choices())
    actions = set(CooperationEvent.objects.values_list("action", flat=True))
    assert actions and actions <= set(labelled), actions - set(labelled)


def test_a_cooperations_objects_are_ticked_by_their_labels_in_a_form_made_from_the_model() -> None:
    field = apps.get_model("cooperations", "Cooperation")._meta.get_field("objects_of_cooperation")
    form_field = field.formfield()
    with translation.override("id"):
        rendered = str(form_field.widget.render("objects", ["government_capacity"]))
        label = str(field.item_label("government_capacity"))
    assert 'type="checkbox"' in rendered and label in rendered
    assert form_field.clean(["government_capacity"]) == ["government_capacity"]


def test_what_djangos_indonesian_catalogue_lacks_is_translated_by_mitras() -> None:
    """Django's msgids without an Indonesian translation in Django (its English catalogue lists
    them all) are translated at run time, by Mitra's catalogue."""
    untranslated = []
    for package in DJANGO_CATALOGUES:
        indonesian = catalogue(django_catalogue(package, "id"))
        for msgid in catalogue(django_catalogue(package, "en")):
            if indonesian.get(msgid) or not re.search(r"[a-z]{3}", msgid):
                continue
            if msgid == "- Select an option -":  # replaced (mitra.lib.forms), never shown
                continue
            with translation.override("id"):
                if translation.gettext(msgid) == msgid:
                    untranslated.append(msgid)
    assert untranslated == []


def test_the_admins_scripts_speak_indonesian() -> None:
    """The calendar's and the chooser's texts, through the admin's script catalogue (Django's,
    with Mitra's entries taking precedence): none left in English, none naming an English
    button."""
    scripts = DjangoTranslation(
        "id",
        domain="djangojs",
        localedirs=[str(django_catalogue("contrib/admin", "id").parents[2])],
    )
    with django_catalogue("contrib/admin", "en", "djangojs").open("rb") as handle:
        english = [m for m in read_po(handle) if m.id and isinstance(m.id, str)]
    left = []
    for message in english:
        msgid = str(message.id)
        if msgid in SAME_IN_BOTH or not re.search(r"[a-z]{3}", msgid):
            continue
        shown = (
            scripts.pgettext(message.context, msgid) if message.context else scripts.gettext(msgid)
        )
        if shown == msgid or re.search(r'"[A-Z][a-z]+"', shown):
            left.append(msgid)
    assert left == []
