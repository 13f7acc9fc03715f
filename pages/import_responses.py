"""Import responses: upload a CSV or Excel file, fix the mapping, see every bad row, import, undo."""

import hashlib
import json

import pandas as pd
import streamlit as st

from survey import importer, mapping, store
from ui.i18n import lang, t
from ui.page import start
from ui.state import database, workspace_id
from ui.survey_picker import choose_survey

start("impage.title", "impage.intro", need="responses.import")
ws = workspace_id()
chosen = choose_survey()
if chosen is None:
    st.stop()

flash = st.session_state.pop("_import_flash", None)
if flash:
    st.success(flash)


@st.cache_data(show_spinner=False, max_entries=8)
def checked(survey_id: int, version: int, digest: str, _data: bytes, name: str, columns: str, labels: str, lg: str):
    """The preview of a file; cached by the file's digest and the mapping (as JSON), never by the bytes."""
    return importer.preview(
        database(),
        ws,
        survey_id,
        _data,
        name,
        columns=json.loads(columns) if columns else None,
        labels=json.loads(labels) if labels else None,
        lang=lg,
    )


def problems_table(problems) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("imp.report_row"): [p.row for p in problems],
            t("imp.report_column"): [p.column or "" for p in problems],
            t("imp.report_value"): [p.value or "" for p in problems],
            t("imp.report_problem"): [p.text(lang()) for p in problems],
        }
    )


# a new uploader after each import, so that the page shows the result rather than the same file again
upload_round = st.session_state.setdefault("_import_round", 0)
upload = st.file_uploader(
    t("impage.upload"), type=["csv", "txt", "tsv", "xlsx", "xls"], key=f"upload_{chosen.id}_{upload_round}"
)
if upload is not None:
    data = upload.getvalue()
    digest = hashlib.sha256(data).hexdigest()[:16]
    state_key = f"_import_{chosen.id}_{digest}"  # the user's mapping for this file: (columns, labels) as JSON
    columns_json, labels_json = st.session_state.get(state_key, ("", ""))
    with st.spinner(t("impage.checking")):
        p = checked(chosen.id, chosen.version, digest, data, upload.name, columns_json, labels_json, lang())

    if p.kind:
        st.caption(
            t(
                "impage.detected",
                kind=p.kind.upper(),
                encoding=p.encoding or "—",
                delimiter=repr(p.delimiter or "—"),
                rows=p.rows_read,
            )
        )
    file_problems = [x for x in p.problems if x.row is None and x.level == "error"]
    if not p.header:
        st.error("\n".join(f"- {x.text(lang())}" for x in file_problems) or t("impage.unreadable"))
        st.stop()

    # --- column mapping -------------------------------------------------------
    with database().session() as s:
        defn = store.load_definition(s, ws, store.current_version(s, ws, chosen.id).id)
    target_names = {"": t("imp.target.skip")} | {x.value: x.label(lang()) for x in mapping.targets(defn)}
    samples = list(zip(*p.sample)) if p.sample else [()] * len(p.header)
    st.subheader(t("impage.mapping"))
    st.caption(t("impage.mapping_help"))
    options = list(target_names)
    chosen_targets: dict[str, str | None] = {}
    grid = st.columns(3)
    for i, header in enumerate(p.header):
        current = p.columns.get(header) or ""
        example = " | ".join(v for v in samples[i][:3] if v) if i < len(samples) else ""
        chosen_targets[header] = (
            grid[i % 3].selectbox(
                header,
                options,
                index=options.index(current) if current in options else 0,
                format_func=target_names.get,
                help=t("impage.sample") + ": " + (example or "—"),
                key=f"map_{state_key}_{columns_json}_{i}",
            )
            or None
        )

    # --- answer texts → scale points -----------------------------------------------
    edited_labels = None
    if p.answer_texts:
        st.subheader(t("impage.labels"))
        st.caption(t("impage.labels_help"))
        label_rows = pd.DataFrame(
            {
                "column": [a.column for a in p.answer_texts],
                "text": [a.text for a in p.answer_texts],
                "count": [a.count for a in p.answer_texts],
                "value": [a.proposed for a in p.answer_texts],
                "known": [a.known for a in p.answer_texts],
            }
        )
        edited_labels = st.data_editor(
            label_rows,
            key=f"labels_{state_key}_{labels_json}",
            hide_index=True,
            width="stretch",
            disabled=["column", "text", "count", "known"],
            column_config={
                "column": st.column_config.TextColumn(t("impage.file_column")),
                "text": st.column_config.TextColumn(t("impage.answer_text")),
                "count": st.column_config.NumberColumn(t("impage.count")),
                "value": st.column_config.NumberColumn(t("impage.value"), help=t("impage.value_help")),
                "known": st.column_config.CheckboxColumn(t("impage.known")),
            },
        )

    if st.button(t("impage.recheck"), key=f"recheck_{state_key}"):
        new_columns = dict(chosen_targets)
        new_labels = dict(p.labels)
        if edited_labels is not None:
            for r in edited_labels.to_dict("records"):
                value = r["value"]
                new_labels[r["text"]] = None if value is None or pd.isna(value) else float(value)
        st.session_state[state_key] = (
            json.dumps(new_columns, ensure_ascii=False, sort_keys=True),
            json.dumps(new_labels, ensure_ascii=False, sort_keys=True),
        )
        st.rerun()

    # --- what the check found ---------------------------------------------------------
    st.subheader(t("impage.check"))
    c1, c2, c3 = st.columns(3)
    c1.metric(t("impage.rows_read"), p.rows_read)
    c2.metric(t("impage.rows_valid"), p.rows_valid)
    c3.metric(t("impage.rows_rejected"), p.rows_rejected)
    if p.problems:
        errors = [x for x in p.problems if x.level == "error"]
        notices = [x for x in p.problems if x.level != "error"]
        if errors:
            st.error(t("impage.problems", count=p.problem_count))
        if notices:
            st.info("\n".join(f"- {x.text(lang())}" for x in notices[:10]))
        st.dataframe(problems_table(p.problems), hide_index=True, width="stretch")
        st.download_button(
            t("impage.report_download"),
            p.report_csv(lang()),
            file_name=f"{upload.name}.problems.csv",
            mime="text/csv",
            key=f"report_{state_key}",
        )
    else:
        st.success(t("impage.all_good", rows=p.rows_valid))

    # --- import -------------------------------------------------------------------------
    policy_names = {x: t(f"imp.policy.{x}") for x in importer.POLICIES}
    policy = st.radio(
        t("impage.policy"),
        list(policy_names),
        format_func=policy_names.get,
        key=f"policy_{state_key}",
        index=0,
    )
    can_import = p.ok and p.rows_valid > 0 and (policy == "valid_rows" or p.rows_rejected == 0)
    if not can_import:
        st.caption(t("impage.cannot_import"))
    if st.button(t("impage.import"), type="primary", disabled=not can_import, key=f"import_{state_key}"):
        bar = st.progress(0.0)
        result = importer.import_file(
            database(),
            ws,
            chosen.id,
            data,
            upload.name,
            columns=p.columns,
            labels=p.labels,
            policy=policy,
            lang=lang(),
            progress=lambda fraction, message: bar.progress(min(max(fraction, 0.0), 1.0), message),
        )
        bar.empty()
        if result.batch_id is None:
            st.error(
                t("imp.result_refused", count=result.problem_count)
                + "\n\n"
                + "\n".join(f"- {x.text(lang())}" for x in result.problems[:20])
            )
        else:
            st.session_state["_import_flash"] = t(
                "imp.result_imported",
                imported=result.rows_imported,
                rejected=result.rows_rejected,
                read=result.rows_read,
            )
            if result.rejected_csv:
                st.session_state["_import_rejected"] = (upload.name, result.rejected_csv)
            st.session_state["_import_round"] = upload_round + 1
            checked.clear()
            st.rerun()

