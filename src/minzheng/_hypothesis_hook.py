"""Hypothesis' entry point: register minzheng's strategies for ``st.from_type``.

It lives outside :mod:`minzheng.testing` because Hypothesis calls it while it is
itself being imported — possibly *by* :mod:`minzheng.testing`. Every strategy is
deferred, so nothing (not even the division registry) is built until a draw.
"""

from __future__ import annotations

from typing import Any

__all__ = ["_hypothesis_setup_hook"]


def _deferred(name: str) -> Any:
    from hypothesis import strategies as st

    def build() -> Any:
        import minzheng.testing

        return getattr(minzheng.testing, name)()

    return st.deferred(build)


def _hypothesis_setup_hook() -> None:
    """Register the strategies with Hypothesis (called through its entry point)."""
    from hypothesis import strategies as st

    from minzheng.care import Institution, Stay
    from minzheng.dates import Month
    from minzheng.divisions import Division
    from minzheng.ids import CreditCode, DisabilityCertificateNo, ResidentId
    from minzheng.money import Rate
    from minzheng.payments import Entitlement
    from minzheng.people import Household, Person
    from minzheng.registration import SocialOrganisation

    for cls, name in (
        (ResidentId, "resident_ids"),
        (CreditCode, "credit_codes"),
        (DisabilityCertificateNo, "disability_certificates"),
        (Month, "months"),
        (Rate, "rates"),
        (Division, "divisions"),
        (Person, "persons"),
        (Household, "households"),
        (Entitlement, "entitlements"),
        (Institution, "institutions"),
        (Stay, "stays"),
        (SocialOrganisation, "organisations"),
    ):
        st.register_type_strategy(cls, _deferred(name))
