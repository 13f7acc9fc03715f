"""Indicator system: the tree of dimensions, indicators and items, its scales and its weights."""

from dataclasses import replace

import pandas as pd
import streamlit as st

import metrics
from survey import surveys
from survey.access.accounts import AccountError
from survey.design import editing, templates
from survey.design.definition import (
    ROLES,
    SCALE_KINDS,
    TEXT_ROLES,
    WEIGHT_METHODS,
    DefinitionError,
    Scale,
    ScalePoint,
    SurveyDefinition,
)
from survey.storage import choices as stored_choices
from survey.storage import store
from ui import tree_editor
from ui.auth import current, workspace_id
from ui.downloads import EMPTY_CELL
from ui.i18n import lang, plain, show_error, t
from ui.page import show_problems, start
from ui.state import database
from ui.survey_picker import choose_survey

start("designer.title", "designer.intro", need="surveys.design")
ws = workspace_id()
chosen = choose_survey()
if chosen is None:
    st.stop()

with database().session() as s:
    version = store.current_version(s, ws, chosen.id)
    defn = stored_choices.load_definition(s, ws, version.id)
    answered = store.response_count(s, ws, chosen.id, version.id)

st.caption(t("designer.version_info", version=version.number, count=answered))
if answered:
    st.info(t("designer.versioning_note"))

flash = st.session_state.pop("_designer_flash", None)
if flash:
    st.success(flash)
# Widgets are keyed by survey and version and by a counter bumped on every save,
# so that a saved edit shows the stored definition rather than the old editor state.
edit_round = st.session_state.setdefault("_designer_round", 0)
wkey = f"{chosen.id}_{version.number}_{edit_round}"


def save(new: SurveyDefinition, *, flash: str | None = None, pick: str | None = None) -> bool:
    """Store the edited definition and show the page again, or name what is wrong (where this is called).

    The tree editor passes `flash` (what its edit did, shown beside its form) and `pick` (the node to show
    chosen); other edits say "saved" at the top of the page.
    """
    try:
        result = surveys.edit_survey(database(), current(), ws, chosen.id, new, lang=lang())
    except AccountError as err:
        show_error(err)
        return False
    except DefinitionError as err:
        show_problems("designer.not_saved", err.problems)
        return False
    saved = t("designer.saved_new_version" if result.new_version else "designer.saved", version=result.version)
    if flash is None:
        st.session_state["_designer_flash"] = saved
    else:
        st.session_state[tree_editor.FLASH_KEY] = f"{flash} {saved}"
        st.session_state[tree_editor.PICK_KEY] = pick
    st.session_state["_designer_round"] = edit_round + 1
    st.rerun()
    return True


def node_label(code: str) -> str:
    node = defn.node(code)
    return f"{code} · {node.label(lang())}" if node else code


# Option labels are computed here, in the script run: a format_func may be called later, outside it.
SCALE_KIND_NAMES = {k: t(f"scalekind.{k}") for k in SCALE_KINDS}
METHOD_NAMES = {m: t(f"method.{m}") for m in WEIGHT_METHODS}

tree_tab, scales_tab, weights_tab, details_tab = st.tabs(
    [t("designer.tab.tree"), t("designer.tab.scales"), t("designer.tab.weights"), t("designer.tab.details")]
)

