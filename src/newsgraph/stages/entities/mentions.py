"""Name mentions from the parse: spaCy's entities, corrected by the gazetteer, with clean boundaries.

A `Candidate` is one mention before grouping: its character span, contract type, kind and, for gazetteer
names, what the gazetteer says it is (`country:NER`, `demonym:NER`, `capital:NER`, `org:Wagner`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span

from ... import lexicons
from ...lexicons.entities import entity_words
from ...lexicons.names import Gender, title_gender
from .apposed_genders import apposed_gender
from .headlines import drop_credit_names
from .name_shapes import is_legal_form, minister_portfolio, retyped_by_shape

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..base import Parsed

_WORDS = entity_words()  # the word lists this module uses, from lexicons/entity_words.tsv

# spaCy label -> contract type. FAC (roads, airports, stadiums) are places for users and for CoNLL.
LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC", "NORP": "GPE"}

_LEADING_DROP = _WORDS.leading_drop
_HONORIFICS = _WORDS.honorifics
_TRAILING_DROP = {"'s", "’s", "'", "’", ",", ".", ":", ";", "-", "—", "–"}
_POSSESSIVE = ("'s", "’s")
# Words that stand before a title and are left over when the model cuts the title off a body's name.
_TITLE_WORDS = _WORDS.title_words
# Words that make the rest of a span an organisation, so a title before them is part of its name.
_ORG_HEADS = _WORDS.org_heads
# Names whose number is part of them ("Highway 59", "Route 9", "Terminal 5").
_NUMBERED_NAMES = _WORDS.numbered_names
_NUMERIC = re.compile(r"[\d.,:/-]*\d[\d.,:/-]*")
_EVENT_TAILS = _WORDS.event_tails


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    text: str
    type: str
    kind: str  # name | demonym | nominal | pronoun
    kb: str | None  # gazetteer id, or None
    tok_start: int
    tok_end: int
    sentence: int
    title_before: str | None = None  # the title word right before a name ("General" of "General Modi")
    # The gender a noun set beside the name as an apposition says ("Ann Lee, a widow,"): grouping keeps
    # a later "Mr. Lee" apart from her when her given name is one the names list does not know.
    described: Gender | None = None

    @classmethod
    def from_span(
        cls,
        parsed: Parsed,
        span: Span,
        type_: str,
        kind: str,
        kb: str | None = None,
        title: str | None = None,
        described: Gender | None = None,
    ) -> Candidate:
        return cls(
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            type=type_,
            kind=kind,
            kb=kb,
            tok_start=span.start,
            tok_end=span.end,
            sentence=parsed.sentence_index(span.start_char),
            title_before=title,
            described=described,
        )

    @property
    def code(self) -> str | None:
        """The ISO3 code of a gazetteer country, demonym or capital."""
        if self.kb and self.kb.split(":", 1)[0] in ("country", "demonym", "capital", "nation"):
            return self.kb.split(":")[1]
        return None

    @functools.cached_property  # cluster.fullest ranks names by it for every mention against every cluster
    def fullness(self) -> tuple[int, int]:
        """How full a name is: its words, then its characters."""
        return len(self.text.split()), len(self.text)

    @functools.cached_property  # grouping asks it of every mention against every cluster
    def key(self) -> str:
        """Text form for comparisons: case-folded, no possessive, single spaces."""
        return normalise_name(self.text)


# Grouping compares every mention with every cluster by this form: cached, it is computed once per name.
@functools.lru_cache(maxsize=8192)
def normalise_name(text: str) -> str:
    text = text.replace("’", "'")
    for p in ("'s",):
        if text.endswith(p):
            text = text[: -len(p)]
    return " ".join(text.replace(".", "").split()).casefold()


def _is_title(text: str) -> bool:
    return text.lower() in lexicons.titles()


def split_abbreviation(token: Token) -> bool:
    """The tokenizer split an abbreviation from its dot ("Const", "."): the word is read with it."""
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].text == "." and not token.whitespace_


def _title_token(doc: Doc, i: int) -> bool:
    """Token `i` is a title, or a title's abbreviation whose dot the tokenizer split off ("Const", ".")."""
    word = doc[i].text
    return _is_title(word) or (split_abbreviation(doc[i]) and _is_title(word + "."))


