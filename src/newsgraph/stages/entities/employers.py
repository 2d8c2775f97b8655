"""A person the rules and the ranker gave no country takes their employer's, when the text names the person
by their post at a body that has one (country_choice.py runs it last: the ranker weighs the country most
of a story's people are of, which these would tip):

- "Havbruk Vest, whose finance director, NAME, said", "Acme said through its manager, NAME": the body
  named last before "whose" or "its" in the sentence;
- "The Tallinn start-up Voogla ... Its chief executive, NAME, said": the body the sentence before names
  first (its subject, more often than the body named last);
- "Hanbit's chief executive, NAME": the body named right before the possessive;
- "NAME, the chief economist at BODY", "NAME, head of the BODY", "NAME, BODY's buyer": the body named
  right after the post that follows the name (thirty-first session).

- "NAME, of BODY" (forty-first session): the body named right after ", of".

A person the story's home or dateline gave a country takes only a body's country that was not guessed as
theirs was (forty-fourth session: the Planters' Association of Ceylon's "chairman, NAME" under a Geneva
dateline took Switzerland, the dateline's guess for the association). Read own sets 4655 / 265 -> 4657 /
263 right / wrong, development unchanged, the spent heldout_own2-10 3758 / 228 -> 3761 / 225.

And a person named by a post at an international body (an IGO, or a body the knowledge base knows and
gives no country: "NAME, the technical delegate of United World Wrestling", "NAME, of UNESCO's office in
Tashkent") is of no country in that office, as event data codes them: whatever the dateline, a place or
the knowledge base gave them goes.

The post is one to four lower-case words ending in a title of the titles lexicon or a word of
home_words' `employer_posts` ("founder", "owner"). Not in a sports story, whose clubs' coaches and
players are of any country, and not a body of no one state (an international organisation's official is
of no country). The country's source is `org`, as for "NBC anchor" (build.py's _country_of_body).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from ... import lexicons
from ...lexicons.entities import home_words
from ...model import GUESSED_COUNTRY_SOURCES, Entity, Mention

# "whose finance director, " / "Its chief executive, " / "'s managing director, " right before a name, a
# rank or title between them ("whose spokesman, Colonel NAME").
_POST_BEFORE = re.compile(
    r"(?:\b(?P<rel>[Ww]hose|[Ii]ts)|(?P<poss>['’]s))[ \t]+(?P<post>(?:[a-z][a-z-]*[ \t]+){0,3}[a-z][a-z-]*),?"
    r"[ \t]+(?:(?P<rank>[A-Z][a-z]+\.?)[ \t]+)?$"
)
# After a name: ", the chief economist at " / ", head of the " right before a body's name; ", " before a
# body's name then "'s buyer" after it.
_POST_AT = re.compile(
    r",[ \t]+(?:(?:the|a|an)[ \t]+)?(?P<post>(?:[a-z][a-z-]*[ \t]+){0,3}?[a-z][a-z-]*)[ \t]+"
    r"(?:at|of|for|with)"
    r"[ \t]+(?:the[ \t]+)?"
)
_OWNER_AFTER = re.compile(r",[ \t]+(?:the[ \t]+)?")
# After a name: ", of " right before a body's name (its member or officer)
_OF_BODY = re.compile(r",[ \t]+of[ \t]+(?:the[ \t]+)?")
_POSSESSIVE_POST = re.compile(r"['’]s?[ \t]+(?P<post>(?:[a-z][a-z-]*[ \t]+){0,3}[a-z][a-z-]*)\b")
_REACH = 120  # characters before a name in which its post is looked for
_SECTORS_OF_NO_STATE = frozenset({"IGO", "NGO"})
_GUESSED = frozenset({"home", "dateline"})


@dataclass(frozen=True)
class _Bodies:
    """The name mentions of some bodies, each with its body (`named`), and the same by the mention's start."""

    named: list[tuple[Mention, Entity]]
    by_start: dict[int, tuple[Mention, Entity]]


def _bodies(entities: tuple[Entity, ...], keep: Callable[[Entity], bool]) -> _Bodies:
    """The name mentions of the bodies `keep` keeps."""
    named = [(m, e) for e in entities if e.type == "ORG" and keep(e) for m in e.mentions if m.kind == "name"]
    return _Bodies(named, {m.start: (m, e) for m, e in named})


