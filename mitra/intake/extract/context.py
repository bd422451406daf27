"""What the words around a mention say: cooperation sentences, venues, facilitators, lists."""

from mitra.intake.extract.lexicon import phrases, words
from mitra.intake.extract.tokens import Doc

COOPERATION_CUES = phrases(
    "kerja sama", "kerjasama", "bekerja sama", "bekerjasama", "kemitraan", "bermitra", "mitra",
    "kerja samanya", "kerjasamanya", "kemitraannya",
    "sister city", "sister cities", "sister province", "sister state", "kota kembar",
    "kota bersaudara", "provinsi kembar", "mou", "nota kesepahaman", "memorandum", "kesepakatan",
    "kesepakatan bersama", "perjanjian", "loi", "letter of intent", "pks", "penandatanganan",
    "menandatangani", "ditandatangani", "meneken", "diteken", "menjajaki", "menjajagi",
    "penjajakan", "penjajagan", "kunjungan", "berkunjung", "delegasi", "cooperation",
    "partnership", "agreement", "twinning", "menjalin", "jalinan", "hibah", "kolaborasi",
    "berkolaborasi", "menggandeng", "digandeng", "investasi", "investor", "berinvestasi",
    "menanam modal", "menanamkan modal", "penanaman modal", "pertukaran pelajar",
    "pertukaran mahasiswa", "pertukaran budaya", "pertukaran pegawai", "pertukaran guru",
    "magang", "pemagangan", "program magang",
    # aid received from a partner: "menerima bantuan JICA"
    "menerima bantuan", "mendapat bantuan", "mendapatkan bantuan", "memperoleh bantuan",
    # working together said without "kerja sama": "bersinergi dengan", "sepakat mengembangkan",
    # "studi banding ke", "beraudiensi dengan"
    "sinergi", "bersinergi", "bersepakat", "sepakat", "studi banding", "audiensi", "beraudiensi",
)  # fmt: skip
RECEIVING = words("menerima mendapat mendapatkan memperoleh diberi")
# A mention right after "di" is where something happens, not who takes part ("ke Tokyo" may
# well be a visit to a partner).
VENUE_WORDS = words("di")
# A body named right after these helps the cooperation along; it is not a party.
FACILITATION_WORDS = words(
    "difasilitasi fasilitasi memfasilitasi dimediasi mediasi disaksikan menyaksikan dihadiri "
    "didampingi diprakarsai dukungan didukung bantuan perantaraan"
)
PARTY_WORDS = words("dengan bersama antara dan serta maupun atau mitra partner")
# Capitalised words that open an actor, not a venue: the walk back from a place stops there.
ACTOR_WORDS = words(
    "pemerintah pemkot pemkab pemprov pemko pemda wali walikota bupati gubernur wakil delegasi "
    "dprd sekda"
)
# "diteken di Kantor Pusat PT Indocement Tunggal Prakarsa, Citeureup, Bandung": a venue's
# name, its district and its city may take a dozen tokens.
VENUE_REACH = 12
OBJECT_REACH = 24
# "di Kantor Gubernur Sulsel, Makassar": a building named after an office is still a venue.
BUILDINGS = words(
    "kantor gedung balai rumah ruang aula pendopo pendapa istana wisma graha hotel auditorium"
)
# "Jalan Gajah Mada, Samarinda", "Jl. Sudirman No. 5, Makassar": the city of a street address.
STREETS = words("jalan jl jln")
LIST_REACH = 24


def cooperation_sentences(doc: Doc) -> list[bool]:
    """For each sentence: does it speak of cooperation?"""
    flags = [False] * len(doc.sentences)
    for first, _last, _values in COOPERATION_CUES.scan(doc):
        if not doc.excluded[first]:
            flags[doc.tokens[first].sentence] = True
    for number, (first, end) in enumerate(doc.sentences):
        if not flags[number] and opens_with_a_party(doc, first, end):
            flags[number] = True
    return flags


