"""Actors named by a common noun: "the kidnappers", "a court", "protesters", "a Coral Gables man".

News reports what unnamed people and bodies do as often as what named ones do, and an event's source and
target are entity ids: a noun phrase that acts must be an entity or the event can never be right. A noun
phrase becomes an actor (kind `nominal`) when

- its head is an agent noun (lexicons/agent_nouns.tsv: the Phoenix agent dictionary and the project's
  rows), and no entity holds it already (names, titles, group actors of groups.py come first);
- it is an argument: the subject or object of a verb, the object of a preposition that names a party
  ("talks with", "by", "against"), an "of" phrase of a noun ("the release of the sailors"), the possessor
  of an event noun ("the protesters' demands", "the union's call") or of a subject or object ("rejected the
  bloc's package"), or a conjunct of one of these. A number standing alone for people ("killed seven",
  "the seven were charged", "dozens were injured", "wounded 30 others") is a group of people when it is
  the subject or object of an event verb or of a verb of harm its subject undergoes ("nine died"). A
  predicate ("is a judge"), an apposition (roles.py's business) and a generic use ("many people believe")
  are not. The subject of a verb of saying is one when its phrase names no other entity it speaks for
  ("the interior minister declared"; a group when it is a party to what it says: "prosecutors allege",
  "officials said they would close the border", whose "they" it is); not "a spokesman for Iran said" nor
  "lawyers for Acme said", which the quotes stage reads as that entity's voice, nor a group that only
  reports ("the port was shelled, officials said"), which the quotes stage keeps as text.

A state's body or a party written as its name inside a sentence ("the Marines", "Republicans": an agent
noun of a military, government, legislative, judicial, police or party sector, capitalised, not opening
the sentence) is a name mention the model did not type: the ranker may then give it the story's home, and
scorers of names count it. Believers, ethnic groups and the like stay descriptions ("Jews", "Pilgrims").

Type: a body is an ORG; a people noun is a PERSON when singular, a group (ORG) when plural ("the
kidnappers"): the pronoun rules key number on type ("they" joins groups, "he"/"she" persons). The name is
the phrase as written without its determiner and numbers; the country is the one a demonym or a
possessive country in the phrase names, else none (never guessed); the sector is the noun's. A later
phrase with the same words, or a definite one with the same head and no new words ("the men" after "seven
Iraqi men"), is the same actor; "a man ... a man" are two.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from spacy.attrs import LIKE_NUM

from ...lexicons.agents import AgentNoun, agent_nouns, agent_words
from ...lexicons.events import event_words, trigger_entries
from ...lexicons.quotes import cue_lexicon
from .cluster import Cluster
from .described import country_in, describe_named, named_by_apposition, phrase_start
from .groups import moved
from .headlines import inside_spans, line_shapes
from .mentions import Candidate, capitalised_in_text
from .roles import RoleFacts
from .title_phrases import is_title_word

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..base import Parsed

_WORDS = agent_words()
ActorKind = Literal["bodies", "groups", "people"]
_Latest = tuple[Cluster, set[str]]  # an actor and the words its phrases gave it
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "obj"})
_POSSESSIVE = frozenset({"'s", "’s", "'"})
# spaCy's entity labels of a number that counts something other than people
_NOT_PEOPLE = frozenset({"MONEY", "PERCENT", "QUANTITY", "DATE", "TIME", "ORDINAL"})
_SENTENCE_ENDS = (".", "!", "?", '"', "”", "’", "'", ":")


def agent_entry(tok: Token) -> AgentNoun | None:
    """The agent noun a token is, by its form or its lemma ("kidnappers" -> kidnapper)."""
    nouns = agent_nouns()
    word = tok.lower_
    found = nouns.get(word) or nouns.get(tok.lemma_.lower())
    if found is None and tok.tag_ == "NNPS" and word.endswith("s"):
        found = nouns.get(word[:-1])  # the model leaves "Republicans" unlemmatised
    return found


def _event_noun(tok: Token) -> bool:
    """A noun naming an act: an event noun of the lexicon, or a noun that is one of its trigger verbs ("the
    union's call", "the rebels' offer", "the governor's bid")."""
    if tok.pos_ != "NOUN":
        return False
    return tok.lower_.endswith(_WORDS.event_noun_endings) or tok.lemma_.lower() in trigger_entries()


def is_argument(tok: Token) -> bool:
    """The noun heads a party of a verb or an event noun (see the module's docstring)."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "police and soldiers arrested": as the first conjunct
    dep = tok.dep_
    if dep in _ARGUMENTS:
        return not _generic(tok)
    if dep == "pobj":
        prep = tok.head
        if prep.lower_ not in _WORDS.role_preps:
            return False
        return prep.lower_ != "of" or prep.head.tag_ in _WORDS.of_heads
    if dep == "poss":
        # the possessor of an act, or of a party or thing an act is done to ("rejected the bloc's package",
        # "the newspaper's website was blocked"): whose it is answers for it
        return _event_noun(tok.head) or tok.head.dep_ in _ARGUMENTS
    return False


def _generic(tok: Token) -> bool:
    """ "many people believe", "most voters want": nobody in particular."""
    quantified = any(
        c.dep_ in ("det", "amod") and c.lower_ in _WORDS.generic_quantifiers for c in tok.children
    )
    return quantified and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _WORDS.stance_verbs


def _key(text: str) -> str:
    words = text.lower().replace("’", "'").split()
    return " ".join(w for w in words if w not in _POSSESSIVE)


def _definite(tok: Token) -> bool:
    return not any(
        (c.dep_ in ("det", "nummod") and c.lower_ in _WORDS.determiners_new) or c.like_num for c in tok.lefts
    )


@dataclass(frozen=True)
class AgentHead:
    """A token that heads an actor phrase by the document alone (an argument headed by an agent noun, in the
    story's text; a speaker only when it speaks for no other entity: `_speaks_for_another`), and what its noun
    makes of it."""

    tok: Token
    entry: AgentNoun
    plural: bool
    type: str  # PERSON or ORG
    speaker: bool = False  # the subject of a verb of saying (`_reporting_subject`)
    fresh: bool = False  # always a new actor: "those who fled" and "those who stayed" are two groups


def agent_heads(parsed: Parsed) -> dict[ActorKind, list[AgentHead]]:
    """The heads of actor phrases of each kind, in text order: what does not hang on the entities found so
    far, read once per document for the three passes of `add_agent_actors`."""
    outside = _not_story_text(parsed)
    heads: dict[ActorKind, list[AgentHead]] = {"bodies": [], "groups": [], "people": []}
    people = agent_nouns()["people"]
    for tok in parsed.tokens:
        if _counted_people(tok) and not inside_spans(outside, tok.idx):
            heads["groups"].append(AgentHead(tok, people, True, "ORG"))
            continue
        if _described_pronoun(tok) and not inside_spans(outside, tok.idx):
            heads["groups"].append(AgentHead(tok, people, True, "ORG", fresh=True))
            continue
        if tok.tag_ not in ("NN", "NNS", "NNPS") and not _mistagged_noun(tok):
            continue  # a singular proper noun is a name the model did not type, not a common noun
        entry = agent_entry(tok)
        if entry is None or not is_argument(tok) or inside_spans(outside, tok.idx):
            continue
        if tok.tag_ == "NN" and entry.noun in _WORDS.plural_only:
            continue
        if entry.noun in _WORDS.determined_only and not _determined(tok):
            continue  # "took power by force", "the use of force": no body
        if moved(tok):
            continue  # "withdrew its troops", "deployed police": what an actor moves, not an actor
        plural = tok.tag_ in ("NNS", "NNPS") or tok.lower_ in _WORDS.collective_plurals
        type_ = "ORG" if entry.type == "ORG" or plural else "PERSON"
        kind: ActorKind = "groups" if plural else "bodies" if type_ == "ORG" else "people"
        heads[kind].append(AgentHead(tok, entry, plural, type_, _reporting_subject(tok)))
    return heads


def add_agent_actors(
    parsed: Parsed, clusters: list[Cluster], facts: RoleFacts, heads: list[AgentHead]
) -> None:
    """Nominal actors of one kind for the argument noun phrases headed by an agent noun (see the module's
    docstring), `heads` being that kind's of `agent_heads`. The entities stage asks for each kind at its
    own point of the pronoun rules: `bodies` (a singular ORG: "the court") before "it" is resolved,
    `groups` (a plural: "the kidnappers", an ORG) before "they", `people` (a singular PERSON: "a judge")
    after "he"/"she", which they never take: a description is as often a named person's ("Jones, a
    Mansfield resident, ... he") and a pronoun given to it is taken from that person."""
    doc = parsed.doc
    by_key: dict[str, Cluster] = {}
    by_head: dict[tuple[str, bool], _Latest] = {}  # (lemma, plural) -> the latest actor with it
    for head_tok in heads:
        tok, entry, plural, type_ = head_tok.tok, head_tok.entry, head_tok.plural, head_tok.type
        if tok.i in facts.token_cluster or tok.i in facts.title_tokens:
            continue  # an entity holds it already (a name, a title, an earlier pass's actor)
        holder = _title_holder(tok, clusters, facts) if type_ == "PERSON" else None
        if holder is not None:
            holder.add(Candidate.from_span(parsed, doc[tok.i : tok.i + 1], "PERSON", "nominal"))
            facts.token_cluster.setdefault(tok.i, holder)
            continue
        named = named_by_apposition(tok, facts) if type_ == "PERSON" and not plural else None
        if named is not None:
            describe_named(parsed, facts, named, tok)
            continue
        if head_tok.speaker and _speaks_for_another(tok, clusters, facts):
            continue  # "a spokesman for Iran said": the quotes stage reads it as Iran's voice
        if head_tok.speaker and plural and not _group_takes_part(tok):
            continue  # "the port was shelled, officials said": a group that only reports stays text
        start = phrase_start(tok, facts)
        span = doc[start : tok.i + 1]
        key = _key(span.text)
        head = (tok.lemma_.lower(), plural)
        words = set(key.split()[:-1])
        definite = _definite(tok) and not head_tok.fresh
        cluster = by_key.get(key) if definite else None
        if cluster is None and definite and head in by_head and words <= by_head[head][1]:
            cluster = by_head[head][0]  # "the men" after "seven Iraqi men"
        if cluster is None or cluster.type != type_:
            cluster = Cluster(type_)
            clusters.append(cluster)
            _describe(facts, cluster, entry, country_in(tok, start, facts))
        cluster.add(Candidate.from_span(parsed, span, type_, "name" if _proper(span, entry) else "nominal"))
        by_key[key] = cluster
        previous = by_head.get(head)
        by_head[head] = (cluster, words | previous[1] if previous and previous[0] is cluster else words)
        for t in range(start, tok.i + 1):
            facts.token_cluster.setdefault(t, cluster)


# Sectors of the bodies a capitalised common noun names ("the Army", "the Marines", "Republicans"): the
# state's forces and offices and its parties; not believers or ethnic groups ("Jews"), nor criminals.
_PROPER_SECTORS = frozenset({"MIL", "PTY", "GOV", "LEG", "JUD", "COP"})


def _proper(span: Span, entry: AgentNoun) -> bool:
    """A state's body or party written as its proper name inside a sentence ("the Army", "the Marines",
    "Republicans"): a name the model did not type, of the body the story means."""
    return entry.sector in _PROPER_SECTORS and capitalised_in_text(span)


def _mistagged_noun(tok: Token) -> bool:
    """A lower-case word the tagger calls a proper noun or an adjective where the parser makes it the
    object or subject of a phrase ("the parks department" tagged NNP, "aid to the junta" tagged JJ): a
    common noun; a capitalised one is a name the model did not type."""
    return tok.is_lower and tok.tag_ in ("NNP", "JJ") and tok.dep_ in (*_ARGUMENTS, "pobj")


def _determined(tok: Token) -> bool:
    """ "the multinational force", "a task force", not "by force" nor "the force of the blast"."""
    return any(c.dep_ == "det" for c in tok.children) and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in tok.children
    )


def _counted_people(tok: Token) -> bool:
    """A number that stands alone for the people an act is done to or who do it ("killed seven and wounded
    20", "the seven were charged", "deported thousands", "hundreds marched", "dozens were injured",
    "wounded 30 others"): the subject or object of a trigger verb of the event lexicon or of a verb of harm
    ("nine died"), with no noun it counts and no "of" phrase ("seven of them")."""
    if tok.dep_ not in _ARGUMENTS or tok.lower_ == "one" or tok.ent_type_ in _NOT_PEOPLE:
        return False  # "requested $5 million", "cut 10 percent": an amount, not people
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False  # "seven of them"
    if tok.lower_ in _WORDS.counted_others:
        counted = any(c.dep_ == "nummod" for c in tok.children)  # "wounded 30 others"; not "others said"
    else:
        # "thousands" by the language's own rule on the lemma (not `vocab[lemma]`, which adds a lexeme to
        # the shared vocabulary for every new lemma and is ten times slower); "dozens" by the recogniser
        plural_number = tok.tag_ == "NNS" and (_like_num(tok) or tok.ent_type_ == "CARDINAL")
        counted = (tok.tag_ == "CD" or plural_number) and not any(c.like_num for c in tok.children)
    if not counted:
        return False  # "500 million": a sum more often than people
    verb = tok.head
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB":
        return False
    # "nine died": a verb of harm whose subject undergoes it (lexicons/event_words.tsv patient_verbs)
    return lemma in event_words().patient_verbs or any(e.pos != "N" for e in trigger_entries().get(lemma, ()))


def _described_pronoun(tok: Token) -> bool:
    """ "punished those who fled", "those killed": a pronoun its own clause describes is a group of people
    when it is an argument, as a number standing alone is ("those plans": a determiner, no actor)."""
    if tok.lower_ not in _WORDS.described_pronouns:
        return False
    return any(c.dep_ in ("relcl", "acl") for c in tok.children) and is_argument(tok)


def _like_num(tok: Token) -> bool:
    getters: dict[int, Callable[[str], bool]] = tok.vocab.lex_attr_getters  # type: ignore[attr-defined]
    return getters[LIKE_NUM](tok.lemma_)


def _group_takes_part(tok: Token) -> bool:
    """A group that speaks is a party to what it says when its verb is an act of the event lexicon
    ("prosecutors allege", "the ministers agreed that") or what it reports refers back to it ("officials
    said they would close the border", '"We want fair funding," the mayors wrote'); a group that only
    reports ("the port was shelled, officials said") is no party, and as an actor it would be one more
    candidate source for the act it reports. A group named by the people or region it speaks for
    ("European officials warned") is their voice, which the quotes stage keeps as text."""
    if any(c.ent_type_ == "NORP" for c in tok.lefts):
        return False
    verb = tok.head
    if any(e.pos != "N" for e in trigger_entries().get(verb.lemma_.lower(), ())):
        return True
    own = {t.i for t in tok.subtree}
    return any(t.lower_ in _WORDS.group_pronouns and t.i not in own for t in verb.subtree)


def _speaks_for_another(tok: Token, clusters: list[Cluster], facts: RoleFacts) -> bool:
    """A speaker's phrase that the quotes stage reads as another entity's voice: it names one ('"...," a
    spokesman for Iran said', "European officials warned that", "the group's lawyer said"), or it is a bare
    "the <noun>" after an organisation whose name ends in that noun ("the commission said" after "the
    Electoral Commission"). Any other speaker ('"We reject it," the interior minister declared', "the
    sheriff warned", "prosecutors allege") is an actor of its own: who speaks is the source of a speech act
    and of what "we" or "they" do in what is reported (docs/annotation.md 5, 11 rule 10), and an event's
    source must be an entity."""
    if any(t.i != tok.i and t.i in facts.token_cluster for t in tok.subtree):
        return True
    bare = not any(c.dep_ in ("poss", "compound", "amod", "nmod") for c in tok.children)
    if not bare or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return False
    word = tok.lower_
    return any(
        c.type == "ORG"
        and any(
            m.tok_end <= tok.i and m.kind == "name" and m.text.lower().split()[-1:] == [word]
            for m in c.mentions
        )
        for c in clusters
    )


def _reporting_subject(tok: Token) -> bool:
    """The subject of a verb of saying that reports what was said ("said the talks failed", '"...," she
    said'); not of one with an object only ("denied the charges", "demanded a ransom": events), nor of a
    stance cue ("attacked")."""
    verb = tok.head
    cue = cue_lexicon().get(verb.lemma_.lower()) if tok.dep_ == "nsubj" else None
    if cue is None or cue.kind != "speech":
        return False
    return verb.dep_ == "parataxis" or any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)