# --- the indicator tree -------------------------------------------------------
with tree_tab:
    st.caption(t("designer.tree.help"))
    tree_editor.tree_editor(defn, wkey=wkey, answered=answered, version=version.number, save=save)
    st.caption(t("designer.tree.preview"))
    advanced = st.expander(t("designer.tree.advanced"), icon=":material/table:")
    advanced.caption(t("designer.tree_help"))
    scale_codes = [sc.code for sc in defn.scales]
    edited = advanced.data_editor(
        editing.tree_rows(defn),
        key=f"tree_{wkey}",
        placeholder=EMPTY_CELL,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config={
            "kind": st.column_config.SelectboxColumn(
                t("designer.col.kind"),
                options=["dimension", "indicator", "item"],
                required=True,
                format_func=lambda k: t(f"kind.{k}"),
                default="item",
            ),
            "code": st.column_config.TextColumn(t("common.code"), required=True, max_chars=64),
            "parent": st.column_config.TextColumn(t("designer.col.parent"), max_chars=64),
            "label_zh": st.column_config.TextColumn(t("common.label_zh"), max_chars=500),
            "label_en": st.column_config.TextColumn(t("common.label_en"), max_chars=500),
            "role": st.column_config.SelectboxColumn(
                t("designer.col.role"), options=["", *ROLES], format_func=lambda r: t(f"role.{r}") if r else ""
            ),
            "scale": st.column_config.SelectboxColumn(t("designer.col.scale"), options=["", *scale_codes]),
            "weight": st.column_config.NumberColumn(t("common.weight"), min_value=0.0, format="%.4f"),
            "required": st.column_config.CheckboxColumn(t("designer.col.required")),
        },
    )
    if advanced.button(t("common.save"), type="primary", key=f"save_tree_{wkey}"):
        with advanced:
            save(editing.with_nodes(defn, editing.nodes_from_rows(edited)))
    if not defn.items_with_role("recommend") and st.button(t("designer.add_block"), key=f"block_{wkey}"):
        save(templates.add_nps_loyalty_block(defn))

    st.subheader(t("designer.weights_table"))
    global_weights = defn.global_weights()
    st.dataframe(
        pd.DataFrame(
            {
                t("common.code"): [n.code for n in defn.nodes],
                t("designer.col.kind"): [t(f"kind.{n.kind}") for n in defn.nodes],
                t("common.label_zh" if lang() == "zh" else "common.label_en"): [n.label(lang()) for n in defn.nodes],
                t("designer.col.role"): [t(f"role.{n.role}") if n.role else "" for n in defn.nodes],
                t("common.weight"): [round(n.weight, 4) for n in defn.nodes],
                t("common.global_weight"): [round(global_weights[n.code], 4) for n in defn.nodes],
            }
        ),
        hide_index=True,
        width="stretch",
    )

# --- scales -------------------------------------------------------------------
with scales_tab:
    for sc in defn.scales:
        title = f"{sc.code} · {(sc.name_zh if lang() == 'zh' else sc.name_en) or t('scalekind.' + sc.kind)}"
        with st.expander(f"{plain(title)} ({sc.minimum}–{sc.maximum})"):
            with st.form(f"scale_{sc.code}_{wkey}"):
                c1, c2, c3, c4 = st.columns(4)
                code = c1.text_input(t("common.code"), value=sc.code, max_chars=64)
                name_zh = c2.text_input(t("designer.scale_name_zh"), value=sc.name_zh)
                name_en = c3.text_input(t("designer.scale_name_en"), value=sc.name_en)
                kind = c4.selectbox(
                    t("designer.scale_kind"),
                    SCALE_KINDS,
                    index=SCALE_KINDS.index(sc.kind),
                    format_func=SCALE_KIND_NAMES.get,
                )
                c5, c6, c7 = st.columns(3)
                minimum = c5.number_input(t("designer.scale_min"), value=sc.minimum, step=1, min_value=-1000)
                maximum = c6.number_input(t("designer.scale_max"), value=sc.maximum, step=1, max_value=1000)
                allow_na = c7.checkbox(t("designer.scale_allow_na"), value=sc.allow_na)
                labels = {p.value: p for p in sc.points}
                points = st.data_editor(
                    pd.DataFrame(
                        {
                            "value": sc.values,
                            "label_zh": [labels[v].label_zh if v in labels else "" for v in sc.values],
                            "label_en": [labels[v].label_en if v in labels else "" for v in sc.values],
                        }
                    ),
                    hide_index=True,
                    disabled=["value"],
                    placeholder=EMPTY_CELL,
                    key=f"points_{sc.code}_{wkey}",
                    column_config={
                        "value": st.column_config.NumberColumn(t("designer.scale_points")),
                        "label_zh": st.column_config.TextColumn(t("common.label_zh"), max_chars=200),
                        "label_en": st.column_config.TextColumn(t("common.label_en"), max_chars=200),
                    },
                )
                if st.form_submit_button(t("common.save")):
                    kept = [
                        ScalePoint(int(r["value"]), editing.cell_text(r["label_zh"]), editing.cell_text(r["label_en"]))
                        for r in points.to_dict("records")
                        if minimum <= r["value"] <= maximum
                        and (editing.cell_text(r["label_zh"]) or editing.cell_text(r["label_en"]))
                    ]
                    new_scale = Scale(
                        code=code.strip(),
                        kind=kind,
                        minimum=int(minimum),
                        maximum=int(maximum),
                        points=tuple(kept),
                        name_zh=name_zh.strip(),
                        name_en=name_en.strip(),
                        allow_na=allow_na,
                    )
                    save(editing.with_scale(defn, new_scale, old_code=sc.code))
            if st.button(t("designer.scale_delete"), key=f"scale_delete_{sc.code}_{wkey}"):
                if editing.scale_in_use(defn, sc.code):
                    st.error(t("designer.scale_in_use", code=sc.code))
                else:
                    save(editing.without_scale(defn, sc.code))
    st.subheader(t("designer.scale_add"))
    add_kind = st.selectbox(
        t("designer.scale_kind"), SCALE_KINDS, format_func=SCALE_KIND_NAMES.get, key=f"add_kind_{wkey}"
    )
    if st.button(t("designer.scale_add"), key=f"add_scale_{wkey}"):
        stem = "custom" if add_kind == "custom" else f"s{add_kind.replace('-', '_')}"
        if add_kind == "custom":
            new_scale = Scale(code=editing.unused_code(defn, stem), kind="custom", minimum=1, maximum=5)
        else:
            new_scale = replace(templates.standard_scale(add_kind), code=editing.unused_code(defn, stem))
        save(editing.with_scale(defn, new_scale))