# A sentence opening "Dengan Provinsi Bali, ..." or "Bersama Pemkot X, ..." goes through the
# parties of a cooperation one by one ("Bersama Provinsi Kalsel, bidangnya kesehatan").
OPENING_PARTY = words("dengan bersama")
GOVERNMENT_WORDS = words(
    "provinsi propinsi pemprov pemkot pemko pemkab pemda kota kabupaten pemerintah"
)


def opens_with_a_party(doc: Doc, first: int, end: int) -> bool:
    words_at = [i for i in range(first, min(end, first + 3)) if doc.tokens[i].word]
    return (
        len(words_at) >= 2
        and doc.tokens[words_at[0]].key in OPENING_PARTY
        and doc.tokens[words_at[1]].key in GOVERNMENT_WORDS
        and doc.tokens[words_at[1]].cap
        and not doc.excluded[words_at[0]]
    )


def previous_word(doc: Doc, index: int, skip: frozenset[str] = frozenset()) -> int:
    """The nearest word token before `index` in the same sentence, skipping `skip` keys."""
    sentence = doc.tokens[index].sentence
    j = index - 1
    while j >= 0 and doc.tokens[j].sentence == sentence:
        token = doc.tokens[j]
        if token.word and token.key not in skip:
            return j
        j -= 1
    return -1


def is_venue(doc: Doc, first: int, venue_words: frozenset[str] = VENUE_WORDS) -> bool:
    """ "di Makassar", "di kota Gothenburg", "di Gedung Sate, Bandung", "singgah di Surabaya dan
    Samarinda": a place where something happens, not a party.

    The search walks back over a venue's capitalised words, commas and "dan", but stops at a
    party's words ("Pemkot", "Wali Kota"), which start a new actor.
    """
    tokens = doc.tokens
    sentence = tokens[first].sentence
    j, steps = first - 1, 0
    separated = False  # a comma or "dan" passed: the walk has left the mention's own item
    while j >= 0 and tokens[j].sentence == sentence and steps < VENUE_REACH:
        token = tokens[j]
        if token.word and token.key in venue_words and (not token.cap or opens_clause(doc, j)):
            # "Kota Kochi di Jepang dan Kota Busan": that "di" says where the earlier item
            # lies (a name right before it), it is no venue of the later one.
            # "di Lagoi, Gubernur Kepri Ansar Ahmad ...": after the comma an actor's title
            # opens a new clause's subject, no second place of the venue.
            return not (
                separated and (locates_name_before(doc, j) or tokens[first].key in ACTOR_WORDS)
            )
        if token.text == "," or token.key in {"dan", "serta"}:
            separated = True
        if token.word and token.cap and token.key in STREETS and separated:
            return True
        if token.word and token.key in {"kota", "kabupaten", "provinsi", "negara"}:
            pass
        elif token.word and token.cap:
            if token.key in ACTOR_WORDS and doc.key_at(j - 1) not in BUILDINGS:
                return False  # "di Makassar dan Wali Kota Tual": Tual is a party
        elif token.text in {",", "(", ")"} or token.key in {"dan", "serta"}:
            pass
        elif token.word and glued_after_apostrophe(doc, j):
            pass  # "Auditorium Hasyim Asy'ari": the rest of a capitalised name
        elif (
            token.text in "-'’."
            and 0 < j < len(tokens) - 1
            and not doc.gap(j - 1, j + 1).strip(token.text)
        ):
            pass  # "Bili-Bili"
        elif token.text == "." and j > 0 and tokens[j - 1].key in STREETS | words("no"):
            pass  # "Jl. Sudirman No. 5"
        elif token.text.isdigit():
            pass  # "Lantai 2", "No. 5": a building's floor or a street number
        else:
            return False
        j -= 1
        steps += 1
    return False


# "penyeberangan Ketapang-Gilimanuk", "jalur pelayaran RoRo Davao City-General Santos-Bitung":
# names joined by dashes after a word of a route are its stops, not parties.
ROUTE_WORDS = words(
    "rute jalur trayek lintasan penyeberangan pelayaran penerbangan koridor route ruas"
)
ROUTE_REACH = 12
DASH_TEXTS = frozenset({"-", "–", "—"})


