"""The translators' catalogues against the code: no message missing, none left over, placeholders kept.

The messages are extracted from the sources with the same command as ``make i18n``
(pybabel with ``babel.cfg``), so a text wrapped in ``_()`` without a Dutch
translation, or a translation whose text left the code, fails here by name.
"""

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from geo import config

ROOT = config.ROOT
PYBABEL = Path(sys.executable).parent / "pybabel"


def _make_variable(name: str) -> str:
    out = subprocess.run(["make", "-s", "--no-print-directory", f"print-{name}"], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    return out.stdout.strip()


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, str]:
    pot = tmp_path_factory.mktemp("i18n") / "messages.pot"
    sources = shlex.split(_make_variable("I18N_SOURCES"))
    subprocess.run([str(PYBABEL), "--quiet", "extract", "-F", "babel.cfg", "-k", "N_", "-o", str(pot), *sources],
                   cwd=ROOT, check=True, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    with pot.open("rb") as f:
        return {_msgid(m): m.locations[0][0] for m in read_po(f) if m.id}


def _msgid(message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def _translated(message) -> bool:
    return bool(message.string) if isinstance(message.string, str) else all(message.string)


def _catalogue(lang: str):
    with (config.LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_message_in_the_code_is_in_the_catalogue(extracted, lang):
    listed = {_msgid(m) for m in _catalogue(lang) if m.id}
    missing = sorted(f"{where}: {msgid[:70]!r}" for msgid, where in extracted.items() if msgid not in listed)
    assert missing == [], f"run `make i18n` and translate; missing from {lang}: {missing[:20]}"


def test_every_dutch_message_is_translated_and_not_fuzzy(extracted):
    untranslated = sorted(
        _msgid(m)[:70] for m in _catalogue("nl")
        if m.id and _msgid(m) in extracted and (m.fuzzy or not _translated(m))
    )
    assert untranslated == [], f"{len(untranslated)} Dutch messages lack a translation: {untranslated[:20]}"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_catalogue_entry_is_left_over_from_text_the_code_no_longer_has(extracted, lang):
    unused = sorted(_msgid(m)[:70] for m in _catalogue(lang) if m.id and _msgid(m) not in extracted)
    assert unused == [], f"run `make i18n` to drop them from {lang}: {unused[:20]}"


PLACEHOLDER = re.compile(r"\{[a-z_][a-z0-9_]*(?:[:!][^{}]*)?\}|%\([a-z_]+\)[sd]")


def test_a_translation_keeps_every_placeholder_of_its_message():
    wrong = []
    for m in _catalogue("nl"):
        if not m.id or not m.string:
            continue
        pairs = zip(m.id, m.string, strict=False) if isinstance(m.id, tuple) else [(m.id, m.string)]
        for source, text in pairs:
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                wrong.append(source[:60])
    assert wrong == []
