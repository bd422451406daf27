"""The stage of the main cooperation: the most advanced one the text says was reached.

Each cue is read with the words around it in its sentence:

- Documents (LoI, MoU/nota kesepahaman/kesepakatan bersama, PKS/perjanjian kerja sama) count
  when signed ("telah menandatangani MoU", "MoU yang diteken", "penandatanganan LoI ... di
  Balai Kota") or when something already rests on them ("tindak lanjut MoU", "perpanjangan
  MoU", "berdasarkan PKS"). A plan ("akan menandatangani", "rencana penandatanganan",
  "penandatanganan MoU akan berlangsung", "draf MoU") or a negation ("belum") does not.
- Exploration ("menjajaki", "penjajakan", "menerima kunjungan ... kerja sama") counts as soon
  as it is said: planning a cooperation is exploring it.
- Implementation ("implementasi", "pelaksanaan", "realisasi", "sudah berjalan") counts when
  stated as fact about a cooperation, not hoped for.
- On hold ("tertunda", "terhambat", "menunggu persetujuan pusat", "di-hold") and ended
  ("berakhir", "dihentikan", "tidak diperpanjang") describe where a cooperation now stands, so
  they win over the stages reached before them. An end only announced, planned or threatened
  ("akan memutus kontrak", "berencana membatalkan MoU") is none, and the same end named again
  further on ("Pemutusan itu dipicu ...") is that plan; what it would end exists, so the story
  is of a cooperation carried out (or of the document it names) when nothing else is reached.

Evidence is the cue's span.
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate, pairwise

from mitra.intake.extract.affixes import has_root
from mitra.intake.extract.context import COOPERATION_CUES, previous_word
from mitra.intake.extract.frames import NO_PARTIES, StoryParties, in_background
from mitra.intake.extract.lexicon import phrases, words
from mitra.intake.extract.tokens import Doc

RANK = {"exploration": 1, "loi": 2, "mou": 3, "pks": 4, "implementation": 5}
STATUS = ("on_hold", "ended")  # where a cooperation now stands: they win when reached
CUES: dict[str, tuple[str, ...]] = {
    "exploration": (
        "menjajaki", "menjajagi", "penjajakan", "penjajagan", "dijajaki", "jajaki", "menjajal",
        "menawarkan kerja sama", "penawaran kerja sama", "membahas kerja sama",
        "membahas rencana kerja sama", "dibicarakan", "pembicaraan", "bertukar profil",
        "menerima kunjungan", "kunjungan delegasi", "audiensi", "tertarik bekerja sama",
        "tindak lanjut kerja sama", "menindaklanjuti kerja sama", "exploring", "explore",
    ),
    "loi": (
        "loi", "letter of intent", "pernyataan kehendak", "surat pernyataan kehendak",
        "surat minat", "pernyataan minat", "letter of interest",
    ),
    "mou": (
        "mou", "memorandum of understanding", "nota kesepahaman", "nota kesepakatan",
        "kesepakatan bersama", "memorandum saling pengertian", "memorandum kesepahaman",
        "memperpanjang kerja sama", "memperpanjang kerjasama", "perpanjangan kerja sama",
        "perpanjangan kerjasama", "kesepakatan perpanjangan",
    ),
    "pks": (
        "pks", "perjanjian kerja sama", "perjanjian kerjasama", "implementing arrangement",
        "kontrak kerja sama", "kontrak kerjasama", "perjanjian kontrak", "kontrak",
        "perjanjian pelaksanaan", "cooperation agreement",
    ),
    "implementation": (
        "implementasi", "pelaksanaan", "realisasi", "direalisasikan", "diimplementasikan",
        "dilaksanakan", "terlaksana", "sudah berjalan", "telah berjalan", "tengah berjalan",
        "sedang berjalan", "mulai berjalan", "berjalan", "program kerja sama",
        "sudah dijalankan", "telah dijalankan", "sedang dijalankan", "tengah dijalankan",
        # an activity told as a piece or the fruit of a cooperation: it is being carried out
        "bagian dari kerja sama", "bagian dari kerjasama", "sebagai bagian kerja sama",
        "sebagai bagian kerjasama", "wujud kerja sama", "wujud kerjasama", "wujud nyata kerja sama",
        "buah kerja sama", "buah kerjasama", "telah menghasilkan", "sudah menghasilkan",
        "membuahkan",
        # its benefits felt, its experts at work: "sudah terasa manfaatnya", "para insinyur
        # sudah bekerja di Kabupaten Pekalongan"
        "terasa manfaatnya", "dirasakan manfaatnya", "manfaatnya dirasakan",
        "manfaatnya sudah dirasakan", "sudah bekerja di", "telah bekerja di",
        "menjalankan program", "menjalankan kegiatan", "bukan kunjungan pertama",
        # a facility of the cooperation at work: "instalasi ... sudah beroperasi sejak Januari"
        "sudah beroperasi", "telah beroperasi", "sudah dioperasikan", "telah dioperasikan",
        "sudah dimanfaatkan", "telah dimanfaatkan",
        # a cooperation of long standing: "sudah lama bekerja sama", "sejak lama bermitra"
        "sudah lama bekerja sama", "telah lama bekerja sama", "sudah lama bekerjasama",
        "telah lama bekerjasama", "sudah lama bermitra", "telah lama bermitra",
        "sejak lama bekerja sama", "sejak lama bermitra",
        # a partnership built and standing: "kerja sama yang telah terjalin", "tali
        # persaudaraan yang telah terbangun ... sebagai Sister Province"
        "telah terjalin", "sudah terjalin", "telah terbangun", "sudah terbangun",
    ),
    "on_hold": (
        "tertunda", "ditunda", "terhambat", "terkendala", "mandek", "mangkrak", "macet",
        "menunggu persetujuan", "di hold", "dihold", "on hold", "pending", "dibekukan",
        "terhenti sementara", "ditangguhkan", "penangguhan", "belum mendapat persetujuan",
        "belum mendapatkan persetujuan", "menunggu izin", "menunggu kajian",
        # a cooperation that stands still
        "vakum", "mati suri", "jalan di tempat", "jalan ditempat", "tidak aktif", "tidak berjalan",
        "belum berjalan lagi", "stagnan", "terbengkalai",
        # signed, then nothing followed: "belum ada kelanjutan", "tidak ada tindak lanjut"
        "belum ada kelanjutan", "tidak ada kelanjutan", "tanpa kelanjutan",
        "belum ada tindak lanjut", "tidak ada tindak lanjut", "tanpa tindak lanjut",
        "belum ditindaklanjuti", "tidak ditindaklanjuti", "tidak ada kegiatan",
        # written as one word: "tidak ada tindaklanjutnya"
        "belum ada tindaklanjut", "belum ada tindaklanjutnya", "tidak ada tindaklanjut",
        "tidak ada tindaklanjutnya", "tanpa tindaklanjut",
        "belum ada kegiatan", "hanya di atas kertas", "sebatas di atas kertas",
        # stopped for a while: "dihentikan sementara", "berhenti sementara"
        "dihentikan sementara", "berhenti sementara", "dihentikan untuk sementara",
    ),
    "ended": (
        "berakhir", "berakhirnya", "mengakhiri", "akhiri", "dihentikan", "menghentikan",
        "diputus", "putus", "memutus", "pemutusan", "tidak diperpanjang", "tidak memperpanjang",
        # "memutuskan" alone is "to decide"; with what it cuts it is "to terminate"
        "memutuskan kontrak", "memutuskan kerja sama", "memutuskan kerjasama",
        "memutuskan hubungan kerja sama", "tidak dilanjutkan", "tidak diteruskan",
        "tidak berlanjut",
        "habis masa berlakunya", "masa berlakunya habis", "kedaluwarsa", "kadaluarsa",
        "dibatalkan", "pembatalan", "diakhiri", "pengakhiran", "terhenti",
        "rampung masanya", "habis masanya", "selesai masanya", "masa berlakunya sudah habis",
        "masa berlakunya telah habis", "masa berlaku habis", "habis masa berlaku",
        # no longer in force, called off, not carried on
        "tidak berlaku", "tidak berlaku lagi", "batal", "tidak melanjutkan",
        "belum diperpanjang",
        # a term run out: "kontrak kerja sama mereka sudah habis per Desember"
        "sudah habis", "telah habis", "sudah habis masa berlakunya",
        "telah habis masa berlakunya",
    ),
}  # fmt: skip
# Said of a partnership, these are a document only when signed in their sentence ("meneken
# kesepakatan", "penandatanganan Sister City", "Adendum ... diteken").
WEAK_MOU = (
    "kesepakatan", "sister city", "sister province", "kota kembar", "provinsi kembar",
    "kota bersaudara", "perjanjian kemitraan", "kemitraan", "adendum", "addendum", "amandemen",
    "kerja sama", "kerjasama", "friendship city", "kota persahabatan", "twin city",
)  # fmt: skip
WEAK = "mou?"
DOCUMENTS = frozenset({"loi", "mou", "pks"})
# Roots whose derived forms are cues ("dihentikan", "penghentian", "ditunda", "penundaan",
# "menjajaki", "terlaksana"): only affixed forms count, the bare root is listed above if at all.
ROOT_CUES = {
    "jajak": "exploration", "jajag": "exploration", "laksana": "implementation",
    "realisasi": "implementation", "implementasi": "implementation", "tunda": "on_hold",
    "tangguh": "on_hold", "hambat": "on_hold", "beku": "on_hold", "henti": "ended",
    "batal": "ended", "wujud": "implementation", "ganjal": "on_hold",
}  # fmt: skip
ROOTS = frozenset(ROOT_CUES)
# Roots of signing verbs: "diteken", "meneken", "menandatangani", "disepakati", "penekenan".
SIGNING_ROOTS = frozenset({"teken", "tandatangan", "sepakat"})
# Close before a signing verb or a document, these make it a plan, a hope or a condition.
PLAN_CLOSE = words(
    "akan bakal berencana rencana rencananya direncanakan dijadwalkan ditargetkan menargetkan "
    "target segera cepat belum hendak ingin minat berminat harus perlu siap bisa dapat diharapkan berharap harapan "
    "semoga mudah-mudahan agar supaya jika bila apabila kalau draf draft rancangan usulan "
    "mengusulkan tidak menunggu mendorong menyetujui disetujui persetujuan upaya sebelum"
)
# Roots whose every form puts what follows ahead: approving, proposing ("DPRD Setujui
# Penandatanganan MoU", "diusulkannya MoU"). Read as `PLAN_FORM` in a window.
PLAN_ROOTS = frozenset({"setuju", "usul"})
PLAN_FORM = "rencana"
# Right before a document: "LoI ditingkatkan menjadi MoU" names the document an upgrade aims at.
UPGRADE = words("menjadi jadi")
PLAN_REACH = 3
SIGNING = words(
    "menandatangani ditandatangani penandatanganan tandatangani teken meneken diteken "
    "penekenan menyepakati disepakati bersepakat sepakat sign signed signing signs memperbarui "
    "diperbarui pembaruan memperbaharui diperbaharui perbarui perbaharui"
)
# Signing verbs however they are spelt ("menandatangi", "ditandatanganinya"): one form.
SIGNING_STEMS = ("menandatang", "ditandatang", "penandatang", "tandatang", "tanda tangan")
SIGNING_FORM = "menandatangani"
# A document a party holds or is bound by is one reached, whatever verb signed it: "sudah
# terikat LoI", "tertuang dalam Letter of Intent", "mengantongi MoU", "berstatus sister city".
HELD = words(
    "terikat mengikat tertuang dituangkan memiliki mempunyai mengantongi berstatus mengikatkan"
)
RESTS_ON = (
    words(
        "tindak lanjut menindaklanjuti ditindaklanjuti perpanjangan memperpanjang diperpanjang "
        "perpanjang perbarui memperbarui diperbarui "
        "berdasarkan sesuai implementasi pelaksanaan realisasi sejak hasil amanat"
    )
    | HELD
)
PLANNED = words(
    "akan bakal berencana rencana rencananya direncanakan hendak ingin segera siap diharapkan "
    "harapan harapannya berharap mengharapkan menargetkan target ditargetkan dijadwalkan "
    "diagendakan nanti nantinya mendatang untuk agar supaya guna belum tidak bukan draf draft "
    "rancangan penyusunan menyusun pembahasan membahas usulan mengusulkan persiapan "
    "mempersiapkan menyiapkan jika apabila kalau bila sebelum menuju dapat bisa perlu harus "
    "wacana mewacanakan upaya targetkan mudah-mudahan semoga"
)
# After the cue only words that put the whole clause in the future count ("MoU akan ...").
PLANNED_AFTER = words(
    "akan bakal rencananya direncanakan dijadwalkan diagendakan ditargetkan nanti nantinya "
    "mendatang belum segera depan"
)
# Before a status these say it is not where the cooperation stands now: "sempat terhenti" (it
# stopped once), "dijadwalkan berakhir" (it will end), "agar tidak tertunda".
NOT_NOW = words(
    "akan bakal agar supaya jika apabila bila tidak jangan tanpa sempat pernah setelah usai "
    "sesudah "
    # a threat or an intention ("Siap Putus Kontrak", "Ancam Putus Kerja Sama", "kerja samanya
    # hendak ia putus")
    "hendak ingin siap mau berencana rencana ancam mengancam diancam terancam ancaman bisa dapat "
    "upaya berniat niat bermaksud"
)
NOT_COOPERATION = words("investasi anggaran target pendapatan belanja pajak pad apbd apbn")
# Right before a status these schedule it ("dijadwalkan berakhir"); further back they belong to
# what the status befalls ("penandatanganan yang dijadwalkan bulan ini ditunda").
SCHEDULED = words("dijadwalkan direncanakan rencananya ditargetkan diperkirakan")
# After a status only a future makes it no status yet ("terkendala karena belum ada arahan" is).
STATUS_LATER = words("akan bakal dijadwalkan direncanakan ditargetkan rencananya")
# Right before a cue these say it happened, whatever plans the sentence spoke of before.
REACHED = words("telah sudah sempat pernah resmi berhasil akhirnya")
# Before a practice: it ran once and may be over ("pernah berjalan"), or it is another
# cooperation than the one of the story ("kerja sama serupa", "sejenis").
ONCE = words("pernah sempat")
ANOTHER = words("serupa sejenis")
NEGATIONS = words("belum tidak bukan")
REACHED_REACH = 3
RELATIVE_REACH = 10
# Words after a cue that still belong to its clause ("penandatanganan MoU akan berlangsung").
AFTER_WINDOW = 4
BEFORE_WINDOW = 8
COOPERATION = words("kerja kerjasama bekerja sama mou loi pks sister kemitraan perjanjian")
CUE_TABLE = phrases()
for _cue in WEAK_MOU:
    CUE_TABLE.add(_cue, WEAK)
for _slug, _cues in CUES.items():
    for _cue in _cues:
        CUE_TABLE.add(_cue, _slug)


@dataclass(frozen=True, slots=True)
class StageFound:
    slug: str
    evidence: tuple[tuple[int, int], ...]
    first: int


def find_stage(
    doc: Doc, cooperation: list[bool], parties: StoryParties = NO_PARTIES
) -> StageFound | None:
    """The stage of the main cooperation: news puts it first, so the first paragraph (the
    headline counts as one) that says some stage was reached decides, and within it a status
    (on hold, ended) wins over the stages reached before it.

    Every cue is read with its modality: reached, or planned, conditional, negated (those are
    dropped by `is_reached`), superseded (the old MoU that expired, in the story of its
    renewal) or said of a side event (a postponed visit or festival, which puts a cooperation
    on hold only when nothing else is said to be reached)."""
    reached: list[StageFound] = []
    # An end announced, planned or threatened ("akan memutus kontrak", "Ancam Batalkan MoU"):
    # what it would end exists, and a later noun for it ("Pemutusan itu dipicu ...") names the
    # same plan.
    threats: list[StageFound] = []
    announced: dict[str, int] = {}  # each status announced, at its first token
    for first, last, slug in cues(doc):
        if doc.excluded[first] or defines_terms(doc, first):
            continue
        if slug in STATUS and slug in announced and not told_reached(doc, first):
            threats += threatened(doc, slug, first, last, cooperation)
            continue
        if slug == WEAK:
            if (
                (
                    is_reached(doc, "mou", first, last, cooperation)
                    and (
                        signed_in_sentence(doc, first, ink=True)
                        or renewal_before(doc, first)
                        or held(doc, first)
                    )
                )
                or made_official(doc, first)
            ) and not document_in_sentence(doc, first):
                reached.append(StageFound("mou", (doc.span(first, last),), first))
        elif slug == "implementation" and observed(doc, first, cooperation):
            # "ingin melihat langsung pelaksanaan kerja sama": what is watched is under way
            reached.append(StageFound(slug, (doc.span(first, last),), first))
        elif is_reached(doc, slug, first, last, cooperation):
            if slug in STATUS and signed_later(doc, last):
                continue  # "Tertunda 20 Tahun, Akhirnya Diteken": a status overcome
            if slug == "ended" and activity_completed(doc, first, last):
                slug = "implementation"  # "menandai berakhirnya Program Magang": carried out
            elif slug in STATUS and side_event(doc, first):
                slug = SIDE_EVENT
            reached.append(StageFound(slug, (doc.span(first, last),), first))
        elif slug in DOCUMENTS and window(doc, first, -PLAN_REACH) & RENEWAL:
            # "akan dilakukan penandatanganan perpanjangan nota kesepakatan": a document to be
            # renewed was signed before
            reached.append(StageFound(slug, (doc.span(first, last),), first))
        elif slug in STATUS and announcing(doc, first) and befalls(doc, first, last, cooperation):
            announced.setdefault(slug, first)
            threats += threatened(doc, slug, first, last, cooperation)
    reached += activities(doc, cooperation)
    reached += parts_of_cooperation(doc, cooperation)
    reached += counted_participants(doc, cooperation)
    reached += recurring(doc, cooperation)
    lasted = established(doc, cooperation) + running_since_signed(doc, reached)
    lasting = {found.evidence[0] for found in lasted}
    reached += lasted
    reached = named_over_partnership(doc, reached)
    # a cue in a clause about another pair's cooperation is background (see frames.py)
    reached = [f for f in reached if not in_background(doc, parties, f.first, f.first)]
    planned = [f for f in reached if headline_of_plan(doc, f, announced)]
    if planned:
        reached = [f for f in reached if f not in planned]
        threats = [
            t for f in planned for t in threatened(doc, f.slug, f.first, f.first, cooperation)
        ] + threats
    side = [found for found in reached if found.slug == SIDE_EVENT]
    reached = [found for found in reached if found.slug != SIDE_EVENT]
    if not reached and threats:
        return threats[0]
    if not reached:
        # Only side events postponed or cancelled: the cooperation's activities wait.
        return StageFound("on_hold", side[0].evidence, side[0].first) if side else None
    reached.sort(key=lambda found: found.first)
    paragraphs = sorted({paragraph_of(doc, found.first) for found in reached})
    # The headline and the paragraph after it tell one story ("Teken PKS" over a lead that
    # reports the MoU signed at the same ceremony).
    paragraphs = paragraphs[: LEAD_PARAGRAPHS if is_headline(doc, paragraphs[0]) else 1]
    lead = [found for found in reached if paragraph_of(doc, found.first) in paragraphs]
    signed = [
        f
        for f in lead
        if f.slug in DOCUMENTS
        and signed_in_sentence(doc, f.first)
        # "sejak MoU diteken pada 2015", "magang berdasarkan PKS yang diteken tahun lalu"
        and not window(doc, f.first, -PLAN_REACH) & (SINCE | BASED_ON)
        and not clause_has(doc, f.first, SINCE)  # "Sejak Memorandum ... (MoU) ... diteken"
        and not dated_signing(doc, f.first)
    ]
    if signed:
        # A document signed in the lead (a renewal, a new PKS) is where the cooperation now
        # stands, whatever years it has lasted, and an old term that expired is superseded.
        lead = [
            f
            for f in lead
            if f.evidence[0] not in lasting
            and f.slug != "implementation"
            and not (f.slug in STATUS and superseded(doc, f.first))
        ]
    statuses = [found for found in lead if found.slug in STATUS]
    if statuses and not renewed(doc, lead, statuses[0]):
        return statuses[0]
    progress = [found for found in lead if found.slug not in STATUS] or lead
    # at the same rank a document named ("Memorandum of Understanding") is better evidence
    # than a partnership made official ("Resmi Jalin Sister City")
    best = max(
        progress,
        key=lambda found: (RANK.get(found.slug, 0), names_document(doc, found), -found.first),
    )
    if signed and best.slug in DOCUMENTS:
        # "Kesepakatan Bersama dan PKS ... diteken" further down, at the same ceremony.
        return same_ceremony(doc, reached, paragraphs, best)
    if best.slug == "exploration" and not statuses:
        # A visit or a talk in the lead, the pair's document told further down ("Pemkot pernah
        # meneken LoI ... pada 2004"): the furthest stage reached is that document's.
        later = [
            f
            for f in reached
            if f.slug in DOCUMENTS and f.first > best.first and told_as_past(doc, f.first)
        ]
        if later:
            return max(later, key=lambda found: (RANK[found.slug], -found.first))
    if threats and not signed and RANK[threats[0].slug] > RANK.get(best.slug, 0):
        # the end of a cooperation talked about, with no document signed as news: what would
        # end is running ("kontrak yang diteken tahun 2008 itu akan diakhiri")
        return threats[0]
    return best


# Before a status these announce it as a plan, an intention, a threat or a condition.
ANNOUNCING = NOT_NOW | PLANNED | SCHEDULED
ANNOUNCE_REACH = 4


def announcing(doc: Doc, first: int) -> bool:
    """A status not reached because it is announced: "akan memutus kontrak", "berencana
    memutuskan kerja sama", "bila kontrak itu diputus"."""
    before = window(doc, first, -ANNOUNCE_REACH)
    if before & ANNOUNCING and not before & NEGATIONS:
        return True
    return conditional_clause(doc, first)


