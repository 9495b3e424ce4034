"""Text processing that runs outside the worker processes (redaction, the context stage) stays linear on
hostile text: a CV that is one long run of letters, dots or digits cannot stall a load or the stream.

The alarm is a hang guard, not a speed target (those live in `make bench`): a quadratic pattern on these inputs
takes hours, a linear one a fraction of a second.
"""

from __future__ import annotations

import signal
from contextlib import contextmanager

import pytest

from pipeline.personal_data import private_spans, redact

HOSTILE = {
    "letters": "a" * 2_000_000,
    "dotted": "a." * 1_000_000,
    "hyphenated_after_at": "x@" + "a-" * 1_000_000,
    "digits_and_spaces": "1 " * 1_000_000,
    "at_signs": "a@" * 1_000_000,
    "capitals_and_hyphens": "A-" * 1_000_000,  # a street's word restarted after every hyphen (review: 11 s on 40 KB)
    "words_and_hyphens": "Ab-" * 600_000,
    "digits_and_capitals": "1234 AB " * 250_000,
}


@contextmanager
def hang_guard(seconds: int):
    def stop(signum, frame):
        raise TimeoutError(f"still running after {seconds} s: not linear")
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_redaction_is_linear_on_hostile_text(name):
    with hang_guard(20):
        redacted = redact(HOSTILE[name], {"jan"}, private=True)  # addresses, IBANs and protected attributes too
        spans = private_spans(HOSTILE[name])
    assert len(redacted) <= len(HOSTILE[name]) and isinstance(spans, tuple)


def test_redaction_still_finds_what_it_should():
    assert redact("Mail jan.peeters@example.be or +32 470 12 34 56; born 03/04/1985. Jan", {"jan"}) == \
        "Mail [email] or [phone]; born [date]. [name]"


def test_a_long_run_of_spaces_or_tabs_after_a_skill(extractor):
    """Review: the certificate rule and the list separators tried every position inside a run of spaces (29 s for
    16,000 after "VCA")."""
    for fill in (" ", "\t", " \t"):
        with hang_guard(60):
            doc = extractor.extract("Certificaten\nVCA" + fill * 500_000 + "x\nSkills\nPython" + fill * 500_000 + "and SQL\n",
                                    kind="cv", language="nl")
        assert {"cert.vca", "hard.python", "hard.sql"} <= {m.skill_id for m in doc.mentions}


def test_a_long_first_line_of_capitals_is_read_in_linear_time(extractor):
    """A review: a name pattern took 30 s on a 1.2k-character first line of capitals (PDF text whose spaces
    were lost)."""
    with hang_guard(20):
        doc = extractor.extract("JAN PEETERS, " + "ACCOUNTANT" * 2000 + ".\nProfiel\nBoekhouder met Excel.\n", kind="cv")
    assert "hard.microsoft_excel" in {m.skill_id for m in doc.mentions}


def test_context_stage_on_one_huge_line_with_many_mentions(extractor):
    text = "We value innovation, Python and SQL; apply now. " * 20_000  # ~1 MB, one line, 80k mentions
    with hang_guard(120):
        doc = extractor.extract(text, kind="vacancy")
    found = {m.skill_id for m in doc.mentions}
    assert "hard.python" in found and "soft.innovation" not in found  # the employer's "we value" is dropped


def test_a_planted_cache_file_is_ignored_not_unpickled(tmp_path, monkeypatch):
    """Unpickling runs code: only files signed with this user's key (kept outside the cache) are read."""
    import os
    import pickle

    from pipeline import cache

    monkeypatch.setenv("SKILLFIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SKILLFIT_CONFIG_DIR", str(tmp_path / "config"))
    good = tmp_path / "cache" / "thing-1.pkl"
    cache.write(good, {"ok": 1})
    assert cache.read(good) == {"ok": 1}
    assert oct(os.stat(cache.key_path()).st_mode & 0o777) == "0o600"

    class Boom:
        def __reduce__(self):
            return (os.system, (f"touch {tmp_path / 'pwned'}",))

    planted = tmp_path / "cache" / "thing-2.pkl"
    planted.write_bytes(pickle.dumps(Boom()))
    assert cache.read(planted) is None
    forged = tmp_path / "cache" / "thing-3.pkl"
    forged.write_bytes(good.read_bytes()[:len(cache.MAGIC) + 32] + pickle.dumps(Boom()))  # a signature of other bytes
    assert cache.read(forged) is None
    assert not (tmp_path / "pwned").exists()
    monkeypatch.setenv("SKILLFIT_CONFIG_DIR", str(tmp_path / "other-user"))
    assert cache.read(good) is None  # another user's key: rebuilt, not trusted


def test_language_codes_after_speaking_words_on_one_long_line(extractor):
    """A review: each "spreek" scanned the rest of its line again for language codes: 130 KB on one line (an ATS
    export) took 205 s."""
    with hang_guard(30):
        doc = extractor.extract("ik spreek NL/FR " * 10_000, kind="cv", language="nl")
    assert "lang.dutch" in {m.skill_id for m in doc.mentions}
