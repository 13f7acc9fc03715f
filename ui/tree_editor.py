"""The indicator tree editor of the designer: the tree indented on the left, the chosen node's form on the
right, its buttons and its save feedback right below the form.

Every edit is a function of `survey.design.editing` (pure); the page's `save` stores the result through
`survey.surveys.edit_survey`, so an answered version is kept as it was. Texts are typed in an `st.form`
and applied with its button: nothing runs on each keystroke, so a Chinese input method's composition is
never cut.

Session keys: "_designer_pick" (the code of the chosen node, kept across saves), "_designer_tree_flash"
(what the last edit did, shown beside the form once).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import streamlit as st

from survey.design import editing
from survey.design.definition import ROLES, Node, SurveyDefinition
from survey.i18n import text
from ui.i18n import lang, plain, t

PICK_KEY = "_designer_pick"
FLASH_KEY = "_designer_tree_flash"
_INDENT = "\u2003\u2003"  # em spaces: Markdown keeps them
_MARKS = {"dimension": "■", "indicator": "▸", "item": "·"}

Save = Callable[..., bool]


def _new_labels(kind: str) -> dict[str, str]:
    return {"label_zh": text("zh", f"designer.tree.new.{kind}"), "label_en": text("en", f"designer.tree.new.{kind}")}


def _node_line(node: Node, depth: int) -> str:
    """One line of the tree: indented, the node's label, its role (items) and its weight among its siblings."""
    parts = [plain(node.label(lang()))]
    if node.kind == "item" and node.role in ROLES:
        parts.append(t(f"role.{node.role}"))
    if not node.is_text:
        parts.append(f"{node.weight:.2f}")
    return _INDENT * depth + f"{_MARKS.get(node.kind, '·')} " + " · ".join(parts)


def tree_editor(defn: SurveyDefinition, *, wkey: str, answered: int, version: int, save: Save) -> None:
    """The tree and the chosen node's form; `save(new, flash=…, pick=…)` stores an edit (False when refused,
    the problems shown where it was called)."""
    shown = editing.outline(defn)
    tree_col, form_col = st.columns([2, 3], gap="large")
    with tree_col:
        st.subheader(t("designer.tree.nodes"))
        if tree_col.button(t("designer.tree.add_dimension"), key=f"tree_add_dim_{wkey}", icon=":material/add:"):
            new, code = editing.add_child(defn, None, **_new_labels("dimension"))
            save(new, flash=t("designer.tree.added", label=plain(new.node(code).label(lang()))), pick=code)
        if not shown:
            st.info(t("designer.tree.empty"))
            _show_flash()
            return
        lines = {n.code: _node_line(n, depth) for n, depth in shown}
        codes = list(lines)
        picked = st.session_state.get(PICK_KEY)
        code = st.radio(
            t("designer.tree.nodes"),
            codes,
            index=codes.index(picked) if picked in codes else 0,
            format_func=lines.get,
            key=f"tree_pick_{wkey}",
            label_visibility="collapsed",
        )
        st.session_state[PICK_KEY] = code
    with form_col:
        _node_form(defn, defn.node(code), wkey=wkey, save=save)
        _node_buttons(defn, defn.node(code), wkey=wkey, answered=answered, version=version, save=save)
        _show_flash()


def _show_flash() -> None:
    flash = st.session_state.pop(FLASH_KEY, None)
    if flash:
        st.success(flash)