def _body_before_rank(doc: Doc, start: int, end: int) -> int | None:
    """Where a body's name ends inside a person span that is a body and a rank before a name ("RCMP
    Const. Ann Roy" read as the person "RCMP Const"): the rank is the name's title, the words before it
    the body it serves in. Only a body's shape counts (an acronym, a known body, a body's head word), so a
    person's own name before a title stays whole."""
    cut = end
    while cut > start + 1 and _title_token(doc, cut - 1):
        cut -= 1
    if cut == end:
        return None
    after = end + 1 if end < len(doc) and doc[end].text == "." else end
    if after >= len(doc) or not doc[after].text[:1].isupper():
        return None  # no name follows the rank
    body = doc[start:cut]
    acronym = all(t.text.isupper() and len(t.text) >= 2 for t in body)
    if acronym or body.text in lexicons.organisation_by_name() or any(t.lower_ in _ORG_HEADS for t in body):
        return cut
    return None


def _pieces(span: Span) -> list[tuple[int, int]]:
    """A model entity cut at line breaks and spaced dashes, which no name runs over
    ("American League\nDETROIT", "SOCCER - BELGIUM", "Romania - Contra")."""
    doc = span.doc
    pieces, start = [], span.start
    for i in range(span.start, span.end):
        breaks_after = "\n" in doc[i].whitespace_ or "\n" in doc[i].text_with_ws[:-1]
        if doc[i].is_space or (doc[i].text in "-–—" and doc[i].whitespace_ and i > span.start):
            if i > start:
                pieces.append((start, i))
            start = i + 1
        elif breaks_after:
            pieces.append((start, i + 1))
            start = i + 1
    if start < span.end:
        pieces.append((start, span.end))
    return pieces


def _trim(span: Span) -> tuple[int, int, bool] | None:
    """Token bounds without a leading article, a leading or trailing title, or a trailing possessive.

    The third value says a leading title was cut: "General Modi" tagged ORG is a person called Modi.
    """
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].text in _LEADING_DROP:
        start += 1
    # A bracket the span opens and does not close ends the name: the model ran on into the acronym
    # written after it ("Nordic Miners Union ( NMU").
    opened = next((i for i in range(start + 1, end) if doc[i].text == "("), None)
    if opened is not None and not any(doc[i].text == ")" for i in range(opened, end)):
        end = opened
    # Trailing numbers are scores or dates next to a name ("Glamorgan 259", "DUBLIN 1996-08-31").
    while end > start and (
        doc[end - 1].text in _TRAILING_DROP
        or doc[end - 1].is_space
        or (_NUMERIC.fullmatch(doc[end - 1].text) and doc[end - 2].lower_ not in _NUMBERED_NAMES)
    ):
        end -= 1
    if end > start and doc[end - 1].text in _EVENT_TAILS:
        return None  # "U.S. Open", "Davis Cup": a contest, not an actor or a place
    titled = False
    # A title before a capitalised name belongs to the person, not to the name ("President Ruto"); so does
    # a courtesy title the model kept in a person's span ("Mrs Lowe").
    while (
        end - start > 1
        and (
            _is_title(doc[start].text)
            or (span.label_ == "PERSON" and doc[start].lower_.rstrip(".") in _HONORIFICS)
        )
        and doc[start].text[:1].isupper()
        and not any(t.lower_ in _ORG_HEADS for t in doc[start + 1 : end])  # "Justice Department"
    ):
        start += 1
        titled = True
    # A title after an organisation ("State Department Spokesperson") names a person, not the body.
    while end - start > 1 and span.label_ == "ORG" and _is_title(doc[end - 1].text):
        end -= 1
    return (start, end, titled) if end > start else None


def _demonym_code(text: str) -> str | None:
    country = lexicons.country_by_demonym().get(text)
    return country.iso3 if country else None


