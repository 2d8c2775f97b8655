"""Loading a training or bench script (training/<task>/<name>.py, bench/<name>.py: not packages) as a
module, for the tests that check what it computes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def load_training_script(relative: str, module_name: str) -> Any:
    """The script at ROOT/`relative`, imported under `module_name` (registered in sys.modules first, so
    that its dataclasses can find their module)."""
    spec = importlib.util.spec_from_file_location(module_name, ROOT / relative)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module
