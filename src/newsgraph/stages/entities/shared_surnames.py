"""A bare surname two people of different gender share goes to the one its own clause's pronoun names.

Grouping gives a bare "Kowalski" to the latest person it fits; when a story names a couple, siblings or a
parent and child ("Anna Kowalski and her husband, Tomas Kowalski, ..."), the latest is a coin's throw,
and a quotation's speaker or an event's source with it. The clause often says which one it is: a
pronoun that can only stand for the surname's bearer, and whose gender tells the two apart:

- the subject of a clause the surname's verb governs ("Kowalski said she starts at four");
- a possessive on the verb's object ("Kowalski sold her shop"), or a reflexive object ("Kowalski
  defended himself").

Only when two or more persons of the story bear the surname with a full name each, their given
names or titles say their genders, and the genders differ; a surname with a gendered title ("Mrs.
Kowalski") is grouping's already.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicons.names import Gender, pronoun_gender, title_gender
from .grouping import mention_gender

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..base import Parsed
    from .cluster import Cluster
    from .mentions import Candidate

_SUBJECTS = ("nsubj", "nsubjpass")
#: Clauses a verb governs whose subject pronoun is, in news prose, most often the verb's own subject.
_GOVERNED = ("ccomp", "xcomp", "advcl", "conj")


def rehome_shared_surnames(parsed: Parsed, clusters: list[Cluster]) -> None:
    """Move each bare surname mention of a surname persons of both genders bear to the person its
    clause's pronoun names (in place)."""
    bearers: dict[str, list[tuple[Cluster, Gender]]] = {}
    for c in clusters:
        full = c.full if c.type == "PERSON" else None
        if full is None or len(full.text.split()) < 2:
            continue
        gender = mention_gender(full, strong=False)
        if gender is not None:
            bearers.setdefault(full.key.split()[-1], []).append((c, gender))
    for surname, people in bearers.items():
        if len({g for _, g in people}) < 2:
            continue
        for c, _ in people:
            for m in [m for m in c.mentions if _bare(m, surname)]:
                said = _clause_pronoun_gender(parsed.doc[m.tok_end - 1])
                owners = [p for p, g in people if g == said]
                if len(owners) == 1 and owners[0] is not c:
                    c.mentions.remove(m)
                    owners[0].add(m)
                    owners[0].mentions.sort(key=lambda n: n.start)  # in text order, as grouping left them


def _bare(m: Candidate, surname: str) -> bool:
    untitled = m.title_before is None or title_gender(m.title_before) is None
    return m.kind == "name" and m.key == surname and untitled


def _clause_pronoun_gender(name: Token) -> Gender | None:
    """The gender of the first pronoun the clause of `name` (its subject) says is `name` itself."""
    if name.dep_ not in _SUBJECTS:
        return None
    verb = name.head
    for tok in verb.subtree:
        if tok.i <= name.i or tok.pos_ != "PRON" or (gender := pronoun_gender(tok.text)) is None:
            continue
        if tok.dep_ in _SUBJECTS and tok.head.dep_ in _GOVERNED and tok.head.head.i == verb.i:
            return gender  # "Kowalski said she ..."
        if tok.dep_ == "poss" and tok.head.head.i == verb.i and tok.head.dep_ in ("dobj", "attr"):
            return gender  # "Kowalski sold her shop"
        if tok.dep_ == "dobj" and tok.head.i == verb.i and tok.lower_.endswith("self"):
            return gender  # "Kowalski defended herself"
    return None
