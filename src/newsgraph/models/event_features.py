"""What the event candidate classifier (`newsgraph.models.events`) reads of a token: which tokens are
candidate triggers, and their sparse (string) and dense (word vector) features.

`features()` is the one feature function: the training script (`training/events/train.py`) calls it too,
so training and inference see the same features for the same parse.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

NONE = "NONE"
VECTOR_DIMS = 300
DENSE_DIMS = 2 * VECTOR_DIMS  # the trigger's lemma vector, then its object's

# Candidate triggers: verbs that are not auxiliaries or copulas, and nouns listed as event nouns (the rule
# the annotation work sheets use, training/tools/sample.py).
NOT_TRIGGER_LEMMAS = frozenset({"be", "have", "do", "get", "seem", "become"})
_ARG_DEPS = frozenset(
    {"dobj", "nsubj", "nsubjpass", "agent", "dative", "attr", "xcomp", "ccomp", "acomp", "poss"}
)
_ENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_NEAR_WORDS = frozenset(
    {
        "not", "n't", "never", "no", "without", "fail", "refuse", "deny",
        "will", "would", "could", "can", "may", "might", "should", "must", "shall",
        "plan", "intend", "threaten", "vow", "pledge", "promise", "expect", "likely", "unlikely", "if",
        "unless", "whether", "possible", "possibly", "consider", "want", "seek", "try", "call", "urge",
        "ago", "former", "formerly", "previously", "earlier", "since", "history", "historical", "during",
        "last", "year", "century", "war", "said", "say", "tell", "accord", "report",
    }
)  # fmt: skip
_LIGHT_DEPS = frozenset({"dobj", "nsubjpass", "pobj", "attr", "nsubj", "conj"})


def is_candidate(tok: Token, event_nouns: frozenset[str]) -> bool:
    """A token that may trigger an event: a content verb, or a noun listed as an event noun."""
    if not (tok.text[:1].isalpha() and len(tok.text) > 1):
        return False
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        return lemma not in NOT_TRIGGER_LEMMAS
    if tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.is_lower):
        return lemma in event_nouns or tok.lower_ in event_nouns
    return False


def candidates(
    sent: SpacySpan, event_nouns: frozenset[str], words: Sequence[Token] | None = None
) -> list[Token]:
    """The sentence's candidate triggers (`words`: its tokens, when the caller has them)."""
    return [t for t in (sent if words is None else words) if is_candidate(t, event_nouns)]


def _ent(tok: Token) -> str:
    """The entity label of a phrase headed by `tok` (its own, or a compound/flat part's), or ''."""
    if tok.ent_type_ in _ENT_LABELS:
        return tok.ent_type_
    for c in tok.children:
        if c.dep_ in ("compound", "poss", "amod", "nmod") and c.ent_type_ in _ENT_LABELS:
            return c.ent_type_
    return ""


def _object(tok: Token) -> Token | None:
    """The trigger's object: direct object, else the first prepositional object, else a clausal
    complement's head (verbs); for nouns the object of their preposition ("sale of jets")."""
    kids = list(tok.children)
    for c in kids:
        if c.dep_ in ("dobj", "dative"):
            return c
    for c in kids:
        if c.dep_ == "prep":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    for c in kids:
        if c.dep_ in ("xcomp", "ccomp"):
            return c
    return None


def lexicon_types(tok: Token, sent_lemmas: frozenset[str]) -> list[str]:
    """PLOVER types the trigger lexicon gives this lemma: alone ('lex') or as a multiword phrase whose other
    words occur in the sentence ('lexmw')."""
    from ..lexicons.events import trigger_entries

    out = []
    for entry in trigger_entries().get(tok.lemma_.lower(), ()):
        if len(entry.words) == 1:
            out.append(f"lex={entry.type}")
            out.append(f"lexpos={entry.pos}:{entry.type}")
        elif all(w in sent_lemmas for w in entry.words[1:]):
            out.append(f"lexmw={entry.type}")
    return out


_Requirement = tuple[str, frozenset[str], tuple[frozenset[str], ...]]


@functools.cache
def _verb_readings(lemma: str) -> tuple[tuple[str, ...], tuple[_Requirement, ...]]:
    """A verb's CAMEO rows, read once per lemma (cameo_types asks for every verb of every sentence): its
    default readings' feature names, and per pattern its feature name with the words the sentence must
    hold (plain lemmas, and one member of each `&SET`); a pattern with no words never matches."""
    from ..lexicons.cameo import cameo_synsets, cameo_verbs

    sets = cameo_synsets()
    defaults: list[str] = []
    patterns: list[_Requirement] = []
    for row in cameo_verbs().get(lemma, ()):
        kind = row.type or NONE
        if not row.pattern:
            defaults.append(f"cameo_default={kind}")
        elif row.words:
            plain = frozenset(w for w in row.words if not w.startswith("&"))
            any_of = tuple(sets.get(w, frozenset()) for w in row.words if w.startswith("&"))
            patterns.append((f"cameo_pat={kind}", plain, any_of))
    return tuple(defaults), tuple(patterns)


