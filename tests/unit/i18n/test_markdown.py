import io

from geo.i18n.markdown import blocks, extract_markdown


def test_a_table_stays_one_block_and_blank_lines_separate_blocks():
    text = "## Costs\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\nLast line.  \n"
    assert blocks(text) == [(1, "## Costs"), (3, "| a | b |\n|---|---|\n| 1 | 2 |"), (8, "Last line.")]


def test_the_extractor_yields_one_message_per_block_with_its_line():
    found = list(extract_markdown(io.BytesIO("Eén\n\nTwee {x}\n".encode()), [], [], {}))
    assert found == [(1, "", "Eén", []), (3, "", "Twee {x}", [])]
