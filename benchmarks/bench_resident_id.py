"""Identity-number validation: minzheng vs python-stdnum vs a pure-Python weight loop.

    python benchmarks/bench_resident_id.py [--n 1000000] [--repeat 3]

All validators check the same things where they can: length, digits, check
character and a real birth date. python-stdnum's ``validate`` also looks the
address code up in its table (which minzheng deliberately does not do — numbers
keep retired codes), so it is timed twice: its public ``validate`` and its
checks without the place lookup. Prints seconds per million and ratios against
``ResidentId.parse``; no threshold is asserted (benchmarks never gate CI).
"""

from __future__ import annotations

import argparse
import datetime
import random
import time
from collections.abc import Callable

from stdnum.cn import ric as stdnum_ric
from stdnum.exceptions import ValidationError

from minzheng import divisions
from minzheng.ids import ResidentId, resident_id

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK = "10X98765432"


def make_numbers(n: int, seed: int = 20251122) -> list[str]:
    """Valid numbers over real county codes, with lower-case x now and then."""
    rng = random.Random(seed)
    # Counties in force throughout the table, so python-stdnum's place check accepts them too.
    counties = [d.code for d in divisions.all_divisions(level="county") if d.valid_from is None][
        ::25
    ]
    start = datetime.date(1930, 1, 1).toordinal()
    numbers = []
    for _ in range(n):
        born = datetime.date.fromordinal(start + rng.randrange(34000))
        body = f"{rng.choice(counties)}{born:%Y%m%d}{rng.randrange(1000):03d}"
        number = body + resident_id.calc_check_digit(body)
        numbers.append(number.lower() if rng.random() < 0.05 else number)
    return numbers


def weight_loop_validate(number: str) -> str:
    """The textbook validator: strip, upper-case, weighted sum, table, date."""
    text = number.strip().upper()
    if len(text) != 18 or not text[:17].isdigit() or text[17] not in "0123456789X":
        raise ValueError("format")
    total = 0
    for digit, weight in zip(text[:17], WEIGHTS, strict=True):
        total += int(digit) * weight
    if CHECK[total % 11] != text[17]:
        raise ValueError("checksum")
    datetime.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    return text


def stdnum_without_place(number: str) -> str:
    text = stdnum_ric.compact(number)
    if len(text) != 18 or not text[:-1].isdigit():
        raise ValidationError()
    if text[-1] != stdnum_ric.calc_check_digit(text):
        raise ValidationError()
    stdnum_ric.get_birth_date(text)
    return text


def timed(fn: Callable[[str], object], numbers: list[str], repeat: int) -> tuple[float, int]:
    """Best time over ``repeat`` runs, and how many numbers the validator rejected."""
    best = float("inf")
    rejected = 0
    for _ in range(repeat):
        rejected = 0
        start = time.perf_counter()
        for number in numbers:
            try:
                fn(number)
            except (ValueError, ValidationError):
                rejected += 1
        best = min(best, time.perf_counter() - start)
    return best, rejected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    numbers = make_numbers(args.n)
    contenders: list[tuple[str, Callable[[str], object]]] = [
        ("minzheng ResidentId.parse", ResidentId.parse),
        ("minzheng resident_id.validate", resident_id.validate),
        ("minzheng resident_id.is_valid", resident_id.is_valid),
        ("pure-Python weight loop", weight_loop_validate),
        ("python-stdnum checks, no place lookup", stdnum_without_place),
        ("python-stdnum ric.validate (with place lookup)", stdnum_ric.validate),
    ]
    results = [(name, *timed(fn, numbers, args.repeat)) for name, fn in contenders]
    base = results[0][1]
    print(f"{args.n:,} valid identity numbers, best of {args.repeat}")
    print(f"{'validator':<48}{'s per million':>14}{'time vs parse':>15}{'rejected':>10}")
    for name, seconds, rejected in results:
        per_million = seconds * 1_000_000 / args.n
        print(f"{name:<48}{per_million:>14.3f}{seconds / base:>14.2f}×{rejected:>10}")


if __name__ == "__main__":
    main()
