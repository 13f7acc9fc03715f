"""Surveys: list, create from a template, rename, duplicate, archive, delete, export and import."""

import pandas as pd
import streamlit as st

from survey import actions as action_plans
from survey import comments
from survey import surveys as actions
from survey.access.accounts import AccountError
from survey.design import definition_file, templates
from survey.design.definition import DefinitionError
from survey.storage import choices as stored_choices
from survey.storage import store
from ui.auth import current, workspace_id
from ui.downloads import EMPTY_CELL
from ui.i18n import lang, plain, show_error, t
from ui.page import show_problems, start
from ui.state import SURVEY_KEY, database
from ui.survey_picker import survey_labels, survey_summaries

start("surveys.title", "surveys.intro", need="surveys.design")
who = current()
ws = workspace_id()
flash = st.session_state.pop("_surveys_flash", None)
if flash:
    st.success(flash)


def done(message: str, survey_id: int | None = None) -> None:
    """Remember what happened, select the survey, and show the page again."""
    st.session_state["_surveys_flash"] = message
    if survey_id is not None:
        st.session_state[SURVEY_KEY] = survey_id
        st.session_state["_surveys_select"] = survey_id
    st.rerun()


# --- the list ---------------------------------------------------------------
show_archived = st.toggle(t("surveys.show_archived"), value=False)
surveys = survey_summaries(include_archived=show_archived)
if surveys:
    table = pd.DataFrame(
        {
            t("surveys.col.title"): [x.title(lang()) for x in surveys],
            t("common.version"): [x.version for x in surveys],
            t("surveys.col.versions"): [x.versions for x in surveys],
            t("common.responses"): [x.responses for x in surveys],
            t("surveys.col.template"): [
                templates.TEMPLATES[x.template][0 if lang() == "zh" else 1] if x.template in templates.TEMPLATES else ""
                for x in surveys
            ],
            t("surveys.col.archived"): [t("common.yes") if x.archived else "" for x in surveys],
            t("surveys.col.updated"): [x.updated_at.strftime("%Y-%m-%d %H:%M") for x in surveys],
        }
    )
    st.dataframe(table, hide_index=True, width="stretch", placeholder=EMPTY_CELL)
else:
    st.info(t("common.no_surveys"))

# --- create -----------------------------------------------------------------
with st.expander(t("surveys.new"), expanded=not surveys):
    choices = ["", *templates.TEMPLATES]
    template_id = st.selectbox(
        t("surveys.template"),
        choices,
        format_func={
            k: templates.TEMPLATES[k][0 if lang() == "zh" else 1] if k else t("surveys.blank") for k in choices
        }.get,
        key="new_template",
    )
    default = templates.TEMPLATES.get(template_id)
    title_zh = st.text_input(t("surveys.title_zh"), value=default[0] if default else "", key=f"new_zh_{template_id}")
    title_en = st.text_input(t("surveys.title_en"), value=default[1] if default else "", key=f"new_en_{template_id}")
    add_block = st.checkbox(t("surveys.add_nps"), value=False, key="new_add_block")
    if st.button(t("surveys.create"), type="primary"):
        try:
            created = actions.create_survey(
                database(),
                who,
                ws,
                template=template_id,
                title_zh=title_zh,
                title_en=title_en,
                add_nps_loyalty=add_block,
                lang=lang(),
            )
        except DefinitionError as err:
            show_problems("designer.not_saved", err.problems)
        except AccountError as e:
            show_error(e)
        else:
            done(t("surveys.created", title=plain(created.title(lang()))), created.id)

# --- import a definition file ----------------------------------------------
with st.expander(t("surveys.import")):
    upload = st.file_uploader(t("surveys.import"), type=["json"], key="definition_upload", label_visibility="collapsed")
    if upload is not None and st.button(t("surveys.import_button"), key="definition_import"):
        try:
            created = actions.import_survey_file(database(), who, ws, upload.getvalue(), upload.name, lang=lang())
        except DefinitionError as err:
            show_problems("surveys.import_refused", err.problems)
        except AccountError as e:
            show_error(e)
        else:
            done(t("surveys.imported", title=plain(created.title(lang()))), created.id)

