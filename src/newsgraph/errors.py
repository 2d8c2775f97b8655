"""One exception hierarchy. Every message says what was found, what was expected and what to do, and
every class carries the exit status the command line gives it (one handler renders them all).

    NewsgraphError                  exit 1   anything newsgraph raises on purpose
    ├── RecordError                 exit 1   one input failed; it names it (`origin`), the batch goes on
    │   ├── InputError              exit 1   the input cannot be read as an article: bad input, fix the input
    │   └── ExtractionError         exit 1   a stage crashed on the input: a newsgraph bug, report it
    ├── ContractError               exit 1   a dictionary that does not follow the output contract
    ├── ConfigError                 exit 2   a bad option: a malformed date, an unknown model, a bad threshold
    ├── ModelError                  exit 3   the NLP model could not be loaded: fix the installation
    └── StoreError                  exit 3   the store could not be opened, read or written

Exit status 0 means every input was processed; 1 that some inputs failed (each was reported, the others
were processed); 2 that the command was not run as asked; 3 that what it needs (model, store) is missing.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""

    exit_code = 1

    def render(self) -> str:
        """The one line the command line prints for this error."""
        return f"newsgraph: error: {self}"


class RecordError(NewsgraphError):
    """One input (file, record, stream) failed; `origin` names it (a path, `path:line`, or `<stdin>`) so
    that batch runners report it and go on with the others."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason

    def render(self) -> str:
        return f"newsgraph: {self}"

    def __reduce__(self) -> tuple[type[RecordError], tuple[str, str]]:
        # Exceptions pickle as cls(*args), and args holds only the message: rebuild from origin and
        # reason instead, so the error crosses a process boundary (pool and Dask workers) intact.
        return type(self), (self.origin, self.reason)


class InputError(RecordError):
    """An input that cannot be read as an article: empty, binary, too long, a broken JSON line."""


class ExtractionError(RecordError):
    """A stage failed on an input. That is a bug in newsgraph, not in the input: the message says so and
    names the stage and the input, and the batch goes on without that input."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(origin, reason)
        self.args = (f"{origin}: {reason}; this is a newsgraph bug, please report it with this input",)


class ContractError(NewsgraphError):
    """A dictionary that does not follow the output contract (`Document.from_dict`)."""


class ConfigError(NewsgraphError):
    """A bad option: a malformed date, an unknown model, a threshold out of range."""

    exit_code = 2


class ModelError(NewsgraphError):
    """The NLP model could not be loaded."""

    exit_code = 3


class StoreError(NewsgraphError):
    """The store could not be opened, read or written."""

    exit_code = 3