# --- weights --------------------------------------------------------------------
def weight_group_label(key: tuple[str, str]) -> str:
    """A sibling group as the user knows it: the top level, the children of a node, or its items of a role."""
    parent, part = key
    if part == "node":
        return t("designer.group_top") if not parent else t("designer.group_children", label=node_label(parent))
    role = t(f"role.{part}")
    if not parent:
        return t("designer.group_free_items", role=role)
    return t("designer.group_items", label=node_label(parent), role=role)


def weigh_directly(members: list[str], group_arg: str | None, parent: str, part: str) -> None:
    """Weights typed in a table."""
    table = st.data_editor(
        pd.DataFrame(
            {
                "code": members,
                "label": [defn.node(m).label(lang()) for m in members],
                "weight": [defn.node(m).weight for m in members],
            }
        ),
        hide_index=True,
        disabled=["code", "label"],
        placeholder=EMPTY_CELL,
        key=f"direct_{wkey}_{parent}_{part}",
        column_config={
            "code": st.column_config.TextColumn(t("common.code")),
            "label": st.column_config.TextColumn(t("surveys.col.title")),
            "weight": st.column_config.NumberColumn(t("common.weight"), min_value=0.0, format="%.4f"),
        },
    )
    if st.button(t("designer.apply_weights"), key=f"apply_direct_{wkey}"):
        weights = [editing.cell_weight(w) for w in table["weight"]]
        save(editing.with_weights(defn, members, weights, group=group_arg, method="direct"))


def weigh_by_stated_importance(members: list[str], group_arg: str | None) -> None:
    """Weights from the mean answer to the importance items below each member (domain.md §2)."""
    with database().session() as s:
        responses = store.responses_frame(s, ws, chosen.id)
    stated = editing.stated_importance(defn, responses, members)
    if stated.empty:
        st.info(t("designer.importance_none"))
    else:
        st.dataframe(
            pd.DataFrame(
                {
                    t("common.code"): stated.index,
                    t("designer.importance_mean"): stated["mean"],
                    t("common.weight"): stated["weight"],
                }
            ),
            hide_index=True,
        )
        if st.button(t("designer.apply_weights"), key=f"apply_importance_{wkey}"):
            weights = [float(stated["weight"].get(m, 0.0)) for m in members]
            save(editing.with_weights(defn, members, weights, group=group_arg, method="importance"))


