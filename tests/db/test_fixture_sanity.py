"""The shared `database_url` fixture gives a working, empty database on each backend."""

import sqlalchemy as sa


def test_database_url_is_fresh_and_usable(database_url, request):
    backend = request.node.callspec.params["database_url"]
    engine = sa.create_engine(database_url)
    try:
        assert engine.dialect.name == backend
        assert sa.inspect(engine).get_table_names() == []

        meta = sa.MetaData()
        answers = sa.Table(
            "answers",
            meta,
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("item", sa.String(40), nullable=False),
            sa.Column("score", sa.Float),
        )
        meta.create_all(engine)
        with engine.begin() as conn:
            conn.execute(
                answers.insert(),
                [{"item": "满意度", "score": 8.5}, {"item": "NPS", "score": 10.0}, {"item": "loyalty", "score": None}],
            )
        with engine.connect() as conn:
            rows = conn.execute(sa.select(answers.c.item, answers.c.score).order_by(answers.c.id)).all()
        assert [tuple(r) for r in rows] == [("满意度", 8.5), ("NPS", 10.0), ("loyalty", None)]
        assert sa.inspect(engine).get_table_names() == ["answers"]
    finally:
        engine.dispose()
