"""Bodies the model missed that the text names beside a common noun saying what they are.

News introduces a small or foreign body by a noun of its kind written next to its name: before it ("the
charity Lebenshilfe", "the news website Aktuality.sk", "the local fish processor Djúpfiskur hf."), in
apposition after it ("PromPerú, the state export agency,"), or between "the" and the noun ("the
Teollisuusliitto union"). The model, which has never seen the name, often tags nothing there, and the
actor is lost. A run of capitalised words (with a number or a legal form after them: "Kvartal 95") that
no mention covers is added as an ORG mention when such a noun (entity_words.tsv `description_nouns`)
stands so beside it; a one-word name the model took for a person's is retyped the same way. Not a run
that opens its sentence with no noun before it, nor one the gazetteer knows as a place, nor a given name,
nor a people's word ("the Islamic group"), nor a run holding a title ("the company Chairman ..."), nor a
name that runs on past a small word ("Human Rights in China": where it ends is unsure).

Measured (forty-seventh session): the read own sets (training/actors/own, 5,993 actors) 5168 / 279 ->
5174 / 280 right / wrong countries; the spent heldout_own2-10 (totals only) 3784 / 221 -> 3789 / 221;
development (bench/actors_gold.py) unchanged; CoNLL dev NER unchanged (without the small-word guard its ORG
F1 fell from 0.802 to 0.798).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...geo import gazetteer
from ...lexicons.entities import entity_words
from ...lexicons.names import is_any_given_name
from .known_bodies import JOINERS
from .mentions import Candidate
from .name_shapes import is_legal_form

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..base import Parsed

_WORDS = entity_words()
_NOUNS = _WORDS.description_nouns
#: The most tokens a name found so may have.
MAX_TOKENS = 5
#: The most small words between "the"/"a" and the noun of an apposition ("the state export agency").
MAX_MODIFIERS = 4
_DETERMINERS = frozenset({"the", "a", "an"})
# Entity labels and parts of speech no body's name the model missed has or opens with.
_NOT_NAMES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "NORP"})
_NOT_NAME_OPENERS = frozenset({"ADJ", "VERB", "ADV", "PRON", "DET", "AUX"})
# Small words a body's name may run on over: known_bodies.py's, and those that join it to a place or a
# cause ("Human Rights in China", "Council on Foreign Relations").
_RUNS_ON = JOINERS | {"in", "on"}


def _capitalised(tok: Token) -> bool:
    text = tok.text  # read once: each read looks the string up again
    return text[:1].isupper() and any(ch.isalpha() for ch in text)


def _run_from(doc: Doc, i: int, covered: set[int]) -> int:
    """The end of the run of capitalised words from token `i` that no mention covers, with a number or a
    legal form after them ("Kvartal 95", "Djúpfiskur hf."); `i` itself when none starts there."""
    end = i
    while end < len(doc) and end - i < MAX_TOKENS and end not in covered:
        tok = doc[end]
        if _capitalised(tok) or (end > i and (tok.like_num or is_legal_form(tok.text.rstrip("."), True))):
            end += 1
        else:
            break
    return end


def _noun(tok: Token) -> bool:
    return tok.text.islower() and tok.lemma_.lower() in _NOUNS


def _noun_before(doc: Doc, start: int, end: int) -> bool:
    """A description noun right before the name ("the charity X"), or before a comma there when the name
    stands in apposition, closed by a comma or a stop ("his studio, X, in 2003"; not "a firm, X said")."""
    j = start - 1
    if j >= 0 and doc[j].text == ",":
        if end < len(doc) and doc[end].text not in (",", ".", ";"):
            return False
        j -= 1
    return j >= 0 and _noun(doc[j])


def _apposition_after(doc: Doc, end: int) -> bool:
    """ ", the state export agency" (or ", a ...") after the run: a determiner, at most MAX_MODIFIERS small
    words, then a description noun, then the phrase ends (punctuation, "that", "which", "based")."""
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in _DETERMINERS:
        return False
    for k in range(end + 2, min(len(doc), end + 3 + MAX_MODIFIERS)):
        tok = doc[k]
        if not tok.text.islower() and not tok.text[:1].isdigit():
            return False
        if _noun(tok):
            after = doc[k + 1] if k + 1 < len(doc) else None
            return after is None or after.is_punct or after.lower_ in ("that", "which", "based", "in", "of")
    return False


def _the_name_noun(doc: Doc, start: int, end: int) -> bool:
    """ "the Teollisuusliitto union": one word between "the" and a description noun."""
    return (
        end == start + 1
        and start > 0
        and doc[start - 1].lower_ == "the"
        and end < len(doc)
        and _noun(doc[end])
    )


def _plausible(doc: Doc, start: int, end: int) -> bool:
    """The tokens start..end may be a body's name: no date, amount or people's word, no adjective or verb
    first, two letters at least, no small word after it that the name may run on over, not a given name
    alone, no title, no place the gazetteer knows."""
    span = doc[start:end]
    if any(tok.ent_type_ in _NOT_NAMES for tok in span) or span[0].pos_ in _NOT_NAME_OPENERS:
        return False  # "the Islamic group": a people's or a faith's word, not a name
    if sum(ch.isalpha() for ch in span.text) < 2:
        return False  # "N / A" in a table
    if end + 1 < len(doc) and doc[end].lower_ in _RUNS_ON and _capitalised(doc[end + 1]):
        return False  # "Human Rights in China": the name runs on past the small word, where it ends is unsure
    if end == start + 1 and is_any_given_name(span.text):
        return False  # "his brother, Ahmed"
    if any(tok.lower_ in _WORDS.title_words for tok in span):
        return False
    return span.text not in gazetteer()


def _cued(doc: Doc, start: int, end: int) -> bool:
    """A description noun stands beside the name at tokens start..end (see the module's docstring)."""
    if _noun_before(doc, start, end) or _the_name_noun(doc, start, end):
        return True
    return not doc[start].is_sent_start and _apposition_after(doc, end)


def add_described_bodies(parsed: Parsed, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with the bodies named beside a noun of their kind (see the module's docstring) as ORG
    mentions, in text order; a one-word name the model took for a person's ("the charity Wohlfahrtswerk")
    is the body's too."""
    doc = parsed.doc
    covered = {t for c in candidates for t in range(c.tok_start, c.tok_end)}
    retyped = {
        id(c): Candidate.from_span(parsed, doc[c.tok_start : c.tok_end], "ORG", "name")
        for c in candidates
        if c.type == "PERSON"
        and c.kind == "name"
        and c.tok_end == c.tok_start + 1
        and _capitalised(doc[c.tok_start])
        and _cued(doc, c.tok_start, c.tok_end)
        and _plausible(doc, c.tok_start, c.tok_end)
    }
    added: list[Candidate] = []
    i = 0
    while i < len(doc):
        if i in covered or not _capitalised(doc[i]) or (i > 0 and _capitalised(doc[i - 1])):
            i += 1
            continue
        end = _run_from(doc, i, covered)
        if end == i:
            i += 1
            continue
        if _cued(doc, i, end) and _plausible(doc, i, end):
            added.append(Candidate.from_span(parsed, doc[i:end], "ORG", "name"))
        i = end
    if not added and not retyped:
        return candidates
    kept = [retyped.get(id(c), c) for c in candidates]
    return sorted([*kept, *added], key=lambda c: c.start)
