"""Which of the people a gendered pronoun may stand for it goes to (pronouns.py ranks them: narrative
before quotation, latest sentence, subject, latest mention): the best ranked, unless the pronoun's gender
points at another in reach (`chained`), and none when nothing tells two apart (`undecided`). A person's
gender is what gender.py says, else what the pronouns they already hold say."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicons.names import Gender, pronoun_gender

if TYPE_CHECKING:
    from .cluster import Cluster


def chained(
    ranked: list[tuple[tuple[bool, int, bool, int], Cluster]],
    genders: dict[int, Gender],
    want: Gender | None,
    sentence: int,
    at: int,
) -> Cluster:
    """The best ranked person, unless nothing says their gender and the pronoun's gender points at another
    in reach (never across the ranking's first test: a pronoun of the narrative does not go to a person
    named only in a quotation):
    - another already holds a pronoun of `want`'s gender in this sentence: two "she"s of one sentence
      are one woman unless a woman is named between ("Because of her help against a gang run by NAME,
      the state asked that she ...");
    - another of `want`'s gender is named in the best one's sentence ("Jan Berg praised Maria Duval.
      She scored twice": Maria), before any such person of unknown gender, subject or not;
    - the best is named outside a subject and by no full name (a description, "the archbishop", or one
      word, often no person at all: a shop, a planet), and another is of `want`'s gender: a person of
      unknown gender named in full keeps the pronoun (a "Terry" or "Drew" the names list cannot tell)."""
    best = ranked[0][1]
    if want is None or id(best) in genders or _holds_gender(best, want):
        return best
    alike = [c for key, c in ranked[1:] if key[0] == ranked[0][0][0]]
    for c in alike:
        if any(
            m.kind == "pronoun"
            and m.sentence == sentence
            and m.tok_end <= at
            and pronoun_gender(m.text) == want
            for m in c.mentions
        ):
            return c
    # A person of `want`'s gender named in the best one's sentence goes before the best one, whose gender
    # nothing says: a "Jan" (a man in Amsterdam, a woman in Ohio) is of `want`'s gender half the time.
    told = (c for key, c in ranked[1:] if key[:2] == ranked[0][0][:2] and _of_gender(c, want, genders))
    if (same_sentence := next(told, None)) is not None:
        return same_sentence
    full = any(m.kind == "name" and " " in m.text.strip() for m in best.mentions)
    if not ranked[0][0][2] and not full:
        return next((c for c in alike if _of_gender(c, want, genders)), best)
    return best


def undecided(
    ranked: list[tuple[tuple[bool, int, bool, int], Cluster]],
    best: Cluster,
    genders: dict[int, Gender],
    want: Gender | None,
) -> bool:
    """Nothing tells the best person from another: both of a gender nothing says (and the other holding no
    pronoun of the other gender), the other a subject in the best one's sentence or the one before. "NAME
    painted the traders; NAME did the lettering. He said he first saw her work ...": two names no list
    knows, and whichever the pronoun is given to, the next of the other gender goes to the other one, so
    one guess makes every pronoun of the passage wrong (thirty-third session, read heldout_pronouns1: 6
    pronouns to the other gender; on the read sets 4 right ones are left unresolved)."""
    if want is None or id(best) in genders or _holds_gender(best, want):
        return False
    top = ranked[0][0]
    return any(
        c is not best
        and key[0] == top[0]
        and key[2]
        and key[1] >= top[1] - 1
        and id(c) not in genders
        and not holds_other_gender(c, want)
        for key, c in ranked
    )


def _of_gender(cluster: Cluster, want: Gender, genders: dict[int, Gender]) -> bool:
    """The text or the names say the person is of `want`'s gender."""
    return genders.get(id(cluster)) == want or _holds_gender(cluster, want)


def _held_genders(cluster: Cluster) -> set[Gender]:
    """The genders of the gendered pronouns the cluster already holds: what the text said of it."""
    return {g for m in cluster.mentions if m.kind == "pronoun" and (g := pronoun_gender(m.text)) is not None}


def _holds_gender(cluster: Cluster, want: Gender) -> bool:
    return want in _held_genders(cluster)


def holds_other_gender(cluster: Cluster, want: Gender) -> bool:
    """The cluster already holds a gendered pronoun of the other gender. Its gender is then what the text
    said through that pronoun, even where the names list and titles were silent."""
    return bool(_held_genders(cluster) - {want})
