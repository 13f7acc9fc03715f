"""Prepare the database before the app starts: migrate, and load the demo surveys on first start.

python -m survey.cli.setup        (./dev.sh app runs it; DATABASE_URL chooses the database)
"""

from __future__ import annotations

from survey.access import accounts
from survey.storage import seed, store
from survey.storage.db import open_database


def main() -> None:
    db = open_database()
    with db.session() as s:
        loaded = seed.ensure_demo(s)
        s.commit()
        surveys = store.list_surveys(s, store.default_workspace(s).id)
        first_start = not accounts.has_accounts(s)
    db.dispose()
    where = db.url.split("@")[-1] if "@" in db.url else db.url
    state = "demo surveys loaded" if loaded else "existing data kept"
    print(f"database ready: {where} ({len(surveys)} surveys, {state})")
    if first_start:
        print(
            "no accounts yet: the first visitor of the app creates the administrator "
            "(or: python -m survey.cli.admin create-admin NAME)"
        )


if __name__ == "__main__":
    main()
