"""Make claim-check training pairs from the dev articles, FactCC/SummEdits style (issue 16, Build 4).

For sampled articles of /work/shared/dev/{geo,ner,quotes,timex} (never dev/claims, whose SummEdits pairs
are measure-only, nor dev/events), pick sentences that name something, then write for each a faithful
statement (the sentence, or the sentence without its leading or trailing clause) and edited versions:
an entity swapped for another of the article (contradicted) or of another article (not_in_sources), a
number or date changed, a negation inserted or removed, an antonym, the subject and object swapped
(contradicted), or a place the article lacks added (not_in_sources).

Shared text is never written out: a pair is a *recipe*, the record id, the sentence offsets, the stretches
kept, and the edits (offsets and replacement words), which `replay()` turns back into the claim text at
training time. Replacement words are names from other articles (facts), numbers, dates and function
words the script makes up.

  .venv/bin/python training/claims/make_pairs.py --articles 450 --seed 16 -o training/claims/pairs.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SHARED = Path("/work/shared/dev")
DATASETS = ("geo", "ner", "quotes", "timex")
MAX_CHARS = 4000
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
# Opposites the edits use; written for this script (not read from the checker's lexicon, so the learned
# verdict is not trained only on what the rules already know).
OPPOSITES = {
    "increase": "decrease", "increased": "decreased", "rose": "fell", "rise": "fall", "won": "lost",
    "win": "lose", "higher": "lower", "lower": "higher", "more": "fewer", "largest": "smallest",
    "first": "last", "last": "first", "approved": "rejected", "accepted": "rejected", "opened": "closed",
    "open": "closed", "began": "ended", "start": "end", "allowed": "banned", "supported": "opposed",
    "support": "oppose", "arrested": "released", "released": "arrested", "early": "late", "before": "after",
    "after": "before", "up": "down", "gained": "lost", "strong": "weak", "new": "old", "hired": "fired",
    "joined": "left", "entered": "left", "guilty": "innocent", "agreed": "refused", "ally": "rival",
    "best": "worst", "top": "bottom", "north": "south", "south": "north", "east": "west", "west": "east",
    "raised": "lowered", "cut": "raised", "expanded": "reduced", "grew": "shrank",
    "strengthened": "weakened", "improved": "worsened", "success": "failure", "successful": "failed",
    "positive": "negative", "profit": "loss", "cheap": "expensive", "easy": "difficult", "small": "large",
    "large": "small", "long": "short", "short": "long", "young": "old", "high": "low", "low": "high",
    "full": "empty", "public": "private", "private": "public", "legal": "illegal", "major": "minor",
    "praised": "criticised", "criticised": "praised", "criticized": "praised", "welcomed": "condemned",
    "condemned": "welcomed", "confirmed": "denied", "denied": "confirmed", "admitted": "denied",
    "attacked": "defended", "defended": "attacked", "bought": "sold", "sold": "bought", "lent": "borrowed",
    "borrowed": "lent", "sent": "received", "received": "sent", "gave": "took", "took": "gave",
    "arrived": "left", "left": "arrived", "died": "survived", "survived": "died", "lost": "won",
    "passed": "failed", "failed": "passed", "increasing": "decreasing", "rising": "falling",
    "falling": "rising", "ahead": "behind", "above": "below", "below": "above", "inside": "outside",
    "domestic": "foreign", "foreign": "domestic", "male": "female", "female": "male", "daily": "weekly",
    "weekly": "monthly", "annual": "monthly", "majority": "minority", "victory": "defeat", "peace": "war",
    "war": "peace", "safe": "dangerous", "dangerous": "safe", "rich": "poor", "poor": "rich",
    "launched": "cancelled", "signed": "rejected", "resigned": "was fired",
}  # fmt: skip

#: Words of amount and certainty and a word that changes what they say: "all" -> "some" and "could" -> "will"
#: (the article hedges, the claim asserts) are subtler edits than a swapped name (contradicted).
SHIFTS = {
    "all": "some", "some": "all", "most": "few", "many": "few", "few": "many", "always": "never",
    "never": "always", "every": "no", "several": "no", "only": "also", "both": "neither",
    "may": "will", "might": "will", "could": "will", "likely": "certain", "possible": "certain",
    "possibly": "certainly", "probably": "certainly", "expected": "certain", "nearly": "more than",
    "almost": "more than", "partly": "fully", "partially": "fully", "often": "rarely", "rarely": "often",
}  # fmt: skip


# Words a faithful statement may use instead of the article's (written for this script): a supported claim
# need not copy its source word for word, so the learned verdict must not read every new word as a fault.
SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "bought": "purchased", "buy": "purchase",
    "began": "started", "started": "began", "helped": "assisted", "help": "assist", "people": "individuals",
    "children": "kids", "car": "vehicle", "cars": "vehicles", "big": "large", "large": "big",
    "house": "home", "home": "house", "killed": "slain", "died": "perished", "shows": "indicates",
    "showed": "indicated", "asked": "requested", "ended": "concluded", "plans": "intends",
    "needed": "required", "needs": "requires", "got": "received", "received": "got", "tried": "attempted",
    "announced": "declared", "officials": "authorities", "police": "officers", "meeting": "gathering",
    "city": "town", "near": "close to", "about": "around", "around": "about", "more than": "over",
    "company": "firm", "firm": "company", "leader": "head", "students": "pupils", "built": "constructed",
    "made": "produced", "week": "seven days", "chief": "head", "fight": "battle", "won": "secured",
    "injured": "hurt", "hurt": "injured", "quickly": "rapidly", "also": "additionally", "team": "squad",
    "government": "administration", "country": "nation", "president": "leader", "talks": "negotiations",
    "agreement": "deal", "deal": "agreement", "added": "noted", "spokesman": "spokesperson",
    "attack": "assault", "attacks": "assaults", "soldiers": "troops", "troops": "forces", "army": "military",
    "election": "vote", "law": "legislation", "plan": "proposal", "rules": "regulations", "money": "funds",
    "percent": "per cent", "workers": "employees", "staff": "employees",
    "shares": "stock", "price": "cost", "prices": "costs", "begin": "start", "start": "begin",
    "hospital": "medical centre", "report": "study", "study": "research", "data": "figures",
    "residents": "locals", "protesters": "demonstrators", "crowd": "gathering", "trip": "visit",
    "visit": "trip", "ministry": "department", "officers": "police", "film": "movie", "movie": "film",
    "match": "game", "game": "match", "season": "campaign", "club": "team", "coach": "manager",
    "manager": "boss", "scored": "netted", "beat": "defeated", "defeated": "beat", "important": "key",
    "major": "big", "huge": "massive", "difficult": "hard", "hard": "difficult", "rapid": "quick",
    "recent": "latest", "arrested": "detained",
    "detained": "held", "accused": "charged", "warned": "cautioned", "claimed": "alleged",
    "revealed": "disclosed", "launched": "started", "opened": "inaugurated", "closed": "shut",
    "rose": "climbed", "fell": "dropped", "dropped": "fell", "cut": "reduced",
    "reached": "hit", "expected": "anticipated", "decided": "chose", "allowed": "permitted",
}  # fmt: skip
HEDGES = ("reportedly", "also", "ultimately", "officially", "indeed")


def article_id(dataset: str, rec: dict[str, Any]) -> str:
    return f"{dataset}/{rec['id']}"


def held_out(article: str) -> bool:
    """The split, by article: a fifth of the articles are held out (sha256 of the article id)."""
    return int(hashlib.sha256(article.encode()).hexdigest(), 16) % 5 == 0


def load_articles() -> dict[str, str]:
    out = {}
    for ds in DATASETS:
        with (SHARED / ds / "dev.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                text = rec.get("text") or ""
                if 300 <= len(text) <= MAX_CHARS:
                    out[article_id(ds, rec)] = text
    return out


def replay(recipe: dict[str, Any], text: str) -> str:
    """The claim text of a recipe: the kept stretches of the sentence with the edits applied."""
    pieces = []
    edits = sorted(recipe["edits"], key=lambda e: e[0])
    for a, b in recipe["keep"]:
        pos = a
        for s, e, words in edits:
            if a <= s <= b and s >= pos:
                pieces.append(text[pos:s])
                pieces.append(words)
                pos = e
        pieces.append(text[pos:b])
    claim = "".join(pieces).strip(" ,;")
    claim = claim[:1].upper() + claim[1:]
    return claim if claim.endswith((".", "!", "?")) else claim.rstrip(".") + "."


def _word_swap(tok: Any, table: dict[str, str]) -> tuple[int, int, str]:
    """The edit putting the table's word for `tok` in its place, capitalised as `tok` is."""
    word = table[tok.lower_]
    return tok.idx, tok.idx + len(tok.text), word.capitalize() if tok.text[:1].isupper() else word


