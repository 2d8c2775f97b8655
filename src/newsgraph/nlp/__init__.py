"""The NLP layer: the spaCy pipeline, loaded once per process, with the project's gazetteer."""

from .loader import DEFAULT_MODEL, load_nlp

__all__ = ["DEFAULT_MODEL", "load_nlp"]