def headline_of_plan(doc: Doc, found: StageFound, announced: dict[str, int]) -> bool:
    """ "Pemprov DKI Putus Kontrak Pengelola Bantargebang" over a lead saying the contract
    "akan berujung pada pemutusan": the headline tells the plan in brief."""
    at = announced.get(found.slug, -1)
    return (
        at > found.first
        and in_lead(doc, at)
        and in_lead(doc, found.first)
        and is_headline(doc, paragraph_of(doc, found.first))
        and not told_reached(doc, found.first)
    )


def told_reached(doc: Doc, first: int) -> bool:
    """After a status was announced, the same status said again ("Pemutusan itu dipicu ...",
    "upaya memutus kontrak") is that plan, unless it is told as done ("telah", "resmi")."""
    return doc.tokens[first].key in REACHED or bool(window(doc, first, -REACHED_REACH) & REACHED)


TERM_ENDS = words("berakhir berakhirnya")
HABIS_REACH = 6
# What a threatened end may befall: a cooperation, its contract or its document.
THREATENED = COOPERATION | words("kontrak kontraknya perjanjian kesepakatan nota memorandum")
THREAT_REACH = 4


def befalls(doc: Doc, first: int, last: int, cooperation: list[bool]) -> bool:
    """The status is said of a cooperation, its contract or its document ("memutus kontrak
    kerja sama"), not of anything else its sentence names ("menghentikan penyebaran")."""
    if not about_cooperation(doc, first, cooperation):
        return False
    return bool((window(doc, last, THREAT_REACH) | window(doc, first, -THREAT_REACH)) & THREATENED)


