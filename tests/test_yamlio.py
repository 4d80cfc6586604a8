"""Writing readouts back: the order of the fields comes from the model."""

from __future__ import annotations

from author.model import Readout
from author.yamlio import dump_readout, field_order, written_models


def test_the_writing_order_holds_every_field_of_the_model_once() -> None:
    orders = field_order()
    models = written_models()
    assert models[()] is Readout and len(models) > 1
    assert set(orders) == set(models)
    for loc, model in models.items():
        assert sorted(orders[loc]) == sorted(model.model_fields), loc
        assert len(orders[loc]) == len(set(orders[loc])), loc


def test_a_saved_readout_is_written_in_the_readers_order() -> None:
    data = {
        "points": [{"points": ["Maritime cooperation."], "text": "Both sides agreed.", "heading": "Security"}],
        "counterparts": [{"title_first": True, "title": "former Foreign Minister", "family_name": "Hayashi"}],
        "meeting": {
            "followed_by": [{"start": "19:30", "name": "ASEAN-Japan dinner", "kind": "dinner"}],
            "start": "2024-07-08 18:00",
            "kind": "meeting",
        },
        "section": "Japan-Philippines Relations",
    }
    text = dump_readout(data)
    keys = [line.strip(" -").split(":")[0] for line in text.splitlines() if ":" in line]
    assert keys == [
        "section",
        "meeting", "kind", "start", "followed_by", "kind", "name", "start",
        "counterparts", "family_name", "title", "title_first",
        "points", "heading", "text", "points",
    ]
