"""Comments: the answers to a survey's open-text items with the respondent's scores, their words (frequencies,
the terms of detractors against promoters, a term's comments), and themes (codebook, tagging, counts).

User text (comments, theme names) is shown only as text: in tables and with `st.text`, never as Markdown."""

import streamlit as st

from survey import comments
from survey.access.accounts import AccountError
from survey.storage import store
from ui import figures
from ui.auth import current, current_place, workspace_id
from ui.charts.comments import distinguishing_terms_chart
from ui.comments import excerpt, term_tables
from ui.downloads import show_chart, show_table
from ui.filters import dashboard_filters
from ui.i18n import lang, plain, show_error, t
from ui.page import start
from ui.state import database, keep_choice

ITEM_KEY = "comments_item"  # st.session_state: the comment item shown, kept across pages
BY_KEY = "comments_by"  # st.session_state: what the theme counts are broken down by


start("comments.title", "comments.intro", need="dashboards.read")
sel = dashboard_filters()
if sel is None:
    st.stop()
L = lang()
labels = sel.labels(L)
items = comments.comment_items(sel.defn)
if not items:
    st.info(t("comments.none"))
    st.stop()
ws, db = workspace_id(), database()
place = current_place()
may_tag = place is not None and place.may(comments.TAG_PERMISSION)

# --- choose ---------------------------------------------------------------------------------------------
if st.session_state.get(ITEM_KEY) not in items:
    st.session_state[ITEM_KEY] = items[0]
item = st.session_state[ITEM_KEY]
if len(items) > 1:
    st.session_state["_comments_item"] = item
    st.selectbox(
        t("comments.item"),
        items,
        format_func=lambda c: labels.get(c, c),
        key="_comments_item",
        on_change=keep_choice,
        args=(ITEM_KEY, "_comments_item"),
    )
category_names = {c: t(f"nps.{c}") for c in comments.CATEGORIES}
left, right = st.columns(2)
categories = left.multiselect(
    t("comments.category"),
    list(comments.CATEGORIES),
    format_func=category_names.get,
    placeholder=t("dash.all"),
    key="comments_categories",
)
search = right.text_input(t("comments.search"), key="comments_search")

# --- compute --------------------------------------------------------------------------------------------------
frame = figures.filtered(sel)
with db.session() as s:
    tags = comments.taggings(s, ws, sel.survey.id)
    book = comments.codebook(s, ws, sel.survey.id)
every = comments.comments_table(sel.inputs, frame, item, tags=tags)
table = comments.comments_table(sel.inputs, frame, item, tags=tags, categories=tuple(categories), search=search)


def shown(rows):
    """A comments table as the page shows it: translated headings and categories, the answers as text."""
    fields = [f for f in sel.inputs.segment_fields if f in rows.columns]
    out = rows.assign(category=[category_names.get(c, "") for c in rows["category"]])
    names = {
        "response_id": t("comments.response"),
        "wave": t("dash.wave"),
        **{f: labels.get(f, f) for f in fields},
        "comment": t("comments.comment"),
        "recommend": t("comments.recommend"),
        "category": t("comments.category"),
        "satisfaction": t("comments.satisfaction"),
        "loyalty": t("comments.loyalty"),
        "tags": t("comments.tags"),
    }
    return out.rename(columns=names)


NUMBERS = {
    "comments.recommend": st.column_config.NumberColumn(format="%d"),
    "comments.satisfaction": st.column_config.NumberColumn(format="%.1f"),
    "comments.loyalty": st.column_config.NumberColumn(format="%.1f"),
    "comments.comment": st.column_config.TextColumn(width="large"),
}
config = {t(k): v for k, v in NUMBERS.items()}

# --- the comments -------------------------------------------------------------------------------------------
st.caption(t("comments.count", shown=len(table), total=len(every)))
if table.empty:
    st.info(t("comments.empty"))
else:
    show_table(shown(table), "comments", column_config=config)

# --- words ----------------------------------------------------------------------------------------------------
st.subheader(t("comments.words"))
words_key = (sel.key, sel.inputs.recommend, item)  # a definition edit may name another recommend item
terms = term_tables((*words_key, tuple(categories), search), table)
contrast = term_tables(words_key, every)
if contrast.distinguishing.empty:
    st.info(t("comments.terms_need_both", detractors=contrast.detractors, promoters=contrast.promoters))
else:
    show_chart(distinguishing_terms_chart(contrast.distinguishing, lang=L), "comment-terms")
    st.caption(t("comments.terms_note", detractors=contrast.detractors, promoters=contrast.promoters))
    show_table(
        contrast.distinguishing.rename(
            columns={
                "term": t("comments.term"),
                "count_a": t("comments.count_detractors"),
                "count_b": t("comments.count_promoters"),
                "log_odds": t("comments.log_odds"),
                "z": t("comments.z"),
            }
        ),
        "comment-terms",
        column_config={
            t("comments.log_odds"): st.column_config.NumberColumn(format="%.2f"),
            t("comments.z"): st.column_config.NumberColumn(format="%.2f"),
        },
    )
