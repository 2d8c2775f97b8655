"""Titles and roles of people, from the words around their names, and the relations they state.

Three patterns, each read off the tokens and the parse:
- a title before the name: "General Tomas Riker", "Chile's interim President, Ana Meldu",
  "Foreign Ministry Spokesperson, Lena Ost";
- an apposition after it: "Marek Dolan, Chile's envoy to Peru,";
- a copula: "where Riker is Deputy Chair" (the place noun of the relative clause is the body).
The word before the title ("Chile's", "Foreign Ministry", "Russian") is its qualifier: it gives the person's
country and the relation (leader_of, represents, spokesperson_of, member_of).
Where a title phrase begins and ends, and what qualifies it, is read in title_phrases.py; this module says
what the phrase tells of the person it stands by.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ... import lexicons
from ...lexicons.entities import entity_words, home_words
from ..common import is_sports_story
from .apposed_before import description_before_country
from .cluster import Cluster
from .countries import (
    TOPIC_WORDS,
    CountryCue,
    agency_country,
    apposition_demonym,
    apposition_employer,
    congress_suffix,
    country_right_before,
    demonym_before,
    is_domestic_title,
    names_a_language,
    place_after_of,
    region_country,
    subject_of,
    title_cue,
)
from .seated import (
    based_before,
    described_after_country,
    described_body_country,
    past_run,
    place_country,
    town_owner_before,
)
from .sides import side_listed
from .story_countries import shared_body_name
from .title_phrases import MODIFIERS, POSSESSIVE, TitlePhrase, is_title_word, title_ending_at

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..base import Parsed

_WORDS = entity_words()  # the word lists this module uses, from lexicons/entity_words.tsv

_SUBORDINATE = _WORDS.subordinate
_COPULAS = _WORDS.copulas


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
    # tokens of the title phrases kept for a person ("chief of staff" of "Polish chief of staff NAME"):
    # the person's words, so no common-noun actor is made of them (agents.py)
    title_tokens: set[int] = field(default_factory=set)
    sports: bool = False  # a sports story (common.is_sports_story), asked once for all its names

    def role(self, cluster: Cluster) -> RoleInfo:
        return self.info.setdefault(id(cluster), RoleInfo())


def record_title(facts: RoleFacts, person: Cluster, phrase: TitlePhrase, sentence: int) -> None:
    """Keep what a title phrase says of `person`: the title, its sector and the country it qualifies."""
    info = facts.role(person)
    facts.title_tokens.update(range(phrase.start, phrase.end))
    if phrase.title not in info.titles:
        info.titles.append(phrase.title)
    info.sector = info.sector or phrase.sector
    info.cue = info.cue or title_cue(phrase.title, phrase.sector)
    q = phrase.qualifier
    if q is None:
        info.domestic = info.domestic or is_domestic_title(phrase.title)
        return
    # A body many states have ("Congress leader", "Senate President"): its lexicon country may be a
    # namesake's, which build.py decides once the body has its country; the person takes that one.
    lexicon_only = q.type == "ORG" and not any(m.code for m in q.mentions)
    shared = lexicon_only and all(shared_body_name(m.text) for m in q.names)
    code = None if shared else qualifier_country(q)
    info.country = info.country or code
    if code is None and q.type in ("GPE", "LOC"):
        # "Vermont Sen.": a state of one country; "Lagos police spokesman": a big city with no namesake
        # near its size, as a seat is read
        region = place_country(q, q.names[0].text) if q.names else region_country(q)
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
    facts = RoleFacts(sports=is_sports_story(parsed.text))
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
                or town_owner_before(doc, m.tok_start, facts.token_cluster)
                or described_body_country(doc, m.tok_start, facts.token_cluster)
                or described_after_country(doc, m.tok_end, facts.token_cluster)
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
            _listed_before_apposition(doc, facts, c, end, sentence)
            _copula(doc, facts, c, end, sentence)
    return facts


def _cues(parsed: Parsed, facts: RoleFacts, person: Cluster, start: int, end: int) -> None:
    """Country cues around a name that are not titles: "Saudi businessman NAME", "the Libyan, NAME",
    "Their Danish coach, NAME", "NAME (D-Va.)", "NAME of Vermont", "NBC's NAME", "Kenya's NAME"."""
    doc = parsed.doc
    info = facts.role(person)
    info.country = info.country or demonym_before(doc, start, facts.token_cluster)
    info.country = info.country or description_before_country(doc, start, end, facts.token_cluster)
    info.country = info.country or based_before(doc, start, facts.token_cluster)
    info.country = info.country or side_listed(
        doc, parsed.text, (start, end), facts.token_cluster, qualifier_country, facts.sports
    )
    if end > start:
        info.cue = info.cue or congress_suffix(parsed.text, doc[end - 1].idx + len(doc[end - 1]))
    place = place_after_of(doc, end, facts.token_cluster)
    if place is not None and place.type in ("GPE", "LOC"):
        info.country = info.country or qualifier_country(place)  # "Foreign Minister Ali Demir of Turkey"
        region = region_country(place)  # "Sen. Ann Bolt of Vermont"
        info.cue = info.cue or (CountryCue(region, "region") if region else None)
    elif place is not None and place.type == "ORG" and place is not person:
        info.orgs.append(place)  # "NAME of the Kurdistan Democratic Party": the body's country (build.py)
    owner = facts.token_cluster.get(start - 2) if start >= 2 and doc[start - 1].text in POSSESSIVE else None
    if owner is not None and owner.type == "ORG" and owner is not person:
        info.orgs.append(owner)
    elif owner is not None and owner.type == "GPE" and (owner.kb or "").startswith("country:"):
        # "Kenya's Geoffrey Kiprono", "Russia's Vladimir Putin": a country's possessive before a name
        info.country = info.country or qualifier_country(owner)


def _before(doc: Doc, facts: RoleFacts, person: Cluster, start: int, sentence: int) -> None:
    i = start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i >= 2 and doc[i].text == "." and not doc[i - 1].whitespace_ and i - 2 in facts.token_cluster:
        # "RCMP Const . Ann Roy": a rank's abbreviation, its dot split off by the tokenizer, after the
        # body it serves in (mentions.py cut the body from the rank). Only there: a rank's abbreviation
        # alone says no more than the words before it ("police spokesman Capt." is no soldier).
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
    """`NAME, [X's] [mods] TITLE [to X],` : the apposition ends at a comma, a verb or the sentence. An
    age may stand between ("NAME, 38, a Belgian lawyer,")."""
    if end >= len(doc) or doc[end].text != ",":
        return
    if end + 3 < len(doc) and doc[end + 1].like_num and doc[end + 2].text == "," and doc[end + 3].is_lower:
        end += 2
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


def _listed_before_apposition(doc: Doc, facts: RoleFacts, person: Cluster, end: int, sentence: int) -> None:
    """`NAME and NAME, two British cave divers,`: a plural apposition after the last of a list of names
    ("A, B and C, three Kenyan runners") describes each of them, so the ones before it are read with it."""
    k, joined = end, False
    while k + 1 < len(doc) and doc[k].lower_ in (",", "and"):
        other = facts.token_cluster.get(k + 1)
        if other is None or other.type != "PERSON" or other is person:
            break
        joined = doc[k].lower_ == "and"
        k = past_run(doc, k + 1, other, facts.token_cluster)
    if k == end or not joined or k + 1 >= len(doc) or doc[k].text != ",":
        return
    j = k + 1
    while j < len(doc) and doc[j].text not in (",", ";", ")", ".") and doc[j].pos_ != "VERB":
        j += 1
    plural = any(t.tag_ in ("NNS", "NNPS") for t in doc[k + 1 : j])
    if plural and doc[k + 1].lower_ not in ("a", "an"):
        _after(doc, facts, person, k, sentence)


def _record_country_from_span(doc: Doc, facts: RoleFacts, person: Cluster, start: int, end: int) -> None:
    """`NAME, one of the Chilean envoys,`: a country named in the apposition is the person's country;
    not an exile's ("NAME, a Cuban exile,": lexicons/home_words.tsv), nor a language ("a former English
    teacher")."""
    if any(doc[t].lower_ in home_words().emigres for t in range(start, end)):
        return
    for t in range(start, end):
        c = facts.token_cluster.get(t)
        if doc[t].lower_ in TOPIC_WORDS:
            return  # "NAME, an expert on (the) Russia(n army)": what the person knows of, not their land
        if c is not None and c.type == "GPE" and doc[t].pos_ == "PROPN" and _sojourn_after(doc, t, end):
            return  # "NAME, a former PLACE prisoner of war": where they were, not whose they are
        if c is not None and c.type == "GPE" and _birthplace(doc, t, c, facts.token_cluster):
            return  # "NAME, the Barbados-born fast bowler": told because they are now of another state
        if c is not None and c.type == "GPE" and qualifier_country(c) and not names_a_language(doc, t):
            info = facts.role(person)
            info.country = info.country or qualifier_country(c)
            return


def _birthplace(doc: Doc, t: int, place: Cluster, token_cluster: dict[int, Cluster]) -> bool:
    """Whether the `place` named from token `t` is joined by a hyphen to a word of home_words'
    `birthplaces` ("Barbados-born", "New Zealand-born", "Canadian-born"). Forty-fourth session, from the
    read sets: read own sets 4650 / 273 -> 4652 / 268 right / wrong (an England captain and bowler born
    abroad; a Canadian-born architect of Los Angeles, a New Zealand-born wing of Japan's side and another
    left without a country), development, the pronoun sets and the spent heldout_own2-10 unchanged."""
    k = past_run(doc, t, place, token_cluster)
    return k + 1 < len(doc) and doc[k].text in ("-", "–") and doc[k + 1].lower_ in home_words().birthplaces


def _sojourn_after(doc: Doc, t: int, end: int) -> bool:
    """A noun of having been somewhere (home_words.tsv: sojourns) within three words after token `t`."""
    return any(doc[k].lower_ in home_words().sojourns for k in range(t + 1, min(t + 4, end)))


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
