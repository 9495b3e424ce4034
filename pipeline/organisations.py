"""Where a text names a firm: words that are skills or jobs elsewhere name no skill or job inside a firm's name.

"Bouwbedrijf Kok" is no cook, "Administratiekantoor Visser & Co" no fisherman, "Payroll Partners" no payroll skill:
Dutch firms are often named after a surname that is a trade (Bakker, Visser, Kok, Smit, Koster, Timmerman) or after
their trade, with a business noun before the name or a legal form after it. Only those two signs count: a run of
capitalised words alone may be a job title ("Payroll Administrator") or a skill ("Project Management").
"""

from __future__ import annotations

import re

# A legal form or partnership word after the name: "… B.V.", "… & Co", "… & Zn.", "… Partners", "… Groep"
_LEGAL_FORM = (r"(?:B\.V\.?|BV|N\.V\.?|NV|V\.O\.F\.?|VOF|BVBA|bvba|Inc\.?|Ltd\.?|LLC|GmbH|Corp\.?|PLC|plc|"
               r"Holding|Groep|Partners|(?:\\?&|en) (?:Co|Zn|Zonen|Sons|Partners)\b\.?)")
# A business noun before the name: "Bouwbedrijf Kok", "Administratiekantoor Koster", "Firma Bakker"
_BUSINESS = (r"(?:[A-Z][a-z]*(?:bedrijf|bedrijven|kantoor|bureau|fabriek|handel|groothandel|centrale|winkel|"
             r"zaak|atelier|studio)|Firma|Fa\.|Maatschap|Handelsonderneming)")
_NAME_WORD = r"[A-Z][\w'’-]*"
# One space between a name's words: two or more part columns of a PDF's line ("Bouwbedrijf Jansen  Timmerman")
FIRM = re.compile(
    rf"\b{_BUSINESS}(?: {_NAME_WORD}){{1,3}}(?: {_LEGAL_FORM})?"
    rf"|\b(?:{_NAME_WORD} ){{1,3}}{_LEGAL_FORM}(?![\w-])"
    # a collective labour agreement names its sector, not a skill: "volgens de cao Schoonmaak"
    r"|\b(?:cao|CAO|cla|CLA) [A-Z][\w-]*"
    # ... and so does a Belgian joint committee by its number: "Paritair Comité 329", "PC 200"
    r"|\b(?:[Pp]aritair(?:e)? [Cc]omit[ée]|PC|[Cc]ommission [Pp]aritaire|CP) ?\d{3}(?:\.\d{1,2})?\b")


def firm_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each firm's name in text[start:end]."""
    return [m.span() for m in FIRM.finditer(text, start, len(text) if end is None else end)]


# The makers of programmable logic controllers: "Siemens PLC", "Omron PLC" is the controller, not a company
PLC_MAKER = re.compile(r"(?:Siemens|Simatic|Omron|Allen[ \t-]Bradley|Rockwell|Beckhoff|Schneider|Mitsubishi|ABB|Unitronics|"
                       r"Wago|WAGO|Phoenix Contact|Festo|Codesys|CODESYS|Delta|Eaton|Moeller|Telemecanique|B&R)[ \t]+$")


def in_firm_name(text: str, start: int, end: int, line: tuple[int, int]) -> bool:
    """Whether text[start:end] lies inside a firm's name on its line, and is not the whole of it, nor the "PLC"
    after a maker of controllers ("Siemens PLC", "Omron PLC": the controller, trial T; "Tesco PLC" is a firm)."""
    if text[start:end] == "PLC" and PLC_MAKER.search(text, max(line[0], start - 30), start):
        return False
    return any(a <= start and end <= b and (a, b) != (start, end) for a, b in firm_spans(text, *line))
