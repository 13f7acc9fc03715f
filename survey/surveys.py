"""What a coordinator does to a workspace's surveys on the Surveys page: create one (from a template or blank),
import a definition file, rename, copy, archive or restore, delete; the designer's save (`edit_survey`) and
the Overview's targets (`set_target`).

Each is one user action and one transaction: it takes the `Database` and the signed-in account, checks
that their role may design surveys in the workspace (`accounts.check_permission`, AccountError
"account.not_permitted"), writes through `survey.storage.store`, writes the audit entry and commits. A
refused action (that error, a `DefinitionError` naming what is wrong, `store.NotFound` for a survey of
another workspace) writes nothing.

The audit entry names a survey by its title in the user's language (`lang`), as the page shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from survey.access import accounts, audit
from survey.access.accounts import SignedIn
from survey.analysis.inputs import analysis_inputs
from survey.analysis.model import check_model_paths
from survey.design import definition_file, templates
from survey.design.definition import SurveyDefinition
from survey.storage import choices, store
from survey.storage import tables as t
from survey.storage.db import Database

PERMISSION = "surveys.design"
# who sets the Overview's targets: who designs the survey, or the teacher of a class (not a read-only manager)
TARGET_PERMISSIONS = ("surveys.design", "classes.manage")


def may_set_targets(place: accounts.Place | None) -> bool:
    """Whether the user may set the Overview's targets where they work (`TARGET_PERMISSIONS`)."""
    return place is not None and any(place.may(p) for p in TARGET_PERMISSIONS)


@dataclass(frozen=True)
class MadeSurvey:
    """A survey an action has just made (created, imported or copied)."""

    id: int
    title_zh: str
    title_en: str

    def title(self, lang: str) -> str:
        return (self.title_zh if lang == "zh" else self.title_en) or self.title_zh or self.title_en


def _title(survey: t.Survey, lang: str) -> str:
    return MadeSurvey(survey.id, survey.title_zh, survey.title_en).title(lang)


def new_definition(template: str, title_zh: str, title_en: str, *, add_nps_loyalty: bool = False) -> SurveyDefinition:
    """The definition of a new survey: the template's (`templates.TEMPLATES`; "" a blank survey with the
    standard 5-point scale) under the titles given (trimmed), with the NPS and loyalty block when asked."""
    if template:
        defn = templates.build(template)
    else:
        defn = SurveyDefinition(title_zh="", title_en="", scales=(templates.standard_scale("5"),))
    defn = replace(defn, title_zh=title_zh.strip(), title_en=title_en.strip())
    return templates.add_nps_loyalty_block(defn) if add_nps_loyalty else defn


def _create(s: Session, who: SignedIn, workspace_id: int, defn: SurveyDefinition, lang: str, **detail) -> MadeSurvey:
    survey = store.create_survey(s, workspace_id, defn)
    choices.save_choices(s, workspace_id, store.current_version(s, workspace_id, survey.id).id, defn)
    audit.record(s, who.actor, "survey_create", workspace_id=workspace_id, target=defn.title(lang), **detail)
    return MadeSurvey(survey.id, survey.title_zh, survey.title_en)


def create_survey(
    db: Database,
    who: SignedIn,
    workspace_id: int,
    *,
    template: str,
    title_zh: str,
    title_en: str,
    add_nps_loyalty: bool = False,
    lang: str,
) -> MadeSurvey:
    """A new survey from a template (`new_definition`), audited as "survey_create" with the template."""
    with db.session() as s:
        accounts.check_permission(s, who, PERMISSION, workspace_id)
        defn = new_definition(template, title_zh, title_en, add_nps_loyalty=add_nps_loyalty)
        made = _create(s, who, workspace_id, defn, lang, template=template)
        s.commit()
        return made


def import_survey_file(
    db: Database, who: SignedIn, workspace_id: int, content: bytes, file_name: str, *, lang: str
) -> MadeSurvey:
    """A new survey from a definition file's bytes (`definition_file.load`: DefinitionError naming every
    problem), audited as "survey_create" with the file's name."""
    with db.session() as s:
        accounts.check_permission(s, who, PERMISSION, workspace_id)
        defn = definition_file.load(content)
        made = _create(s, who, workspace_id, defn, lang, file=file_name)
        s.commit()
        return made


def create_drafted_survey(
    db: Database, who: SignedIn, workspace_id: int, defn: SurveyDefinition, file_name: str, *, lang: str
) -> MadeSurvey:
    """A new survey drafted from a survey tool's export on the import page, audited as "survey_create"
    with the file it was drafted from."""
    with db.session() as s:
        accounts.check_permission(s, who, PERMISSION, workspace_id)
        made = _create(s, who, workspace_id, defn, lang, file=file_name)
        s.commit()
        return made


def set_target(
    db: Database,
    who: SignedIn,
    workspace_id: int,
    survey_id: int,
    figure: str,
    value: float | None,
    *,
    lang: str,
) -> None:
    """The Overview's target for one figure (`store.set_target`; None removes it), kept with the survey for
    everyone who reads its dashboards; set by who designs the survey or teaches the class
    (`TARGET_PERMISSIONS`: a read-only manager is refused), audited as "target_set" with the figure and
    the value."""
    with db.session() as s:
        _check_any(s, who, TARGET_PERMISSIONS, workspace_id)
        survey = store.get_survey(s, workspace_id, survey_id)
        store.set_target(s, workspace_id, survey_id, figure, value)
        audit.record(
            s,
            who.actor,
            "target_set",
            workspace_id=workspace_id,
            target=_title(survey, lang),
            figure=figure,
            value=value,
        )
        s.commit()


