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
    "dist.empty": (
        "筛选后的答卷中没有人回答这个量表的题目。请另选量表或放宽筛选条件。",
        "No response after the filters answered the items of this scale. Choose another scale or widen the filters.",
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
    # --- drivers
    "nav.drivers": ("驱动因素", "Drivers"),
    "drv.title": ("驱动因素", "Drivers"),
    "drv.intro": (
        "各指标对总体满意度（或推荐意愿）的相对重要性：回归 R² 按 LMG（Shapley 分解）或 Johnson 相对权重分给各指标，"
        "可选自助法（bootstrap）置信区间。",
        "How much each indicator explains of overall satisfaction (or of the recommend answer): the R² of the "
        "regression divided among the indicators by LMG (Shapley decomposition) or Johnson's relative weights, "
        "with an optional bootstrap interval.",
    ),
    "drv.none": (
        "驱动因素分析需要至少两个指标，以及总体满意度题或推荐意愿（0–10）题；这份问卷没有。",
        "Driver analysis needs at least two indicators and an overall-satisfaction or a recommend (0–10) item; "
        "this survey lacks them.",
    ),
    "drv.target": ("要解释的结果", "Outcome to explain"),
    "drv.target.overall": ("总体满意度", "Overall satisfaction"),
    "drv.target.recommend": ("推荐意愿（0–10）", "Likelihood to recommend (0–10)"),
    "drv.method": ("方法", "Method"),
    "drv.method.lmg": ("LMG（Shapley 分解，精确）", "LMG (Shapley decomposition, exact)"),
    "drv.method.johnson": ("Johnson 相对权重（近似，快速）", "Johnson's relative weights (approximate, fast)"),
    "drv.bootstrap": (
        "自助法 95% 置信区间（最多 {count} 次重抽样，较慢）",
        "Bootstrap 95% interval (up to {count} resamples, slower)",
    ),
    "drv.computing": ("正在计算相对重要性……", "Computing the relative importance …"),
    "drv.failed": (
        "无法计算相对重要性：完整回答了结果和所有指标的答卷太少，或某个指标所有人得分相同。请放宽筛选条件。",
        "The relative importance could not be computed: too few responses answered the outcome and every "
        "indicator, or an indicator has the same score for everyone. Widen the filters.",
    ),
    "drv.too_many": (
        "LMG 最多支持 {limit} 个指标，这份问卷有 {count} 个。请改用 Johnson 相对权重。",
        "LMG handles at most {limit} indicators and this survey has {count}. Choose Johnson's relative weights.",
    ),
    "drv.summary": (
        "R² = {r2}（{n} 份完整答卷）：各指标共解释了结果方差的 {percent}%。",
        "R² = {r2} ({n} complete responses): the indicators together explain {percent}% of the outcome's variance.",
    ),
    "drv.interval": (
        "区间：{resamples} 次自助重抽样的 2.5% 与 97.5% 分位数（随机种子 {seed}，结果可重复）。",
        "Intervals: the 2.5th and 97.5th percentiles of {resamples} bootstrap resamples (seed {seed}, reproducible).",
    ),
    "drv.interval_failed": (
        "其中 {failed} 次重抽样无法拟合，已略去。",
        "{failed} resamples could not be fitted and were left out.",
    ),
    "drv.col.importance": ("R² 分量", "Part of R²"),
    "drv.col.share": ("占 R² 的比例 %", "Share of R² %"),
    "drv.col.rank": ("排名", "Rank"),
    "chart.drv.title": ("各指标对{target}的相对重要性", "Relative importance for {target}"),
    "chart.drv.subtitle": (
        "{method}；R² = {r2}；横线为 95% 自助区间",
        "{method}; R² = {r2}; bars: 95% bootstrap interval",
    ),
    "chart.drv.subtitle_plain": ("{method}；R² = {r2}", "{method}; R² = {r2}"),
    "chart.drv.share": ("占 R² 的比例（%）", "Share of R² (%)"),
}
