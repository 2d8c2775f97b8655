"""The same output from two spaCy components, for less time: the rule lemmatizer and the attribute ruler.

Both set what the stages read on every token (lemmas; coarse part of speech and morphology), and together
they took 17% of extract time (bench/stage_cost.py), more than all our stages but events:

- the English rule lemmatizer looks each form its suffix rules make up in a list of the known words (a
  scan of up to 57,528 nouns), and caches its answer per (word, part of speech, morphology) only for
  inflected forms; a base form (most nouns, for one) goes through `is_base_form`, which builds a dict of
  the morphology, again on every token. `memoise_lemmatizer` makes the lists sets and caches every
  answer under spaCy's key.
- the attribute ruler runs one spaCy Matcher of 179 patterns, and the Matcher tries every pattern at every
  token (about 17 microseconds a token). Most patterns are one token of plain tests (TAG is "NNS"; LOWER
  is "an" and TAG one of ...): `index_attribute_ruler` finds those by looking the token's values up in
  tables, and leaves the few others (two tokens, REGEX) to a Matcher of their own. The
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
_INDEXED = ("LOWER", "TAG", "DEP", "IS_SPACE")

#: A test on one column: the values, and whether the token's must be one of them (or none of them).
_Test = tuple[frozenset[int], bool]

#: One indexed pattern: its match key and the tests on the other columns.
_Entry = tuple[int, tuple[tuple[int, frozenset[int], bool], ...]]


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
    _index_as_sets(lemmatizer.lookups)


def _index_as_sets(lookups: Any) -> None:
    """The known words per part of speech (`lemma_index`) as sets. spaCy ships them as lists (57,528
    nouns) and asks `form in index` of each form a suffix rule makes: a scan of the list, about 0.1 ms
    for every word it has not seen, 60-90% of the lemmatizer's time. Membership is all it asks of them."""
    if not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    for pos in list(index.keys()):
        words = index[pos]
        if isinstance(words, list):
            index[pos] = frozenset(words)


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
                # the first column that names its values (LOWER before TAG before DEP): the narrowest
                anchor = min(c for c, (_, positive) in tests.items() if positive)
                others = tuple((c, v, positive) for c, (v, positive) in sorted(tests.items()) if c != anchor)
                for value in tests[anchor][0]:
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
        tables = list(enumerate(self._tables))
        for i, row in enumerate(rows):
            for column, table in tables:
                entries = table.get(row[column])
                if entries is None:
                    continue
                for match_id, others in entries:
                    # (most entries test one column: a tag's coarse part of speech and morphology)
                    if not others or all((row[c] in values) == positive for c, values, positive in others):
                        found.add((match_id, i, i + 1))
        strings = self._vocab.strings
        # As AttributeRuler.match: sorted by the attribute id, so that later rules have precedence.
        return sorted((int(strings[m_id]), m_id, start, end) for m_id, start, end in found)


def _plain_tests(pattern: Sequence[dict[str, Any]], strings: Any) -> dict[int, _Test] | None:
    """The tests of a one-token pattern by column, when each is one the tables can do: a string, or an IN
    or NOT_IN list of strings, on LOWER, TAG or DEP; True or False on IS_SPACE. None for any other pattern
    (left to the Matcher), and for one with no test that names the values it takes (nothing to look up).
    Values are the ids the Matcher compares: `strings.add` of a plain string, `get_string_id` in a list."""
    from spacy.strings import get_string_id

    if len(pattern) != 1:
        return None
    tests: dict[int, _Test] = {}
    for name, value in pattern[0].items():
        if name not in _INDEXED:
            return None
        column = _INDEXED.index(name)
        if name == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            tests[column] = (frozenset({int(value)}), True)
        elif isinstance(value, str) and value:
            tests[column] = (frozenset({strings.add(value)}), True)
        elif isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"}:
            ((operator, values),) = value.items()
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                return None
            tests[column] = (frozenset(get_string_id(v) for v in values), operator == "IN")
        else:
            return None
    return tests if any(positive for _, positive in tests.values()) else None
