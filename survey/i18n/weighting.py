"""Texts of weighting: the Weighting page, the dashboards' weighting switch, the schemes' refusals (zh, en)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "nav.weighting": ("加权", "Weighting"),
    "wt.title": ("加权", "Weighting"),
    "wt.intro": (
        "输入或上传总体各类别的比例（或人数），系统用迭代比例拟合（raking）算出每份答卷的权重，并给出设计效应与"
        "有效样本量。保存的方案随问卷保存，可在各仪表盘的侧栏中选用。",
        "Enter or upload the population's shares (or counts) of some respondent attributes: raking (iterative "
        "proportional fitting) gives each response a weight, with the design effect and the effective n. Saved "
        "schemes are kept with the survey and chosen in the dashboards' sidebar.",
    ),
    "wt.no_attributes": (
        "这份问卷没有可用于加权的受访者属性（如地区、性别）。请先在“指标体系”页面添加属性题。",
        "This survey has no respondent attribute to weight by (region, gender …). Add one on the Indicator "
        "system page first.",
    ),
    "wt.no_responses": (
        "这份问卷还没有答卷：有了答卷才能计算权重。",
        "This survey has no responses yet: weights are computed from them.",
    ),
    "wt.scheme": ("加权方案", "Weighting scheme"),
    "wt.new": ("（新方案）", "(new scheme)"),
    "wt.name": ("方案名称", "Scheme name"),
    "wt.attributes": ("按哪些属性加权", "Weight by"),
    "wt.upload": (
        "上传总体比例（CSV，列：attribute, category, target）",
        "Upload population margins (CSV with columns attribute, category, target)",
    ),
    "wt.upload_help": (
        "每行一个类别：attribute 为属性代码，category 为类别（与答卷中的写法一致），target 为比例或人数。",
        "One row per category: attribute is the attribute's code, category as written in the responses, target "
        "its share or count in the population.",
    ),
    "wt.uploaded": ("已读取 {count} 个属性的总体比例。", "Read the population margins of {count} attribute(s)."),
    "wt.margin_of": ("{attribute} 的总体比例", "Population margin of {attribute}"),
    "wt.col.category": ("类别", "Category"),
    "wt.col.target": ("总体比例或人数", "Population share or count"),
    "wt.col.attribute": ("属性", "Attribute"),
    "wt.col.respondents": ("答卷数", "Responses"),
    "wt.col.sample_share": ("样本占比 %", "Sample %"),
    "wt.col.target_share": ("总体占比 %", "Population %"),
    "wt.col.weighted_share": ("加权后占比 %", "Weighted %"),
    "wt.col.mean_weight": ("平均权重", "Mean weight"),
    "wt.result": ("权重", "Weights"),
    "wt.design_effect": ("设计效应", "Design effect"),
    "wt.design_effect_help": (
        "Kish 设计效应 n·Σw²/(Σw)²：加权使估计的方差约放大这么多倍。",
        "Kish's design effect n·Σw²/(Σw)²: weighting makes variances about this many times larger.",
    ),
    "wt.effective_n": ("有效样本量", "Effective n"),
    "wt.effective_n_help": (
        "(Σw)²/Σw²：加权后的数据相当于这么多份未加权答卷；区间按它计算。",
        "(Σw)²/Σw²: the weighted data carry as much information as this many unweighted responses; intervals use it.",
    ),
    "wt.n": ("答卷数", "Responses"),
    "wt.weight_range": ("权重范围", "Weight range"),
    "wt.range_note": ("最小 {low}，最大 {high}（平均为 1）", "smallest {low}, largest {high} (mean 1)"),
    "wt.converged": (
        "已收敛：{iterations} 轮迭代后各边际与总体一致。",
        "Converged: every margin met after {iterations} pass(es).",
    ),
    "wt.not_converged": (
        "未收敛：{iterations} 轮迭代后仍有边际未达到总体比例。请合并人数很少的类别。",
        "Not converged: some margin still misses its target after {iterations} passes. Merge very small categories.",
    ),
    "wt.save": ("保存方案", "Save scheme"),
    "wt.saved": ("方案“{name}”已保存。", "Scheme “{name}” saved."),
    "wt.rename": ("重命名", "Rename"),
    "wt.new_name": ("新名称", "New name"),
    "wt.renamed": ("方案已重命名为“{name}”。", "Scheme renamed to “{name}”."),
    "wt.delete": ("删除方案", "Delete scheme"),
    "wt.deleted": ("方案“{name}”已删除；答卷不受影响。", "Scheme “{name}” deleted; the responses are untouched."),
    "wt.pick_attributes": ("请至少选择一个属性。", "Choose at least one attribute."),
    # --- the dashboards' switch and captions
    "wt.switch": ("加权", "Weighting"),
    "wt.none": ("不加权", "None"),
    "wt.caption": ("加权（{name}）", "weighted ({name})"),
    "wt.caption_full": (
        "加权（{name}）：有效样本量 {effective_n}，设计效应 {design_effect}。加权时不做显著性检验。",
        "weighted ({name}): effective n {effective_n}, design effect {design_effect}. Weighted figures are not "
        "tested for significance.",
    ),
    "wt.switch_failed": (
        "方案“{name}”无法用于当前答卷，仪表盘显示未加权结果：{reason}",
        "The scheme “{name}” cannot weight these responses, so the dashboards show unweighted figures: {reason}",
    ),
    "wt.not_here": (
        "本页的结果不加权（加权适用于总览、NPS、交叉分析与趋势页面）。",
        "This page's figures are not weighted (weighting applies to the Overview, NPS, Crosstabs and Trends).",
    ),
    "report.weighted": ("加权（{name}）", "Weighted ({name})"),
    # --- refusals (survey.weighting.WeightingError)
    "weighting.no_margins": (
        "请至少为一个属性输入总体比例。",
        "Enter the population margin of at least one attribute.",
    ),
    "weighting.attribute_empty": (
        "属性“{attribute}”没有任何类别的总体比例。",
        "The attribute “{attribute}” has no category with a population target.",
    ),
    "weighting.category_empty": (
        "属性“{attribute}”有一行没有类别名称。",
        "A row of the attribute “{attribute}” has no category name.",
    ),
    "weighting.target_bad": (
        "属性“{attribute}”的类别“{category}”的总体比例“{target}”不是正数。",
        "The target “{target}” of category “{category}” of “{attribute}” is not a positive number.",
    ),
    "weighting.category_twice": (
        "属性“{attribute}”的类别“{category}”出现了两次。",
        "The category “{category}” of “{attribute}” is given twice.",
    ),
    "weighting.totals_disagree": (
        "各属性的总体人数不一致：“{first}”合计 {first_total}，“{other}”合计 {other_total}。请使用相同总数，或都用比例。",
        "The margins disagree on the population: “{first}” adds up to {first_total}, “{other}” to {other_total}. "
        "Give every margin the same total, or give shares.",
    ),
    "weighting.csv_encoding": (
        "无法读取这个文件：请保存为 UTF-8 编码的 CSV。",
        "This file cannot be read: save it as UTF-8 CSV.",
    ),
    "weighting.csv_empty": ("文件中没有总体比例。", "The file holds no margins."),
    "weighting.csv_columns": (
        "文件需要 attribute、category、target 三列（第一行为列名）。",
        "The file needs the columns attribute, category and target (names in the first row).",
    ),
    "weighting.csv_row": (
        "第 {line} 行缺少属性或类别，或 target 不是正数。",
        "Row {line} lacks an attribute or a category, or its target is not a positive number.",
    ),
    "weighting.no_responses": ("没有答卷可以加权。", "There are no responses to weight."),
    "weighting.attribute_missing": (
        "答卷中没有属性“{attribute}”：请检查属性代码。",
        "The responses have no attribute “{attribute}”: check its code.",
    ),
    "weighting.attribute_blank": (
        "有 {count} 份答卷没有填写属性“{attribute}”，无法加权。请补全，或不按它加权。",
        "{count} response(s) have no value for “{attribute}”, so they cannot be weighted by it. Fill them in, "
        "or weight by other attributes.",
    ),
    "weighting.category_not_in_margins": (
        "答卷中属性“{attribute}”有类别“{category}”，但总体比例中没有它：请为它补上总体比例。",
        "The responses have the category “{category}” of “{attribute}”, which the margins lack: give it a target.",
    ),
    "weighting.category_not_in_data": (
        "总体比例中有属性“{attribute}”的类别“{category}”，但没有答卷属于它：请删除它或与相邻类别合并。",
        "The margins have the category “{category}” of “{attribute}”, which no response has: remove it or merge "
        "it with a neighbouring category.",
    ),
    "weighting.name_empty": ("请为方案起一个名称。", "Give the scheme a name."),
    "weighting.name_long": ("方案名称最多 {max} 个字符。", "A scheme name has at most {max} characters."),
    "weighting.name_taken": ("这份问卷已有名为“{name}”的方案。", "This survey already has a scheme named “{name}”."),
    "weighting.not_found": (
        "这个方案已不存在（可能已被他人删除）。",
        "This scheme no longer exists (someone may have deleted it).",
    ),
    "audit.action.weighting_save": ("保存加权方案", "weighting scheme saved"),
    "audit.action.weighting_rename": ("重命名加权方案", "weighting scheme renamed"),
    "audit.action.weighting_delete": ("删除加权方案", "weighting scheme deleted"),
}
