"""The tiny examples in every metrics docstring are part of the documentation: check them."""

import doctest
import importlib

import pytest

MODULES = [
    "ahp",
    "compare",
    "crosstab",
    "csat",
    "drivers",
    "gaps",
    "indices",
    "ipma",
    "kano",
    "loyalty",
    "multiple",
    "nps",
    "pls",
    "priorities",
    "reliability",
    "text",
    "value",
    "weighting",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"metrics.{name}")
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0, f"metrics.{name} has no docstring example"
    assert result.failed == 0
