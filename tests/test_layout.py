"""The shape of the code base, as the maintainers promise it: checked, so a change that breaks it is noticed."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GEO_MODULES = sorted(p for p in (ROOT / "geo").rglob("*.py") if p.name not in {"__init__.py", "__main__.py"})


@pytest.mark.parametrize("module", GEO_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_geo_module_has_a_test_module_at_the_mirrored_path(module):
    relative = module.relative_to(ROOT / "geo")
    expected = ROOT / "tests" / "unit" / relative.parent / f"test_{relative.name}"
    assert expected.exists(), f"{module.relative_to(ROOT)} has no tests at {expected.relative_to(ROOT)}"


@pytest.mark.parametrize("page", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.name)
def test_pages_are_layout_of_at_most_150_lines(page):
    lines = len(page.read_text(encoding="utf-8").splitlines())
    assert lines <= 150, f"{page.name} has {lines} lines: move what it computes to geo/ or ui/"


def _imports_inside_functions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for inner in ast.walk(node):
                if isinstance(inner, ast.ImportFrom) and inner.module and inner.module.split(".")[0] in {"geo", "ui"}:
                    found.append(f"{path.relative_to(ROOT)}:{inner.lineno} from {inner.module}")
                elif isinstance(inner, ast.Import) and any(a.name.split(".")[0] in {"geo", "ui"} for a in inner.names):
                    found.append(f"{path.relative_to(ROOT)}:{inner.lineno} import {inner.names[0].name}")
    return found


def test_no_product_module_imports_another_inside_a_function():
    # An import inside a function is how an import cycle hides; the layers contract keeps the graph one-way.
    product = [*(ROOT / "geo").rglob("*.py"), *(ROOT / "ui").rglob("*.py"), *(ROOT / "pages").glob("*.py")]
    assert [hit for path in product for hit in _imports_inside_functions(path)] == []


def _rebinds_gettext(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imports_it = any(
        isinstance(node, ast.ImportFrom) and node.module in {"geo.i18n", "geo.i18n.translate"}
        and any(a.name == "_" for a in node.names)
        for node in ast.walk(tree)
    )
    if not imports_it:
        return []
    return [f"{path.relative_to(ROOT)}:{node.lineno}" for node in ast.walk(tree)
            if isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store)]


def test_no_module_that_translates_uses_underscore_as_a_throwaway_name():
    # `for _, row in ...` in a module that imports `_` from geo.i18n would silently replace the translator.
    product = [ROOT / "app.py", *(ROOT / "geo").rglob("*.py"), *(ROOT / "ui").rglob("*.py"),
               *(ROOT / "pages").glob("*.py")]
    assert [hit for path in product for hit in _rebinds_gettext(path)] == []
