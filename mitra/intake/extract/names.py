"""Capitalised name spans ("Makassar International Eight Festival and Forum (F8)"): the raw
material of organisation and event names.

A run is a sequence of capitalised words, joined by lowercase connectors ("dan", "of", "de")
only between capitalised words, never across a comma, bracket, sentence end or line break. A
short acronym in brackets right after a run is kept with it: later bare uses of the acronym
point back to the run.
"""

import re
from dataclasses import dataclass

from mitra.intake.extract.lexicon import LEGAL_FORMS, ROLE_HEADS, SENTENCE_OPENERS, words
from mitra.intake.extract.tokens import Doc

ENTITY_OPENERS = words(
    """
    pemerintah pemkot pemkab pemprov pemko pemda kota kabupaten provinsi prefektur universitas
    university universiteit universiti institut institute politeknik yayasan foundation pt cv
    perum perumda kementerian ministry kedutaan embassy konsulat consulate bank asosiasi
    association badan lembaga dinas delegasi
    """
)
CONNECTORS = words("dan and of for the de des du la le del della van von für & und y e")
ACRONYM = re.compile(r"^[A-Z0-9][A-Za-z0-9]*[A-Z0-9]$|^[A-Z][a-z]+[A-Z]\w*$")
MAX_RUN = 14
# Abbreviations whose dot stays inside a name: "St. Petersburg", "St. Mary's", "Mt. Hood".
SAINT = frozenset({"st", "ste", "mt"})


@dataclass(frozen=True, slots=True)
class Run:
    first: int
    last: int
    acronym: tuple[int, int] | None  # tokens of "(F8)" without the brackets
    numeral: int | None = None  # "PT Perkebunan Nusantara (PTPN) XII": the numeral's token

    @property
    def end_token(self) -> int:
        """The last token including the bracketed acronym (and a numeral after it)."""
        if self.numeral is not None:
            return self.numeral
        return self.acronym[1] + 1 if self.acronym else self.last


# Indonesian company forms often written with a dot before the name ("PT. Indonesia Power").
DOTTED_COMPANY_FORMS = frozenset({"pt", "cv"})


def find_runs(doc: Doc, blocked: set[int]) -> list[Run]:
    runs: list[Run] = []
    tokens = doc.tokens
    i, count = 0, len(tokens)
    while i < count:
        token = tokens[i]
        if not (token.word and token.cap) or doc.excluded[i] or i in blocked:
            i += 1
            continue
        last = legal_brackets(doc, run_end(doc, i, blocked))
        first = trim_start(doc, i, last)
        if first <= last:
            acronym = acronym_after(doc, last)
            numeral = None
            if last + 3 < len(tokens) and tokens[last + 1].text == "(":
                # "PT Pelabuhan Indonesia (Pelindo) III": a short name however it is cased
                numeral = numeral_after(doc, last + 3) if tokens[last + 2].word else None
                if numeral is not None and acronym is None:
                    acronym = (last + 2, last + 2)
            runs.append(Run(first, last, acronym, numeral))
            if numeral is not None:
                last = numeral
        i = last + 1
    return runs


def run_end(doc: Doc, first: int, blocked: set[int]) -> int:
    tokens = doc.tokens
    last, j = first, first + 1
    while j < len(tokens) and j - first < MAX_RUN and j not in blocked and not doc.excluded[j]:
        token, gap = tokens[j], doc.gap(j - 1, j)
        if "\n" in gap or token.sentence != tokens[first].sentence:
            break
        if token.word and (token.cap or token.text[0].isdigit()):
            last = j
        elif token.word and token.key in CONNECTORS and next_is_capital(doc, j):
            if token.key in {"dan", "and", "serta"} and starts_entity(doc, j + 1):
                break  # "Pemkab Maros dan Universitas Hasanuddin": two names, not one

        elif token.text in "&-.'’" and not gap and next_is_capital(doc, j, glued=token.text != "&"):
            pass
        elif (
            token.text == "."
            and not gap
            and tokens[j - 1].key in SAINT | DOTTED_COMPANY_FORMS
            and next_is_capital(doc, j)
        ):
            pass  # "St. Mary's University", "Mt. Kinabalu", "PT. Indonesia Power"
        elif (
            token.text in "'’"
            and not gap
            and j + 1 < len(tokens)
            and tokens[j + 1].key == "s"
            and tokens[j + 1].start == token.end
            and next_is_capital(doc, j + 1)
        ):
            j += 1  # "Mary's University", "King's College": a possessive inside the name
        elif token.text == "&" and next_is_capital(doc, j):
            pass  # "Daewoo Engineering & Construction": an ampersand joins one name
        elif token.text == "+" and not gap and next_is_capital(doc, j, glued=True):
            pass  # "Witteveen+Bos"
        elif token.text in ",." and legal_form_follows(doc, j):
            pass  # "Hanbit Solar Co., Ltd."
        else:
            break
        j += 1
    return last


