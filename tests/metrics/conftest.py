"""Shared fixtures for the metrics tests: the repository on sys.path and the reference data."""

from pathlib import Path

import pandas as pd
import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def ecsi() -> pd.DataFrame:
    """ECSI mobile-phone survey, 250 respondents, items on 0–10 (R plspm's `satisfaction`)."""
    path = SHARED_DATA / "ecsi_mobile_satisfaction.csv"
    if not path.exists():
        path = REPO_ROOT / "data" / "ecsi_mobile_satisfaction.csv"
    return pd.read_csv(path, index_col=0)
