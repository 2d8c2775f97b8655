"""The regex grammar of time expressions: the pieces built from the lexicons (months, weekdays, units,
numbers ...) and the rules written with them, one (name, pattern) pair per kind of expression.

grammar.py compiles these rules and runs them over a text; each rule names the parts it matches, and
values.py, relative.py, counted.py, durations.py and anaphora.py, one function per rule name, give them
a TIMEX3 type and value. Split from grammar.py (thirteenth session of issue 18), unchanged.
"""

from __future__ import annotations

import functools
import re

from ...lexicons.timex import timex_rule_words
from .lexicon import alternation, holidays, phrases, time_words

B = r"(?<![\w$#@.-])"  # not inside a word, a number, an amount or a handle
E = r"(?!(?!â\s)\w)"  # "Tuesdayâ s": a mis-decoded apostrophe (UTF-8 read as Latin-1) ends the word


def _ci(words: object) -> str:
    return "(?i:" + alternation(words) + ")"


@functools.cache
def pieces() -> dict[str, str]:
    tw = time_words()
    months = []
    undotted = timex_rule_words().undotted_months
    for word in tw.of("month"):
        name = word.capitalize()
        months.append(re.escape(name) + (r"\.?" if len(word) <= 4 and word not in undotted else ""))
    months.sort(key=len, reverse=True)
    month = "(?:" + "|".join(months) + ")(?![A-Za-z])"
    weekday = "(?:" + "|".join(w.capitalize() for w in tw.of("weekday")) + ")(?![A-Za-z])"
    number_words = [w for w in tw.of("number") if " " not in w or w.startswith(("a ", "half"))]
    numword = _ci(number_words)
    tens = _ci([w for w, v in tw.of("number").items() if v.isdigit() and 20 <= int(v) <= 90])
    ones = _ci([w for w, v in tw.of("number").items() if v.isdigit() and 1 <= int(v) <= 9 and len(w) > 2])
    digits = r"\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:\s+\d/\d)?"
    num = rf"(?:{digits}|{tens}[\s-]{ones}|{numword})"
    num_tight = rf"(?:\d+(?:\.\d+)?|{tens}-{ones}|{_ci([w for w in number_words if ' ' not in w])})"
    unit = (
        r"(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|"
        r"centur(?:y|ies))"
    )
    unit_sg = r"(?i:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century)"
    unit_pl = r"(?i:seconds|minutes|hours|days|weeks|months|years|decades|centuries)"
    part = _ci(tw.of("part"))
    season = _ci(tw.of("season"))
    tz = "(?:" + "|".join(t.upper() if len(t) <= 4 else re.escape(t) for t in tw.of("tz")) + ")"
    ordinal = _ci(tw.of("ordinal"))
    holiday_names = sorted(holidays(), key=len, reverse=True)
    hol = "(?:" + "|".join(re.escape(h).replace("'", "['’]") for h in holiday_names) + ")"
    return {
        "MONTH": month,
        "WD": weekday,
        "NUM": num,
        "NUMT": num_tight,
        "UNIT": unit,
        "UNITSG": unit_sg,
        "UNITPL": unit_pl,
        "PART": part,
        "SEASON": season,
        "TZ": tz,
        "ORD": ordinal,
        "HOL": hol,
        "SET": _ci(tw.of("set")),
        "PHRASE": _ci(phrases()),
        "DAY": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?",
        "HALF": r"(?i:\s+and\s+a\s+half|-and-a-half)",  # "two and a half years"
        "COMMA": r"(?:\s?,)?\s+",  # after a weekday or day: ", " and tokenised " , " ("June 4 , 1989")
        # the day a clock time is on, as one expression with it: "10:30 this morning", "9 p.m. yesterday"
        "RELDAY": r"(?i:(?:today|tomorrow|yesterday)(?:\s+(?:morning|afternoon|evening|night))?|tonight|"
        r"this\s+(?:morning|afternoon|evening)|last\s+night)",
        "ONE": r"(?i:one|two|three|four|five|six|seven|eight|nine)",
        "TEEN": r"(?i:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)",
        "TENS": r"(?i:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)",
        "REL": r"(?i:this\s+past|this\s+coming|last|next|this|coming|past)",
        "MOD": r"(?i:early|late|mid)",
        "DIR": r"(?i:ago|from\s+now|hence|earlier|later|before|after)",
        "APPROX": r"(?i:almost|nearly|about|some|roughly|approximately|more\s+than|less\s+than|over|"
        r"at\s+least)",
        # a bound after a count of time, inside the expression: "a day or less", "six weeks or more"
        "BOUND": _ci(timex_rule_words().trailing_bounds),
        # an open bound written as a suffix of the count or the unit: "20-plus years", "a decade-plus"
        "PLUS": "-" + _ci(timex_rule_words().count_suffixes),
        "PRE": r"(?i:at\s+least|more\s+than|less\s+than|fewer\s+than|up\s+to|no\s+more\s+than|at\s+most)",
    }


