"""The genders that common nouns in apposition with a person's name say ("her mother, Pat Holt"; "Lee
Ward, his son,"): read when a mention is found (mentions.py, for a name the model typed otherwise) and when
a person's gender is decided (gender.py), so it stands below both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicons.names import Gender, noun_gender

if TYPE_CHECKING:
    from spacy.tokens import Token


def apposition_genders(head: Token) -> set[Gender]:
    """The genders that common nouns in apposition with a name's head word say: a kinship or gendered noun
    the name stands beside ("her mother, Pat Holt": the name hangs on "mother"; "Lee Ward, his son,":
    "son" hangs on the name). A title lexicon word is roles.py's; these are descriptions it does not keep,
    and a first name the names list does not know leaves them the only word on the person's gender."""
    nouns = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        nouns.append(head.head)
    said: set[Gender] = set()
    for noun in nouns:
        if any(c.pos_ == "PROPN" and c.i != head.i and c.dep_ in _OWN_NAME for c in noun.children):
            continue  # "Lee Ward, his wife, Ann, and ...": the noun is the other name's ("wife Ann")
        if noun.pos_ == "NOUN" and (g := noun_gender(noun.text)) is not None:
            said.add(g)
    return said


def apposed_gender(head: Token) -> Gender | None:
    """The one gender the apposition nouns beside a person's name (its last word, `head`) say, if they say
    exactly one."""
    said = apposition_genders(head)
    return next(iter(said)) if len(said) == 1 else None


#: Links by which a noun carries a name of its own ("his wife, Ann,", "her son Tom").
_OWN_NAME = frozenset({"appos", "compound", "flat", "npadvmod"})
