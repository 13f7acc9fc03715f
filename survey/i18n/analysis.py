"""Texts of the Analysis section: crosstabs, distributions, drivers (zh, en)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- navigation
    "nav.analysis": ("分析", "Analysis"),
    "nav.crosstabs": ("交叉分析", "Crosstabs"),
    # --- crosstabs
    "xt.title": ("交叉分析", "Crosstabs"),
    "xt.intro": (
        "任一题目或属性按任一属性（调查批次、班级、小组、地区……）交叉：人数、列百分比、各列样本量、"
        "列比例显著性字母（z 检验，Holm 校正）与数值题各列的平均分。",
        "Any item or attribute by any attribute (wave, class, group, region …): counts, column percentages, "
        "n per column, column-proportion letters (z-test, Holm-corrected) and a numeric item's mean per column.",
    ),
    "xt.none": (
        "这份问卷没有可用于分组的属性（调查批次、班级、地区等），无法交叉分析。请在“指标体系”页面添加受访者属性题。",
        "This survey has no attribute to break down by (wave, class, region …), so there is nothing to cross. "
        "Add a respondent attribute on the Indicator system page.",
    ),
    "xt.row": ("行（题目或属性）", "Rows (item or attribute)"),
    "xt.column": ("列（属性）", "Columns (attribute)"),
    "xt.same": (
        "行与列是同一个字段，请为行或列另选一个。",
        "Rows and columns are the same field: choose another for one of them.",
    ),
    "xt.empty": (
        "筛选后的答卷中没有同时回答了行和列的受访者。请另选字段或放宽筛选条件。",
        "No response after the filters answered both the rows and the columns. Choose other fields or widen the "
        "filters.",
    ),
    "xt.percent": ("列百分比与显著性字母", "Column percentages and significance letters"),
    "xt.counts": ("人数", "Counts"),
    "xt.columns": ("各列样本量与平均分", "n and mean per column"),
    "xt.columns_n": ("各列样本量", "n per column"),
    "xt.letters_help": (
        "每列有一个字母（A、B、C……）。某格中的字母表示：该列在这一行的比例显著高于字母所指的列"
        "（列比例 z 检验，每行内 Holm 校正，α = 0.05）。标有 n<30 的列样本较少，请谨慎解读。",
        "Each column has a letter (A, B, C …). A letter in a cell means the column's share in that row is "
        "significantly higher than the share of the lettered column (column-proportion z-test, Holm-corrected "
        "within each row, α = 0.05). Columns marked n<30 are small: read them with care.",
    ),
    "xt.chi2": (
        "卡方检验：χ² = {chi2}，自由度 {dof}，p = {p}（{verdict}）",
        "Chi-square test: χ² = {chi2}, df {dof}, p = {p} ({verdict})",
    ),
    "xt.chi2_none": ("卡方检验需要至少两行和两列。", "The chi-square test needs at least two rows and two columns."),
    "xt.significant": ("行与列有关联", "rows and columns are related"),
    "xt.not_significant": ("未发现关联", "no relation found"),
    "xt.col.total": ("合计", "Total"),
    "xt.col.percent": ("{column} %", "{column} %"),
    "xt.col.higher": ("{column} 高于", "{column} higher than"),
    "xt.col.column": ("列", "Column"),
    "xt.col.letter": ("字母", "Letter"),
    "xt.col.mean": ("平均分", "Mean"),
    "xt.col.sd": ("标准差", "Standard deviation"),
    "xt.col.mean_n": ("平均分的样本量 n", "n of the mean"),
    "xt.col.small": ("样本较少", "Small column"),
    "xt.n_row": ("样本量 n", "n"),
    "chart.xt.title": ("{row}（按{column}）", "{row} by {column}"),
    "chart.xt.subtitle": (
        "各列百分比；标有 n<30 的列样本较少",
        "Column percentages; columns marked n<30 are small",
    ),
    "chart.xt.percent": ("列百分比", "Column %"),
    "chart.xt.higher": ("显著高于", "Significantly higher than"),
    "chart.xt_means.title": ("{row}的平均分（按{column}）", "Mean of {row} by {column}"),
    "chart.xt_means.subtitle": ("空心 = 少于 30 份答卷", "Hollow = fewer than 30 answers"),
    # --- distributions
    "nav.distributions": ("分布", "Distributions"),
    "dist.title": ("分布", "Distributions"),
    "dist.intro": (
        "李克特量表题的回答分布：负面选项在零点左侧，中间选项居中；可按前两项（top-2-box）比例排序，并按调查批次或细分群体比较。",
        "How Likert items were answered: negative points left of zero, the neutral point centred; sort by the "
        "top-2-box share and compare waves or segments.",
    ),
    "dist.none": (
        "这份问卷没有 3 至 7 级量表的题目（李克特题），没有可显示的分布。",
        "This survey has no items on a 3- to 7-point scale (Likert items), so there is no distribution to show.",
    ),
    "dist.scale": ("量表", "Scale"),
    "dist.sort": ("排序", "Sort"),
    "dist.sort.order": ("按问卷顺序", "Questionnaire order"),
    "dist.sort.top2": ("按前两项比例（高者在上）", "Top-2-box share, highest first"),
    "dist.by_heading": ("按批次或细分群体比较", "By wave or segment"),
    "dist.item": ("题目", "Item"),
    "dist.by": ("比较", "Compare by"),
    "dist.top2_help": (
        "前两项比例（top-2-box）= 选择量表最高两个选项的受访者比例（0–100），括号内为 Wilson 95% 置信区间。",
        "Top-2-box = the share of respondents who chose one of the scale's two highest points (0–100), with "
        "its Wilson 95% interval.",
    ),
    "dist.col.top2": ("前两项比例", "Top-2-box"),
    "dist.col.point": ("{point} %", "{point} %"),
    "chart.likert.axis": ("回答比例（%，负面选项在左）", "Share of answers (%, negative points left)"),
    "chart.likert.point": ("选项", "Answer"),
    "chart.likert.top2": ("前两项比例", "Top-2-box"),
    "chart.likert.subtitle": (
        "中间选项以零点为中心；悬停查看人数与样本量 n",
        "The neutral point is centred on zero; hover for counts and n",
    ),
    "chart.likert.title": ("各题的回答分布（{scale}）", "Answers to each item ({scale})"),
    "chart.likert_by.title": ("“{item}”的回答分布（按{field}）", "Answers to “{item}” by {field}"),
}
