"""The sped-up lemmatizer and attribute ruler give what the stock components give (nlp/speedups.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from newsgraph.nlp.speedups import _index_as_sets, _memoised, _plain_tests

# Sentences written for these tests: space tokens, auxiliaries and determiners used as pronouns (the
# NOT_IN patterns), two-token patterns ("gon na", "let's"), pronouns whose morphology depends on their
# role, and plain nouns, verbs and adjectives in base and inflected forms.
SENTENCES = (
    "The riders were gon na miss the ferry, so let's say they left early.\n\nThat was clear.",
    "It rained.  She has had two bigger boats since then, and those are hers.",
    "Which of the plans did you like?  There are three, and I gave it to you.",
    "Nothin' stays the same, y' all know that; the cats ain't sleeping.",
)


class _Strings(dict[str, int]):
    def add(self, value: str) -> int:
        return self.setdefault(value, len(self) + 1)


def test_a_lemma_is_worked_out_once_per_word_part_of_speech_and_morphology() -> None:
    calls: list[int] = []

    def lemmatize(token: Any) -> list[str]:
        calls.append(token.orth)
        return [f"lemma{token.orth}"]

    cached = _memoised(lemmatize)
    noun = SimpleNamespace(orth=7, pos=92, morph=SimpleNamespace(key=3))
    verb = SimpleNamespace(orth=7, pos=100, morph=SimpleNamespace(key=3))
    assert cached(noun) == cached(noun) == ["lemma7"]
    assert cached(verb) == ["lemma7"]
    assert calls == [7, 7]  # the second noun came from the cache; the verb is another key


def test_the_known_words_become_sets_and_nothing_else_changes() -> None:
    from spacy.lookups import Lookups

    lookups = Lookups()
    lookups.add_table("lemma_index", {"noun": ["harbour", "ferry"], "verb": ["sail"]})
    lookups.add_table("lemma_exc", {"noun": {"ferries": ["ferry"]}})
    _index_as_sets(lookups)
    index = lookups.get_table("lemma_index")
    assert index["noun"] == frozenset({"harbour", "ferry"}) and index["verb"] == frozenset({"sail"})
    assert lookups.get_table("lemma_exc")["noun"] == {"ferries": ["ferry"]}
    _index_as_sets(Lookups())  # no index: nothing to do


def test_only_one_token_patterns_of_plain_tests_go_in_the_tables() -> None:
    from spacy.strings import get_string_id

    strings = _Strings()
    plain = _plain_tests([{"LOWER": "an", "TAG": {"IN": ["DT", "JJ"]}}], strings)
    assert plain == {
        0: (frozenset({strings["an"]}), True),
        1: (frozenset({get_string_id("DT"), get_string_id("JJ")}), True),
    }
    excluded = _plain_tests([{"DEP": {"NOT_IN": ["det", ""]}, "TAG": "DT", "IS_SPACE": False}], strings)
    assert excluded == {
        2: (frozenset({get_string_id("det"), 0}), False),
        1: (frozenset({strings["DT"]}), True),
        3: (frozenset({0}), True),
    }
    assert _plain_tests([{"TAG": {"NOT_IN": ["TO"]}}], strings) is None  # nothing to look up
    assert _plain_tests([{"LOWER": {"REGEX": "^x$"}}], strings) is None
    assert _plain_tests([{"LOWER": "gon"}, {"LOWER": "na"}], strings) is None
    assert _plain_tests([{"TAG": ""}], strings) is None
    assert _plain_tests([{"IS_SPACE": "yes"}], strings) is None
    assert _plain_tests([{"ORTH": "An"}], strings) is None


@pytest.mark.model
def test_the_indexed_ruler_finds_the_matches_the_stock_matcher_finds(nlp: Any) -> None:
    from spacy.pipeline import AttributeRuler

    ruler = nlp.get_pipe("attribute_ruler")
    assert ruler.match.indexed > len(ruler.attrs) // 2  # most patterns are looked up, not matched
    before = [name for name in nlp.pipe_names if name not in ("attribute_ruler", "lemmatizer", "ner")]
    with nlp.select_pipes(enable=before):
        docs = list(nlp.pipe(SENTENCES))
    for doc in docs:
        stock = AttributeRuler.match(ruler, doc)
        assert stock and ruler.match(doc) == stock


@pytest.mark.model
def test_the_memoised_lemmatizer_gives_the_stock_lemmas(nlp: Any) -> None:
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert lemmatizer.lemmatize != lemmatizer.rule_lemmatize
    for doc in nlp.pipe(SENTENCES):
        for token in doc:
            assert lemmatizer.lemmatize(token) == lemmatizer.rule_lemmatize(token)
            assert lemmatizer.lemmatize(token) == lemmatizer.rule_lemmatize(token)  # from the cache


@pytest.mark.model
def test_the_rule_lemmas_are_the_same_with_the_known_words_as_lists(nlp: Any) -> None:
    lemmatizer = nlp.get_pipe("lemmatizer")
    index = lemmatizer.lookups.get_table("lemma_index")
    as_sets = {pos: index[pos] for pos in index}
    assert all(isinstance(words, frozenset) for words in as_sets.values())
    tokens = [token for doc in nlp.pipe(SENTENCES) for token in doc]

    def lemmas() -> list[list[str]]:
        lemmatizer.cache.clear()  # spaCy's own cache: every form worked out again
        return [lemmatizer.rule_lemmatize(token) for token in tokens]

    fast = lemmas()
    try:
        for pos, words in as_sets.items():
            index[pos] = sorted(words)  # as spaCy ships them
        assert lemmas() == fast
    finally:
        for pos, words in as_sets.items():
            index[pos] = words
        lemmatizer.cache.clear()
