"""The choices of respondent attributes, kept per survey version beside the definition's rows.

`survey.storage.store` writes and reads a version's scales, tree and items; an attribute's choices
(`survey.design.definition.Choice`) live in their own table (`tables.AttributeChoice`), written after the
version by `save_choices` and joined to a loaded definition by `load_definition` (the one to use wherever
a definition is shown to a respondent or edited). Like the store, nothing here commits.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from survey.design.definition import Choice, SurveyDefinition, normal_texts
from survey.storage import store
from survey.storage import tables as t


def save_choices(s: Session, workspace_id: int, version_id: int, defn: SurveyDefinition) -> None:
    """The choices of `defn`'s attributes, as the version's (those it had before replaced)."""
    store.get_version(s, workspace_id, version_id)  # the version is the workspace's
    s.execute(delete(t.AttributeChoice).where(t.AttributeChoice.version_id == version_id))
    defn = normal_texts(defn)  # as the store keeps the labels: the same text typed two ways is one text
    s.add_all(
        t.AttributeChoice(
            workspace_id=workspace_id,
            version_id=version_id,
            item_code=n.code,
            position=position,
            value=c.value,
            label_zh=c.label_zh,
            label_en=c.label_en,
        )
        for n in defn.items
        if n.role == "attribute"
        for position, c in enumerate(n.choices)
    )
    s.flush()


def with_choices(s: Session, workspace_id: int, version_id: int, defn: SurveyDefinition) -> SurveyDefinition:
    """`defn` (the version's) with its attributes' stored choices."""
    rows = s.scalars(
        select(t.AttributeChoice)
        .where(t.AttributeChoice.version_id == version_id, t.AttributeChoice.workspace_id == workspace_id)
        .order_by(t.AttributeChoice.item_code, t.AttributeChoice.position)
    ).all()
    found: dict[str, list[Choice]] = {}
    for row in rows:
        found.setdefault(row.item_code, []).append(Choice(row.value, row.label_zh, row.label_en))
    if not found:
        return defn
    nodes = tuple(
        replace(n, choices=tuple(found[n.code])) if n.role == "attribute" and n.code in found else n for n in defn.nodes
    )
    return replace(defn, nodes=nodes)


def load_definition(s: Session, workspace_id: int, version_id: int) -> SurveyDefinition:
    """`store.load_definition` with the attributes' choices."""
    return with_choices(s, workspace_id, version_id, store.load_definition(s, workspace_id, version_id))
