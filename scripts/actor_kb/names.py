"""Names as English news writes them, from Phoenix's capitals (`BASHAR_AL-ASSAD_` -> `Bashar al-Assad`), and
the words that tell an organisation or a role from a person."""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that make a name an organisation or a role rather than a person (the Phoenix files do not type).
ORG_WORDS = words(
    """ARMY FORCES FORCE FRONT PARTY MOVEMENT ORGANIZATION ORGANISATION COMMITTEE COUNCIL UNION BANK
    MINISTRY GOVERNMENT REGIME BRIGADE BRIGADES GROUP GROUPS LEAGUE ASSOCIATION FEDERATION COMMISSION
    AGENCY INSTITUTE FOUNDATION FUND CORPORATION CORP INC LTD COMPANY CO. SOCIETY ALLIANCE ASSEMBLY
    PARLIAMENT CONGRESS SENATE COURT POLICE NAVY GUARD GUARDS MILITIA MILITIAS CELL CELLS TRIBUNAL
    OFFICE DEPARTMENT BUREAU SERVICE SERVICES AUTHORITY CENTER CENTRE NETWORK ISLAMIC JIHAD BATTALION
    REPUBLIC STATE STATES KINGDOM UNIVERSITY SCHOOL CHURCH PROGRAMME PROGRAM ORGANIZATIONS TRUST
    NATIONS COALITION CABINET JUNTA TALIBAN AL-QAEDA HAMAS HEZBOLLAH COMMAND RIGHTS WATCH
    INTERNATIONAL CROSS CRESCENT MISSION SECRETARIAT TROOPS SOLDIERS REBELS OPPOSITION"""
)
ROLE_WORDS = words(
    """PRESIDENT MINISTER SECRETARY CHIEF AMBASSADOR SPOKESMAN SPOKESWOMAN SPOKESPERSON PREMIER CHAIRMAN
    ENVOY GOVERNOR OFFICIAL OFFICIALS LEADER LEADERS HEAD COMMANDER DIRECTOR PRIME"""
)
LOWER_PARTICLES = words(
    "al el bin ibn bint de da do dos das del della di du la le van von der den ter y of the and for on in "
    "ud ul ad ar as at ash az an wa"
)
# Phoenix writes everything in capitals, so an acronym is told by its dots (U.N.), its brackets ((AAIA)),
# having no vowel (BBC), or this list of ones that read as words.
ACRONYMS = words(
    """UN USA US UK EU NATO OPEC IMF WHO IAEA ICC AU OAS ASEAN OSCE UNHCR UNICEF UNESCO WTO ISIS ISIL AQAP
    AQIM PKK PLO FARC ELN ETA IRA HTS SDF YPG RSF SPLA SPLM ANC MDC FIFA IOC ICRC MSF OECD ECOWAS SADC IGAD
    GCC CIA FBI KGB FSB NSA MI5 MI6 BBC CNN NGO IDF UNRWA UNDP UNEP FAO IFAD ILO WFP UNAMA MONUC MONUSCO
    UNIFIL AMISOM UNMISS MINUSMA NAFTA APEC OIC ADB AFDB EBRD BIS NPT ABC CBS NBC AFP TASS ZANU PF PPP
    PML BJP AKP CHP MHP HDP SPD CDU CSU FDP AFD PSOE PP UMP PS LDP DPJ KMT DPP PRI PAN PRD PT PSDB
    MAS"""
)


def human_name(raw: str, *, keep_acronyms: bool) -> str:
    """`BASHAR_AL-ASSAD_` -> `Bashar al-Assad`; `U.N._` -> `U.N.` for organisations (acronyms stay)."""
    words = [w for w in raw.strip().strip("_").replace("_", " ").split() if w]
    out: list[str] = []
    for i, word in enumerate(words):
        lowered = word.lower()
        bare = word.strip("().,")
        if (bare in ACRONYMS or re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?\.?", word)) or (
            keep_acronyms and (word.startswith("(") or (bare.isalpha() and not set(bare) & set("AEIOUY")))
        ):
            out.append(word)
            continue
        parts = [_cap(p) for p in word.split("-")]
        # Arabic and Romance particles stay lower inside a name ("al-Assad", "da Silva"), not at its start.
        for j, part in enumerate(parts):
            if (i > 0 or j > 0) and part.lower() in LOWER_PARTICLES and not (j == len(parts) - 1 and j > 0):
                parts[j] = part.lower()
        if i > 0 and lowered in LOWER_PARTICLES:
            out.append(lowered)
        else:
            out.append("-".join(parts))
    # "Bashar al Assad" is written "Bashar al-Assad" in English news: the article joins the name it precedes.
    joined: list[str] = []
    for i, word in enumerate(out):
        if i > 0 and joined and joined[-1] in ("al", "el") and len(joined) > 1:
            joined[-1] = f"{joined[-1]}-{word}"
        else:
            joined.append(word)
    return " ".join(joined)


def _cap(part: str) -> str:
    if not part:
        return part
    low = part.lower()
    if low.startswith("mc") and len(low) > 2:
        return "Mc" + low[2:].capitalize()
    if len(low) > 2 and low[1] == "'":  # O'Brien, D'Alema
        return low[0].upper() + "'" + low[2:].capitalize()
    return low[0].upper() + low[1:] if low[0].isalpha() else low[:1] + low[1:].capitalize()


def slug(raw: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "_", raw.upper()).strip("_")
