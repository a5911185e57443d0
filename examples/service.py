"""A small web service that embeds minzheng: validate JSON, decide 低保, return the explanation.

Run: pip install 'minzheng[service]' && uvicorn examples.service:app  (or: python examples/service.py)

POST /dibao/decide with {"household": {...}, "on": "2025-03-01", "locale": "en"}:
the household is validated by minzheng's converter (every problem listed with its
path, personal data masked), the decision is computed from the standards book the
service loaded at start-up, and the answer carries the amount, the explanation in
the caller's locale and the decision itself as JSON. GET /schema/household gives
the JSON Schema clients can validate against before they send. Run as a script,
it exercises itself with FastAPI's test client.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from fastapi import Body, FastAPI
from fastapi.responses import JSONResponse

from minzheng.assistance import decide_dibao
from minzheng.errors import InvalidRecords, MinzhengError
from minzheng.i18n import resolve_locale
from minzheng.io import from_dict, json_schema, to_dict
from minzheng.people import Household
from minzheng.synth import demo_book

# A real service loads its province's book: StandardsBook.from_csv("standards.csv").
BOOK = demo_book("620521", year=2025)

app = FastAPI(title="minzheng example: 低保 decisions")


@app.get("/schema/household")
def household_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of a household."""
    return json_schema(Household)


@app.post("/dibao/decide")
def decide(
    household: dict[str, Any] = Body(...),  # noqa: B008 - FastAPI's idiom
    on: str = Body(...),
    locale: str = Body("zh_Hans"),
) -> JSONResponse:
    """Validate the household, decide 低保 on ``on``, explain in ``locale``."""
    try:
        chosen = resolve_locale(locale)
        day = datetime.date.fromisoformat(on)
    except (MinzhengError, ValueError) as exc:
        return JSONResponse({"errors": [{"path": "$", "message": str(exc)}]}, status_code=422)
    try:
        record = from_dict(household, Household)
        decision = decide_dibao(record, on=day, book=BOOK)
    except InvalidRecords as err:
        errors = [{"path": p, "code": c, "message": m} for p, c, m in err.as_tuples(chosen)]
        return JSONResponse({"errors": errors}, status_code=422)
    except MinzhengError as err:
        return JSONResponse(
            {"errors": [{"path": "$", "code": err.code, "message": err.message(chosen)}]},
            status_code=422,
        )
    return JSONResponse(
        {
            "eligible": decision.eligible,
            "amount": to_dict(decision.amount),
            "explanation": decision.explain(chosen),
            "decision": to_dict(decision),
        }
    )


def main() -> None:
    from fastapi.testclient import TestClient

    from minzheng.assistance import example_household

    client = TestClient(app)
    answer = client.post(
        "/dibao/decide",
        json={"household": to_dict(example_household()), "on": "2025-03-01", "locale": "en"},
    )
    print(answer.status_code, answer.json()["amount"])
    print(answer.json()["explanation"].splitlines()[1])
    bad = to_dict(example_household())
    bad["members"][0]["person"]["birth_date"] = "1985-02-30"
    refused = client.post("/dibao/decide", json={"household": bad, "on": "2025-03-01"})
    print(refused.status_code, json.dumps(refused.json(), ensure_ascii=False))


if __name__ == "__main__":
    main()