if not surveys:
    st.stop()

# --- manage the selected survey ---------------------------------------------
st.subheader(t("surveys.manage"))
by_id = {x.id: x for x in surveys}
ids = list(by_id)
current = st.session_state.get(SURVEY_KEY)
just_made = st.session_state.pop("_surveys_select", None)
if just_made in by_id:
    st.session_state["manage_survey"] = just_made  # select the survey just created or copied
elif st.session_state.get("manage_survey") not in by_id:
    st.session_state.pop("manage_survey", None)  # it was deleted, or is archived and hidden
chosen_id = st.selectbox(
    t("common.survey"),
    ids,
    index=ids.index(current) if current in by_id else 0,
    format_func=survey_labels(surveys).get,
    key="manage_survey",
)
st.session_state[SURVEY_KEY] = chosen_id
chosen = by_id[chosen_id]

rename, copy, archive, delete, export = st.tabs(
    [
        t("surveys.rename"),
        t("surveys.duplicate"),
        t("surveys.unarchive") if chosen.archived else t("surveys.archive"),
        t("surveys.delete"),
        t("surveys.export"),
    ]
)
with rename:
    with st.form(f"rename_{chosen_id}"):
        new_zh = st.text_input(t("surveys.title_zh"), value=chosen.title_zh)
        new_en = st.text_input(t("surveys.title_en"), value=chosen.title_en)
        if st.form_submit_button(t("surveys.rename")):
            try:
                actions.rename_survey(database(), who, ws, chosen_id, new_zh, new_en, lang=lang())
            except DefinitionError as err:
                show_problems("surveys.rename_failed", err.problems)
            except AccountError as e:
                show_error(e)
            else:
                done(t("surveys.renamed"), chosen_id)
with copy:
    if st.button(t("surveys.duplicate"), key=f"duplicate_{chosen_id}"):
        try:
            duplicate = actions.copy_survey(database(), who, ws, chosen_id, lang=lang())
        except AccountError as e:
            show_error(e)
        else:
            done(
                t("surveys.duplicated", title=plain(duplicate.title_zh if lang() == "zh" else duplicate.title_en)),
                duplicate.id,
            )
with archive:
    if st.button(t("surveys.unarchive") if chosen.archived else t("surveys.archive"), key=f"archive_{chosen_id}"):
        try:
            actions.archive_survey(database(), who, ws, chosen_id, not chosen.archived, lang=lang())
        except AccountError as e:
            show_error(e)
        else:
            done(t("surveys.unarchived") if chosen.archived else t("surveys.archived"), chosen_id)
with delete:
    st.warning(
        t("surveys.delete_confirm", title=plain(chosen.title(lang())), count=chosen.responses, versions=chosen.versions)
    )
    with database().session() as s:
        themes, follow_ups = comments.kept_with_survey(s, ws, chosen_id)
        planned = action_plans.action_count(s, ws, chosen_id)
    if themes or follow_ups:  # the comments' themes and follow-ups are kept with the survey: they go too
        st.warning(t("comments.delete_also", themes=themes, follow_ups=follow_ups))
    if planned:
        st.warning(t("actions.survey_delete_count", count=planned))
    confirmed = st.checkbox(t("surveys.delete_yes"), key=f"delete_confirm_{chosen_id}")
    if st.button(t("surveys.delete"), key=f"delete_{chosen_id}", disabled=not confirmed, type="primary"):
        try:
            removed = actions.delete_survey(database(), who, ws, chosen_id, lang=lang())
        except AccountError as e:
            show_error(e)
        else:
            st.session_state.pop(SURVEY_KEY, None)
            done(t("surveys.deleted", count=removed))
with export:
    with database().session() as s:
        version = store.current_version(s, ws, chosen_id)
        defn = stored_choices.load_definition(s, ws, version.id)
    st.download_button(
        t("surveys.export"),
        data=definition_file.dump(defn),
        file_name=f"survey-{chosen_id}-v{version.number}.json",
        mime="application/json",
    )
