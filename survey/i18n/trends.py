"""Texts of the Trends page, the CSAT / CES cards and roles, the Kano roles, template and page (zh, en)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- item roles (the designer offers every role of survey.design.definition.ROLES)
    "role.csat": ("顾客满意度 CSAT", "Customer satisfaction (CSAT)"),
    "role.ces": ("顾客费力度 CES", "Customer effort (CES)"),
    "role.kano_functional": ("Kano 正向题（具备时）", "Kano functional (if present)"),
    "role.kano_dysfunctional": ("Kano 反向题（不具备时）", "Kano dysfunctional (if absent)"),
    "def.kano_code": (
        "Kano 题“{code}”的代码必须以“{suffix}”结尾（如 wifi{suffix}），两道题共用前面的功能代码。",
        "The Kano item “{code}” needs a code ending in “{suffix}” (e.g. wifi{suffix}); its pair shares the "
        "feature code before it.",
    ),
    "def.kano_partner": (
        "Kano 题“{code}”缺少配对题“{partner}”（正向题与反向题成对出现）。",
        "The Kano item “{code}” lacks its partner “{partner}” (functional and dysfunctional items come in pairs).",
    ),
    "def.kano_scale": (
        "Kano 题“{code}”必须使用 1–5 量表（喜欢、理应如此、无所谓、能忍受、不喜欢）。",
        "The Kano item “{code}” must use a 1–5 scale (like, must be, neutral, live with, dislike).",
    ),
    # --- Overview cards
    "card.csat": ("CSAT（满意占比）", "CSAT (satisfied share)"),
    "card.csat_note": (
        "{count}/{n} 人选择最高两档；95% 区间 {low} 至 {high}",
        "{count} of {n} in the top two boxes; 95% interval {low} to {high}",
    ),
    "card.csat_help": (
        "选择量表最高两档（满意、非常满意）的受访者占比，Wilson 95% 区间。",
        "Share of answers in the top two points of the scale (satisfied, very satisfied), with Wilson's 95% interval.",
    ),
    "card.ces": ("CES（费力度均值）", "CES (mean effort score)"),
    "card.ces_note": (
        "{agree}% 认为容易；95% 区间 {low} 至 {high}",
        "{agree}% found it easy; 95% interval {low} to {high}",
    ),
    "card.ces_help": (
        "“办理很容易”的平均同意程度（越高越省力），t 分布 95% 区间。",
        "Mean agreement that it was easy (higher = less effort), with the t-based 95% interval.",
    ),
    # --- Trends
    "nav.trends": ("趋势", "Trends"),
    "trends.title": ("趋势", "Trends"),
    "trends.intro": (
        "各批次的满意度指数、忠诚度指数、NPS 与 CSAT，带 95% 置信区间；每一批次与上一批次比较"
        "（同一指标的各次比较一起做 Holm 校正）。可以把几个批次合并为一个。",
        "Satisfaction index, loyalty index, NPS and CSAT per wave with 95% intervals; each wave is tested "
        "against the one before (the tests of one figure Holm-adjusted together). Several waves can be combined "
        "into one.",
    ),
    "trends.no_waves": (
        "这份问卷的答卷没有调查批次（wave），无法显示趋势。导入时请为答卷标注批次。",
        "The responses of this survey have no waves, so there is no trend to show. Give responses a wave when "
        "importing them.",
    ),
    "trends.one_wave": (
        "只有一个批次：至少需要两个批次才能比较。",
        "There is only one wave: a trend needs at least two.",
    ),
    "trends.combine": ("合并批次", "Combine waves"),
    "trends.combine_help": (
        "选中的批次合并为一个批次（例如把两个学期合为一年）。",
        "The waves chosen are shown as one (e.g. two terms as one year).",
    ),
    "trends.measure.satisfaction": ("满意度指数", "Satisfaction index"),
    "trends.measure.loyalty": ("忠诚度指数", "Loyalty index"),
    "trends.measure.nps": ("净推荐值 NPS", "NPS"),
    "trends.measure.csat": ("CSAT（满意占比）", "CSAT (satisfied share)"),
    "trends.col.measure": ("指标", "Figure"),
    "trends.col.wave": ("批次", "Wave"),
    "trends.col.value": ("数值", "Value"),
    "trends.col.ci_low": ("95% 下限", "95% low"),
    "trends.col.ci_high": ("95% 上限", "95% high"),
    "trends.col.n": ("样本量 n", "n"),
    "trends.col.difference": ("较上一批次", "Change"),
    "trends.col.p_value": ("p 值", "p"),
    "trends.col.p_adjusted": ("Holm 校正 p", "Holm-adjusted p"),
    "trends.col.significant": ("显著", "Significant"),
    "trends.col.test": ("检验", "Test"),
    "trends.note": (
        "“显著”表示与上一批次的差异在 Holm 校正后 p < 0.05。CSAT 为{item}最高两档的占比。",
        "“Significant”: the change from the wave before has a Holm-adjusted p < 0.05. CSAT is the top-two-box "
        "share of {item}.",
    ),
    "chart.trends.title": ("各批次的{measure}", "{measure} by wave"),
    "test.fisher_exact": ("Fisher 精确检验（占比）", "Fisher's exact test (shares)"),
    # --- Crosstabs: means with significance letters
    "xt.col.mean_higher": ("平均分显著高于", "Mean higher than"),
    "xt.mean_letters_help": (
        "“平均分显著高于”列出平均分显著低于该列的各列字母（两两 Welch t 检验，Holm 校正，α = 0.05；"
        "少于 30 人的列不参与比较）。加权时不做检验。",
        "“Mean higher than” lists the letters of the columns whose mean is significantly lower (Welch t-tests "
        "of every pair, Holm-corrected, α = 0.05; columns with fewer than 30 answers are not compared). Weighted "
        "means are not tested.",
    ),
    # --- Kano
    "nav.kano": ("Kano 分析", "Kano"),
    "kano.title": ("Kano 分析", "Kano analysis"),
    "kano.intro": (
        "每个功能的正向题（具备时）与反向题（不具备时）按 Kano 评价表归类：魅力、期望（一维）、必备、无差异、"
        "反向、可疑；Better–Worse 图显示具备该功能能提升多少满意、缺少它会降低多少满意（Berger 等，1993）。",
        "Each feature's functional (if present) and dysfunctional (if absent) answers are classified with the Kano "
        "evaluation table: attractive, one-dimensional, must-be, indifferent, reverse, questionable; the "
        "Better–Worse chart shows how much having the feature raises satisfaction and how much lacking it "
        "lowers it (Berger et al., 1993).",
    ),
    "kano.none": (
        "这份问卷没有 Kano 题对。在“指标体系”页面添加角色为“Kano 正向题”和“Kano 反向题”的一对题目"
        "（代码如 wifi_f 与 wifi_d），或用 Kano 模板新建问卷。",
        "This survey has no Kano pair. Add a pair of items with the roles Kano functional and Kano dysfunctional "
        "(codes such as wifi_f and wifi_d) on the Indicator system page, or create a survey from the Kano template.",
    ),
    "kano.col.feature": ("功能", "Feature"),
    "kano.col.category": ("归类", "Category"),
    "kano.col.better": ("Better", "Better"),
    "kano.col.worse": ("Worse", "Worse"),
    "kano.col.n": ("有效答卷对", "Answer pairs"),
    "kano.cat.attractive": ("魅力", "Attractive"),
    "kano.cat.one-dimensional": ("期望（一维）", "One-dimensional"),
    "kano.cat.must-be": ("必备", "Must-be"),
    "kano.cat.indifferent": ("无差异", "Indifferent"),
    "kano.cat.reverse": ("反向", "Reverse"),
    "kano.cat.questionable": ("可疑", "Questionable"),
    "chart.kano.title": ("Better–Worse 图", "Better–Worse chart"),
    "chart.kano.better": ("Better（具备时满意提升）", "Better (satisfaction with it)"),
    "chart.kano.worse": ("|Worse|（缺少时满意下降）", "|Worse| (dissatisfaction without it)"),
}
