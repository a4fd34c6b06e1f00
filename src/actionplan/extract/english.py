"""Quantitative targets of English strategy text, one sentence at a time.

The same conventions as the Chinese reader, in English words. A figure with
a unit ("25 electric heat pumps", "50 per cent", "£2 billion", "500 MW") is a
target when its sentence commits to something — a deadline ("by 2030", "by
the end of 2025", "from 2020 to 2030"), a modal or commitment word (will,
shall, aim, target, ensure, minimum…) or an action verb (reduce, install,
build…) — and is not a past fact ("was", "has risen", "since 2010").

Not targets: years, labels ("Level 2", "Phase 3", "Section 6"), dates
("April 1"), durations that scope an action ("within 120 days"), thresholds
that scope an action ("projects above $10 million") and footnote numbers.

The year of a figure is the first deadline after it (before the next
figure), else the last one before it: "10 per cent … by 2025 and 30 per cent
by 2030" gives 2025 and 2030.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Final

from actionplan.extract.context import FoundTarget, SentenceContext, SentenceReading
from actionplan.extract.draft import Comparator, TargetKind
from actionplan.extract.numbers import ARABIC_PATTERN, parse_number
from actionplan.extract.units import CURRENCIES, ENGLISH_MAGNITUDES
from actionplan.extract.years import YearMention, find_years

_QUANTITY_RE: Final = re.compile(
    # Every quantity starts with a digit or a currency: the lookahead lets the
    # scan skip the other characters at once.
    r"(?=[\d£$€UGECA])"
    r"(?P<currency>US\$|£|\$|€|(?:USD|GBP|EUR|CAD|AUD) ?)?"
    rf"(?<![\w.#&/-])(?<!\d,)(?P<number>{ARABIC_PATTERN})"
    # "20/100,000 persons": a rate, the denominator and its population its unit.
    r"(?:(?P<per>/(?:\d{1,3}(?:,\d{3})+|\d+)(?: (?:persons|people|population|residents|"
    r"inhabitants|births|live births|households|vehicles))?)(?![\d/])|(?![\d/]|\.\d))"
    r"(?: ?(?P<magnitude>thousand|million|billion|trillion|bn|mn|m|k|tn)\b)?"
    r"(?P<percent> ?%| ?per ?cent\b| ?percent\b)?"
    r"(?P<points> percentage points?\b| pp\b)?"
)
_QUALIFIERS_RE: Final = re.compile(
    r"(?: +(?:new|additional|extra|more|net|further))+(?= )", re.IGNORECASE
)
_NOUN_LIST_RE: Final = re.compile(
    r" +(?P<list>[A-Za-z][\w-]*(?:, [A-Za-z][\w-]*(?: (?!(?:and|or|in|of|for|to|with|by)\b)"
    r"[A-Za-z][\w-]*)?)+,? (?:and|or) [A-Za-z][\w-]*"
    r"(?: (?!(?:and|or|in|of|for|to|with|by|on|at|from|across)\b)[A-Za-z][\w-]*)?)"
)
_YEAR_NUMBER_RE: Final = re.compile(r"(?:19[5-9]\d|20\d\d)")
_WORD_RE: Final = re.compile(r" +([A-Za-z][A-Za-z'’-]*)")
_WORD_AFTER_CONJUNCTION_RE: Final = re.compile(
    r" +(?!(?:the|a|an|by|to|in|of)\b)[a-z][a-z-]+ +[a-z]"
)
_FORWARD_RE: Final = re.compile(
    # The lookahead holds the first letters of the words: the scan skips the rest.
    r"(?=[abcdeghilmoprstw])"
    r"\b(?:will|shall|must|aim|aims|aiming|target|targets|targeted|ambition|commit|commits|"
    r"committed|plan to|plans to|goal|seek to|strive|minimum|required|requirement|ensure|"
    r"achieve|deliver|reduce|increase|cut|install|build|create|construct|plant|provide|"
    r"retrofit|double|halve|raise|lower|grow|boost|improve|expand|reach|add|open|establish|"
    r"develop|complete|release|train|hire|recruit|support|meet|at least|"
    # "The plan proposes the rollout of around 75 new chargepoint sockets each year"
    r"propose|rollout|roll out)(?:s|ing)?\b",
    re.IGNORECASE,
)
# A milestone bullet: "Building 1.5 million homes…", "Ending hospital backlogs…".
_GERUND_START_RE: Final = re.compile(r"\W*[A-Z][a-z]+ing\b")
_PAST_RE: Final = re.compile(
    r"\b(?:was|were|has been|have been|had|last year|since|previously|in the past|"
    r"has risen|has fallen|has grown|rose|fell|grew|increased from|decreased from|"
    r"(?:has|have) \w+ed)\b"
    # A report of what was done: "Supported 2,000 tenants…", "Brought 312 homes…".
    r"|\A\W*(?:[A-Z][a-z]+ed|Brought|Built|Made|Won|Gave|Took|Spent|Saw|Met|Grew|Fell|Rose|"
    r"Set|Paid|Sold|Held|Led|Ran|Began|Kept)\b"
    # "The council aimed to deliver over 1000 homes", "It delivered over 1150 homes":
    # a subject and a verb in the past tense.
    r"|\b(?:we|it|they|the (?:council|city|county|state|department|government|agency|"
    r"authority|programme|program|scheme|project|plan|partnership))\s+"
    r"(?:[a-z]{3,}ed|built|met|won|spent|made|grew|rose|fell|saw|gave|took)\b",
    re.IGNORECASE,
)
_ASPIRATION_RE: Final = re.compile(
    r"\b(?:aim|aims|aiming|aspire|aspires|aspiration|ambition|ambitious|strive|strives|"
    r"endeavour|endeavor|work towards|hope|hopes)\b",
    re.IGNORECASE,
)
# Words that end the noun phrase that names a counted unit.
_STOP_WORDS: Final = frozenset(
    {"with", "by", "in", "of", "for", "to", "from", "at", "on", "across", "over", "under"}
    | {"per", "within", "through", "into", "including", "such", "that", "which", "who"}
    | {"and", "or", "than", "as", "each", "every", "a", "an", "the", "are", "is", "be"}
    | {"will", "were", "was", "have", "has", "this", "these", "those", "their", "our"}
    | {"its", "between", "among", "around", "about", "before", "after", "during", "until"}
    | {"annually", "yearly", "per", "so", "while", "where", "when", "if", "but"}
    | {"no", "not", "being", "total"}
)
# Words after a number that show it is not a count of something.
_NON_UNITS: Final = (
    frozenset(
        {"years", "year", "times", "x", "st", "nd", "rd", "th", "january", "february"}
        | {"march", "april", "may", "june", "july", "august", "september", "october"}
        | {"november", "december", "page", "pages", "am", "pm", "percent", "per"}
    )
    | _STOP_WORDS
)
_INCREMENT_QUALIFIERS: Final = frozenset({"new", "additional", "extra", "more", "net", "further"})
_MEASURE_UNITS: Final = frozenset(
    {"mw", "gw", "kw", "mwh", "gwh", "twh", "kwh", "km", "kilometres", "kilometers", "miles"}
    | {"hectares", "ha", "tonnes", "tons", "t", "kt", "mt", "acres", "metres", "meters", "kg"}
    | {"litres", "liters", "mph", "hours", "minutes", "days", "weeks", "months"}
    | {"gigawatts", "megawatts", "kilowatts"}
)
# A unit glued to its number: "4,400MW", "9,000MW".
# "203.64kg per person": a measured unit with its denominator.
_GLUED_UNIT_RE: Final = re.compile(
    r"(?:MWh|GWh|TWh|kWh|MW|GW|kW|kg|km)\b"
    r"(?: per (?:person|household|capita|head|resident|day|week|year))?"
)
# An abbreviation in brackets after a unit: "9 gigawatts (GW) of …".
_ABBREVIATION_RE: Final = re.compile(r" ?\([A-Za-z]{1,6}\)")
_TIME_UNITS: Final = frozenset({"hours", "minutes", "days", "weeks", "months", "years"})
# Labels and dates: the number names something.
_LABEL_BEFORE_RE: Final = re.compile(
    r"\b(?:Level|Phase|Tier|Stage|Grade|Goal|Objective|Priority|Section|Article|Chapter|Part|"
    r"Step|Category|Class|Type|Scope|Zone|Band|Year|No|Number|Appendix|Annex|Table|Figure|"
    r"Action|Target|Outcome|Route|Highway|Version|COVID|SDG|Option|Policy|Rule|Clause|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\.? ?\Z"
)
_DURATION_BEFORE_RE: Final = re.compile(
    r"\b(?:within|for|after|in the next|over the next|up to|in|no longer than|longer than|"
    r"less than|more than|under|over|at least|the last|the past|the next)\s*\Z",
    re.IGNORECASE,
)
_THRESHOLD_BEFORE_RE: Final = re.compile(
    r"\b(?:projects?|investments?|contracts?|developments?|schemes?|grants?|purchases?|"
    r"applications?|buildings?|loans?|spending|procurements?)\s+(?:that\s+(?:are|cost)\s+)?"
    r"(?:above|over|exceeding|greater than|more than|worth|valued at|costing|of)\s*\Z",
    re.IGNORECASE,
)
_GE_RE: Final = re.compile(
    r"\b(?:at least|more than|over|above|exceed(?:ing)?|in excess of|minimum of|upwards of|"
    r"a minimum|no less than|not less than|no fewer than)\s*\Z",
    re.IGNORECASE,
)
_REACH_RE: Final = re.compile(r"\b(?:reach(?:es|ing)?|rise to|increase to)\b", re.IGNORECASE)
_LE_RE: Final = re.compile(
    r"\b(?:no more than|not more than|less than|fewer than|below|under|up to|maximum of|"
    r"a maximum|at most|not exceed(?:ing)?)\s*\Z",
    re.IGNORECASE,
)
_APPROX_RE: Final = re.compile(
    r"\b(?:about|around|approximately|roughly|circa|c\.|some|nearly)\s*\Z", re.IGNORECASE
)
_FALL_VERB_BY_RE: Final = re.compile(
    r"\b(?:reduc\w*|cut\w*|lower\w*|decreas\w*|fall\w*|drop\w*|declin\w*)\s+(?:the\s+|our\s+|its\s+)?"
    r"(?P<subject>[^,;:]*?)\s*\bby\s*\Z",
    re.IGNORECASE,
)
# "increase by 50 percent the number of X": the change before its object.
_CHANGE_BY_BEFORE_OBJECT_RE: Final = re.compile(
    r"\b(?P<verb>increas\w*|rais\w*|grow\w*|boost\w*|improv\w*|expand\w*|reduc\w*|cut\w*|"
    r"lower\w*|decreas\w*)\s+by\s*\Z",
    re.IGNORECASE,
)
_OBJECT_AFTER_FIGURE_RE: Final = re.compile(
    r"\s+(?:the|our|its|their)\s+(?P<what>[A-Za-z][^,;:.()]*?)"
    r"(?=\s+(?:within|by|in|across|for|at|through|on|to|from|over|under|among|before)\s|"
    r"[,;:.()]|\s*\Z)",
    re.IGNORECASE,
)
# "increasing A to 96% … and the B to 100%": B shares A's verb.
_AND_SUBJECT_TO_RE: Final = re.compile(
    r"\band\s+(?:the\s+|our\s+|its\s+|a\s+)?(?P<subject>[A-Za-z][^,;:]*?)\s+to\s+"
    r"(?:at least\s+|more than\s+|over\s+|about\s+|around\s+|below\s+|under\s+)?\Z",
    re.IGNORECASE,
)
_VERB_TO_FIGURE_RE: Final = re.compile(
    r"\b(?P<verb>increas|rais|grow|boost|improv|expand|reduc|cut|lower|decreas|bring)\w*\s+"
    r"[^,;:]*?\bto\s+(?:at least\s+|more than\s+|about\s+)?\d",
    re.IGNORECASE,
)
# A row of a tracking table: the goal's figure, then bare cells of other
# columns (baseline, progress): "Increase high-impact equity projects 50% 1 0%".
# A figure after "from" without a "to" figure (those are read as changes):
# the starting point or the scope of an action, not a target.
_FROM_BEFORE_RE: Final = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:current\s+|present\s+)?"
    r"(?:approximately\s+|about\s+|around\s+|roughly\s+|nearly\s+|some\s+)?\Z",
    re.IGNORECASE,
)
# "the current figure of approximately 20,000 smokers": the present state, a
# starting point, not a target (not "raise the current capacity to …").
_CURRENT_BEFORE_RE: Final = re.compile(
    r"\b(?:current|currently|present)\b(?:(?!\bto\b|\bby\b)[\w ]){0,40}\Z", re.IGNORECASE
)
_TRAILING_CELLS_RE: Final = re.compile(r"(?:\s+\d[\d,.]*%?)+\s*\Z")
_LETTER_RE: Final = re.compile(r"[A-Za-z]")
_CELL_RE: Final = re.compile(r"\d[\d,.]*%?")
_RISE_VERB_BY_RE: Final = re.compile(
    r"\b(?:increas\w*|rais\w*|grow\w*|boost\w*|improv\w*|expand\w*|ris\w*)\s+"
    r"(?:the\s+|our\s+|its\s+)?(?P<subject>[^,;:]*?)\s*\bby\s*\Z",
    re.IGNORECASE,
)
_VERB_TO_RE: Final = re.compile(
    r"\b(?:increas\w*|rais\w*|grow\w*|boost\w*|improv\w*|expand\w*|reduc\w*|cut\w*|lower\w*|"
    r"doubl\w*|tripl\w*|halv\w*|"
    r"decreas\w*|bring\w*|get\w*|tak\w*)\s+(?:the\s+|our\s+|its\s+)?"
    r"(?P<subject>[^,;:]*?)\s+to\s+(?:at least\s+|more than\s+|over\s+|about\s+|around\s+|"
    r"below\s+|under\s+|no more than\s+)?\Z",
    re.IGNORECASE,
)
_SUBJECT_IS_RE: Final = re.compile(
    r"(?P<subject>[A-Za-z][^,;:]*?)\s+(?:will be|should be|must be|are|is|be|make up|"
    r"makes up|account for|accounts for|represent|represents|reach|reaches|will reach|"
    r"of|at|stands at|totals|total)\s+(?:at least\s+|more than\s+|over\s+|about\s+|"
    r"around\s+|approximately\s+|no more than\s+|below\s+|under\s+|a minimum of\s+)?\Z",
    re.IGNORECASE,
)
_CHANGE_AFTER_RE: Final = re.compile(
    r" ?(?P<word>reduction|cut|decrease|drop|fall|decline|less|lower|fewer|increase|rise|"
    r"growth|more|improvement)\b(?: in| of)? ?(?:the |our |its )?",
    re.IGNORECASE,
)
_BELOW_LEVELS_RE: Final = re.compile(
    r" ?(?P<side>below|under|lower than|less than|above|over)\s+(?:the\s+)?"
    r"(?:(?:19|20)\d\d|baseline|base year|current)",
    re.IGNORECASE,
)
_VERB_OBJECT_RE: Final = re.compile(
    r"\b(?:reduc\w*|cut\w*|lower\w*|decreas\w*|bring\w*|increas\w*|rais\w*)\s+"
    r"(?:the\s+|our\s+|its\s+)?(?P<subject>[A-Za-z][^,;:]*?)\s*\Z",
    re.IGNORECASE,
)
_FALL_STEM_RE: Final = re.compile(r"(?:reduc|cut|lower|decreas|halv)", re.IGNORECASE)
# A phrase that gives the reference of a change, not what changes.
_REFERENCE_PHRASE_RE: Final = re.compile(
    r"(?:from|by|per|compared|relative|below|above|over|against|on|since|between|"
    r"in (?:19|20)\d\d|each|every|a year|annually)\b",
    re.IGNORECASE,
)
_RATE_NOUN_RE: Final = re.compile(
    r"\b(?:rate|ratio|level|intensity|efficiency|index|score|coverage|cover)\b", re.IGNORECASE
)
_CHANGE_VERB_BARE_RE: Final = re.compile(
    r"(?:\A(?:\d{1,2}/\d{1,2}/\d{4}\s+)?|[.;:]\s*|\b(?:will|shall|must|to|and|by)\s+)\W*"
    r"(?P<verb>reduc(?:e|ing)|cut(?:ting)?|lower(?:ing)?|decreas(?:e|ing)|increas(?:e|ing)|"
    r"rais(?:e|ing)|grow(?:ing)?|boost(?:ing)?)\s+"
    r"(?:the\s+|our\s+|its\s+)?(?P<subject>[A-Za-z][^,;:]*?)"
    r"(?<!\bto)(?<!\bby)(?<!\bof)(?<!\bat)(?<!\bfrom)(?<!\bfor)(?<!\bwith)\s*\Z",
    re.IGNORECASE,
)
# Nothing after the figure but the end of its clause or a deadline.
_DIGIT_RE: Final = re.compile(r"\d")
_NEXT_FIGURE_RE: Final = re.compile(r"\s+(?:and|or)\s+(?=\d)")
# A consequence or a forecast, not a commitment: "which would result in an
# annual GHG reduction of 82,806 MT", "is projected to fall 36% by 2030".
_PROJECTION_RE: Final = re.compile(
    r"\b(?:would|could|might) (?:result in|lead to|mean|save|avoid)\b|\b(?:projected|forecast|"
    r"expected|predicted|estimated) to\b",
    re.IGNORECASE,
)
_CLAUSE_END_RE: Final = re.compile(
    r"\s*(?:(?:from|below|compared (?:to|with)|relative to) (?:the )?(?:19|20)\d\d"
    r"(?: levels?| baseline)?)?"
    r"\s*(?:by (?:the end of )?(?:19|20)\d\d)?\s*(?:[.;,(]|\Z|and\s+(?:[a-z]+\b|\d))",
    re.IGNORECASE,
)
# A sum of money that a verb spends or grants: the size of a measure, not a
# target ("invest $2 billion in transit"); "mobilise $X of private finance" is.
_SPEND_BEFORE_RE: Final = re.compile(
    r"\b(?:invest|spend|allocat|fund|grant|award|budget|provid|earmark|dedicat)\w*(?:\s+of)?"
    r"(?:\s+(?:a\s+)?(?:total\s+of|further|additional|an\s+additional|over|more\s+than|"
    r"up\s+to|about|around|nearly))*\s*\Z",
    re.IGNORECASE,
)
_FALL_WORDS: Final = frozenset({"reduction", "cut", "decrease", "drop", "fall", "decline"})
_FALL_WORDS_AFTER: Final = frozenset({"less", "lower", "fewer"})
_NOUN_AFTER_RE: Final = re.compile(
    r" (?!(?:by|in|to|of|for|from|on|at|and|or|the|a|an|than|per|each|every|over|under|"
    r"within|between|below|above|less|more|reduction|increase|cut|decrease|growth|rise|"
    r"fall|drop|decline|improvement|is|are|was|were|will|would|should|must|can)\b)([a-z][\w-]*)"
)
_OF_AFTER_RE: Final = re.compile(r" ?of (?:the |our |its |all |their )?")
_PHRASE_END_RE: Final = re.compile(
    r"\s+(?:each year|every year|per year|a year|annually|by (?:the end of )?(?:19|20)\d\d|"
    r"no later than|not later than|by (?:the end of )?(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December|FY|fiscal)\b|"
    r"(?:is|are|will|would|should|must|can) |- |"
    r"from (?:19|20)\d\d|in (?:19|20)\d\d|beginning|starting|compared|relative|while|when|"
    r"through|as part of|in order|to (?:reduce|increase|support|ensure|help|make|meet)\b)"
    r"|[,;:.()]",
    re.IGNORECASE,
)
_LEAD_RE: Final = re.compile(
    r"\A(?:(?:although|while|whereas|if|as|because|since|so|but|and|that|to|ensure|ensuring|"
    r"achieve|achieving|reach|reaching|deliver|maintain|have|see|hit|meet|"
    r"the|our|its|their|all|a|an|we|will|shall|by \d{4})\s+)+",
    re.IGNORECASE,
)
_CREATION_BEFORE_RE: Final = re.compile(
    r"\b(?:install|build|create|construct|plant|add|deliver|open|establish|develop|provide|convert|"
    r"retrofit|train|hire|recruit|test|deploy|fund|complete)\w*\b[^,;.]{0,20}\Z",
    re.IGNORECASE,
)
_AIM_FOR_RE: Final = re.compile(r"\b(?:aiming for|aim for|aims for|target of|goal of)\s*\Z", re.I)
_OBJECT_AFTER_RE: Final = re.compile(r" (?P<preposition>in|on|for|into|from|of) ")
_LAST_WORD_RE: Final = re.compile(r"([A-Za-z]+)\s*\Z")
# A prevalence ("smoking prevalence", "smoking among adults") is the share of a
# population.
_SHARE_RE: Final = re.compile(
    r"\b(?:share|proportion|percentage|prevalence|among)\b", re.IGNORECASE
)
# Nouns that count the plan's own parts, not what it sets out to achieve.
_OWN_ITEM_NOUNS: Final = frozenset(
    {"principles", "priorities", "goals", "actions", "themes", "areas", "pillars"}
    | {"objectives", "commitments", "outcomes", "missions", "strategies", "workstreams"}
    | {"recommendations", "steps", "phases", "sections", "chapters", "targets", "milestones"}
    | {"ambitions", "aims", "chapters", "parts", "elements", "key", "principle", "priority"}
)
_PER_RE: Final = re.compile(r"(?: +per +(?:person|capita|household|resident|day|year|head|km))+")
_PLURAL_NOUN_AFTER_RE: Final = re.compile(
    r" +(?!(?:is|was|has|this|its|as|us|less|across|plus|various|previous)\b)[a-z][a-z-]{2,}s\b"
)
_NUMBER_OF_TO_RE: Final = re.compile(
    r"\bnumber of (?P<what>[A-Za-z][A-Za-z -]*?)\s+to\s+(?:at least\s+|more than\s+|over\s+)?\Z",
    re.IGNORECASE,
)
# "Recycling rates will rise from 38% in 2020 to 55% by 2030": a change from a
# starting figure to the target figure.
_FROM_TO_BETWEEN_RE: Final = re.compile(
    r"\s*(?:(?:in|as of|at the end of)\s+(?P<year>(?:19|20)\d\d)(?:/\d\d)?\s*)?,?\s*to\s+"
    r"(?:about\s+|around\s+|at least\s+|more than\s+|over\s+|below\s+|under\s+)?\Z",
    re.IGNORECASE,
)
_FROM_SUBJECT_RE: Final = re.compile(
    r"(?:(?P<subject>[A-Za-z][^,;:]*?)\s+(?:will\s+|would\s+|should\s+|must\s+|to\s+)?(?:be\s+)?"
    r"(?P<verb>ris\w*|increas\w*|grow\w*|improv\w*|go\w*|climb\w*|fall\w*|drop\w*|"
    r"decreas\w*|reduc\w*|cut|lower\w*|declin\w*|mov\w*|rais\w*)"
    r"|(?P<verb2>increase|raise|grow|boost|improve|reduce|cut|lower|decrease|bring)\s+"
    r"(?:the\s+|our\s+|its\s+)?(?P<subject2>[A-Za-z][^,;:]*?))\s+from\s*\Z",
    re.IGNORECASE,
)
_REFERENCE_ONLY_RE: Final = re.compile(r"(?:the\s+)?(?:base\s+year|current|baseline)", re.I)
# "30% by 2010 and 80% by 2050 below 2004 GHG baseline": the subject named in
# the reference of the fall at the end of the row.
_BELOW_SUBJECT_RE: Final = re.compile(
    r"\bbelow\s+(?:the\s+)?(?:(?:19|20)\d\d\s+)?(?P<subject>[A-Za-z][\w -]*?)\s+"
    r"(?:baseline|levels?)\b",
    re.IGNORECASE,
)
_CURRENCY_UNITS: Final = frozenset(CURRENCIES.values())
_MINIMUM_RE: Final = re.compile(r"\bminimum\b", re.IGNORECASE)
_ROW_WORDS: Final = 10  # a row of a table of targets is short


@dataclass(frozen=True, slots=True)
class _Figure:
    start: int
    end: int
    value: float
    unit: str
    counted: bool  # a count of things named by the unit ("25 electric heat pumps")
    qualifiers: tuple[str, ...]
    unit_end: int = 0  # after a measured unit ("500 MW"), where its object may follow


def read_english_sentence(text: str, context: SentenceContext) -> SentenceReading:
    reading = SentenceReading()
    start, end = context.start, context.end
    sentence = text[start:end]
    years = find_years(text, start, end)
    deadlines = [m for m in years if _is_deadline(text, m, context)]
    forward = (
        bool(deadlines)
        or context.carried_year is not None
        or context.in_goals
        or bool(_FORWARD_RE.search(sentence))
    )
    forward = forward or bool(_GERUND_START_RE.match(sentence))
    # "Reduced community GHG emissions in 2014 7.5%": "in YEAR" dates a past
    # fact; only a deadline proper ("by 2030") keeps such a sentence forward.
    firm = [m for m in deadlines if m.role != "bare"]
    if not forward or (not firm and _PAST_RE.search(sentence)):
        return reading
    if not deadlines and _opens_with_past_year(text, years, context):
        return reading  # "In 2018–19, Australia generated 2.94 tonnes…"
    if context.background and not deadlines:
        return reading  # a review of progress: only a figure with its own deadline counts
    year_starts = [m.year_start for m in years]
    figures = [
        figure
        for match in _QUANTITY_RE.finditer(text, start, end)
        if not _inside_year(match.start("number"), years, year_starts)
        for figure in [_figure(text, match, start, end)]
        if figure is not None
    ]
    cells = _TRAILING_CELLS_RE.search(text, start, end)
    in_cells = [f for f in figures if cells and f.start >= cells.start()] if cells else []
    if (
        in_cells
        and len(_CELL_RE.findall(text, in_cells[0].start, end)) >= 3
        and _LETTER_RE.search(text, start, in_cells[0].start)
    ):
        # "Increase high-impact equity projects 50% 1 0%": the goal's figure, then
        # the baseline and progress cells of the row.
        figures = [f for f in figures if f.start <= in_cells[0].start]
        end = in_cells[0].end
    deadline_starts = [m.start for m in deadlines]
    aspirational = bool(_ASPIRATION_RE.search(sentence))
    subject = ""
    subject_kind: TargetKind = "level"
    subject_unit = ""
    subject_fall = False
    changes = _changes_from_to(text, figures, start, context)
    for index, figure in enumerate(figures):
        previous_end = figures[index - 1].end if index > 0 else start
        next_start = figures[index + 1].start if index + 1 < len(figures) else end
        left = text[max(previous_end, figure.start - 120) : figure.start]
        change = changes.get(index)
        if change is not None and change.baseline_of is not None:
            continue  # the starting figure of "from X to Y"
        if _PROJECTION_RE.search(left):
            continue  # "which would result in …", "is projected to fall …": a forecast
        if _FROM_BEFORE_RE.search(left) or _CURRENT_BEFORE_RE.search(left):
            continue  # "reduce … emissions from approximately 4,500 vehicles": a start

        if figure.unit in _CURRENCY_UNITS and _SPEND_BEFORE_RE.search(left):
            continue  # "will invest $2 billion in public transit": a measure
        indicator, value, kind, comparator = _read_figure(text, figure, left, end, start)
        baseline: tuple[float, int | None] | None = None
        if change is not None:
            indicator, comparator = change.subject, change.comparator
            share = _SHARE_RE.search(indicator) or _OF_AFTER_RE.match(text, figure.end, end)
            kind = "share" if share and figure.unit == "%" else "level"
            baseline = (change.baseline_value, change.baseline_year)
        if not indicator:
            # "at least 20% of all new vehicles by 2026 and at least 60% by 2030":
            # the second figure takes the first one's indicator, and its kind
            # (a fall stays a fall: "30% by 2010 and 80% by 2050 below …").
            indicator = subject
            if figure.unit == subject_unit and kind == "level":
                kind = subject_kind
                if subject_fall:
                    value = -abs(value)
        below = _BELOW_SUBJECT_RE.search(text, figure.end, end) if not indicator else None
        if (
            below
            and figure.unit == "%"
            and not _REFERENCE_ONLY_RE.fullmatch(below.group("subject"))
        ):
            # "30% by 2010 and 80% by 2050 below 2004 GHG baseline": a fall of the
            # subject that the reference names, for each figure before it.
            indicator, value, kind = below.group("subject"), -abs(value), "growth_rate"
        if not indicator and figure.unit == "%" and len(sentence.split()) <= _ROW_WORDS:
            # A row of a table of targets ("60% reduction from 2010 levels by
            # 2020" under "Carbon neutral operations"): the row label's subject.
            indicator = context.label
        if not indicator:
            continue
        subject, subject_kind, subject_unit = indicator, kind, figure.unit
        subject_fall = kind == "growth_rate" and value < 0
        year = _year_for(figure, deadlines, deadline_starts, next_start)
        reading.targets.append(
            FoundTarget(
                indicator=indicator,
                value=value,
                unit=figure.unit,
                year=year or context.carried_year or context.default_year,
                comparator=comparator,
                aspirational=aspirational,
                kind=kind,
                baseline_value=baseline[0] if baseline else None,
                baseline_year=baseline[1] if baseline else None,
                sentence_start=start,
                sentence_end=end,
                node=context.node,
                quantity_start=figure.start,
                quantity_end=figure.end,
            )
        )
    return reading


@dataclass(frozen=True, slots=True)
class _Change:
    """One figure of "X will rise from A (in YEAR) to B": A's entry says whose
    baseline it is; B's carries the subject, comparator and baseline."""

    baseline_of: int | None = None
    subject: str = ""
    comparator: Comparator = "="
    baseline_value: float = 0.0
    baseline_year: int | None = None