def cameo_types(tok: Token, sent_lemmas: frozenset[str]) -> list[str]:
    """What the CAMEO-derived lexicon (lexicons/cameo_*.tsv, when present) says of this word: the verb's
    default reading ('cameo_default', NONE for a not-event row), readings of patterns whose words all
    occur in the sentence ('cameo_pat'; a `&SET` word matches any member), and event nouns ('cameo_noun'
    when the noun maps to at most two types, else 'cameo_noun=many'; 'cameo_noun_lv' when the light verb
    alone codes nothing)."""
    try:
        from ..lexicons.cameo import cameo_nouns, cameo_synsets, cameo_verbs
    except ImportError:
        return []
    try:
        nouns = cameo_nouns()
        cameo_verbs(), cameo_synsets()  # read (or fail) here: _verb_readings takes them as read
    except (OSError, ValueError):
        return []
    lemma, out = tok.lemma_.lower(), list[str]()
    if tok.pos_ in ("VERB", "AUX"):
        defaults, patterns = _verb_readings(lemma)
        out.extend(defaults)
        found: set[str] = set()  # the features are a set (sorted below): one match per name is enough
        for name, plain, any_of in patterns:
            if (
                name not in found
                and plain <= sent_lemmas
                and all(not s.isdisjoint(sent_lemmas) for s in any_of)
            ):
                found.add(name)
        out.extend(found)
    else:
        rows = (*nouns.get(lemma, ()), *nouns.get(tok.lower_, ()))
        types = {noun.type for noun in rows}
        # a noun named in patterns of many types ("troops", "town") says little: only the count is kept
        if len(types) <= 2:
            out.extend(f"cameo_noun={t}" for t in types)
        else:
            out.append("cameo_noun=many")
        if any(noun.light_verb for noun in rows):
            out.append("cameo_noun_lv")
    return sorted(set(out))


def cameo_available() -> bool:
    try:
        from ..lexicons.cameo import cameo_verbs

        return bool(cameo_verbs())
    except (ImportError, OSError, ValueError):
        return False


def _holds_date(sent: SpacySpan, words: Sequence[Token]) -> bool:
    """Whether a DATE entity lies wholly inside the sentence (`words`: its tokens), as `sent.ents` would
    say, read from the tokens: `Span.ents` builds every entity span of the document on each call (a sixth
    of the events stage's time when asked once per sentence)."""
    doc = sent.doc
    for tok in words:
        if tok.ent_iob_ == "B" and tok.ent_type_ == "DATE":
            end = tok.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            if end <= sent.end:
                return True
    return False


@dataclass(frozen=True)
class SentenceContext:
    """What the features need of a candidate's sentence, computed once per sentence (the stage reads every
    verb of it): its bounds, lemmas, whether it holds a date and quote marks."""

    start: int
    end: int
    lemmas: frozenset[str]
    has_date: bool
    has_quote: bool


def sentence_context(sent: SpacySpan, words: Sequence[Token] | None = None) -> SentenceContext:
    """`words`: the sentence's tokens, when the caller has them (Parsed.span_tokens)."""
    if words is None:
        words = list(sent)  # made once: iterating the span makes new Token objects on each walk
    return SentenceContext(
        start=sent.start,
        end=sent.end,
        lemmas=frozenset(t.lemma_.lower() for t in words),
        has_date=_holds_date(sent, words),
        has_quote=any(t.text in ('"', "\u201c", "\u201d") for t in words),
    )


