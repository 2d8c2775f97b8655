"""Runs of words a tracked file shares with a text the project did not write (the text rule).

Text of ../shared (the dev records and the corpus articles) is never copied into the repo; facts (ids,
codes, names, dates, offsets) are. This check lowercases every shared text into words (letters and
digits; punctuation, quotes and line breaks only separate words) and reports each run of N words of a
tracked file that also occurs in a shared text, merged into one finding per stretch of overlapping runs,
with the file, the line, the stretch's length in words and in how many shared texts its first run occurs.
It exits 1 on a finding, 0 on none.

N is 7 by default. At 5 the findings are mostly English idioms any writer uses (a preposition, an article
and a time word around a common noun); at 7 a hit is nearly always a copied phrase, so the check runs in
the test suite with a near-empty allow-list. Run it at 5 by hand when reviewing (`--n 5`): the lead's
merge scan uses 5.

Read: every file `git ls-files` lists, as UTF-8 text; a file with a NUL byte or that does not decode is a
binary (weights .npz, screenshots) and is skipped. The model vocab files are read too: they hold feature
names, cannot hold a shared run by accident, and cost a fraction of a second. Backslash escapes of JSON
and Python strings (a newline, a quote, a \\uXXXX code) count as the character they stand for, so a
sentence kept in a string is matched as the sentence.

Facts are not findings: a run without a letter (offsets, scores), a run written without a space (a record
id or slug such as a headline turned into a file name), and a run the shared text writes as a name (every
word capitalised or a connector such as "of" or "and", no punctuation between: an institution's or a
law's full name). A title-case headline of N capitalised words would pass as a name; the lead's 5-word
scan still sees it.

The allow-list (`shared_text_allow.tsv`, a reason on every line) names common expressions that are
nobody's text (a run inside one is not reported), or the findings that are one (by path, line and a
digest of their words: the key the checker prints), and the uncapitalised words a full name may hold. The
allow-list itself is not scanned.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import itertools
import json
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLOW = Path(__file__).resolve().parent / "shared_text_allow.tsv"

_WORD = re.compile(r"[^\W_]+")
# A JSON or Python escape, replaced by the character it stands for and padded with spaces, so that the
# offsets (and the line numbers) of the file stay as they are.
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|[ntr\"'\\/])")
# What may stand between the words of a full name.
_NAME_GLUE = re.compile(r"[\s.'’&()\"“”-]*")

Run = tuple[int, ...]


def words(text: str) -> list[str]:
    """The lowercase words of `text`, in order, lowercased one by one so that word i is the i-th match of
    _WORD in `text` itself (a capital İ lowercases to two characters and would move the offsets)."""
    return [w.lower() for w in _WORD.findall(text)]


def unescape(raw: str) -> str:
    def one(m: re.Match[str]) -> str:
        return chr(int(m.group(1), 16)).ljust(6) if m.group(1) else "  "

    return _ESCAPE.sub(one, raw)


def _strings(value: object) -> Iterator[str]:
    """Every string held in a JSON value, at any depth."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def shared_texts(shared: Path) -> Iterator[tuple[str, str]]:
    """(where, text) for every shared text: each string with a space in it of a dev record or a corpus
    record (an id, a code or a url has none), and each corpus article."""
    for path in sorted((shared / "dev").glob("*/*.jsonl")) + sorted((shared / "corpus").glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if line.strip():
                    rec = json.loads(line)
                    rid = rec.get("id", f"line {number}") if isinstance(rec, dict) else f"line {number}"
                    for s in _strings(rec):
                        if " " in s:
                            yield f"{path.parent.name}/{path.name}:{rid}", s
    for path in sorted((shared / "corpus").glob("*.json")):
        for s in _strings(json.loads(path.read_text(encoding="utf-8"))):
            if " " in s:
                yield f"corpus/{path.name}", s
    for path in sorted((shared / "corpus").glob("*.txt")):
        yield f"corpus/{path.name}", path.read_text(encoding="utf-8")


@dataclass
class Index:
    """The shared texts' runs of n words (as word numbers), and their first two words as a quick filter."""

    n: int
    vocab: dict[str, int]
    runs: set[Run]
    heads: set[Run]
    texts: list[tuple[str, str]]


def build_index(shared: Path, n: int) -> Index:
    vocab: dict[str, int] = {}
    runs: set[Run] = set()
    texts = list(shared_texts(shared))
    for _, text in texts:
        ids = [vocab.setdefault(w, len(vocab)) for w in words(text)]
        runs.update(tuple(ids[i : i + n]) for i in range(len(ids) - n + 1))
    return Index(n, vocab, runs, {run[:2] for run in runs}, texts)


@dataclass
class Seen:
    """What the shared texts say of a run: in how many it occurs, the first, whether it is a name."""

    count: int = 0
    where: str = ""
    name: bool = False


def _is_name(text: str, found: list[re.Match[str]], connectors: frozenset[str]) -> bool:
    for a, b in itertools.pairwise(found):
        if not _NAME_GLUE.fullmatch(text, a.end(), b.start()):
            return False
    # Capitalised: a digit or a capital first, but not a long word in capitals (a headline's).
    shaped = [
        w
        for w in (m.group() for m in found)
        if w[0].isdigit() or (w[0].isupper() and not (w.isupper() and len(w) > 5))
    ]
    rest = [m.group() for m in found if m.group() not in shaped]
    return len(shaped) >= 2 and all(w in connectors for w in rest)


def resolve(index: Index, wanted: set[Run], connectors: frozenset[str]) -> dict[Run, Seen]:
    """One pass over the shared texts for the runs findings ask about."""
    seen = {run: Seen() for run in wanted}
    n = index.n
    for where, text in index.texts:
        found = list(_WORD.finditer(text))
        ids = [index.vocab.get(m.group().lower(), -1) for m in found]
        counted: set[Run] = set()
        for i in range(len(ids) - n + 1):
            run = tuple(ids[i : i + n])
            if run in seen:
                s = seen[run]
                if run not in counted:
                    counted.add(run)
                    s.count += 1
                    s.where = s.where or where
                s.name = s.name or _is_name(text, found[i : i + n], connectors)
    return seen


@dataclass(frozen=True)
class Allow:
    """The allow-list: phrases nobody owns (as words), lines of the repo whose finding is an everyday
    expression (path, line), and the lowercase words a full name may hold."""

    phrases: list[list[str]]
    connectors: frozenset[str]
    sites: frozenset[str] = frozenset()  # Finding.key of each allowed finding


_KINDS = ("phrase", "site", "connectors")


def read_allow(path: Path) -> Allow:
    """`kind<TAB>what<TAB>reason` lines (# comments): `phrase` an allowed phrase; `site` the key
    (`path:line:digest`, `Finding.key`) of a finding of the repo that is allowed (an idiom named by where
    it stands, so that the list repeats no shared run itself); `connectors` the words a full name may hold
    uncapitalised ("of", "and")."""
    phrases, connectors, sites = [], set(), set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, rest = line.partition("\t")
        what, _, reason = rest.partition("\t")
        site = what.split(":")
        if (
            kind not in _KINDS
            or not what.strip()
            or not reason.strip()
            or (kind == "site" and (len(site) != 3 or not site[1].isdigit() or len(site[2]) != 12))
        ):
            raise ValueError(
                f"{path}:{number}: expected '{'|'.join(_KINDS)}<TAB>what<TAB>reason', found {line!r}"
            )
        if kind == "phrase":
            phrases.append(words(what))
        elif kind == "site":
            sites.add(what)
        else:
            connectors.update(words(what))
    return Allow(phrases, frozenset(connectors), frozenset(sites))


def hits(text: str, index: Index, allowed: set[Run]) -> Iterator[tuple[Run, int]]:
    """(run, number of its first word) for the runs of `text` that occur in a shared text and have a
    letter (a run of numbers, offsets or scores, is a fact), save allowed ones."""
    n, vocab, runs, heads = index.n, index.vocab, index.runs, index.heads
    found = words(text)
    ids = [vocab.get(w, -1) for w in found]
    # A run's first two words filter first (a word missing from the shared texts is -1, never a head).
    for i in [i for i, pair in enumerate(itertools.pairwise(ids)) if pair in heads]:
        run = tuple(ids[i : i + n])
        if len(run) < n or run not in runs or run in allowed:
            continue
        if not all(w.isdigit() for w in found[i : i + n]):
            yield run, i


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    length: int  # words in the stretch
    count: int  # shared texts holding its first run
    where: str  # the first shared text holding its first run
    text: str  # the stretch as it stands in the file (printed, never committed)

    @property
    def key(self) -> str:
        """`path:line:digest`, the allow-list's name for this finding: the digest of its words, so an
        allowed idiom stays allowed where it stands and a copy added on the same line does not."""
        return f"{self.path}:{self.line}:{site_digest(self.text)}"


def site_digest(stretch: str) -> str:
    return hashlib.sha1(" ".join(words(stretch)).encode("utf-8")).hexdigest()[:12]


def tracked(root: Path) -> list[str]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=root, check=True, capture_output=True).stdout
    return [p for p in out.decode().split("\0") if p]