def _title_holder(tok: Token, clusters: list[Cluster], facts: RoleFacts) -> Cluster | None:
    """ "The company spokesman" after "Acme spokesman John Reyes": the one person before it in the text
    with a title of that word is who a definite description of it stands for (roles.py keeps titles)."""
    the = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.lefts)
    if not the or not is_title_word(tok):
        return None
    word = tok.lower_
    holders = [
        c
        for c in clusters
        if c.type == "PERSON"
        and any(m.tok_end <= tok.i for m in c.mentions)
        and any(word in t.lower().replace("-", " ").split() for t in _titles(facts, c))
    ]
    return holders[0] if len(holders) == 1 else None


def _titles(facts: RoleFacts, cluster: Cluster) -> list[str]:
    info = facts.info.get(id(cluster))
    return info.titles if info else []


def _not_story_text(parsed: Parsed) -> list[tuple[int, int]]:
    """Headline, byline and credit lines, where a common noun is no actor of the story ("Police Arrest
    Suspect", "Lawmakers react"): the text's first line is a headline when it does not end as a sentence
    does, whatever its case, or when it repeats the article's title."""
    shapes = line_shapes(parsed)
    spans = [*shapes.headlines, *shapes.credits]
    text = parsed.text
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    first = text[start : end if end >= 0 else len(text)].rstrip()
    title = (parsed.article.title or "").strip().rstrip(".").strip()
    if end >= 0 and first and (not first.endswith(_SENTENCE_ENDS) or first.rstrip(".").strip() == title):
        spans.append((start, start + len(first)))  # (a title repeated as the first line is a headline too)
    return sorted(set(spans))


def _describe(facts: RoleFacts, cluster: Cluster, entry: AgentNoun, country: str | None) -> None:
    """What the phrase says of the actor: its sector and its country."""
    info = facts.role(cluster)
    info.sector = entry.sector if entry.sector != "PPL" else None
    info.country = country