def threatened(
    doc: Doc, slug: str, first: int, last: int, cooperation: list[bool]
) -> list[StageFound]:
    """An end threatened or planned for a cooperation presupposes it: the document it names
    ("membatalkan MoU") was reached, or else the cooperation is carried out ("akan memutus
    kontrak kerja sama dengan PT X")."""
    if slug != "ended" or doc.tokens[first].key in TERM_ENDS:
        return []  # "akan berakhir pada 2026": a term runs out, nobody ends it
    if not befalls(doc, first, last, cooperation):
        return []
    end = min(doc.sentence_of(last)[1], last + 1 + THREAT_REACH)
    named = [m[1][0] for j in range(last + 1, end) if (m := CUE_TABLE.match(doc, j))]
    stage = named[0] if named and named[0] in {"loi", "mou"} else "implementation"
    return [StageFound(stage, (doc.span(first, last),), first)]


# A photo's credit in its line: "(Foto: Ist.)", "Foto: Humas", "dok.brida_mediapapuabarat".
PHOTO_CREDIT = re.compile(r"(?i)\((?:foto|dok)\b|\bfoto\s*:|\bdok\.\s*\w")


def named_over_partnership(doc: Doc, reached: list[StageFound]) -> list[StageFound]:
    """ "Penandatanganan kerjasama" under a photo, "resmi terikat Letter of Intent" in the
    story: the partnership inked in the caption is the document the story names as reached,
    not a memorandum of its own."""
    if not any(f.slug in DOCUMENTS and names_document(doc, f) for f in reached):
        return reached
    named = first_named_signing(doc, reached)
    return [
        f
        for f in reached
        if f.slug not in DOCUMENTS
        or names_document(doc, f)
        or not (in_caption(doc, f.first) or told_loosely(doc, f, named))
    ]


# The headline and the two paragraphs after it.
LEAD_LINES = 3


def in_lead(doc: Doc, index: int) -> bool:
    before = doc.text[: doc.tokens[index].start].split("\n")
    return sum(1 for line in before[:-1] if line.strip()) < LEAD_LINES


def told_loosely(doc: Doc, found: StageFound, named: StageFound | None) -> bool:
    """A partnership word signed before the story names its document is that document; a
    renewal ("Perbarui Kerja Sama") is news of its own, whatever document it renews."""
    return named is not None and found.first < named.first and not renewal_before(doc, found.first)


def first_named_signing(doc: Doc, reached: list[StageFound]) -> StageFound | None:
    """The first document the story names as signed, when it is today's news (not dated to the
    past): "Teken Kerjasama" in a headline over "Letter of Intent ... ditandatangani" is that
    letter, told loosely before it is named."""
    for found in sorted(reached, key=lambda f: f.first):
        if found.slug in DOCUMENTS and names_document(doc, found):
            if (
                in_lead(doc, found.first)
                and signed_in_sentence(doc, found.first)
                and not (
                    dated_signing(doc, found.first)
                    or window(doc, found.first, -BEFORE_WINDOW) & (ONCE | SINCE)
                )
            ):
                return found
            return None
    return None


def in_caption(doc: Doc, index: int) -> bool:
    start = doc.text.rfind("\n", 0, doc.tokens[index].start) + 1
    end = doc.text.find("\n", doc.tokens[index].end)
    return bool(PHOTO_CREDIT.search(doc.text, start, end if end >= 0 else len(doc.text)))


def running_since_signed(doc: Doc, reached: list[StageFound]) -> list[StageFound]:
    """ "Sejak MoU antara Pemprov Jabar dan Australia Selatan diteken, ...": a cooperation
    told as running since its document was signed is carried out, like one "sejak 1997"; a
    document signed as today's news overrides it as a lasting one does. (A document only
    dated to the past, "LoI yang diteken pada 2024", stays that document.)"""
    return [
        StageFound("implementation", found.evidence, found.first)
        for found in reached
        if found.slug in DOCUMENTS and clause_has(doc, found.first, SINCE)
    ]


def names_document(doc: Doc, found: StageFound) -> bool:
    """The cue itself is a document's name, not a partnership word."""
    match = CUE_TABLE.match(doc, found.first)
    return match is not None and match[1][0] in DOCUMENTS


def dated_signing(doc: Doc, index: int) -> bool:
    """ "kerja sama sister city yang diteken pada 1997", "diteken tahun lalu": a signing dated to
    a bare year or to the past is the history of the cooperation the news is about, not the
    news (a signing reported as news gives its day)."""
    _first, end = doc.sentence_of(index)
    signings = signing_tokens(doc, index, end)
    if not signings:
        return False
    i = signings[0]
    after = [doc.tokens[k].key for k in range(i + 1, min(end, i + 4)) if doc.tokens[k].word]
    if after[:1] == ["sebelumnya"] or after[:2] in (["tahun", "lalu"], ["beberapa", "tahun"]):
        return True  # "yang diteken sebelumnya", "diteken tahun lalu"
    if then_in(doc, i, end):
        return True  # "diteken Walikota Surabaya saat itu, Bambang DH"
    while after and after[0] in {"pada", "tahun", "sejak"}:
        after.pop(0)
    return bool(after) and is_year(after[0])


# "saat itu", "waktu itu": the time of a past story, not of the news.
THEN = words("saat waktu kala ketika")
THEN_REACH = 8


def then_in(doc: Doc, verb: int, end: int) -> bool:
    """ "saat itu" a few words after a signing verb dates it to the past."""
    keys = [doc.tokens[k].key for k in range(verb + 1, min(end, verb + 1 + THEN_REACH))]
    return any(key in THEN and after == "itu" for key, after in pairwise(keys))


def signed_later(doc: Doc, last: int) -> bool:
    """A signing after a status in its sentence, as a fact ("tertunda 20 tahun, akhirnya
    diteken"): the status is history; not under a plan ("tertunda karena belum diteken")."""
    _first, end = doc.sentence_of(last)
    index = word_index(doc)
    for w in range(index.counts[last + 1], index.counts[end]):
        key = index.keys[w]
        if key in EARLIER_OR_CONCEDED:
            return False  # "terhenti setelah MoU diteken", "tertunda, padahal LoI sudah diteken"
        if key in REASONS:
            return False  # "tidak berlanjut karena tidak ada program yang disepakati"
        if index.forms[w] == SIGNING_FORM and told_as_done(doc, index.tokens[w]):
            return True
    return False


# Between a status and a signing, these put the signing before the status or beside it: the
# status is not overcome ("terhenti setelah MoU diteken pada 2008", "tertunda, padahal LoI
# sudah diteken").
EARLIER_OR_CONCEDED = words(
    "setelah sesudah usai sejak pasca padahal meski meskipun walaupun walau kendati sebelumnya"
)


# After a status these give its reason: a signing there is no signing that overcame it.
REASONS = words("karena sebab akibat lantaran mengingat")


SIDE_EVENT = "side_event"
# Occasions of a cooperation, not the cooperation itself: when one of them is postponed or
# cancelled, the cooperation is not ended.
SIDE_EVENTS = words(
    "agenda acara kegiatan kunjungan lawatan perjalanan pertandingan turnamen festival pameran "
    "pertemuan rapat upacara seremoni event jadwal forum"
)
SIDE_REACH = 16


# Activities of a cooperation: when one of them ends, it has been carried out.
ACTIVITIES = words("program magang pelatihan pertukaran kursus diklat praktik studi")


def activity_completed(doc: Doc, first: int, last: int) -> bool:
    """ "berakhirnya Program Magang Nasional", "Program magang itu berakhir": an activity that
    ended was carried out; the cooperation did not end with it."""
    if doc.tokens[first].key.endswith("nya") and doc.key_at(last + 1) in ACTIVITIES:
        return True
    return clause_head(doc, first) in ACTIVITIES


