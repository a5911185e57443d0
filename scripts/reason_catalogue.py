"""Write docs/reference/reasons.md: every reason code, its messages in three locales, its citation.

    python scripts/reason_catalogue.py

The page is generated from :data:`minzheng.rules.REASONS`; the test suite fails
when the committed page differs from what this script writes.
"""

from __future__ import annotations

from pathlib import Path

from minzheng.rules import reason_catalogue_markdown

PAGE = Path(__file__).resolve().parents[1] / "docs" / "reference" / "reasons.md"


def main() -> None:
    """Regenerate the page."""
    PAGE.write_text(reason_catalogue_markdown(), encoding="utf-8")
    print(f"wrote {PAGE}")


if __name__ == "__main__":
    main()