def features(
    tok: Token, sent_lemmas: frozenset[str] | None = None, context: SentenceContext | None = None
) -> tuple[list[str], npt.NDArray[np.float32]]:
    """Sparse (string) and dense features of a candidate trigger token (`context`: its sentence's, when the
    caller has it; `sent_lemmas` overrides the lemmas)."""
    if context is None:
        context = sentence_context(tok.sent)
    if sent_lemmas is None:
        sent_lemmas = context.lemmas
    lemma = tok.lemma_.lower()
    head = tok.head
    pos, tok_dep, head_lemma = tok.pos_, tok.dep_, head.lemma_.lower()  # each read looks the string up again
    f = [
        "bias",
        f"lem={lemma}",
        f"pos={pos}",
        f"tag={tok.tag_}",
        f"dep={tok_dep}",
        f"hlem={head_lemma}",
        f"hpos={head.pos_}",
        f"dep+hlem={tok_dep}:{head_lemma}",
        f"lem+dep={lemma}:{tok_dep}",
        f"lem+pos={lemma}:{pos}",
    ]
    if tok.is_title and tok.i > context.start:
        f.append("title")
    subj_ent = obj_ent = False
    for c in tok.children:
        dep = c.dep_
        f.append(f"c={dep}")
        clem = c.lemma_.lower()
        if dep in _ARG_DEPS:
            f.append(f"c={dep}={clem}")
            f.append(f"lem+c={lemma}:{dep}={clem}")
            ent = _ent(c)
            if ent:
                f.append(f"c={dep}:ent={ent}")
                if dep in ("nsubj", "poss", "agent"):
                    subj_ent = True
                if dep in ("dobj", "nsubjpass", "dative"):
                    obj_ent = True
            if c.pos_ == "PRON":
                f.append(f"c={dep}:pron")
        if dep in ("prep", "agent"):
            f.append(f"prep={clem}")
            f.append(f"lem+prep={lemma}:{clem}")
            for g in c.children:
                if g.dep_ == "pobj":
                    glem = g.lemma_.lower()
                    f.append(f"pp={clem}:{glem}")
                    ent = _ent(g)
                    if ent:
                        f.append(f"pp={clem}:ent={ent}")
                        if dep == "agent":
                            subj_ent = True
                        else:
                            obj_ent = True
        if dep in ("neg",):
            f.append("neg")
        if dep in ("aux", "auxpass"):
            f.append(f"aux={clem}")
    if subj_ent:
        f.append("subj_ent")
    if obj_ent:
        f.append("obj_ent")
    # a nominal trigger's light verb ("held talks", "signed off on the deal", "approved the sale")
    if pos in ("NOUN", "PROPN"):
        v = head
        if tok_dep == "pobj" and head.dep_ == "prep":
            v = head.head
        if tok_dep in _LIGHT_DEPS and v.pos_ in ("VERB", "AUX"):
            f.append(f"lv={v.lemma_.lower()}")
            f.append(f"lv+lem={v.lemma_.lower()}:{lemma}")
            for c in v.children:
                if c.dep_ == "neg":
                    f.append("lv_neg")
                if c.dep_ in ("aux", "auxpass"):
                    f.append(f"lv_aux={c.lemma_.lower()}")
                if c.dep_ in ("nsubj", "nsubjpass") and _ent(c):
                    f.append("lv_subj_ent")
    # governing clause: the verbs above ("threatened to impose", "said it would")
    anc = tok
    for depth in range(2):
        if anc.head.i == anc.i:
            break
        f.append(f"anc{depth}={anc.dep_}:{anc.head.lemma_.lower()}")
        for c in anc.head.children:
            if c.dep_ in ("neg", "aux") and c.i != anc.i:
                f.append(f"anc_{c.dep_}={c.lemma_.lower()}")
        anc = anc.head
    # words near it (by index: a slice of the Doc costs more than the few tokens it holds)
    doc = tok.doc
    lo = max(context.start, tok.i - 4)
    for t in (doc[k] for k in range(lo, tok.i)):
        w = t.lemma_.lower()
        if w in _NEAR_WORDS or t.lower_ in _NEAR_WORDS:
            f.append(f"near={w}")
    for t in (doc[k] for k in range(tok.i + 1, min(context.end, tok.i + 3))):
        w = t.lemma_.lower()
        if w in _NEAR_WORDS:
            f.append(f"after={w}")
    if context.has_date:
        f.append("sent_date")
    if context.has_quote:
        f.append("sent_quote")
    obj = _object(tok)
    if obj is not None:
        olem = obj.lemma_.lower()
        f.append(f"obj={olem}")
        f.append(f"lem+obj={lemma}:{olem}")
    f.extend(lexicon_types(tok, sent_lemmas))
    f.extend(cameo_types(tok, sent_lemmas))
    dense = np.zeros(DENSE_DIMS, dtype=np.float32)
    dense[:VECTOR_DIMS] = _unit(tok.vocab, lemma)
    if obj is not None:
        dense[VECTOR_DIMS:] = _unit(tok.vocab, obj.lemma_.lower())
    return f, dense


@functools.lru_cache(maxsize=50_000)
def _unit(vocab: Any, word: str) -> npt.NDArray[np.float32]:
    """The unit-length vector of a word (cached: the caller copies it into its own array)."""
    if not vocab.has_vector(word):
        return np.zeros(VECTOR_DIMS, dtype=np.float32)
    v = np.asarray(vocab.get_vector(word), dtype=np.float32)
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v
