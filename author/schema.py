"""The JSON Schema of readout format 1, as committed in schemas/readout.schema.json.

It accepts what `author validate` accepts for structure and types (tests/test_schema_agreement.py
holds it to that); what needs rules (time zones, real dates, daylight saving, who is
listed) stays with `validate`. Every property carries its field's docstring.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from author.model import Readout


class _ReadoutSchema(GenerateJsonSchema):
    def str_schema(self, schema: Any) -> dict[str, Any]:
        """Text fields take numbers too: the model reads `section: 2023` as the text 2023
        (`coerce_numbers_to_str`), so an editor must not flag it."""
        json_schema = super().str_schema(schema)
        json_schema["type"] = ["string", "number"]
        return json_schema


def schema_dict() -> dict[str, Any]:
    schema = Readout.model_json_schema(mode="validation", schema_generator=_ReadoutSchema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **{k: v for k, v in schema.items() if k != "$schema"},
    }


def schema_text() -> str:
    return json.dumps(schema_dict(), indent=2, ensure_ascii=False) + "\n"
