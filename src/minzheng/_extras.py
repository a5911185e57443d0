"""Optional dependencies imported lazily; their absence is an error naming the extra."""

from __future__ import annotations

import importlib
from typing import Any


def require(module: str, extra: str) -> Any:
    """Import ``module`` or raise an ``ImportError`` that says which extra provides it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(
            f"minzheng needs the '{extra}' extra for this: pip install 'minzheng[{extra}]'"
        ) from exc