def _number_edit(tok: Any, rng: random.Random) -> str | None:
    digits = tok.text.replace(",", "")
    if not re.fullmatch(r"\d+(\.\d+)?", digits):
        return None
    value = float(digits)
    if 1900 <= value <= 2100 and "." not in digits:
        return None  # a year: the date edit changes those
    new = value * rng.choice([2, 3, 0.5, 0.25, 10]) if value > 5 else value + rng.choice([2, 3, 5])
    out = f"{new:,.0f}" if new >= 1 and "." not in digits else f"{new:.1f}"
    return None if out == tok.text else out


def _sentence_edits(sent: Any, others: dict[str, list[str]], own: dict[str, list[str]],
                    rng: random.Random) -> Iterator[tuple[str, str, list[tuple[int, int, str]]]]:  # fmt: skip
    """(operation, verdict, edits) for one sentence, each edit (start, end, replacement words)."""
    ents = [e for e in sent.ents if e.label_ in ENT_TYPES]
    for e in ents:
        same = [n for n in own.get(e.label_, []) if n.casefold() != e.text.casefold() and n not in sent.text]
        if same:
            yield "entity_swap", "contradicted", [(e.start_char, e.end_char, rng.choice(same))]
        foreign = [n for n in others.get(e.label_, []) if n not in sent.doc.text]
        if foreign:
            yield "entity_new", "not_in_sources", [(e.start_char, e.end_char, rng.choice(foreign))]
    for tok in sent:
        if tok.like_num and tok.ent_type_ not in ("DATE", "TIME"):
            new = _number_edit(tok, rng)
            if new:
                yield "number", "contradicted", [(tok.idx, tok.idx + len(tok.text), new)]
        if tok.ent_type_ == "DATE":
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
        if tok.lower_ in OPPOSITES and tok.pos_ in ("VERB", "ADJ", "ADV", "NOUN", "ADP"):
            yield "antonym", "contradicted", [_word_swap(tok, OPPOSITES)]
        if tok.lower_ in SHIFTS and tok.ent_type_ not in ("DATE", "TIME"):
            yield "shift", "contradicted", [_word_swap(tok, SHIFTS)]
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
    places = [n for n in others.get("GPE", []) if n not in sent.doc.text]
    if places and sent.text.rstrip().endswith("."):
        end = sent.start_char + len(sent.text.rstrip()) - 1
        yield "added_place", "not_in_sources", [(end, end, f" in {rng.choice(places)}")]


