"""The JSON Schema of readout format 1, as committed in schemas/readout.schema.json."""

from __future__ import annotations

import json

from author.model import Readout


def schema_dict() -> dict:
    schema = Readout.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **{k: v for k, v in schema.items() if k != "$schema"},
    }


def schema_text() -> str:
    return json.dumps(schema_dict(), indent=2, ensure_ascii=False) + "\n"