def _changes_from_to(
    text: str, figures: list[_Figure], start: int, context: SentenceContext
) -> dict[int, _Change]:
    changes: dict[int, _Change] = {}
    for index in range(len(figures) - 1):
        first, second = figures[index], figures[index + 1]
        if first.unit != second.unit:
            continue
        between = _FROM_TO_BETWEEN_RE.fullmatch(text, first.end, second.start)
        lead = _FROM_SUBJECT_RE.search(text, max(start, first.start - 160), first.start)
        if between is None or lead is None:
            continue
        verb = (lead.group("verb") or lead.group("verb2")).lower()
        subject = _tidy(lead.group("subject") or lead.group("subject2") or "")
        if not subject:
            continue
        year_text = between.group("year")
        reference = context.reference_year
        year = int(year_text) if year_text else (reference - 1 if reference else None)
        falling = verb.startswith(("fall", "drop", "decreas", "reduc", "cut", "lower", "declin"))
        changes[index] = _Change(baseline_of=index + 1)
        changes[index + 1] = _Change(
            subject=subject,
            comparator="<=" if falling else ">=",
            baseline_value=first.value,
            baseline_year=year,
        )
    return changes


def _opens_with_past_year(text: str, years: list[YearMention], context: SentenceContext) -> bool:
    """Whether the sentence opens with a year before the plan's start ("In
    2019, …", "In 2018–19, …"): a report of the past, like "2017年,…"."""
    if not years or context.reference_year is None:
        return False
    first = years[0]
    return first.start - context.start <= 1 and first.year < context.reference_year


