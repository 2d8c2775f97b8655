"""Noun phrases to entity ids, for the rules and the ranker that pick an event's arguments (actors.py).

A phrase's "core" (its head, compounds, adjectives, possessors and conjuncts) is preferred over entities
buried in its modifiers: "General Riker, one of the Chilean officers, ..." is Riker, not Chile; "Security
forces in Guinea" falls back to Guinea. A noun the entity layer left alone may still resolve here, for the
event alone: a plural demonym or name ("the Palestinians"), a state body in a sentence naming one country.
This stands apart from the choice of arguments: it knows the entity index and the parse, not the roles.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ... import lexicons
from ...lexicons.events import event_words
from ...model import Entity
from ..common import EntityIndex, MentionRef

if TYPE_CHECKING:
    from spacy.tokens import Token

_WORDS = event_words()  # the word lists this module uses, from lexicons/event_words.tsv

CORE_DEPS = ("compound", "amod", "nmod", "poss", "appos", "conj", "flat", "nummod")
# nouns for a state's own bodies, resolved to the one country a sentence names
STATE_BODIES = _WORDS.state_bodies


def _in_clause_below(tok: Token, head: Token) -> bool:
    """True when `tok` sits in a clause attached below `head` (relative, adverbial, complement)."""
    while tok.i != head.i and tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "advcl", "ccomp", "xcomp"):  # not "acl": "workers affiliated with X"
            return True
        tok = tok.head
    return False


class PhraseEntities:
    """The entities of a document's noun phrases, token by token, for one document's entity index."""

    def __init__(self, index: EntityIndex) -> None:
        self.index = index
        # The mention at each token, looked up once: the rules and the ranker ask for the same tokens
        # again and again (a tenth of the stage's time before).
        self._mention_at: dict[int, MentionRef | None] = {}
        self._named_texts: dict[str, str] | None = None  # _named_by(), on first use

    def _ref_at(self, tok: Token) -> MentionRef | None:
        if tok.i not in self._mention_at:
            self._mention_at[tok.i] = self.index.at(tok.idx, tok.idx + len(tok.text))
        return self._mention_at[tok.i]

    def _entity_at(self, tok: Token) -> Entity | None:
        ref = self._ref_at(tok)
        return ref.entity if ref else None

    def _token_entities(self, tok: Token) -> list[str]:
        ref = self._ref_at(tok)
        return [ref.entity.id] if ref else []

    def _core(self, head: Token, depth: int = 0) -> list[Token]:
        out = [head]
        for c in head.children:
            if c.dep_ in CORE_DEPS:
                # nested modifiers too: "Sudanese Foreign Minister X" keeps "Sudanese"
                out.extend(self._core(c, depth + 1) if depth < 6 else [c])
            elif c.dep_ == "prep" and c.lower_ == "of" and depth < 2 and head.pos_ in ("NOUN", "NUM"):
                # "the government of President X", "hundreds of Wagner contractors": X is the actor too
                for g in c.children:
                    if g.dep_ == "pobj":
                        out.extend(self._core(g, depth + 1))
        return out

    def phrase_entities(self, head: Token, exclude: Iterable[str] = ()) -> list[str]:
        """Entities of the noun phrase headed by `head`: its core first, else anything inside it."""
        skip = set(exclude)
        ids: list[str] = []
        # a mention at the head that spans a place word speaks for it: "the Nigerian journalist" is the
        # journalist (a common-noun actor), not also Nigeria; "Wagner contractors" stays Wagner's too
        own = self._ref_at(head)
        for tok in sorted(self._core(head), key=lambda t: t.i):
            inside = own is not None and tok.i != head.i and own.mention.start <= tok.idx < own.mention.end
            ids.extend(
                e
                for e in self._token_entities(tok)
                if e not in skip and not (inside and self.index.by_id[e].is_place)
            )
        if not ids:
            ids = [e for e in self._local(head) if e not in skip]
        if not ids:
            # anything in the phrase's modifiers, but not in clauses hung on it ("the club that formed to
            # fight the tax" is not the tax)
            sub = list(head.subtree)
            start, end = sub[0].idx, sub[-1].idx + len(sub[-1].text)
            refs = self.index.mentions_in(start, end)
            # the words outside such clauses, read only when the phrase's span holds a mention at all
            inner = {t.idx for t in sub if not _in_clause_below(t, head)} if refs else set()
            for ref in refs:
                if ref.entity.id not in skip and ref.mention.start in inner:
                    ids.append(ref.entity.id)
                    break
        return list(dict.fromkeys(ids))

    def _named_by(self) -> dict[str, str]:
        """Lower-cased name and demonym mention texts -> the first entity (in index order) mentioned so,
        built once per document (_local asked every entity for every plural noun)."""
        if self._named_texts is None:
            self._named_texts = {}
            for ent in self.index.by_id.values():
                for m in ent.mentions:
                    if m.kind in ("name", "demonym"):
                        self._named_texts.setdefault(m.text.lower(), ent.id)
        return self._named_texts

    def _local(self, head: Token) -> list[str]:
        """Event-local resolution of an actor noun the entity layer left alone: a plural demonym or name
        ("the Palestinians" -> the entity mentioned as "Palestinian"), or a state body ("the government",
        "police") in a sentence that names exactly one country."""
        word = head.lower_
        if (
            word.endswith("s")
            and len(word) > 4
            and (plural_of := self._named_by().get(word[:-1])) is not None
        ):
            return [plural_of]
        if head.lemma_.lower() in STATE_BODIES:
            sent = head.sent
            places = [
                ref.entity
                for ref in self.index.mentions_in(sent.start_char, sent.end_char)
                if ref.entity.type == "GPE" and ref.entity.country
            ]
            codes = {e.country for e in places}
            if len(codes) == 1:
                code = codes.pop()
                country = lexicons.country_by_code().get(code or "")
                named = [e for e in places if country and e.name == country.name]
                return [named[0].id] if named else []  # a city or province is not the state
        return []