def glued_after_apostrophe(doc: Doc, j: int) -> bool:
    """Token `j` follows an apostrophe glued to a capitalised word ("Asy'ari", "Ma'ruf")."""
    return (
        j >= 2
        and doc.tokens[j - 1].text in {"'", "’"}
        and doc.tokens[j - 2].word
        and doc.tokens[j - 2].cap
        and not doc.gap(j - 2, j).strip("'’")
    )


def on_route(doc: Doc, first: int) -> bool:
    """Token `first` stands in a chain of capitalised names joined by dashes, right after a
    word of a route."""
    tokens = doc.tokens
    sentence = tokens[first].sentence
    dashed = False
    k = first
    while k + 1 < len(tokens) and tokens[k + 1].sentence == sentence and k - first < ROUTE_REACH:
        if tokens[k + 1].text in DASH_TEXTS:
            dashed = True
            break
        if not (tokens[k + 1].word and tokens[k + 1].cap):
            break
        k += 1
    j = first - 1
    while j >= 0 and tokens[j].sentence == sentence and first - j <= ROUTE_REACH:
        token = tokens[j]
        if token.text in DASH_TEXTS:
            dashed = True
        elif not (token.word and token.cap):
            return dashed and token.word and token.key in ROUTE_WORDS
        j -= 1
    return False


def locates_name_before(doc: Doc, di: int) -> bool:
    """ "Kota Kochi di Jepang": the "di" at token `di` follows a name and introduces a place
    (not a building, not "di antaranya")."""
    tokens = doc.tokens
    before, after = di - 1, di + 1
    return (
        before >= 0
        and tokens[before].word
        and tokens[before].cap
        and not opens_sentence(doc, before)
        and after < len(tokens)
        and tokens[after].cap
        and tokens[after].key not in BUILDINGS
    )


def opens_clause(doc: Doc, index: int) -> bool:
    """The token opens its sentence or follows a dash or colon ("MELBOURNE - Di Kota ...")."""
    return opens_sentence(doc, index) or doc.tokens[index - 1].text in {"-", "–", "—", ":"}


def opens_sentence(doc: Doc, index: int) -> bool:
    return doc.sentences[doc.tokens[index].sentence][0] == index


def is_facilitator(doc: Doc, first: int, window: int = 3, *, guests: bool = True) -> bool:
    """ "difasilitasi Kedutaan Besar Jepang", "disaksikan Penjabat Gubernur DIY, ..., dan
    Kepala Dinas ...": a body, region or person named after a facilitating or witnessing verb,
    directly or further along the list the verb opens. With `guests`, also anyone a clause of
    guests names ("Hadir pula ...", see `attends`)."""
    j = first
    for _ in range(window):
        j = previous_word(doc, j)
        if j < 0:
            return False
        if doc.tokens[j].key in FACILITATION_WORDS:
            return not received(doc, j)
    lead = list_lead(doc, first)
    if lead >= 0 and doc.tokens[lead].key in FACILITATION_WORDS and not received(doc, lead):
        return True
    if in_entourage(doc, first, lead):
        return True
    return guests and (attends(doc, first) or witnessed_between(doc, lead))


# A delegation's members: "Misi dagang itu juga diikuti Pemerintah Kota Palu", "Delegasi
# yang ikut antara lain Rektor Universitas ...": they travel on the story's side.
ENTOURAGE = words("diikuti ikut beranggotakan menyertai disertai mendampingi")
DELEGATIONS = words("delegasi rombongan misi tim kontingen")
LIST_OPENERS = words("lain antaranya diantaranya yakni yaitu ialah")
ENTOURAGE_REACH = 3


