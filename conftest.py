"""Test-session isolation shared by unit, notebook (nbval) and papermill tests.

Kernels started by nbval and papermill inherit this process's environment, so setting the
answer store and matplotlib backend here keeps every run isolated and deterministic.
"""

from __future__ import annotations

import os
import tempfile

_SESSION_DIR = tempfile.mkdtemp(prefix="salesbook-tests-")
os.environ["SALESBOOK_STORE"] = os.path.join(_SESSION_DIR, "antwoorden")
os.environ.setdefault("MPLBACKEND", "Agg")
os.environ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