def _is_deadline(text: str, mention: YearMention, context: SentenceContext) -> bool:
    if mention.role in ("deadline", "range"):
        # A deadline before the plan starts dates a past fact ("by 2020 we had…").
        return context.reference_year is None or mention.year >= context.reference_year
    if mention.role != "bare":
        return False
    lead = text[mention.start : mention.start + 2].lower()
    before = text[max(context.start, mention.start - 12) : mention.start].lower()
    if lead != "in" or before.rstrip().endswith(("beginning", "starting", "from")):
        return False
    return context.reference_year is not None and mention.year >= context.reference_year


def _inside_year(position: int, years: list[YearMention], year_starts: list[int]) -> bool:
    index = bisect_right(year_starts, position) - 1
    return index >= 0 and position < years[index].end


def _year_for(
    figure: _Figure, deadlines: list[YearMention], starts: list[int], next_start: int
) -> int | None:
    """The first deadline after the figure (before the next figure), else the
    last one before it, else the sentence's first."""
    index = bisect_left(starts, figure.end)
    if index < len(deadlines) and deadlines[index].start < next_start:
        return deadlines[index].year
    before = bisect_right(starts, figure.start) - 1
    while before >= 0 and deadlines[before].end > figure.start:
        before -= 1
    if before >= 0:
        return deadlines[before].year
    return deadlines[0].year if deadlines else None


