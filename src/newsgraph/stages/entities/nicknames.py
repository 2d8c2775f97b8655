"""A person's nickname, given right after their name, is that person (issue 14: one actor per person):
"Joaquin Guzman, known as El Chapo, ...", "Siriporn Chaiyasit, known to everyone as Beer, ...",
"Thanakorn Boonmee, whose nickname is Golf, ...". The nickname's later mentions join the person, the
ones the model made an entity of (a person, a body, a place) and the ones it left untagged ("Beer
says she ..."), so that its pronouns and quotes are the person's. So does a body's ("the Directorate
for Priority Crime Investigation, known as the Hawks, whose spokesman ...": thirty-sixth session,
tuning_own8, read): its spokesman is then the directorate's.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from .cluster import Cluster
from .mentions import Candidate, normalise_name

if TYPE_CHECKING:
    from ..base import Parsed

# What stands between the name and its nickname: an age, then "(is | was) known (to everyone | at the
# rink | in Kabul | locally) as", "nicknamed", "dubbed", or "whose nickname is"; the nickname is one to three
# capitalised words, in quotation marks or not.
_NICKNAMED = re.compile(
    r",?[ \t]*(?:\d{1,3},[ \t]*)?"
    r"(?:(?:(?:is|was)[ \t]+)?(?:better |widely |popularly |also )?known"
    r"(?:[ \t]+(?:to|at|in|on|among)[ \t]+[\w'’ ]{1,45}?"
    r"|[ \t]+locally|[ \t]+simply)?[ \t]+as|nicknamed|dubbed|whose nickname is)"
    r"[ \t]+(?:the[ \t]+)?[\"“']?(?P<nick>[A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]*){0,2})"
)


def join_nicknames(parsed: Parsed, clusters: list[Cluster]) -> list[Cluster]:
    """The clusters with each person's nickname's (and each body's other name's) mentions moved to it: the
    clusters named by it and its untagged later occurrences (whole words, as written)."""
    text = parsed.text
    out = list(clusters)
    for bearer in clusters:
        full = bearer.full
        # Named in full: a one-word "person" is as often a place the model mistyped ("Downtown Greer, known
        # as Greer Station"), which the places stage may still make a place.
        if bearer.type not in ("PERSON", "ORG") or bearer not in out or full is None:
            continue
        if " " not in full.text.strip():
            continue
        own_words = {w for m in bearer.names for w in m.key.split()}
        for name in [m for m in bearer.mentions if m.kind == "name"]:
            found = _NICKNAMED.match(text, name.end)
            if found is None:
                continue
            nick = found.group("nick")
            if normalise_name(nick).split()[0] in own_words:
                continue  # "Ann Greer, known as Greer": a name of their own, not a nickname
            key = normalise_name(nick)
            for other in [c for c in out if c is not bearer and any(m.key == key for m in c.names)]:
                for m in [m for m in other.mentions if m.key == key]:
                    other.mentions.remove(m)
                    bearer.add(dataclasses.replace(m, type=bearer.type))
                if not other.mentions:
                    out.remove(other)
            _add_untagged(parsed, bearer, nick, found.start("nick"), out)
    return out


def _add_untagged(parsed: Parsed, bearer: Cluster, nick: str, start: int, clusters: list[Cluster]) -> None:
    """The nickname's occurrences from `start` on that no mention covers, as name mentions of its bearer (a
    person or a body)."""
    taken = [(m.start, m.end) for c in clusters for m in c.mentions]
    for found in re.finditer(r"(?<![\w-])" + re.escape(nick) + r"(?![\w-])", parsed.text[start:]):
        a, b = start + found.start(), start + found.end()
        if any(s < b and a < e for s, e in taken):
            continue
        span = parsed.doc.char_span(a, b)
        if span is not None:
            bearer.add(Candidate.from_span(parsed, span, bearer.type, "name"))
    bearer.mentions.sort(key=lambda m: m.start)