def set_model(
    db: Database,
    who: SignedIn,
    workspace_id: int,
    survey_id: int,
    pairs,
    *,
    lang: str,
) -> tuple[tuple[str, str], ...]:
    """Keep the path model drawn on the Model page ((from, to) dimension pairs; empty returns to the model
    the dimension codes give), for every version of the survey; set by who designs the survey
    (`PERMISSION`: a read-only manager is refused). The paths are checked first
    (`analysis.check_model_paths`: ModelError naming an unknown dimension, one without items, a path to
    itself or a cycle). Audited as "model_set" with the paths."""
    with db.session() as s:
        accounts.check_permission(s, who, PERMISSION, workspace_id)
        survey = store.get_survey(s, workspace_id, survey_id)
        pairs = [tuple(p) for p in pairs]
        if pairs:
            defn = store.load_definition(s, workspace_id, store.current_version(s, workspace_id, survey_id).id)
            pairs = check_model_paths(defn, analysis_inputs(defn).scales, pairs, lang)
        store.set_model_paths(s, workspace_id, survey_id, pairs)
        audit.record(
            s,
            who.actor,
            "model_set",
            workspace_id=workspace_id,
            target=_title(survey, lang),
            paths=", ".join(f"{a} → {b}" for a, b in pairs) or "—",
        )
        s.commit()
    return tuple(pairs)


def _check_any(s: Session, who: SignedIn, permissions: tuple[str, ...], workspace_id: int) -> None:
    """`accounts.check_permission` for the first of `permissions` the user has (AccountError when none)."""
    for permission in permissions[:-1]:
        try:
            accounts.check_permission(s, who, permission, workspace_id)
            return
        except accounts.AccountError:
            continue
    accounts.check_permission(s, who, permissions[-1], workspace_id)


def rename_survey(
    db: Database, who: SignedIn, workspace_id: int, survey_id: int, title_zh: str, title_en: str, *, lang: str
) -> None:
    """New titles for a survey (`store.rename_survey`), audited as "survey_rename" under the old title."""
    with db.session() as s:
        accounts.check_permission(s, who, PERMISSION, workspace_id)
        old = _title(store.get_survey(s, workspace_id, survey_id), lang)
        store.rename_survey(s, workspace_id, survey_id, title_zh, title_en)
        audit.record(s, who.actor, "survey_rename", workspace_id=workspace_id, target=old, new=title_zh or title_en)
        s.commit()


def edit_survey(
    db: Database, who: SignedIn, workspace_id: int, survey_id: int, defn: SurveyDefinition, *, lang: str
) -> store.SaveResult:
    """The designer's save: the edited definition stored (`store.save_definition`: a new version when the
    answered version's structure changes, the old one kept with its answers) with its attributes' choices
    (`choices.save_choices`), audited as "survey_edit" with the version written. A `DefinitionError` names
    what is wrong; nothing is written then."""
    with db.session() as s:
        accounts.check_permission(s, who, PERMISSION, workspace_id)
        result = store.save_definition(s, workspace_id, survey_id, defn)
        choices.save_choices(s, workspace_id, result.version_id, defn)
        audit.record(
            s, who.actor, "survey_edit", workspace_id=workspace_id, target=defn.title(lang), version=result.version
        )
        s.commit()
        return result


def copy_survey(db: Database, who: SignedIn, workspace_id: int, survey_id: int, *, lang: str) -> MadeSurvey:
    """A copy of a survey's current definition, without its responses (`store.duplicate_survey`), audited
    as "survey_create" under the original's title."""
    with db.session() as s:
        accounts.check_permission(s, who, PERMISSION, workspace_id)
        original = _title(store.get_survey(s, workspace_id, survey_id), lang)
        copy = store.duplicate_survey(s, workspace_id, survey_id)
        source = choices.load_definition(s, workspace_id, store.current_version(s, workspace_id, survey_id).id)
        choices.save_choices(s, workspace_id, store.current_version(s, workspace_id, copy.id).id, source)
        audit.record(s, who.actor, "survey_create", workspace_id=workspace_id, target=original, copy=True)
        made = MadeSurvey(copy.id, copy.title_zh, copy.title_en)
        s.commit()
        return made


def archive_survey(
    db: Database, who: SignedIn, workspace_id: int, survey_id: int, archived: bool, *, lang: str
) -> None:
    """Archive a survey (`archived`) or restore it, audited as "survey_archive"."""
    with db.session() as s:
        accounts.check_permission(s, who, PERMISSION, workspace_id)
        title = _title(store.get_survey(s, workspace_id, survey_id), lang)
        store.set_archived(s, workspace_id, survey_id, archived)
        audit.record(s, who.actor, "survey_archive", workspace_id=workspace_id, target=title, archived=archived)
        s.commit()


def delete_survey(db: Database, who: SignedIn, workspace_id: int, survey_id: int, *, lang: str) -> int:
    """Delete a survey with its versions and responses (`store.delete_survey`); returns the responses
    removed. Audited as "survey_delete" with that number."""
    with db.session() as s:
        accounts.check_permission(s, who, PERMISSION, workspace_id)
        title = _title(store.get_survey(s, workspace_id, survey_id), lang)
        removed = store.delete_survey(s, workspace_id, survey_id)
        audit.record(s, who.actor, "survey_delete", workspace_id=workspace_id, target=title, responses=removed)
        s.commit()
        return removed