def starts_entity(doc: Doc, j: int) -> bool:
    """Token j opens a name of its own: an organisation, a government or a role."""
    key = doc.tokens[j].key
    return key in ENTITY_OPENERS or ROLE_HEADS.match(doc, j) is not None


def legal_brackets(doc: Doc, last: int) -> int:
    """ "PT PLN (Persero)", "PT Bank Sulselbar (Perseroda)": the bracketed form is part of it."""
    tokens = doc.tokens
    if (
        last + 3 < len(tokens)
        and tokens[last + 1].text == "("
        and tokens[last + 2].key in {"persero", "perseroda", "tbk"}
        and tokens[last + 3].text == ")"
    ):
        last += 3
    if last + 1 < len(tokens) and tokens[last + 1].key == "tbk" and tokens[last + 1].cap:
        last += 1  # "PT Bank Rakyat Indonesia (Persero) Tbk"
    return last


def legal_form_follows(doc: Doc, j: int) -> bool:
    """A comma or an abbreviation's dot inside a company name: "Co., Ltd.", "Sdn. Bhd."."""
    tokens = doc.tokens
    if tokens[j].text == "." and (
        tokens[j - 1].end != tokens[j].start or len(tokens[j - 1].text) > 4
    ):
        return False
    k = j + 1
    if tokens[j].text == "." and k < len(tokens) and tokens[k].text == ",":
        k += 1
    return k < len(tokens) and tokens[k].key in LEGAL_FORMS and tokens[k].cap


def next_is_capital(doc: Doc, j: int, *, glued: bool = False) -> bool:
    if j + 1 >= len(doc.tokens):
        return False
    after = doc.tokens[j + 1]
    if glued and after.start != doc.tokens[j].end:
        return False
    return after.word and (after.cap or after.text[0].isdigit())


def trim_start(doc: Doc, first: int, last: int) -> int:
    """Drop a sentence-opening word and role titles ("Rektor Universitas X" -> "Universitas X")."""
    tokens = doc.tokens
    while first <= last:
        if tokens[first].key in SENTENCE_OPENERS:
            first += 1
            continue
        head = ROLE_HEADS.match(doc, first)
        if head is not None and head[0] < last:
            first = head[0] + 1
            continue
        break
    while first <= last and not tokens[first].word:
        first += 1
    return first


def acronym_after(doc: Doc, last: int) -> tuple[int, int] | None:
    """ "(F8)", "(MARA)", "(Diskominfo)" right after the run."""
    tokens = doc.tokens
    j = last + 1
    if j + 2 >= len(tokens) or tokens[j].text != "(":
        return None
    k = j + 1
    while k < len(tokens) and k <= j + 3 and tokens[k].text != ")":
        if not tokens[k].word:
            return None
        k += 1
    if k >= len(tokens) or tokens[k].text != ")" or k == j + 1:
        return None
    text = doc.surface(j + 1, k - 1)
    if " " in text or not ACRONYM.match(text.replace("-", "")):
        return None
    return (j + 1, k - 1)


ROMAN_NUMERAL = re.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")


def is_roman_numeral(doc: Doc, j: int) -> bool:
    """ "XII", "III", "IV": the number of a state enterprise's regional company."""
    return (
        0 <= j < len(doc.tokens)
        and doc.tokens[j].word
        and bool(doc.tokens[j].text)
        and ROMAN_NUMERAL.match(doc.tokens[j].text) is not None
    )


def numeral_after(doc: Doc, closing: int) -> int | None:
    """ "PT Perkebunan Nusantara (PTPN) XII", "PT Pelabuhan Indonesia (Pelindo) III": the
    Roman numeral after the bracketed acronym numbers the company and belongs to its name."""
    j = closing + 1
    if (
        closing < len(doc.tokens)
        and doc.tokens[closing].text == ")"
        and is_roman_numeral(doc, j)
        and doc.gap(closing, j) == " "
        and doc.tokens[j].sentence == doc.tokens[closing].sentence
    ):
        return j
    return None


def acronym_uses(doc: Doc, run: Run) -> list[tuple[int, int]]:
    """Later token positions where the run's acronym stands alone."""
    if run.acronym is None or run.acronym[0] != run.acronym[1]:
        return []
    key = doc.tokens[run.acronym[0]].text
    return [
        (i, i)
        for i, token in enumerate(doc.tokens)
        if token.text == key and i != run.acronym[0] and not doc.excluded[i]
    ]
