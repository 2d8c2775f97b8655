"""The gender of a person entity, from what the text and a names list say, for pronoun agreement.

Evidence, strongest first; the first that speaks decides:
1. a gendered title right before one of the person's names or opening it ("Mr. Reyes", "Queen Rania",
   "Lady Eleanor"), a gendered title or description of theirs ("spokeswoman", "the congressman"), or a
   gendered noun set beside one of their names as an apposition ("her mother, Pat Holt", "Lee Ward, his
   son,");
2. the knowledge base's gender for the person, when every entry of their full name that gives one gives
   the same (kb/curated_actors.tsv writes each head of state's and minister's);
3. the given name of their full name, when nearly all its bearers are of one gender
   (lexicons/first_names.tsv: "Maria Lopez" is a woman, "John Baker" a man), or when it is a name of the
   project's list of names of cultures those sources cover thinly, on which two annotators agreed
   (first_names_world.tsv: "Thanakorn", "Siriporn"; twenty-ninth session: before, a possessive that was
   another woman's, "Thanakorn ... carried her pots", made a Thai man a woman); the middle name of a
   Vietnamese full name ("Nguyen Van Hung" a man, "Tran Thi Lan" a woman); the surname of a full name
   with an ending only women's surnames have ("Sasha Petrova", "Anna Kowalska", "Sigrid Jónsdóttir":
   gender_words.tsv female_surname_endings; thirty-fifth session, tuning_pronouns5, read: a given name
   of either gender took a man's pronouns);
4. the text's own pronouns: a gendered reflexive or possessive pronoun whose clause has the person as its
   only possible subject ("Graham defended his vote"; "Ellis hired Tate as her deputy": not Tate's; an
   object is someone else: "Vasko thanked him"), not from a sentence with pronouns of both genders
   ("Collins said she was relieved, but angry on his behalf"), not a possessive another person named
   within a pronoun's reach, whose given name says its gender, may own ("Roux earned her first star ...
   Laurent called her star the better news"), and none when what the person reports
   (7) says the other gender ("De Jong said he ... De Jong sells it at her shop": someone else's shop);
5. a rare given name (lexicons/first_names_rare.tsv) that nearly all its bearers share ("Efua");
6. the subject pronoun of a clause joined to the person's own with no other person between ("Sink
   wanted the best deal, so she asked for bids", "Baird has curled since she was eight"; not after a
   reporting verb: in "Smith is wrong, she said" she is someone else; thirtieth session: below 5, "Efua
   Mensah ruled against the ministry, and he resigned" is another);
   4, 6 and 7 read the parse in pronoun_evidence.py;
7. the subject pronoun of what the person reports, or the possessive of its subject ("Alvarez told the
   jury that she had complained", "Munro said his hands were shaking", "Collins was told that she ..."),
   unless a person that evidence 1-6, or this one before, says is of that gender is named in the
   pronoun's reach ("Jennifer Tan ... Judge Ong said she had preyed ...": Tan; thirtieth session);
8. a given name that only leans one way ("Lindsey" 0.90 women, "Jordan" 0.11), or one too rare for the
   names list that the list of rarer names or the project's world list knows; "Jean" or "Andrea" say
   nothing;
9. a person the text only ever names by one word that is an overwhelmingly one-gender given name ("his
   son Noah", "Lena was asleep"): stories call children and relatives by their given name. Not a word
   the knowledge base knows as a person's surname ("Clinton" is a man's given name too): that one
   word is more likely a famous surname.
An entity nothing speaks for has no known gender, and a pronoun of either gender may join it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ...lexicons import titles
from ...lexicons.names import (
    Gender,
    first_name_gender,
    middle_name_gender,
    noun_gender,
    rare_name_gender,
    surname_gender,
    title_gender,
    world_name_gender,
)
from .apposed_genders import apposition_genders
from .pronoun_evidence import linked_evidence, possessive_evidence, reported_evidence

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ...kb import ActorKB
    from .cluster import Cluster
    from .roles import RoleFacts


def _title_evidence(doc: Doc, cluster: Cluster, facts: RoleFacts) -> Gender | None:
    said: set[Gender] = set()
    for m in cluster.mentions:
        if m.kind != "name":
            continue
        i = m.tok_start - 1
        if i >= 0 and doc[i].text == ".":
            i -= 1  # "Mr ." split by the tokenizer
        # The title before the name, or the one the name opens with ("Lady Eleanor", "Father Wilk": the
        # model keeps a title it reads as part of the name inside the mention).
        for j in (i, m.tok_start) if m.tok_end - m.tok_start > 1 else (i,):
            if j >= 0 and doc[j].text[:1].isupper() and (g := title_gender(doc[j].text)) is not None:
                said.add(g)
        said.update(apposition_genders(doc[m.tok_end - 1]))
    info = facts.info.get(id(cluster))
    for title in info.titles if info else ():
        for word in title.split():
            g = noun_gender(word) or (title_gender(word) if word[:1].isupper() else None)
            if g is not None:
                said.add(g)
    return next(iter(said)) if len(said) == 1 else None


def _given_name(doc: Doc, cluster: Cluster, lean: Callable[[str], Gender | None]) -> Gender | None:
    """The gender the given name of the cluster's full name says, as `lean` reads a word (one of the
    names lists: `_strong`, `_weak`, `world_name_gender`, `rare_name_gender`)."""
    full = cluster.full
    if full is None or full.tok_end - full.tok_start < 2:
        return None  # a surname alone says nothing
    for tok in doc[full.tok_start : full.tok_end - 1]:
        word = tok.text.strip(".")
        if len(word) <= 1 or title_gender(word) is not None or _is_title(word):
            # An initial ("J. Smith") or a title inside the name: "Governor", "Judge" and "Dr" are
            # given names too in the names lists, of men mostly ("Judge Ann Lee" is a woman).
            continue
        return lean(word)
    return None


def _strong(word: str) -> Gender | None:
    return first_name_gender(word, strong=True)


def _weak(word: str) -> Gender | None:
    return first_name_gender(word, strong=False)


def _vietnamese_middle_name(doc: Doc, cluster: Cluster) -> Gender | None:
    """The gender the middle name of a Vietnamese full name says ("Nguyen Thi Mai": f)."""
    full = cluster.full
    if full is None or full.kind != "name":
        return None
    return middle_name_gender([t.text for t in doc[full.tok_start : full.tok_end]])


def _surname_form(doc: Doc, cluster: Cluster) -> Gender | None:
    """'f' when the last word of the cluster's full name is a surname only women bear ("Petrova")."""
    full = cluster.full
    if full is None or full.kind != "name" or full.tok_end - full.tok_start < 2:
        return None
    return surname_gender(doc[full.tok_end - 1].text)


