"""Import responses: upload a survey tool's export or a plain CSV / Excel file, check it, import, undo.

A tool's export (问卷星, Qualtrics …) is read by `survey.importing.sources` first: the page
says which tool it recognised (the user may choose another), what became of
each column, and asks what answer codes off the scale mean; the mapping and
the check then work on the normalized table, and the import goes through
`survey.importing.sources.importing`. A plain one-header file goes to `survey.importing.importer`
as it always did. With no survey yet, or on request, the page drafts a survey
from the file (`survey.importing.sources.draft`), saves it, and imports the same file
into it.

Session keys: "_import_round" (a fresh uploader after each import),
"_import_flash", "_import_rejected", "_import_carry" (the file a drafted
survey was saved for, kept while the user reviews the draft in the designer),
"_import_choice_<digest>" (tool, personal data and answer codes chosen for a
file), "_import_<survey>_<digest>" (the user's mapping for a file).
"""

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import streamlit as st

from survey import comments, surveys
from survey.access.accounts import AccountError
from survey.characters import bad_character
from survey.i18n import LANGUAGE_NAMES, LANGUAGES, Term, text
from survey.importing import actions as import_actions
from survey.importing import importer, mapping
from survey.importing.reading import ReadError
from survey.importing.sources import AUTO, TOOLS, NormalizedExport, SourceError, detect_tool, normalize
from survey.importing.sources import importing as sources_import
from survey.importing.sources.draft import draft_columns, draft_definition, export_language
from survey.importing.validation import report_csv
from survey.storage import store
from ui.auth import current, current_place, workspace_id
from ui.downloads import EMPTY_CELL
from ui.i18n import lang, plain, refusal, show_error, t
from ui.page import start
from ui.state import SURVEY_KEY, database
from ui.survey_picker import choose_survey

PLAIN = "csv"  # the reader of a plain one-header file: the importer's own path
MISSING = "missing"  # the user's answer for a code: a missing value

start("impage.title", "impage.intro", need="responses.import")
ws = workspace_id()
chosen = choose_survey()

flash = st.session_state.pop("_import_flash", None)
if flash:
    st.success(flash)


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes
    digest: str


# --- cached reading ------------------------------------------------------------------------------


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


@st.cache_data(show_spinner=False, max_entries=8)
def recognised(digest: str, _data: bytes, name: str) -> tuple[str, float] | None:
    """(tool, confidence) of a file, or None when it cannot be read (the plain path then says why)."""
    try:
        return detect_tool(_data, name)
    except ReadError:
        return None


@st.cache_data(show_spinner=False, max_entries=8)
def normalized(digest: str, _data: bytes, name: str, tool: str, keep_personal: bool, codebook: str, lg: str):
    """(export, None) or (None, the error in `lg`); the codebook as JSON."""
    try:
        book = json.loads(codebook) if codebook else None
        return normalize(_data, name, tool=tool, keep_personal=keep_personal, codebook=book), None
    except ReadError as err:
        return None, file_error(lg, err.message, err.params)
    except SourceError as err:
        tool_named = {"tool": tool_name(tool)} if err.message == "src.not_this_tool" else {}  # the product's name
        return None, file_error(lg, err.message, err.params, **tool_named)


def problem_line(problem) -> str:
    """An import problem in the user's language for a Markdown box, the file's values in it as typed."""
    return refusal(problem.message, value=problem.value or "", column=problem.column or "", **problem.params)


def file_error(lg: str, key: str, params: dict, **ours: str) -> str:
    """A file's refusal in `lg`, the file's own text in it (a column name, a value) as typed; `ours` are the
    product's own words, given as they are."""
    return text(lg, key, **{**{k: v if isinstance(v, Term) else plain(v) for k, v in params.items()}, **ours})


def tool_name(tool: str) -> str:
    return t(f"src.tool.{tool.replace('-', '_')}")


def problems_table(problems) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("imp.report_row"): [p.row for p in problems],
            t("imp.report_column"): [p.column or "" for p in problems],
            t("imp.report_value"): [p.value or "" for p in problems],
            t("imp.report_problem"): [p.text(lang()) for p in problems],
        }
    )


