"""The news list and the submit page: pasting, uploading files, repeats, and who may do what."""

import re
from html import unescape

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mitra.intake.models import NewsItem
from mitra.intake.tests.test_services_intake import ARTICLE, submit_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_as(client_as):
    """Clients reading the pages in English, so tests can quote the messages."""

    def login(user):
        client = client_as(user)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        return client

    return login


LIST = reverse("intake:list")
SUBMIT = reverse("intake:submit")

HTML_ARTICLE = """<!DOCTYPE html>
<html><head><title>Berita</title><style>p { color: red }</style>
<script>var tracker = "Gothenburg";</script></head>
<body><nav>Beranda | Daerah</nav>
<article><h1>Makassar &amp; Gothenburg Jajaki Kota Kembar</h1>
<p>Wali Kota Makassar menerima delegasi Kota Gothenburg, Swedia.</p>
<p>Kedua pihak menjajaki kerja sama di bidang kota cerdas.</p></article></body></html>
"""


def test_the_list_shows_pending_items_first(client_as, tenant, cooperation_officer, team_reviewer):
    older = submit_article(tenant, cooperation_officer, source_name="Lama")
    confirmed = submit_article(
        tenant, cooperation_officer, text="Berita yang sudah dikonfirmasi.", source_name="Baru"
    )
    NewsItem.objects.filter(pk=confirmed.pk).update(status=NewsItem.Status.CONFIRMED)
    response = client_as(team_reviewer).get(LIST)
    assert response.status_code == 200
    assert [item.pk for item in response.context["page"].object_list] == [older.pk, confirmed.pk]
    assert "Submit news" not in response.content.decode()  # readers only read


def test_the_list_takes_a_fixed_number_of_queries(
    client_as, tenant, cooperation_officer, django_assert_max_num_queries
):
    for number in range(12):
        submit_article(
            tenant, cooperation_officer, text=f"Berita nomor {number}: " + "kata " * number
        )
    client = client_as(cooperation_officer)
    with django_assert_max_num_queries(8):
        response = client.get(LIST)
    assert len(response.context["page"].object_list) == 12


def test_the_list_never_shows_another_governments_news(
    client_as, tenant, outsider, cooperation_officer
):
    submit_article(tenant, cooperation_officer)
    response = client_as(outsider).get(LIST)
    assert list(response.context["page"].object_list) == []


