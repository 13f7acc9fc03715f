"""Write the survey-tool export fixtures in tests/survey/sources_fixtures/.

Run: ``.venv/bin/python -m tests.survey.make_source_fixtures`` (the files are
committed; running it again writes the same bytes).

Every file holds the same six made-up respondents (`RESPONDENTS`: no real
person's data; IP addresses from the documentation range 192.0.2.0/24,
e-mail at example.org), written the way each tool writes its export, from
the format facts in survey/importing/sources/*.py. The hard cases are in the answers:
comments with commas, quotes and line breaks, a question skipped by logic,
a comment longer than 200 characters (`LONG_COMMENT_EN`, `LONG_COMMENT_ZH`),
"not applicable" answers in the matrix, a blank matrix row, a 7-point
agreement item, an NPS question, several choices with an "other" text;
and in the files: GBK, UTF-8 with and without BOM, CRLF, semicolons, every
field quoted, .xlsx and .xls, Tencent's leading tabs and newest-first rows.

The tests read `RESPONDENTS` to know what each file must give back.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "sources_fixtures"
NA = "NA"  # "not applicable" in a matrix row


@dataclass(frozen=True)
class Respondent:
    overall: int | None  # 1–5 satisfaction; None = skipped by logic
    rate: tuple[int | str | None, int | str | None, int | str | None]  # content, pace, interaction: 1–5, NA or blank
    nps: int  # 0–10
    again: int  # 1–7 agreement (no 3)
    year: int  # 1–3
    heard: tuple[str, ...]  # friend, teacher, wechat, other
    other: str  # the "other" text
    comment_en: str
    comment_zh: str


# A comment longer than a respondent attribute holds (200 characters): kept in full as a comment item.
LONG_COMMENT_EN = "\n".join(f'Week {n}: the "case study" was useful, but the slides came late.' for n in range(1, 11))
LONG_COMMENT_ZH = "\n".join(f'第{n}周："案例分析"很有用，但是课件发得太晚, 希望提前一天发布。' for n in range(1, 11))

RESPONDENTS = (
    Respondent(
        5,
        (5, 4, 5),
        10,
        7,
        1,
        ("friend", "teacher"),
        "",
        'Great course, but "too much" homework',
        '内容很好，但"作业"太多, 希望减少',
    ),
    Respondent(4, (4, NA, 3), 8, 6, 2, ("other",), "Campus poster", "", ""),
    Respondent(
        3,
        (3, 3, None),
        6,
        5,
        1,
        ("wechat",),
        "",
        "Line one\nLine two, with a comma\n" + LONG_COMMENT_EN,
        "第一行\n第二行，有逗号,\n" + LONG_COMMENT_ZH,
    ),
    Respondent(2, (2, 2, 1), 3, 4, 3, ("friend", "wechat"), "", "OK", "还行"),
    Respondent(1, (1, NA, 2), 0, 2, 2, ("teacher",), "", "", ""),
    Respondent(
        None, (5, 5, 5), 9, 1, 1, ("friend", "teacher", "wechat"), "", "Would recommend; thanks!", "推荐；谢谢！"
    ),
)

OPTIONS_EN = {"friend": "A friend", "teacher": "A teacher", "wechat": "WeChat account", "other": "Other"}
OPTIONS_ZH = {"friend": "朋友推荐", "teacher": "老师介绍", "wechat": "公众号", "other": "其他"}
ROWS_EN = ("Teaching content", "Pace", "Interaction")
ROWS_ZH = ("教学内容", "教学进度", "师生互动")
YEARS_EN = ("Year 1", "Year 2", "Year 3")
YEARS_ZH = ("大一", "大二", "大三")
OTHER_EN = "Campus poster"
OTHER_ZH = "校园海报"

Q_EN = {
    "overall": "Overall, how satisfied are you with the course?",
    "rate": "Please rate the following",
    "nps": "How likely is it that you would recommend this course to a friend?",
    "again": "I would take a course with this teacher again.",
    "year": "What year are you in?",
    "heard": "How did you hear about the course?",
    "comment": "Any other comments?",
}
Q_ZH = {
    "overall": "您对本课程的总体满意度",
    "rate": "请评价以下方面",
    "nps": "您向朋友推荐本课程的可能性有多大？",
    "again": "我会再选这位老师的课",
    "year": "您的年级",
    "heard": "您通过哪些渠道了解本课程？",
    "comment": "其他意见和建议",
}

SAT_ZH = ("非常不满意", "不满意", "一般", "满意", "非常满意")
SAT_EN = ("Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied")
SAT_QUALTRICS = (
    "Extremely dissatisfied",
    "Somewhat dissatisfied",
    "Neither satisfied nor dissatisfied",
    "Somewhat satisfied",
    "Extremely satisfied",
)
AGREE_ZH = ("非常不同意", "不同意", "有点不同意", "一般", "有点同意", "同意", "非常同意")
AGREE_EN = (
    "Strongly disagree",
    "Disagree",
    "Somewhat disagree",
    "Neither agree nor disagree",
    "Somewhat agree",
    "Agree",
    "Strongly agree",
)

START = dt.datetime(2026, 3, 2, 9, 0, 0)


def started(n: int) -> dt.datetime:
    return START + dt.timedelta(hours=n)


def seconds(n: int) -> int:
    return 120 + 37 * n


def ended(n: int) -> dt.datetime:
    return started(n) + dt.timedelta(seconds=seconds(n))


def stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def ip(n: int) -> str:
    return f"192.0.2.{10 + n}"


def email(n: int) -> str:
    return f"respondent{n + 1}@example.org"


def label(scale: tuple[str, ...], value: int | None) -> str:
    return "" if value is None else scale[value - 1]


# --- writing files ----------------------------------------------------------------------


def csv_bytes(rows, *, encoding="utf-8", delimiter=",", quoting=csv.QUOTE_MINIMAL, newline="\r\n") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator=newline)
    for row in rows:
        writer.writerow(["" if c is None else c for c in row])
    return out.getvalue().encode(encoding)


def xlsx_bytes(rows) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    for row in rows:
        sheet.append([None if c == "" else c for c in row])
    out = io.BytesIO()
    book.save(out)
    return stable_zip(out.getvalue())


def stable_zip(data: bytes) -> bytes:
    """The workbook with fixed times in its zip entries and properties, so that every run writes the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2026-01-01T00:00:00Z", content)
            target.writestr(zipfile.ZipInfo(info.filename, (2026, 1, 1, 0, 0, 0)), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def xls_bytes(rows) -> bytes:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value not in ("", None):
                sheet.write(r, c, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- 问卷星 -----------------------------------------------------------------------------


def wjx_header(codes: bool) -> list[str]:
    heard = [f"6、({OPTIONS_ZH[o]})" for o in OPTIONS_ZH] if codes else [f"6、{Q_ZH['heard']}"]
    return [
        "序号",
        "提交答卷时间",
        "所用时间",
        "来源",
        "来源详情",
        "来自IP",
        f"1、{Q_ZH['overall']}",
        *(f"2、({r})" for r in ROWS_ZH),
        f"3、{Q_ZH['nps']}",
        f"4、{Q_ZH['again']}",
        f"5、{Q_ZH['year']}",
        *heard,
        f"7、{Q_ZH['comment']}",
    ]


def wjx_rows(codes: bool) -> list[list[object]]:
    rows: list[list[object]] = [wjx_header(codes)]
    for n, r in enumerate(RESPONDENTS):
        fixed = [
            n + 1,
            stamp(ended(n)),
            f"{seconds(n)}秒",
            "手机提交" if n % 2 else "微信",
            "直接访问",
            f"{ip(n)}(北京-北京)",
        ]
        if codes:
            overall = "-3" if r.overall is None else r.overall
            rate = [6 if x == NA else "-2" if x is None else x for x in r.rate]
            answers = [overall, *rate, r.nps, r.again, r.year, *(int(o in r.heard) for o in OPTIONS_ZH)]
        else:
            overall = "(跳过)" if r.overall is None else label(SAT_ZH, r.overall)
            rate = ["不适用" if x == NA else "(空)" if x is None else label(SAT_ZH, x) for x in r.rate]
            heard = "┋".join(f"其他〖{OTHER_ZH}〗" if o == "other" else OPTIONS_ZH[o] for o in r.heard)
            answers = [overall, *rate, r.nps, label(AGREE_ZH, r.again), YEARS_ZH[r.year - 1], heard]
        rows.append([*fixed, *answers, r.comment_zh or "(空)"])
    return rows


# --- 腾讯问卷 --------------------------------------------------------------------------


def tencent_rows() -> list[list[object]]:
    header = [
        "编号",
        "开始答题时间",
        "结束答题时间",
        "答题时长(秒)",
        "地理位置国家和地区",
        "地理位置省",
        "地理位置市",
        "用户类型",
        "用户标识",
        "昵称",
        "自定义字段",
        f"1.{Q_ZH['overall']}",
        *(f"2.{Q_ZH['rate']}-{r}" for r in ROWS_ZH),
        f"3.{Q_ZH['nps']}",
        f"4.{Q_ZH['again']}",
        f"5.{Q_ZH['year']}",
        f"6.{Q_ZH['comment']}",
    ]
    rows: list[list[object]] = [header]
    for n in reversed(range(len(RESPONDENTS))):  # newest first
        r = RESPONDENTS[n]
        rate = ["不适用" if x == NA else "" if x is None else label(SAT_ZH, x) for x in r.rate]
        rows.append(
            [
                f"\t{n + 1}",
                f"\t{stamp(started(n))}",
                f"\t{stamp(ended(n))}",
                f"\t{seconds(n)}",
                "中国",
                "北京",
                "北京",
                "微信用户",
                f"\t{2837460 + n}",
                f"昵称{n + 1}",
                "",
                label(SAT_ZH, r.overall),
                *rate,
                f"\t{r.nps}",
                label(AGREE_ZH, r.again),
                YEARS_ZH[r.year - 1],
                r.comment_zh,
            ]
        )
    return rows


# --- Qualtrics -----------------------------------------------------------------------------

QUALTRICS_FIXED = (
    ("StartDate", "Start Date", "startDate"),
    ("EndDate", "End Date", "endDate"),
    ("Status", "Response Type", "status"),
    ("IPAddress", "IP Address", "ipAddress"),
    ("Progress", "Progress", "progress"),
    ("Duration (in seconds)", "Duration (in seconds)", "duration"),
    ("Finished", "Finished", "finished"),
    ("RecordedDate", "Recorded Date", "recordedDate"),
    ("ResponseId", "Response ID", "_recordId"),
    ("RecipientLastName", "Recipient Last Name", "recipientLastName"),
    ("RecipientFirstName", "Recipient First Name", "recipientFirstName"),
    ("RecipientEmail", "Recipient Email", "recipientEmail"),
    ("ExternalReference", "External Data Reference", "externalDataReference"),
    ("LocationLatitude", "Location Latitude", "locationLatitude"),
    ("LocationLongitude", "Location Longitude", "locationLongitude"),
    ("DistributionChannel", "Distribution Channel", "distributionChannel"),
    ("UserLanguage", "User Language", "userLanguage"),
)


def qualtrics_header() -> list[list[str]]:
    questions = [
        ("Q1", Q_EN["overall"], "QID1"),
        *((f"Q2_{i + 1}", f"{Q_EN['rate']} - {row}", f"QID2_{i + 1}") for i, row in enumerate(ROWS_EN)),
        ("Q3", Q_EN["nps"], "QID3"),
        ("Q3_NPS_GROUP", f"{Q_EN['nps']} - Group", "QID3_NPS_GROUP"),
        ("Q4", Q_EN["again"], "QID4"),
        ("Q5", Q_EN["year"], "QID5"),
        ("Q6", f"{Q_EN['heard']} - Selected Choice", "QID6"),
        ("Q6_4_TEXT", f"{Q_EN['heard']} - Other - Text", "QID6_4_TEXT"),
        ("Q7", Q_EN["comment"], "QID7_TEXT"),
    ]
    every = [*QUALTRICS_FIXED, *questions]
    ids = [c[0] for c in every]
    texts = [c[1] for c in every]
    imports = [
        json.dumps({"ImportId": c[2], **({"timeZone": "Europe/Berlin"} if "Date" in c[0] else {})}) for c in every
    ]
    return [ids, texts, imports]


def nps_group(score: int, numeric: bool) -> object:
    group = 1 if score <= 6 else 2 if score <= 8 else 3
    return group if numeric else ("Detractor", "Passive", "Promoter")[group - 1]


def qualtrics_rows(numeric: bool) -> list[list[object]]:
    rows: list[list[object]] = qualtrics_header()
    codes = {"friend": 1, "teacher": 2, "wechat": 3, "other": 4}
    for n, r in enumerate(RESPONDENTS):
        fixed = [
            stamp(started(n)),
            stamp(ended(n)),
            0 if numeric else "IP Address",
            ip(n),
            100,
            seconds(n),
            1 if numeric else "True",
            stamp(ended(n)),
            f"R_{n + 1:02d}TestAbCdEf",
            f"Last{n + 1}",
            f"First{n + 1}",
            email(n),
            f"S{n + 1:03d}",
            "52.52",
            "13.40",
            "anonymous",
            "EN",
        ]
        heard = sorted(r.heard, key=codes.get)
        if numeric:
            overall = "" if r.overall is None else r.overall
            rate = [6 if x == NA else "" if x is None else x for x in r.rate]
            answers = [
                overall,
                *rate,
                r.nps,
                nps_group(r.nps, True),
                r.again,
                r.year,
                ",".join(str(codes[o]) for o in heard),
            ]
        else:
            nps = {0: "0 - Not at all likely", 10: "10 - Extremely likely"}.get(r.nps, str(r.nps))
            rate = ["Not applicable" if x == NA else "" if x is None else label(SAT_QUALTRICS, x) for x in r.rate]
            answers = [
                label(SAT_QUALTRICS, r.overall),
                *rate,
                nps,
                nps_group(r.nps, False),
                label(AGREE_EN, r.again),
                YEARS_EN[r.year - 1],
                ",".join(OPTIONS_EN[o] for o in heard),
            ]
        rows.append([*fixed, *answers, r.other, r.comment_en])
    return rows


# --- SurveyMonkey ---------------------------------------------------------------------------------

SM_FIXED = (
    "Respondent ID",
    "Collector ID",
    "Start Date",
    "End Date",
    "IP Address",
    "Email Address",
    "First Name",
    "Last Name",
    "Custom Data 1",
)


def surveymonkey_rows() -> list[list[object]]:
    first = [
        *SM_FIXED,
        Q_EN["overall"],
        Q_EN["rate"],
        "",
        "",
        Q_EN["nps"],
        Q_EN["again"],
        Q_EN["year"],
        f"{Q_EN['heard']} (select all that apply)",
        "",
        "",
        "",
        Q_EN["comment"],
    ]
    second = [""] * len(SM_FIXED) + [
        "Response",
        *ROWS_EN,
        "Response",
        "Response",
        "Response",
        *(OPTIONS_EN[o] for o in ("friend", "teacher", "wechat")),
        "Other (please specify)",
        "Open-Ended Response",
    ]
    rows: list[list[object]] = [first, second]
    for n, r in enumerate(RESPONDENTS):
        fixed = [
            str(114000000001 + n),
            "400000001",
            started(n).strftime("%m/%d/%Y %I:%M:%S %p"),
            ended(n).strftime("%m/%d/%Y %I:%M:%S %p"),
            ip(n),
            email(n),
            f"First{n + 1}",
            f"Last{n + 1}",
            "",
        ]
        rate = ["N/A" if x == NA else "" if x is None else label(SAT_EN, x) for x in r.rate]
        options = [OPTIONS_EN[o] if o in r.heard else "" for o in ("friend", "teacher", "wechat")]
        rows.append(
            [
                *fixed,
                label(SAT_EN, r.overall),
                *rate,
                str(r.nps),
                label(AGREE_EN, r.again),
                YEARS_EN[r.year - 1],
                *options,
                r.other,
                r.comment_en,
            ]
        )
    return rows


# --- Google Forms -------------------------------------------------------------------------------


def google_rows() -> list[list[object]]:
    header = [
        "Timestamp",
        "Email Address",
        Q_EN["overall"],
        *(f"{Q_EN['rate']} [{row}]" for row in ROWS_EN),
        Q_EN["nps"],
        Q_EN["again"],
        Q_EN["year"],
        Q_EN["heard"],
        Q_EN["comment"],
    ]
    rows: list[list[object]] = [header]
    for n, r in enumerate(RESPONDENTS):
        rate = ["Not applicable" if x == NA else "" if x is None else label(SAT_EN, x) for x in r.rate]
        heard = ", ".join(r.other if o == "other" else OPTIONS_EN[o] for o in r.heard)
        rows.append(
            [
                ended(n).strftime("%-m/%-d/%Y %H:%M:%S"),
                email(n),
                "" if r.overall is None else str(r.overall),
                *rate,
                str(r.nps),
                label(AGREE_EN, r.again),
                YEARS_EN[r.year - 1],
                heard,
                r.comment_en,
            ]
        )
    return rows


# --- Microsoft Forms --------------------------------------------------------------------------


def ms_forms_rows() -> list[list[object]]:
    header = [
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        "Last modified time",
        Q_EN["nps"],
        Q_EN["overall"],
        *ROWS_EN,
        Q_EN["again"],
        Q_EN["year"],
        Q_EN["heard"],
        Q_EN["comment"],
    ]
    rows: list[list[object]] = [header]
    for n, r in enumerate(RESPONDENTS):
        rate = ["Not applicable" if x == NA else "" if x is None else label(SAT_EN, x) for x in r.rate]
        heard = "".join(f"{r.other if o == 'other' else OPTIONS_EN[o]};" for o in r.heard)
        anonymous = n == 4
        rows.append(
            [
                n + 1,
                started(n),
                ended(n),
                "anonymous" if anonymous else email(n),
                "" if anonymous else f"Test {n + 1}",
                "",
                r.nps,
                "" if r.overall is None else r.overall,
                *rate,
                label(AGREE_EN, r.again),
                YEARS_EN[r.year - 1],
                heard,
                r.comment_en,
            ]
        )
    return rows


# --- LimeSurvey --------------------------------------------------------------------------------

LIME_FIXED_CODES = (
    "id",
    "submitdate",
    "lastpage",
    "startlanguage",
    "seed",
    "startdate",
    "datestamp",
    "ipaddr",
    "refurl",
)
LIME_FIXED_TEXT = (
    "Response ID",
    "Date submitted",
    "Last page",
    "Start language",
    "Seed",
    "Date started",
    "Date last action",
    "IP address",
    "Referrer URL",
)


def limesurvey_rows(codes: bool) -> list[list[object]]:
    if codes:
        questions = [
            "OVERALL",
            "RATE[SQ001]",
            "RATE[SQ002]",
            "RATE[SQ003]",
            "NPS",
            "AGAIN",
            "YEAR",
            "HEARD[SQ001]",
            "HEARD[SQ002]",
            "HEARD[SQ003]",
            "HEARD[other]",
            "COMMENT",
        ]
        header = [*LIME_FIXED_CODES, *questions]
    else:
        header = [
            *LIME_FIXED_TEXT,
            Q_EN["overall"],
            *(f"{Q_EN['rate']} [{row}]" for row in ROWS_EN),
            Q_EN["nps"],
            Q_EN["again"],
            Q_EN["year"],
            *(f"{Q_EN['heard']} [{OPTIONS_EN[o]}]" for o in OPTIONS_EN),
            Q_EN["comment"],
        ]
    rows: list[list[object]] = [header]
    for n, r in enumerate(RESPONDENTS):
        fixed = [str(n + 1), stamp(ended(n)), "3", "en", str(918273 + n), stamp(started(n)), stamp(ended(n)), ip(n), ""]
        options = ("friend", "teacher", "wechat")
        if codes:
            rate = ["" if x in (NA, None) else f"A{x}" for x in r.rate]
            answers = [
                "" if r.overall is None else f"A{r.overall}",
                *rate,
                str(r.nps),
                f"A{r.again}",
                f"A{r.year}",
                *("Y" if o in r.heard else "" for o in options),
                r.other,
            ]
        else:
            rate = ["N/A" if x == NA else "" if x is None else label(SAT_EN, x) for x in r.rate]
            answers = [
                label(SAT_EN, r.overall),
                *rate,
                str(r.nps),
                label(AGREE_EN, r.again),
                YEARS_EN[r.year - 1],
                *("Yes" if o in r.heard else "" for o in options),
                r.other,
            ]
        rows.append([*fixed, *answers, r.comment_en])
    return rows


# --- a plain file, as the importer always read -------------------------------------------------


def plain_rows() -> list[list[object]]:
    rows: list[list[object]] = [["编号", "调查批次", "总体满意度", "推荐可能性", "备注"]]
    for n, r in enumerate(RESPONDENTS):
        rows.append([f"S{n + 1:03d}", "2026-03", label(SAT_ZH, r.overall) or "不适用", r.nps, r.comment_zh])
    return rows


# --- the fixture set -----------------------------------------------------------------------------

FIXTURES = {
    # file name: (tool, bytes)
    "wjx_text_gbk.csv": ("wjx", lambda: csv_bytes(wjx_rows(False), encoding="gbk")),
    "wjx_text_utf8.csv": ("wjx", lambda: csv_bytes(wjx_rows(False), newline="\n")),
    "wjx_text.xlsx": ("wjx", lambda: xlsx_bytes(wjx_rows(False))),
    "wjx_codes_bom.csv": ("wjx", lambda: csv_bytes(wjx_rows(True), encoding="utf-8-sig")),
    "wjx_codes.xls": ("wjx", lambda: xls_bytes(wjx_rows(True))),
    "tencent.csv": ("tencent", lambda: csv_bytes(tencent_rows(), encoding="utf-8-sig")),
    "qualtrics_numeric_bom.csv": ("qualtrics", lambda: csv_bytes(qualtrics_rows(True), encoding="utf-8-sig")),
    "qualtrics_text.csv": ("qualtrics", lambda: csv_bytes(qualtrics_rows(False))),
    "qualtrics_numeric.xlsx": ("qualtrics", lambda: xlsx_bytes(qualtrics_rows(True))),
    "surveymonkey.csv": ("surveymonkey", lambda: csv_bytes(surveymonkey_rows())),
    "surveymonkey.xlsx": ("surveymonkey", lambda: xlsx_bytes(surveymonkey_rows())),
    "google_forms.csv": ("google-forms", lambda: csv_bytes(google_rows())),
    "ms_forms.xlsx": ("ms-forms", lambda: xlsx_bytes(ms_forms_rows())),
    "limesurvey_codes.csv": ("limesurvey", lambda: csv_bytes(limesurvey_rows(True), quoting=csv.QUOTE_ALL)),
    "limesurvey_text_semicolon.csv": (
        "limesurvey",
        lambda: csv_bytes(limesurvey_rows(False), delimiter=";", quoting=csv.QUOTE_ALL),
    ),
    "plain.csv": ("csv", lambda: csv_bytes(plain_rows(), encoding="utf-8-sig")),
}


def main() -> None:
    FOLDER.mkdir(exist_ok=True)
    for name, (_tool, make) in FIXTURES.items():
        (FOLDER / name).write_bytes(make())
        print(FOLDER / name)


if __name__ == "__main__":
    main()
