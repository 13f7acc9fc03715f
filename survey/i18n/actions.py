"""Texts of the action plan (改进计划): the page, the links to it, the Overview's actions due, refusals (zh, en)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "nav.actions": ("改进计划", "Action plan"),
    "actions.title": ("改进计划", "Action plan"),
    "actions.intro": (
        "从差距到行动：为每个差距写下需求（规划需求）、策略或措施（需求整合）、负责人、截止日期、指标的目标值和"
        "应当见效的调查批次；到了那一批，计划自己检查（反馈机制）：指标满意度前后对比、变化的检验、是否达到目标。",
        "From a gap to an action: for each gap the need it answers, the strategy or measure, an owner, a due "
        "date, a target for the indicator's figure and the wave by which it should show; at that wave the plan "
        "checks itself: the indicator's satisfaction before and after, the change with its test, and whether "
        "the target was reached.",
    ),
    "actions.new": ("新建改进行动", "New action"),
    "actions.indicator": ("指标", "Indicator"),
    "actions.need": ("需求（规划需求）", "Need it answers"),
    "actions.strategy": ("策略 / 措施（需求整合）", "Strategy / measure"),
    "actions.owner": ("负责人", "Owner"),
    "actions.nobody": ("（未指定）", "(nobody yet)"),
    "actions.due_date": ("截止日期", "Due date"),
    "actions.target_figure": ("目标值（指标满意度 0–100）", "Target (indicator's satisfaction, 0–100)"),
    "actions.target_help": (
        "指标满意度指数（0–100，与差距页、小组页的“实际”相同）应在检查批次达到的值。现在：{now}。",
        "The indicator's satisfaction index (0–100, the “actual” of the Gaps and Group pages) it should reach "
        "by the check wave. Now: {now}.",
    ),
    "actions.baseline_wave": ("基准批次", "Baseline wave"),
    "actions.check_wave": ("检查批次（应见效的批次）", "Check wave (by which it should show)"),
    "actions.check_wave_help": (
        "例如 2026-12。留空：检查基准之后最新的一批。",
        "For example 2026-12. Empty: the latest wave after the baseline.",
    ),
    "actions.no_waves": ("（无批次）", "(no waves)"),
    "actions.create": ("保存行动", "Save action"),
    "actions.created": ("已保存改进行动。", "Action saved."),
    "actions.from_link": (
        "来自差距：{indicator}，当前满意度 {now}。",
        "From the gap of {indicator}: its satisfaction is {now} now.",
    ),
    "actions.readonly": (
        "你的角色可以查看改进计划，但不能修改。",
        "Your role may read the action plan but not change it.",
    ),
    "actions.empty": (
        "这份问卷还没有改进行动。可以从差距页、优先级页或总览的最大差距新建。",
        "This survey has no actions yet. Create one here, or from a gap on the Gaps, Priorities or Overview page.",
    ),
    "actions.filter_status": ("状态", "Status"),
    "actions.filter_owner": ("负责人", "Owner"),
    "actions.filter_indicator": ("指标", "Indicator"),
    "actions.everyone": ("全部", "Everyone"),
    "actions.every_indicator": ("全部指标", "Every indicator"),
    "actions.plan": ("计划与检查", "The plan and its check"),
    "actions.shown": ("显示 {shown} / {total} 项行动。", "{shown} of {total} actions shown."),
    "actions.test_note": (
        "变化 = 检查批次 − 基准批次的指标满意度；检验与总览卡片相同（指数差的线性化 Welch 检验，少于 30 人时置换检验），"
        "同一批次检查的行动一起做 Holm 校正；★ 表示校正后 p < 0.05。目标：检查批次的满意度 ≥ 目标值。",
        "Change = the indicator's satisfaction at the check wave − at the baseline; tested as the Overview's "
        "cards are (the index difference, linearised Welch; relabelling below 30 respondents), the actions "
        "checked at one wave Holm-adjusted together; ★ marks adjusted p < 0.05. Target: the satisfaction at "
        "the check wave ≥ the target.",
    ),
    "actions.change_one": ("修改一项行动", "Change an action"),
    "actions.which": ("行动", "Action"),
    "actions.status": ("状态", "Status"),
    "actions.save_status": ("更新状态", "Update status"),
    "actions.save_edit": ("保存修改", "Save changes"),
    "actions.saved": ("已保存。", "Saved."),
    "actions.delete": ("删除这项行动", "Delete this action"),
    "actions.delete_confirm": ("确认删除（记录保留在审计日志中）", "Yes, delete it (the audit log keeps what it said)"),
    "actions.deleted": ("已删除。", "Deleted."),
    "actions.create_from_gap": ("为这个差距新建改进行动", "Create an action for this gap"),
    "actions.create_for": ("为“{indicator}”新建改进行动", "Create an action for “{indicator}”"),
    "actions.open_plan": ("打开改进计划", "Open the action plan"),
    # columns
    "actions.col.id": ("编号", "No."),
    "actions.col.indicator": ("指标", "Indicator"),
    "actions.col.need": ("需求", "Need"),
    "actions.col.strategy": ("策略 / 措施", "Strategy / measure"),
    "actions.col.owner": ("负责人", "Owner"),
    "actions.col.due": ("截止日期", "Due"),
    "actions.col.status": ("状态", "Status"),
    "actions.col.baseline": ("基准批次", "Baseline wave"),
    "actions.col.before": ("之前", "Before"),
    "actions.col.check": ("检查批次", "Check wave"),
    "actions.col.after": ("之后", "After"),
    "actions.col.change": ("变化", "Change"),
    "actions.col.p": ("p（校正后）", "p (adjusted)"),
    "actions.col.significant": ("显著", "Significant"),
    "actions.col.target": ("目标", "Target"),
    "actions.col.outcome": ("结果", "Outcome"),
    # statuses and outcomes
    "actions.status.planned": ("计划中", "planned"),
    "actions.status.in_progress": ("进行中", "in progress"),
    "actions.status.done": ("已完成", "done"),
    "actions.status.dropped": ("已放弃", "dropped"),
    "actions.outcome.reached": ("达到目标", "target reached"),
    "actions.outcome.missed": ("未达目标", "target missed"),
    "actions.outcome.changed": ("未设目标（见变化）", "no target (see the change)"),
    "actions.outcome.not_yet": ("尚未到检查批次", "not yet (no check wave yet)"),
    "actions.outcome.no_answers": ("对比的批次中无人回答该指标", "nobody answered the indicator in a wave compared"),
    "actions.outcome.gone": (
        "当前版本已没有这个指标（代码 {code}）",
        "the current version no longer has this indicator (code {code})",
    ),
    # the Overview
    "actions.due_title": ("本批次到期的改进行动", "Actions due this wave"),
    "actions.due_none": ("没有在 {wave} 批次检查的改进行动。", "No action is checked at wave {wave}."),
    "actions.due_line": (
        "{indicator}：{strategy} — {before} → {after}（{change}{mark}），目标 {target}：{outcome}",
        "{indicator}: {strategy} — {before} → {after} ({change}{mark}), target {target}: {outcome}",
    ),
    # the Surveys page
    "actions.survey_delete_count": (
        "它的改进计划中的 {count} 项行动也会被删除。",
        "Its action plan's {count} actions are deleted with it.",
    ),
    # the classroom
    "actions.group_plan": ("小组的改进计划", "The group's action plan"),
    "actions.group_plan_help": (
        "为差距最大的指标设计策略：每个策略是一项改进行动，下一批数据后自动检查。",
        "Strategies for the largest gaps: each is an action, checked once the next wave is in.",
    ),
    "actions.no_plan": ("还没有改进行动。", "No actions yet."),
    "actions.peer_plan": (
        "{group} 的改进计划（{count} 项行动）与差距，供按评分表打分。",
        "{group}'s action plan ({count} actions) next to its gaps, to score on the rubric.",
    ),
    # the report
    "report.section.actions": ("改进计划", "Action plan"),
    "report.with_actions": (
        "包含改进计划（{count} 项行动，PowerPoint 中每 8 项一页）",
        "Include the action plan ({count} actions, in the PowerPoint slides, 8 a slide)",
    ),
    # refusals
    "actions.not_found": (
        "找不到这项行动或问卷（可能已被删除）。请刷新页面。",
        "This action or survey was not found (it may have been deleted). Reload the page.",
    ),
    "actions.unknown_indicator": (
        "问卷当前版本中没有指标“{code}”。请从列表中选择一个指标。",
        "The survey's current version has no indicator “{code}”. Choose one from the list.",
    ),
    "actions.strategy_missing": ("请写下策略或措施。", "Write the strategy or measure."),
    "actions.target_range": (
        "目标值应在 {low:g} 到 {high:g} 之间。",
        "The target must lie between {low:g} and {high:g}.",
    ),
    "actions.owner_not_member": (
        "负责人必须是这个工作区的成员。",
        "The owner must be a member of this workspace.",
    ),
    "actions.unknown_status": ("未知状态“{status}”。", "Unknown status “{status}”."),
    # the audit log
    "audit.action.action_create": ("新建改进行动", "action created"),
    "audit.action.action_edit": ("修改改进行动", "action edited"),
    "audit.action.action_status": ("改进行动状态变更", "action status changed"),
    "audit.action.action_delete": ("删除改进行动", "action deleted"),
}
