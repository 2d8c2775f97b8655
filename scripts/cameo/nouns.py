"""Nominalisations: the event nouns a verb lemma may have (regular suffixes and an irregular table), and the
words kept out (nouns of another sense, false stems)."""

from __future__ import annotations

import re

# a verb's noun when no suffix rule makes it (or the rule's result is not the noun in use); checked like
# the rest: the noun must occur in the dictionary, except the plural-only nouns of the last line
IRREGULAR_NOUNS = {
    "sell": ("sale",),
    "talk": ("talks",),
    "sanction": ("sanctions",),
    "threaten": ("threat",),
    "withdraw": ("withdrawal",),
    "deny": ("denial",),
    "refuse": ("refusal",),
    "approve": ("approval",),
    "propose": ("proposal",),
    "arrive": ("arrival",),
    "remove": ("removal",),
    "renew": ("renewal",),
    "seize": ("seizure",),
    "fail": ("failure",),
    "pursue": ("pursuit",),
    "complain": ("complaint",),
    "restrain": ("restraint",),
    "succeed": ("success",),
    "defend": ("defence", "defense"),
    "offend": ("offence", "offense"),
    "pay": ("payment",),
    "die": ("death",),
    "bear": ("birth",),
    "grow": ("growth",),
    "choose": ("choice",),
    "lose": ("loss",),
    "fly": ("flight",),
    "sue": ("suit",),
    "prove": ("proof",),
    "advise": ("advice",),
    "expel": ("expulsion",),
    "repel": ("repulsion",),
    "compel": ("compulsion",),
    "destroy": ("destruction",),
    "describe": ("description",),
    "intervene": ("intervention",),
    "convene": ("convention",),
    "detain": ("detention",),
    "retain": ("retention",),
    "abstain": ("abstention",),
    "maintain": ("maintenance",),
    "sustain": ("sustenance",),
    "assume": ("assumption",),
    "resume": ("resumption",),
    "consume": ("consumption",),
    "invade": ("invasion",),
    "evade": ("evasion",),
    "persuade": ("persuasion",),
    "erode": ("erosion",),
    "explode": ("explosion",),
    "collide": ("collision",),
    "decide": ("decision",),
    "divide": ("division",),
    "provide": ("provision",),
    "conclude": ("conclusion",),
    "exclude": ("exclusion",),
    "include": ("inclusion",),
    "intrude": ("intrusion",),
    "extend": ("extension",),
    "suspend": ("suspension",),
    "comprehend": ("comprehension",),
    "admit": ("admission",),
    "commit": ("commitment",),
    "permit": ("permission",),
    "submit": ("submission",),
    "omit": ("omission",),
    "transmit": ("transmission",),
    "emit": ("emission",),
    "oppose": ("opposition",),
    "impose": ("imposition",),
    "depose": ("deposition",),
    "dispose": ("disposal",),
    "compose": ("composition",),
    "receive": ("receipt", "reception"),
    "conceive": ("conception",),
    "deceive": ("deception",),
    "pressure": ("pressure",),
    "bomb": ("bombing",),
    "shell": ("shelling",),
    "shoot": ("shooting",),
    "kill": ("killing",),
    "meet": ("meeting",),
    "rule": ("ruling",),
    "hear": ("hearing",),
    "recapture": ("recapture",),
    "negotiate": ("negotiations",),
    "hostility": (),
    "elect": ("elections",),
}
# derivations that pass the checks but are not the verb's event noun: verbs the dictionary writes after a
# preposition (`(TO WITHDRAW)`), false stems (fine -> final), and nouns of another sense (govern ->
# government); read off the generated list by hand
NOT_NOMINAL = frozenset(
    [
        "agree",
        "allow",
        "analyse",
        "assurence",
        "base",
        "best",
        "celebrate",
        "commitment",
        "confidence",
        "congratulate",
        "construction",
        "convict",
        "corruption",
        "demonstrate",
        "deport",
        "difference",
        "disarm",
        "expect",
        "final",
        "finance",
        "go",
        "government",
        "head",
        "impact",
        "inspect",
        "intervene",
        "investigate",
        "issue",
        "join",
        "lead",
        "leave",
        "leaving",
        "mine",
        "name",
        "negotiate",
        "occupy",
        "option",
        "place",
        "protect",
        "reason",
        "recognize",
        "relation",
        "residence",
        "resign",
        "show",
        "shoot",
        "suspect",
        "table",
        "withdraw",
    ]
)
PLURAL_ONLY = frozenset({"talks", "sanctions", "negotiations", "elections", "hostilities", "reparations"})


