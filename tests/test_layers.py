"""The import layers of ARCHITECTURE.md ("Layers"), checked on the source with ``ast``.

Every module under ``src/minzheng`` is parsed; every import it makes counts —
module level and inside functions, ``import minzheng.x``, ``from minzheng.x import y``,
``from minzheng import x``, relative imports, imports under ``if TYPE_CHECKING:``
(a type-only import still ties one layer to another: ``rules`` types its matter by a
``Protocol`` precisely so that it imports nothing above it), and imports by name:
``importlib.import_module("minzheng.x")`` / ``__import__`` with a literal, and a
literal tuple, list or set of module names (``("minzheng.care", ...)``) that a module
imports in a loop. Three rules:

1. no module imports a higher layer, and a domain package imports no sibling domain
   package (except ``payments``, which may read the programmes of any of them);
2. nothing imports ``minzheng.cli`` but ``cli`` itself and ``minzheng/__main__.py``;
3. no module imports a private name (a ``_name``, or anything from a ``_private``
   module) of another top-level package. The top-level private helpers
   (``minzheng._validators``, ``minzheng._bounds`` …) are shared foundation helpers
   and may be imported by anyone; a ``_name`` *inside* them is still private.

Each violation is printed as ``module:line: import`` and the test fails listing them.
"""

from __future__ import annotations

import ast
import textwrap
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "minzheng"

FOUNDATION, CORE, DOMAIN, EDGES, CLI = range(5)
LAYER_NAMES = {
    FOUNDATION: "foundation",
    CORE: "shared domain core",
    DOMAIN: "domain package",
    EDGES: "edge",
    CLI: "command line",
}

#: Top-level name under ``minzheng`` → layer. A new package or module must be placed
#: here (``test_every_module_has_a_layer``). Within a layer imports go either way,
#: except between domain packages (see ``DOMAIN_READERS``).
LAYERS: dict[str, int] = {
    # foundation: value types with no programme policy. ``privacy`` (masking,
    # pseudonyms) is foundation: errors, ids and dates mask with it.
    "errors": FOUNDATION,
    "privacy": FOUNDATION,
    "ids": FOUNDATION,
    "divisions": FOUNDATION,
    "codes": FOUNDATION,
    "money": FOUNDATION,
    "dates": FOUNDATION,
    "i18n": FOUNDATION,
    # top-level private helpers shared by every layer (they import only foundation)
    "_messages": FOUNDATION,
    "_validators": FOUNDATION,
    "_bounds": FOUNDATION,
    "_locking": FOUNDATION,
    "_extras": FOUNDATION,
    "_version": FOUNDATION,
    # shared domain core
    "people": CORE,
    "programmes": CORE,
    "standards": CORE,
    "rules": CORE,
    # domain packages (DOMAIN.md and DOMAIN-2.md; the latter not all written yet)
    "assistance": DOMAIN,
    "welfare": DOMAIN,
    "care": DOMAIN,
    "registration": DOMAIN,
    "payments": DOMAIN,
    "affairs": DOMAIN,
    "charity": DOMAIN,
    "community": DOMAIN,
    "placenames": DOMAIN,
    # the edges. ``synth`` builds a county from every domain package and is read by
    # the docs, benchmarks and the command line; ``testing`` (Hypothesis strategies
    # for every public type, statistics facts included) and the Hypothesis entry
    # point that loads it sit here too, as does ``_extract``, which reads every
    # translatable text for the catalogue tooling. The package root re-exports.
    "io": EDGES,
    "frames": EDGES,
    "stats": EDGES,
    "synth": EDGES,
    "testing": EDGES,
    "_hypothesis_hook": EDGES,
    "_extract": EDGES,
    "": EDGES,
    # the command line, and ``python -m minzheng``
    "cli": CLI,
    "__main__": CLI,
}

#: Domain packages that may import sibling domain packages (ARCHITECTURE.md: payments
#: "may read programmes of any of them").
DOMAIN_READERS = frozenset({"payments"})

#: Modules (top-level names) that may import ``minzheng.cli``.
CLI_IMPORTERS = frozenset({"cli", "__main__"})

#: Top-level names that are the same package for the private-name rule.
SAME_PACKAGE = {"__main__": "cli"}

_IMPORT_BY_NAME = frozenset({"import_module", "__import__", "find_spec"})