def clause_head(doc: Doc, index: int) -> str:
    """The last content word of the clause before token `index` ("Program pertukaran ... ditunda"
    → "pertukaran")."""
    sentence = doc.tokens[index].sentence
    head = ""
    j, taken = index - 1, 0
    while j >= 0 and doc.tokens[j].sentence == sentence and taken < SIDE_REACH:
        token = doc.tokens[j]
        if clause_break(doc, j):
            break
        if token.word:
            if token.key not in DETERMINERS:
                head = token.key
            taken += 1
        j -= 1
    return head


def side_event(doc: Doc, index: int) -> bool:
    """The head of the clause before a status cue names an occasion ("Turnamen sepak bola
    antar kota sister city ... dibatalkan", "Seluruh agenda luar negeri ... dibatalkan"), not
    a cooperation, a programme or a document ("Program pertukaran guru ... ditunda")."""
    return clause_head(doc, index) in SIDE_EVENTS


DASHES = frozenset({"-", "–", "—"})


def clause_break(doc: Doc, j: int) -> bool:
    """A semicolon, a colon, a clause opener, or a spaced dash ("SURABAYA - Festival ...": the
    dateline ends there)."""
    token = doc.tokens[j]
    if token.text in {";", ":"} or token.key in CLAUSE_OPENERS:
        return True
    return (
        token.text in DASHES
        and token.start > 0
        and token.end < len(doc.text)
        and doc.text[token.start - 1].isspace()
        and doc.text[token.end].isspace()
    )


CLAUSE_OPENERS = words("bahwa karena sehingga namun tetapi tapi sedangkan")
DETERMINERS = words("seluruh semua segala para sebuah suatu beberapa sejumlah salah satu")


SUPERSEDED = words(
    "lama sebelumnya menggantikan mengganti digantikan diganti terdahulu pertama baru "
    "perpanjangan diperpanjang memperpanjang diperbarui memperbarui pembaruan"
)


def superseded(doc: Doc, index: int) -> bool:
    """ "MoU baru itu menggantikan MoU lama yang masa berlakunya habis": the end of a term
    that the document signed in the lead replaces."""
    return sentence_has(doc, index, SUPERSEDED)


YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def same_ceremony(
    doc: Doc, reached: list[StageFound], paragraphs: list[int], best: StageFound
) -> StageFound:
    """A more advanced document signed further down, at the signing the lead reports: its
    sentence names no year but the lead's."""
    lead_years = {
        year for paragraph in paragraphs for year in YEAR.findall(doc.text.split("\n")[paragraph])
    }
    for found in reached:
        if (
            found.slug in DOCUMENTS
            and RANK[found.slug] > RANK[best.slug]
            and found.first > best.first
            # a partnership inked ("menandatangani kerjasama persahabatan") is the document
            # the lead named, not a memorandum of its own
            and names_document(doc, found)
            and signed_close(doc, found.first)
        ):
            first, end = doc.sentence_of(found.first)
            years = set(YEAR.findall(doc.text[doc.tokens[first].start : doc.tokens[end - 1].end]))
            if years <= lead_years:
                best = found
    return best


def told_as_past(doc: Doc, index: int) -> bool:
    """The document's sentence dates it or says it was done ("pernah meneken LoI ... pada
    2004", "sejak penandatanganan Nota Kesepahaman"), unlike an agenda's item ("Agenda ketiga,
    menandatangani LoI")."""
    if window(doc, index, -BEFORE_WINDOW) & (REACHED | SINCE | RENEWAL):
        return True
    first, end = doc.sentence_of(index)
    return bool(YEAR.search(doc.text, doc.tokens[first].start, doc.tokens[end - 1].end))


PURPOSE = words("untuk agar guna demi supaya yang")
CLOSE_SIGNING = 8


def signed_close(doc: Doc, index: int) -> bool:
    """A signing verb in the document's own clause ("KSB dan PKS ... diteken"), not across a
    purpose ("Addendum ini kami tandatangani untuk menaungi sejumlah PKS")."""
    sentence = doc.tokens[index].sentence
    for step in (-1, 1):
        j, taken = index + step, 0
        while 0 <= j < len(doc.tokens) and doc.tokens[j].sentence == sentence:
            token = doc.tokens[j]
            if token.word:
                # after the document, a relative clause may say it was signed ("Perjanjian
                # Kerjasama, yang ditandatangani Kepala Bapperida")
                relative = step == 1 and token.key == "yang"
                if (token.key in PURPOSE and not relative) or taken >= CLOSE_SIGNING:
                    break
                if signing_at(doc, j):
                    return not window(doc, j, -PLAN_REACH) & PLAN_CLOSE
                # the parties and subject of a list of documents are names: "ditandatangani
                # pula MoU antara Pemprov NTB dan ACCES tentang Program ACCESS, lalu PKS ..."
                taken += not token.cap
            j += step
    return False


def renewal_before(doc: Doc, index: int) -> bool:
    """ "Perbarui Kerja Sama Sister Province", "memperpanjang jalinan kerja sama": a
    partnership renewed is its memorandum signed again."""
    j = index
    for _ in range(RENEWAL_REACH):
        j = previous_word(doc, j)
        if j < 0:
            return False
        if doc.tokens[j].key in RENEWAL:
            return not window(doc, j, -PLAN_REACH) & PLAN_CLOSE
    return False


RENEWAL_REACH = 3
OFFICIAL_ROOTS = frozenset({"resmi"})


def made_official(doc: Doc, index: int) -> bool:
    """ "resmi menjalin kerja sama sister city", "meresmikan kemitraan": a partnership made
    official is its memorandum signed, not under a plan ("akan meresmikan")."""
    close = window(doc, index, -RENEWAL_REACH)
    official = any(key == "resmi" or has_root(key, OFFICIAL_ROOTS) for key in close)
    return (
        official
        and not window(doc, index, -BEFORE_WINDOW) & (PLAN_CLOSE | NEGATIONS)
        and not window(doc, index, AFTER_WINDOW) & PLANNED_AFTER
    )


HELD_REACH = 6


def held(doc: Doc, index: int) -> bool:
    """ "Lima di antaranya sudah berstatus sister province": a partnership a party holds."""
    close = window(doc, index, -REACHED_REACH)
    return bool(close & HELD) and not close & (PLAN_CLOSE | NEGATIONS)


LEAD_PARAGRAPHS = 2


HEADLINE_LENGTH = 150


def is_headline(doc: Doc, paragraph: int) -> bool:
    """A short line without a final full stop."""
    lines = doc.text.split("\n")
    line = lines[paragraph].strip() if paragraph < len(lines) else ""
    return 0 < len(line) <= HEADLINE_LENGTH and not line.endswith(".")


# Words of a sentence that explains terms ("MoU dikenal dengan beragam sebutan, misalnya Nota
# Kesepahaman atau Perjanjian Kerja Sama"): the documents it names are no stage of this story.
DEFINITION_WORDS = words("sebutan istilah pengertian definisi")


def defines_terms(doc: Doc, index: int) -> bool:
    return sentence_has(doc, index, DEFINITION_WORDS)


# Verbs of watching or reviewing: the practice they take as object is under way, whatever
# wish or plan comes before the verb ("ingin melihat langsung pelaksanaan kerja sama").
OBSERVING = words(
    "melihat meninjau memantau mengevaluasi evaluasi monitoring memonitor mengecek menyaksikan"
)
CARRYING_OUT = words("pelaksanaan implementasi realisasi")
OBSERVED_REACH = 3


def observed(doc: Doc, first: int, cooperation: list[bool]) -> bool:
    if doc.tokens[first].key not in CARRYING_OUT:
        return False
    if not cooperation[doc.tokens[first].sentence] or NEGATIONS & window(doc, first, -3):
        return False
    return bool(window(doc, first, -OBSERVED_REACH) & OBSERVING)


def cues(doc: Doc) -> list[tuple[int, int, str]]:
    """Cue phrases of the tables, and the affixed forms of the cue roots elsewhere. A document's
    acronym that the text spells out as something else ("penguatan kerja sama (PKS)") names
    that thing wherever it recurs."""
    redefined = redefined_acronyms(doc)
    found = [
        (first, last, slugs[0])
        for first, last, slugs in CUE_TABLE.scan(doc)
        if not (first == last and doc.tokens[first].key in redefined)
    ]
    taken = {i for first, last, _slug in found for i in range(first, last + 1)}
    # Each distinct word once: the same words recur through an article.
    for key, positions in doc.positions.items():
        if len(key) < 5 or key in ROOTS:
            continue
        root = CUE_ROOTS.get(key, MISSING)
        if root is MISSING:
            root = has_root(key, ROOTS)
            if len(CUE_ROOTS) < MAX_WORDS:
                CUE_ROOTS[key] = root
        if root is not None:
            found.extend(
                (i, i, ROOT_CUES[root]) for i in positions if i not in taken and doc.tokens[i].word
            )
    return sorted(found)


# The cue root of each word seen so far (None: it has none), as the same words come back.
CUE_ROOTS: dict[str, str | None] = {}
MISSING = ""
MAX_WORDS = 100_000  # a long-running process keeps this many words at most in each table


DOCUMENT_ACRONYMS = words("mou loi pks ksb kb moa")
# The words a document's own long form starts with ("Perjanjian Kerja Sama (PKS)", "Nota
# Kesepahaman (MoU)", "Kesepakatan Bersama (KSB)").
DOCUMENT_HEADS = words(
    "perjanjian nota memorandum kesepakatan letter surat pernyataan naskah kontrak"
)
SPELLED_OUT = 4


def redefined_acronyms(doc: Doc) -> frozenset[str]:
    """Document acronyms written in brackets after a phrase whose initials they are and which
    is no document: "penguatan kerja sama (PKS)" is not a Perjanjian Kerja Sama."""
    out: set[str] = set()
    for key in DOCUMENT_ACRONYMS:
        for i in doc.positions.get(key, ()):
            if i < 2 or doc.tokens[i - 1].text != "(":
                continue
            initials, heads, j = "", set(), i - 2
            while j >= 0 and len(initials) < len(key) and i - 2 - j < SPELLED_OUT:
                token = doc.tokens[j]
                if not token.word:
                    break
                initials = token.key[0] + initials
                heads.add(token.key)
                j -= 1
            if initials == key and not heads & DOCUMENT_HEADS:
                out.add(key)
    return frozenset(out)