def employer_countries(text: str, entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """The entities with each person of no country given their employer's (see the module docstring)."""
    bodies = _bodies(entities, lambda e: bool(e.country) and e.sector not in _SECTORS_OF_NO_STATE)
    international = _bodies(
        entities, lambda e: e.country is None and (e.sector == "IGO" or e.kb_id is not None)
    )
    if not bodies.named and not international.named:
        return entities
    out = []
    for e in entities:
        if e.type == "PERSON" and e.country is not None and _employers(text, e, international, held=True):
            # "NAME, the technical delegate of United World Wrestling", "NAME, of UNESCO's office in
            # Tashkent": an international body's officer, of no country in that office
            e = dataclasses.replace(e, country=None, country_source=None)
        # The story's home is a guess from the places it names; "its owner, NAME" is the text's word.
        elif e.type == "PERSON" and (e.country is None or e.country_source in _GUESSED):
            found = {
                body.country
                for body in _employers(text, e, bodies)
                if e.country is None or body.country_source not in GUESSED_COUNTRY_SOURCES
            }
            if len(found) == 1:
                e = dataclasses.replace(e, country=found.pop(), country_source="org")
        out.append(e)
    return tuple(out)


def _employers(text: str, person: Entity, bodies: _Bodies, held: bool = False) -> list[Entity]:
    """The bodies of `bodies` the person's name mentions are named a post at; `held`: only posts held
    now, not "a former chairwoman of BODY"."""
    found: list[Entity] = []
    for m in person.mentions:
        if m.kind != "name":
            continue
        if (after := _body_after(text, m, bodies.by_start, held)) is not None:
            found.append(after[1])
        hit = _POST_BEFORE.search(text, max(0, m.start - _REACH), m.start)
        if hit is None or not _post(hit.group("post"), held):
            continue
        if (rank := hit.group("rank")) and rank.lower() not in lexicons.titles():
            continue  # "whose spokesman, Colonel NAME" (a rank), not "whose owner, Ann NAME"
        named = bodies.named
        if hit.group("poss"):
            body = next((b for b in named if b[0].end == hit.start()), None)
        elif hit.group("rel") != "Its":  # "whose", "its": the body named last before it in the sentence
            before = [b for b in named if b[0].end <= hit.start() and b[0].sentence == m.sentence]
            body = max(before, key=lambda b: b[0].end, default=None)
        else:  # "Its" opening a sentence: the body the sentence before names first, often its subject
            before = [b for b in named if b[0].sentence == m.sentence - 1]
            body = min(before, key=lambda b: b[0].start, default=None)
        if body is not None:
            found.append(body[1])
    return found


def _body_after(
    text: str, m: Mention, by_start: dict[int, tuple[Mention, Entity]], held: bool = False
) -> tuple[Mention, Entity] | None:
    """The body a post written right after the person's name is held at: "NAME, the chief economist at
    BODY", "NAME, head of the BODY", "NAME, BODY's buyer" (`by_start`: each body name mention by its
    start, with its body; `held`: only a post held now)."""
    at = _POST_AT.match(text, m.end)
    if at is not None and _post(at.group("post"), held) and at.end() in by_start:
        return by_start[at.end()]
    member = _OF_BODY.match(text, m.end)
    if member is not None and member.end() in by_start:
        return by_start[member.end()]  # "NAME, of UNESCO's office in Tashkent"
    owner = _OWNER_AFTER.match(text, m.end)
    if owner is None or owner.end() not in by_start:
        return None
    body = by_start[owner.end()]
    post = _POSSESSIVE_POST.match(text, body[0].end)
    return body if post is not None and _post(post.group("post"), held) else None


# Words that say a post is held no more: "a former chairwoman of the African Union Commission" is a
# state's citizen again, no officer of the international body (forty-ninth session).
_NO_MORE = frozenset({"former", "onetime", "one-time", "erstwhile", "retired"})


def _post(words: str, held: bool = False) -> bool:
    """Words that name a post at a body: their last is a title or an employer's post word; `held`: not
    a post held no more."""
    split = words.split()
    if held and _NO_MORE.intersection(split):
        return False
    last = split[-1]
    return last in lexicons.titles() or last in home_words().employer_posts