@attrs.frozen
class Edge:
    """One import: the importing module, the line, the target module and the names."""

    module: str
    line: int
    target: str
    names: tuple[str, ...] = ()
    type_only: bool = False
    how: str = ""

    def __str__(self) -> str:
        note = " (type checking only)" if self.type_only else ""
        return f"{self.module}:{self.line}: {self.how}{note}"


def module_name(path: Path, root: Path = SRC) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _module_literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text: str = node.value
        if text == "minzheng" or text.startswith("minzheng."):
            return text
    return None


def imports_of(
    source: str, module: str, *, is_package: bool = False, known: frozenset[str] = frozenset()
) -> Iterator[Edge]:
    """Every ``minzheng`` import of one module's source (see the module docstring)."""
    tree = ast.parse(source)
    package = module if is_package else module.rpartition(".")[0]

    def visit(node: ast.AST, type_only: bool) -> Iterator[Edge]:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for stmt in node.body:
                yield from visit(stmt, True)
            for stmt in node.orelse:
                yield from visit(stmt, type_only)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "minzheng" or alias.name.startswith("minzheng."):
                    yield Edge(
                        module, node.lineno, alias.name, (), type_only, f"import {alias.name}"
                    )
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "minzheng" or target.startswith("minzheng."):
                names = tuple(a.name for a in node.names)
                how = f"from {'.' * node.level}{node.module or ''} import {', '.join(names)}"
                if target == "minzheng":  # ``from minzheng import divisions``: the modules
                    for name in names:
                        sub = f"minzheng.{name}"
                        yield Edge(
                            module,
                            node.lineno,
                            sub if sub in known else "minzheng",
                            () if sub in known else (name,),
                            type_only,
                            how,
                        )
                else:
                    yield Edge(module, node.lineno, target, names, type_only, how)
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in _IMPORT_BY_NAME and node.args:
                literal = _module_literal(node.args[0])
                if literal is not None:
                    yield Edge(module, node.lineno, literal, (), type_only, ast.unparse(node))
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set)) and node.elts:
            literals = [_module_literal(e) for e in node.elts]
            named = [t for t in literals if t is not None and t in known]
            if len(named) == len(literals):
                for element, name in zip(node.elts, named, strict=True):
                    how = f"{name!r} (imported by name)"
                    yield Edge(module, element.lineno, name, (), type_only, how)
                return
        for child in ast.iter_child_nodes(node):
            yield from visit(child, type_only)

    yield from visit(tree, False)


