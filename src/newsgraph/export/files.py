"""What makes an export safe to write and to open: files replaced whole, XML that parses, CSV cells a
spreadsheet does not run.

An export never writes into the file it replaces: it writes a temporary file in the same folder and renames
it into place, so a failure halfway (a full disk, a bad value, an interrupt) leaves the old file as it was.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

# XML 1.0 holds tab, newline, carriage return and the code points from U+0020 up, but not the surrogates
# or U+FFFE/U+FFFF: anything else makes the file malformed (or the writer crash).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# OWASP's rule for CSV injection: a cell starting with one of these may be run as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def xml_text(value: Any) -> Any:
    """`value` with the characters XML cannot hold removed (strings only; other values as they are)."""
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


def defuse_formula(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: a string read as a formula gets a leading `'`. Numbers
    stay numbers (a negative longitude is not a formula)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """True when the two paths name one file (after resolving links, `..` and the home folder)."""
    pa, pb = Path(a).expanduser(), Path(b).expanduser()
    try:
        if pa.exists() and pb.exists():
            return os.path.samefile(pa, pb)
    except OSError:
        pass
    return pa.resolve() == pb.resolve()


@contextmanager
def replacing(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside `path` to write the new file to; renamed onto `path` when the block ends
    without error, removed otherwise. The new file keeps the old one's permissions (else the umask's)."""
    target = Path(path)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        try:
            mode = target.stat().st_mode & 0o7777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise
