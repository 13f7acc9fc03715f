"""Texts of the dashboards: overview, gaps, priorities, NPS, loyalty, model, exports (zh, en)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- navigation and the shared filters
    "nav.dashboards": ("仪表盘", "Dashboards"),
    "nav.overview": ("总览", "Overview"),
    "nav.gaps": ("差距分析", "Gaps"),
    "nav.priorities": ("改进优先级", "Priorities"),
    "nav.nps": ("净推荐值 NPS", "NPS"),
    "nav.loyalty": ("忠诚度", "Loyalty"),
    "nav.model": ("指数模型", "Model"),
    "nav.report": ("报告", "Report"),
    "dash.filters": ("筛选", "Filters"),
    "dash.responses_short": ("{count} 份答卷", "{count} responses"),
    "dash.all_versions": ("全部版本", "All versions"),
    "dash.version_n": ("版本 {number}", "Version {number}"),
    "dash.wave": ("调查批次", "Wave"),
    "dash.all": ("全部", "All"),
    "dash.filtered_count": ("筛选后 {count} / 共 {total} 份答卷", "{count} of {total} responses after the filters"),
    "dash.no_responses_ask": (
        "这份问卷还没有答卷。答卷由问卷的协调员导入或通过问卷链接收集；有了答卷，这里就会显示结果。",
        "This survey has no responses yet. Its coordinators import them or collect them with a questionnaire "
        "link; the figures show here once there are some.",
    ),
    "dash.no_surveys_ask": (
        "这个工作区还没有问卷。问卷由协调员新建；有了问卷和答卷，这里就会显示结果。",
        "There are no surveys in this workspace yet. Coordinators create them; the figures show here once a "
        "survey has responses.",
    ),
    "dash.no_responses": (
        "这份问卷还没有答卷。请在“导入答卷”页面导入结果文件，或在“问卷链接”页面发出问卷链接收集答卷。",
        "This survey has no responses yet. Import a results file on the Import responses page, or collect answers "
        "with a link from the Questionnaire links page.",
    ),
    "dash.filter_empty": (
        "没有符合筛选条件的答卷。请在侧栏放宽筛选条件。",
        "No responses match the filters. Widen them in the sidebar.",
    ),
    # --- cards
    "card.satisfaction": ("满意度指数", "Satisfaction index"),
    "card.satisfaction_help": (
        "加权满意度指数（CSI，0–100）：各感知题均值按 (均值 − 最小值)/(最大值 − 最小值) × 100 换算，再按指标体系的权重逐级加权。",
        "Weighted satisfaction index (CSI, 0–100): each perception item's mean rescaled by "
        "(mean − min)/(max − min) × 100, then weighted up the indicator tree.",
    ),
    "card.nps": ("净推荐值 NPS", "NPS"),
    "card.nps_help": (
        "NPS = 推荐者（9–10 分）比例 − 贬损者（0–6 分）比例，范围 −100 到 100。",
        "NPS = % promoters (9–10) − % detractors (0–6), from −100 to 100.",
    ),
    "card.nps_interval": ("95% 置信区间 {low} 至 {high}", "95% interval {low} to {high}"),
    "card.no_recommend": ("问卷没有推荐意愿（0–10）题", "The survey has no recommend (0–10) item"),
    "card.loyalty": ("忠诚度指数", "Loyalty index"),
    "card.loyalty_help": (
        "忠诚度指数（0–100）：各忠诚行为题均值换算到 0–100 后按权重加权。",
        "Loyalty index (0–100): the loyalty items' means rescaled to 0–100 and weighted.",
    ),
    "card.no_loyalty": ("问卷没有忠诚行为题", "The survey has no loyalty items"),
    "card.responses": ("答卷数", "Responses"),
    "card.change": (
        "较 {wave} 变化 {difference}（{test}，{p}，{verdict}）",
        "{difference} since {wave} ({test}, {p}, {verdict})",
    ),
    "card.p_adjusted": (
        "{p}，{count} 张卡片同时检验，Holm 校正后 {adjusted}",
        "{p}; Holm-adjusted over the {count} cards tested together: {adjusted}",
    ),
    "card.change_plain": ("较 {wave} 变化 {difference}", "{difference} since {wave}"),
    "card.significant": ("差异显著", "significant"),
    "card.not_significant": ("差异不显著", "not significant"),
    "card.target": ("目标 {target}（差 {gap}）", "Target {target} ({gap} against it)"),
    "test.welch_t": ("Welch t 检验", "Welch t-test"),
    "test.nps_z": ("NPS 差异 z 检验", "NPS z-test"),
    "test.nps_exact": ("NPS 差异精确置换检验", "NPS exact permutation test"),
    "test.nps_adjusted_wald": ("NPS 差异校正 Wald 检验", "NPS adjusted-Wald test"),
    "test.welch_t_permutation": ("Welch t 置换检验", "Welch t permutation test"),
    "test.index_welch": ("指数差异 Welch 检验（线性化）", "index difference Welch test (linearised)"),
    "test.index_permutation": ("指数差异置换检验", "index difference permutation test"),
    "overview.missing_rule": (
        "满意度指数与忠诚度指数按题计算：每题取作答者的均值，跳过或“不适用”的题不计入该题，绝不算作 0 分；"
        "卡片上的变化与其检验都是这一指数本身的差值（Welch 检验用线性化方差，某批次少于 30 份答卷时用置换检验）。",
        "The satisfaction and loyalty indices are computed item by item: each item's mean over the respondents "
        'who answered it; a skipped or "not applicable" item is left out of that item, never counted as 0. '
        "The change on a card and its test are both that index's difference (Welch with a linearised variance, "
        "a permutation test when a wave has fewer than 30 responses).",
    ),
    "p.equals": ("p = {p}", "p = {p}"),
    "p.below": ("p < {p}", "p < {p}"),
    # --- several tests at once (multiplicity control)
    "multiple.holm": (
        "共检验 {segments} 个群体（{tests} 项检验）；族错误率控制在 {rate}%（Holm 校正）。",
        "{segments} segments tested ({tests} tests); family-wise error rate {rate} % (Holm).",
    ),
    "multiple.bh": (
        "共检验 {segments} 个群体（{tests} 项检验）；错误发现率控制在 {rate}%（Benjamini–Hochberg 校正）。",
        "{segments} segments tested ({tests} tests); false-discovery rate {rate} % (Benjamini–Hochberg).",
    ),
    "multiple.none": (
        "没有群体的答卷达到 {min_n} 份，未做显著性检验。",
        "No segment has {min_n} answers or more, so none was tested.",
    ),
    # --- overview
    "overview.title": ("总览", "Overview"),
    "overview.intro": (
        "满意度指数、NPS、忠诚度指数与答卷数，与上一批次比较；与期望差距最大的指标；明显下滑的细分群体。",
        "Satisfaction index, NPS, loyalty index and responses against the previous wave; the worst gaps "
        "against expectation; the segments that dropped.",
    ),
    "overview.all_responses": (
        "全部答卷（{count} 份，问卷没有调查批次）",
        "All responses ({count}; the survey has no waves)",
    ),
    "overview.first_wave": (
        "批次 {wave}（{count} 份答卷，这是第一个批次）",
        "Wave {wave} ({count} responses; the first wave)",
    ),
    "overview.wave_vs": (
        "批次 {wave}（{count} 份答卷），与上一批次 {previous} 比较",
        "Wave {wave} ({count} responses) compared with {previous}",
    ),
    "overview.targets": ("设定目标", "Targets"),
    "overview.targets_help": (
        "为各项指标设定目标值；卡片会显示与目标的差距。目标随问卷保存，查看这份问卷看板的每个人都能看到。",
        "Set a target for each figure; the cards show how far they are from it. Targets are kept with the survey: "
        "everyone who reads its dashboards sees them.",
    ),
    "overview.targets_readonly": (
        "目标由问卷的设计者（协调员）或班级的老师设定；您的角色只能查看。",
        "Targets are set by the survey's designers (coordinators) or the class's teacher; your role can read them.",
    ),
    "overview.worst_gaps": ("与期望差距最大的三项", "The three worst gaps against expectation"),
    "overview.no_pairs": (
        "这份问卷没有成对的期望题与感知题，无法计算差距。可在“指标体系”页面为指标添加期望题。",
        "This survey has no expectation items paired with perception items, so there are no gaps. Add "
        "expectation items to the indicators on the Indicator system page.",
    ),
    "overview.no_shortfall": ("所有指标都达到或超过了期望。", "Every indicator meets or beats expectation."),
    "overview.gaps_note": (
        "差距 = 感知 − 期望（负值表示低于期望），按加权差距（差距 × 指标权重）排序。",
        "Gap = perception − expectation (negative = below expectation), ranked by weighted gap (gap × the indicator's weight).",
    ),
    "overview.at_risk": ("明显下滑的细分群体", "Segments that dropped significantly"),
    "overview.vs_previous": (
        "各群体与其在上一批次 {wave} 的结果比较（校正后 p < 0.05）。",
        "Each segment against itself in the previous wave {wave} (adjusted p < 0.05).",
    ),
    "overview.vs_rest": (
        "各群体与其余受访者比较（校正后 p < 0.05）。",
        "Each segment against the other respondents (adjusted p < 0.05).",
    ),
    "overview.no_segments": (
        "这份问卷没有受访者属性（如地区、班级），无法按群体比较。",
        "This survey has no respondent attributes (such as region or class) to compare segments by.",
    ),
    "overview.no_drops": ("没有群体出现显著下滑。", "No segment dropped significantly."),
    "overview.untested": (
        "{count} 个群体的答卷少于 {min_n} 份，未做检验，也不会被判为显著（可在 NPS 页面查看）。",
        "{count} segments have fewer than {min_n} answers: not tested, never called significant (see them on "
        "the NPS page).",
    ),
    "overview.tests_note": (
        "差异 = 本期 − 比较基准，附 95% 区间（满意度与忠诚度：指数差异的 Welch 区间，线性化方差；NPS：校正 Wald 区间）。",
        "Difference = now − compared with, with its 95% interval (satisfaction and loyalty: Welch on the index "
        "difference, linearised variance; NPS: adjusted Wald).",
    ),
    "overview.col.segment": ("群体", "Segment"),
    "overview.col.measure": ("指标", "Figure"),
    "overview.col.current": ("本期", "Now"),
    "overview.col.reference": ("比较基准", "Compared with"),
    # --- gaps
    "gaps.title": ("差距分析", "Gaps"),
    "gaps.intro": (
        "期望与感知的差距：从维度到指标再到题目；客户体验表；SERVQUAL 维度差距；满意度轮廓图。",
        "Expectation against perception, from dimensions to indicators to items; the customer experience "
        "table; SERVQUAL dimension gaps; the profile chart.",
    ),
    "gaps.none": (
        "这份问卷没有成对的期望题与感知题，也没有客户体验表所需的题目。可在“指标体系”页面为指标添加期望题。",
        "This survey has neither expectation items paired with perception items nor the items of a customer "
        "experience table. Add expectation items to the indicators on the Indicator system page.",
    ),
    "gaps.dimension": ("维度", "Dimension"),
    "gaps.all_dimensions": ("全部维度", "All dimensions"),
    "gaps.indicator": ("查看指标的题目", "Show the items of"),
    "gaps.no_indicator": ("（不选）", "(none)"),
    "gaps.weighted_note": (
        "按加权差距（差距 × 指标在整个指标体系中的权重）排序，最需要改进的在最上面。",
        "Sorted by weighted gap (gap × the indicator's weight in the whole tree), the most pressing on top.",
    ),
    "gaps.items_of": ("“{indicator}”的题目", "Items of “{indicator}”"),
    "gaps.experience": ("客户体验表", "Customer experience table"),
    "gaps.experience_help": (
        "满意度 = 实际体验 − 期望；加权满意度 = 满意度 × 重要性；体验差距 = 实际体验 − 理想体验"
        "（教材 4b 栏表头写作“2c − 4a”，但所列数值均为 2a − 4a，本表按数值计算）。",
        "Satisfaction = actual − expectation; weighted satisfaction = satisfaction × importance; experience "
        "gap = actual − ideal (the textbook's column 4b header says “2c − 4a”, but every printed value is "
        "2a − 4a; this table follows the values).",
    ),
    "gaps.key_experience": (
        "关键体验（加权满意度最低）：{touchpoints}",
        "Key experience (lowest weighted satisfaction): {touchpoints}",
    ),
    "gaps.servqual": ("SERVQUAL 维度差距", "SERVQUAL dimension gaps"),
    "gaps.servqual_score": ("SERVQUAL 得分（未加权）", "SERVQUAL score (unweighted)"),
    "gaps.servqual_weighted": ("加权 SERVQUAL 得分", "Weighted SERVQUAL score"),
    "gaps.servqual_help": (
        "维度差距 = 该维度各题（感知 − 期望）的平均值；加权得分 = Σ 维度权重 × 维度差距。",
        "Dimension gap = mean of its items' (perception − expectation); weighted score = Σ dimension weight × dimension gap.",
    ),
    "gaps.col.items": ("题数", "Items"),
    "exp.touchpoint": ("接触点", "Touchpoint"),
    "exp.actual": ("实际体验 2a", "Actual 2a"),
    "exp.expectation": ("期望 2b", "Expectation 2b"),
    "exp.satisfaction": ("满意度 2c = 2a − 2b", "Satisfaction 2c = 2a − 2b"),
    "exp.importance": ("重要性 2d", "Importance 2d"),
    "exp.weighted": ("加权满意度 3 = 2c × 2d", "Weighted 3 = 2c × 2d"),
    "exp.ideal": ("理想体验 4a", "Ideal 4a"),
    "exp.gap": ("体验差距 4b = 2a − 4a", "Experience gap 4b = 2a − 4a"),
    "exp.key": ("关键体验", "Key experience"),
    # --- priorities
    "priorities.title": ("改进优先级", "Priorities"),
    "priorities.intro": (
        "重要性–表现分析（IPA）：以平均值为界分为四个象限，找出“重点改进”的指标。",
        "Importance–performance analysis (IPA): four quadrants split at the means, and the indicators to concentrate on.",
    ),
    "priorities.none": (
        "这份问卷没有感知题，无法做重要性–表现分析。",
        "This survey has no perception items, so there is no importance–performance analysis.",
    ),
    "priorities.importance": ("重要性来源", "Importance"),
    "priorities.stated": ("陈述重要性（重要性题）", "Stated (importance items)"),
    "priorities.derived": ("导出重要性（与总体满意度的相关）", "Derived (correlation with overall satisfaction)"),
    "priorities.stated_help": (
        "重要性 = 受访者对各指标重要性题的平均打分。",
        "Importance = the mean answer to each indicator's importance items.",
    ),
    "priorities.derived_help": (
        "重要性 = 指标得分与总体满意度的 Pearson 相关系数（没有总体满意度题时用感知题综合得分）。",
        "Importance = Pearson correlation of the indicator's score with overall satisfaction (the perception "
        "score when the survey has no overall item).",
    ),
    "priorities.not_enough": (
        "答卷太少，无法计算各指标的表现与重要性。请放宽筛选条件。",
        "Too few responses to compute each indicator's performance and importance. Widen the filters.",
    ),
    "priorities.cuts": (
        "分界线：表现均值 {performance}，重要性均值 {importance}。",
        "Cut lines: mean performance {performance}, mean importance {importance}.",
    ),
    "priorities.concentrate": ("重点改进（高重要性、低表现）", "Concentrate here (high importance, low performance)"),
    "priorities.none_concentrate": (
        "没有落在“重点改进”象限的指标。",
        "No indicator falls in the “concentrate here” quadrant.",
    ),
    "priorities.rank": ("排序", "Rank"),
    "priorities.col.importance": ("重要性", "Importance"),
    "priorities.col.priority": ("优先级", "Priority"),
    "priorities.priority_help": (
        "优先级 = 重要性 × 低于期望的幅度（只计不足部分）；没有期望题时按表现从低到高排序。",
        "Priority = importance × shortfall against expectation (only a shortfall counts); without expectation "
        "items the list runs from the lowest performance up.",
    ),
    "priorities.all_indicators": ("全部指标", "All indicators"),
    "priorities.col.stability": ("象限稳定性", "Quadrant stability"),
    "priorities.col.call": ("象限判断", "Quadrant call"),
    "priorities.col.importance_low": ("重要性 95% 下限", "Importance 95% low"),
    "priorities.col.importance_high": ("重要性 95% 上限", "Importance 95% high"),
    "priorities.col.performance_low": ("表现 95% 下限", "Performance 95% low"),
    "priorities.col.performance_high": ("表现 95% 上限", "Performance 95% high"),
    "priorities.firm": ("确定", "firm"),
    "priorities.uncertain": ("不确定", "uncertain"),
    "priorities.stability_help": (
        "象限稳定性 = 对受访者做 {resamples} 次自助重抽样（固定随机种子）时，该指标仍落在同一象限的比例；"
        "低于 {firm}% 标为“不确定”：各指标的重要性（或表现）差别不够大，不能据此判定象限。"
        "图中竖线为重要性的 95% 自助区间，不确定的指标颜色较浅。",
        "Quadrant stability = the share of {resamples} bootstrap resamples of the respondents (seeded) in which "
        "the indicator stays in its quadrant; below {firm} % it is marked uncertain: the importances (or "
        "performances) do not differ enough to place it. The bars in the chart are importance's 95 % bootstrap "
        "intervals; uncertain indicators are drawn pale.",
    ),
    "priorities.all_uncertain": (
        "没有指标的象限是确定的：各指标的重要性差别不大，请不要仅凭象限决定改进顺序。",
        "No indicator's quadrant is firm: the importances barely differ, so do not set the order of work by "
        "quadrant alone.",
    ),
    "priorities.ipma_link": (
        "由路径模型得出的重要性：见“指数模型”页的重要性–表现图（IPMA）",
        "Importance from the path model: the importance–performance map (IPMA) on the Model page",
    ),
    "quadrant.concentrate": ("重点改进", "Concentrate here"),
    "quadrant.keep_up": ("继续保持", "Keep up the good work"),
    "quadrant.low_priority": ("次要改进", "Low priority"),
    "quadrant.overkill": ("可能过度投入", "Possible overkill"),
    # --- NPS
    "nps.title": ("净推荐值 NPS", "NPS"),
    "nps.intro": (
        "0–10 推荐意愿的分布（贬损者 0–6、被动者 7–8、推荐者 9–10），按群体与批次的 NPS 及其 95% 置信区间。",
        "The 0–10 recommend answers (detractors 0–6, passives 7–8, promoters 9–10), and NPS with its 95% "
        "interval by segment and by wave.",
    ),
    "nps.none": (
        "这份问卷没有推荐意愿（0–10）题。可在“指标体系”页面添加 NPS 与忠诚度题组。",
        "This survey has no recommend (0–10) item. Add the NPS + loyalty block on the Indicator system page.",
    ),
    "nps.promoters": ("推荐者 %", "Promoters %"),
    "nps.passives": ("被动者 %", "Passives %"),
    "nps.detractors": ("贬损者 %", "Detractors %"),
    "nps.count": ("{count} 人", "{count} people"),
    "nps.promoter": ("推荐者（9–10）", "Promoters (9–10)"),
    "nps.passive": ("被动者（7–8）", "Passives (7–8)"),
    "nps.detractor": ("贬损者（0–6）", "Detractors (0–6)"),
    "nps.by_segment": ("各群体的 NPS", "NPS by segment"),
    "nps.segment_field": ("按以下属性分组", "Group by"),
    "nps.col.vs_rest": ("与其余受访者之差", "Against the rest"),
    "nps.col.significant": ("差异显著", "Significant"),
    "nps.col.small": ("样本少", "Few answers"),
    "nps.segment_note": (
        "每个群体与其余受访者比较：NPS 差异精确置换检验（大样本用校正 Wald 检验），差异附 95% 校正 Wald 区间，"
        "校正后 p < 0.05 为显著；空心标记表示答卷少于 {min_n} 份，列出但不判为显著。",
        "Each segment against the other respondents: exact permutation test of the NPS difference (adjusted "
        "Wald for large groups), the difference with its 95% adjusted-Wald interval, significant at adjusted "
        "p < 0.05; hollow marks have fewer than {min_n} answers: shown, never called significant.",
    ),
    "nps.by_wave": ("各批次的 NPS", "NPS by wave"),
    # --- loyalty
    "loyalty.title": ("忠诚度", "Loyalty"),
    "loyalty.intro": (
        "忠诚度指数及各忠诚行为；满意度–忠诚度矩阵（Jones & Sasser）；按客户价值层级的忠诚度。",
        "The loyalty index and its behaviours; the satisfaction–loyalty matrix (Jones & Sasser); loyalty by customer tier.",
    ),
    "loyalty.none": (
        "这份问卷没有忠诚行为题。可在“指标体系”页面添加 NPS 与忠诚度题组。",
        "This survey has no loyalty items. Add the NPS + loyalty block on the Indicator system page.",
    ),
    "loyalty.answered": ("{count} 人作答", "{count} answered"),
    "loyalty.matrix": ("满意度–忠诚度矩阵", "Satisfaction–loyalty matrix"),
    "loyalty.no_matrix": (
        "需要同一受访者的满意度与忠诚度答案才能画出矩阵。",
        "The matrix needs satisfaction and loyalty answers from the same respondents.",
    ),
    "loyalty.matrix_help": (
        "每位受访者的满意度与忠诚度得分（0–100），以平均值（满意度 {satisfaction}、忠诚度 {loyalty}）为界分为四类：忠诚者、囚徒、唯利是图者、背叛者。",
        "Each respondent's satisfaction and loyalty scores (0–100), split at the means (satisfaction "
        "{satisfaction}, loyalty {loyalty}) into loyalists, hostages, mercenaries and defectors.",
    ),
    "loyalty.tiers": ("按客户层级的忠诚度（客户金字塔）", "Loyalty by customer tier (customer pyramid)"),
    "loyalty.no_value_field": (
        "问卷没有客户价值或消费额字段。添加一个受访者属性（代码含 value、spend 或“消费”“金额”），即可按白金、黄金、铁、铅四个层级比较忠诚度。",
        "The survey has no customer value or spend field. Add a respondent attribute whose code contains value, "
        "spend or 消费/金额 to compare loyalty across the platinum, gold, iron and lead tiers.",
    ),
    "segment.loyalist": ("忠诚者", "Loyalists"),
    "segment.hostage": ("囚徒", "Hostages"),
    "segment.mercenary": ("唯利是图者", "Mercenaries"),
    "segment.defector": ("背叛者", "Defectors"),
    "loyalty.tiers_tied": (
        "部分层级的分界处有多位客户的消费额相同：同额客户总在同一层级，整组归入其名次多数所在的层级，"
        "因此这些层级无法按 1% / 4% / 15% / 80% 精确划分（见“占比”列）。",
        "At some tier boundaries several customers have the same value: equal customers always share a tier, and "
        "the group goes to the tier holding most of its ranks, so these tiers cannot be split exactly at "
        "1 / 4 / 15 / 80 % (see the share column).",
    ),
    "segment.on_cut": ("在分界线上", "On a cut line"),
    "loyalty.on_cut": (
        "{count} 位受访者（{share}%）的得分正好等于分界值：无法判断其高低，不归入任何一类（不再算作“高”）。",
        "{count} respondents ({share} %) score exactly at a cut point: the matrix cannot tell whether they are high "
        "or low, so they are in no segment (no longer counted as high).",
    ),
    "tier.platinum": ("白金", "Platinum"),
    "tier.gold": ("黄金", "Gold"),
    "tier.iron": ("铁", "Iron"),
    "tier.lead": ("铅", "Lead"),
    # --- model
    "model.title": ("指数模型", "Model"),
    "model.intro": (
        "ACSI / ECSI 模型的 PLS 路径分析：路径系数、R²、0–100 指数；各维度的信度（Cronbach's α、AVE）与载荷；"
        "模型质量（HTMT、信度、VIF）与重要性–表现图。",
        "PLS path model of ACSI / ECSI: path coefficients, R², 0–100 indices; each dimension's reliability "
        "(Cronbach's alpha, AVE) and loadings; the model's quality (HTMT, reliability, VIF) and the "
        "importance–performance map.",
    ),
    "model.which": (
        "{model} 模型：PLS 路径分析（中心化数据、centroid 方案）。",
        "{model} model: PLS path modelling (centred data, centroid scheme).",
    ),
    "model.bootstrap": (
        "计算路径系数的 bootstrap 区间（{count} 次重抽样）",
        "Bootstrap intervals for the paths ({count} resamples)",
    ),
    "model.computing": ("正在估计模型……", "Estimating the model…"),
    "model.failed": ("无法估计模型：{problem}", "The model could not be estimated: {problem}"),
    "model.problem.too_few_complete": (
        "只有 {n} 位受访者答完了模型的全部题目，至少需要 {need} 位。请收集更多答卷，或放宽筛选条件。",
        "only {n} respondents answered every item of the model; it needs at least {need}. "
        "Collect more answers or widen the filters.",
    ),
    "model.problem.constant_item": (
        "所有受访者对「{item}」的回答都相同，无法据此估计。请放宽筛选条件，或收集更多答卷。",
        "every respondent gave the same answer to “{item}”, so it carries nothing to estimate from. "
        "Widen the filters or collect more answers.",
    ),
    "model.problem.other": (
        "当前数据无法支撑该模型的估计。",
        "the data selected cannot carry the model.",
    ),
    "model.not_converged": (
        "模型在 {iterations} 次迭代后仍未收敛，结果仅供参考。",
        "The model did not converge after {iterations} iterations; read it with care.",
    ),
    "model.indices": ("指数、R² 与信度", "Indices, R² and reliability"),
    "model.indices_help": (
        "指数 = 该维度各题均值按外部权重（和为 1）加权后换算到 0–100；基于 {n} 份全部作答的答卷。",
        "Index = the block's item means weighted by its outer weights (rescaled to sum 1), put on 0–100; "
        "from the {n} responses that answered every item.",
    ),
    "model.paths": ("路径系数", "Path coefficients"),
    "model.reliability": ("各维度的信度", "Reliability of each dimension"),
    "model.no_dimensions": ("问卷没有维度。", "The survey has no dimensions."),
    "model.alpha_help": (
        "Cronbach's α ≥ 0.7 一般视为可以接受（按原始分数 α 判断）。原始分数 α 用各题作答的方差（SPSS、R psych 的 raw_alpha）；"
        "标准化 α 用题目间的相关系数，相当于各题离散程度相同（R plspm、seminr、SmartPLS 报告的就是它）。",
        "Cronbach's alpha ≥ 0.7 is usually called acceptable (judged on the raw-score alpha). Raw-score alpha uses "
        "the items' variances as answered (SPSS, R psych's raw_alpha); standardised alpha uses the items' "
        "correlations, as if every item had the same spread (what R plspm, seminr and SmartPLS report).",
    ),
    "model.col.index": ("指数（0–100）", "Index (0–100)"),
    "model.col.alpha": ("Cronbach's α（原始分数）", "Cronbach's alpha (raw scores)"),
    "model.col.alpha_standardized": ("Cronbach's α（标准化）", "Cronbach's alpha (standardised)"),
    "model.col.items": ("题数", "Items"),
    "model.col.acceptable": ("可接受（≥ 0.7）", "Acceptable (≥ 0.7)"),
    "model.col.vif": ("VIF", "VIF"),
    "model.col.f_squared": ("f²（效应量）", "f² (effect size)"),
    "model.total_effects": ("总效应", "Total effects"),
    "model.total_effects_help": (
        "总效应 = 直接路径 + 经由其他潜变量的全部间接路径（沿途路径系数之积）。",
        "Total effect = the direct path plus every indirect route through other constructs (the product of "
        "the paths along it).",
    ),
    "model.col.direct": ("直接效应", "Direct effect"),
    "model.col.indirect": ("间接效应", "Indirect effect"),
    "model.col.total": ("总效应", "Total effect"),
    # --- model quality
    "model.quality": ("模型质量", "Model quality"),
    "model.quality_help": (
        "判断标准：HTMT（异质–单质比）< 0.85 说明两个潜变量彼此有区分（概念相近时 < 0.90 亦可）；"
        "Cronbach's α、ρ_A 与组合信度 ρ_C ≥ 0.7 说明题目一致地测量同一潜变量（0.6–0.7 存疑）；"
        "AVE ≥ 0.5 说明潜变量解释了其题目一半以上的方差；VIF < 3 说明没有共线性（3–5 存疑，≥ 5 有问题）。"
        "绿色通过，橙色存疑，红色不通过，灰色无法计算（单题维度）。",
        "How to read: HTMT (heterotrait–monotrait ratio) < 0.85 shows two constructs are distinct (< 0.90 "
        "will do for close concepts); Cronbach's alpha, ρ_A and composite reliability ρ_C ≥ 0.7 show a "
        "block's items measure their construct consistently (0.6–0.7 doubtful); AVE ≥ 0.5 means the construct "
        "explains at least half of its items' variance; VIF < 3 shows no collinearity (3–5 doubtful, ≥ 5 a "
        "problem). Green passes, orange is doubtful, red fails, grey cannot be computed (a single item).",
    ),
    "model.quality_checks": ("全部质量指标", "Every quality figure"),
    "model.col.measure": ("指标", "Measure"),
    "model.col.subject": ("对象", "Of"),
    "model.col.value": ("数值", "Value"),
    "model.col.rule": ("标准", "Threshold"),
    "model.col.status": ("结论", "Verdict"),
    "model.measure.htmt": ("HTMT", "HTMT"),
    "model.measure.alpha": ("Cronbach's α（标准化）", "Cronbach's alpha (standardised)"),
    "model.measure.rho_a": ("ρ_A", "ρ_A"),
    "model.measure.rho_c": ("组合信度 ρ_C", "Composite reliability ρ_C"),
    "model.measure.ave": ("AVE", "AVE"),
    "model.measure.item_vif": ("题项 VIF", "Item VIF"),
    "model.measure.inner_vif": ("结构模型 VIF", "Inner VIF"),
    "model.rule.htmt": ("< 0.85（< 0.90 存疑）", "< 0.85 (< 0.90 doubtful)"),
    "model.rule.alpha": ("≥ 0.7（≥ 0.6 存疑）", "≥ 0.7 (≥ 0.6 doubtful)"),
    "model.rule.rho_a": ("≥ 0.7（≥ 0.6 存疑）", "≥ 0.7 (≥ 0.6 doubtful)"),
    "model.rule.rho_c": ("≥ 0.7（≥ 0.6 存疑）", "≥ 0.7 (≥ 0.6 doubtful)"),
    "model.rule.ave": ("≥ 0.5", "≥ 0.5"),
    "model.rule.item_vif": ("< 3（< 5 存疑）", "< 3 (< 5 doubtful)"),
    "model.rule.inner_vif": ("< 3（< 5 存疑）", "< 3 (< 5 doubtful)"),
    "model.status.pass": ("✓ 通过", "✓ pass"),
    "model.status.doubtful": ("△ 存疑", "△ doubtful"),
    "model.status.fail": ("✗ 不通过", "✗ fail"),
    "model.status.na": ("— 无法计算", "— not computed"),
    "model.verdict.discriminant.ok": (
        "区分效度成立：任意两个潜变量的 HTMT 都低于 0.85。",
        "Discriminant validity holds: every HTMT is below 0.85.",
    ),
    "model.verdict.discriminant.mostly": (
        "区分效度基本成立，{doubts} 处于临界（HTMT 0.85–0.90）。",
        "Discriminant validity holds, borderline for {doubts} (HTMT 0.85–0.90).",
    ),
    "model.verdict.discriminant.except": (
        "区分效度成立，但 {fails} 除外（HTMT ≥ 0.90：受访者很可能没有区分这两个概念）。",
        "Discriminant validity holds except {fails} (HTMT ≥ 0.90: respondents hardly tell these apart).",
    ),
    "model.verdict.discriminant.also": ("临界（0.85–0.90）：{doubts}。", "Borderline (0.85–0.90): {doubts}."),
    "model.verdict.reliability.ok": (
        "信度成立：每个潜变量的 α、ρ_A 与 ρ_C 都不低于 0.7。",
        "Reliability holds: α, ρ_A and ρ_C are at least 0.7 for every construct.",
    ),
    "model.verdict.reliability.mostly": (
        "信度基本成立，{doubts} 处于临界（0.6–0.7）。",
        "Reliability holds, borderline for {doubts} (0.6–0.7).",
    ),
    "model.verdict.reliability.except": (
        "信度成立，但 {fails} 除外（低于 0.6：这些题目不像在测量同一件事）。",
        "Reliability holds except {fails} (below 0.6: its items do not measure one thing consistently).",
    ),
    "model.verdict.reliability.also": ("临界（0.6–0.7）：{doubts}。", "Borderline (0.6–0.7): {doubts}."),
    "model.verdict.convergent.ok": (
        "收敛效度成立：每个潜变量的 AVE 都不低于 0.5。",
        "Convergent validity holds: every construct's AVE is at least 0.5.",
    ),
    "model.verdict.convergent.mostly": ("收敛效度成立。", "Convergent validity holds."),
    "model.verdict.convergent.except": (
        "收敛效度成立，但 {fails} 除外（AVE < 0.5：潜变量解释不到其题目一半的方差）。",
        "Convergent validity holds except {fails} (AVE < 0.5: the construct explains less than half of its "
        "items' variance).",
    ),
    "model.verdict.convergent.also": ("{doubts}", "{doubts}"),
    "model.verdict.collinearity.ok": (
        "没有共线性问题：所有 VIF 都低于 3。",
        "No collinearity: every VIF is below 3.",
    ),
    "model.verdict.collinearity.mostly": (
        "没有严重的共线性，{doubts} 的 VIF 在 3–5 之间，值得留意。",
        "No critical collinearity; VIF between 3 and 5 for {doubts}, worth a look.",
    ),
    "model.verdict.collinearity.except": (
        "{fails} 的 VIF ≥ 5：存在严重共线性，相应系数不宜单独解读。",
        "VIF ≥ 5 for {fails}: critical collinearity, do not read those coefficients on their own.",
    ),
    "model.verdict.collinearity.also": ("VIF 3–5：{doubts}。", "VIF 3–5: {doubts}."),
    # --- importance–performance map
    "model.ipma": ("重要性–表现图（IPMA）", "Importance–performance map (IPMA)"),
    "model.ipma_help": (
        "重要性 = 该潜变量（0–100 分）每提高 1 分，{target}提高的分数（非标准化总效应，含经由其他潜变量的间接效应）；"
        "表现 = 其 0–100 指数。右下方（重要但表现低于平均）最值得改进；“可提升”= 重要性 ×（100 − 表现），"
        "即该潜变量达到 100 时{target}可提高的分数（Ringle & Sarstedt 2016）。与“改进优先级”页的 IPA 不同，这里的重要性来自模型。",
        "Importance = the points {target} gains per point more of the construct on 0–100 (the unstandardised "
        "total effect, indirect routes included); performance = its 0–100 index. Bottom right (important, "
        "performing below the mean) is where to improve first; “gain” = importance × (100 − performance), the "
        "points {target} would gain if the construct reached 100 (Ringle & Sarstedt 2016). Unlike the IPA of "
        "the Priorities page, importance here comes from the model.",
    ),
    "model.ipma_priorities": ("改进顺序", "Where to improve first"),
    "model.col.importance": ("重要性（总效应）", "Importance (total effect)"),
    "model.col.performance": ("表现（0–100）", "Performance (0–100)"),
    "model.col.gain": ("可提升（分）", "Gain (points)"),
    "model.col.rank": ("顺序", "Rank"),
    # --- exports (the buttons under every chart and table)
    "export.png": ("PNG", "PNG"),
    "export.png_help": ("下载这张图表的 PNG 图片", "Download this chart as a PNG image"),
    "export.svg": ("SVG", "SVG"),
    "export.svg_help": ("下载这张图表的 SVG 矢量图", "Download this chart as an SVG vector image"),
    "export.csv": ("CSV", "CSV"),
    "export.csv_help": (
        "下载这张表的 CSV 文件（UTF-8，Excel 可直接打开）",
        "Download this table as a CSV file (UTF-8, opens in Excel)",
    ),
    "export.xlsx": ("Excel", "Excel"),
    "export.about": ("说明", "About"),
    "export.about_survey": ("问卷：{title}（#{id}）", "Survey: {title} (#{id})"),
    "export.about_date": ("导出时间：{date}", "Exported: {date}"),
    "export.xlsx_help": ("下载这张表的 Excel 文件（.xlsx）", "Download this table as an Excel file (.xlsx)"),
    # --- drawing in a worker process (survey.reporting.rendering): why a chart, a report or slides could not be made
    "render.chart_failed": ("此图无法绘制：{reason}", "This chart could not be drawn: {reason}"),
    "render.slides_failed": ("无法生成幻灯片：{reason}", "The slides could not be written: {reason}"),
    "render.report_failed": ("无法生成报告：{reason}", "The report could not be built: {reason}"),
    "render.crashed": (
        "绘图程序意外停止。其他页面不受影响，请再试一次；若仍失败，请把图中数据（筛选条件）告诉管理员。",
        "the drawing process stopped unexpectedly. Nothing else is affected; try again, and if it fails again, tell your administrator which data (filters) the chart shows.",
    ),
    "render.timeout": (
        "绘图用时过长。请用筛选条件减少图中的数据后再试。",
        "drawing took too long. Narrow the data with the filters and try again.",
    ),
    "render.memory": (
        "绘图所需内存超出上限。请用筛选条件减少图中的数据后再试。",
        "drawing needed more memory than allowed. Narrow the data with the filters and try again.",
    ),
    "render.failed": (
        "绘图程序无法处理这些数据。请再试一次；若仍失败，请告诉管理员。",
        "the drawing process could not handle this data. Try again, and if it fails again, tell your administrator.",
    ),
    # --- the report
    "report.title": ("报告", "Report"),
    "report.intro": (
        "将关键指标与所选页面的图表按当前筛选条件生成 PDF 或 PowerPoint 报告，用于汇报。",
        "The key figures and the charts of the pages you choose, with the current filters, as a PDF or a "
        "PowerPoint report for a presentation.",
    ),
    "report.pages": ("报告包含的页面", "Pages in the report"),
    "report.no_pages": ("请至少选择一个页面", "Choose at least one page"),
    "report.language": ("报告语言", "Report language"),
    "report.build": ("生成报告", "Build the report"),
    "report.building": ("正在生成报告……", "Building the report…"),
    "report.rendering": ("正在绘制图表 {done}/{total}……", "Drawing chart {done} of {total}…"),
    "report.writing": ("正在写入 PDF 与 PowerPoint 文件……", "Writing the PDF and the PowerPoint file…"),
    "report.done": ("报告已生成，含 {charts} 张图表。", "The report is ready, with {charts} charts."),
    "report.failed": ("无法生成报告", "The report could not be built"),
    "report.chart_left_out": (
        "图表“{chart}”无法绘制，报告中未包含它：{reason}",
        "The chart “{chart}” could not be drawn and is left out of the report: {reason}",
    ),
    "report.no_font": (
        "找不到中文字体 Noto Sans CJK，无法生成报告。请让管理员安装 Debian 软件包 fonts-noto-cjk（apt-get install fonts-noto-cjk）后再试。",
        "The Chinese font Noto Sans CJK is missing, so no report can be written. Ask an administrator to install "
        "Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk), then try again.",
    ),
    "report.download_pdf": ("下载 PDF", "Download PDF"),
    "report.download_pptx": ("下载 PowerPoint（PPTX）", "Download PowerPoint (PPTX)"),
    "report.outdated": (
        "筛选条件或报告设置已改变，请重新生成报告。",
        "The filters or the report's settings have changed: build the report again.",
    ),
    "report.subtitle": ("满意度与忠诚度报告", "Satisfaction and loyalty report"),
    "report.key_figures": ("关键指标", "Key figures"),
    "report.filter": ("{name}：{values}", "{name}: {values}"),
    "report.file": ("报告", "report"),
    # --- charts
    "chart.n": ("样本量 n", "n"),
    "chart.n_segment": ("该类人数 n", "n in this segment"),
    "chart.indicator": ("指标", "Indicator"),
    "chart.dimension": ("维度", "Dimension"),
    "chart.item": ("题目", "Item"),
    "chart.series": ("系列", "Series"),
    "chart.expectation": ("期望", "Expectation"),
    "chart.perception": ("感知", "Perception"),
    "chart.gap": ("差距", "Gap"),
    "chart.weighted_gap": ("加权差距", "Weighted gap"),
    "chart.mean_answer": ("平均得分", "Mean answer"),
    "chart.gaps.title": ("各指标的期望与感知", "Expectation and perception by indicator"),
    "chart.gaps.within_title": ("该维度各指标的期望与感知", "Expectation and perception in this dimension"),
    "chart.gaps.subtitle": ("按加权差距排序，最差的在上", "Sorted by weighted gap, worst on top"),
    "chart.profile.title": ("满意度轮廓图", "Profile chart"),
    "chart.profile.subtitle": (
        "各指标的感知均值（实线）与期望均值（虚线）",
        "Perception means (solid) against expectation means (dashed)",
    ),
    "chart.dimension_gaps.title": ("各维度的差距（感知 − 期望）", "Gap by dimension (perception − expectation)"),
    "chart.gap_axis": ("差距（感知 − 期望）", "Gap (perception − expectation)"),
    "chart.below": ("低于期望", "Below expectation"),
    "chart.above": ("达到或超过期望", "Meets or beats expectation"),
    "chart.experience.title": ("各接触点的加权满意度", "Weighted satisfaction by touchpoint"),
    "chart.touchpoint": ("接触点", "Touchpoint"),
    "chart.key_experience": ("关键体验", "Key experience"),
    "chart.weighted_satisfaction": ("加权满意度", "Weighted satisfaction"),
    "chart.ipa.title": ("重要性–表现矩阵", "Importance–performance matrix"),
    "chart.ipa.subtitle": ("虚线为平均值", "Dashed lines: the means"),
    "chart.performance": ("表现（指数 0–100）", "Performance (index 0–100)"),
    "chart.importance_stated": ("陈述重要性（平均分）", "Stated importance (mean answer)"),
    "chart.importance_derived": ("导出重要性（相关系数）", "Derived importance (correlation)"),
    "chart.quadrant": ("象限", "Quadrant"),
    "chart.recommend_answer": ("推荐意愿得分（0–10）", "Likelihood to recommend (0–10)"),
    "chart.respondents": ("人数", "Respondents"),
    "chart.category": ("类别", "Category"),
    "chart.share": ("占比", "Share"),
    "chart.nps_distribution.title": ("推荐意愿的分布（n = {n}）", "Recommend answers (n = {n})"),
    "chart.nps_axis": ("NPS（−100 至 100）", "NPS (−100 to 100)"),
    "chart.nps_segments.title": ("按{field}的 NPS", "NPS by {field}"),
    "chart.nps_segments.subtitle": (
        "横线为 95% 置信区间；菱形 = 与其余受访者差异显著（校正后 p < 0.05）；空心 = 少于 30 份，不判显著",
        "Bars: 95% interval; diamond = differs significantly from the rest (adjusted p < 0.05); hollow = fewer "
        "than 30 answers, never called significant",
    ),
    "chart.nps_trend.title": ("各批次的 NPS（竖线为 95% 置信区间）", "NPS by wave (bars: 95% interval)"),
    "chart.significant_rest": ("与其余受访者差异显著（校正后）", "Differs from the rest (adjusted)"),
    "chart.changed_wave": ("较上一批次变化显著", "Changed since the previous wave"),
    "chart.not_significant": ("差异不显著", "Not significant"),
    "chart.ci_low": ("95% 区间下限", "95% interval, low"),
    "chart.ci_high": ("95% 区间上限", "95% interval, high"),
    "chart.difference": ("差异", "Difference"),
    "chart.p_value": ("p 值", "p-value"),
    "chart.p_adjusted": ("校正后 p 值", "Adjusted p"),
    "chart.difference_low": ("差异 95% 区间下限", "Difference, 95% low"),
    "chart.difference_high": ("差异 95% 区间上限", "Difference, 95% high"),
    "chart.test": ("检验方法", "Test"),
    "chart.index_axis": ("指数（0–100）", "Index (0–100)"),
    "chart.index_trend.title": ("各批次的满意度指数与忠诚度指数", "Satisfaction and loyalty index by wave"),
    "chart.loyalty_items.title": ("各忠诚行为的指数", "Index of each loyalty behaviour"),
    "chart.satisfaction_overall": ("满意度（总体满意度题，0–100）", "Satisfaction (overall items, 0–100)"),
    "chart.satisfaction_perception": ("满意度（感知题综合，0–100）", "Satisfaction (perception items, 0–100)"),
    "chart.loyalty_score": ("忠诚度（0–100）", "Loyalty (0–100)"),
    "chart.segment": ("类型", "Segment"),
    "chart.loyalty_matrix.title": ("满意度–忠诚度矩阵", "Satisfaction–loyalty matrix"),
    "chart.loyalty_matrix.subtitle": (
        "每个点代表得分相同的受访者，点越大人数越多；虚线为平均值；n = {n}",
        "Each point is the respondents with the same scores, larger = more; dashed lines: the means; n = {n}",
    ),
    "chart.at_point": ("该点人数", "Respondents here"),
    "chart.segment_shares.title": ("四类客户的占比", "Share of each segment"),
    "chart.pyramid.title": ("客户金字塔与各层级的忠诚度", "Customer pyramid and each tier's loyalty"),
    "chart.pyramid.subtitle": (
        "按价值排序：前 1% 白金、其后 4% 黄金、15% 铁、80% 铅",
        "By value: top 1% platinum, next 4% gold, 15% iron, 80% lead",
    ),
    "chart.tier": ("层级", "Tier"),
    "chart.customers": ("客户数", "Customers"),
    "chart.value_share": ("价值占比", "Share of value"),
    "chart.tier_caption": (
        "{tier}：{share:.0f}% 的客户，忠诚度 {loyalty:.1f}",
        "{tier}: {share:.0f}% of customers, loyalty {loyalty:.1f}",
    ),
    "chart.tier_caption_empty": ("{tier}：{share:.0f}% 的客户", "{tier}: {share:.0f}% of customers"),
    "chart.path.title": ("路径图", "Path diagram"),
    "chart.path.subtitle": (
        "箭头上为路径系数（越粗越强），圆内为指数（0–100）与 R²；n = {n}",
        "Arrows: path coefficients (thicker = stronger); circles: index (0–100) and R²; n = {n}",
    ),
    "chart.node_detail": ("指数 {index:.1f}", "index {index:.1f}"),
    "chart.from": ("从", "From"),
    "chart.to": ("到", "To"),
    "chart.coefficient": ("路径系数", "Coefficient"),
    "chart.boot_low": ("bootstrap 2.5%", "Bootstrap 2.5%"),
    "chart.boot_high": ("bootstrap 97.5%", "Bootstrap 97.5%"),
    "chart.construct": ("潜变量", "Construct"),
    "chart.loading": ("载荷", "Loading"),
    "chart.outer_weight": ("外部权重", "Outer weight"),
    "chart.quality.title": ("信度与收敛效度", "Reliability and convergent validity"),
    "chart.quality.subtitle": (
        "绿色通过，橙色存疑，红色不通过；最后一列为该维度题项 VIF 的最大值",
        "Green passes, orange is doubtful, red fails; the last column is the block's largest item VIF",
    ),
    "chart.htmt.title": ("区分效度（HTMT）", "Discriminant validity (HTMT)"),
    "chart.htmt.subtitle": (
        "< 0.85 通过，0.85–0.90 存疑，≥ 0.90 不通过",
        "< 0.85 passes, 0.85–0.90 doubtful, ≥ 0.90 fails",
    ),
    "chart.measure": ("指标", "Measure"),
    "chart.status": ("结论", "Verdict"),
    "chart.max_item_vif": ("最大题项 VIF", "Largest item VIF"),
    "chart.ipma.title": ("重要性–表现图：{target}", "Importance–performance map: {target}"),
    "chart.ipma.subtitle": (
        "虚线为平均值；重要性为对{target}的总效应",
        "Dashed lines: the means; importance: total effect on {target}",
    ),
    "chart.ipma_importance": ("重要性（总效应）", "Importance (total effect)"),
    "chart.ipma_performance": ("表现（指数 0–100）", "Performance (index 0–100)"),
    "chart.gain": ("可提升（分）", "Gain (points)"),
    "chart.loadings.title": ("各题的载荷（虚线 0.7）", "Item loadings (dashed line: 0.7)"),
}
