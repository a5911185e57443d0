import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "default", deadline=None, max_examples=100, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci",
    deadline=None,
    max_examples=200,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default")
)


# -- races: many threads released together against one shared object ------------------------------

import sys  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402

Race = Callable[..., int]


@pytest.fixture
def race() -> Race:
    """Run ``action(state, i)`` in ``threads`` threads released by one barrier, round after round.

    Each round builds a fresh ``state = setup()``, starts the threads together (with the
    interpreter switching threads as often as it can, to provoke interleavings), then calls
    ``check(state, outcomes)`` with what the actions returned, which asserts the invariant.
    A ``RuleViolation`` counts as the outcome ``"refused:<code>"``; any other exception an
    action lets escape fails the test. Rounds stop after ``rounds`` or ``seconds``;
    returns the rounds run.
    """
    from minzheng.errors import RuleViolation

    def run(
        setup: Callable[[], Any],
        action: Callable[[Any, int], object],
        check: Callable[[Any, list[object]], object],
        *,
        threads: int = 8,
        rounds: int = 300,
        seconds: float = 2.0,
    ) -> int:
        old = sys.getswitchinterval()
        sys.setswitchinterval(1e-6)
        stop = time.monotonic() + seconds
        done = 0
        try:
            while done < rounds and time.monotonic() < stop:
                state = setup()
                barrier = threading.Barrier(threads)
                escaped: list[BaseException] = []
                outcomes: list[object] = []

                def work(
                    i: int,
                    state: Any = state,
                    barrier: Any = barrier,
                    escaped: list[BaseException] = escaped,
                    outcomes: list[object] = outcomes,
                ) -> None:
                    barrier.wait()
                    try:
                        outcomes.append(action(state, i))
                    except RuleViolation as refusal:
                        outcomes.append(f"refused:{refusal.code}")
                    except Exception as exc:  # collected and reported below
                        escaped.append(exc)

                workers = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
                for worker in workers:
                    worker.start()
                for worker in workers:
                    worker.join()
                assert not escaped, f"round {done}: {escaped[0]!r}"
                check(state, outcomes)
                done += 1
        finally:
            sys.setswitchinterval(old)
        return done

    return run
