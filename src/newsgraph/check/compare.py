"""Compare one atomic claim with the source sentences aligned to it: what each says of the same actors,
event, amounts, dates and words, as findings (a verdict, how strong, a reason naming both sides).

Contradiction needs a source statement about the same thing: the same event between the same actors (a
role swap, the other polarity, a different actor in the same role), an amount of the same thing, a date of
the aligned sentence. What the claim states and the sources never mention (a name, a place, an amount, a
date) is `not_in_sources` instead: a claim cannot be contradicted about something the sources do not
discuss. Amounts and dates are compared in amounts_and_dates.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .features import LIGHT_VERBS, Frame, antonyms
from .model import Verdict
from .units import DESCRIPTION, Unit

_TYPE_WORD = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "NORP": "group"}

#: Finding kinds, in the order the learned verdict reads them (models/claims: one feature per kind).
KINDS = (
    "roles",
    "actor",
    "negation",
    "modality",
    "number",
    "date",
    "antonym",
    "class",
    "absent_entity",
    "absent_number",
    "absent_date",
    "absent_words",
    "unstated_negation",
    "other_entity",
    "title",
)


#: Strength of a finding the rules leave to the learned verdict (below it a finding does not decide).
WEAK = 0.5
#: Share of a claim's words (names aside) its best sentence must have for a swapped name there to contradict.
ALIGNED_SHARE = 0.6


@dataclass(frozen=True)
class Finding:
    kind: str
    verdict: Verdict
    strength: float
    reason: str
    unit: Unit | None


@dataclass(frozen=True)
class Comparison:
    """What the comparison of one claim with its aligned sentences found, and how well it aligned: the
    rules and the learned verdict decide from this."""

    claim: Unit
    evidence: tuple[Unit, ...]
    findings: tuple[Finding, ...]
    coverage: float  # share of the claim's content words the sources have or paraphrase
    missing: tuple[str, ...]  # the claim words the sources lack
    key_share: float  # share of the claim's actors named in the best sentence
    word_share: float  # share of the claim's content words in the best two sentences


def is_weak(f: Finding) -> bool:
    """A finding the rules leave to the learned verdict: a swapped name, or an antonym among function
    words ("before", "more"), in a sentence not aligned enough."""
    return f.kind in ("other_entity", "antonym") and f.strength <= WEAK


def q(text: str) -> str:
    """A quoted stretch of text for a reason, on one line and not too long."""
    words = " ".join(text.split())
    return f"'{words[:90]}{'...' if len(words) > 90 else ''}'"


def frame_text(f: Frame, u: Unit) -> str:
    """The words of a sentence from its first named argument to its verb (or the reverse), as evidence of
    who did what: "Hundreds of Wagner contractors", "Goita met Mody"."""
    ends = [f.start, f.end]
    for name, _ in (*f.agents, *f.patients):
        at = u.text.find(name)
        if at >= 0:
            ends += [u.start + at, u.start + at + len(name)]
    a, b = max(min(ends), u.start), min(max(ends), u.end)
    return u.text[a - u.start : b - u.start] if b - a < 120 else u.text[f.start - u.start : f.end - u.start]


# ---------------------------------------------------------------- events: roles, polarity, actors


def same_event(cf: Frame, sf: Frame, similar: Callable[[str, str], bool]) -> bool:
    """The same verb, one of the same PLOVER type ("hosted" and "meet"), or a close one in meaning."""
    return cf.lemma == sf.lemma or bool(cf.types & sf.types) or similar(cf.lemma, sf.lemma)


def events(claim: Unit, aligned: Sequence[Unit], present: Callable[[frozenset[str]], bool],
           similar: Callable[[str, str], bool]) -> list[Finding]:  # fmt: skip
    out: list[Finding] = []
    for cf in claim.frames:
        if cf.lemma in LIGHT_VERBS and not (cf.agents and cf.patients):
            continue
        ck = cf.agent_keys | cf.patient_keys
        named = any(not k.startswith(DESCRIPTION) for k in ck)
        matched, agreed, found_here = False, False, []
        for u in aligned:
            for sf in u.frames:
                if not same_event(cf, sf, similar):
                    continue
                sk = sf.agent_keys | sf.patient_keys
                about_same = bool(ck & sk) or (not named and u is aligned[0])
                if not about_same:
                    continue
                matched = True
                found = _compare_frames(cf, sf, u, present)
                if found:
                    found_here.append(found)
                elif cf.lemma == sf.lemma or ck & sk:
                    agreed = True
        # One aligned sentence stating the event as the claim does outweighs another that reports it
        # otherwise ("may attack" in one sentence, "attacked" in the next).
        if not agreed:
            out.extend(found_here)
        if cf.negated and not matched and cf.lemma not in LIGHT_VERBS:
            # Sources state what happened; a denial they never make is not theirs.
            out.append(
                Finding(
                    "unstated_negation",
                    "not_in_sources",
                    0.55,
                    f"the sources never say that it did not happen ({q(cf.lemma)})",
                    None,
                )
            )
    return out


def _compare_frames(
    cf: Frame, sf: Frame, u: Unit, present: Callable[[frozenset[str]], bool]
) -> Finding | None:
    said = q(frame_text(sf, u))
    swapped = (
        cf.agent_keys
        and cf.patient_keys
        and cf.agent_keys & sf.patient_keys
        and cf.patient_keys & sf.agent_keys
        and not cf.agent_keys & sf.agent_keys
    )
    if swapped and cf.lemma == sf.lemma:
        return Finding("roles", "contradicted", 0.9, f"roles swapped: sources say {said}", u)
    if cf.lemma in LIGHT_VERBS:
        return None
    if cf.negated != sf.negated:
        how = "say it did not happen" if sf.negated else "say it happened"
        return Finding("negation", "contradicted", 0.85, f"negation: the sources {how}: {said}", u)
    if not cf.modal and sf.modal and not cf.negated:
        return Finding(
            "modality", "contradicted", 0.6, f"the sources say it may happen, not that it did: {said}", u
        )
    if cf.lemma != sf.lemma:
        return None  # who did it to whom is compared for the same verb only ("host" and "meet" differ)
    for mine, theirs, other_mine, other_theirs in (
        (cf.agents, sf.agents, cf.patient_keys, sf.patient_keys),
        (cf.patients, sf.patients, cf.agent_keys, sf.agent_keys),
    ):
        if not (mine and theirs and other_mine & other_theirs):
            continue
        # Names only: a description ("the police") is no other actor than a name the sources give elsewhere.
        their_keys = frozenset(k for _, ks in theirs for k in ks if not k.startswith(DESCRIPTION))
        if not their_keys:
            continue
        for name, keys in mine:
            if not keys & their_keys and present(keys):
                return Finding(
                    "actor",
                    "contradicted",
                    0.8,
                    f"actor differs: sources say {q(theirs[0][0])}, not {q(name)} ({said})",
                    u,
                )
    return None


# ---------------------------------------------------------------- words


def words(claim: Unit, aligned: Sequence[Unit]) -> list[Finding]:
    """Antonyms and other members of a closed class. A content word ("rose", "worst") whose antonym an
    aligned sentence uses, and none uses the word itself, contradicts; a function word ("after", "more",
    "down") only where the best sentence says nearly all the claim says, else it is a weak sign."""
    out = []
    table = antonyms()
    said = frozenset(w for u in aligned for w in (*u.lemmas, *u.polar_words))
    best = aligned[0]
    share = _best_share(claim, best)
    for surface, lemma in claim.polar:
        if surface in said or lemma in said:
            continue
        forms = (surface, lemma)
        content = lemma in claim.lemmas or surface in claim.lemmas
        for u in aligned if content else (best,):
            opposite = next((b for f in forms for b in sorted(table.get(f, ())) if b in u.polar_words), None)
            if opposite:
                strength = 0.75 if content else (0.7 if share >= ALIGNED_SHARE else WEAK)
                reason = f"sources say '{opposite}', not '{surface}'"
                out.append(Finding("antonym", "contradicted", strength, reason, u))
                break
    for cls, word in claim.classes:
        if any(word in u.lemmas or (cls, word) in u.classes for u in aligned):
            continue
        other = next(((u, w) for u in aligned for c, w in u.classes if c == cls and w != word), None)
        if other:
            u, w = other
            out.append(
                Finding(
                    "class",
                    "contradicted",
                    0.75,
                    f"{cls.replace('_', ' ')} differs: sources say '{w}', not '{word}'",
                    u,
                )
            )
    return out


def other_entities(
    claim: Unit, aligned: Sequence[Unit], present: Callable[[frozenset[str]], bool]
) -> list[Finding]:
    """A name the sources have, but not in the sentence the claim aligns with best, which names another of
    the same kind there. When that sentence says nearly all the claim says (ALIGNED_SHARE of its words),
    the claim is that sentence with the name swapped: a contradiction. Less aligned, it is a weak sign the
    rules leave to the learned verdict. Besides the best sentence (which the claim's names pull towards
    the swapped-in actor's sentences), the aligned sentence that shares most of the claim's other words is
    read the same way."""
    out = []
    by_words = max(aligned, key=lambda u: _best_share(claim, u))
    seen: set[int] = set()
    for target in dict.fromkeys((aligned[0], by_words)):
        share = _best_share(claim, target)
        for n, (e, keys) in enumerate(claim.entities):
            if n in seen or keys & target.keys or not present(keys):
                continue
            # A name of another kind counts when the claim's is in none of the aligned sentences: "groups
            # from Botley" where the sentence says "groups from a college's school".
            elsewhere = not any(keys & u.keys for u in aligned)
            others = (
                se for se, sk in target.entities if (se.type == e.type or elsewhere) and not sk & claim.keys
            )
            other = next(others, None)
            if other is not None:
                seen.add(n)
                word = _TYPE_WORD.get(e.type, "name") if other.type == e.type else "name"
                out.append(
                    Finding(
                        "other_entity",
                        "contradicted",
                        0.7 if share >= ALIGNED_SHARE else WEAK,
                        f"{word} differs: sources say {q(other.name)}, not {q(e.name)}",
                        target,
                    )
                )
    return out


def _best_share(claim: Unit, best: Unit) -> float:
    """The share of the claim's words (names aside) its best sentence has."""
    words = claim.lemmas - claim.name_words
    return len(words & best.lemmas) / len(words) if words else 0.0


def titles(claim: Unit, aligned: Sequence[Unit]) -> list[Finding]:
    """A title or role given with another name than the sources give it, in a sentence about the claim's
    actors: "ambassador to France" where the sources say "ambassador to the United States"."""
    out = []
    for slot in claim.slots:
        for u in aligned:
            if not (claim.keys - slot.keys) & u.keys:
                continue
            theirs = [s for s in u.slots if s.noun == slot.noun and s.prep == slot.prep]
            if theirs and not any(s.keys & slot.keys for s in theirs):
                out.append(
                    Finding(
                        "title",
                        "contradicted",
                        0.8,
                        f"title differs: sources say {q(theirs[0].phrase)}, not {q(slot.phrase)}",
                        u,
                    )
                )
                break
    return out


def absent_entities(claim: Unit, present: Callable[[frozenset[str]], bool]) -> list[Finding]:
    out = []
    for e, keys in claim.entities:
        if not present(keys):
            kind = _TYPE_WORD.get(e.type, "name")
            out.append(
                Finding(
                    "absent_entity",
                    "not_in_sources",
                    0.75,
                    f"the sources never mention the {kind} {q(e.name)}",
                    None,
                )
            )
    return out
