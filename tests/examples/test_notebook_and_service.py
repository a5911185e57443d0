"""The example notebook executes top to bottom; the example service answers through its test client."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = Path(__file__).parents[2] / "examples"


def test_notebook_executes() -> None:
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(EXAMPLES / "county_notebook.ipynb", as_version=4)  # type: ignore[no-untyped-call]
    NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(EXAMPLES)}},
    ).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "全县保障城乡低保对象" in text
    assert "amount.format" in text


@pytest.fixture(scope="module")
def client() -> Any:
    from fastapi.testclient import TestClient

    spec = importlib.util.spec_from_file_location("example_service", EXAMPLES / "service.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["example_service"] = module
    spec.loader.exec_module(module)
    return TestClient(module.app)


def test_service_decides_and_explains(client: Any) -> None:
    from minzheng.assistance import example_household
    from minzheng.io import from_dict, to_dict
    from minzheng.rules import Decision

    answer = client.post(
        "/dibao/decide",
        json={"household": to_dict(example_household()), "on": "2025-03-01", "locale": "zh_Hant"},
    )
    assert answer.status_code == 200
    body = answer.json()
    assert body["eligible"] is True and body["amount"] == {"amount": "860.00", "period": "month"}
    assert "符合條件" in body["explanation"]
    assert from_dict(body["decision"], Decision).amount == from_dict(
        body["amount"], type(from_dict(body["decision"], Decision).amount)
    )


def test_service_lists_every_problem_with_masked_values(client: Any) -> None:
    from minzheng.assistance import example_household
    from minzheng.io import to_dict

    bad = to_dict(example_household())
    bad["members"][0]["person"]["birth_date"] = "1985-02-30"
    bad["members"][1]["person"]["resident_id"] = "620521198502301234"
    bad["colour"] = "blue"
    answer = client.post(
        "/dibao/decide", json={"household": bad, "on": "2025-03-01", "locale": "en"}
    )
    assert answer.status_code == 422
    paths = {e["path"] for e in answer.json()["errors"]}
    assert paths == {
        "$.members[0].person.birth_date",
        "$.members[1].person.resident_id",
        "$.colour",
    }
    assert "620521198502301234" not in answer.text
    schema = client.get("/schema/household").json()
    assert schema["$schema"].endswith("2020-12/schema")