def _figure(text: str, match: re.Match[str], start: int, end: int) -> _Figure | None:
    value = parse_number(match.group("number"))
    if value is None:
        return None
    before = text[max(start, match.start() - 30) : match.start()]
    if _LABEL_BEFORE_RE.search(before):
        return None
    currency = (match.group("currency") or "").strip()
    magnitude = (match.group("magnitude") or "").lower()
    plain = not (currency or magnitude or match.group("percent") or match.group("points"))
    if plain and _YEAR_NUMBER_RE.fullmatch(match.group("number")):
        return None  # "interim 2030 requirements": a year, not a count
    if magnitude:
        value *= ENGLISH_MAGNITUDES.get(magnitude, 1.0)
    if currency:
        if _THRESHOLD_BEFORE_RE.search(before):
            return None
        return _Figure(
            match.start(), match.end(), value, CURRENCIES.get(currency, currency), False, ()
        )
    if match.group("per"):
        rate_unit = "per " + match.group("per")[1:]
        return _Figure(match.start(), match.end(), value, rate_unit, False, ())
    if match.group("points"):
        return _Figure(match.start(), match.end(), value, "percentage points", False, ())
    if match.group("percent"):
        return _Figure(match.start(), match.end(), value, "%", False, ())
    glued = _GLUED_UNIT_RE.match(text, match.end(), end)
    if glued:
        return _Figure(match.start(), glued.end(), value, glued.group(), False, (), glued.end())
    # A counted or measured thing: the noun phrase after the number, up to
    # the first preposition ("25 electric heat pumps with backup…").
    words: list[str] = []
    unit_end = 0
    qualifiers: list[str] = []
    position = match.end()
    qualifier_match = _QUALIFIERS_RE.match(text, position, end)
    listed = _NOUN_LIST_RE.match(text, qualifier_match.end() if qualifier_match else position, end)
    if listed:
        # "13,000 additional officers, PCSOs and special constables in …"
        if qualifier_match:
            qualifiers = qualifier_match.group().lower().split()
        unit = listed.group("list")
        return _Figure(match.start(), listed.end("list"), value, unit, True, tuple(qualifiers))
    while len(words) < 5:
        word_match = _WORD_RE.match(text, position, end)
        if word_match is None:
            break
        word = word_match.group(1).rstrip("'’")
        lowered = word.lower()
        if not words and lowered in _INCREMENT_QUALIFIERS:
            qualifiers.append(lowered)
        elif (
            lowered in ("and", "or")
            and words
            and _WORD_AFTER_CONJUNCTION_RE.match(text, word_match.end(), end)
        ):
            words.append(word)  # "sustainable and accessible homes"
        elif lowered in _STOP_WORDS or (
            words
            and lowered.endswith(("ing", "ed"))
            and len(lowered) > 5
            # "charging stations", "parking spaces": an -ing word before a
            # plural noun is part of the noun, not a participle.
            and not _PLURAL_NOUN_AFTER_RE.match(text, word_match.end(), end)
        ):
            break
        else:
            words.append(word)
            if lowered in _MEASURE_UNITS:
                unit_end = word_match.end()
                per = _PER_RE.match(text, unit_end, end)
                if per:  # "100 litres per person per day": the denominator is the unit's
                    words.append(per.group().strip())
                    unit_end = per.end()
                break
        position = word_match.end()
    if not words:
        # "double the number of charging points to 400": the count's noun is
        # the one the subject names.
        number_of = _NUMBER_OF_TO_RE.search(text, max(start, match.start() - 160), match.start())
        if number_of is None:
            return None
        unit = " ".join(number_of.group("what").split()[-4:])
        return _Figure(match.start(), match.end(), value, unit, True, ())
    if words[0].lower() in _NON_UNITS or (len(words[0]) < 2 and words[0] != "t"):
        return None
    if words[-1].lower() in _OWN_ITEM_NOUNS:
        return None  # "6 overarching principles", "three key areas": the plan's own items
    unit = " ".join(words)
    if words[0].lower() in _TIME_UNITS and _DURATION_BEFORE_RE.search(before):
        return None  # "within 120 days": a duration that scopes an action
    if _THRESHOLD_BEFORE_RE.search(before):
        return None
    counted = words[0].lower() not in _MEASURE_UNITS
    return _Figure(match.start(), position, value, unit, counted, tuple(qualifiers), unit_end)