_REPORTING = frozenset({"say", "tell", "report", "add", "state", "announce", "note", "explain"})
_NEGATABLE_AUX = frozenset(
    {"is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could"}
)


Variant = tuple[str, list[tuple[int, int]], list[tuple[int, int, str]]]


def _faithful(sent: Any, other: Any, rng: random.Random) -> list[Variant]:
    """Supported statements of a sentence: (operation, kept stretches, edits that keep its meaning). The
    sentence; without a leading clause or a trailing attribution; with a word said otherwise (SYNONYMS)
    or a hedge the article does not use; joined with another sentence of the article."""
    end = sent.start_char + len(sent.text.rstrip())
    whole = [(sent.start_char, end)]
    out: list[Variant] = [("faithful_whole", whole, [])]
    commas = [t for t in sent if t.text == ","]
    if commas:
        first = commas[0]
        lead = sent.doc[sent.start : first.i]
        if 2 <= len(lead) <= 8 and lead.root.dep_ in ("prep", "advcl", "advmod", "npadvmod"):
            out.append(("faithful_trimmed", [(first.idx + 1, end)], []))
        last = commas[-1]
        tail = sent.doc[last.i + 1 : sent.end]
        if 2 <= len(tail) <= 6 and any(t.lemma_ in ("say", "tell", "report") for t in tail):
            out.append(("faithful_trimmed", [(sent.start_char, last.idx)], []))
    swaps = [
        t
        for t in sent
        if t.lower_ in SYNONYMS and SYNONYMS[t.lower_] not in sent.doc.text
        and t.dep_ != "compound" and t.pos_ != "PROPN"  # "law enforcement", "Fire Chief" are names of a kind
    ]  # fmt: skip
    # Summaries reword several words, not one.
    synonyms = [_word_swap(t, SYNONYMS) for t in rng.sample(swaps, min(3, len(swaps)))]
    if synonyms:
        out.append(("faithful_synonym", whole, sorted(synonyms)))
    dropped = _compressed(sent, end, rng)
    if dropped:
        out.append(("faithful_compressed", dropped, []))
        kept_synonyms = [e for e in synonyms if any(a <= e[0] and e[1] <= b for a, b in dropped)]
        if kept_synonyms:
            out.append(("faithful_reworded", dropped, kept_synonyms))
    out.extend(_reordered(sent, end))
    out.extend(_passive(sent, end))
    root = sent.root
    hedges = [h for h in HEDGES if h not in sent.doc.text.lower()]
    if root.pos_ == "VERB" and root.tag_ in ("VBD", "VBZ", "VBP") and hedges:
        out.append(("faithful_hedged", whole, [(root.idx, root.idx, rng.choice(hedges) + " ")]))
    if other is not None and sent.text.rstrip().endswith("."):
        o_end = other.start_char + len(other.text.rstrip())
        first_tok = other[0]
        lower = first_tok.pos_ != "PROPN" and first_tok.text not in ("I",)
        join = [(end - 1, end - 1, ", and ")]
        if lower:
            join.append((first_tok.idx, first_tok.idx + 1, first_tok.text[0].lower()))
        out.append(("faithful_joined", [(sent.start_char, end - 1), (other.start_char, o_end)], join))
    return out


