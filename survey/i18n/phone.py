"""Texts of the phone questionnaire (sections, progress, answered mark), tables and charts (zh, en)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the questionnaire, one section at a time (ui/questionnaire.py)
    "form.section_of": ("第 {n} / {total} 部分", "Section {n} of {total}"),
    "form.previous": ("上一部分", "Previous"),
    "form.next": ("下一部分", "Next"),
    "form.answer_this": ("请回答这道题。", "Please answer this question."),
    "form.section_unanswered": (
        "本部分还有 {count} 道必答题未回答，请看上方标出的题目。",
        "{count} required question(s) in this section still need an answer: see the marks above.",
    ),
    "form.nps_ends": ("0 = {low}，10 = {high}", "0 = {low}, 10 = {high}"),
    # --- the answered mark of a browser (pages/answer.py)
    "answer.already_answered": (
        "您已经填写过这份问卷，谢谢！每个链接只能提交一次答卷。如需修改，请联系组织者。",
        "You have already answered this questionnaire, thank you! This link takes one answer. "
        "To change your answer, contact the organiser.",
    ),
    # --- the group's indicators, one block each (pages/group.py)
    "group.new_indicator": ("新增一个指标（填写名称即可）：", "Add an indicator (fill in its label):"),
    "group.remove_indicator": ("删除此指标", "Remove this indicator"),
    # --- the report's key tables (ui/report.py)
    "report.table.gaps-experience-table": ("体验表", "Experience table"),
    "report.table.gaps-servqual": ("SERVQUAL 差距", "SERVQUAL gaps"),
    "report.table.gaps-items": ("各题平均答案", "Mean answer per question"),
    "report.table.nps-by-segment": ("各分组的 NPS", "NPS by segment"),
    "report.table.priorities-concentrate": ("重点改进的指标", "Indicators to concentrate on"),
}