# --- the file ---------------------------------------------------------------------------------------


def uploaded_file() -> Upload | None:
    """The uploaded file, or the one a drafted survey was saved for (kept across the designer)."""
    # a new uploader after each import, so that the page shows the result rather than the same file again
    upload_round = st.session_state.setdefault("_import_round", 0)
    owner = chosen.id if chosen else "new"
    upload = st.file_uploader(
        t("impage.upload"), type=["csv", "txt", "tsv", "xlsx", "xls"], key=f"upload_{owner}_{upload_round}"
    )
    if upload is not None:
        data = upload.getvalue()
        return Upload(upload.name, data, hashlib.sha256(data).hexdigest()[:16])
    carry = st.session_state.get("_import_carry")
    if carry and chosen and carry["survey"] == chosen.id:
        st.info(t("impage.carried", file=plain(carry["name"])))
        return Upload(carry["name"], carry["data"], hashlib.sha256(carry["data"]).hexdigest()[:16])
    return None


def choose_reader(file: Upload) -> tuple[str, dict]:
    """The reader for the file: recognised, or the user's choice; and the remembered choices for this file."""
    choice = st.session_state.setdefault(f"_import_choice_{file.digest}", {"tool": AUTO, "personal": False})
    found = recognised(file.digest, file.data, file.name)
    if found is None:
        return PLAIN, choice
    auto_tool, confidence = found
    names = {AUTO: t("impage.tool_auto", tool=tool_name(auto_tool))} | {x: tool_name(x) for x in TOOLS}
    options = list(names)
    tool = st.selectbox(
        t("impage.tool"),
        options,
        index=options.index(choice["tool"]) if choice["tool"] in options else 0,
        format_func=names.get,
        help=t("impage.tool_help"),
        key=f"tool_{file.digest}",
    )
    choice["tool"] = tool
    if tool == AUTO and auto_tool == PLAIN:
        st.caption(t("impage.recognised_plain"))
        return auto_tool, choice
    if tool == AUTO:
        st.caption(t("impage.recognised", tool=tool_name(auto_tool), confidence=f"{confidence:.0%}"))
        return auto_tool, choice
    st.caption(t("impage.chosen_plain") if tool == PLAIN else t("impage.chosen_tool", tool=tool_name(tool)))
    return tool, choice


# --- a tool's export ------------------------------------------------------------------------------------


def read_export(file: Upload, tool: str, choice: dict) -> NormalizedExport:
    """The export normalized with the user's choices, after showing what became of each column."""
    personal = st.checkbox(
        t("impage.keep_personal"),
        value=choice["personal"],
        help=t("impage.keep_personal_help"),
        key=f"personal_{file.digest}",
    )
    choice["personal"] = personal
    # the respondents' consent to be contacted: their e-mail and name on the Follow-up page (survey.comments)
    choice["consent"] = personal and st.checkbox(
        t("impage.contact_consent"),
        value=choice.get("consent", False),
        help=t("impage.contact_consent_help"),
        key=f"consent_{file.digest}",
    )
    base, error = normalized(file.digest, file.data, file.name, tool, personal, "", lang())
    if error:
        st.error(error)
        st.stop()
    st.caption(
        t(
            "impage.export_read",
            kind=base.file_kind.upper(),
            encoding=base.encoding or "—",
            header_rows=base.header_rows,
            rows=len(base.respondent_ids),
            items=len(base.items),
        )
    )
    for note in base.notes:
        st.info(t(note))
    show_columns(base)
    codebook = ask_codes(base, file)
    if not codebook:
        return base
    export, error = normalized(
        file.digest, file.data, file.name, tool, personal, json.dumps(codebook, sort_keys=True), lang()
    )
    if error:
        st.error(error)
        st.stop()
    return export


def without_personal(export: NormalizedExport) -> NormalizedExport:
    """The export as the rest of the page sees it: personal data never reaches a mapping, a sample or the database."""
    return replace(export, fields=tuple(f for f in export.fields if not f.personal))


def show_columns(export: NormalizedExport) -> None:
    """Every column of the tool's file and what it became (headings only: no answer, no personal data)."""
    rows: list[tuple[str, str, str]] = []
    if export.respondent_column:
        rows.append((export.respondent_column, t("impage.fate.id"), ""))
    for item in export.items:
        detail = t(f"src.kind.{item.kind}")
        if item.kind in ("scale", "recommend"):
            detail += " · " + t("impage.scale_range", low=item.minimum, high=item.maximum)
            if item.from_codes:
                detail += " · " + t("impage.from_codes")
        rows.append((" + ".join(item.columns), t("impage.fate.item", item=item.label), detail))
    for f in export.fields:
        fate = "impage.fate.personal_kept" if f.personal else "impage.fate.field"
        rows += [(column, t(fate, field=t(f"src.field.{f.name}")), "") for column in f.columns]
    for d in export.dropped:
        rows.append((d.column, t("impage.fate.dropped"), t(f"src.reason.{d.reason}")))
    st.subheader(t("impage.columns"))
    st.caption(t("impage.columns_help"))
    st.dataframe(
        pd.DataFrame(rows, columns=[t("impage.file_column"), t("impage.fate"), t("impage.fate_detail")]),
        hide_index=True,
        width="stretch",
        placeholder=EMPTY_CELL,
    )


def ask_codes(export: NormalizedExport, file: Upload) -> dict[str, dict[str, float | None]]:
    """Ask what each answer the file leaves unexplained means; the codebook of the answers decided."""
    if not export.unresolved:
        return {}
    st.subheader(t("impage.unresolved"))
    st.caption(t("impage.unresolved_help"))
    remembered = st.session_state.setdefault(f"_import_codes_{file.digest}", {})
    codebook: dict[str, dict[str, float | None]] = {}
    for u in export.unresolved:
        item = export.item(u.item)
        points = range(item.minimum, item.maximum + 1) if item.minimum is not None and item.maximum is not None else ()
        names = {"": t("impage.code.undecided"), MISSING: t("impage.code.missing")}
        names |= {str(p): t("impage.code.point", value=p) for p in points}
        options = list(names)
        key = f"{u.column}\x1f{u.text}"
        rows = ", ".join(str(r) for r in u.rows[:10]) + (" …" if u.count > len(u.rows[:10]) else "")
        meaning = st.selectbox(
            t("impage.code.question", answer=u.text, column=u.column, item=u.item, count=u.count, rows=rows),
            options,
            index=options.index(remembered.get(key, "")) if remembered.get(key, "") in options else 0,
            format_func=names.get,
            key=f"code_{file.digest}_{hashlib.sha256(key.encode()).hexdigest()[:12]}",
        )
        remembered[key] = meaning
        if meaning:
            codebook.setdefault(u.column, {})[u.text] = None if meaning == MISSING else float(meaning)
    return codebook


# --- a new survey from the file ----------------------------------------------------------------------------


