"""First start: the database is migrated and the demo surveys load once, on SQLite and PostgreSQL."""

import pandas as pd

from survey.cli import setup
from survey.storage import seed, store
from survey.storage.db import open_database


def test_first_start_loads_the_demo_surveys_once(database_url, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", database_url)
    setup.main()
    out = capsys.readouterr().out
    assert "3 surveys, demo surveys loaded" in out and "creates the administrator" in out
    db = open_database(database_url)
    with db.session() as s:
        ws = store.default_workspace(s).id
        surveys = {x.template: x for x in store.list_surveys(s, ws)}
        assert {k: v.responses for k, v in surveys.items()} == {"experience_table": 20, "ecsi": 250, "course": 235}
        ecsi = store.responses_frame(s, ws, surveys["ecsi"].id)
        source = pd.read_csv(seed.ECSI_CSV)
        assert ecsi["gender"].value_counts().to_dict() == source["gender"].value_counts().to_dict()
        assert ecsi["sat1"].tolist() == source["sat1"].astype(float).tolist()
        assert ecsi["sat1"].between(0, 10).all()
        # a user deletes a demo survey: a later start does not bring it back
        store.delete_survey(s, ws, surveys["course"].id)
        s.commit()
    db.dispose()
    setup.main()
    assert "2 surveys, existing data kept" in capsys.readouterr().out