def weigh_by_pairs(members: list[str], group_arg: str | None, parent: str, rule) -> None:
    """Weights from pairwise judgements on Saaty's scale (AHP), with the consistency check."""
    if len(members) > 10:
        st.warning(t("designer.ahp_too_many"))
        return  # the other tabs still draw
    st.caption(t("designer.ahp_help"))
    old = {}
    if rule and rule.method == "ahp" and list(rule.members) == members:
        old = {(i, j): rule.matrix[i][j] for i in range(len(members)) for j in range(i + 1, len(members))}
    pairs = [(i, j) for i in range(len(members)) for j in range(i + 1, len(members))]
    judged = st.data_editor(
        pd.DataFrame(
            {
                "left": [node_label(members[i]) for i, _ in pairs],
                "judgement": [editing.saaty_choice(old.get(p, 1.0)) for p in pairs],
                "right": [node_label(members[j]) for _, j in pairs],
            }
        ),
        hide_index=True,
        disabled=["left", "right"],
        placeholder=EMPTY_CELL,
        key=f"ahp_{wkey}_{parent}",
        column_config={
            "left": st.column_config.TextColumn(t("designer.ahp_left")),
            "judgement": st.column_config.SelectboxColumn(
                t("designer.ahp_judgement"), options=editing.SAATY_CHOICES, required=True
            ),
            "right": st.column_config.TextColumn(t("designer.ahp_right")),
        },
    )
    values = {p: editing.saaty_value(v or "1") for p, v in zip(pairs, judged["judgement"])}
    matrix = editing.pairs_to_matrix(len(members), values)
    result = metrics.ahp_weights(matrix)
    st.dataframe(
        pd.DataFrame({t("common.code"): members, t("common.weight"): result.weights.round(4)}), hide_index=True
    )
    st.metric(t("designer.ahp_cr", cr=f"{result.consistency_ratio:.3f}"), f"{result.consistency_ratio:.3f}")
    if result.acceptable:
        st.success(t("designer.ahp_ok"))
    else:
        clashes = [
            t(
                "designer.ahp_clash",
                left=plain(node_label(members[c.i])),
                right=plain(node_label(members[c.j])),
                given=editing.saaty_choice(c.given),
                implied=editing.saaty_choice(c.implied),
            )
            for c in result.clashing[:3]
        ]
        st.warning(t("designer.ahp_bad") + "\n\n" + "\n".join(f"- {c}" for c in clashes))
    if st.button(t("designer.apply_weights"), key=f"apply_ahp_{wkey}"):
        save(editing.with_weights(defn, members, list(result.weights), group=group_arg, method="ahp", matrix=matrix))


with weights_tab:
    groups = {  # text items (attributes, comments) are never scored: nothing to weigh
        key: members for key, members in defn.sibling_groups().items() if len(members) > 1 and key[1] not in TEXT_ROLES
    }
    if not groups:
        st.info(t("designer.ahp_too_few"))
    else:
        # options are "parent|part" strings: widget values must survive a round trip as text
        group_names = {f"{parent}|{part}": weight_group_label((parent, part)) for parent, part in groups}
        group_id = st.selectbox(
            t("designer.group"), list(group_names), format_func=group_names.get, key=f"group_{wkey}"
        )
        parent, part = group_id.split("|", 1)
        members = [m.code for m in groups[(parent, part)]]
        is_node_group = part == "node"
        rule = defn.weight_rule(parent) if is_node_group else None
        methods = list(WEIGHT_METHODS) if is_node_group else ["direct"]
        method = st.radio(
            t("designer.method"),
            methods,
            format_func=METHOD_NAMES.get,
            horizontal=True,
            index=methods.index(rule.method) if rule and rule.method in methods else 0,
            key=f"method_{wkey}_{parent}",
        )
        group_arg = parent if is_node_group else None
        if method == "direct":
            weigh_directly(members, group_arg, parent, part)
        elif method == "importance":
            weigh_by_stated_importance(members, group_arg)
        else:
            weigh_by_pairs(members, group_arg, parent, rule)


# --- title and description -------------------------------------------------------
with details_tab:
    with st.form(f"details_{wkey}"):
        title_zh = st.text_input(t("surveys.title_zh"), value=defn.title_zh, max_chars=500)
        title_en = st.text_input(t("surveys.title_en"), value=defn.title_en, max_chars=500)
        description_zh = st.text_area(t("designer.description_zh"), value=defn.description_zh, max_chars=2500)
        description_en = st.text_area(t("designer.description_en"), value=defn.description_en, max_chars=2500)
        if st.form_submit_button(t("common.save")):
            save(
                replace(
                    defn,
                    title_zh=title_zh.strip(),
                    title_en=title_en.strip(),
                    description_zh=description_zh.strip(),
                    description_en=description_en.strip(),
                )
            )
