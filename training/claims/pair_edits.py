"""The edits of the claim pairs (make_pairs.py): what a sentence can be changed into so that it no longer
says what the article says, `contradicted` (a name of the article swapped in or two of its names exchanged,
a number or date changed a lot or a little, a negation inserted or removed, an antonym, a word of amount or
certainty shifted, subject and object swapped) or `not_in_sources` (a name of another article, an added
place), and the script's own word tables (edit_words.tsv) they and the faithful statements use."""

from __future__ import annotations

import csv
import functools
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

ENT_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass(frozen=True)
class EditWords:
    """The script's own word tables (edit_words.tsv), written apart from the checker's lexicon so the
    learned verdict is not trained only on what the rules already know: `opposite` (antonym edits),
    `shift` (a word of amount or certainty and one that changes what it says: "all" -> "some", "could" ->
    "will"; the article hedges, the claim asserts), `synonym` (a faithful statement's other word: a
    supported claim need not copy its source word for word)."""

    opposites: dict[str, str]
    shifts: dict[str, str]
    synonyms: dict[str, str]
    actors: frozenset[str]  # nouns naming who acts ("police", "man"): a role swap moves only these


@functools.cache
def edit_words(path: Path = HERE / "edit_words.tsv") -> EditWords:
    tables: dict[str, dict[str, str]] = {"opposite": {}, "shift": {}, "synonym": {}, "actor": {}}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            tables[row["table"]][row["word"]] = row["replacement"]
    return EditWords(tables["opposite"], tables["shift"], tables["synonym"], frozenset(tables["actor"]))


def word_swap(tok: Any, table: dict[str, str]) -> tuple[int, int, str]:
    """The edit putting the table's word for `tok` in its place, capitalised as `tok` is."""
    word = table[tok.lower_]
    return tok.idx, tok.idx + len(tok.text), word.capitalize() if tok.text[:1].isupper() else word


def _number_edit(tok: Any, rng: random.Random, near: bool = False) -> str | None:
    digits = tok.text.replace(",", "")
    if not re.fullmatch(r"\d+(\.\d+)?", digits):
        return None
    value = float(digits)
    if 1900 <= value <= 2100 and "." not in digits:
        return None  # a year: the date edit changes those
    if near:  # a small shift, as a summary misremembers: 120 -> 130, 4 -> 5
        new = value * rng.choice([0.8, 0.9, 1.1, 1.2]) if value > 10 else value + rng.choice([-1, 1])
    else:
        new = value * rng.choice([2, 3, 0.5, 0.25, 10]) if value > 5 else value + rng.choice([2, 3, 5])
    if new <= 0:
        return None
    out = f"{new:,.0f}" if new >= 1 and "." not in digits else f"{new:.1f}"
    return None if out.replace(",", "") == digits else out


