"""The agent dictionary: role nouns (`!MINIST!` sets expanded) with their sector and country codes."""

from __future__ import annotations

import re
from pathlib import Path

from .codes import CODE, COUNTRIES, ORG_KINDS, Warnings

AGENT_COLUMNS = ("noun", "sector", "sectors", "country", "org_kind", "code")


SUBSTITUTION = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")


def agent_rows(path: Path, warnings: Warnings) -> list[dict[str, str]]:
    sets: dict[str, list[str]] = {}
    rows: dict[str, dict[str, str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        m = SUBSTITUTION.match(text)
        if m:
            sets[m[1]] = [w.strip() for w in m[2].split(",") if w.strip()]
            continue
        codes = CODE.findall(text)
        if not codes:
            warnings.add(f"{path.name}:{number}", f"agent {text!r} has no code; skipped")
            continue
        head = text.split("[", 1)[0]
        plurals = re.findall(r"\{([^}]*)\}", head)
        head = re.sub(r"\{[^}]*\}", " ", head)
        # The file's own editing accident: "ADMINISTRATION" became "AD!MINIST!RATION" by a global replace.
        forms = [head.replace("AD!MINIST!RATION", "ADMINISTRATION"), *plurals]
        country_part, _, sector_part = codes[0].strip().partition("~")
        sectors = [sector_part[i : i + 3] for i in range(0, len(sector_part), 3)]
        for form in forms:
            for noun in expand(form, sets):
                noun = " ".join(noun.replace("_", " ").lower().split())
                if noun and noun not in rows:  # the first listing of a noun wins, as in PETRARCH
                    rows[noun] = {
                        "noun": noun,
                        "sector": sectors[0] if sectors else "",
                        "sectors": "|".join(sectors),
                        "country": country_part if country_part in COUNTRIES else "",
                        "org_kind": country_part if country_part in ORG_KINDS else "",
                        "code": codes[0].strip(),
                    }
    return [rows[k] for k in sorted(rows)]


def expand(form: str, sets: dict[str, list[str]]) -> list[str]:
    """`!MINIST! OF_DEFENCE` -> `MINISTER OF_DEFENCE`, `MINISTRY OF_DEFENCE`, ... (every member)."""
    m = re.search(r"![A-Z]+!", form)
    if not m:
        return [form.strip()]
    members = sets.get(m[0], [])
    out: list[str] = []
    for member in members:
        out.extend(expand(form[: m.start()] + member + form[m.end() :], sets))
    return out