def offer_draft(file: Upload, tool: str, export: NormalizedExport | None) -> None:
    """Draft a survey from the file, show it, and save it; stops the page while the draft is shown."""
    owner = chosen.id if chosen else "new"
    if chosen is not None and not st.checkbox(t("impage.draft_offer"), key=f"draft_open_{owner}_{file.digest}"):
        return
    st.subheader(t("impage.draft"))
    place = current_place()
    if place is None or not place.may("surveys.design"):
        st.info(t("impage.draft_not_allowed"))
        st.stop()
    if export is None:  # a plain file: its columns read as a plain table
        export, error = normalized(file.digest, file.data, file.name, PLAIN, False, "", lang())
        if error:
            st.error(error)
            st.stop()
    st.caption(t("impage.draft_help", designer=t("nav.designer")))
    title = st.text_input(t("impage.draft_title"), value=Path(file.name).stem, key=f"draft_title_{file.digest}")
    guessed = export_language(export)
    written_in = st.radio(
        t("impage.draft_lang"),
        list(LANGUAGES),
        index=list(LANGUAGES).index(guessed),
        format_func=LANGUAGE_NAMES.get,
        horizontal=True,
        key=f"draft_lang_{file.digest}",
    )
    bad = bad_character(title)
    if bad is not None:
        st.error(t("text.bad_character", field=Term("field.draft_title"), **bad.params))
        st.stop()
    defn = draft_definition(export, title, written_in)
    show_draft(defn)
    if st.button(t("impage.draft_save"), type="primary", key=f"draft_save_{file.digest}"):
        try:
            survey_id = surveys.create_drafted_survey(database(), current(), ws, defn, file.name, lang=lang()).id
        except AccountError as err:
            show_error(err)
            st.stop()
        if tool != PLAIN:  # the columns the draft was made for; a plain file's own headers match by themselves
            importer.remember_mapping(database(), ws, survey_id, draft_columns(export, defn))
        st.session_state[SURVEY_KEY] = survey_id
        st.session_state["_import_carry"] = {"survey": survey_id, "name": file.name, "data": file.data}
        st.session_state["_import_flash"] = t(
            "impage.draft_saved", title=plain(defn.title(lang())), designer=t("nav.designer")
        )
        st.rerun()
    st.stop()


def show_draft(defn) -> None:
    """The drafted items with their kind, role, scale and place in the tree; then the scales and their points."""
    L = lang()
    scales = {s.code: s.name_zh if L == "zh" else s.name_en for s in defn.scales}
    st.dataframe(
        pd.DataFrame(
            {
                t("impage.draft_code"): [n.code for n in defn.nodes],
                t("impage.draft_label"): [n.label(L) for n in defn.nodes],
                t("impage.draft_kind"): [t(f"kind.{n.kind}") for n in defn.nodes],
                t("impage.draft_role"): [t(f"role.{n.role}") if n.role else "" for n in defn.nodes],
                t("impage.draft_scale"): [scales.get(n.scale, "") for n in defn.nodes],
                t("impage.draft_parent"): [defn.node(n.parent).label(L) if n.parent else "" for n in defn.nodes],
            }
        ),
        hide_index=True,
        width="stretch",
        placeholder=EMPTY_CELL,
    )
    roles = ("perception", "overall", "recommend", "attribute", "comment")
    counts = {role: len(defn.items_with_role(role)) for role in roles}
    st.caption(t("impage.draft_summary", scales=len(defn.scales), **counts))
    st.dataframe(
        pd.DataFrame(
            {
                t("impage.draft_scale"): [scales[s.code] for s in defn.scales],
                t("impage.draft_points"): [" · ".join(f"{v} {s.label(v, L)}" for v in s.values) for s in defn.scales],
            }
        ),
        hide_index=True,
        width="stretch",
        placeholder=EMPTY_CELL,
    )


# --- mapping, check, import ---------------------------------------------------------------------------------


def check_and_import(file: Upload, export: NormalizedExport | None, personal: NormalizedExport | None = None) -> None:
    """The mapping, the check and the import, on the file itself (plain) or on the export's normalized table.

    `personal`: the same export with its personal data, when the user asked to keep it; only the import
    itself sees it (stored with each response, never shown).
    """
    data, name, digest = file_to_check(file, export)
    state_key = f"_import_{chosen.id}_{digest}"  # the user's mapping for this file: (columns, labels) as JSON
    columns_json, labels_json = st.session_state.get(state_key, ("", ""))
    with database().session() as s:
        defn = store.load_definition(s, ws, store.current_version(s, ws, chosen.id).id)
    p = preview_file(defn, export, data, name, digest, columns_json, labels_json)
    show_detected(p, export)
    chosen_targets = choose_columns(p, defn, state_key, columns_json)
    edited_labels = edit_answer_texts(p, state_key, labels_json)
    if st.button(t("impage.recheck"), key=f"recheck_{state_key}"):
        recheck(p, chosen_targets, edited_labels, state_key)
    show_check(p, file, export, state_key)
    policy = choose_policy(state_key)
    can_import = p.ok and p.rows_valid > 0 and (policy == "valid_rows" or p.rows_rejected == 0)
    if not can_import:
        st.caption(t("impage.cannot_import"))
    if st.button(t("impage.import"), type="primary", disabled=not can_import, key=f"import_{state_key}"):
        result = import_now(file, export, personal, data, name, p, policy)
        show_result(result, file, export)


def file_to_check(file: Upload, export: NormalizedExport | None) -> tuple[bytes, str, str]:
    """(data, name, digest) of what is mapped and checked: the file itself, or the export's normalized table."""
    if export is None:
        return file.data, file.name, file.digest
    data = export.to_plain_csv(fields=True)
    return data, file.name, hashlib.sha256(data).hexdigest()[:16]


def preview_file(defn, export: NormalizedExport | None, data: bytes, name: str, digest: str, columns_json, labels_json):
    """The preview under the user's mapping; an export without one starts from its own proposal."""
    proposed_json = columns_json
    if export is not None and not columns_json:
        saved = importer.remembered_mapping(database(), ws, chosen.id)
        proposal = sources_import.propose_columns(defn, export, saved.columns if saved else None)
        proposed_json = json.dumps(proposal, ensure_ascii=False, sort_keys=True)
    with st.spinner(t("impage.checking")):
        return checked(chosen.id, chosen.version, digest, data, name, proposed_json, labels_json, lang())


def in_file_terms(problems, export: NormalizedExport | None) -> list:
    """The problems in the words of the export's own columns (a plain file's are its own already)."""
    return [sources_import.in_file_terms(x, export) for x in problems] if export is not None else list(problems)


def show_detected(p: importer.ImportPreview, export: NormalizedExport | None) -> None:
    """What the reader found in a plain file; the file's own problems, and stop, when it has no header."""
    if p.kind and export is None:
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
        st.error("\n".join(f"- {problem_line(x)}" for x in file_problems) or t("impage.unreadable"))
        st.stop()


def choose_columns(p: importer.ImportPreview, defn, state_key: str, columns_json: str) -> dict[str, str | None]:
    """One select box per file column, with a sample of its answers: {column: target or None}."""
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
    return chosen_targets