def document_in_sentence(doc: Doc, index: int) -> bool:
    """The sentence names a document itself ("menandatangani LoI kerja sama"): the signing is
    that document's, not a bare partnership's."""
    words = word_index(doc)
    if words.documents is None:
        # every word a document's name starts at (not only the cues `cues` keeps)
        words.documents = {
            doc.tokens[i].sentence
            for key in CUE_TABLE.first.keys() & doc.positions.keys()
            for i in doc.positions[key]
            if (found := CUE_TABLE.match(doc, i)) and found[1][0] in DOCUMENTS
        }
    return doc.tokens[index].sentence in words.documents


@cache
def is_signing(key: str) -> bool:
    return key in SIGNING or key.startswith(SIGNING_STEMS) or bool(has_root(key, SIGNING_ROOTS))


def signature_at(doc: Doc, index: int) -> bool:
    """ "membubuhkan tanda tangan": the signature, written as two words."""
    return doc.tokens[index].key == "tangan" and doc.key_at(index - 1) == "tanda"


INK_ROOTS = frozenset({"teken", "tandatangan"})


def signed_in_sentence(doc: Doc, index: int, *, ink: bool = False) -> bool:
    """Some signing verb of the sentence of token `index` says a signing took place (not a
    plan: "akan diteken", "berencana menandatangani", "belum disepakati")."""
    first, end = doc.sentence_of(index)
    for i in signing_tokens(doc, first, end):
        # an inked verb is a signing verb: only those are read again
        key = doc.tokens[i].key
        inked = (
            key.startswith(SIGNING_STEMS) or bool(has_root(key, INK_ROOTS)) or signature_at(doc, i)
        )
        if (inked or not ink) and told_as_done(doc, i):
            return True
    return False


def signing_tokens(doc: Doc, first: int, end: int) -> list[int]:
    """The word tokens from `first` up to `end` that are a signing verb or a signature."""
    index = word_index(doc)
    words = range(index.counts[first], index.counts[end])
    return [index.tokens[w] for w in words if index.forms[w] == SIGNING_FORM]


def signing_at(doc: Doc, i: int) -> bool:
    """Word token `i` is a signing verb or a signature."""
    index = word_index(doc)
    return index.forms[index.counts[i]] == SIGNING_FORM


# Anywhere earlier in the clause of a verb these put it after the news: "setelah itu barulah
# kedua pihak menandatangani nota kesepahaman", "kelak Pemkot dan Kota X meneken MoU".
FUTURE_CLAUSE = words("barulah kelak nantinya")
# Before a verb of the prefix me- these make it the aim of another act: "terbang ke Kairo untuk
# meneken MoU", "kunjungan untuk menindaklanjuti kerja sama lewat penandatanganan MoU".
AIM = words("untuk guna demi")
# Aims that are attending what happens: "hadir untuk menyaksikan penandatanganan MoU".
WITNESSING = words("menyaksikan mengikuti menghadiri")


def told_as_done(doc: Doc, i: int) -> bool:
    """The signing at token `i` is told as done: no plan word close before it or right after
    it, and its clause does not look ahead or state a duty ("bahwa kerja sama ... harus
    memperoleh persetujuan DPRD untuk proses penandatanganan MoU")."""
    return (
        not window(doc, i, -PLAN_REACH) & PLAN_CLOSE
        and not window(doc, i, 2) & PLANNED_AFTER
        and not planned_clause(doc, i)
        and not (clause_has(doc, i, DUTIES) and not window(doc, i, -PLAN_REACH) & REACHED)
    )


# A duty or a rule: what it bears on is owed, not done.
DUTIES = words("harus wajib mesti diwajibkan")


def planned_clause(doc: Doc, index: int) -> bool:
    """The verb at `index` is what its clause looks ahead to, or lies in the aim of another
    act, back to a comma ("Untuk menekan pengangguran, Pemkab meneken MoU" is signed)."""
    if clause_has(doc, index, FUTURE_CLAUSE):
        return True
    words = word_index(doc)
    if words.commas is None:
        words.commas = sorted({*clause_stops(doc), *doc.tokens_of(",")})
    # the words back to a comma or a clause break (either ends the search)
    keys = words.keys[words_since(doc, words.commas, index) : words.counts[index]]
    if AIM.isdisjoint(keys):
        return False
    following = doc.tokens[index].key
    for key in reversed(keys):
        if key in AIM and following.startswith("me") and following not in WITNESSING:
            return True
        following = key
    return False


# Conjunctions of a condition: "sudah" after them is supposed ("bila sudah terwujud").
CONDITIONAL = words("jika apabila bila kalau seandainya andaikan andaikata asalkan manakala")


def conditional_clause(doc: Doc, index: int) -> bool:
    """The cue at `index` lies in a clause opened by a conjunction of condition, back to a
    comma or a clause break ("Bila dihitung sejak 1997, kerja sama sudah berjalan" is not)."""
    words = word_index(doc)
    if words.commas is None:
        words.commas = sorted({*clause_stops(doc), *doc.tokens_of(",")})
    keys = words.keys[words_since(doc, words.commas, index) : words.counts[index]]
    return not CONDITIONAL.isdisjoint(keys)


def clause_before(doc: Doc, index: int) -> set[str]:
    """Folded words of the clause before token `index`, back to a clause break."""
    words = word_index(doc)
    return set(words.keys[words_since(doc, clause_stops(doc), index) : words.counts[index]])


def clause_has(doc: Doc, index: int, keys: frozenset[str]) -> bool:
    """Some word of the clause before token `index` is one of `keys` (`clause_before`)."""
    return doc.holds(clause_start(doc, clause_stops(doc), index), index, keys)


def clause_stops(doc: Doc) -> list[int]:
    """The tokens where a clause breaks (`clause_break`), in order."""
    words = word_index(doc)
    if words.clauses is None:
        openers = (i for key in CLAUSE_OPENERS for i in doc.positions.get(key, ()))
        dashes = (i for char in DASHES for i in doc.tokens_of(char) if clause_break(doc, i))
        words.clauses = sorted({*words.stops, *openers, *dashes})
    return words.clauses


def words_since(doc: Doc, stops: list[int], index: int) -> int:
    """The first word after the last of `stops` before token `index` in its sentence."""
    return word_index(doc).counts[clause_start(doc, stops, index)]


def clause_start(doc: Doc, stops: list[int], index: int) -> int:
    """The token after the last of `stops` before token `index` in its sentence."""
    k = bisect_left(stops, index) - 1
    first = doc.sentences[doc.tokens[index].sentence][0]
    return stops[k] + 1 if k >= 0 and stops[k] >= first else first


RENEWAL = words(
    "perpanjang diperpanjangnya memperpanjang diperpanjang perpanjangan memperbarui diperbarui pembaruan "
    "memperbaharui diperbaharui pembaharuan perbarui perbaharui adendum addendum amandemen"
)


def renewed(doc: Doc, lead: list[StageFound], status: StageFound) -> bool:
    """ "MoU yang berakhir 2020 diperpanjang hari ini": a renewal signed in the lead is where
    the cooperation stands, not the end of the old term."""
    if status.slug != "ended":
        return False
    for found in lead:
        if found.slug in DOCUMENTS:
            first, end = doc.sentence_of(found.first)
            if any(
                doc.tokens[i].key in RENEWAL
                # "sudah habis masa berlakunya dan akan diperbarui": a renewal only planned
                and not window(doc, i, -PLAN_REACH) & PLAN_CLOSE
                for i in range(first, end)
            ):
                return True
    return False


HANDOVER_ROOTS = frozenset({"serah", "kirim", "berangkat", "terima", "lepas", "salur"})
# Right before a handover noun these make it the field of a cooperation ("Kerja Sama Pengiriman
# Tenaga Kerja", "bidang penyaluran tenaga kerja"), not an act.
FIELD_OF = words("sama kerjasama bidang tentang terkait mengenai soal urusan")
GIFTS = words("hibah bantuan armada unit dana")
GRANTS = words("hibah")
TOKENS_OF_COURTESY = words(
    "cenderamata cinderamata plakat kenang-kenangan kenangan souvenir sertifikat piagam penghargaan"
)
PARTICIPANTS = words(
    "pelajar siswa mahasiswa guru dosen peserta atlet pegawai asn petani perawat dokter "
    "tenaga ahli peneliti magang"
)


def activities(doc: Doc, cooperation: list[bool]) -> list[StageFound]:
    """The cooperation carried out: a grant handed over ("Hibah ... diserahkan", "serah
    terima armada") or participants sent ("mengirim sepuluh pelajar"), as a fact, in or right
    after a sentence about cooperation."""
    out: list[StageFound] = []
    candidates = sorted(
        i
        for key, positions in doc.positions.items()
        if len(key) >= 5 and (key == "serah" or has_root(key, HANDOVER_ROOTS))
        for i in positions
    )
    for i in candidates:
        token = doc.tokens[i]
        if doc.excluded[i]:
            continue
        root = has_root(token.key, HANDOVER_ROOTS)
        if root is None and not (token.key == "serah" and doc.key_at(i + 1) == "terima"):
            continue
        keys = sentence_keys(doc, i)
        previous = doc.sentences[doc.tokens[i].sentence - 1] if doc.tokens[i].sentence else None
        before_keys = sentence_keys(doc, previous[0]) if previous else frozenset()
        if not (about_cooperation(doc, i, cooperation) or (keys | before_keys) & GRANTS):
            continue  # "Hibah itu ... Serah terima berlangsung": a grant handed over
        before = window(doc, i, -BEFORE_WINDOW)
        if before & PLANNED or window(doc, i, AFTER_WINDOW) & PLANNED_AFTER:
            continue
        if doc.key_at(previous_word(doc, i)) in FIELD_OF:
            continue  # "kerja sama pengiriman tenaga kerja": the field, not a sending
        if keys & ANOTHER or before & ONCE:
            continue  # "kerja sama serupa pernah berjalan, ketika ATMI menerima bantuan"
        if keys & TOKENS_OF_COURTESY:
            continue  # "menyerahkan cenderamata": courtesy, not cooperation
        gift = keys & GIFTS or before_keys & GIFTS
        # "mengirim sepuluh pelajar", "40 ASN dilepas untuk magang": participants sent off
        sent = root in {"kirim", "berangkat", "lepas"} and (
            keys & PARTICIPANTS or counted_after(doc, i)  # "mengirimkan 15 pelatih tari"
        )
        # "menerima hibah", "hibah ... diterima": received, not only offered
        received = root == "terima" and window(doc, i, 3) & GIFTS | window(doc, i, -4) & GIFTS
        handed = root in {"serah", "salur"} or token.key == "serah"
        if (handed and gift) or sent or received:
            out.append(StageFound("implementation", (doc.span(i, i),), i))
    return out


