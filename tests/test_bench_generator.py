"""The benchmark's generated readouts are valid and warning-free, a third of them
bilingual and a share written with edition 2's fields, so that `bench/bench_validate.py`
measures the format as used."""

from __future__ import annotations

import random

from author.check import check_text
from bench.bench_validate import EDITION_2_SHARE, is_bilingual, is_edition_2, readout_text


def test_generated_readouts_are_clean_and_a_share_uses_edition_2() -> None:
    rng = random.Random(20260)
    texts = [readout_text(rng, i) for i in range(120)]
    for text in texts:
        result = check_text(text)
        assert result.diagnostics == [], [d.text() for d in result.diagnostics]
    edition_2 = [t for t in texts if is_edition_2(t)]
    assert 0.5 * EDITION_2_SHARE * len(texts) <= len(edition_2) <= 1.5 * EDITION_2_SHARE * len(texts)
    assert sum(map(is_bilingual, texts)) == len(texts) // 3  # a third with the Japanese page
    assert not any(is_bilingual(t) for t in edition_2)
    for marker in ("  name:", "  role:", "  followed_by:", "  - group:", "  - |"):
        assert any(marker in t for t in edition_2), marker
