"""The shape the code keeps (the house rules in docs/design.md): no module over 300 lines, no
function over 40, and no word list of more than 5 entries inside code — vocabularies live in
``ledger/data/`` behind ``ledger.data``.

A word list is a regular-expression alternation of more than 5 literal words or phrases, or a set,
tuple or list of more than 5 string literals. Lists of identifiers the code itself defines (column
names, exported names, the values of a boundary type) are no vocabulary: ``IDENTIFIERS`` names
them with the reason. Run as a script to list every finding: ``python tests/test_code_shape.py``.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path
from re import _constants as sre, _parser as sre_parse

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "ledger"
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 40
MAX_WORDS = 5

#: (module, owner) → why its strings are identifiers, not words. The owner is the name a
#: collection is assigned to, or the function it stands in.
IDENTIFIERS = {
    ("ledger.analyse.aggregate", "TOTAL_KEYS"): "the columns of a frame, a table or a file the code writes",
    ("ledger.analyse.aggregate", "_money"): "the columns of a frame, a table or a file the code writes",
    ("ledger.analyse.aggregate", "_currency_totals"): "the columns of a frame, a table or a file the code writes",
    ("ledger.analyse.items", "ITEM_COLUMNS"): "the columns of a frame, a table or a file the code writes",
    ("ledger.analyse.reconcile", "out"): "the columns of a frame, a table or a file the code writes",
    ("ledger.cli.commands", "RECONCILE_COLUMNS"): "the columns of a frame, a table or a file the code writes",
    ("ledger.cli.output", "TABLE_COLUMNS"): "the columns of a frame, a table or a file the code writes",
    ("ledger.context.annotate", "own"): "the fields of Figure the context stage fills",
    ("ledger.model", "CORRECTION_FIELDS"): "the fields of a Correction",
    ("ledger.model", "Qualifier"): "the values of a boundary type",
    ("ledger.model", "Stage"): "the values of a boundary type",
    ("ledger.context.actors", "_PUBLIC"): "kinds of actor (the gazetteer's kind column)",
    ("ledger.report.reconciliation", "SHOWN"): "the columns of a frame, a table or a file the code writes",
    ("ledger.report.sheet", "number_format"): "the columns of a frame, a table or a file the code writes",
    ("ledger.report.workbook", "SHEETS"): "the sheets the workbook makes (what each answers: data/report/sheets.tsv)",
    ("ledger.report.workbook", "LONG_TEXT"): "the columns of a frame, a table or a file the code writes",
    ("ledger.review.importing", "_INFO"): "the columns of a frame, a table or a file the code writes",
    ("ledger.review.queue", "REVIEW_COLUMNS"): "the columns of a frame, a table or a file the code writes",
    ("ledger.review.queue", "_FROM_FACT"): "the columns of a frame, a table or a file the code writes",
    ("ledger.store.corrected", "_READ"): "the columns of a frame, a table or a file the code writes",
    ("ledger.store.fact_keys", "_KEYS"): "the columns of a frame, a table or a file the code writes",
    ("ledger.store.fact_keys", "KEY_COLUMNS"): "the columns of a frame, a table or a file the code writes",
    ("ledger.store.facts", "DDL"): "the SQL statements that create the store's tables and indexes",
    ("ledger.store.dedup", "REPRESENTED"): "the columns of a frame, a table or a file the code writes",
    ("ledger.cli.commands", "_CORPUS_SUFFIXES"): "file name suffixes the readers accept",
    ("ledger.read.inputs", "SUFFIXES"): "file name suffixes the readers accept",
    ("ledger.report.write", "CSV_FILES"): "names of the files the report writes",
    ("ledger.read.meta", "_KNOWN_KEYS"): "the header keys of the input formats (url:, published:, title: ...)",
}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).with_suffix("").as_posix().replace("/", ".")


def long_modules() -> list[str]:
    return [f"{_name(p)}: {n} lines" for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES]


def long_functions() -> list[str]:
    out = []
    for p in _modules():
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = node.end_lineno - node.lineno + 1
                if n > MAX_FUNCTION_LINES:
                    out.append(f"{_name(p)}.{node.name} (line {node.lineno}): {n} lines")
    return out


_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_SPACE = [(sre.IN, [(sre.CATEGORY, sre.CATEGORY_SPACE)])]


def _is_word(branch) -> bool:
    """A branch made of literal letters, with white space between words, an optional final
    letter ("grants?") and word boundaries: a word or phrase."""
    letters = False
    for op, av in branch:
        if op is sre.LITERAL:
            letters |= chr(av).isalpha()
        elif op is sre.AT:
            continue
        elif op in _REPEATS and (list(av[2]) == _SPACE or len(av[2]) == 1 and av[2][0][0] is sre.LITERAL):
            continue
        else:
            return False
    return letters


def _alternations(tree):
    """The branches of every alternation in a parsed pattern."""
    for op, av in tree:
        if op is sre.BRANCH:
            yield av[1]
            for branch in av[1]:
                yield from _alternations(branch)
        elif op is sre.SUBPATTERN:
            yield from _alternations(av[-1])
        elif op in _REPEATS:
            yield from _alternations(av[2])
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            yield from _alternations(av[1])
        elif op is sre.ATOMIC_GROUP:
            yield from _alternations(av)


def _string(node) -> str | None:
    """The text of a string literal, of literals added together or of an f-string's literal parts."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _string(node.left), _string(node.right)
        return None if left is None or right is None else left + right
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "" for v in node.values)
    return None


