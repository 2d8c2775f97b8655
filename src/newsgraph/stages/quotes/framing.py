"""The edges of a reported content: what the reporter frames it with rather than reports.

A content's edges are trimmed of punctuation and quotation marks (`trimmed`); an object loses a closing
time/place phrase ("attacked X in an interview", "endorsed Y during the debate");
a reported noun phrase loses a trailing relative clause in the reporter's voice, and a reported clause
an apposition that closes it on a name (`without_asides`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicons.quotes import quote_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_WORDS = quote_words()  # the word lists this module uses, from lexicons/quote_words.tsv

_EDGE_PUNCT = frozenset(",;:—–-―\"“”'‘’`«» ")


def _edge(tok: Token, extra: str = "") -> bool:
    return tok.is_space or all(ch in _EDGE_PUNCT or ch in extra for ch in tok.text)


def trimmed(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """Char span of tokens first..last without punctuation and quotation marks at the edges."""
    while first <= last and _edge(doc[first]):
        first += 1
    while last >= first and _edge(doc[last], "."):
        last -= 1
    if last < first:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last].text)


# Prepositions that give the time, place or occasion of a stance ("attacked X in a tweet", "endorsed X
# during the debate"): the reporter's framing, not part of what was attacked or endorsed.
_SETTING_PREPS = _WORDS.setting_preps


def circumstance(p: Token) -> bool:
    """A complement of the cue that only sets the scene: a time/place prepositional phrase or an adverbial
    clause ("so that ...", "when ...")."""
    if p.dep_ == "advcl" or (p.dep_ == "npadvmod" and p.ent_type_ in ("DATE", "TIME")):
        return True
    if p.dep_ != "prep":
        return False
    if p.lower_ in _SETTING_PREPS:
        return True
    objs = [o for o in p.children if o.dep_ == "pobj"]
    if p.lower_ in _MEDIUM_PREPS and any(_indefinite(o) for o in objs):
        return True  # 'rejected X in a ruling', 'attacked Y in an interview': the occasion
    return any(o.ent_type_ in ("DATE", "TIME") for o in objs)


_MEDIUM_PREPS = _WORDS.medium_preps


def _indefinite(noun: Token) -> bool:
    return any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in noun.children)


def without_setting(obj: Token) -> int:
    """The last token of an object without a time/place phrase that ends it ("endorsed X during the
    debate" with the phrase parsed on X)."""
    last = obj.right_edge.i
    for c in sorted(obj.children, key=lambda t: -t.i):
        if c.i > obj.i and c.right_edge.i == last and c.dep_ == "prep" and circumstance(c):
            last = c.left_edge.i - 1
    return max(last, obj.i)


# Prepositions that only ever give the occasion, wherever the parse hangs them ('after' and 'at' also
# belong to what is reported: 'the challenges after the vote', 'a speech at the event').
_OCCASION_PREPS = _WORDS.occasion_preps


def without_trailing_setting(doc: Doc, head: int, last: int) -> int:
    """The last token of an object and its complements without a time/place phrase that closes them at any
    depth ('criticized X as "a broken scheme" during a visit to Leeds', the phrase parsed on 'scheme')."""
    changed = True
    while changed:
        changed = False
        for p in doc[head + 1 : last + 1]:
            if (
                p.dep_ == "prep"
                and p.lower_ in _OCCASION_PREPS
                and p.right_edge.i == last
                and p.left_edge.i > head + 1
            ):
                last, changed = p.left_edge.i - 1, True
                while last > head and doc[last].is_punct:
                    last -= 1
                break
    return last


# A relative clause the reporter hangs on a reported noun phrase (", which made him cut his trip short",
# ", who says he is honoured") adds background in their own voice; a reported clause keeps its own.
# Measured on attribution data, cutting appositions, participles and "with"/"amid" phrases the same way
# loses as much as it wins.
_ASIDE_BREAKS = frozenset({",", "—", "―", "–", "--"})
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def _aside_at(doc: Doc, j: int, last: int) -> bool:
    """True when tokens j..last are one trailing wh-relative clause on a word before them."""
    heads = [t for t in doc[j : last + 1] if t.left_edge.i == j and t.head.i < j]
    if not heads:
        return False
    head = heads[-1]
    return head.right_edge.i >= last and head.dep_ == "relcl" and doc[j].tag_ in _WH_TAGS


def without_asides(doc: Doc, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """The reported span without a trailing relative clause in the reporter's voice (see _aside_at)."""
    if span is None:
        return None
    words = doc.char_span(span[0], span[1], alignment_mode="expand")
    if words is None or len(words) < 3:
        return span
    first, last = words.start, words.end - 1
    while last > first and _edge(doc[last], "."):
        last -= 1
    roots = [t for t in doc[first : last + 1] if not first <= t.head.i <= last or t.head.i == t.i]
    if any(t.pos_ in ("VERB", "AUX") for t in roots):
        # a reported clause keeps its relative clauses; an apposition closing it (', the party's nominee')
        # is the reporter's description of a name the speaker used
        for i in range(last - 1, first + 2, -1):
            t = doc[i]
            if (
                t.dep_ == "appos"
                and t.left_edge.i - 1 > first
                and doc[t.left_edge.i - 1].text == ","
                and t.right_edge.i >= last
                and doc[t.left_edge.i].pos_ != "PROPN"
                and t.head.pos_ == "PROPN"
            ):
                return trimmed(doc, first, t.left_edge.i - 2) or span
        return span
    for i in range(first + 1, last):
        if doc[i].text in _ASIDE_BREAKS and _aside_at(doc, i + 1, last):
            return trimmed(doc, first, i - 1) or span
    return span