st.markdown(f"**{t('comments.frequencies')}**")
if terms.frequencies.empty:
    st.caption(t("comments.no_words"))
else:
    show_table(
        terms.frequencies.rename(
            columns={
                "term": t("comments.term"),
                "count": t("comments.occurrences"),
                "comments": t("comments.in_comments"),
            }
        ),
        "comment-word-frequencies",
    )
    term_options = list(dict.fromkeys([*contrast.distinguishing["term"], *terms.frequencies["term"]]))
    term = st.selectbox(t("comments.term_pick"), term_options, index=None, placeholder=t("comments.term_none"))
    if term:
        with_term = comments.comments_with_term(table, term)
        st.caption(t("comments.with_term", count=len(with_term)))
        show_table(shown(with_term), "comments-with-term", column_config=config)

# --- themes ---------------------------------------------------------------------------------------------------
st.subheader(t("comments.themes"))
who = current()
if may_tag and who is not None:
    add, rename, remove, tag_one = st.tabs(
        [t("comments.tag_add"), t("comments.tag_rename"), t("comments.tag_delete"), t("comments.tagging")]
    )
    book_names = {x.id: x.name for x in book}
    with add:
        with st.form("comments_add_tag", clear_on_submit=True):
            name = st.text_input(t("comments.tag_name"), max_chars=comments.TAG_MAX, key="_tag_add_name")
            if st.form_submit_button(t("comments.tag_add"), key="_tag_add_button"):
                try:
                    comments.add_tag(db, who, ws, sel.survey.id, name, lang=L)
                except (AccountError, comments.CommentError) as e:
                    show_error(e)
                else:
                    st.rerun()
    if book:
        with rename:
            chosen = st.selectbox(t("comments.tag"), list(book_names), format_func=book_names.get, key="_tag_rename")
            new_name = st.text_input(t("comments.tag_new_name"), max_chars=comments.TAG_MAX, key="_tag_new_name")
            if st.button(t("comments.tag_rename"), key="_tag_rename_button"):
                try:
                    comments.rename_tag(db, who, ws, chosen, new_name, lang=L)
                except (AccountError, comments.CommentError) as e:
                    show_error(e)
                else:
                    st.rerun()
        with remove:
            chosen = st.selectbox(t("comments.tag"), list(book_names), format_func=book_names.get, key="_tag_delete")
            uses = next(x.uses for x in book if x.id == chosen)
            st.warning(t("comments.tag_delete_confirm", name=plain(book_names[chosen]), count=uses))
            sure = st.checkbox(t("comments.tag_delete_yes"), key=f"_tag_delete_sure_{chosen}")
            if st.button(t("comments.tag_delete"), key="_tag_delete_button", disabled=not sure, type="primary"):
                try:
                    comments.delete_tag(db, who, ws, chosen, lang=L)
                except (AccountError, comments.CommentError) as e:
                    show_error(e)
                else:
                    st.rerun()
    else:
        rename.caption(t("comments.codebook_empty"))
        remove.caption(t("comments.codebook_empty"))
    with tag_one:
        if not book:
            st.caption(t("comments.codebook_empty"))
        elif table.empty:
            st.caption(t("comments.empty"))
        else:
            texts = dict(zip((int(r) for r in table["response_id"]), table["comment"]))
            response = st.selectbox(
                t("comments.pick"), list(texts), format_func=lambda r: f"#{r} · {excerpt(texts[r])}", key="_tag_pick"
            )
            st.text(texts[response])  # the comment in full, as text
            current_tags = set(tags.get((response, item), []))
            chosen_tags = st.multiselect(
                t("comments.tags"),
                list(book_names),
                default=[i for i, n in book_names.items() if n in current_tags],
                format_func=book_names.get,
                key=f"_tag_set_{response}",
            )
            if st.button(t("comments.tags_save"), key="_tag_save"):
                try:
                    comments.set_comment_tags(db, who, ws, response, item, chosen_tags, lang=L)
                except (AccountError, comments.CommentError, store.NotFound) as e:
                    if isinstance(e, store.NotFound):
                        st.error(t("comments.gone"))
                    else:
                        show_error(e)
                else:
                    st.rerun()

if not book:
    st.caption(t("comments.codebook_empty"))
else:
    by_options = [b for b in ("wave", *sel.inputs.segment_fields) if b in every.columns]
    if by_options:
        if st.session_state.get(BY_KEY) not in by_options:
            st.session_state[BY_KEY] = by_options[0]
        st.session_state["_comments_by"] = st.session_state[BY_KEY]
        by_names = {b: t("dash.wave") if b == "wave" else labels.get(b, b) for b in by_options}
        st.selectbox(
            t("comments.themes_by"),
            by_options,
            format_func=by_names.get,
            key="_comments_by",
            on_change=keep_choice,
            args=(BY_KEY, "_comments_by"),
        )
        counts = comments.theme_counts(table, [x.name for x in book], st.session_state[BY_KEY])
        show_table(
            counts.rename(columns={"theme": t("comments.theme"), comments.ALL: t("comments.all")}), "comment-themes"
        )
        st.caption(t("comments.themes_note"))
