"""``python -m bench validate`` runs every shape end to end at a tiny size (no time asserted)."""

from __future__ import annotations

import subprocess
import sys

from bench import validate
from tests.conftest import ROOT


def test_every_shape_is_a_data_file_of_the_size_asked() -> None:
    for name, shape in validate.SHAPES.items():
        text = shape(200_000)
        assert 150_000 < len(text.encode()) <= 200_200, name
        assert text.startswith(("council:", "# ")), name


def test_the_benchmark_prints_a_row_per_shape_without_tracebacks() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bench", "validate", "--mb", "0.05", "--timeout", "120"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr
    rows = [
        line for line in result.stdout.splitlines() if line.startswith("| ") and " MB |" in line
    ]
    assert [row.split(" | ")[0].removeprefix("| ") for row in rows] == list(validate.SHAPES)
    assert "TRACEBACK" not in result.stdout