def name_candidates(parsed: Parsed) -> list[Candidate]:
    """Every name and demonym mention in the document, in text order."""
    doc: Doc = parsed.doc
    out: list[Candidate] = []
    known = gazetteer_index()
    people = frozenset(
        t.lower_ for e in doc.ents if e.label_ == "PERSON" for t in e if t.is_alpha and len(t) > 3
    )
    for whole in _joined_people(doc):
        if LABELS.get(whole.label_) is None:
            continue
        pieces = _pieces(whole)
        for n, (p_start, p_end) in enumerate(pieces):
            ent = (
                whole
                if len(pieces) == 1
                else Span(doc, p_start, p_end, label=whole.label_, kb_id=whole.kb_id_)
            )
            candidate = _candidate(parsed, ent, known, people, first=n == 0)
            if candidate is not None:
                out.append(candidate)
    return drop_credit_names(parsed, out)


def _joined_people(doc: Doc) -> list[Span]:
    """The model's entities, two people it names side by side with one space between read as one name: the
    model cuts a name before a hyphened word it does not know ("Wilner" "Jean-Baptiste")."""
    out: list[Span] = []
    for ent in doc.ents:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label_ == ent.label_ == "PERSON"
            and prev.end == ent.start
            and doc[prev.end - 1].whitespace_ == " "
            and all(_plain_name_word(t) for t in prev)
            and ent[0].text[:1].isupper()
        ):
            out[-1] = Span(doc, prev.start, ent.end, label="PERSON")
        else:
            out.append(ent)
    return out


def _plain_name_word(tok: Token) -> bool:
    """A word of a name and nothing else: capitalised, not in capitals ("GM"), not a title ("Capt.",
    "Sheriff", "Colonel"), or the hyphen of a hyphened name."""
    if tok.text in ("-", "–"):
        return True
    text = tok.text
    name_like = text[:1].isupper() and text.isalpha() and not text.isupper()
    return name_like and text.lower() not in lexicons.titles()


@functools.cache
def gazetteer_index() -> dict[str, tuple[str, str]]:
    """Surface form -> (spaCy label, kb id) for every gazetteer name."""
    from ...nlp.gazetteer import gazetteer_entries

    out: dict[str, tuple[str, str]] = {}
    for surface, label, kb in gazetteer_entries():
        out.setdefault(surface, (label, kb))
    return out


def _candidate(
    parsed: Parsed, ent: Span, known: dict[str, tuple[str, str]], people: frozenset[str], first: bool
) -> Candidate | None:
    """One mention from one model entity (or a piece of it), or None when it is not an actor or place.

    `people` holds the words of the document's person names: a body or place "General Modi" is taken
    for a titled person only when "Modi" is (a spelling of) such a word; "General Motors" stays a body.
    """
    doc = parsed.doc
    label = LABELS[ent.label_]
    bounds = _trim(ent)
    if bounds is None:
        return None
    if bounds[2] and label != "PERSON" and not _is_person_word(doc[bounds[1] - 1].lower_, people):
        bounds = (ent.start, bounds[1], False)
    if label == "PERSON" and (cut := _body_before_rank(doc, bounds[0], bounds[1])) is not None:
        bounds, label = (bounds[0], cut, False), "ORG"
    span = doc[bounds[0] : bounds[1]]
    kb = ent.kb_id_ or None
    if (kb is None or kb.startswith("org:")) and label != "PERSON" and minister_portfolio(doc, span):
        return None  # "Treasury" of "Treasury Minister NAME": the title's words, no body of its own
    kind = "name"
    if kb is None and span.text in known:
        # The model's entity ran past a gazetteer name ("BRUSSELS 1996-08-31", "SOCCER - BELGIUM").
        gazetteer_label, kb = known[span.text]
        label = LABELS.get(gazetteer_label, label)
    elif not first:
        return None  # an unknown piece after a dash or line break: no label to trust
    if all(_title_token(doc, t.i) or t.lower_ in _TITLE_WORDS for t in span):
        return None  # "Brigadier", "Interior" (of "Interior Minister"): part of a title, not a name
    if bounds[2] and label != "PERSON" and not kb and span.text not in lexicons.country_by_name():
        label = "PERSON"
    if kb is None and label == "ORG":
        kb = lexicon_org_key(span.text)
    if ent.label_ == "NORP" or (kb or "").startswith("demonym:"):
        if kb and kb.startswith("nation:"):
            kind = "demonym"
        else:
            code = kb.split(":", 1)[1] if kb and kb.startswith("demonym:") else _demonym_code(span.text)
            if code is None and len(span) > 1:
                code = _demonym_code(span[0].text)  # "Bosnian Serb", "Kurdish rebels": the leading demonym
            if code is None:
                return None  # religions, parties, ideologies: not actors by themselves
            kb, kind = f"demonym:{code}", "demonym"
    elif kb is None and label in ("GPE", "LOC", "ORG"):
        country = lexicons.country_by_name().get(span.text)
        if country is not None:
            kb, label = f"country:{country.iso3}", "GPE"
    if kb is None and label in ("GPE", "LOC") and len(span) > 1 and _body_ending(span[-1].text):
        label = "ORG"  # "Yellow Crane River Company Ltd", "Dale County Sheriff's Office" read as places
    if kb and kb.startswith(("country:", "capital:", "nation:", "demonym:")):
        label = "GPE"
    elif kb and kb.startswith("org:"):
        label = "ORG"
    if kind == "name" and kb is None and not bounds[2]:
        label = retyped_by_shape(doc, span, label)
    described = apposed_gender(span[-1]) if label == "PERSON" and kind == "name" else None
    return Candidate.from_span(parsed, span, label, kind, kb, _title_before(doc, span.start), described)