def _read_figure(
    text: str, figure: _Figure, left: str, end: int, sentence_start: int
) -> tuple[str, float, TargetKind, Comparator]:
    """Indicator, value, kind and comparator of one figure."""
    comparator = _comparator(left)
    value = figure.value
    if figure.unit in ("%", "percentage points"):
        return _read_percentage(text, figure, left, end, comparator, sentence_start)
    fall = _FALL_VERB_BY_RE.search(left)
    if fall:
        return _tidy(fall.group("subject")) or figure.unit, -value, "increment", comparator
    kind: TargetKind = "level"
    if figure.qualifiers and set(figure.qualifiers) & _INCREMENT_QUALIFIERS:
        kind = "increment"
    if _CREATION_BEFORE_RE.search(left) and not _AIM_FOR_RE.search(left):
        kind = "increment"
    if figure.counted:
        return " ".join([*figure.qualifiers, figure.unit]), value, kind, comparator
    subject = _subject(left)
    to_match = _VERB_TO_RE.search(left)
    if not subject and to_match:
        # "reduce water consumption to 100 litres per person per day"
        subject = _tidy(to_match.group("subject"))
    if not subject:
        # "invest £2 million in parks", "generate 500 MW from solar": verb + object.
        unit_end = figure.unit_end or figure.end
        abbreviation = _ABBREVIATION_RE.match(text, unit_end, end)
        after = _OBJECT_AFTER_RE.match(text, abbreviation.end() if abbreviation else unit_end, end)
        verb = _LAST_WORD_RE.search(left)
        if after and verb and not verb.group(1).lower().endswith("ed"):
            what = _phrase(text, after.end(), end)
            if after.group("preposition") == "of" or left.rstrip().endswith((",", " and")):
                # "9 gigawatts (GW) of renewable energy from onshore wind, 8 GW
                # from solar": of what, or from what in a list.
                subject = what  # "generate 1 GW of renewable energy": of what
            else:
                subject = f"{verb.group(1)} {after.group('preposition')} {what}"
    return subject, value, kind, comparator