PART_OF = phrases("bagian dari", "rangkaian dari", "bagian program", "rangkaian program")
PART_REACH = 5


def parts_of_cooperation(doc: Doc, cooperation: list[bool]) -> list[StageFound]:
    """ "Fiesta Budaya, bagian dari program pertukaran budaya kedua kota", "sebagai bagian dari
    program sister city": an occasion told as a piece of a cooperation's programme is that
    cooperation carried out; not one that is still to come ("akan menjadi bagian dari ...")."""
    out: list[StageFound] = []
    for first, last, _values in PART_OF.scan(doc):
        if doc.excluded[first] or not cooperation[doc.tokens[first].sentence]:
            continue
        ahead = window(doc, last, PART_REACH)
        if not ahead & (COOPERATION | EXCHANGES):
            continue
        if window(doc, first, -PLAN_REACH) & PLAN_CLOSE or ahead & PLANNED_AFTER:
            continue
        out.append(StageFound("implementation", (doc.span(first, last),), first))
    return out


EXCHANGES = words("pertukaran")


def counted_after(doc: Doc, i: int) -> bool:
    """A number or a count word right after the verb at token `i`."""
    j = doc.next_word[i]
    if j < 0 or doc.tokens[j].sentence != doc.tokens[i].sentence:
        return False
    key = doc.tokens[j].key
    return key.isdigit() or key in COUNTS


TRAINING = words("magang pelatihan diklat kursus belajar bertukar praktik studi")
COUNTS = words(
    "sebanyak dua tiga empat lima enam tujuh delapan sembilan sepuluh belasan puluhan ratusan"
)
SCOPE = words("meliputi mencakup lingkup berupa antaranya diantaranya")
COUNT_REACH = 3


def counted_participants(doc: Doc, cooperation: list[bool]) -> list[StageFound]:
    """ "Sebanyak 30 mahasiswa magang di Pemkab Banyuwangi", "20 ASN mengikuti pelatihan di
    Queensland": participants counted while they train or intern under a cooperation are the
    cooperation carried out; not the scope of an agreement ("meliputi pelatihan guru") nor a
    plan ("akan mengirim 20 ASN")."""
    out: list[StageFound] = []
    for key in TRAINING:
        for i in doc.positions.get(key, ()):
            if doc.excluded[i] or not about_cooperation(doc, i, cooperation):
                continue
            first, _end = doc.sentence_of(i)
            keys = sentence_keys(doc, i)
            if keys & SCOPE or window(doc, i, -BEFORE_WINDOW) & PLANNED:
                continue
            if window(doc, i, AFTER_WINDOW) & PLANNED_AFTER:
                continue
            if any(counted(doc, k) for k in range(first, i) if doc.tokens[k].key in PARTICIPANTS):
                out.append(StageFound("implementation", (doc.span(i, i),), i))
    return out


def counted(doc: Doc, participant: int) -> bool:
    """A number or a count word a few words before a participant noun."""
    j = participant
    for _ in range(COUNT_REACH):
        j = previous_word(doc, j)
        if j < 0:
            return False
        key = doc.tokens[j].key
        if key.isdigit() or key in COUNTS:
            return True
    return False


ESTABLISHED = words(
    "sister kembar bersaudara bermitra kemitraan persaudaraan kerja kerjasama mitra"
)
DURATION = words("tahun dekade dasawarsa abad")
# Years counted in words: "lima tahun", "dua puluh tahun", "belasan tahun", "setengah abad".
NUMBER_WORDS = words(
    "dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas puluhan belasan "
    "setengah seperempat"
)
TENS = words("puluh belas")


def duration_unit(doc: Doc, j: int) -> int | None:
    """The duration word after a count of years at token `j` ("21 tahun", "lima tahun", "dua
    puluh tahun", "setengah abad"), or None when no count starts there."""
    key = doc.tokens[j].key
    if key.isdigit():
        end = j if 1 < int(key) < 100 else -1
    elif key in NUMBER_WORDS:
        end = j + 1 if doc.key_at(j + 1) in TENS else j
    else:
        end = -1
    return end + 1 if end >= 0 and doc.key_at(end + 1) in DURATION else None


SINCE = words("sejak")
# Before a document, these say something now rests on it: it is not the news itself.
BASED_ON = words("berdasarkan landasan dasar payung")
# "Ikatan sister province ini dimulai tahun 2004": begun in a year, still going.
BEGUN = words("dimulai dimulainya bermula berawal terjalin dijalin")


# The words a lasting cooperation's years may start at (a number also may).
DURATION_STARTS = SINCE | BEGUN | NUMBER_WORDS


def established(doc: Doc, cooperation: list[bool]) -> list[StageFound]:
    """ "sister city sejak 1989", "sudah bermitra selama 21 tahun", "25 tahun sister city": a
    cooperation that has lasted for years is being carried out."""
    out: list[StageFound] = []
    for k, (first, end) in enumerate(doc.sentences):
        if not cooperation[k] or doc.excluded[first]:
            continue
        if not doc.in_sentence(first, ESTABLISHED):
            continue
        keys = sentence_keys(doc, first)
        if keys & IDEA or any(has_root(key, IDEA_ROOTS) for key in keys):
            continue  # "Rencana sister city yang digagas sejak 2021": an idea, not a practice
        if keys & DIPLOMATIC:
            continue  # "hubungan diplomatik sejak tahun 1973": the two states', not the pair's
        for j in range(first, end - 1):
            key = doc.tokens[j].key
            if key not in DURATION_STARTS and not key.isdigit():
                continue  # neither a year's start nor a count of years
            nxt = doc.key_at(j + 1)
            if key in BEGUN and nxt in {"pada", "sejak"}:
                key, nxt = "sejak", doc.key_at(j + 2)  # "dimulai pada tahun 2004"
                j += 1
            since = (key in SINCE or key in BEGUN) and (
                is_year(nxt) or (nxt == "tahun" and is_year(doc.key_at(j + 2)))
            )
            unit = duration_unit(doc, j)
            lasting = (
                unit is not None
                and doc.key_at(j - 1) not in REGULATION
                and not is_year(doc.key_at(unit + 1))  # "Nomor 22 Tahun 2020"
                # "20 tahun ke depan", "lima tahun mendatang": a term ahead, not one lasted
                and doc.key_at(unit + 1) not in {"ke", "mendatang", "lagi", "depan"}
            )
            if (since or lasting) and not window(doc, j, -PLAN_REACH) & PLAN_CLOSE:
                out.append(StageFound("implementation", (doc.span(j, unit or j + 1),), j))
                break
    return out


# A practice that recurs or has gone on so far: "selama ini", "setiap tahun", "rutin", "sidang
# ke-37" are said of a cooperation being carried out.
RECURRING = phrases(
    "selama ini", "setiap tahun", "tiap tahun", "saban tahun", "rutin", "secara rutin",
    "berkala", "secara berkala", "tahunan",
    # held again: "kembali menggelar program magang", "kembali mengirim pelajar"
    "kembali menggelar", "kembali mengadakan", "kembali menyelenggarakan",
    "kembali melaksanakan", "kembali mengirim", "kembali mengirimkan", "kembali menerima",
    "kembali memberangkatkan",
)  # fmt: skip
SESSIONS = words("sidang pertemuan forum rapat konferensi musyawarah mesyuarat mesyuwarat")


def recurring(doc: Doc, cooperation: list[bool]) -> list[StageFound]:
    """A cooperation said to recur or to have gone on so far ("kegiatan sister city selama ini
    meliputi ...", "pertukaran pelajar rutin setiap tahun", "Sidang ke-37 Sosek Malindo"), as a
    fact in a sentence about it."""
    out: list[StageFound] = []
    for first, last, _values in RECURRING.scan(doc):
        # "Kerja sama ... memasuki tahun ke-20. Kedua provinsi rutin menggelar pameran.";
        # "selama ini" ("so far") is said of the cooperation only in its own sentence
        if doc.excluded[first] or not (
            cooperation[doc.tokens[first].sentence]
            or (
                (first == last or doc.tokens[first].key != "selama")
                and about_cooperation(doc, first, cooperation)
            )
        ):
            continue
        if not relative_to_cooperation(doc, first):
            continue  # "konflik warga yang selama ini terjadi": said of something else
        if kept_up_relation(doc, last):
            continue  # "selama ini terus menjalin komunikasi yang baik": ties, no practice
        if window(doc, first, -BEFORE_WINDOW) & PLANNED or window(doc, last, 2) & PLANNED_AFTER:
            continue
        out.append(StageFound("implementation", (doc.span(first, last),), first))
    for i in doc.positions.get("ke", ()):
        # "Sidang ke-37", "pertemuan tahunan ke-19": the 37th session of a standing cooperation
        if ordinal_session(doc, i) and about_cooperation(doc, i, cooperation):
            out.append(StageFound("implementation", (doc.span(i, i + 2),), i))
    for key in BATCHES:
        for i in doc.positions.get(key, ()):
            # "kini memasuki angkatan ketiga": a programme that has run twice already
            if (
                ordinal_after(doc, i)
                and about_cooperation(doc, i, cooperation)
                and not window(doc, i, -BEFORE_WINDOW) & PLANNED
            ):
                end = i + 3 if doc.key_at(i + 1) == "ke" else i + 1  # "tahun ke-20"
                if doc.key_at(end + 1) in ROUND_OF:
                    end += 1  # "tahun kedua pelaksanaan"
                out.append(StageFound("implementation", (doc.span(i, end),), i))
    return out


# Ties kept up between two sides, which no cooperation carries out: "menjalin komunikasi yang
# baik", "menjaga silaturahmi".
RELATIONS = words("komunikasi silaturahmi silaturahim persaudaraan")
RELATION_REACH = 6


def kept_up_relation(doc: Doc, last: int) -> bool:
    """What goes on after a recurring phrase is a tie kept up, not a cooperation's practice."""
    after = window(doc, last, RELATION_REACH)
    return bool(after & RELATIONS) and not after & COOPERATION


# After "tahun kedua", what the round is of: it belongs to the evidence.
ROUND_OF = words("pelaksanaan program kerja sama kerjasama kemitraan")


PRACTICES = (
    ESTABLISHED
    | COOPERATION
    | words("program kegiatan pertukaran hubungan magang pelatihan kunjungan")
)


