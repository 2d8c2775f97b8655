"""Who said it: the source phrase of a cue resolved to an entity through the entity layer.

The source as written (`speaker_text`) is the subject's whole phrase, appositions included ("Niger's
ambassador, X,"); the entity is the one mentioned at the phrase's head, else at an apposition, else the
one person named in the phrase. A plural head that no entity covers ("US officials", "sources") is a group:
its text is kept and the speaker left null. A singular spokesperson-like head ("a State Department
spokesman") speaks for the organisation named in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...lexicons.quotes import evidence_nouns, quote_words
from ..common import EntityIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Longest source phrase kept as written; longer subtrees (a subject with a long relative clause) are cut
#: back to the head's own phrase.
MAX_SOURCE_TOKENS = 30
_PHRASE_EDGE = frozenset(",;:—–-―\"“”'‘’`«» ")


_WORDS = quote_words()  # the word lists this module uses, from lexicons/quote_words.tsv
_DASHES = frozenset({"--", "—", "–", "―"})


@dataclass(frozen=True)
class Speaker:
    entity: str | None
    text: str | None
    start: int = -1
    end: int = -1


NO_SPEAKER = Speaker(None, None)


def _span_text(doc: Doc, first: int, last: int) -> tuple[int, int, str] | None:
    while first <= last and (doc[first].text in _PHRASE_EDGE or doc[first].is_space):
        first += 1
    while last >= first and (
        doc[last].text in _PHRASE_EDGE or doc[last].is_space or doc[last].dep_ == "case"
    ):
        last -= 1  # (the possessive 's of "the senator's claim" is not part of the source)
    if last < first:
        return None
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    return start, end, doc[first : last + 1].text  # (Doc.text would rebuild the whole text)


def _phrase(head: Token) -> tuple[int, int]:
    first, last = head.left_edge.i, head.right_edge.i
    # A dateline or a lead-in the parse hung on the subject ("WASHINGTON -- President Obama said"): the
    # source starts after the dash.
    for i in range(head.i - 1, first - 1, -1):
        if head.doc[i].text in _DASHES:
            first = i + 1
            break
    # A fronted adjunct the parse hung on the subject ("His promises notwithstanding, analyses agree"):
    # the source starts after its comma.
    for i in range(head.i - 1, first, -1):
        if head.doc[i].text == "," and head.doc[i - 1].pos_ in ("ADP", "ADV", "VERB", "SCONJ"):
            first = i + 1
            break
    if last - first + 1 <= MAX_SOURCE_TOKENS:
        return first, last
    # Too long: keep the head with its left modifiers and appositions, drop clauses.
    keep = [head] + [
        c for c in head.children if c.dep_ in ("compound", "amod", "det", "poss", "appos", "nmod")
    ]
    return min(t.left_edge.i if t is not head else t.i for t in keep), max(
        t.right_edge.i if t is not head else t.i for t in keep
    )


def _entity_of_token(index: EntityIndex, tok: Token) -> str | None:
    ref = index.at(tok.idx, tok.idx + len(tok.text))
    if ref is None:
        return None
    m = ref.mention
    # The head must fall inside the mention, not merely touch a neighbouring one.
    if m.start <= tok.idx and tok.idx + len(tok.text) <= m.end:
        return ref.entity.id
    return None


def resolve(doc: Doc, index: EntityIndex, head: Token, cue: Token | None = None) -> Speaker:
    """The speaker whose phrase is headed by `head` (a cue's subject). A participle cue on that phrase
    ("tweets criticizing X") ends it: what follows is what the source says, not who."""
    first, last = _phrase(head)
    if cue is not None and cue.dep_ == "acl" and cue.head.i == head.i and head.i < cue.i <= last:
        last = max(head.i, cue.left_edge.i - 1)
    span = _span_text(doc, first, last)
    if span is None:
        return NO_SPEAKER
    start, end, text = span
    entity = _entity_of_token(index, head)
    if entity is None and head.tag_ in ("WDT", "WP") and head.head.dep_ == "relcl":
        # "the senator, who said ...": written "who", spoken by the relative's antecedent
        entity = _entity_of_token(index, head.head.head)
    if entity is None:
        for c in head.children:
            if c.dep_ == "appos":
                entity = _entity_of_token(index, c)
                if entity is not None:
                    break
    if entity is None:
        # "the former secretary of state said": the person who holds the title, before any organisation
        # or place named in it
        entity = _by_title(index, head, start)
    if entity is None and head.tag_ not in ("NNS", "NNPS") and head.pos_ != "PRON":
        # A singular description ("the group's spokesman", "a report by X"): one person named in it,
        # else the one organisation or country it speaks for. A place speaks only through its voices
        # ("the Iranian government", "a Chinese spokesman"): "the New York businessman" is no New York.
        refs = index.mentions_in(start, end)
        people = {r.entity.id for r in refs if r.entity.type == "PERSON"}
        voice = head.lower_ in _WORDS.place_voices
        others = {r.entity.id for r in refs if voice or not r.entity.is_place}
        if len(people) == 1:
            entity = next(iter(people))
        elif not people and len(others) == 1:
            entity = next(iter(others))
        elif not refs:
            entity = _definite_antecedent(index, head, start)
    return Speaker(entity, text, start, end)


def _definite_antecedent(index: EntityIndex, head: Token, before: int) -> str | None:
    """'The commission said ...' after 'the electoral commission announced ...': a bare definite noun
    that names no entity speaks for the organisation named last before it whose name ends in that noun."""
    if head.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    if any(c.dep_ in ("poss", "compound", "amod", "nmod") for c in head.children):
        return None  # "the party's committee", "the ethics commission": a description of its own
    word = head.lower_
    if word in evidence_nouns():
        return None  # "the research found ...": the work, not the institute that did it
    latest: str | None = None
    for ref in index.mentions_in(0, before):
        entity, name = ref.entity, ref.entity.name
        # a one-word name that is the noun itself ("State") is a fragment, not an organisation
        if entity.type == "ORG" and name.lower().split()[-1:] == [word] and (" " in name or name == word):
            latest = entity.id
    return latest


#: Parents through which a cue with no subject of its own takes its controller's: "he was able to tout",
#: "the board has been quick to praise", "they were incensed that", "after saying ...".
_CONTROL_DEPS = frozenset({"advcl", "conj", "xcomp", "pcomp", "acl", "prep", "advmod", "pobj", "acomp"})
_CONTROL_SUBJECTS = ("nsubj", "nsubjpass")
_CONTROL_STEPS = 8


def _controller(cue: Token, index: EntityIndex) -> Token | None:
    """The nearest subject up the cue's chain of participles, infinitives and adjectives that is not in a
    quotation the cue is not in; at a quoted clause, the subject of the reporting clause set into it
    ('"We have shown it," Obama said, not needing to mention ...': Obama, not We)."""
    tok = cue
    for _ in range(_CONTROL_STEPS):
        for child in tok.children:
            if child.dep_ in _CONTROL_SUBJECTS and _outside(child, cue):
                if tok is cue and child.dep_ == "nsubjpass" and not _agentive(index, child):
                    continue  # "the bridge is expected to open": what is reported, not who reports
                return child
        for child in tok.children:
            if child.dep_ == "parataxis":
                for grandchild in child.children:
                    if grandchild.dep_ in _CONTROL_SUBJECTS and _outside(grandchild, cue):
                        return grandchild
        if tok.dep_ not in _CONTROL_DEPS or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _agentive(index: EntityIndex, tok: Token) -> bool:
    """A personal pronoun, or the head of a person's or an organisation's mention."""
    if tok.pos_ == "PRON":
        return tok.lower_ in ("he", "she", "they", "we", "i", "you")
    entity = _entity_of_token(index, tok)
    return entity is not None and index.by_id[entity].type in ("PERSON", "ORG")


_DOUBLE_MARKS = re.compile(r"''|``|[\"“”«»„‟]")


def _outside(tok: Token, cue: Token) -> bool:
    """tok and the cue are on the same side of the quotation marks: no odd number of double marks
    between them ('"... I pay federal taxes," asserting': the quote's I is not the source)."""
    lo, hi = sorted((tok.i, cue.i))
    # The span's text, not `doc.text[...]`: Doc.text joins every token of the document on each call.
    return len(_DOUBLE_MARKS.findall(tok.doc[lo:hi].text)) % 2 == 0


def resolve_site(doc: Doc, index: EntityIndex, verb: int, subject: int | None) -> Speaker:
    """The speaker of a cue site (its verb and subject token indices): the subject's phrase; when the cue
    has none, or the parse took it from a quotation the cue is not in, the subject that controls the cue."""
    cue = doc[verb]
    head = doc[subject] if subject is not None else None
    if head is None or not _outside(head, cue):
        head = _controller(cue, index)
        if head is None:
            named = _name_before(doc, index, cue)
            if named is not None:
                return named
            head = _clause_subject(index, cue)
    elif head.head.i == cue.i:
        # Two subjects on one verb (a fronted phrase the parse took for one): the one next to the verb.
        nearer = [c for c in cue.lefts if c.dep_ == head.dep_ and head.i < c.i]
        head = nearer[-1] if nearer else head
    if head is None:
        return NO_SPEAKER
    return resolve(doc, index, head, cue)


def _name_before(doc: Doc, index: EntityIndex, cue: Token) -> Speaker | None:
    """'In a meeting with the board of the Globe Smith said ...': with no comma after a fronted phrase, the
    parse can take the name that ends it for the phrase's last object; a person named right before a cue
    that has no subject is the one who speaks."""
    if cue.i == 0 or not any(c.dep_ == "prep" and c.right_edge.i == cue.i - 1 for c in cue.lefts):
        return None
    last = doc[cue.i - 1]
    ref = index.at(last.idx, last.idx + len(last.text))
    if ref is None or ref.entity.type != "PERSON" or ref.mention.end != last.idx + len(last.text):
        return None
    return resolve_span(index, doc.text, ref.mention.start, ref.mention.end)


def _clause_subject(index: EntityIndex, cue: Token) -> Token | None:
    """A participle that nothing else gives a subject ('X barely explained it, treating Y as Z and, when
    pressed, insisting, "..."'): a free participle speaks for the subject of its sentence, when that is a
    person, an organisation or a personal pronoun outside the quotation."""
    if cue.tag_ not in ("VBG", "VBN"):
        return None
    return _subject_before(index, cue)


def _subject_before(index: EntityIndex, tok: Token) -> Token | None:
    """The subject that governs `tok` from outside the quotation marks: the subject of its nearest
    ancestor that has one, else the first subject of its sentence (the parse can hang the reporter's
    clause on a quoted one); only a person, an organisation or a personal pronoun before `tok`."""
    near = [c for a in tok.ancestors for c in a.children if c.dep_ == "nsubj"]
    first = [t for t in tok.sent if t.dep_ == "nsubj" and t.i < tok.i]
    for subject in (*near, *first):
        if subject.i < tok.i and _outside(subject, tok) and _agentive(index, subject):
            return subject
    return None


def resolve_introducer(doc: Doc, index: EntityIndex, colon: int) -> Speaker:
    """The speaker of a quote that a colon introduces with no cue ('Smith made the following statement:',
    'the senator has a new message: "..."'): the subject of the colon's sentence, when that is a person,
    an organisation or a personal pronoun."""
    tokens = doc.char_span(colon, colon + 1, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return NO_SPEAKER
    subject = _subject_before(index, tokens[0])
    return NO_SPEAKER if subject is None else resolve(doc, index, subject)


#: How far back (chars) a bare title ("the senator") looks for the person who holds it.
TITLE_LOOKBACK_CHARS = 3000


def _by_title(index: EntityIndex, head: Token, start: int) -> str | None:
    """'the senator said': the person last mentioned before, whose titles end in that word ("Secretary of
    State" ends in "secretary": what follows "of" says where the title is held)."""
    # (the parse tags a title after a quotation NNP at times: '..." the president added')
    if head.tag_ not in ("NN", "NNP") or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in head.children
    ):
        return None
    word = head.lower_
    for ref in reversed(index.mentions_in(max(0, start - TITLE_LOOKBACK_CHARS), start)):
        e = ref.entity
        if e.type == "PERSON" and any(_title_head(t) == word for t in e.titles):
            return e.id
    return None


def _title_head(title: str) -> str:
    words = title.lower().split()
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    return words[-1] if words else ""


def resolve_span(index: EntityIndex, text: str, start: int, end: int) -> Speaker:
    """A speaker named in plain text (a signature after a dash, a transcript's 'NAME:')."""
    while start < end and text[start] in _PHRASE_EDGE | {"\u00a0", "\t", "."}:
        start += 1
    while end > start and text[end - 1] in _PHRASE_EDGE | {"\u00a0", "\t", "."}:
        end -= 1
    if end <= start:
        return NO_SPEAKER
    ref = index.at(start, end)
    entity = ref.entity.id if ref else _by_surname(index, text[start:end])
    return Speaker(entity, text[start:end], start, end)


def _by_surname(index: EntityIndex, label: str) -> str | None:
    """A transcript label in capitals ('PENCE') or a bare surname: the one person with that last name."""
    word = label.strip().casefold()
    people = {
        e.id for e in index.by_id.values() if e.type == "PERSON" and e.name.casefold().split()[-1:] == [word]
    }
    return next(iter(people)) if len(people) == 1 else None