def _owner(node, parents) -> str:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            return node.targets[0].id
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            return node.target.id
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            return node.name
    return "<module>"


def _regex_word_lists(tree, name: str) -> list[str]:
    out, seen = [], set()
    for node in ast.walk(tree):
        if id(node) in seen or not isinstance(node, (ast.Constant, ast.BinOp, ast.JoinedStr)):
            continue
        text = _string(node)
        if not text or "|" not in text:
            continue
        seen.update(id(n) for n in ast.walk(node))
        try:
            tree_ = sre_parse.parse(text)
        except (re.error, OverflowError, RecursionError):
            continue  # not a pattern (or a piece of one)
        for branches in _alternations(tree_):
            n = sum(_is_word(b) for b in branches)
            if n > MAX_WORDS:
                out.append(f"{name} line {node.lineno}: a pattern alternation of {n} words")
    return out


def _string_lists(tree, name: str):
    """(line, owner, strings) of every set, tuple or list of more than 5 strings with letters."""
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
            strings = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                       and any(ch.isalpha() for ch in e.value)]
            if len(strings) > MAX_WORDS:
                yield node.lineno, _owner(node, parents), strings


def _collection_word_lists(tree, name: str) -> list[str]:
    return [f"{name} line {line} ({owner}): {len(strings)} strings {strings[:4]}..."
            for line, owner, strings in _string_lists(tree, name)
            if owner != "__all__" and (name, owner) not in IDENTIFIERS]


def word_lists() -> list[str]:
    out = []
    for p in _modules():
        tree = ast.parse(p.read_text(encoding="utf-8"))
        out += _regex_word_lists(tree, _name(p)) + _collection_word_lists(tree, _name(p))
    return out


def test_no_module_is_over_300_lines():
    assert long_modules() == []


def test_no_function_is_over_40_lines():
    assert long_functions() == []


def test_no_word_list_of_more_than_5_entries_is_inside_code():
    assert word_lists() == []


def test_every_list_of_identifiers_named_is_still_there():
    found = {(_name(p), owner) for p in _modules()
             for _line, owner, _strings in _string_lists(ast.parse(p.read_text(encoding="utf-8")), _name(p))}
    assert sorted(set(IDENTIFIERS) - found) == []


@pytest.mark.parametrize("source, found", [
    ('P = re.compile(r"\\b(?:said|says|told|noted|stated|wrote)\\b")', 1),  # six words
    ('P = re.compile(r"\\b(?:said|says|told|noted|stated)\\b")', 0),  # five
    ('P = re.compile(r"(?:in\\s+the\\s+amount\\s+of|grants?|a|b|c|d)")', 1),  # phrases and plurals count
    ('P = re.compile(r"(?:[Ww]e|[Oo]ur|\\d+|x\\d|[a-z]+|\\s|y\\w)")', 0),  # classes and digits are no words
    ('S = frozenset(("a", "b", "c", "d", "e", "f"))', 1),
    ('def f(x):\n    return x in ("a", "b", "c", "d", "e", "f")', 1),
    ('__all__ = ["a", "b", "c", "d", "e", "f"]', 0),
])
def test_the_checker_finds_word_lists(source, found):
    tree = ast.parse(source)
    assert len(_regex_word_lists(tree, "m") + _collection_word_lists(tree, "m")) == found


if __name__ == "__main__":
    for line in long_modules() + long_functions() + word_lists():
        print(line)
