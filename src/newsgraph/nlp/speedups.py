"""The same output from two spaCy components, for less time: the rule lemmatizer and the attribute ruler.

Both set what the stages read on every token (lemmas; coarse part of speech and morphology), and together
they took 17% of extract time (bench/stage_cost.py), more than all our stages but events:

- the English rule lemmatizer caches its answer per (word, part of speech, morphology) only for inflected
  forms; a base form (most nouns, for one) goes through `is_base_form`, which builds a dict of the
  morphology, again on every token. `memoise_lemmatizer` caches every answer under the same key.
- the attribute ruler runs one spaCy Matcher of 179 patterns, and the Matcher tries every pattern at every
  token (about 17 microseconds a token). Most patterns are one token of plain tests (TAG is "NNS"; LOWER
  is "an" and TAG one of ...): `index_attribute_ruler` finds those by looking the token's values up in
  tables, and leaves the few others (two tokens, NOT_IN, REGEX, IS_SPACE) to a Matcher of their own. The
  matches are the same (key, start, end) triples, applied by the ruler's own code in its own order.

Both are set up only when the component is the kind they were written for; otherwise it runs as shipped.
tests/test_speedups.py compares lemmas, parts of speech, morphology and the matches with the stock ones.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: The token attributes the index reads, in the order of `Doc.to_array`'s columns.
_INDEXED = ("LOWER", "TAG", "DEP")

#: One indexed pattern: its match key and the tests on the other columns (column, the allowed values).
_Entry = tuple[int, tuple[tuple[int, frozenset[int]], ...]]


def speed_up(nlp: Language) -> None:
    memoise_lemmatizer(nlp)
    index_attribute_ruler(nlp)


def memoise_lemmatizer(nlp: Language) -> None:
    """Cache every rule lemma under the key spaCy's own cache uses (word, part of speech, morphology),
    which is everything the rule lemmatizer reads from a token."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import Lemmatizer

    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer: Any = nlp.get_pipe("lemmatizer")
    if type(lemmatizer) not in (Lemmatizer, EnglishLemmatizer) or lemmatizer.mode != "rule":
        return
    lemmatizer.lemmatize = _memoised(lemmatizer.rule_lemmatize)


def _memoised(lemmatize: Callable[[Any], list[str]]) -> Callable[[Any], list[str]]:
    """`lemmatize` over a cache; a token here is a spaCy Token (or anything with its orth, pos, morph.key)."""
    cache: dict[tuple[int, int, int], list[str]] = {}

    def cached(token: Any) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        forms = cache.get(key)
        if forms is None:
            forms = cache[key] = lemmatize(token)
        return forms

    return cached


def index_attribute_ruler(nlp: Language) -> None:
    """Give the attribute ruler a `match` that finds the same matches through tables (module docstring)."""
    from spacy.pipeline import AttributeRuler

    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler: Any = nlp.get_pipe("attribute_ruler")
    if type(ruler) is not AttributeRuler:
        return
    ruler.match = IndexedMatch(ruler)  # type: ignore[method-assign]  # this one instance, not the class


class IndexedMatch:
    """`AttributeRuler.match` over tables: the sorted (attribute id, key, start, end) of every match."""

    def __init__(self, ruler: Any) -> None:
        from spacy.attrs import IDS
        from spacy.matcher import Matcher

        self._vocab = ruler.vocab
        self._columns = [IDS[name] for name in _INDEXED]
        self._tables: list[dict[int, list[_Entry]]] = [defaultdict(list) for _ in _INDEXED]
        self._rest = Matcher(ruler.vocab, validate=False)
        self._indexed = 0
        strings = ruler.vocab.strings
        for attr_id in range(len(ruler.attrs)):
            key = str(attr_id)  # AttributeRuler.add names each pattern group by its position
            _, patterns = ruler.matcher.get(key)
            rest = []
            for pattern in patterns:
                tests = _plain_tests(pattern, strings)
                if tests is None:
                    rest.append(pattern)
                    continue
                anchor = min(tests)  # LOWER before TAG before DEP: the narrowest column to look up
                others = tuple((c, values) for c, values in sorted(tests.items()) if c != anchor)
                for value in tests[anchor]:
                    self._tables[anchor][value].append((strings[key], others))
                self._indexed += 1
            if rest:
                self._rest.add(key, rest)
        self._tables = [dict(table) for table in self._tables]

    @property
    def indexed(self) -> int:
        """How many patterns the tables hold (the rest go through the Matcher)."""
        return self._indexed

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        found: set[tuple[int, int, int]] = set(self._rest(doc, allow_missing=True, as_spans=False))
        rows: list[list[int]] = doc.to_array(self._columns).tolist() if len(doc) else []
        for i, row in enumerate(rows):
            for column, table in enumerate(self._tables):
                for match_id, others in table.get(row[column], ()):
                    if all(row[c] in values for c, values in others):
                        found.add((match_id, i, i + 1))
        strings = self._vocab.strings
        # As AttributeRuler.match: sorted by the attribute id, so that later rules have precedence.
        return sorted((int(strings[m_id]), m_id, start, end) for m_id, start, end in found)


def _plain_tests(pattern: Sequence[dict[str, Any]], strings: Any) -> dict[int, frozenset[int]] | None:
    """The tests of a one-token pattern as {column: allowed string ids}, when each is a plain string or an
    IN list of strings on an indexed column; None for any other pattern (left to the Matcher)."""
    if len(pattern) != 1:
        return None
    tests: dict[int, frozenset[int]] = {}
    for name, value in pattern[0].items():
        if name not in _INDEXED:
            return None
        if isinstance(value, dict) and set(value) == {"IN"}:
            value = value["IN"]
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not values or not all(isinstance(v, str) and v for v in values):
            return None
        tests[_INDEXED.index(name)] = frozenset(strings.add(v) for v in values)
    return tests or None