def _day_edit(tok: Any, rng: random.Random) -> str | None:
    """A day of the month moved by one to three days ("March 5" -> "March 7")."""
    doc = tok.doc
    beside = [doc[i].text for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
    if not (tok.text.isdigit() and 1 <= int(tok.text) <= 31 and any(w in MONTHS for w in beside)):
        return None
    day = int(tok.text) + rng.choice([-3, -2, -1, 1, 2, 3])
    return str(day) if 1 <= day <= 28 else None


def _phrases_swapped(subj: Any, obj: Any) -> list[tuple[int, int, str]] | None:
    """Subject and object noun phrases put in each other's place ("the police arrested two men" -> "two men
    arrested the police"): short phrases naming actors (a name, or a noun of the script's actor list)."""
    spans = []
    for head in (subj, obj):
        sub = sorted(head.subtree, key=lambda x: x.i)
        actor = head.ent_type_ in ENT_TYPES or head.lemma_.lower() in edit_words().actors
        if not actor or len(sub) > 4 or sub[-1].i - sub[0].i + 1 != len(sub):
            return None
        spans.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    (sa, sb), (oa, ob) = spans
    text = subj.doc.text
    if sb > oa or text[sa:sb].casefold() == text[oa:ob].casefold():
        return None
    s_text, o_text = text[sa:sb], text[oa:ob]
    if sa == subj.sent.start_char and o_text[:1].islower():  # the object now opens the sentence
        o_text = o_text[0].upper() + o_text[1:]
    if sa == subj.sent.start_char and subj.pos_ != "PROPN" and s_text[:1].isupper():
        s_text = s_text[0].lower() + s_text[1:]
    return [(sa, sb, o_text), (oa, ob, s_text)]


def _exchanged(ents: list[Any]) -> list[tuple[int, int, str]] | None:
    """Two names of one kind in a sentence put in each other's place ("A beat B in C"), unless they are
    listed together ("A and B met"), where the order says nothing."""
    for n, a in enumerate(ents):
        for b in ents[n + 1 :]:
            if a.label_ != b.label_ or a.text.casefold() == b.text.casefold():
                continue
            if any((e.end < len(e.doc) and e.doc[e.end].tag_ == "POS") or "'" in e.text or "’" in e.text
                   for e in (a, b)):  # fmt: skip
                continue  # "Hawking's film": the possessive would move with the name
            between = a.doc.text[a.end_char : b.start_char].strip().lower()
            related = {a.root.dep_, b.root.dep_} & {"conj", "appos", "compound"} or a.root.head == b.root
            if between in ("", ",", "and", ", and", "or", "&") or related or b.root.head == a.root:
                continue
            return [(a.start_char, a.end_char, b.text), (b.start_char, b.end_char, a.text)]
    return None


def sentence_edits(sent: Any, others: dict[str, list[str]], own: dict[str, list[str]],
                    rng: random.Random) -> Iterator[tuple[str, str, list[tuple[int, int, str]]]]:  # fmt: skip
    """(operation, verdict, edits) for one sentence, each edit (start, end, replacement words)."""
    table = edit_words()
    ents = [e for e in sent.ents if e.label_ in ENT_TYPES]
    for e in ents:
        # Another name, not a longer or shorter form of this one ("Alan Ouellette" for "Ouellette").
        words = set(e.text.casefold().split())
        same = [
            n for n in own.get(e.label_, []) if not words & set(n.casefold().split()) and n not in sent.text
        ]
        if same:
            yield "entity_swap", "contradicted", [(e.start_char, e.end_char, rng.choice(same))]
        foreign = [n for n in others.get(e.label_, []) if n not in sent.doc.text]
        if foreign:
            yield "entity_new", "not_in_sources", [(e.start_char, e.end_char, rng.choice(foreign))]
    exchanged = _exchanged(ents)
    if exchanged:
        yield "entity_exchange", "contradicted", exchanged
    for tok in sent:
        if tok.like_num and tok.ent_type_ not in ("DATE", "TIME"):
            for op, near in (("number", False), ("number_near", True)):
                new = _number_edit(tok, rng, near)
                if new:
                    yield op, "contradicted", [(tok.idx, tok.idx + len(tok.text), new)]
        if tok.ent_type_ == "DATE":
            day = _day_edit(tok, rng)
            if day:
                yield "date_near", "contradicted", [(tok.idx, tok.idx + len(tok.text), day)]
            if tok.text in WEEKDAYS:
                new = rng.choice([d for d in WEEKDAYS if d != tok.text])
                yield "date", "contradicted", [(tok.idx, tok.idx + len(tok.text), new)]
            elif tok.text in MONTHS:
                new = rng.choice([m for m in MONTHS if m != tok.text])
                yield "date", "contradicted", [(tok.idx, tok.idx + len(tok.text), new)]
            elif re.fullmatch(r"(19|20)\d\d", tok.text):
                new = str(int(tok.text) + rng.choice([-3, -2, -1, 1, 2]))
                yield "date", "contradicted", [(tok.idx, tok.idx + len(tok.text), new)]
        if tok.dep_ == "neg":
            end = tok.idx + len(tok.text)
            start = tok.idx if tok.text.startswith("n'") else tok.idx - 1
            yield "negation_removed", "contradicted", [(start, end, "")]
        if tok.lower_ in table.opposites and tok.pos_ in ("VERB", "ADJ", "ADV", "NOUN", "ADP"):
            yield "antonym", "contradicted", [word_swap(tok, table.opposites)]
        if tok.lower_ in table.shifts and tok.ent_type_ not in ("DATE", "TIME"):
            yield "shift", "contradicted", [word_swap(tok, table.shifts)]
    root = sent.root
    if root.lemma_ in _REPORTING:  # "X said the company grew": deny what is reported, not the saying
        root = next((c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), root)
    if root.pos_ in ("VERB", "AUX") and not any(c.dep_ == "neg" for c in root.children):
        aux = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.lower_ in _NEGATABLE_AUX]
        if root.lemma_ == "be" and root.lower_ in _NEGATABLE_AUX:
            aux = [root]  # "was ready" -> "was not ready"
        if root.lemma_ in _REPORTING:
            aux = []
        elif aux:
            a = aux[0]
            yield "negation_inserted", "contradicted", [(a.idx + len(a.text), a.idx + len(a.text), " not")]
        elif root.tag_ == "VBD" and root.lemma_.isalpha() and root.lemma_ != "be":
            yield (
                "negation_inserted",
                "contradicted",
                [(root.idx, root.idx + len(root.text), f"did not {root.lemma_}")],
            )
        subj = [c for c in root.children if c.dep_ == "nsubj"]
        obj = [c for c in root.children if c.dep_ == "dobj"]
        if subj and obj:
            s_ent = next((e for e in ents if e.root == subj[0]), None)
            o_ent = next((e for e in ents if e.root == obj[0]), None)
            if s_ent is not None and o_ent is not None:
                yield (
                    "role_swap",
                    "contradicted",
                    [
                        (s_ent.start_char, s_ent.end_char, o_ent.text),
                        (o_ent.start_char, o_ent.end_char, s_ent.text),
                    ],
                )
            else:
                swapped = _phrases_swapped(subj[0], obj[0])
                if swapped:
                    yield "role_swap", "contradicted", swapped
    places = [n for n in others.get("GPE", []) if n not in sent.doc.text]
    if places and sent.text.rstrip().endswith("."):
        end = sent.start_char + len(sent.text.rstrip()) - 1
        yield "added_place", "not_in_sources", [(end, end, f" in {rng.choice(places)}")]


_REPORTING = frozenset({"say", "tell", "report", "add", "state", "announce", "note", "explain"})
_NEGATABLE_AUX = frozenset(
    {"is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could"}
)


#: Edits a real summary's errors resemble (SummEdits' kinds: a name of the article put in the wrong place,
#: an antonym, a negation, an amount or date a little off) are picked twice as often as a name or place
#: from another article, which the sources' silence gives away.
SUBTLE_OPS = frozenset({"entity_swap", "entity_exchange", "antonym", "shift", "number_near", "date_near",
                        "negation_inserted", "negation_removed", "role_swap"})  # fmt: skip


def pick_ops(ops: list[str], rng: random.Random, k: int = 2) -> list[str]:
    """Up to k different operations of a sentence, subtle ones weighted twice."""
    left, out = list(ops), []
    while left and len(out) < k:
        weights = [2.0 if op in SUBTLE_OPS else 1.0 for op in left]
        out.append(left.pop(rng.choices(range(len(left)), weights)[0]))
    return out