def test_an_htmx_page_request_gets_the_results_fragment(client_as, tenant, cooperation_officer):
    submit_article(tenant, cooperation_officer, source_name="Antara")
    response = client_as(cooperation_officer).get(LIST, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html and "Antara" in html


def test_pasting_a_text_stores_it_and_opens_its_review(client_as, cooperation_officer):
    text = "Pemkot Makassar <b>menjajaki</b> kerja sama dengan Gothenburg.\r\nBaris kedua."
    response = client_as(cooperation_officer).post(
        SUBMIT, {"text": text, "source_name": "Tribun", "source_url": "berita.example/x"}
    )
    item = NewsItem.objects.get()
    assert response.status_code == 302 and response.url == item.get_absolute_url()
    assert (
        item.text == "Pemkot Makassar <b>menjajaki</b> kerja sama dengan Gothenburg.\nBaris kedua."
    )
    assert item.source_url == "https://berita.example/x"
    page = client_as(cooperation_officer).get(response.url).content.decode()
    assert "&lt;b&gt;menjajaki&lt;/b&gt;" in page  # the text is shown, escaped
    assert "<b>menjajaki</b>" not in page


def test_uploading_real_txt_and_html_files_makes_one_item_each(
    client_as, cooperation_officer, tmp_path
):
    (tmp_path / "makassar.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "gothenburg.html").write_text(HTML_ARTICLE, encoding="utf-8")
    with (
        (tmp_path / "makassar.txt").open("rb") as txt,
        (tmp_path / "gothenburg.html").open("rb") as html,
    ):
        response = client_as(cooperation_officer).post(SUBMIT, {"uploads": [txt, html]})
    assert response.status_code == 302 and response.url == LIST
    items = {item.file_name: item for item in NewsItem.objects.all()}
    assert set(items) == {"makassar.txt", "gothenburg.html"}
    assert items["makassar.txt"].text == ARTICLE
    page = items["gothenburg.html"].text
    assert page.startswith("Beranda | Daerah")
    assert "Makassar & Gothenburg Jajaki Kota Kembar" in page
    assert "Wali Kota Makassar menerima delegasi Kota Gothenburg, Swedia." in page
    assert "tracker" not in page and "color" not in page and "<p>" not in page


def test_a_windows_encoded_file_is_read(client_as, cooperation_officer):
    upload = SimpleUploadedFile("lama.txt", "Kerja sama “kota kembar” – Makassar".encode("cp1252"))
    client_as(cooperation_officer).post(SUBMIT, {"uploads": [upload]})
    assert NewsItem.objects.get().text == "Kerja sama “kota kembar” – Makassar"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("berita.pdf", b"%PDF-1.7 ...", "Only .txt, .md and .html files can be read"),
        ("berita.txt", b"\x00\x01\x02binary", "is not a text file"),
        ("kosong.html", b"<html><script>x()</script></html>", "contains no text"),
        ("besar.txt", b"a" * (1024 * 1024 + 1), "the limit is 1.0"),
    ],
    ids=["type", "binary", "empty", "size"],
)
def test_a_bad_file_is_a_field_error_and_nothing_is_saved(
    client_as, cooperation_officer, name, content, message
):
    good = SimpleUploadedFile("baik.txt", ARTICLE.encode())
    bad = SimpleUploadedFile(name, content)
    response = client_as(cooperation_officer).post(SUBMIT, {"uploads": [good, bad]})
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["uploads"])
    assert name in errors and message in errors
    assert not NewsItem.objects.exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"text": "   "}, "text", "Paste the text of an article, or choose files."),
        ({"text": "Teks\x00nol"}, "text", "Null characters are not allowed."),
        ({"text": "Teks", "source_url": "not a url at all"}, "source_url", "Enter a valid URL."),
    ],
    ids=["nothing", "null", "url"],
)
def test_bad_input_gets_a_field_error(client_as, cooperation_officer, data, field, message):
    response = client_as(cooperation_officer).post(SUBMIT, data)
    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert not NewsItem.objects.exists()


def test_a_text_and_files_together_are_refused(client_as, cooperation_officer):
    upload = SimpleUploadedFile("a.txt", b"Satu berita.")
    response = client_as(cooperation_officer).post(SUBMIT, {"text": "Berita", "uploads": [upload]})
    assert "Paste a text or choose files, not both." in response.context["form"].errors["uploads"]
    assert not NewsItem.objects.exists()


def test_the_same_article_again_is_detected_with_a_link(client_as, tenant, cooperation_officer):
    first = submit_article(tenant, cooperation_officer, source_name="Antara")
    response = client_as(cooperation_officer).post(SUBMIT, {"text": ARTICLE.lower()})
    assert response.status_code == 200
    [error] = response.context["form"].errors["text"]
    assert "was already submitted on" in error
    html = response.content.decode()
    assert f'href="{first.get_absolute_url()}"' in html
    assert NewsItem.objects.count() == 1


@pytest.mark.parametrize("role", ["agency_officer", "team_reviewer", "leadership"])
def test_only_the_cooperation_unit_may_submit(client_as, request, role):
    client = client_as(request.getfixturevalue(role))
    assert client.get(SUBMIT).status_code == 403
    assert client.post(SUBMIT, {"text": ARTICLE}).status_code == 403
    assert not NewsItem.objects.exists()


def test_a_writer_sees_the_submit_form(client_as, tenant_admin):
    response = client_as(tenant_admin).get(SUBMIT)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'type="file"' in html and "multiple" in html and 'enctype="multipart/form-data"' in html


def test_a_pasted_article_is_read_by_the_real_extractor_and_its_evidence_marked(
    client_as, cooperation_officer
):
    # End to end through `extract`: whatever it finds must be marked exactly where it points.
    client = client_as(cooperation_officer)
    response = client.post(SUBMIT, {"text": ARTICLE}, follow=True)
    assert response.status_code == 200
    item = NewsItem.objects.get()
    html = response.content.decode()
    shown = re.search(r'<div class="newstext">(.*?)</div>', html, re.S).group(1)
    assert unescape(re.sub(r"<[^>]+>", "", shown)) == ARTICLE
    for key in ("partners", "regions", "countries"):
        for found in item.extraction[key]:
            for start, end in found["evidence"]:
                assert f">{ARTICLE[start:end]}</mark>" in html