def edit_answer_texts(p: importer.ImportPreview, state_key: str, labels_json: str) -> pd.DataFrame | None:
    """The answer texts that are not numbers, each with the scale point the user gives it (None when there are none)."""
    if not p.answer_texts:
        return None
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
    return st.data_editor(
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


def recheck(p: importer.ImportPreview, chosen_targets: dict, edited_labels: pd.DataFrame | None, state_key: str):
    """Keep the user's mapping for this file and check it again."""
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


def show_check(p: importer.ImportPreview, file: Upload, export: NormalizedExport | None, state_key: str) -> None:
    """What the check found: the counts, the problems (with their CSV report), or that all is well."""
    st.subheader(t("impage.check"))
    c1, c2, c3 = st.columns(3)
    c1.metric(t("impage.rows_read"), p.rows_read)
    c2.metric(t("impage.rows_valid"), p.rows_valid)
    c3.metric(t("impage.rows_rejected"), p.rows_rejected)
    # respondent fields left unmapped are no news: the column table lists them already
    fields = {f.name for f in export.fields} if export is not None else set()
    kept = [x for x in p.problems if not (x.message == "imp.column_ignored" and x.column in fields)]
    if not kept:
        st.success(t("impage.all_good", rows=p.rows_valid))
        return
    problems = in_file_terms(kept, export)
    errors = [x for x in problems if x.level == "error"]
    notices = [x for x in problems if x.level != "error"]
    if errors:
        st.error(t("impage.problems", count=p.problem_count - (len(p.problems) - len(kept))))
    if notices:
        st.info("\n".join(f"- {problem_line(x)}" for x in notices[:10]))
    st.dataframe(problems_table(problems), hide_index=True, width="stretch", placeholder=EMPTY_CELL)
    st.download_button(
        t("impage.report_download"),
        report_csv(problems, lang()),
        file_name=f"{file.name}.problems.csv",
        mime="text/csv",
        key=f"report_{state_key}",
    )


def choose_policy(state_key: str) -> str:
    """All or nothing, or the valid rows only."""
    policy_names = {x: t(f"imp.policy.{x}") for x in importer.POLICIES}
    return st.radio(
        t("impage.policy"),
        list(policy_names),
        format_func=policy_names.get,
        key=f"policy_{state_key}",
        index=0,
    )


def import_now(
    file: Upload,
    export: NormalizedExport | None,
    personal: NormalizedExport | None,
    data: bytes,
    name: str,
    p: importer.ImportPreview,
    policy: str,
) -> importer.ImportResult:
    """The import under the checked mapping, with a progress bar and its audit entry in the same transaction."""
    bar = st.progress(0.0)

    def progress(fraction: float, message: str) -> None:
        bar.progress(min(max(fraction, 0.0), 1.0), message)

    result = import_actions.import_responses(
        database(),
        current(),
        ws,
        chosen.id,
        name,
        data=data if export is None else None,
        export=None if export is None else personal or export,
        keep_personal=personal is not None,
        contact_consent=bool(st.session_state.get(f"_import_choice_{file.digest}", {}).get("consent")),
        columns=p.columns,
        labels=p.labels,
        policy=policy,
        lang=lang(),
        progress=progress,
    )
    bar.empty()
    return result


def show_result(result: importer.ImportResult, file: Upload, export: NormalizedExport | None) -> None:
    """Why nothing was stored; or what was, said after a fresh start of the page (the rejected rows to download)."""
    if result.batch_id is None:
        st.error(
            t("imp.result_refused", count=result.problem_count)
            + "\n\n"
            + "\n".join(f"- {problem_line(x)}" for x in in_file_terms(result.problems, export)[:20])
        )
        return
    st.session_state["_import_flash"] = t(
        "imp.result_imported",
        imported=result.rows_imported,
        rejected=result.rows_rejected,
        read=result.rows_read,
    )
    if result.rejected_csv:
        st.session_state["_import_rejected"] = (file.name, result.rejected_csv)
    st.session_state["_import_round"] = st.session_state.get("_import_round", 0) + 1
    st.session_state.pop("_import_carry", None)
    checked.clear()
    st.rerun()


# --- the page, top to bottom ---------------------------------------------------------------------------------

file = uploaded_file()
if file is not None:
    tool, choice = choose_reader(file)
    full = read_export(file, tool, choice) if tool != PLAIN else None
    export = without_personal(full) if full is not None else None
    if chosen is None:
        st.info(t("impage.no_survey_draft"))
    offer_draft(file, tool, export)
    check_and_import(file, export, full if full is not None and choice["personal"] else None)
elif chosen is None:
    st.stop()

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
        placeholder=EMPTY_CELL,
    )
    live = {b.id: f"#{b.id} · {b.file_name} · {b.responses}" for b in batches if b.responses}
    place = current_place()
    if live and place is not None and place.may("batches.undo"):
        batch_id = st.selectbox(t("impage.undo_which"), list(live), format_func=live.get, key=f"undo_pick_{chosen.id}")
        with database().session() as s:
            tagged, followed = comments.kept_with_batch(s, ws, batch_id)
        if tagged or followed:  # the themes and follow-ups of its responses go with them
            st.warning(t("comments.undo_also", tagged=tagged, follow_ups=followed))
        sure = st.checkbox(
            t("impage.undo_confirm", count=next(b.responses for b in batches if b.id == batch_id)),
            key=f"undo_sure_{chosen.id}_{batch_id}",
        )
        if st.button(t("impage.undo"), disabled=not sure, key=f"undo_{chosen.id}"):
            try:
                removed = import_actions.undo_import(database(), current(), ws, batch_id, target=live[batch_id])
            except AccountError as err:
                show_error(err)
                st.stop()
            st.session_state["_import_flash"] = t("imp.undone", count=removed, batch=batch_id)
            checked.clear()
            st.rerun()
