"""Texts of the survey-tool readers (survey/importing/sources/) and the command line (python -m survey), zh and en."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the tools
    "src.tool.wjx": ("问卷星", "Wenjuanxing (问卷星)"),
    "src.tool.tencent": ("腾讯问卷", "Tencent Survey (腾讯问卷)"),
    "src.tool.qualtrics": ("Qualtrics", "Qualtrics"),
    "src.tool.surveymonkey": ("SurveyMonkey", "SurveyMonkey"),
    "src.tool.google_forms": ("Google 表单", "Google Forms"),
    "src.tool.ms_forms": ("Microsoft Forms", "Microsoft Forms"),
    "src.tool.limesurvey": ("LimeSurvey", "LimeSurvey"),
    "src.tool.csv": ("普通表格（一行表头）", "Plain table (one header row)"),
    # --- what a column became
    "src.kind.scale": ("量表题", "Scale"),
    "src.kind.recommend": ("推荐意愿（0–10）", "Likelihood to recommend (0–10)"),
    "src.kind.number": ("数值", "Number"),
    "src.kind.choice": ("单选（文字）", "Single choice (text)"),
    "src.kind.multi": ("多选（文字）", "Multiple choice (text)"),
    "src.kind.text": ("开放题（文字）", "Open text"),
    "src.reason.personal": ("个人信息，默认不导入", "Personal data, left out by default"),
    "src.reason.derived": ("由其他列计算得出", "Derived from other columns"),
    "src.reason.technical": ("系统字段，与答案无关", "Technical field, not an answer"),
    # --- respondent fields
    "src.field.start_time": ("开始时间", "Start time"),
    "src.field.end_time": ("提交时间", "Submitted at"),
    "src.field.recorded_time": ("记录时间", "Recorded at"),
    "src.field.modified_time": ("最后修改时间", "Last modified"),
    "src.field.duration_seconds": ("答题用时（秒）", "Duration (seconds)"),
    "src.field.channel": ("来源渠道", "Channel"),
    "src.field.source_detail": ("来源详情", "Source detail"),
    "src.field.language": ("答题语言", "Language"),
    "src.field.status": ("答卷状态", "Response status"),
    "src.field.progress": ("完成进度", "Progress"),
    "src.field.finished": ("是否完成", "Finished"),
    "src.field.last_page": ("最后一页", "Last page"),
    "src.field.region": ("地区", "Region"),
    "src.field.user_type": ("用户类型", "User type"),
    "src.field.custom": ("自定义字段", "Custom field"),
    "src.field.ip": ("IP 地址", "IP address"),
    "src.field.email": ("电子邮件", "E-mail"),
    "src.field.name": ("姓名", "Name"),
    "src.field.first_name": ("名", "First name"),
    "src.field.last_name": ("姓", "Last name"),
    "src.field.nickname": ("昵称", "Nickname"),
    "src.field.user_id": ("用户标识", "User id"),
    "src.field.location": ("地理位置（经纬度）", "Location (latitude, longitude)"),
    # --- notes in the report
    "src.note.codes_export": (
        "文件中的答案是选项编号（不是文字）：量表按编号推断；超出量表范围的编号（常见为“不适用”）不会计为分数，需要您说明其含义。",
        "The file holds answer codes, not texts: scales are inferred from the codes; a code off the scale (often “not applicable”) is never counted as a score until you say what it means.",
    ),
    "src.note.newest_first": (
        "文件按提交时间从新到旧排列；结果保持文件中的顺序。",
        "The file lists the newest answers first; the result keeps the file's order.",
    ),
    "src.note.statements_apart": (
        "Microsoft Forms 把每个李克特陈述各写成一列，文件中看不出哪些陈述属于同一道题：每个陈述都作为单独的题目。",
        "Microsoft Forms writes every Likert statement as a column of its own and the file does not say which statements form one question: each statement is an item of its own.",
    ),
    # --- a survey drafted from an export (survey/importing/sources/draft.py)
    "src.draft.untitled": ("从导出文件起草的问卷", "Survey drafted from an export"),
    "src.draft.dimension": ("评价题", "Ratings"),
    "src.draft.description": (
        "根据{tool}导出文件起草：题目、量表和角色由文件推断，请在“指标体系”页核对后再使用。",
        "Drafted from a {tool} export: items, scales and roles are inferred from the file; review them on the Indicator system page.",
    ),
    # --- errors
    "src.not_this_tool": (
        "这个文件看起来不是 {tool} 导出的文件。请选择“自动识别”或其他来源。",
        "This file does not look like an export from {tool}. Choose “recognise automatically” or another source.",
    ),
    "src.unknown_tool": ("未知的来源“{tool}”。可选：{tools}。", "Unknown source “{tool}”. Choose one of: {tools}."),
    "src.codebook_bad": (
        '无法读取编码表 {path}：{problem}。编码表是 JSON 文件，例如 {{"*": {{"6": null}}, "Q2_1": {{"9": 3}}}}。',
        'The codebook {path} cannot be read: {problem}. A codebook is a JSON file such as {{"*": {{"6": null}}, "Q2_1": {{"9": 3}}}}.',
    ),
    # --- the command line
    "src.cli.detected": (
        "识别为 {tool}（把握 {confidence}），表头 {header_rows} 行，{rows} 位答卷人，{items} 个题目列。",
        "Recognised {tool} (confidence {confidence}), {header_rows} header row(s), {rows} respondents, {items} item columns.",
    ),
    "src.cli.dropped": ("未导入列“{column}”：{reason}。", "Left out column “{column}”: {reason}."),
    "src.cli.unresolved": (
        "“{item}”（列 {column}）中的答案 {answer} 出现 {count} 次（第 {rows} 行）：不在推断的量表上，未计为分数，在结果中写作 {shown}。",
        "“{item}” (column {column}): the answer {answer} appears {count} time(s) (rows {rows}): it is not on the inferred scale, is not counted as a score and stays {shown} in the result.",
    ),
    "src.cli.unresolved_help": (
        '请用编码表（--codebook 文件.json）说明这些答案的含义：{{"列": {{"答案": null}}}} 表示缺失（如不适用），写数字表示该分值；键也可以是矩阵题的编号，或 "*" 表示所有列。',
        'Say what these answers mean with a codebook (--codebook FILE.json): {{"COLUMN": {{"ANSWER": null}}}} makes the answer missing (not applicable), a number makes it that score; the key may also be a matrix question\'s id, or "*" for every column.',
    ),
    "src.cli.written": ("已写入 {path}。", "Wrote {path}."),
    "src.cli.survey_missing": ("找不到编号为 {survey} 的问卷。", "There is no survey with id {survey}."),
    "src.cli.imported": (
        "已导入 {imported} 行（共读取 {read} 行），批次编号 {batch}。",
        "Imported {imported} of {read} rows as batch {batch}.",
    ),
    "src.cli.rejected": ("{rows} 行有问题，未导入：", "{rows} rows have problems and were not imported:"),
    "src.cli.nothing_imported": ("没有导入任何数据：", "Nothing was imported:"),
    "src.cli.problem": ("第 {row} 行，列“{column}”：{problem}", "Row {row}, column “{column}”: {problem}"),
    "src.cli.file_problem": ("{problem}", "{problem}"),
    "src.cli.more_problems": ("……另有 {count} 个问题未列出。", "… and {count} more problems."),
}