#: Modifiers a faithful compression may leave out; these change what is said when dropped.
_KEEP_MODIFIERS = frozenset({"not", "never", "no", "only", "almost", "nearly", "just", "hardly", "also",
                             "again", "still", "even", "already", "too", "yet", "so", "once"})  # fmt: skip


def _compressed(sent: Any, end: int, rng: random.Random) -> list[tuple[int, int]] | None:
    """The sentence without one phrase it can do without, as a summary shortens: a prepositional phrase or
    an adverb of its verb, an apposition or a relative clause set off by commas."""
    options = []
    for t in sent:
        sub = sorted(t.subtree, key=lambda x: x.i)
        first, last = sub[0], sub[-1]
        if first.i <= sent.start or last.i >= sent.end - 1 or len(sub) > 10:
            continue
        if any(x.lower_ in _KEEP_MODIFIERS or x.like_num or x.ent_type_ in ("DATE", "TIME") for x in sub):
            continue
        before, after = sent.doc[first.i - 1], sent.doc[last.i + 1]
        if first.idx == 0 or sent.doc.text[first.idx - 1] != " ":
            continue
        # a prepositional phrase of a verb, not a particle's ("put on his gear"), or an -ly adverb
        phrase = t.dep_ == "prep" and t.head.pos_ == "VERB" and t.lower_ not in ("of", "to", "than", "from")
        adverb = t.dep_ == "advmod" and t.head.pos_ == "VERB" and len(sub) == 1 and t.text.endswith("ly")
        if (phrase and t.i > t.head.i + 1) or adverb:
            options.append((first.idx - 1, last.idx + len(last.text)))
        elif t.dep_ in ("appos", "relcl") and before.text == "," and after.text == ",":
            options.append((before.idx, after.idx + 1))  # "Ann Lee, the mayor, said" -> "Ann Lee said"
    if not options:
        return None
    a, b = rng.choice(options)
    text = sent.doc.text
    while text[a - 1] in ", " and text[b : b + 1] in (".", ",", ""):
        a -= 1  # "..., according to the report." -> "...."
    return [(sent.start_char, a), (b, end)]


def _reordered(sent: Any, end: int) -> list[Variant]:
    """A leading phrase moved to the end: "On Monday, the council met." -> "The council met on Monday."."""
    commas = [t for t in sent if t.text == ","]
    if not commas or not sent.text.rstrip().endswith("."):
        return []
    comma = commas[0]
    lead = sent.doc[sent.start : comma.i]
    if not (2 <= len(lead) <= 6 and lead.root.dep_ in ("prep", "npadvmod") and lead[0].pos_ != "PROPN"
            and lead[0].text[:1].isupper()):  # fmt: skip
        return []
    rest = sent.doc[comma.i + 1]
    edits = [(end - 1, end - 1, " "), (lead[0].idx, lead[0].idx + 1, lead[0].text[0].lower())]
    return [("faithful_reordered", [(rest.idx, end - 1), (lead.start_char, lead.end_char)], edits)]