def in_entourage(doc: Doc, first: int, lead: int) -> bool:
    """Token `first` is named among the members a delegation takes along: right after an
    entourage verb or in the list it opens, in a sentence about a delegation."""
    if lead < 0:
        lead = previous_word(doc, first)
        if lead < 0:
            return False
    if not doc.in_sentence(first, DELEGATIONS):
        return False
    j = lead
    for _ in range(ENTOURAGE_REACH + 1):
        if doc.tokens[j].key in ENTOURAGE:
            return True
        if j != lead and doc.tokens[j].key not in LIST_OPENERS | {"juga", "pula", "antara", "di"}:
            return False
        j = previous_word(doc, j)
        if j < 0:
            return False
    return False


WITNESSING = words("menyaksikan disaksikan saksikan")
WITNESS_REACH = 10
# Words of an Indonesian government in an "antara A dan B": then the region is a side.
GOVERNMENT_SIDES = words(
    "pemerintah pemkab pemkot pemprov pemda pemko dinas bupati gubernur wali walikota "
    "kabupaten provinsi"
)


def witnessed_between(doc: Doc, lead: int) -> bool:
    """ "Bupati menyaksikan penandatanganan kesepakatan jual beli antara CV A dan B": the sides
    of an agreement the region only witnesses are no parties of its cooperation; when a
    government is one of the sides ("antara Pemkab A dan PT B") the region signs."""
    if lead < 0 or doc.tokens[lead].key != "antara":
        return False
    _first, end = doc.sentence_of(lead)
    sides = range(lead + 1, end)
    if any(doc.tokens[k].key in GOVERNMENT_SIDES for k in sides):
        return False
    j, taken = lead, 0
    while taken < WITNESS_REACH:
        j = previous_word(doc, j)
        if j < 0:
            return False
        if doc.tokens[j].key in WITNESSING:
            return True
        taken += 1
    return False


# "Hadir pula ...", "Turut hadir ...", "Tampak hadir dalam acara itu ...": whoever the rest of
# the clause names attends as a guest; attending is no taking part. A bare "Hadir dalam
# penandatanganan itu ..." may well name the signatories.
ATTENDANCE = words("hadir")
ATTENDANCE_OPENERS = words("turut tampak ikut juga")
ATTENDANCE_ALSO = words("pula juga")


def attends(doc: Doc, first: int) -> bool:
    """Token `first` stands in a clause opened by "Hadir (pula)" or "Turut/Tampak hadir": a
    list of guests, not of parties."""
    sentence = doc.tokens[first].sentence
    start = doc.sentences[sentence][0]
    j = first - 1
    while j >= start and doc.tokens[j].text not in {";", ":"}:
        j -= 1
    k = j + 1
    while k < first and not doc.tokens[k].word:
        k += 1  # a dash or a bracket opening the clause
    also = k < first and doc.tokens[k].key in ATTENDANCE_OPENERS
    if also:
        k += 1
    if not (k < first and doc.tokens[k].key in ATTENDANCE):
        return guest_listed(doc, first)
    return also or doc.key_at(k + 1) in ATTENDANCE_ALSO or guest_listed(doc, first)


# The list words that open the members of a noun phrase said before them ("antara lain" ends
# in "lain"); "antara" alone opens the two sides of an agreement, no list.
LIST_OPENING = frozenset(
    {"lain", "antaranya", "diantaranya", "yakni", "yaitu", "ialah", "termasuk", "seperti",
     "misalnya", "meliputi"}
)  # fmt: skip
MEMBERS_REACH = 60
LIST_NAME_MARKS = frozenset({",", "(", ")", "-", ".", "/"})


def list_opening(doc: Doc, first: int) -> int:
    """The list word that opens the list of capitalised names token `first` stands in ("...,
    antara lain Gubernur NTT, Pj. Gubernur Papua, ..., Bupati Ketapang"), or -1."""
    tokens = doc.tokens
    sentence = tokens[first].sentence
    j = first - 1
    while j >= 0 and tokens[j].sentence == sentence and first - j <= MEMBERS_REACH:
        token = tokens[j]
        if located_item(doc, j):
            pass  # "Brebes dan Tegal di Jawa Tengah, serta Cirebon": where the items lie
        elif token.word and not token.cap and token.key not in {"dan", "serta"}:
            return j if token.key in LIST_OPENING else -1
        elif not token.word and token.text not in LIST_NAME_MARKS:
            return -1
        j -= 1
    return -1


