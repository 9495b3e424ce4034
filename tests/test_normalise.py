"""Text normalisation before matching: Markdown, soft hyphens, zero-width characters, odd spaces and mojibake
are cleaned for lookup, while every offset still points into the original text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalise import MOJIBAKE, normalise
from pipeline.tokens import fold, label_words, tokenize

NOISY_CV = (
    "Skills\n"
    "â€¢ Python\n"
    "- relationship\\-building\n"
    "- commu\u00adnication skills\n"
    "- Projectâ€¯management\n"
    "- **Project management**\n"
    "- S\u00adQL and C\\+\\+ and **.NET**\n"
    "- Microsoft\u00a0Excel, ï¬\x81nancial analysis\n"
)


# -- through the real extractor --------------------------------------------------------------------------------

@pytest.mark.parametrize("surface, skill", [
    ("Python", "hard.python"),
    ("relationship\\-building", "soft.relationship_building"),
    ("commu\u00adnication skills", "soft.communication"),
    ("Projectâ€¯management", "hard.project_management"),
    ("Project management", "hard.project_management"),  # inside **...**
    ("S\u00adQL", "hard.sql"),  # the case-sensitive acronym index sees the clean surface
    ("C\\+\\+", "hard.cpp"),
    (".NET", "hard.dotnet"),  # **.NET**: the leading dot counts once the emphasis is gone
    ("ï¬\x81nancial analysis", "hard.financial_analysis"),
])
def test_extractor_finds_skills_in_noisy_text_at_original_offsets(extractor, surface, skill):
    doc = extractor.extract(NOISY_CV, kind="cv", language="en")
    found = {(NOISY_CV[m.start:m.end], m.skill_id) for m in doc.mentions}
    assert (surface, skill) in found
    for m in doc.mentions:
        assert m.text == NOISY_CV[m.start:m.end]


def test_extractor_spans_in_markdown_ad(extractor):
    text = "**What you bring**\n\n* Strong **problem\\-solving skills** and **decision\\-making**\n* Front\\-end work\n"
    doc = extractor.extract(text, kind="vacancy", language="en")
    spans = {text[m.start:m.end] for m in doc.mentions}
    assert {"problem\\-solving skills", "decision\\-making", "Front\\-end"} <= spans


# -- offsets ---------------------------------------------------------------------------------------------------

def slices(text: str) -> list[tuple[str, str, str]]:
    tokens = tokenize(text)
    return [(text[s:e], w, f) for s, e, w, f in zip(tokens.starts, tokens.ends, tokens.words, tokens.folded)]


@pytest.mark.parametrize("text, expected", [
    ("relationship\\-building", [("relationship", "relationship"), ("building", "building")]),
    ("commu\u00adnication", [("commu\u00adnication", "communication")]),
    ("commu\u00ad\n  nication skills", [("commu\u00ad\n  nication", "communication"), ("skills", "skills")]),
    ("cafÃ© ideeÃ«n", [("cafÃ©", "cafe"), ("ideeÃ«n", "ideeen")]),
    ("driverâ€™s licence", [("driverâ€™s", "driver’s"), ("licence", "licence")]),
    ("**Python**, __Excel__", [("Python", "python"), ("Excel", "excel")]),
    ("zero\u200bwidth\u2060word\ufeff", [("zero\u200bwidth\u2060word", "zerowidthword")]),
    ("budgetsÂ and", [("budgets", "budgets"), ("and", "and")]),
    ("ï»¿Python", [("Python", "python")]),  # a byte-order mark read as cp1252
    ("C\\# and Node\\.js", [("C\\#", "c#"), ("and", "and"), ("Node\\.js", "node.js")]),
    ("ﬁnance", [("ﬁ" + "nance", "finance")]),
])
def test_each_word_keeps_its_original_slice(text, expected):
    assert [(orig, folded) for orig, _, folded in slices(text)] == expected


def test_words_are_the_clean_surface():
    assert tokenize("S\u00adQL, Ã‰cole").words == ["SQL", "École"]


@pytest.mark.parametrize("text, joinable", [
    ("relationship\\-building", [True]),
    ("Projectâ€¯management", [True]),
    ("**Project management**", [True]),
    ("Data \\& Analytics", [True]),
    ("Python\nâ€¢ SQL", [False]),  # a bullet still ends the phrase
    ("Python\n• SQL", [False]),
    ("snake_case", [False]),  # an underscore inside a word is no emphasis
])
def test_joinable_on_the_clean_text(text, joinable):
    assert tokenize(text).joinable == joinable


@pytest.mark.parametrize("text", [
    "", "plain text, nothing to fix", "ideeën café naïef België", "* a bullet", "2 * 3 = 6", "snake_case",
    "Âge", "Ã la carte",  # a real Â, and à whose non-breaking space became a space: ambiguous, left alone
])
def test_clean_text_is_left_alone(text):
    assert normalise(text) == (text, None)
    tokens = tokenize(text)
    assert tokens.words == [text[s:e] for s, e in zip(tokens.starts, tokens.ends)]


def test_tokens_text_is_the_original():
    assert tokenize(NOISY_CV).text is NOISY_CV


def test_char_start_inside_a_cleaned_word():
    text = "x communicatie\u00advaardigheden"
    tokens = tokenize(text)
    assert tokens.words[1] == "communicatievaardigheden"
    k = len("communicatie")
    assert text[tokens.char_start(1, k):tokens.ends[1]] == "vaardigheden"
    assert tokenize("x communicatievaardigheden").char_start(1, k) == 2 + k


def test_label_words_are_cleaned_like_documents():
    assert label_words("S\u00adQL") == ("SQL",)
    assert label_words("project management") == ("project", "management")
    assert [fold(w) for w in label_words("Projectâ€¯management")] == tokenize("project management").folded


def test_mojibake_table_is_utf8_misread():
    assert MOJIBAKE["Ã©"] == "é" and MOJIBAKE["â€¢"] == "•" and MOJIBAKE["â€™"] == "’"
    assert MOJIBAKE["â€“"] == "–" and MOJIBAKE["Â\u00a0"] == "\u00a0" and MOJIBAKE["â\x80\x99"] == "’"
    for bad, good in MOJIBAKE.items():
        raw = good.encode("utf-8")
        assert bad in (raw.decode("latin-1"), "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in raw))


# -- hostile input ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ã©" * 500, "â€¢" * 500, "Â" * 500, "\\" * 501, "*" * 500, "_" * 500, "\u00ad" * 500, "\ufeff" * 500,
    "Ã©â€¢Â\\*_\u00ad\u200b" * 200, "\\\\-", "**", "Ã", "â€", "\u00ad\n", "a\u00ad", "\u00ada",
    "\ud800 Python \udfff S\u00adQL \ud800Ã©", "x**Ã©**y", "*a*b*c*", "\\*\\*bold\\*\\*",
])
def test_hostile_text_never_raises_and_offsets_stay_in_bounds(text):
    tokens = tokenize(text)
    previous_end = 0
    for s, e, w in zip(tokens.starts, tokens.ends, tokens.words):
        assert previous_end <= s < e <= len(text)
        assert w
        previous_end = e
    assert len(tokens.joinable) == max(0, len(tokens) - 1)


def test_huge_input():
    text = ("Skills: **Python**, relationship\\-building, commu\u00adnication, cafÃ©.\n" * 20_000)
    tokens = tokenize(text)
    assert len(tokens) == 20_000 * 6
    assert text[tokens.starts[-1]:tokens.ends[-1]] == "cafÃ©"
    assert text[tokens.starts[-2]:tokens.ends[-2]] == "commu\u00adnication"
    assert tokens.folded[-6:] == ["skills", "python", "relationship", "building", "communication", "cafe"]


NOISE_IN_WORD = ["\u00ad", "\u200b", "\u2060"]
ACCENTED = {"é": "Ã©", "ë": "Ã«", "ï": "Ã¯", "ü": "Ã¼"}


@st.composite
def noisy_words(draw):
    """(original word, clean word): a word with soft hyphens, zero-width characters or mojibake inside."""
    letters = draw(st.lists(st.sampled_from("abcdefgXYZéëïü"), min_size=1, max_size=8))
    original, clean = [], []
    for i, ch in enumerate(letters):
        if i and draw(st.booleans()):
            original.append(draw(st.sampled_from(NOISE_IN_WORD)))
        original.append(ACCENTED[ch] if ch in ACCENTED and draw(st.booleans()) else ch)
        clean.append(ch)
    return "".join(original), "".join(clean)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(noisy_words(), st.sampled_from([" ", "\n", ", ", " \\- ", "\u00a0", "â€¯", " **", "** "])),
                min_size=1, max_size=12))
def test_round_trip(pieces):
    text = "".join(original + sep for (original, _), sep in pieces)
    tokens = tokenize(text)
    assert [text[s:e] for s, e in zip(tokens.starts, tokens.ends)] == [original for (original, _), _ in pieces]
    assert tokens.words == [clean for (_, clean), _ in pieces]
    assert tokens.folded == [fold(clean) for (_, clean), _ in pieces]


def test_gap_between_words_is_clean():
    tokens = tokenize("**Python** developer, Projectâ€¯management")
    assert [tokens.gap(i) for i in range(len(tokens) - 1)] == [" ", ", ", " "]
    plain = tokenize("Python developer")
    assert plain.gap(0) == " "


def test_a_compound_after_a_soft_hyphen_keeps_its_offsets(extractor):
    text = "Ervaring met klanten\u00adcommunicatievaardigheden en Python\u00adontwikkeling."
    doc = extractor.extract(text, kind="cv", language="nl")
    assert doc.mentions
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text and "\u00ad" not in m.text


def test_an_open_skills_label_is_shown_repaired(extractor):
    """A skill on no list is labelled with its own words: as a person reads them, not as mojibake ("Chocolate
    dÃ©cor" in a new-user trial); `text` keeps the document's own characters, so its offsets hold."""
    from pipeline.api import document_to_dict

    text = "Skills\nChocolate dÃ©cor, cake decorating, pastry\n"
    out = document_to_dict(extractor.extract(text, kind="cv", language="en"), extractor.taxonomy)
    [decor] = [s for s in out["skills"] if s["text"] == "Chocolate dÃ©cor"]
    assert decor["label"] == decor["label_en"] == "Chocolate décor"