def _passive(sent: Any, end: int) -> list[Variant]:
    """Subject, past-tense verb, object turned round: "The firm hired Ann Lee" -> "Ann Lee was hired by the
    firm" (regular verbs only: their past tense is their participle)."""
    root = sent.root
    helped = any(c.dep_ in ("aux", "neg") for c in root.children)
    if root.tag_ != "VBD" or not root.text.endswith("ed") or helped:
        return []
    subj = [c for c in root.children if c.dep_ == "nsubj"]
    obj = [c for c in root.children if c.dep_ == "dobj"]
    if not (subj and obj):
        return []
    s_sub = sorted(subj[0].subtree, key=lambda x: x.i)
    o_sub = sorted(obj[0].subtree, key=lambda x: x.i)
    if s_sub[0].i != sent.start or s_sub[-1].i + 1 != root.i or o_sub[0].i != root.i + 1:
        return []
    if any(t.pos_ == "PRON" for t in (s_sub[0], o_sub[0])) or len(o_sub) > 8:
        return []
    s_a, s_b = s_sub[0].idx, s_sub[-1].idx + len(s_sub[-1].text)
    o_a, o_b = o_sub[0].idx, o_sub[-1].idx + len(o_sub[-1].text)
    v_a, v_b = root.idx, root.idx + len(root.text)
    be = "were" if obj[0].tag_ in ("NNS", "NNPS") else "was"
    edits = [(v_a, v_a, f" {be} "), (s_a, s_a, " by ")]
    if s_sub[0].pos_ != "PROPN":
        edits.append((s_a, s_a + 1, s_sub[0].text[0].lower()))
    return [("faithful_passive", [(o_a, o_b), (v_a, v_b), (s_a, s_b), (o_b, end)], edits)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=450)
    ap.add_argument("--per-article", type=int, default=4, help="sentences per article")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("-o", "--output", type=Path, required=True)
    args = ap.parse_args()

    from newsgraph.pipeline import get_pipeline

    nlp = get_pipeline().nlp
    rng = random.Random(args.seed)
    texts = load_articles()
    ids = sorted(texts)
    rng.shuffle(ids)
    ids = ids[: args.articles]
    # Names by type over all chosen articles, for swaps within and across articles.
    docs = {i: nlp(texts[i]) for i in ids}
    names: dict[str, dict[str, list[str]]] = {}
    for i, doc in docs.items():
        by: dict[str, list[str]] = {}
        for e in doc.ents:
            if e.label_ in ENT_TYPES and e.text not in by.setdefault(e.label_, []) and "\n" not in e.text:
                by[e.label_].append(e.text)
        names[i] = by
    n = 0
    with args.output.open("w", encoding="utf-8") as out:
        for i in ids:
            doc = docs[i]
            others: dict[str, list[str]] = {}
            for j in rng.sample(ids, min(6, len(ids))):
                if j != i:
                    for label, ns in names[j].items():
                        others.setdefault(label, []).extend(ns)
            sents = [
                s
                for s in doc.sents
                if 8 <= len(s) <= 45
                and "\n" not in s.text.strip()
                and any(e.label_ in ENT_TYPES for e in s.ents)
            ]
            chosen = sorted(rng.sample(sents, min(args.per_article, len(sents))), key=lambda x: x.start_char)
            for sent in chosen:
                others_here = [o for o in chosen if o is not sent and o.start_char > sent.start_char]
                kinds = _faithful(sent, others_here[0] if others_here else None, rng)
                # Two faithful statements, the rewordings first: summaries seldom copy a sentence whole.
                reworded = [k for k in kinds if k[0] != "faithful_whole"]
                faithful = rng.sample(reworded, min(2, len(reworded))) if reworded else kinds[:1]
                recipes = [(op, "supported", keep, base, []) for op, keep, base in faithful]
                edits = list(_sentence_edits(sent, others, names[i], rng))
                by_op: dict[str, list[Any]] = {}
                for e in edits:
                    by_op.setdefault(e[0], []).append(e)
                for picked in rng.sample(sorted(by_op), min(2, len(by_op))):
                    eop, verdict, changes = rng.choice(by_op[picked])
                    # Half the edits start from a reworded statement, so rewording alone tells nothing.
                    _, ekeep, ebase = rng.choice(kinds) if rng.random() < 0.5 else kinds[0]
                    spans = [(a, b) for a, b, _ in changes]
                    clash = any(a <= y and x <= b for a, b, _ in ebase for x, y in spans)
                    inside = all(any(ka <= x and y <= kb for ka, kb in ekeep) for x, y in spans)
                    if clash or not inside:
                        ekeep, ebase = kinds[0][1], []
                    recipes.append((eop, verdict, ekeep, [*ebase, *changes], [w for _, _, w in changes]))
                for op, verdict, keep, changes, changed in recipes:
                    rec = {
                        "id": f"{i}#{sent.start_char}#{op}#{n}",
                        "article": i,
                        "sentence": [sent.start_char, sent.start_char + len(sent.text.rstrip())],
                        "keep": [list(k) for k in keep],
                        "edits": [list(c) for c in changes],
                        "changed": changed,  # the replacement words of the edit the verdict is about
                        "op": op,
                        "verdict": verdict,
                        "held_out": held_out(i),
                    }
                    out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                    n += 1
    print(f"{n} pairs from {len(ids)} articles -> {args.output}")


if __name__ == "__main__":
    main()