def _read_percentage(
    text: str,
    figure: _Figure,
    left: str,
    end: int,
    comparator: Comparator,
    sentence_start: int,
) -> tuple[str, float, TargetKind, Comparator]:
    value = figure.value
    change_by = _CHANGE_BY_BEFORE_OBJECT_RE.search(left)
    change_object = change_by and _OBJECT_AFTER_FIGURE_RE.match(text, figure.end, end)
    if change_by and change_object:
        # "increase by 50 percent the number of high equity impact projects"
        sign = -1.0 if _FALL_STEM_RE.match(change_by.group("verb")) else 1.0
        return _tidy(change_object.group("what")), sign * value, "growth_rate", comparator
    change = _CHANGE_AFTER_RE.match(text, figure.end, end)
    if change:
        # "a 30 per cent reduction in greenhouse gas emissions", "35 per cent less energy"
        word = change.group("word").lower()
        what = _phrase(text, change.end(), end)
        if _REFERENCE_PHRASE_RE.match(what):
            what = ""  # "60% reduction from 2010 levels": a reference, not a subject
        sign = -1.0 if word in _FALL_WORDS or word in _FALL_WORDS_AFTER else 1.0
        return what or _subject(left), sign * value, "growth_rate", comparator
    fall = _FALL_VERB_BY_RE.search(left)
    if fall:
        return _tidy(fall.group("subject")), -value, "growth_rate", comparator
    below = _BELOW_LEVELS_RE.match(text, figure.end, end)
    if below:
        # "reduce emissions 45% below 2010 levels": a fall from a reference year.
        sign = 1.0 if below.group("side").lower() == "above" else -1.0
        verb_object = _VERB_OBJECT_RE.search(left)
        what = _tidy(verb_object.group("subject")) if verb_object else _subject(left)
        if what:
            return what, sign * value, "growth_rate", comparator
    rise = _RISE_VERB_BY_RE.search(left)
    if rise:
        return _tidy(rise.group("subject")), value, "growth_rate", comparator
    to_match = _VERB_TO_RE.search(left)
    if to_match:
        subject = _tidy(to_match.group("subject"))
        population = _OF_AFTER_RE.match(text, figure.end, end)
        kind: TargetKind = "share" if _SHARE_RE.search(subject) or population else "level"
        return subject, value, kind, comparator
    and_to = _AND_SUBJECT_TO_RE.search(left)
    shared_verb = and_to and _VERB_TO_FIGURE_RE.search(text, sentence_start, figure.start)
    if and_to and shared_verb:
        # "by increasing occupancy rates to 96% … and the budget utilization rate
        # to 100%": the second subject shares the first one's verb.
        subject = _tidy(and_to.group("subject"))
        falling = bool(_FALL_STEM_RE.match(shared_verb.group("verb")))
        if comparator == "=":
            comparator = "<=" if falling else ">="
        kind = "share" if _SHARE_RE.search(subject) else "level"
        return subject, value, kind, comparator
    of_match = _OF_AFTER_RE.match(text, figure.end, end)
    subject = _subject(left)
    if _MINIMUM_RE.search(left) and comparator == "=":
        comparator = ">="
    if of_match:
        # "X are 10 per cent of Y", "at least 20 percent of its new code": a
        # share; the indicator names both sides when the text gives both.
        what = _phrase(text, of_match.end(), end)
        if subject and what:
            return f"{subject} of {what}", value, "share", comparator
        return subject or what, value, "share", comparator
    noun = _NOUN_AFTER_RE.match(text, figure.end, end)
    if noun:
        # "achieving 100% new light-duty zero-emission vehicle sales by 2035"
        what = _phrase(text, noun.start(1), end)
        # "40% citywide canopy coverage and 15% … in downtown": up to the next figure.
        what = _NEXT_FIGURE_RE.split(what, maxsplit=1)[0]
        if what:
            # "an 80% average resource recovery rate": the value of a rate, a
            # level (ruling 21); "100% new … vehicle sales": a share of them.
            kind = "level" if _RATE_NOUN_RE.search(what) else "share"
            return what, value, kind, comparator
    if not subject and _CLAUSE_END_RE.match(text, figure.end, end):
        # "Reduce fossil fuels 50%": a goal stated as verb, object, figure.
        bare = _CHANGE_VERB_BARE_RE.search(left)
        if bare and not _DIGIT_RE.search(bare.group("subject")):
            # "cut emissions 50% by 2030 and 75% by 2040": the second figure has
            # no object of its own; it takes the first one's (below).
            sign = -1.0 if _FALL_STEM_RE.match(bare.group("verb")) else 1.0
            return _tidy(bare.group("subject")), sign * value, "growth_rate", comparator
    kind = "share" if _SHARE_RE.search(subject) else "level"
    if _MINIMUM_RE.search(left) and comparator == "=":
        comparator = ">="
    return subject, value, kind, comparator


