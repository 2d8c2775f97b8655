"""Line shapes (entities/headlines.line_shapes) are kept per parsed article, as three steps ask for them:
each article still gets its own. Texts written for these tests."""

from __future__ import annotations

import spacy

from newsgraph.article import Article
from newsgraph.stages.base import Parsed
from newsgraph.stages.entities.headlines import line_shapes

NLP = spacy.blank("en")
NLP.add_pipe("sentencizer")


def parsed(text: str) -> Parsed:
    return Parsed.from_doc(Article.make(text, id="t"), NLP(text))


def test_each_article_has_its_own_shapes() -> None:
    headed = parsed("Town Council Approves New Bridge\nThe council voted on Tuesday to build a bridge.")
    plain = parsed("The council voted on Tuesday to build a bridge.\nWork starts next year.")
    assert line_shapes(headed).headlines == ((0, 32),)
    assert line_shapes(plain).headlines == ()
    assert line_shapes(headed) is line_shapes(headed)
