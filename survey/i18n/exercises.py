"""Texts of the exercises pages (see survey/i18n/__init__.py)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the page
    "exercises.title": ("练习卡", "Exercise cards"),
    "exercises.intro": (
        "教材中的实训计算题：读案例，填答案，点“检查答案”。每个答案都用本产品的指标计算库核对，答错时给出正确值、代入本题数字的公式和可能的错误。",
        "The textbook's worked cases for class: read the case, enter your answers and press Check. Every answer is checked "
        "with the product's metrics library; a wrong one gets the right value, the formula with this case's numbers and the "
        "likely mistake.",
    ),
    "exercises.card": ("练习", "Exercise"),
    "exercises.source": ("出处：{source}", "Source: {source}"),
    "exercises.seed": ("随机种子", "Seed"),
    "exercises.seed_help": (
        "0 = 教材原题的数字；其他数 = 一组新数字。输入同一个种子，总能得到同一组数字。",
        "0 = the textbook's own numbers; any other number = new numbers. The same seed always gives the same numbers.",
    ),
    "exercises.new_numbers": ("换一组数字", "New numbers"),
    "exercises.textbook_numbers": ("教材原题", "Textbook numbers"),
    "exercises.variant_textbook": ("教材原题的数字（种子 0）", "The textbook's own numbers (seed 0)"),
    "exercises.variant": (
        "新数字，种子 {seed}。教师输入这个种子即可重现本题。",
        "New numbers, seed {seed}. Enter this seed to get the same numbers again.",
    ),
    "exercises.tolerance": (
        "数值答案与精确值相差不超过 ±{tolerance} 即算正确（保留 1 位小数即可）。",
        "A number within ±{tolerance} of the exact value counts as right (1 decimal is enough).",
    ),
    "exercises.answers": ("你的答案", "Your answers"),
    "exercises.choose": ("请选择", "Choose"),
    "exercises.check": ("检查答案", "Check"),
    "exercises.results": ("检查结果", "Results"),
    "exercises.score": ("答对 {right} / {total} 题。", "{right} of {total} right."),
    "exercises.right": ("✓ {question}：{given}", "✓ {question}: {given}"),
    "exercises.wrong": (
        "✗ {question}：你的答案 {given}，正确答案 {expected}",
        "✗ {question}: you gave {given}, the right value is {expected}",
    ),
    "exercises.unanswered": ("○ {question}：未作答", "○ {question}: not answered"),
    "exercises.mistake.unanswered": ("没有作答：填写后再检查一次。", "Not answered: fill it in and check again."),
    # --- units
    "exercises.unit.people": ("人", "people"),
    "exercises.unit.points": ("分", "points"),
    "exercises.unit.percent": ("%", "%"),
    "exercises.unit.nps_points": ("分", "points"),
    "exercises.mistake.fraction": (
        "要写百分数：{value}，而不是小数比例 {value} ÷ 100。",
        "Give a percentage: {value}, not the fraction {value} ÷ 100.",
    ),
    "exercises.mistake.count": (
        "你写的是人数；要的是占全部 {n} 人的百分比。",
        "That is a number of people; the question asks for the percentage of all {n}.",
    ),
    # --- 1. customer experience table
    "exercises.cx.title": ("客户体验表", "Customer experience table"),
    "exercises.cx.intro": (
        "按教材的客户体验表计算每个触点：满意度 2c = 实际体验 2a − 期望 2b；加权满意度 3 = 2c × 重要性 2d；体验差距 4b = 实际体验 2a − 理想体验 4a。再找出关键体验。",
        "Work the textbook's customer experience table for every touchpoint: satisfaction 2c = actual experience 2a − "
        "expectation 2b; weighted satisfaction 3 = 2c × importance 2d; experience gap 4b = actual 2a − ideal 4a. Then "
        "find the key experience.",
    ),
    "exercises.cx.source": (
        "客户服务教材，客户体验管理，图 3-1 客户体验表",
        "Customer-service textbook, customer experience management, Fig. 3-1 (customer experience table)",
    ),
    "exercises.cx.story": (
        "一家企业请顾客为六个接触点打分（1–10 分）：实际体验、期望、重要性和理想体验。",
        "A company asked its customers to score six touchpoints (1–10): actual experience, expectation, importance "
        "and ideal experience.",
    ),
    "exercises.cx.col.actual": ("实际体验 2a", "Actual 2a"),
    "exercises.cx.col.expectation": ("期望 2b", "Expectation 2b"),
    "exercises.cx.col.importance": ("重要性 2d", "Importance 2d"),
    "exercises.cx.col.ideal": ("理想体验 4a", "Ideal 4a"),
    "exercises.touchpoint.product": ("产品", "Product"),
    "exercises.touchpoint.price": ("价格", "Price"),
    "exercises.touchpoint.convenience": ("便利性", "Convenience"),
    "exercises.touchpoint.brand": ("品牌形象", "Brand image"),
    "exercises.touchpoint.service": ("服务", "Service"),
    "exercises.touchpoint.relationship": ("关系", "Relationship"),
    "exercises.cx.q.satisfaction": ("{item}：满意度 2c", "{item}: satisfaction 2c"),
    "exercises.cx.q.weighted": ("{item}：加权满意度 3", "{item}: weighted satisfaction 3"),
    "exercises.cx.q.gap": ("{item}：体验差距 4b", "{item}: experience gap 4b"),
    "exercises.cx.q.key": ("关键体验是哪个接触点？", "Which touchpoint is the key experience?"),
    "exercises.cx.explain.satisfaction": (
        "{touchpoint}：满意度 2c = 实际体验 2a − 期望 2b = {actual} − {expectation} = {value}。",
        "{touchpoint}: satisfaction 2c = actual 2a − expectation 2b = {actual} − {expectation} = {value}.",
    ),
    "exercises.cx.explain.weighted": (
        "{touchpoint}：加权满意度 3 = 满意度 2c × 重要性 2d = {satisfaction} × {importance} = {value}。",
        "{touchpoint}: weighted satisfaction 3 = satisfaction 2c × importance 2d = {satisfaction} × {importance} = {value}.",
    ),
    "exercises.cx.explain.gap": (
        "{touchpoint}：体验差距 4b = 实际体验 2a − 理想体验 4a = {actual} − {ideal} = {value}。（教材表头印作“2c − 4a”，但表中每个数值都是 2a − 4a，本产品按数值计算。）",
        "{touchpoint}: experience gap 4b = actual 2a − ideal 4a = {actual} − {ideal} = {value}. (The textbook's header "
        "says “2c − 4a”, but every printed value is 2a − 4a; the product follows the values.)",
    ),
    "exercises.cx.explain.key": (
        "关键体验是加权满意度 3 最低（最负）的接触点：{touchpoint}，{value}。",
        "The key experience is the touchpoint with the lowest (most negative) weighted satisfaction 3: {touchpoint}, "
        "{value}.",
    ),
    "exercises.mistake.cx_reversed": (
        "可能的错误：符号反了，你算的是 期望 − 实际体验。满意度 = 体验 − 期望，低于期望时为负。",
        "Likely mistake: the sign is reversed, you took expectation − experience. Satisfaction = experience − "
        "expectation, negative when below expectation.",
    ),
    "exercises.mistake.cx_weighted_gap": (
        "可能的错误：你用体验差距 4b（实际 − 理想）乘了重要性；加权满意度用的是满意度 2c（实际 − 期望）。",
        "Likely mistake: you multiplied the experience gap 4b (actual − ideal) by importance; weighted satisfaction "
        "uses satisfaction 2c (actual − expectation).",
    ),
    "exercises.mistake.cx_weighted_actual": (
        "可能的错误：你用实际体验 2a 乘了重要性；应当用满意度 2c = 2a − 2b。",
        "Likely mistake: you multiplied the actual experience 2a by importance; use satisfaction 2c = 2a − 2b.",
    ),
    "exercises.mistake.cx_gap_reversed": (
        "可能的错误：符号反了，你算的是 理想 − 实际。体验差距 = 实际 − 理想，实际低于理想时为负。",
        "Likely mistake: the sign is reversed, you took ideal − actual. Experience gap = actual − ideal, negative when "
        "the experience falls short of the ideal.",
    ),
    "exercises.mistake.cx_gap_header": (
        "可能的错误：你照教材表头“2c − 4a”（满意度 − 理想）算了；表中的数值都是 2a − 4a（实际 − 理想），例如便利性 5 − 10 = −5。",
        "Likely mistake: you followed the textbook's header “2c − 4a” (satisfaction − ideal); the printed values are "
        "all 2a − 4a (actual − ideal), e.g. convenience 5 − 10 = −5.",
    ),
    "exercises.mistake.cx_key_unweighted": (
        "可能的错误：你选了满意度 2c 最低的接触点；关键体验要乘以重要性，看加权满意度 3。",
        "Likely mistake: you chose the lowest satisfaction 2c; the key experience is weighted by importance, so look at "
        "weighted satisfaction 3.",
    ),
    "exercises.mistake.cx_key_gap": (
        "可能的错误：你选了与理想差距 4b 最大的接触点；关键体验看的是加权满意度 3 = (实际 − 期望) × 重要性。",
        "Likely mistake: you chose the largest experience gap 4b against the ideal; the key experience is by weighted "
        "satisfaction 3 = (actual − expectation) × importance.",
    ),
    "exercises.mistake.cx_key_importance": (
        "可能的错误：你选了最重要的接触点；重要而满意的接触点不是关键体验，要看加权满意度 3 最负的一项。",
        "Likely mistake: you chose the most important touchpoint; an important touchpoint that satisfies is not the "
        "key experience: look for the most negative weighted satisfaction 3.",
    ),
    # --- 2. word of mouth 1:25:8:1
    "exercises.wom.title": ("口碑 1:25:8:1", "Word of mouth 1:25:8:1"),
    "exercises.wom.intro": (
        "小天鹅的口碑法则：一位购买者影响 25 人；体验好，其中 8 人产生购买意愿、1 人真正购买；体验差，25 人全部打消购买念头。",
        "The Little Swan rule: one buyer influences 25 people; after a good experience 8 of them want to buy and 1 "
        "buys; after a bad one all 25 are put off.",
    ),
    "exercises.wom.source": (
        "客户服务教材，小天鹅案例（1:25:8:1）",
        "Customer-service textbook, Little Swan case (1:25:8:1)",
    ),
    "exercises.wom.story": (
        "按 1:{reach}:{interested}:{buyers} 计算：有 {satisfied} 位顾客购买后体验良好，{dissatisfied} 位顾客体验不好。每位购买者都会把体验告诉 {reach} 个人（互不重复）。",
        "Use 1:{reach}:{interested}:{buyers}: {satisfied} buyers had a good experience and {dissatisfied} had a bad one. "
        "Every buyer tells {reach} people about it (no one is told twice).",
    ),
    "exercises.wom.q.reached": ("这些购买者一共影响了多少人？", "How many people do these buyers influence in all?"),
    "exercises.wom.q.interested": ("多少人产生了购买意愿？", "How many people want to buy?"),
    "exercises.wom.q.new_buyers": ("多少人会因此购买？", "How many people buy because of it?"),
    "exercises.wom.q.put_off": ("多少人被劝退，不再想买？", "How many people are put off buying?"),
    "exercises.wom.explain.reached": (
        "影响人数 = (体验好 {satisfied} + 体验差 {dissatisfied}) × {reach} = {value} 人。",
        "People influenced = (good {satisfied} + bad {dissatisfied}) × {reach} = {value}.",
    ),
    "exercises.wom.explain.interested": (
        "产生购买意愿 = 体验好的购买者 {satisfied} × {interested} = {value} 人。",
        "People who want to buy = buyers with a good experience {satisfied} × {interested} = {value}.",
    ),
    "exercises.wom.explain.new_buyers": (
        "真正购买 = 体验好的购买者 {satisfied} × {buyers} = {value} 人。",
        "People who buy = buyers with a good experience {satisfied} × {buyers} = {value}.",
    ),
    "exercises.wom.explain.put_off": (
        "被劝退 = 体验差的购买者 {dissatisfied} × {reach} = {value} 人。",
        "People put off = buyers with a bad experience {dissatisfied} × {reach} = {value}.",
    ),
    "exercises.mistake.wom_one_side": (
        "可能的错误：你只算了一类购买者。体验好和体验差的购买者都会告诉 {reach} 个人，两部分都要算。",
        "Likely mistake: you counted one kind of buyer only. Buyers with good and with bad experiences both tell "
        "{reach} people; count both.",
    ),
    "exercises.mistake.wom_chain": (
        "可能的错误：{interested} 和 {buyers} 是这 {reach} 个人当中的人数，不是每个人再影响的人数：按体验好的购买者人数相乘，不要再乘 {reach}。",
        "Likely mistake: {interested} and {buyers} are people among those {reach}, not people each of them influences: "
        "multiply the buyers with a good experience, not by {reach} again.",
    ),
    "exercises.mistake.wom_dissatisfied_help": (
        "可能的错误：体验差的购买者不会带来购买意愿或新顾客，只用体验好的 {satisfied} 人计算。",
        "Likely mistake: buyers with a bad experience bring no one who wants to buy; use only the {satisfied} with a "
        "good experience.",
    ),
    "exercises.mistake.wom_want_is_buy": (
        "可能的错误：{interested} 人只是想买，真正购买的是 {buyers} 人。",
        "Likely mistake: {interested} want to buy, but only {buyers} actually buys.",
    ),
    "exercises.mistake.wom_put_off_all": (
        "可能的错误：体验差时，{reach} 个人全部被劝退，不是 {interested} 人或 {buyers} 人。",
        "Likely mistake: after a bad experience all {reach} people are put off, not {interested} or {buyers}.",
    ),
    # --- 3. delivered value
    "exercises.dv.title": ("两种产品的顾客让渡价值", "Delivered value of two products"),
    "exercises.dv.intro": (
        "顾客让渡价值 = 总顾客价值（产品、服务、人员、形象价值）− 总顾客成本（货币、时间、精神、体力成本）。顾客选择让渡价值高的产品。",
        "Customer delivered value = total customer value (product, service, personnel, image value) − total customer "
        "cost (monetary, time, mental, physical cost). The customer chooses the product that delivers more.",
    ),
    "exercises.dv.source": (
        "Kotler 的顾客让渡价值；教材实训“比较两种产品的让渡价值”（教材没有给出数字，种子 0 是本产品的示例）",
        "Kotler's customer delivered value; the textbook exercise “compare the delivered value of two products” (the "
        "book prints no figures; seed 0 is this product's example)",
    ),
    "exercises.dv.story": (
        "一位顾客在两种产品之间选择。评估小组把每项价值和成本都折算成分数，见下表。",
        "A customer chooses between two products. A panel scored every value and cost in points, as below.",
    ),
    "exercises.product.a": ("产品甲", "Product A"),
    "exercises.product.b": ("产品乙", "Product B"),
    "exercises.dv.value.product": ("产品价值", "Product value"),
    "exercises.dv.value.service": ("服务价值", "Service value"),
    "exercises.dv.value.personnel": ("人员价值", "Personnel value"),
    "exercises.dv.value.image": ("形象价值", "Image value"),
    "exercises.dv.cost.monetary": ("货币成本（价格）", "Monetary cost (price)"),
    "exercises.dv.cost.time": ("时间成本", "Time cost"),
    "exercises.dv.cost.mental": ("精神成本", "Mental cost"),
    "exercises.dv.cost.physical": ("体力成本", "Physical cost"),
    "exercises.dv.q.total_value": ("{item}：总顾客价值", "{item}: total customer value"),
    "exercises.dv.q.total_cost": ("{item}：总顾客成本", "{item}: total customer cost"),
    "exercises.dv.q.delivered": ("{item}：顾客让渡价值", "{item}: delivered value"),
    "exercises.dv.q.choice": ("顾客会选择哪种产品？", "Which product does the customer choose?"),
    "exercises.dv.explain.total_value": (
        "{product}：总顾客价值 = 产品 + 服务 + 人员 + 形象价值 = {v_product} + {v_service} + {v_personnel} + {v_image} = {value}。",
        "{product}: total customer value = product + service + personnel + image value = {v_product} + {v_service} + "
        "{v_personnel} + {v_image} = {value}.",
    ),
    "exercises.dv.explain.total_cost": (
        "{product}：总顾客成本 = 货币 + 时间 + 精神 + 体力成本 = {c_monetary} + {c_time} + {c_mental} + {c_physical} = {value}。",
        "{product}: total customer cost = monetary + time + mental + physical cost = {c_monetary} + {c_time} + "
        "{c_mental} + {c_physical} = {value}.",
    ),
    "exercises.dv.explain.delivered": (
        "{product}：顾客让渡价值 = 总顾客价值 − 总顾客成本 = {total_value} − {total_cost} = {value}。为负表示顾客付出的多于得到的，会不满意。",
        "{product}: delivered value = total customer value − total customer cost = {total_value} − {total_cost} = "
        "{value}. A negative value means the customer gives more than they get, and is dissatisfied.",
    ),
    "exercises.dv.explain.choice": (
        "顾客选择让渡价值更高的{product}（{value}），而不是{other}（{other_value}）。",
        "The customer chooses {product}, which delivers more ({value}), not {other} ({other_value}).",
    ),
    "exercises.mistake.dv_money_only": (
        "可能的错误：你只算了货币成本（价格 {monetary}）；时间、精神和体力成本也是顾客成本。",
        "Likely mistake: you counted the monetary cost only (price {monetary}); time, mental and physical costs are "
        "customer costs too.",
    ),
    "exercises.mistake.dv_reversed": (
        "可能的错误：符号反了。让渡价值 = 价值 − 成本，不是 成本 − 价值。",
        "Likely mistake: the sign is reversed. Delivered value = value − cost, not cost − value.",
    ),
    "exercises.mistake.dv_ratio": (
        "可能的错误：你算的是价值与成本之比；这里要的是差：总顾客价值 − 总顾客成本。",
        "Likely mistake: you took the ratio of value to cost; here it is the difference: total value − total cost.",
    ),
    "exercises.mistake.dv_choice_value": (
        "可能的错误：{other}的总价值更高，但它的总成本也更高；要比较价值减去成本后的让渡价值。",
        "Likely mistake: {other} gives more value, but it also costs more; compare the delivered value, value minus "
        "cost.",
    ),
    "exercises.mistake.dv_choice_price": (
        "可能的错误：{other}的价格更低，但时间、精神和体力成本也要算；要比较让渡价值。",
        "Likely mistake: {other} has the lower price, but time, mental and physical costs count too; compare the "
        "delivered value.",
    ),
    # --- 4. NPS
    "exercises.nps.title": ("从答案计算 NPS", "NPS from a list of answers"),
    "exercises.nps.intro": (
        "推荐者答 9–10 分，被动者 7–8 分，贬损者 0–6 分。NPS = 推荐者百分比 − 贬损者百分比，范围 −100 到 100。",
        "Promoters answer 9–10, passives 7–8, detractors 0–6. NPS = % promoters − % detractors, from −100 to 100.",
    ),
    "exercises.nps.source": (
        "净推荐值（Reichheld 2003）；种子 0 是本产品指标库说明中的示例（NPS 20）",
        "Net Promoter Score (Reichheld 2003); seed 0 is the example of the product's metrics library (NPS 20)",
    ),
    "exercises.nps.story": (
        "{n} 位同学回答了“您向其他同学推荐这门课程的可能性有多大？”（0–10 分）：{answers}",
        "{n} students answered “How likely are you to recommend this course to other students?” (0–10): {answers}",
    ),
    "exercises.nps.q.promoters_pct": ("推荐者百分比", "Promoters, % of answers"),
    "exercises.nps.q.detractors_pct": ("贬损者百分比", "Detractors, % of answers"),
    "exercises.nps.q.nps": ("NPS（−100 至 100）", "NPS (−100 to 100)"),
    "exercises.nps.explain.promoters": (
        "推荐者（9–10 分）{promoters} 人 ÷ {n} 人 × 100 = {value}%。",
        "Promoters (9–10): {promoters} ÷ {n} × 100 = {value}%.",
    ),
    "exercises.nps.explain.detractors": (
        "贬损者（0–6 分）{detractors} 人 ÷ {n} 人 × 100 = {value}%。",
        "Detractors (0–6): {detractors} ÷ {n} × 100 = {value}%.",
    ),
    "exercises.nps.explain.nps": (
        "NPS = 推荐者% − 贬损者% = {promoters_pct} − {detractors_pct} = {value}。被动者（7–8 分，{passives} 人）不计入。",
        "NPS = % promoters − % detractors = {promoters_pct} − {detractors_pct} = {value}. Passives (7–8, {passives} "
        "of them) do not count.",
    ),
    "exercises.mistake.nps_edges": (
        "可能的错误：注意分段。推荐者 9–10 分，被动者 7–8 分，贬损者 0–6 分：8 分不是推荐者，6 分是贬损者。",
        "Likely mistake: check the categories. Promoters 9–10, passives 7–8, detractors 0–6: an 8 is not a promoter, "
        "a 6 is a detractor.",
    ),
    "exercises.mistake.nps_promoters_only": (
        "可能的错误：你只算了推荐者百分比；NPS 还要减去贬损者百分比。",
        "Likely mistake: that is the promoters' share only; NPS subtracts the detractors' share.",
    ),
    "exercises.mistake.nps_passives": (
        "可能的错误：你把被动者（7–8 分）也算作贬损者了；被动者不计入 NPS。",
        "Likely mistake: you counted the passives (7–8) as detractors; passives do not count in NPS.",
    ),
    "exercises.mistake.nps_fraction": (
        "可能的错误：NPS 用分数表示（−100 到 100），写 {value}，不写小数 {value} ÷ 100。",
        "Likely mistake: NPS is given in points (−100 to 100): {value}, not the fraction {value} ÷ 100.",
    ),
    "exercises.mistake.nps_reversed": (
        "可能的错误：符号反了。NPS = 推荐者% − 贬损者%。",
        "Likely mistake: the sign is reversed. NPS = % promoters − % detractors.",
    ),
    "exercises.mistake.nps_counts": (
        "可能的错误：你用了人数之差；NPS 是百分比之差（人数各除以 {n} 再乘 100）。",
        "Likely mistake: that is the difference of the counts; NPS is the difference of the percentages (each count "
        "÷ {n} × 100).",
    ),
    # --- 5. actual against target (methods to raise satisfaction)
    "exercises.gap.title": ("提高满意度：实际与目标的差距", "Raising satisfaction: actual against target"),
    "exercises.gap.intro": (
        "比较全班对课程的实际满意度与计划（目标）满意度。差距 = 实际 − 目标（感知 P − 期望 E），负数表示低于目标；差距最负的维度是改进的重点。",
        "Compare the class's actual satisfaction with the course against the planned (target) satisfaction. Gap = "
        "actual − target (perception P − expectation E), negative when below target; the most negative gap is where to "
        "improve first.",
    ),
    "exercises.gap.source": (
        "教材实训“提高客户满意度的方法”（教材没有给出数字，种子 0 是本产品的示例）",
        "The textbook exercise “methods to raise satisfaction” (the book prints no figures; seed 0 is this product's "
        "example)",
    ),
    "exercises.gap.story": (
        "下表是一个班对一门课程五个维度的实际满意度均值和计划（目标）满意度（1–5 分）。",
        "The table gives a class's mean actual satisfaction with five dimensions of a course and the planned (target) "
        "satisfaction (1–5).",
    ),
    "exercises.gap.col.actual": ("实际满意度（均值）", "Actual (mean)"),
    "exercises.gap.col.target": ("目标满意度", "Target"),
    "exercises.dimension.content": ("教学内容", "Teaching content"),
    "exercises.dimension.method": ("教学方法", "Teaching method"),
    "exercises.dimension.teacher": ("教师", "Teacher"),
    "exercises.dimension.assessment": ("考核评价", "Assessment"),
    "exercises.dimension.resources": ("教学资源", "Learning resources"),
    "exercises.gap.q.gap": ("{item}：差距", "{item}: gap"),
    "exercises.gap.q.largest": (
        "哪个维度最需要改进（差距最大）？",
        "Which dimension needs improving most (largest gap)?",
    ),
    "exercises.gap.explain.gap": (
        "{dimension}：差距 = 实际 − 目标 = {actual} − {target} = {value}。",
        "{dimension}: gap = actual − target = {actual} − {target} = {value}.",
    ),
    "exercises.gap.explain.largest": (
        "差距最大（最负）的维度是{dimension}：{value}。",
        "The largest (most negative) gap is {dimension}: {value}.",
    ),
    "exercises.mistake.gap_reversed": (
        "可能的错误：符号反了，你算的是 目标 − 实际（E − P）。差距 = 实际 − 目标（P − E），低于目标时为负。",
        "Likely mistake: the sign is reversed, you took target − actual (E − P). Gap = actual − target (P − E), "
        "negative below target.",
    ),
    "exercises.mistake.gap_lowest_actual": (
        "可能的错误：你选了实际得分最低的维度；它的目标也低，离目标不一定最远。要看 实际 − 目标。",
        "Likely mistake: you chose the lowest actual score; its target may be low too, so it is not necessarily "
        "furthest from target. Look at actual − target.",
    ),
    "exercises.mistake.gap_highest": (
        "可能的错误：你选了最高于目标的维度；要改进的是差距最负的维度。",
        "Likely mistake: you chose the dimension furthest above its target; improve the one with the most negative "
        "gap first.",
    ),
}