def _comparator(left: str) -> Comparator:
    """From the words right before the figure, else from the clause's verb:
    "raise / increase X to N" and "reach N" are at least N (like 提高到 and
    达到); "reduce / lower X to N" is at most N (like 下降到)."""
    # "no more than 10%": the bound below before the one above it names.
    if _LE_RE.search(left):
        return "<="
    if _GE_RE.search(left):
        return ">="
    if _APPROX_RE.search(left):
        return "~"
    clause = left.rsplit(",", 1)[-1].rsplit(";", 1)[-1]
    to_match = _VERB_TO_RE.search(clause)
    if to_match:
        return "<=" if _FALL_STEM_RE.match(to_match.group()) else ">="
    if _REACH_RE.search(clause):
        return ">="
    return "="


def _subject(left: str) -> str:
    """The subject of "X are / is / will reach N": X, without lead words."""
    match = _SUBJECT_IS_RE.search(left)
    if match is None:
        return ""
    return _tidy(match.group("subject"))


def _phrase(text: str, start: int, end: int) -> str:
    """The noun phrase from ``start`` to the first phrase boundary."""
    stop = _PHRASE_END_RE.search(text, start, end)
    return _tidy(text[start : stop.start() if stop else end])


def _tidy(phrase: str) -> str:
    phrase = phrase.strip(" ,;:")
    # Keep the last clause-like piece: "…to establish a system to ensure X".
    phrase = re.split(r"\b(?:to ensure|ensure|ensuring|that|which|so that|in order)\s+", phrase)[-1]
    phrase = _LEAD_RE.sub("", phrase.strip())
    return " ".join(phrase.split()[:14])
