"""Looking up a message in the catalogue of the language in force.

The catalogues are read once per process (Babel reads the ``.po`` files
directly, so there is no compiled ``.mo`` to keep in step). A message that is
not in the catalogue shows in the source language (English) and is recorded, so
the tests that open every page in both languages can name each gap.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
from collections.abc import Callable, Iterator

from babel.messages.pofile import read_po

from geo import config

LANGUAGES = ("nl", "en")  # the first is the default
DEFAULT = LANGUAGES[0]
# Babel locale per language: Dutch as in the Netherlands, English as in Europe (day month year, € before).
LOCALES = {"nl": "nl_NL", "en": "en_GB"}

_override: contextvars.ContextVar[str | None] = contextvars.ContextVar("buurtkompas_language", default=None)
_source: Callable[[], str | None] | None = None
_missing: set[tuple[str, str]] = set()


def set_source(source: Callable[[], str | None] | None) -> None:
    """Register where the language in force comes from (the app's session), or ``None`` to forget it.

    Parameters
    ----------
    source : callable or None
        Returns a language code, or ``None`` when it has no answer (outside a session).
    """
    global _source
    _source = source


@contextlib.contextmanager
def language(lang: str) -> Iterator[str]:
    """Use ``lang`` for every message and number inside the ``with`` block (briefings, tests, benchmarks).

    Parameters
    ----------
    lang : str
        One of :data:`LANGUAGES`.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; known: {', '.join(LANGUAGES)}")
    token = _override.set(lang)
    try:
        yield lang
    finally:
        _override.reset(token)


def current() -> str:
    """The language in force: the ``with language(...)`` block, else the registered source, else Dutch."""
    lang = _override.get()
    if lang is None and _source is not None:
        lang = _source()
    return lang if lang in LANGUAGES else DEFAULT


@functools.cache
def catalogue(lang: str) -> dict[str, str | tuple[str, ...]]:
    """The translations of one language: message id (or the singular of a plural) to its text.

    Empty translations are left out, so they fall back to the source text.
    """
    path = config.LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        return {}
    with path.open("rb") as f:
        po = read_po(f, locale=LOCALES[lang])
    messages: dict[str, str | tuple[str, ...]] = {}
    for message in po:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            if all(message.string):
                messages[message.id[0]] = tuple(message.string)
        elif message.string:
            messages[message.id] = message.string
    return messages


def _lookup(msgid: str) -> str | tuple[str, ...] | None:
    lang = current()
    found = catalogue(lang).get(msgid)
    if found is None and not (lang == "en" and msgid in _source_ids()):
        _missing.add((lang, msgid))
    return found


@functools.cache
def _source_ids() -> frozenset[str]:
    """Message ids listed in the English catalogue (English is the source language: an empty entry is no gap)."""
    path = config.LOCALE_DIR / "en" / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        return frozenset()
    with path.open("rb") as f:
        po = read_po(f, locale=LOCALES["en"])
    return frozenset(m.id if isinstance(m.id, str) else m.id[0] for m in po if m.id)


def _(message: str) -> str:
    """``message`` in the language in force (the source text, English, when the catalogue has no entry)."""
    found = _lookup(message)
    return found if isinstance(found, str) else message


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    """Mark ``message`` for the catalogue where it is defined; it is translated with :func:`_` where shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message for count ``n``, in the language in force."""
    found = _lookup(singular)
    if isinstance(found, tuple):
        return found[0] if n == 1 else found[-1]
    return singular if n == 1 else plural


def missing_messages() -> set[tuple[str, str]]:
    """Messages asked for in this process that a catalogue lacks, as (language, message id)."""
    return set(_missing)
