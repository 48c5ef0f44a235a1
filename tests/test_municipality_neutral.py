"""No product code names the shipped municipality, except where a fact truly is its own.

The app works for any municipality whose data is present (issue 12): texts say ``{gemeente}``, loaders read the
chosen municipality's folder. The shipped default's code and name live in ``geo/config.py``. This test reads every
product module's code and strings (not comments or docstrings: those may use the shipped data as an example) and
fails on ``GM0917`` or ``Heerlen`` outside the places listed in :data:`ALLOWED`, each with its reason.
"""

import io
import re
import tokenize
from pathlib import Path

from geo import config

ROOT = config.ROOT
WORDS = re.compile(rf"{config.GEMEENTE_CODE}|{config.GEMEENTE_NAME}|{config.GEMEENTE_CODE[2:]}\d{{4}}",
                   re.IGNORECASE)
ALLOWED = {
    "geo/config.py": "the shipped default's code and name, and the raw files it ships",
    "geo/refresh": "describes and replays the shipped raw files",
    "geo/build": "builds the shipped raw files",
    "geo/catalog/sources.py": "the provenance of the shipped raw files (their titles name Heerlen)",
    "geo/catalog/national_columns.py": "the check of the national column against Heerlen's own KWB series",
    "geo/report/validation.py": "published benchmarks and readings made for Heerlen only (VALIDATED)",
    "geo/targeting/newbuild.py": "Heerlen's published housing target and its source, the scenario basis",
}


def _product_files() -> list[Path]:
    files = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "ui").glob("*.py")),
             *sorted((ROOT / "geo").rglob("*.py"))]
    return [f for f in files if not any(f.relative_to(ROOT).as_posix().startswith(a) for a in ALLOWED)]


def _code_tokens(source: str) -> list[tuple[int, str]]:
    """(line, text) of every name and string that is not a docstring; comments are left out.

    A docstring is a string that starts a statement outside any bracket; a string on a continuation line of a
    call (after an NL token inside brackets) is code.
    """
    out, previous, depth = [], tokenize.NEWLINE, 0
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.OP and tok.string in "([{":
            depth += 1
        elif tok.type == tokenize.OP and tok.string in ")]}":
            depth -= 1
        if tok.type in (tokenize.COMMENT, tokenize.NL):
            continue
        if tok.type == tokenize.STRING and depth == 0 and previous in (tokenize.NEWLINE, tokenize.INDENT,
                                                                        tokenize.DEDENT):
            previous = tok.type  # a statement that is only a string: a docstring
            continue
        if tok.type in (tokenize.NAME, tokenize.STRING):
            out.append((tok.start[0], tok.string))
        previous = tok.type
    return out


def test_no_product_code_names_the_shipped_municipality_outside_its_facts():
    found = []
    for path in _product_files():
        for line, text in _code_tokens(path.read_text(encoding="utf-8")):
            if WORDS.search(text):
                found.append(f"{path.relative_to(ROOT)}:{line}: {text[:70]}")
    assert found == [], "name the municipality with {gemeente} (or config):\n" + "\n".join(found)


def test_the_check_finds_a_name_in_a_string_but_not_in_a_docstring_or_comment():
    source = '"""Heerlen in a docstring."""\n# Heerlen in a comment\nx = "Buurtkompas Heerlen"\n'
    hits = [text for _line, text in _code_tokens(source) if WORDS.search(text)]
    assert hits == ['"Buurtkompas Heerlen"']
