"""One exception hierarchy. Every message says what was found, what was expected and what to do."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""


class InputError(NewsgraphError):
    """An input (file, record, stream) that cannot be read as an article.

    `origin` names the input (a path, `path:line`, or `<stdin>`) so batch runners can report it.
    """

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # Exceptions pickle as cls(*args), and args holds only the message: rebuild from origin and
        # reason instead, so the error crosses a process boundary (pool and Dask workers) intact.
        return type(self), (self.origin, self.reason)


class ExtractionError(InputError):
    """A stage failed on an input: reported with the input's name, never fatal to a batch."""


class ConfigError(NewsgraphError):
    """A bad option: a malformed date, an unknown model, a threshold out of range."""


class ModelError(NewsgraphError):
    """The NLP model could not be loaded."""


class StoreError(NewsgraphError):
    """The store could not be opened, read or written."""


class ContractError(NewsgraphError):
    """A dictionary that does not follow the output contract (from_dict)."""