# (rule name, pattern with {PIECE} placeholders). Order breaks ties between spans of equal length.
RULES: tuple[tuple[str, str], ...] = (
    (
        "date_mdy",
        r"(?:(?:(?P<wrel>{REL})\s+)?(?P<wd>{WD}){COMMA})?(?P<mon>{MONTH})\s+(?P<day>{DAY})(?!\d|:\d)(?:{COMMA}(?P<year>\d{{4}}))?(?!\d)"
        r"(?:\s+(?:of\s+)?(?P<yrel>(?i:this|last|next))\s+(?i:year))?",
    ),
    (
        "date_dmy",
        r"(?:(?P<wd>{WD}){COMMA}|(?P<day0>{DAY})\s*(?:-|–|\s(?i:and|or|to|through)\s)\s*)?(?P<day>{DAY})(?:\s+of)?\s+(?P<mon>{MONTH})(?:{COMMA}(?P<year>\d{{4}}))?(?!\d)"
        r"(?:\s+(?:of\s+)?(?P<yrel>(?i:this|last|next))\s+(?i:year))?",
    ),
    ("month_year", r"(?:(?P<mod>{MOD})[\s-]+)?(?P<mon>{MONTH}){COMMA}(?:of\s+)?(?P<year>\d{{4}})(?!\d)"),
    (
        "numeric",
        r"(?P<a>\d{{1,2}})(?P<sep>[/.])(?P<b>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}|(?<=/\d\d/)\d\d|(?<=/\d/)\d\d)(?![\d/]|\.\d)",
    ),
    ("iso", r"(?P<y>\d{{4}})-(?P<m>\d\d)-(?P<d>\d\d)(?![\d-])"),
    (
        "month",
        r"(?:(?P<rel>{REL})\s+|(?P<mod>{MOD}|(?i:end|start)(?=-))[\s-]+)?(?P<mon>{MONTH})(?!\.?\s+\d)"
        r"(?:\s+(?:of\s+)?(?P<yrel>(?i:this|last|next))\s+(?i:year))?",
    ),
    ("fiscal", r"(?i:fiscal(?:\s+year)?|FY)\s*(?P<fy>\d{{4}}|'?\d\d)(?!\d)"),
    (
        "year",
        r"(?:(?P<mod>(?i:mid))-|(?P<pre>(?i:post|pre))-)?(?P<year>1[6-9]\d\d|20\d\d)(?P<s>s|(?<=0)['’]s\b)?(?![\d%]|,\d|\.\d)",
    ),
    ("decade2", r"(?:['’](?P<dd>\d)0s|(?<![\w'’.,])(?P<dd2>[1-9])0['’]s\b)" + E),
    ("weekday", r"(?:(?P<rel>{REL})\s+|(?P<over>(?i:overnight))\s+)?(?P<wd>{WD})(?:\s+(?P<part>{PART}))?"),
    (
        "time_ampm",
        r"(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d\d))?\s*(?P<ap>(?i:a\.m\.?|p\.m\.?|am|pm))(?![\w])(?:\s+(?P<tz>{TZ}))?"
        r"(?:,?\s+(?:(?P<wd>{WD})|(?P<rd>{RELDAY})))?",
    ),
    (
        "time_24",
        r"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:])(?:\s+(?P<tz>{TZ}))?(?:,?\s+(?P<rd>{RELDAY}))?",
    ),
    ("time_word", r"(?:12\s+)?(?P<w>(?i:noon|midnight|midday))(?:,?\s+(?P<wd>{WD}))?"),
    (
        "time_inthe",
        # "7 in the evening"; "late in the evening", the part of the story's day (TimeML: TEV, mod END)
        r"(?:(?P<h>\d{{1,2}}|{NUMT})(?:\s+o'clock)?|(?P<mod>(?i:late|early)))\s+in\s+the\s+"
        r"(?P<part>(?i:morning|afternoon|evening|night))",
    ),
    (
        "time_oclock",
        r"(?P<h>\d{{1,2}}|{NUMT})\s+o['’]clock"
        r"(?:\s+(?P<part>(?i:this\s+(?:morning|afternoon|evening)|tonight)))?",
    ),
    (
        "deictic",
        r"(?:(?P<beside>(?i:the\s+day\s+(?:before|after)))\s+)?(?P<w>(?i:today|tonight|tomorrow|yesterday))"
        r"(?:\s+(?P<part>{PART}))?",
    ),
    ("this_part", r"(?P<rel>(?i:this|last))\s+(?P<part>{PART})"),
    (
        "relative",
        r"(?:(?P<mod>(?i:early|late|earlier|later|mid))[\s-]+)?(?P<the>(?i:the)\s+)?"
        r"(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|past|coming|previous|following|current))\s+"
        r"(?P<unit>(?i:week|month|year|quarter|decade|century))(?P<plus>{PLUS})?",
    ),
    (
        "within_unit",
        r"(?:(?P<mod>(?i:earlier|later))\s+in\s+the\s+|(?P<mid>(?i:mid))-)(?P<unit>(?i:day|week|month|year))(?![\w-])",
    ),
    ("weekend", r"(?P<rel>(?i:this\s+past|this\s+coming|the|this|last|next|past|coming))\s+(?i:weekend)"),
    (
        "ago",
        r"(?:(?P<pre>{APPROX})\s+)?(?P<num>{NUM})(?P<halfn>{HALF})?\s+(?:(?i:more|full|long)\s+)?(?P<unit>{UNIT})(?P<half>\s+and\s+a\s+half)?(?P<orso>\s+or\s+so)?\s+(?P<dir>{DIR})",
    ),
    ("ago_vague", r"(?P<unit>{UNITPL})\s+(?P<dir>(?i:ago))"),
    (
        "duration",
        r"(?:(?P<pre>{PRE})\s+)?(?:(?P<rel>(?i:past|last|next|coming|previous|first|final|following))\s+)?"
        r"(?P<num>{NUM})(?P<nplus>{PLUS})?(?P<halfn>{HALF})?\s+(?:(?i:more|additional|full|straight|consecutive|long)\s+)?"
        r"(?P<unit>{UNIT})(?P<plus>{PLUS})?"
        r"(?P<half>\s+and\s+a\s+half)?(?:\s+(?P<bound>{BOUND})(?![\w-]|\s+than\b))?",
    ),
    ("duration_adj", r"(?P<num>{NUMT})-(?P<unit>{UNITSG})(?:-(?P<long>(?i:long)))?(?!-)"),
    ("duration_long", r"(?P<unit>{UNIT})-(?P<long>(?i:long|old))"),
    ("duration_closed", r"(?P<unit>(?i:hour|day|week|month|year))(?P<long>long)"),
    (
        "duration_rel",
        r"(?P<rel>(?i:past|last|next|coming|previous|following))\s+(?P<unit>(?i:decade|century))",
    ),
    (
        "vague_plural",
        r"(?:(?P<rel>(?i:recent|coming|past|next|last|following|previous))\s+)?(?P<unit>{UNITPL})",
    ),
    (
        "set_every",
        r"(?P<q>(?i:every|each))\s+(?:(?P<other>(?i:other))\s+)?(?:(?P<num>{NUM})\s+)?"
        r"(?P<unit>{UNIT}|{WD}|{PART}|{SEASON})",
    ),
    (
        "set_freq",
        r"(?P<freq>(?i:once|twice|thrice|{NUMT}\s+times))\s+(?i:a|an|per|each|every)\s+(?P<unit>{UNITSG})",
    ),
    ("set_adverb", r"(?P<adv>{SET})"),
    ("set_per", r"(?P<per>(?i:a|an|per))\s+(?P<unit>(?i:hour|day|night|week|month|year))"),
    ("phrase", r"(?P<p>{PHRASE})"),
    (
        "season",
        r"(?:(?P<mod>{MOD})[\s-]+)?(?:(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|the))\s+)?"
        r"(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<year>\d{{4}})|\s+of\s+(?P<yrel>(?i:this|last|next))\s+(?i:year))?",
    ),
    (
        "quarter",
        r"(?:(?P<the>(?i:the))\s+)?(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))[\s-]+"
        r"(?P<unit>(?i:quarter|half))(?:\s+of\s+(?:(?P<year>\d{{4}})|(?P<rel>(?i:this|last|next|the))\s+(?i:year)))?",
    ),
    (
        # "the first week of March", "the last week of June 2021": a week counted inside a month
        "week_of_month",
        r"(?:(?P<the>(?i:the))\s+)?(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))\s+"
        r"(?i:week)\s+of\s+(?P<mon>{MONTH})(?:,?\s+(?P<year>\d{{4}})(?!\d))?",
    ),
    ("quarter_q", r"(?P<q>Q[1-4])(?:\s+(?P<year>\d{{4}}))?"),
    ("holiday", r"(?:(?P<rel>(?i:last|next|this))\s+)?(?P<hol>{HOL})"),
    ("century", r"(?:(?P<the>(?i:the))\s+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ORD})[\s-]+(?i:century)"),
    ("day_beside", r"(?i:the)\s+(?P<unit>(?i:day|night))\s+(?P<side>(?i:before|after))"),
    (
        "anchored",
        r"(?:(?P<mod>(?i:earlier|later|early|late))\s+)?(?P<det>(?i:that\s+same|that|the\s+same|the\s+next|"
        r"the\s+following|the\s+previous|the\s+preceding|the\s+prior))\s+(?P<unit>(?i:day|morning|afternoon|"
        r"evening|night|week|month|year))",
    ),
    (
        # business news' periods named by their unit alone: "the quarter", "the year-ago quarter",
        # "for the fiscal year", "in the month", "(the) full year (2019)", "full-year profit"; the unit is
        # lower case ("the French Quarter" is a place)
        "anaphoric",
        r"(?:(?P<the>(?i:the))\s+|(?=(?i:full)[\s-]year))(?:(?P<adj>(?i:year[\s-]ago|year[\s-]earlier|"
        r"prior[\s-]year|latest|current|same|comparable|just[\s-]ended|most\s+recent|full))(?:\s+|-))?(?P<unit>(?:[Ff]iscal\s+)?(?:quarter|period|year|month))"
        r"(?![\w-])(?:\s+(?P<yrel>(?i:last\s+year|a\s+year\s+(?:earlier|ago|before)))|\s+(?P<num>\d{{4}})(?!\d))?",
    ),
    ("year_end", r"(?:(?P<the>(?i:the))\s+)?(?P<ye>(?i:year[\s-]end|year['’]s\s+end))"),
    # "the decade" after a decade named just before it ("the 1990s ... the best album of the decade")
    ("decade_anaphoric", r"(?P<the>(?i:the))\s+(?i:decade)(?![\w-])"),
    # "year-earlier earnings", "year-ago sales": the adjective alone dates the noun (the noun is no period
    # unit, which "the year-ago quarter" above takes whole)
    ("year_ago_adj", r"(?P<adj>(?i:year-(?:ago|earlier)))(?=\s+[a-z])"),
    (
        # "nineteen eighty-four", "nineteen oh five", "two thousand and three"
        "spelled_year",
        r"(?:(?P<cent>(?i:sixteen|seventeen|eighteen|nineteen))[\s-]+(?P<rest>{TENS}(?:[\s-]+{ONE})?|{TEEN}|"
        r"(?i:hundred|(?:oh[\s-]+)?{ONE}))"
        r"|(?P<mil>(?i:two\s+thousand))(?:(?:\s+and)?\s+(?P<rest2>{TENS}(?:[\s-]+{ONE})?|{TEEN}|{ONE}))?)",
    ),
    (
        "end_of",
        r"(?P<the>(?i:the)\s+)?(?P<pos>(?i:end|beginning|start|middle|turn))\s+of\s+"
        r"(?:(?P<rel>(?i:the|this|next|last))\s+)(?P<unit>(?i:year|month|week|decade|century))",
    ),
)