def _texts(root: Path, skip: Iterable[Path]) -> Iterator[tuple[str, str]]:
    skipped = {p.resolve() for p in skip}
    for rel in tracked(root):
        path = root / rel
        if path.resolve() in skipped or not path.is_file():
            continue
        data = path.read_bytes()
        if b"\0" in data:
            continue
        try:
            yield rel, unescape(data.decode("utf-8"))
        except UnicodeDecodeError:
            continue


def scan(root: Path, index: Index, allow: Allow, skip: Iterable[Path] = ()) -> list[Finding]:
    """The findings of the files `git ls-files` lists under `root`, save `skip`."""
    return scan_texts(_texts(root, skip), index, allow)


def scan_texts(texts: Iterable[tuple[str, str]], index: Index, allow: Allow) -> list[Finding]:
    """The findings of (name, text) pairs, the texts with their escapes read (`unescape`)."""
    n = index.n
    allowed: set[Run] = set()
    for phrase in allow.phrases:
        ids = [index.vocab.get(w, -1) for w in phrase]
        allowed.update(tuple(ids[i : i + n]) for i in range(len(ids) - n + 1))
    per_file = [(rel, text, list(hits(text, index, allowed))) for rel, text in texts]
    seen = resolve(index, {run for _, _, found in per_file for run, _ in found}, allow.connectors)
    findings = []
    for rel, text, found in per_file:
        run_at = {i: run for run, i in found if not seen[run].name}
        firsts = sorted(run_at)
        if not firsts:
            continue
        # Offsets only now, for a file with a finding (a big data file of names never gets here).
        at = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        # A run written without a space is an id or a slug (a headline made a file name): a fact.
        firsts = [i for i in firsts if re.search(r"\s", text[at[i][0] : at[i + n - 1][1]])]
        newlines = [m.start() for m in re.finditer("\n", text)]
        while firsts:
            last = 0
            while last + 1 < len(firsts) and firsts[last + 1] <= firsts[last] + n:
                last += 1
            first, end = firsts[0], firsts[last] + n - 1
            s = seen[run_at[first]]
            line = bisect.bisect_left(newlines, at[first][0]) + 1
            stretch = " ".join(text[at[first][0] : at[end][1]].split())
            finding = Finding(rel, line, end - first + 1, s.count, s.where, stretch)
            if finding.key not in allow.sites:
                findings.append(finding)
            firsts = firsts[last + 1 :]
    return findings


def main(argv: list[str] | None = None) -> int:
    a = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    a.add_argument("--n", type=int, default=7, help="words in a run (default 7)")
    a.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared data folder")
    a.add_argument("--root", type=Path, default=ROOT, help="the repo to scan")
    a.add_argument("--allow", type=Path, default=ALLOW, help="the allow-list")
    args = a.parse_args(argv)
    if not (args.shared / "dev").is_dir():
        print(f"no shared dev folder at {args.shared / 'dev'}: nothing to check against", file=sys.stderr)
        return 2
    index = build_index(args.shared, args.n)
    findings = scan(args.root, index, read_allow(args.allow), skip=[args.allow])
    for f in findings:
        print(f"{f.key}: {f.length} words, in {f.count} shared text(s), first {f.where}: {f.text}")
    files = len({f.path for f in findings})
    print(f"{len(findings)} run(s) of {args.n}+ shared words in {files} file(s)", file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
