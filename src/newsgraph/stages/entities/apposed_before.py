"""A person's country from a description written before the name and a comma, in apposition to it
(issue 14, thirty-eighth session): "Their Danish coach, NAME, who joined in the summer", "Eyjar's
Norwegian playmaker, NAME, scored eight", "This spring she began working with a Danish coach, NAME".

roles.py reads a demonym right before a name ("Danish coach NAME", countries.demonym_before) and one
opening an apposition after it ("NAME, a Danish coach"); the same description before a comma was read by
neither, and in the project's own held-out passages the ranker left such people without a country. The
parse must say the two are one phrase (the name in apposition to the description's noun, or the noun to
the name): "In the Danish capital, NAME said" is no description of NAME.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cluster import Cluster
from .countries import demonym_before

if TYPE_CHECKING:
    from spacy.tokens import Doc


def description_before_country(
    doc: Doc, start: int, end: int, token_cluster: dict[int, Cluster]
) -> str | None:
    """The country of the demonym of a description that ends right before the comma before the name at
    tokens `start` to `end`, when the parse puts the two in apposition; read as countries.demonym_before
    reads a description with no comma (a language's teacher is no national of it)."""
    comma = start - 1
    if comma < 2 or doc[comma].text != ",":
        return None
    noun = doc[comma - 1]
    if noun.pos_ != "NOUN" or not noun.is_lower:
        return None
    name = doc[start:end].root
    apposed = (name.dep_ == "appos" and name.head.i == noun.i) or (
        noun.dep_ == "appos" and start <= noun.head.i < end
    )
    return demonym_before(doc, comma, token_cluster) if apposed else None