def as_people(parsed: Parsed, candidates: list[Candidate], spans: list[tuple[int, int]]) -> list[Candidate]:
    """The candidates with each token span of `spans` as a PERSON name mention, in order (a span over an
    earlier one is skipped); a candidate over any of them, of another type or running past it, gives
    way (players.py, titled_names.py: names the model missed or mistyped)."""
    taken: set[int] = set()
    added = []
    for a, b in spans:
        if not taken.intersection(range(a, b)):
            added.append(Candidate.from_span(parsed, parsed.doc[a:b], "PERSON", "name"))
            taken.update(range(a, b))
    if not added:
        return candidates
    kept = [c for c in candidates if not taken.intersection(range(c.tok_start, c.tok_end))]
    return sorted([*kept, *added], key=lambda c: c.start)


def lexicon_org_key(name: str) -> str | None:
    """The knowledge key ("org:NAME") of the body the organisation lexicon knows by this name, else None."""
    org = lexicons.organisation_by_name().get(name)
    return f"org:{org.name}" if org else None


def _body_ending(word: str) -> bool:
    """A place's name ending in this word names a body: a legal form ("Ltd") or a public body's head
    noun ("Office", "Department", "Schools"; entity_words.tsv `place_body_heads`)."""
    return is_legal_form(word) or word.lower() in _WORDS.place_body_heads


def capitalised_in_text(span: Span) -> bool:
    """Every word of the span is capitalised and the word before it is not, unless only as the article
    opening the sentence ("The Army said"), nor does the span open its sentence: a name inside running
    text, not a Title Case line ("Combining Forces With Neighbours")."""
    if span[0].is_sent_start or not all(t.text[:1].isupper() for t in span):
        return False
    before = span.doc[span.start - 1]
    opening_article = bool(before.is_sent_start) and before.pos_ == "DET"
    return not (before.is_alpha and before.text[:1].isupper()) or opening_article


def _is_person_word(word: str, people: frozenset[str]) -> bool:
    from rapidfuzz.distance import Levenshtein

    return word in people or (len(word) > 3 and any(Levenshtein.distance(word, p) <= 1 for p in people))


def _title_before(doc: Doc, start: int) -> str | None:
    """The title word right before a name: one of the title lexicon, or a courtesy title ("Mr.", "Mrs."),
    which says the person's gender (grouping keeps "Mrs. Obama" apart from "Mr. Obama")."""
    i = start - 1
    if i > 0 and doc[i].text == "." and title_gender(doc[i - 1].text) is not None:
        i -= 1  # "Mr ." split by the tokenizer
    if i >= 0 and doc[i].text[:1].isupper() and (_is_title(doc[i].text) or title_gender(doc[i].text)):
        return doc[i].text.lower()
    return None
