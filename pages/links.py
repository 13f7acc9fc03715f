"""Questionnaire links: open a survey for answers, show its link and QR code, make personal links."""

import streamlit as st

from survey import answering, fixed_links
from survey.access.accounts import AccountError
from survey.storage import choices as stored_choices
from survey.storage import store
from ui.auth import current, workspace_id
from ui.i18n import lang, plain, show_error, t
from ui.page import start
from ui.qr import base_url_input, chosen_base_url, link_and_qr
from ui.state import database
from ui.survey_picker import choose_survey

start("links.title", "links.intro", need="surveys.design")
who = current()
ws = workspace_id()
chosen = choose_survey()
if chosen is None:
    st.stop()
flash = st.session_state.pop("_links_flash", None)
if flash:
    st.success(flash)


def done(message: str | None = None) -> None:
    st.session_state["_links_flash"] = message
    st.rerun()


def act(action, *args) -> bool:
    """Run one of the page's actions (survey.answering); False, with the refusal shown, when refused."""
    try:
        action(database(), who, ws, chosen.id, *args)
    except AccountError as e:
        show_error(e)
        return False
    return True


with database().session() as s:
    state = answering.link_state(s, ws, chosen.id)

# --- open or close ----------------------------------------------------------
if state.is_open:
    st.success(t("links.state_open", version=state.link_version))
elif state.link_token:
    st.warning(t("links.state_closed"))
else:
    st.info(t("links.state_never"))
moved = state.link_version is not None and state.link_version != state.current_version
if moved:
    st.warning(t("links.old_version", link_version=state.link_version, version=state.current_version))

open_col, close_col, _ = st.columns([1, 1, 2])
open_label = t("links.move", version=state.current_version) if moved else t("links.open")
if open_col.button(open_label, type="primary", disabled=state.is_open and not moved, key=f"open_{chosen.id}"):
    if act(answering.open_link):
        done()
if close_col.button(t("links.close"), disabled=not state.is_open, key=f"close_{chosen.id}"):
    if act(answering.close_link):
        done()

# --- the link and its QR code (the address is set at the bottom of the page) ---
base_url = chosen_base_url("links")
base_ok = answering.base_url_of(base_url, "") is not None
if not base_ok:
    st.error(t("links.base_url_bad", url=base_url))
elif state.link_token:
    url = answering.answer_url(base_url, state.link_token)
    link_and_qr(url, f"survey-{chosen.id}-qr.png", key="qr_download", width=300, title=t("links.link"))

# --- who may answer, and how many have ------------------------------------------
per_token = st.toggle(
    t("links.one_per_token"),
    value=state.one_answer_per_token,
    help=t("links.one_per_token_help"),
    key=f"per_token_{chosen.id}_{state.one_answer_per_token}",
)
if per_token != state.one_answer_per_token and act(answering.require_one_answer_per_token, per_token):
    done(t("links.one_per_token_on") if per_token else t("links.one_per_token_off"))
if state.one_answer_per_token and state.personal_links == 0:
    st.warning(t("links.one_per_token_no_links"))

answers_col, personal_col, refresh_col = st.columns(3, vertical_alignment="center")
answers_col.metric(t("links.answers", version=state.link_version or state.current_version), state.answers)
personal_col.metric(t("links.personal_answered"), f"{state.personal_answered} / {state.personal_links}")
refresh_col.button(t("links.refresh"), key="links_refresh")  # any click runs the page again

# --- personal links -------------------------------------------------------------
st.subheader(t("links.personal"))
st.caption(t("links.personal_help"))
if state.link_token is None:
    st.info(t("links.personal_need_open"))
else:
    count_col, make_col, _ = st.columns([1, 1, 2], vertical_alignment="bottom")
    count = count_col.number_input(
        t("links.personal_count"), min_value=1, max_value=answering.PERSONAL_LINKS_AT_ONCE, value=40, step=1
    )
    if make_col.button(t("links.personal_create"), key=f"personal_{chosen.id}"):
        try:
            made = answering.make_personal_links(database(), who, ws, chosen.id, int(count))
        except AccountError as e:
            show_error(e)
        except ValueError:
            st.error(t("links.count_bad"))
        else:
            done(t("links.personal_created", count=len(made)))
    with database().session() as s:
        personal = answering.personal_links(s, ws, chosen.id)
    if personal and base_ok:
        st.download_button(
            t("links.personal_download"),
            data=answering.personal_links_csv(personal, base_url, state.link_token, lang()),
            file_name=f"survey-{chosen.id}-personal-links.csv",
            mime="text/csv",
            key="personal_download",
        )
    elif not personal:
        st.caption(t("links.personal_none"))


# --- links with fixed values (class, group …), hidden from the respondent ----------------------------
def fixed_value_links() -> None:
    """Make a link that fills some respondent attributes itself; show the links made, each with its QR code."""
    st.subheader(t("links.fixed"))
    st.caption(t("links.fixed_help"))
    with database().session() as s:
        defn = stored_choices.load_definition(s, ws, store.current_version(s, ws, chosen.id).id)
        made = fixed_links.fixed_links(s, ws, chosen.id)
    attributes = defn.items_with_role("attribute")
    if not attributes:
        st.info(t("links.fixed_none"))
        return
    if state.link_token is None:
        st.info(t("links.personal_need_open"))
        return
    values: dict[str, str] = {}
    with st.form(f"fixed_{chosen.id}"):
        cols = st.columns(min(len(attributes), 3))
        for i, item in enumerate(attributes):
            col = cols[i % len(cols)]
            if item.choices:
                names = {"": t("links.fixed_blank"), **{c.value: c.label(lang()) for c in item.choices}}
                values[item.code] = col.selectbox(
                    item.label(lang()), list(names), format_func=names.get, key=f"fixed_{chosen.id}_{item.code}"
                )
            else:
                values[item.code] = col.text_input(
                    item.label(lang()),
                    max_chars=200,
                    placeholder=t("links.fixed_blank"),
                    key=f"fixed_{chosen.id}_{item.code}",
                )
        if st.form_submit_button(t("links.fixed_create"), key=f"fixed_create_{chosen.id}"):
            try:
                fixed_links.make_fixed_link(database(), who, ws, chosen.id, values, lang=lang())
            except AccountError as e:
                show_error(e)
            except fixed_links.FixedLinkError as e:
                show_error(e)
            else:
                done(
                    t(
                        "links.fixed_created",
                        values=plain(fixed_links.describe(defn, {k: v for k, v in values.items() if v}, lang())),
                    )
                )
    if made and base_ok:
        names = {link.token: fixed_links.describe(defn, link.values, lang()) for link in made}
        token = st.selectbox(t("links.fixed_list"), list(names), format_func=names.get, key=f"fixed_pick_{chosen.id}")
        url = answering.answer_url(base_url, state.link_token, fixed_token=token)
        link_and_qr(
            url,
            f"survey-{chosen.id}-{token}-qr.png",
            key="fixed_qr_download",
            width=240,
            title=t("links.fixed_link", values=plain(names[token])),
        )


fixed_value_links()

# --- the app's address, as respondents reach it -------------------------------------
st.divider()
base_url_input("links")