# Words of a clause that lists an event's guests or speakers; a visit's guests ("Tamu dari Korut
# itu antara lain ...") are the visiting party.
GUEST_WORDS = words("menghadiri narasumber pembicara menghadirkan")


def guest_listed(doc: Doc, first: int) -> bool:
    """Token `first` is listed after a clause of guests or speakers ("Sejumlah tokoh turut hadir,
    antara lain ...", "Pejabat yang menghadiri acara itu di antaranya ...", "Narasumbernya
    antara lain ..."): someone at the event, no party. A bare "Hadir dalam penandatanganan itu
    antara lain ..." may name the signatories."""
    opening = list_opening(doc, first)
    if opening < 0:
        return False
    for k in range(clause_start(doc, opening), opening):
        key = doc.tokens[k].key
        if key in GUEST_WORDS:
            return True
        if key in ATTENDANCE and (
            doc.key_at(k - 1) in ATTENDANCE_OPENERS or doc.key_at(k + 1) in ATTENDANCE_ALSO
        ):
            return True
    return False


def clause_start(doc: Doc, index: int) -> int:
    """The first token of the clause of token `index`: after the sentence's opening, a
    semicolon or a colon."""
    start = doc.sentences[doc.tokens[index].sentence][0]
    j = index - 1
    while j >= start and doc.tokens[j].text not in {";", ":"}:
        j -= 1
    return j + 1


def received(doc: Doc, index: int) -> bool:
    """ "menerima bantuan JICA": aid received is a grant from its donor, not help given along
    the way ("dengan bantuan KBRI")."""
    if doc.tokens[index].key != "bantuan":
        return False
    before = previous_word(doc, index)
    return before >= 0 and doc.tokens[before].key in RECEIVING


def list_lead(doc: Doc, first: int) -> int:
    """The lowercase word that opens the list of names token `first` stands in, or -1."""
    tokens = doc.tokens
    sentence = tokens[first].sentence
    j = first - 1
    while j >= 0 and tokens[j].sentence == sentence and first - j <= LIST_REACH:
        token = tokens[j]
        if token.word and not token.cap and token.key not in {"dan", "serta"}:
            return j
        if not token.word and token.text not in {",", "(", ")", "-", "."}:
            return -1
        j -= 1
    return -1


# Words after which the names that follow are the other party ("kerja sama dengan Pemkot Solo",
# "diantaranya Tual, Solo dan Jogjakarta").
OBJECT_WORDS = words(
    "dengan bersama antara mitra diantaranya antaranya yakni yaitu termasuk seperti meliputi lain "
    # "kerja sama juga melibatkan Pemprov Jawa Barat": a party taken in
    "melibatkan menggandeng menggaet merangkul"
)
LIST_WORDS = words("dan serta kota kabupaten provinsi")


def is_object(doc: Doc, first: int) -> bool:
    """The name at token `first` (or the list it ends) follows "dengan", "antara" ..."""
    tokens = doc.tokens
    sentence = tokens[first].sentence
    j = first - 1
    while j >= 0 and tokens[j].sentence == sentence and first - j <= OBJECT_REACH:
        token = tokens[j]
        if token.word and token.key in OBJECT_WORDS:
            return True
        if not (
            (token.word and (token.cap or token.key in LIST_WORDS))
            or token.text in {",", "(", ")", "-"}
            or located_item(doc, j)
        ):
            return False
        j -= 1
    return False


def located_item(doc: Doc, j: int) -> bool:
    """ "yaitu Kabupaten Pringsewu di Lampung serta Kota Yogyakarta": the "di" between two names
    says where one list item lies; the list goes on past it."""
    return (
        doc.tokens[j].key == "di"
        and 0 < j < len(doc.tokens) - 1
        and doc.tokens[j - 1].cap
        and doc.tokens[j + 1].cap
    )