def relative_to_cooperation(doc: Doc, first: int) -> bool:
    """A recurring phrase in a relative clause ("X yang selama ini ...") is said of X: it counts
    only when X is a cooperation or one of its practices."""
    j = previous_word(doc, first)
    if j < 0 or doc.tokens[j].key != "yang":
        return True
    return doc.key_at(previous_word(doc, j)) in PRACTICES


# "angkatan ketiga", "memasuki tahun ke-20": a later round or year of a programme
BATCHES = words("angkatan gelombang batch edisi periode tahun")
ORDINALS = words("kedua ketiga keempat kelima keenam ketujuh kedelapan kesembilan kesepuluh")


def ordinal_after(doc: Doc, i: int) -> bool:
    """ "angkatan ketiga", "gelombang ke-2": a second or later round."""
    nxt = doc.key_at(i + 1)
    if nxt in ORDINALS:
        return True
    return nxt == "ke" and ordinal_number(doc, i + 1)


def ordinal_number(doc: Doc, ke: int) -> bool:
    if ke + 2 >= len(doc.tokens) or doc.tokens[ke + 1].text != "-":
        return False
    number = doc.tokens[ke + 2].key
    return number.isdigit() and int(number) > 1


def ordinal_session(doc: Doc, i: int) -> bool:
    if i + 2 >= len(doc.tokens) or doc.tokens[i + 1].text != "-" or doc.excluded[i]:
        return False
    number = doc.tokens[i + 2].key
    return number.isdigit() and int(number) > 1 and bool(window(doc, i, -3) & SESSIONS)


IDEA = words("rencana rencananya berencana wacana akan usulan draf draft rancangan")
DIPLOMATIC = words("diplomatik")
IDEA_ROOTS = frozenset({"gagas", "usul", "rintis"})
REGULATION = words("nomor no nomer pp uu perda permendagri")


def is_year(key: str) -> bool:
    return len(key) == 4 and key.isdigit() and key[:2] in {"19", "20"}


def frame_stage(doc: Doc) -> StageFound | None:
    """A cooperation frame with no stage said to be reached is being explored: a courtesy
    visit, a proposal, a hope. The evidence is the first word of cooperation."""
    for first, last, _values in COOPERATION_CUES.scan(doc):
        if not doc.excluded[first]:
            return StageFound("exploration", (doc.span(first, last),), first)
    return None


def paragraph_of(doc: Doc, index: int) -> int:
    """How many line breaks come before token `index`."""
    return doc.text.count("\n", 0, doc.tokens[index].start)


def is_reached(doc: Doc, slug: str, first: int, last: int, cooperation: list[bool]) -> bool:
    if conditional_clause(doc, first):
        return False  # "Bila sister city sudah terwujud, ...": supposed, not reached
    sentence = doc.tokens[first].sentence
    before = window(doc, first, -BEFORE_WINDOW)
    after = window(doc, last, AFTER_WINDOW) | predicate_after(doc, last)
    close = window(doc, first, -REACHED_REACH)
    if (close & REACHED or doc.tokens[first].key in REACHED) and (
        not close & NEGATIONS and not after & PLANNED_AFTER
    ):
        # "telah dibicarakan", "sudah menandatangani MoU", "membahas kelanjutan program yang
        # sudah berjalan": a plan further back is over, or said of something else.
        before -= PLANNED
    if slug == "exploration":
        if before & PLANNED or after & PLANNED_AFTER:
            return False  # "berencana menjajaki": not even exploring yet
        return cooperation[sentence] or slug_in_sentence(doc, first, COOPERATION)
    if slug in DOCUMENTS:
        if followed_up(doc, first) and not close & NEGATIONS:
            # "untuk menindaklanjuti Letter of Intent yang telah ditandatangani": what is
            # followed up exists, whatever aim governs the verb
            return True
        if (
            close & PLAN_CLOSE
            or after & PLANNED_AFTER
            or doc.key_at(first - 1) in UPGRADE
            or planned_clause(doc, first)
        ):
            return False
        if slug == "pks" and doc.tokens[first].key == "pks" and not doc.tokens[first].upper:
            return False
        if close & HELD and not window(doc, first, -HELD_REACH) & (PLAN_CLOSE | PLANNED_AFTER):
            # "tertuang dalam LoI", "sudah terikat MoU": held, whatever purpose came before;
            # not "siap mengikat diri lewat nota", "nantinya dituangkan dalam MoU".
            return True
        if signed_after(doc, last):
            # "belum memenuhi kewajiban dalam perjanjian kerja sama yang diteken pada 2019":
            # the relative clause says the document was signed, whatever the main clause plans
            return True
        if before & PLANNED and not close & REACHED:
            # "untuk menekan pengangguran, Pemkab meneken MoU": a purpose further back is no
            # plan of the signing; the signing verb's own words decide.
            return signed_in_sentence(doc, first) and not before & PLAN_CLOSE
        return bool(
            before & (SIGNING | RESTS_ON)
            or after & SIGNING
            or signed_after(doc, last)
            or signed_in_sentence(doc, first)
        )
    if not about_cooperation(doc, first, cooperation):
        return False
    if slug == "ended" and is_term(doc, first, last, before):
        return False
    if doc.tokens[last].key == "habis" and not window(doc, first, -HABIS_REACH) & THREATENED:
        return False  # "sudah habis" of a contract, not of a budget or of stock
    if slug in STATUS and of_office(doc, first, last):
        return False  # "Akhiri Masa Tugas", "masa jabatan bupati berakhir": a person's term
    if slug == "implementation":
        if doc.key_at(last + 1) in NOT_COOPERATION:
            return False  # "realisasi investasi Jepang mencapai ...": a figure, not a practice
        if doc.tokens[last].key in STANDING and not window(doc, first, -5) & PARTNERSHIPS:
            return False  # "hubungan baik yang telah terjalin": ties, not a cooperation
        if vague_fruit(doc, first, last):
            return False  # "Kunjungan itu membuahkan hasil": a result, not a practice
        if said_of_occasion(doc, first, last):
            return False  # "Kunjungan ini dilaksanakan ...", "Pertemuan berjalan hangat"
        if doc.tokens[last].key in OPERATING and not slug_in_sentence(doc, first, PRODUCED):
            return False  # "KEK Palu sudah beroperasi": the region's own facility at work
        if window(doc, first, -2) & ONCE or window(doc, first, -BEFORE_WINDOW) & ANOTHER:
            return False  # "kerja sama serupa pernah berjalan pada 2001-2009": another, past
        return not (before & PLANNED or after & PLANNED_AFTER)
    if window(doc, first, -1) & SCHEDULED:
        return False  # "dijadwalkan berakhir": the end of a term, not a status
    if hoped(doc, first) or outcome(doc, last):
        return False
    not_now = window(doc, first, -REACHED_REACH - 1) & NOT_NOW
    return not (
        (not_now and not_now & clause_before(doc, first)) or clause_after(doc, last) & STATUS_LATER
    )


# A partnership standing ("telah terjalin") is carried out only when it is a cooperation's.
STANDING = words("terjalin terbangun")
PARTNERSHIPS = COOPERATION | words(
    "sister kembar bersaudara persaudaraan kemitraan mitra kerjasamanya samanya"
)


# Right before a document these make it the object of a follow-up: it already exists.
FOLLOWING_UP = words("menindaklanjuti")
OF = words("dari atas terhadap")


def followed_up(doc: Doc, first: int) -> bool:
    """ "menindaklanjuti LoI", "tindak lanjut dari MoU": the document followed up was reached
    (not "ditindaklanjuti dengan MoU", where the document is the follow-up)."""
    j = previous_word(doc, first)
    if doc.key_at(j) in OF:
        j = previous_word(doc, j)
    key = doc.key_at(j)
    return key in FOLLOWING_UP or (
        key == "lanjut" and doc.key_at(previous_word(doc, j)) == "tindak"
    )


# The term of a person's office: its end is no cooperation's ("Akhiri Masa Tugas", "masa
# jabatan bupati berakhir").
OFFICE = words(
    "jabatan jabatannya tugas tugasnya bakti baktinya kepemimpinan kepemimpinannya pensiun"
)
OFFICE_REACH = 3


def of_office(doc: Doc, first: int, last: int) -> bool:
    return bool((window(doc, last, OFFICE_REACH) | window(doc, first, -OFFICE_REACH)) & OFFICE)


# After "membuahkan hasil" these name the fruit: only then is a practice told.
FRUIT_NAMED = words("berupa yaitu yakni antara")


def vague_fruit(doc: Doc, first: int, last: int) -> bool:
    """ "membuahkan hasil" with no fruit named is a result, not a cooperation carried out."""
    fruit = doc.next_word[last]
    if doc.tokens[first].key != "membuahkan" or fruit < 0 or doc.tokens[fruit].key != "hasil":
        return False
    return doc.key_at(doc.next_word[fruit]) not in FRUIT_NAMED


COORDINATORS = words("dan tetapi tapi namun sedangkan sehingga lalu kemudian")


def clause_after(doc: Doc, last: int) -> set[str]:
    """The words after a status in its own clause: "sudah habis masa berlakunya dan akan
    diperbarui" puts the renewal, not the expiry, in the future."""
    out: set[str] = set()
    for key in ordered_after(doc, last, AFTER_WINDOW):
        if key in COORDINATORS:
            return out
        out.add(key)
    return out | predicate_after(doc, last)


def ordered_after(doc: Doc, last: int, size: int) -> list[str]:
    sentence = doc.tokens[last].sentence
    out: list[str] = []
    j = last + 1
    while j < len(doc.tokens) and len(out) < size:
        token = doc.tokens[j]
        if token.sentence != sentence or token.text in {";", ":"}:
            break
        if token.word:
            out.append(token.key)
        j += 1
    return out


# A facility at work is the cooperation carried out only when its sentence says the
# cooperation, a grant or an aid gave it ("Melalui kerja sama dengan JICA, ... instalasi
# pengolahan sampah yang sudah beroperasi").
OPERATING = words("beroperasi dioperasikan dimanfaatkan")
PRODUCED = COOPERATION | words("bantuan hibah")


# Occasions of a story (a visit, a meeting, a signing ceremony): an implementation cue said of
# one of them ("Kunjungan ini dilaksanakan dalam rangka menjajaki ...", "Pertemuan berjalan
# hangat", "pelaksanaan audiensi") tells how the occasion went, not that a cooperation is
# carried out.
OCCASIONS = words(
    "kunjungan kunker lawatan pertemuan acara rapat audiensi penandatanganan penekenan "
    "seremoni seremonial upacara diskusi dialog jamuan silaturahmi silaturahim sambutan "
    "ramah-tamah webinar konferensi rombongan temu perjalanan"
)
# A clause opened by one of these has no subject of its own ("Dalam kunjungan itu, ...").
PREPOSITIONS = words("dalam pada saat di dari usai setelah sebelum selama ketika sewaktu seusai")
# Words that may stand between an implementation noun and what it is of ("pelaksanaan
# kunjungan kerja", "pelaksanaan dari pertemuan").
OF_REACH = 2
SUBJECT_REACH = 12