def _is_title(word: str) -> bool:
    lower = word.lower()
    return lower in titles() or f"{lower}." in titles()


def _single_given_name(doc: Doc, cluster: Cluster, kb: ActorKB | None) -> Gender | None:
    """The gender of a one-word full name that is an overwhelmingly one-gender given name, unless the
    knowledge base knows the word as a person's name or surname; initials before it count for nothing
    ("R. Selvi": in Tamil names the initial is the father's, the word the person's own name)."""
    full = cluster.full
    if full is None or full.kind != "name":
        return None
    words = [t.text for t in doc[full.tok_start : full.tok_end]]
    if len(words) != 1 + sum(len(w.strip(".")) == 1 for w in words[:-1]):
        return None
    word = words[-1]
    if not word[:1].isupper() or title_gender(word) is not None:
        return None
    if kb is not None and any(
        m.actor.type == "PERSON" and m.actor.source != "notable" for m in kb.lookup(word)
    ):
        return None  # a famous surname ("Clinton"), not a given name; the notable list's athletes and
        # performers bear given names as surnames too ("Noah", "Jordan"), and a child is called "Noah"
    return first_name_gender(word, strong=True)


def _kb_gender(cluster: Cluster, kb: ActorKB | None) -> Gender | None:
    """The gender the knowledge base gives every person entry of the cluster's full name that gives one
    ("Angela Merkel": f); none when its entries disagree or give none, or the text gives no full name."""
    full = cluster.full
    if kb is None or full is None or full.kind != "name" or len(full.text.split()) < 2:
        return None
    said = {
        m.actor.gender
        for m in kb.lookup(full.text)
        if m.how == "name" and m.actor.type == "PERSON" and m.actor.gender in ("m", "f")
    }
    if len(said) != 1:
        return None
    return "m" if said == {"m"} else "f"


def person_genders(
    doc: Doc,
    clusters: list[Cluster],
    facts: RoleFacts,
    quoted: Sequence[tuple[int, int]] = (),
    kb: ActorKB | None = None,
) -> dict[int, Gender]:
    """id(cluster) -> gender, for the person clusters whose gender the evidence says; `quoted`: the
    character spans inside quotation marks (quoted.quoted_spans); `kb`: the actor knowledge base."""
    people = {
        t: c
        for c in clusters
        if c.type == "PERSON"
        for m in c.mentions
        for t in range(m.tok_start, m.tok_end)
    }
    persons = [c for c in clusters if c.type == "PERSON"]
    out: dict[int, Gender] = {}
    for c in persons:
        g = (
            _title_evidence(doc, c, facts)
            or _kb_gender(c, kb)
            or _given_name(doc, c, _strong)
            or _given_name(doc, c, world_name_gender)
            or _vietnamese_middle_name(doc, c)
            or _surname_form(doc, c)
            or possessive_evidence(doc, c, people, persons, quoted)
            or _given_name(doc, c, rare_name_gender)
            or linked_evidence(doc, c, people)
        )
        if g is not None:
            out[id(c)] = g
    # What the evidence above said of the others, and this one of those named before, decides whether
    # "X told the jury that she" is X ("Leclerc said he proposed ... Whitfield says he is exaggerating").
    # A name that only leans ("Jordan") is weaker than what a person reports, so it is read last, when
    # every report has been: a weak "Jordan" named before does not silence "Volkov said he ...".
    ordered = sorted(persons, key=lambda c: min(m.tok_start for m in c.mentions))
    for c in ordered:
        if id(c) not in out and (g := reported_evidence(doc, c, persons, out, quoted)) is not None:
            out[id(c)] = g
    for c in ordered:
        if id(c) not in out and (g := _given_name(doc, c, _weak) or _single_given_name(doc, c, kb)):
            out[id(c)] = g
    return out