def derived_nouns(lemma: str) -> list[str]:
    """Candidate nouns of a verb lemma by the regular English suffixes (and the irregular table)."""
    out: list[str] = list(IRREGULAR_NOUNS.get(lemma, ()))
    stem_e = lemma[:-1] if lemma.endswith("e") else lemma
    out.append(lemma)  # zero derivation: attack, visit, request, charge, strike, protest
    if lemma.endswith("ate"):
        out.append(lemma[:-1] + "ion")  # negotiate -> negotiation
    elif lemma.endswith(("ise", "ize")):
        out.append(lemma[:-1] + "ation")  # mobilize -> mobilization
    elif lemma.endswith("ify"):
        out.append(lemma[:-1] + "ication")  # ratify -> ratification
    elif lemma.endswith("y"):
        out.append(lemma[:-1] + "ial")
    elif lemma.endswith(("ct", "pt", "rt", "st")):
        out.append(lemma + "ion")  # protect -> protection, assert -> assertion
    elif lemma.endswith("ss"):
        out.append(lemma + "ion")  # discuss -> discussion
    out.append(stem_e + "ation")  # condemn -> condemnation, accuse -> accusation
    out.append(lemma + "ment")  # agree -> agreement
    out.append(stem_e + "al")  # withdraw -> withdrawal, approve -> approval
    out.append(stem_e + "ance")  # assist -> assistance
    out.append(stem_e + "ence")
    out.append(stem_e + "ure")  # close -> closure
    out.append((lemma[:-2] + "ing") if lemma.endswith("ie") else (stem_e + "ing"))  # killing, bombing
    if re.search(r"[^aeiou][aeiou][bdgmnprt]$", lemma) and len(lemma) <= 5:
        out.append(lemma + lemma[-1] + "ing")  # rob -> robbing (doubled consonant)
    return list(dict.fromkeys(n for n in out if n))


def plural_forms(noun: str) -> tuple[str, ...]:
    if noun.endswith(("s", "x", "ch", "sh")):
        return (noun + "es",)
    if re.search(r"[^aeiou]y$", noun):
        return (noun[:-1] + "ies",)
    return (noun + "s",)


def nominalisations(
    lemma: str, choice: tuple[str, str, str, str, str], cameo_words: set[str], object_heads: set[str]
) -> list[dict[str, str]]:
    """The noun rows of a verb: its derived nouns that the dictionary itself uses, with the verb's mapping
    `choice` (type, cameo, mode, contexts, source line)."""
    type_, code, mode, ctx, line_s = choice
    irregular = IRREGULAR_NOUNS.get(lemma, ())
    rows = []
    for noun in derived_nouns(lemma):
        # a suffixed noun (-ion, -ment, -al, -ance...) must occur somewhere in the dictionary; the verb's
        # own form (attack, visit) and -ing forms only as a noun after a verb or in a set, since the
        # dictionary also writes them as verbs (`* TO_AGREE`)
        pool = (
            object_heads if (noun == lemma or noun.endswith("ing")) and noun not in irregular else cameo_words
        )
        known = noun in pool or any(f in pool for f in plural_forms(noun))
        if (not known and noun not in PLURAL_ONLY) or noun in NOT_NOMINAL:
            continue
        rows.append({
            "noun": noun, "type": type_, "mode": mode, "contexts": ctx, "from": "nominalisation",
            "cameo": code, "verbs": lemma, "pattern": "", "light_verb": "", "source_line": line_s,
        })  # fmt: skip
    return rows
