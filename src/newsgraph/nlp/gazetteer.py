"""The gazetteer as a spaCy component: countries, demonyms, capitals and known organisations.

It runs after the statistical NER and corrects it: a gazetteer name replaces a model entity with the same
or a shorter span (en_core_web_sm tags "Niger" and "Mali" as PERSON), and is added where the model found
nothing. A model entity that strictly contains a gazetteer name is kept ("the Mali Presidency" stays one
ORG). Each gazetteer span carries a `kb_id` saying what it is: `country:NER`, `demonym:NER`,
`capital:NER`, `nation:GBR:England` or `org:<canonical name>`.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .. import lexicons

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.language import Language
    from spacy.tokens import Doc, Span

COMPONENT = "newsgraph_gazetteer"
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"}


@functools.cache
def gazetteer_entries() -> tuple[tuple[str, str, str], ...]:
    """(surface form, spaCy label, kb id) for every gazetteer name, with all-caps forms for headlines."""
    entries: list[tuple[str, str, str]] = []
    names = lexicons.country_by_name()
    for c in lexicons.countries():
        for name in (c.name, *c.aliases):
            entries.append((name, "GPE", f"country:{c.iso3}"))
        for demonym in c.demonyms:
            entries.append((demonym, "NORP", f"demonym:{c.iso3}"))
            plural = plural_demonym(demonym)
            if plural and plural not in names:  # "Philippines" is the country's own name
                entries.append((plural, "NORP", f"demonym:{c.iso3}"))
        if c.capital:
            entries.append((c.capital, "GPE", f"capital:{c.iso3}"))
    for n in lexicons.nations():
        # kb "nation:GBR:England": the sovereign's code for country fields, the name to keep it apart.
        entries.append((n.name, "GPE", f"nation:{n.sovereign}:{n.name}"))
        for demonym in n.demonyms:
            entries.append((demonym, "NORP", f"nation:{n.sovereign}:{n.name}"))
    for o in lexicons.organisations():
        for name in (o.name, *o.aliases):
            entries.append((name, o.type, f"org:{o.name}"))
    upper = [(s.upper(), label, kb) for s, label, kb in entries if len(s) > 3 and s.upper() != s]
    return (*entries, *upper)


def plural_demonym(demonym: str) -> str | None:
    """ "Palestinians", "Israelis", "Serbs": the people of a country, a mention of it too. Demonyms that
    are already plural or take no -s ("Chinese", "French", "Swiss", "Dutch") have none."""
    if " " in demonym or demonym.endswith(("ese", "sh", "ch", "ss", "s", "x", "z", "ic")):
        return None
    if demonym.endswith(("hman", "sman", "hwoman", "swoman")):
        return demonym[:-3] + "men"  # "Frenchmen", "Irishwomen", "Scotsmen" (not "German")
    return demonym + "s"


class Gazetteer:
    """The component: a PhraseMatcher over gazetteer_entries(), merged into doc.ents."""

    def __init__(self, nlp: Language) -> None:
        from spacy.matcher import PhraseMatcher

        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.info: dict[str, tuple[str, str]] = {}
        for surface, label, kb in gazetteer_entries():
            key = f"{label}|{kb}"
            self.info[key] = (label, kb)
            self.matcher.add(key, [nlp.make_doc(surface)])

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span
        from spacy.util import filter_spans

        found = []
        for match_id, start, end in self.matcher(doc):
            label, kb = self.info[doc.vocab.strings[match_id]]
            found.append(Span(doc, start, end, label=label, kb_id=kb))
        if not found:
            return doc
        found = filter_spans([_town_of_demonym(g) for g in found])
        kept: list[Span] = []
        for ent in _split_leading_demonyms(doc.ents, found):
            # A model name survives unless a gazetteer span overlaps it without being strictly inside it;
            # a model date or number never hides a name ("SEOUL 1996-08-30" tagged DATE).
            inside_ok = ent.label_ in _NAME_LABELS
            if not any(_overlaps(ent, g) and not (inside_ok and _strictly_inside(g, ent)) for g in found):
                kept.append(ent)
        additions = [g for g in found if not any(_overlaps(g, k) for k in kept)]
        doc.ents = sorted(kept + additions, key=lambda s: s.start)
        return doc


def _town_of_demonym(span: Span) -> Span:
    """A demonym that opens a town's name ("Spanish Town", "American Fork", "Briton Ferry") is that town,
    a place with no kb id for the places stage to read, not a mention of the demonym's country; else the
    span as it is."""
    from spacy.tokens import Span

    doc = span.doc
    if span.label_ != "NORP" or span.end >= len(doc) or not doc[span.end].is_title:
        return span
    from ..geo import gazetteer  # here: the geo package's function, not this module's namesake

    name = doc[span.start : span.end + 1].text
    if any(p.kind == "city" and p.name == name for p in gazetteer().lookup(name)):
        return Span(doc, span.start, span.end + 1, label="GPE")
    return span


def _split_leading_demonyms(ents: Sequence[Span], found: list[Span]) -> list[Span]:
    """The model's names, a person's that opens with a demonym cut after it ("Dutchwoman Anke de Vries":
    the demonym, a mention of the Netherlands, is found beside it); a body's is kept whole ("German Red
    Cross")."""
    from spacy.tokens import Span

    openers = {g.start: g for g in found if g.label_ == "NORP"}
    out = []
    for ent in ents:
        g = openers.get(ent.start)
        if ent.label_ == "PERSON" and g is not None and g.end < ent.end and ent.doc[g.end].is_title:
            ent = Span(ent.doc, g.end, ent.end, label=ent.label_)
        out.append(ent)
    return out


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _strictly_inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and len(inner) < len(outer)


def add_gazetteer(nlp: Language) -> None:
    """Add the gazetteer after the statistical NER (or last, for a pipeline without one)."""
    from spacy.language import Language

    if COMPONENT in nlp.pipe_names:
        return
    if not Language.has_factory(COMPONENT):
        Language.factory(COMPONENT)(lambda nlp, name: Gazetteer(nlp))
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="ner")
    else:
        nlp.add_pipe(COMPONENT, last=True)
