"""Titles and roles of people, from the words around their names, and the relations they state.

Three patterns, each read off the tokens and the parse:
- a title before the name: "General Salifou Mody", "Mali's transitional President, Assimi Goïta",
  "State Department Spokesperson, Matt Miller";
- an apposition after it: "Kiari Liman-Tinguiri, Niger's Ambassador to the United States,";
- a copula: "where Mody is Vice President" (the place noun of the relative clause is the body).
The word before the title ("Mali's", "State Department", "Russian") is its qualifier: it gives the person's
country and the relation (leader_of, represents, spokesperson_of, member_of).
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ... import lexicons
from ...lexicons.entities import entity_words, home_words
from .countries import (
    TOPIC_WORDS,
    CountryCue,
    agency_country,
    apposition_demonym,
    apposition_employer,
    based_before,
    congress_suffix,
    country_right_before,
    demonym_before,
    described_body_country,
    is_domestic_title,
    place_after_of,
    region_country,
    subject_of,
    title_cue,
)
from .grouping import Cluster

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..base import Parsed

_WORDS = entity_words()  # the word lists this module uses, from lexicons/entity_words.tsv

# Words that may stand inside a title before its head word ("transitional President", "Vice President").
MODIFIERS = _WORDS.title_modifiers
_NOT_DEGRADING = {"former"}
_SUBORDINATE = _WORDS.subordinate
_COPULAS = _WORDS.copulas
_POSSESSIVE = {"'s", "’s", "'", "’"}
_COMPLEMENT = _WORDS.title_complements


@dataclass
class RoleInfo:
    titles: list[str] = field(default_factory=list)
    country: str | None = None  # a country the text names for the person
    sector: str | None = None
    cue: CountryCue | None = None  # else one a cue gives (countries.py): a region, a party, an office
    orgs: list[Cluster] = field(default_factory=list)  # bodies the person speaks or works for
    domestic: bool = False  # holds a title held at home with no country said ("Trade Minister")
    demonym: str | None = None  # a body's: a demonym right before its name ("Egyptian Islamic Jihad")


@dataclass
class RoleFacts:
    info: dict[int, RoleInfo] = field(default_factory=dict)
    relations: list[tuple[Cluster, str, Cluster, int]] = field(default_factory=list)
    token_cluster: dict[int, Cluster] = field(default_factory=dict)

    def role(self, cluster: Cluster) -> RoleInfo:
        return self.info.setdefault(id(cluster), RoleInfo())


@dataclass(frozen=True)
class TitlePhrase:
    start: int  # first token of the title (after any qualifier)
    end: int  # one past the title's last token (complement included)
    head: int  # the title's head word
    title: str
    sector: str | None
    role: str | None
    qualifier: Cluster | None
    qualifier_start: int  # first token of the whole phrase, qualifier included
    complement: Cluster | None = None


def _title_entry(tokens: list[str]) -> lexicons.Title | None:
    """The longest lexicon title that the words end with. The parse splits a hyphen off its words
    ("Secretary", "-", "General"): the title is looked up as written ("secretary-general"), so the
    General of a Secretary-General is not a military rank."""
    table = lexicons.titles()
    for n in range(min(6, len(tokens)), 0, -1):
        if tokens[-n] == "-":
            continue
        entry = table.get(" ".join(tokens[-n:]).replace(" - ", "-").lower())
        if entry is not None:
            return entry
    return None


def _title_with_of(doc: Doc, head: int) -> int | None:
    """The first token of a lexicon title with "of" in it that ends at token `head` ("head of state",
    "Chancellor of the Exchequer"): their last word alone is no title."""
    if _of_positions(doc).isdisjoint(range(max(0, head - 4), head + 1)):
        return None  # asked of every token: most have no "of" before them
    table = lexicons.titles()
    for n in range(5, 2, -1):
        if head - n + 1 >= 0:
            words = [t.lower_ for t in doc[head - n + 1 : head + 1]]
            if "of" in words and " ".join(words) in table:
                return head - n + 1
    return None


# The "of" test above, by slicing the doc, cost more than the rest of the title search: the positions of
# "of" are read once per document (the few documents in hand kept; a Doc hashes by identity).
@functools.lru_cache(maxsize=4)
def _of_positions(doc: Doc) -> frozenset[int]:
    return frozenset(t.i for t in doc if t.lower_ == "of")


def _hyphen_before(doc: Doc, start: int) -> bool:
    """Token `start` is the second half of a hyphenated word: "General" of "Secretary-General"."""
    return (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
        and doc[start - 2].is_alpha
    )


def is_title_word(token: Token) -> bool:
    return _title_entry([token.text]) is not None or token.lower_ in ("vice-president",)


def _compound_of_title(tok: Token, head: int) -> bool:
    """A noun or adjective the parse attaches inside the title: "Communication Minister", "policy chief"."""
    return (
        tok.dep_ in ("compound", "amod")
        and head >= tok.head.i > tok.i
        and tok.pos_ in ("NOUN", "PROPN", "ADJ")
        and tok.ent_type_ not in ("PERSON", "DATE", "CARDINAL")
    )


def title_ending_at(doc: Doc, head: int, token_cluster: dict[int, Cluster]) -> TitlePhrase | None:
    """A title phrase whose head word is token `head`, extended left over modifiers and a qualifier."""
    start = _title_with_of(doc, head)  # before the entity test: "Secretary of State" is no body's name
    if start is None and (not is_title_word(doc[head]) or head in token_cluster):
        return None
    start = head if start is None else start
    while start > 0:
        prev = doc[start - 1]
        if prev.i in token_cluster:
            break  # an entity before the title is its qualifier ("State Department Spokesperson")
        if _hyphen_before(doc, start) and start - 2 not in token_cluster:
            start -= 2  # "Secretary-General", "Governor-General", "commander-in-chief" read whole
            continue
        if prev.lower_ in MODIFIERS or is_title_word(prev) or _compound_of_title(prev, head):
            start -= 1
            continue
        if (
            prev.lower_ == "and"
            and start >= 2
            and start - 2 not in token_cluster
            and is_title_word(doc[start - 2])
        ):
            start -= 1  # "chairman and chief executive": one title of two, its qualifier before both
            continue
        break
    words = [t.text for t in doc[start : head + 1]]
    entry = _title_entry(words) or _title_entry([doc[head].text])
    qualifier, q_start = None, start
    i = start - 1
    if i >= 0 and doc[i].text in _POSSESSIVE:
        i -= 1
    if i >= 0 and i in token_cluster:
        qualifier = token_cluster[i]
        q_start = i
        while q_start > 0 and token_cluster.get(q_start - 1) is qualifier:
            q_start -= 1
    end, complement = head + 1, None
    if end < len(doc) and doc[end].lower_ in _COMPLEMENT and entry and entry.role in ("represents", "leader"):
        j = end + 1
        while j < len(doc) and doc[j].lower_ == "the":
            j += 1
        if j in token_cluster:
            complement = token_cluster[j]
            while j < len(doc) and token_cluster.get(j) is complement:
                j += 1
            end = j
    title = doc[start:end].text
    if (
        qualifier is not None
        and qualifier.type == "ORG"
        and q_start < start
        and doc[start - 1].text not in _POSSESSIVE
    ):
        title = doc[q_start:end].text  # "State Department Spokesperson": the body is part of the title
    return TitlePhrase(
        start=start,
        end=end,
        head=head,
        title=title,
        sector=entry.sector if entry else None,
        role=entry.role if entry else None,
        qualifier=qualifier,
        qualifier_start=q_start,
        complement=complement,
    )


def record_title(facts: RoleFacts, person: Cluster, phrase: TitlePhrase, sentence: int) -> None:
    """Keep what a title phrase says of `person`: the title, its sector and the country it qualifies."""
    info = facts.role(person)
    if phrase.title not in info.titles:
        info.titles.append(phrase.title)
    info.sector = info.sector or phrase.sector
    info.cue = info.cue or title_cue(phrase.title, phrase.sector)
    q = phrase.qualifier
    if q is None:
        info.domestic = info.domestic or is_domestic_title(phrase.title)
        return
    code = qualifier_country(q)
    info.country = info.country or code
    if code is None and q.type in ("GPE", "LOC"):
        region = region_country(q)  # "Vermont Sen.": a state of one country
        info.cue = info.cue or (CountryCue(region, "region") if region else None)
    elif code is None and q.type == "ORG":
        info.orgs.append(q)  # "NBC anchor": the body's country, once it has one (build.py)
        info.domestic = info.domestic or is_domestic_title(phrase.title)  # else the body's is home's
    words = {w.lower() for w in phrase.title.split()}
    subordinate = bool(words & _SUBORDINATE)
    if q.type in ("GPE", "LOC"):
        if phrase.role == "leader" and not subordinate:
            facts.relations.append((person, "leader_of", q, sentence))
        elif phrase.role == "represents":
            facts.relations.append((person, "represents", q, sentence))
        return
    if phrase.role == "leader" and not subordinate:
        facts.relations.append((person, "leader_of", q, sentence))
    elif phrase.role == "spokesperson":
        facts.relations.append((person, "spokesperson_of", q, sentence))
        facts.relations.append((person, "member_of", q, sentence))
    else:
        facts.relations.append((person, "member_of", q, sentence))


def qualifier_country(cluster: Cluster) -> str | None:
    for m in cluster.mentions:
        if m.code:
            return m.code
    if cluster.kb and cluster.kb.startswith("org:"):
        org = lexicons.organisation_by_name().get(cluster.kb[4:])
        if org and org.country:
            return org.country
    if cluster.type == "ORG":
        return agency_country([m.text for m in cluster.mentions if m.kind == "name"])  # "PAP news agency"
    return None


def _mention_tokens(cluster: Cluster) -> list[tuple[int, int, int]]:
    return [(m.tok_start, m.tok_end, m.sentence) for m in cluster.mentions]


def find_roles(parsed: Parsed, clusters: list[Cluster]) -> RoleFacts:
    doc = parsed.doc
    facts = RoleFacts()
    for c in clusters:
        for m in c.mentions:
            for t in range(m.tok_start, m.tok_end):
                facts.token_cluster[t] = c
    for c in clusters:
        if c.type == "ORG" and any(
            m.tok_end < len(doc) and doc[m.tok_end].lower_ == "party" for m in c.mentions
        ):
            facts.role(c).sector = "PTY"  # "the ruling Chama Cha Mapinduzi party": the word after the name
        if c.type == "ORG":
            found = {
                country_right_before(doc, m.tok_start, facts.token_cluster)
                or described_body_country(doc, m.tok_start, facts.token_cluster)
                for m in c.mentions
            } - {None}
            if len(found) == 1:
                facts.role(c).demonym = found.pop()  # "an Egyptian Islamic Jihad group"
        if c.type != "PERSON":
            continue
        for start, end, sentence in _mention_tokens(c):
            _cues(parsed, facts, c, start, end)
            _before(doc, facts, c, start, sentence)
            _after(doc, facts, c, end, sentence)
            _copula(doc, facts, c, end, sentence)
    return facts


def _cues(parsed: Parsed, facts: RoleFacts, person: Cluster, start: int, end: int) -> None:
    """Country cues around a name that are not titles: "Saudi businessman NAME", "the Libyan, NAME",
    "NAME (D-Va.)", "NAME of Vermont", "NBC's NAME"."""
    doc = parsed.doc
    info = facts.role(person)
    info.country = info.country or demonym_before(doc, start, facts.token_cluster)
    info.country = info.country or based_before(doc, start, facts.token_cluster)
    if end > start:
        info.cue = info.cue or congress_suffix(parsed.text, doc[end - 1].idx + len(doc[end - 1]))
    place = place_after_of(doc, end, facts.token_cluster)
    if place is not None and place.type in ("GPE", "LOC"):
        info.country = info.country or qualifier_country(place)  # "Foreign Minister Ali Demir of Turkey"
        region = region_country(place)  # "Sen. Ann Bolt of Vermont"
        info.cue = info.cue or (CountryCue(region, "region") if region else None)
    elif place is not None and place.type == "ORG" and place is not person:
        info.orgs.append(place)  # "NAME of the Kurdistan Democratic Party": the body's country (build.py)
    owner = facts.token_cluster.get(start - 2) if start >= 2 and doc[start - 1].text in _POSSESSIVE else None
    if owner is not None and owner.type == "ORG" and owner is not person:
        info.orgs.append(owner)


def _before(doc: Doc, facts: RoleFacts, person: Cluster, start: int, sentence: int) -> None:
    i = start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i < 0:
        return
    phrase = title_ending_at(doc, i, facts.token_cluster)
    if phrase is None:
        phrase = _title_of_body(doc, i, facts.token_cluster)
    if phrase is not None:
        record_title(facts, person, phrase, sentence)


def _title_of_body(doc: Doc, i: int, token_cluster: dict[int, Cluster]) -> TitlePhrase | None:
    """`TITLE of [the] BODY [(ACRONYM)] NAME` ending at token `i`: "Director of the FBI Dan Prater",
    "President of Mali Assimi Goïta"; the body qualifies the title as "FBI Director" would."""
    if i >= 2 and doc[i].text == ")" and token_cluster.get(i - 1) is not None and doc[i - 2].text == "(":
        i -= 3  # "(FBI)" after the body's full name
    body = token_cluster.get(i)
    if body is None or body.type not in ("ORG", "GPE"):
        return None
    while i > 0 and token_cluster.get(i - 1) is body:
        i -= 1
    if i >= 1 and doc[i - 1].lower_ == "the":
        i -= 1
    if i < 2 or doc[i - 1].lower_ != "of":
        return None
    phrase = title_ending_at(doc, i - 2, token_cluster)
    if phrase is None or phrase.qualifier is not None:
        return None
    return dataclasses.replace(phrase, qualifier=body)


def _after(doc: Doc, facts: RoleFacts, person: Cluster, end: int, sentence: int) -> None:
    """`NAME, [X's] [mods] TITLE [to X],` : the apposition ends at a comma, a verb or the sentence."""
    if end >= len(doc) or doc[end].text != ",":
        return
    j = end + 1
    limit = min(len(doc), end + 12)
    while (
        j < limit
        and not doc[j].is_sent_start
        and doc[j].text not in (",", ";", ")")
        and doc[j].pos_ != "VERB"
    ):
        j += 1
    # "NAME, the Cuban government said": the words after the comma are the verb's subject, not the person
    described = not subject_of(doc, end + 1, j)
    info = facts.role(person)
    if described:
        info.country = info.country or apposition_demonym(doc, end + 1, j, facts.token_cluster)
        employer = apposition_employer(doc, end + 1, j, facts.token_cluster)
        if isinstance(employer, str):
            info.country = info.country or employer  # "commander of the Turkish army"
        elif employer is not None and employer is not person:
            info.orgs.append(employer)  # its country, once it has one (build.py)
    for head in range(j - 1, end, -1):
        if is_title_word(doc[head]):
            phrase = title_ending_at(doc, head, facts.token_cluster)
            if phrase is not None and phrase.qualifier_start <= end + 2:
                record_title(facts, person, phrase, sentence)
            elif phrase is not None and described:
                _record_country_from_span(doc, facts, person, end + 1, j)
            return
    if described:
        _record_country_from_span(doc, facts, person, end + 1, j)


def _record_country_from_span(doc: Doc, facts: RoleFacts, person: Cluster, start: int, end: int) -> None:
    """`NAME, one of the Niger officers,`: a country named in the apposition is the person's country;
    not an exile's ("NAME, a Cuban exile,": lexicons/home_words.tsv)."""
    if any(doc[t].lower_ in home_words().emigres for t in range(start, end)):
        return
    for t in range(start, end):
        c = facts.token_cluster.get(t)
        if doc[t].lower_ in TOPIC_WORDS:
            return  # "NAME, an expert on (the) Russia(n army)": what the person knows of, not their land
        if c is not None and c.type == "GPE" and qualifier_country(c):
            info = facts.role(person)
            info.country = info.country or qualifier_country(c)
            return


def _copula(doc: Doc, facts: RoleFacts, person: Cluster, end: int, sentence: int) -> None:
    """`NAME is [the] [mods] TITLE [of X]`; in `X where NAME is TITLE`, X is the body."""
    if end >= len(doc) or doc[end].lower_ not in _COPULAS or doc[end].text in ("'s", "’s"):
        return
    verb = doc[end]
    j = end + 1
    while j < len(doc) and doc[j].lower_ in _WORDS.title_fillers:
        j += 1
    k = j
    while k < len(doc) and (doc[k].lower_ in MODIFIERS or is_title_word(doc[k])):
        k += 1
    if k == j or not is_title_word(doc[k - 1]):
        return
    phrase = title_ending_at(doc, k - 1, facts.token_cluster)
    if phrase is None:
        return
    body = phrase.complement
    if body is None and k < len(doc) and doc[k].lower_ == "of":
        body = facts.token_cluster.get(k + 1) or facts.token_cluster.get(k + 2)
    if body is None and verb.dep_ == "relcl":
        body = facts.token_cluster.get(verb.head.i)
    if body is not None and phrase.qualifier is None:
        phrase = dataclasses.replace(phrase, qualifier=body)
    record_title(facts, person, phrase, sentence)
