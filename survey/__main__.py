"""`python -m survey`: the command line for survey-tool exports (survey/cli/imports.py)."""

from survey.cli.imports import main

if __name__ == "__main__":
    raise SystemExit(main())