def said_of_occasion(doc: Doc, first: int, last: int) -> bool:
    """An implementation cue whose noun is an occasion ("pelaksanaan pertemuan") or whose
    clause's subject is one ("Kunjungan ini dilaksanakan", "Acara penandatanganan berjalan
    lancar")."""
    j = last + 1
    taken = 0
    while j < len(doc.tokens) and taken < OF_REACH and doc.tokens[j].word:
        if doc.tokens[j].key in OCCASIONS:
            return True
        if doc.tokens[j].key not in {"dari", "para"}:
            taken += 1
        j += 1
    sentence = doc.tokens[first].sentence
    subject = ""
    j, taken = first - 1, 0
    while j >= 0 and doc.tokens[j].sentence == sentence and taken < SUBJECT_REACH:
        token = doc.tokens[j]
        if token.text == "," or clause_break(doc, j):
            break
        if token.word:
            if token.key in PRACTICE_NOUNS:
                return False  # "Pertemuan membahas program pelatihan yang sudah berjalan"
            if token.key not in DETERMINERS:
                subject = token.key
            taken += 1
        j -= 1
    return subject in OCCASIONS


# Between an occasion and an implementation cue, these are what the cue is said of: "Pertemuan
# membahas kelanjutan program pelatihan petani yang sudah berjalan".
PRACTICE_NOUNS = COOPERATION | words(
    "program kegiatan pertukaran magang pelatihan proyek layanan bantuan hibah"
)


# Verbs of hoping whose complement clause runs on to the status: "berharap kunjungan menteri ke
# Solo, Rabu (9/1), berakhir dengan kerja sama".
HOPES = words("berharap mengharapkan diharapkan harapan harapannya semoga mudah-mudahan")
# A new clause starts: what follows is no longer the hope's complement.
CLAUSE_BREAKS = words(
    "karena sebab sehingga namun tetapi tapi sedangkan padahal meski meskipun walau walaupun "
    "setelah sesudah sejak kini sekarang"
)


def hoped(doc: Doc, index: int) -> bool:
    """A hope verb earlier in the sentence governs the status, with no new clause and no
    "telah"/"sudah" between them: it is wished for, not where the cooperation stands."""
    first, _end = doc.sentence_of(index)
    for j in range(index - 1, first - 1, -1):
        key = doc.tokens[j].key
        if key in CLAUSE_BREAKS or key in REACHED:
            return False
        if key in HOPES:
            return True
    return False


# "berakhir dengan kerja sama", "berujung pada penandatanganan": what it ends in is an outcome.
OUTCOME_JOINERS = words("dengan pada")
OUTCOMES = COOPERATION | words("kesepakatan penandatanganan kemitraan investasi")


def outcome(doc: Doc, last: int) -> bool:
    """ "berakhir dengan kerja sama": the status verb names what something results in."""
    return doc.key_at(last + 1) in OUTCOME_JOINERS and doc.key_at(last + 2) in OUTCOMES


def is_term(doc: Doc, first: int, last: int, before: set[str]) -> bool:
    """ "yang berakhir pada Agustus 2024": the end of a term, said of a cooperation that may
    well be renewed, unless it is said to be over ("telah berakhir pada")."""
    if doc.tokens[first].key != "berakhir" or before & {"telah", "sudah", "resmi", "sejak"}:
        return False
    return doc.key_at(last + 1) in {"pada", "tahun", "bulan", "hingga", "sampai", "akhir"}


def signed_after(doc: Doc, last: int) -> bool:
    """ "Nota kesepahaman antara Pemkot A dan Kota B, yang diteken pada 2019": a relative
    clause a few words on says the document was signed."""
    if "yang" not in window(doc, last, RELATIVE_REACH):
        return False
    j = last + 1
    while j < len(doc.tokens) and doc.tokens[j].key != "yang" and j - last < RELATIVE_REACH:
        j += 1
    tail = window(doc, j, 3)
    return bool(tail & SIGNING) and not tail & PLANNED


# A contract between a government and a company is a cooperation ("memutus kontrak dengan PT").
COOPERATION_OR_CONTRACT = COOPERATION | words("kontrak kontraknya")


def about_cooperation(doc: Doc, index: int, cooperation: list[bool]) -> bool:
    """The sentence of token `index`, or the one before it in its paragraph ("Program ini
    sudah berjalan sejak 2024"), speaks of cooperation."""
    sentence = doc.tokens[index].sentence
    if cooperation[sentence] or slug_in_sentence(doc, index, COOPERATION_OR_CONTRACT):
        return True
    if sentence == 0:
        return False
    previous_start = doc.tokens[doc.sentences[sentence - 1][0]].start
    same_paragraph = "\n" not in doc.text[previous_start : doc.tokens[index].start]
    return same_paragraph and cooperation[sentence - 1]


@dataclass(slots=True)
class WordIndex:
    """The words of one article, indexed once, the first time a stage rule asks: the words
    around a cue, of its clause or of its sentence are then slices, not walks over tokens."""

    counts: list[int]  # counts[j]: how many word tokens come before token j
    tokens: list[int]  # the token of each word
    keys: list[str]  # the key of each word
    forms: list[str]  # each word as a window holds it: a signing verb as SIGNING_FORM
    plans: list[int]  # plans[w]: how many words before word w have a root in PLAN_ROOTS
    stops: list[int]  # the tokens no window runs across (";" and ":"), in order
    clauses: list[int] | None = None  # `clause_stops`, when first asked
    commas: list[int] | None = None  # clause stops and commas, when first asked
    sentence_keys: dict[int, frozenset[str]] = field(default_factory=dict)
    documents: set[int] | None = None  # `document_in_sentence`, when first asked


# Each word's form in a window and whether its root puts what follows ahead (PLAN_ROOTS),
# kept as the same words come back in every article.
WINDOW_FORMS: dict[str, tuple[str, bool]] = {}


def window_form(key: str) -> tuple[str, bool]:
    found = WINDOW_FORMS.get(key)
    if found is None:
        form = SIGNING_FORM if is_signing(key) else key
        found = (form, bool(has_root(key, PLAN_ROOTS)))
        if len(WINDOW_FORMS) < MAX_WORDS:
            WINDOW_FORMS[key] = found
    return found


def word_index(doc: Doc) -> WordIndex:
    index: WordIndex | None = doc.derived.get("stage")
    if index is None:
        index = doc.derived["stage"] = build_word_index(doc)
    return index


def build_word_index(doc: Doc) -> WordIndex:
    tokens = doc.tokens
    is_word = [token.word for token in tokens]
    words = [i for i, word in enumerate(is_word) if word]
    keys = [tokens[i].key for i in words]
    counts = list(accumulate(is_word, initial=0))
    known = WINDOW_FORMS.get
    found = [known(key) or window_form(key) for key in keys]
    forms = [form for form, _plan in found]
    for j in doc.positions.get("tangan", ()):
        if signature_at(doc, j):  # "membubuhkan tanda tangan"
            forms[counts[j]] = SIGNING_FORM
    plans = list(accumulate([plan for _form, plan in found], initial=0))
    stops = sorted(doc.tokens_of(";") + doc.tokens_of(":"))
    return WordIndex(counts, words, keys, forms, plans, stops)


def sentence_keys(doc: Doc, index: int) -> frozenset[str]:
    """The keys of every token of the sentence of token `index`."""
    sentence = doc.tokens[index].sentence
    cached = word_index(doc).sentence_keys
    keys = cached.get(sentence)
    if keys is None:
        first, end = doc.sentences[sentence]
        keys = cached[sentence] = frozenset([token.key for token in doc.tokens[first:end]])
    return keys


def window(doc: Doc, index: int, size: int) -> set[str]:
    """Folded words within `size` tokens of `index` (negative: before), in its sentence: a
    signing verb as SIGNING_FORM, and PLAN_FORM for a word whose root puts what follows ahead
    ("Setujui", "menyetujuinya", "diusulkan")."""
    words = word_index(doc)
    first, end = doc.sentences[doc.tokens[index].sentence]
    stops = words.stops
    if size < 0:
        k = bisect_left(stops, index) - 1
        stop = stops[k] if k >= 0 and stops[k] >= first else first - 1
        high = words.counts[index]
        low = max(words.counts[stop + 1], high + size)
    else:
        k = bisect_right(stops, index)
        stop = stops[k] if k < len(stops) and stops[k] < end else end
        low = words.counts[index + 1]
        high = min(words.counts[stop], low + size)
    out = set(words.forms[low:high])
    if words.plans[high] > words.plans[low]:
        out.add(PLAN_FORM)
    if size < 0 and "tindak" in out and "lanjut" in out:
        out.add("tindak lanjut")
    return out


# Inside the name of a document these join its parties and its subject: "MoU Bupati Paser dan
# Walikota Serang tentang transmigrasi dipastikan segera diteken".
NOUN_PHRASE_JOINERS = words("dan antara dengan serta tentang mengenai soal terkait")


def predicate_after(doc: Doc, last: int) -> set[str]:
    """The first words after a document's noun phrase (its parties' capitalised names and
    joiners do not count towards the window): where its verb and modality are."""
    sentence = doc.tokens[last].sentence
    out: set[str] = set()
    j, taken = last + 1, 0
    while j < len(doc.tokens) and taken < AFTER_WINDOW:
        token = doc.tokens[j]
        if token.sentence != sentence or token.text in {";", ":", ","}:
            break
        if token.word and not token.cap and token.key not in NOUN_PHRASE_JOINERS:
            out.add(token.key)
            if has_root(token.key, PLAN_ROOTS) and "yang" not in out:
                # "Penandatanganan MoU ... sudah disetujui DPRD": the signing approved is
                # ahead; "MoU yang disetujui DPRD itu diteken" tells the approval before it
                out.add("direncanakan")
            taken += 1
        j += 1
    return out & PLANNED_AFTER


def slug_in_sentence(doc: Doc, index: int, keys: frozenset[str]) -> bool:
    return sentence_has(doc, index, keys)


def sentence_has(doc: Doc, index: int, keys: frozenset[str]) -> bool:
    return doc.in_sentence(index, keys)
