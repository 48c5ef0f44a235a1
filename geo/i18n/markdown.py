"""Method texts in Markdown, translated block by block (as Sphinx translates documentation).

A block is a run of non-blank lines: a heading, a paragraph, a list or a table.
Each block is one message in the catalogue, so a translator sees whole
paragraphs, and a change to one paragraph leaves the others' translations valid.
"""

from __future__ import annotations

from collections.abc import Iterator


def blocks(text: str) -> list[tuple[int, str]]:
    r"""The blocks of a Markdown text with the line each starts on (1-based).

    Examples
    --------
    >>> blocks("# Title\n\nOne\nparagraph.\n\n- a\n- b\n")
    [(1, '# Title'), (3, 'One\nparagraph.'), (6, '- a\n- b')]
    """
    found: list[tuple[int, str]] = []
    start, lines = 0, []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            if not lines:
                start = number
            lines.append(line.rstrip())
        elif lines:
            found.append((start, "\n".join(lines)))
            lines = []
    if lines:
        found.append((start, "\n".join(lines)))
    return found


def extract_markdown(fileobj, keywords, comment_tags, options) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel extractor of Markdown files (``[markdown: docs/method/*.md]`` in ``babel.cfg``): one message per block."""
    text = fileobj.read().decode(options.get("encoding", "utf-8"))
    for lineno, block in blocks(text):
        yield lineno, "", block, []