rejected = st.session_state.get("_import_rejected")
if rejected:
    st.download_button(
        t("impage.rejected_download"),
        rejected[1],
        file_name=f"{rejected[0]}.rejected.csv",
        mime="text/csv",
        key="rejected_download",
    )

# --- earlier imports --------------------------------------------------------------------------
st.subheader(t("impage.batches"))
batches = importer.list_batches(database(), ws, chosen.id)
if not batches:
    st.caption(t("impage.no_batches"))
else:
    st.dataframe(
        pd.DataFrame(
            {
                "#": [b.id for b in batches],
                t("impage.file"): [b.file_name for b in batches],
                t("impage.when"): [b.created_at.strftime("%Y-%m-%d %H:%M") for b in batches],
                t("common.version"): [b.version for b in batches],
                t("impage.rows_imported"): [b.rows_imported for b in batches],
                t("impage.rows_rejected"): [b.rows_rejected for b in batches],
                t("common.responses"): [b.responses for b in batches],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    live = {b.id: f"#{b.id} · {b.file_name} · {b.responses}" for b in batches if b.responses}
    if live:
        batch_id = st.selectbox(t("impage.undo_which"), list(live), format_func=live.get, key=f"undo_pick_{chosen.id}")
        sure = st.checkbox(
            t("impage.undo_confirm", count=next(b.responses for b in batches if b.id == batch_id)),
            key=f"undo_sure_{chosen.id}_{batch_id}",
        )
        if st.button(t("impage.undo"), disabled=not sure, key=f"undo_{chosen.id}"):
            removed = importer.undo_batch(database(), ws, batch_id)
            st.session_state["_import_flash"] = t("imp.undone", count=removed, batch=batch_id)
            checked.clear()
            st.rerun()