def _node_form(defn: SurveyDefinition, node: Node, *, wkey: str, save: Save) -> None:
    """Label zh/en, code, parent (by name), and for an item its role, scale, required flag and choices."""
    label = node.label(lang())
    st.subheader(t("designer.tree.editing", kind=t(f"kind.{node.kind}"), label=plain(label)), anchor=False)
    parents = editing.parent_choices(defn, node.code)
    if node.parent not in parents:
        parents = [node.parent, *parents]  # as stored, so that the form shows it (saving names the problem)
    parent_names = {p: (defn.node(p).label(lang()) if p and defn.node(p) else t("designer.tree.top")) for p in parents}
    parent_keys = [p or "" for p in parents]
    role_names = {r: t(f"role.{r}") for r in ROLES}
    scale_names = {sc.code: _scale_name(sc) for sc in defn.scales}
    fkey = f"node_{wkey}_{node.code}"
    with st.form(fkey, border=True):
        c1, c2 = st.columns(2)
        label_zh = c1.text_input(t("common.label_zh"), value=node.label_zh, max_chars=500, key=f"{fkey}_zh")
        label_en = c2.text_input(t("common.label_en"), value=node.label_en, max_chars=500, key=f"{fkey}_en")
        c3, c4 = st.columns(2)
        code = c3.text_input(t("common.code"), value=node.code, max_chars=64, key=f"{fkey}_code")
        parent = c4.selectbox(
            t("designer.tree.parent"),
            parent_keys,
            index=parent_keys.index(node.parent or ""),
            format_func=lambda p: parent_names.get(p or None, p),
            disabled=node.kind == "dimension",
            key=f"{fkey}_parent",
        )
        role = scale = None
        required = False
        choices_text = ""
        if node.kind == "item":
            c5, c6 = st.columns(2)
            roles = list(ROLES)
            role = c5.selectbox(
                t("designer.tree.role"),
                roles,
                index=roles.index(node.role) if node.role in roles else None,
                format_func=role_names.get,
                placeholder=t("def.not_chosen"),
                key=f"{fkey}_role",
            )
            scales = ["", *scale_names]
            none_name = t("designer.tree.no_scale") if node.is_text else t("designer.tree.scale_not_chosen")
            scale = c6.selectbox(
                t("designer.tree.scale"),
                scales,
                index=scales.index(node.scale) if node.scale in scales else 0,
                format_func=lambda c: scale_names.get(c, none_name),
                key=f"{fkey}_scale",
            )
            required = st.checkbox(t("designer.tree.required"), value=node.required, key=f"{fkey}_required")
            if node.role == "attribute":
                choices_text = st.text_area(
                    t("designer.tree.choices"),
                    value=editing.choices_as_text(node.choices),
                    help=t("designer.tree.choices_help"),
                    max_chars=20_000,
                    key=f"{fkey}_choices",
                )
        weight = st.number_input(
            t("designer.tree.weight"),
            value=float(node.weight),
            min_value=0.0,
            step=0.05,
            format="%.4f",
            help=t("designer.tree.weight_help"),
            disabled=node.is_text,
            key=f"{fkey}_weight",
        )
        if st.form_submit_button(t("designer.tree.apply"), type="primary", key=f"{fkey}_apply"):
            new = replace(
                node,
                code=code.strip(),
                label_zh=label_zh.strip(),
                label_en=label_en.strip(),
                parent=parent or None,
                role=role,
                scale=scale or None,
                weight=float(weight),
                required=bool(required),
                choices=editing.choices_from_text(choices_text) if role == "attribute" else (),
            )
            if role == "attribute" and node.role != "attribute":
                new = replace(new, scale=None)  # a new attribute is answered in words
            changed = editing.with_node(defn, node.code, new)
            save(changed, flash=t("designer.tree.applied", label=plain(new.label(lang()))), pick=new.code)


def _scale_name(scale) -> str:
    name = (scale.name_zh if lang() == "zh" else scale.name_en) or t(f"scalekind.{scale.kind}")
    return f"{name} ({scale.minimum}–{scale.maximum})"


def _node_buttons(defn: SurveyDefinition, node: Node, *, wkey: str, answered: int, version: int, save: Save) -> None:
    """Add a child / a sibling, move up / down, delete (confirmed first when the version has answers)."""
    label = node.label(lang())
    add_cols = st.columns(2)
    child_kind = editing.CHILD_KIND.get(node.kind)
    if child_kind and add_cols[0].button(
        t(f"designer.tree.add_child.{node.kind}"),
        key=f"tree_child_{wkey}",
        icon=":material/subdirectory_arrow_right:",
        width="stretch",
    ):
        new, code = editing.add_child(defn, node.code, **_new_labels(child_kind))
        save(new, flash=t("designer.tree.added", label=plain(new.node(code).label(lang()))), pick=code)
    if add_cols[1].button(
        t("designer.tree.add_sibling"), key=f"tree_sibling_{wkey}", icon=":material/add:", width="stretch"
    ):
        new, code = editing.add_sibling(defn, node.code, **_new_labels(node.kind))
        save(new, flash=t("designer.tree.added", label=plain(new.node(code).label(lang()))), pick=code)
    cols = st.columns(3)
    moves = ((cols[0], -1, "move_up", "arrow_upward"), (cols[1], 1, "move_down", "arrow_downward"))
    for col, step, name, icon in moves:
        moved = editing.move(defn, node.code, step)
        if col.button(
            t(f"designer.tree.{name}"),
            key=f"tree_{name}_{wkey}",
            icon=f":material/{icon}:",
            disabled=moved == defn,
            width="stretch",
        ):
            save(moved, flash=t("designer.tree.moved", label=plain(label)), pick=node.code)
    confirmed = True
    if answered:
        confirmed = st.checkbox(
            t("designer.tree.delete_confirm", label=plain(label), count=answered, version=version),
            key=f"tree_delete_ok_{wkey}_{node.code}",
        )
    if cols[2].button(
        t("designer.tree.delete"),
        key=f"tree_delete_{wkey}",
        icon=":material/delete:",
        disabled=not confirmed,
        width="stretch",
    ):
        save(
            editing.without_node(defn, node.code),
            flash=t("designer.tree.deleted", label=plain(label)),
            pick=node.parent,
        )