def top_level(module: str) -> str:
    """``minzheng.care.beds`` → ``care``; ``minzheng`` → ``""``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def layer_violation(edge: Edge) -> str | None:
    source, target = top_level(edge.module), top_level(edge.target)
    if source == target:
        return None
    mine, theirs = LAYERS[source], LAYERS[target]
    if theirs > mine:
        return f"{LAYER_NAMES[mine]} imports {LAYER_NAMES[theirs]} {target or 'minzheng'}"
    if mine == theirs == DOMAIN and source not in DOMAIN_READERS:
        return f"domain package {source} imports its sibling {target}"
    return None


def cli_violation(edge: Edge) -> str | None:
    if top_level(edge.target) == "cli" and top_level(edge.module) not in CLI_IMPORTERS:
        return "imports minzheng.cli"
    return None


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def private_violation(edge: Edge) -> str | None:
    source, target = top_level(edge.module), top_level(edge.target)
    if SAME_PACKAGE.get(source, source) == SAME_PACKAGE.get(target, target):
        return None
    parts = edge.target.split(".")[1:]
    if parts and _private(parts[0]) and target in LAYERS and LAYERS[target] == FOUNDATION:
        parts = parts[1:]  # a top-level private helper: shared by design
    private = [p for p in parts if _private(p)] + [n for n in edge.names if _private(n)]
    if private:
        return f"private name {', '.join(private)} of {target or 'minzheng'}"
    return None


def all_edges() -> list[Edge]:
    modules = all_modules()
    known = frozenset(modules)
    edges: list[Edge] = []
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        edges += imports_of(path.read_text("utf-8"), name, is_package=is_package, known=known)
    return edges


def _report(rule: str, found: list[str]) -> None:
    for line in found:
        print(line)
    assert not found, f"{len(found)} {rule}:\n" + "\n".join(found)


def _violations(check: object) -> list[str]:
    out = []
    for edge in all_edges():
        why = check(edge)  # type: ignore[operator]
        if why:
            out.append(f"{edge}  — {why}")
    return out


# --- the rules, on the source ---------------------------------------------------------


def test_every_module_has_a_layer() -> None:
    missing = sorted({top_level(m) for m in all_modules()} - set(LAYERS))
    assert not missing, f"place these in LAYERS (tests/test_layers.py): {missing}"


def test_no_module_imports_a_higher_layer_or_a_sibling_domain_package() -> None:
    _report("upward or sibling imports", _violations(layer_violation))


def test_nothing_imports_the_command_line() -> None:
    _report("imports of minzheng.cli", _violations(cli_violation))


def test_no_private_names_across_packages() -> None:
    _report("private names imported across packages", _violations(private_violation))


def test_the_scan_sees_the_whole_package() -> None:
    edges = all_edges()
    modules = all_modules()
    assert len(modules) > 100
    # function-level, TYPE_CHECKING and by-name imports are all in the graph
    assert any(e.type_only for e in edges)
    assert any("imported by name" in e.how for e in edges)
    assert {e.module for e in edges} >= {"minzheng.care.beds", "minzheng.cli", "minzheng.synth"}


# --- the checker itself --------------------------------------------------------------


KNOWN = frozenset({"minzheng", "minzheng.care", "minzheng.cli", "minzheng.stats", "minzheng.io"})


def _edges(source: str, module: str = "minzheng.ids.demo") -> list[Edge]:
    return list(imports_of(textwrap.dedent(source), module, known=KNOWN))


@pytest.mark.parametrize(
    "source",
    [
        "from minzheng.care import Bed",
        "import minzheng.care.beds",
        "def f():\n    from minzheng.stats import Fact",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from minzheng.care import Bed",
        "import importlib\nimportlib.import_module('minzheng.care')",
        "MODULES = ('minzheng.care', 'minzheng.io')",
        "from minzheng import care",
        "from .. import care",
    ],
)
def test_an_upward_import_in_any_form_is_found(source: str) -> None:
    found = [layer_violation(e) for e in _edges(source)]
    assert any(found), source


def test_a_sibling_domain_import_is_found_except_from_payments() -> None:
    edge = _edges("from minzheng.care import Bed", "minzheng.welfare.elderly")[0]
    assert layer_violation(edge) == "domain package welfare imports its sibling care"
    edge = _edges("from minzheng.care import Bed", "minzheng.payments.ledger")[0]
    assert layer_violation(edge) is None


def test_a_downward_import_passes() -> None:
    edges = _edges(
        "from minzheng.errors import InvalidValue\nimport minzheng.i18n", "minzheng.io.x"
    )
    assert len(edges) == 2
    assert not any(layer_violation(e) or private_violation(e) for e in edges)


def test_importing_the_command_line_is_found() -> None:
    (edge,) = _edges("def f():\n    from minzheng.cli._text import t", "minzheng.io.load")
    assert cli_violation(edge) == "imports minzheng.cli"
    assert private_violation(edge) == "private name _text of cli"
    (edge,) = _edges("from minzheng.cli import _console", "minzheng.__main__")
    assert cli_violation(edge) is private_violation(edge) is layer_violation(edge) is None


def test_private_names_across_packages_are_found() -> None:
    cases = {
        "from minzheng.money._finite import finite_amount": "private name _finite of money",
        "from minzheng.errors import _SafeParams": "private name _SafeParams of errors",
        "from minzheng._validators import typed_fields": None,
        "from minzheng._validators import _helper": "private name _helper of _validators",
        "from minzheng._version import __version__": None,
        "from minzheng.care._beds import x": "private name _beds of care",
    }
    for source, expected in cases.items():
        (edge,) = _edges(source, "minzheng.rules.reasons")
        assert private_violation(edge) == expected, source
    (edge,) = _edges("from minzheng.rules._x import y", "minzheng.rules.reasons")
    assert private_violation(edge) is None  # the same package


def test_a_string_tuple_that_is_not_modules_is_not_an_import() -> None:
    assert _edges("X = ('minzheng.care', 'not a module')") == []
    assert _edges("'''A docstring naming minzheng.care.'''") == []
