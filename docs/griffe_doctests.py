"""A griffe extension for the docs build: show docstring doctests as ``pycon`` code blocks.

minzheng's docstrings carry runnable examples (``>>>`` lines and their output)
in the description, as python-stdnum's do. Markdown would read them as prose —
and autorefs would take outputs such as ``['620724']`` for links — so this
extension wraps each run of example lines in a fenced block.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

__all__ = ["DoctestFences", "fence_doctests", "plain_roles"]

_ROLE = re.compile(r":(?:mod|class|func|meth|attr|data|exc):`(~?)([^`<]+?)(?:\s*<[^>]+>)?`")


def plain_roles(text: str) -> str:
    """Turn Sphinx roles (``:class:`~a.B```) into Markdown code spans (`` `B` ``)."""

    def replace(match: re.Match[str]) -> str:
        target = match[2].strip()
        return f"`{target.rsplit('.', 1)[-1] if match[1] else target}`"

    return _ROLE.sub(replace, text)


def fence_doctests(text: str) -> str:
    """Wrap each doctest block (``>>>`` line to the next blank line) in a pycon fence."""
    out: list[str] = []
    inside = False
    fenced_by_author = False
    for line in text.splitlines():
        stripped = line.lstrip()
        if stripped.startswith("```"):
            fenced_by_author = not fenced_by_author
        if not inside and not fenced_by_author and stripped.startswith(">>>"):
            indent = line[: len(line) - len(stripped)]
            out.append(f"{indent}```pycon")
            inside = True
        elif inside and not stripped:
            out.append(f"{indent}```")
            inside = False
        out.append(line)
    if inside:
        out.append(f"{indent}```")
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Fence the doctests of every docstring and make its Sphinx roles code spans."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:  # noqa: D102
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(plain_roles(obj.docstring.value))
