"""Texts of the app shell, the survey pages and survey definitions (zh, en)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- app and navigation
    "app.title": ("满意度与忠诚度仪表盘", "Satisfaction & loyalty dashboard"),
    "app.language": ("语言 / Language", "Language / 语言"),
    "nav.design": ("问卷设计", "Survey design"),
    "nav.surveys": ("问卷", "Surveys"),
    "nav.designer": ("指标体系", "Indicator system"),
    "nav.preview": ("问卷预览", "Questionnaire preview"),
    # --- common words
    "common.save": ("保存", "Save"),
    "common.cancel": ("取消", "Cancel"),
    "common.survey": ("问卷", "Survey"),
    "common.version": ("版本", "Version"),
    "common.responses": ("答卷数", "Responses"),
    "common.yes": ("是", "Yes"),
    "common.no": ("否", "No"),
    "common.code": ("代码", "Code"),
    "common.label_zh": ("中文标签", "Label (Chinese)"),
    "common.label_en": ("英文标签", "Label (English)"),
    "common.weight": ("权重", "Weight"),
    "common.global_weight": ("总权重", "Weight in the whole tree"),
    "common.none": ("（无）", "(none)"),
    "common.no_surveys": (
        "还没有问卷。请在“问卷”页面从模板新建一个。",
        "There are no surveys yet. Create one from a template on the Surveys page.",
    ),
    # --- surveys page
    "surveys.title": ("问卷", "Surveys"),
    "surveys.intro": (
        "新建、复制、归档或删除问卷；以 JSON 文件导出或导入问卷定义。",
        "Create, duplicate, archive or delete surveys; export or import a survey definition as a JSON file.",
    ),
    "surveys.col.title": ("标题", "Title"),
    "surveys.col.template": ("模板", "Template"),
    "surveys.col.archived": ("已归档", "Archived"),
    "surveys.col.updated": ("更新时间", "Updated"),
    "surveys.col.versions": ("版本数", "Versions"),
    "surveys.show_archived": ("显示已归档的问卷", "Show archived surveys"),
    "surveys.new": ("新建问卷", "New survey"),
    "surveys.template": ("模板", "Template"),
    "surveys.blank": ("空白问卷", "Blank survey"),
    "surveys.title_zh": ("中文标题", "Title (Chinese)"),
    "surveys.title_en": ("英文标题", "Title (English)"),
    "surveys.add_nps": ("附加 NPS 与忠诚度题组", "Add the NPS + loyalty block"),
    "surveys.create": ("创建问卷", "Create survey"),
    "surveys.created": ("已创建问卷“{title}”。", "Created the survey “{title}”."),
    "surveys.manage": ("管理所选问卷", "Manage the selected survey"),
    "surveys.rename": ("重命名", "Rename"),
    "surveys.renamed": ("已重命名。", "Renamed."),
    "surveys.rename_failed": ("标题未保存：", "The titles were not saved:"),
    "surveys.duplicate": ("复制", "Duplicate"),
    "surveys.duplicated": ("已复制为“{title}”（不含答卷）。", "Duplicated as “{title}” (without responses)."),
    "surveys.archive": ("归档", "Archive"),
    "surveys.unarchive": ("取消归档", "Unarchive"),
    "surveys.archived": ("已归档。归档的问卷仍保留全部答卷。", "Archived. An archived survey keeps all its responses."),
    "surveys.unarchived": ("已取消归档。", "Unarchived."),
    "surveys.delete": ("删除", "Delete"),
    "surveys.delete_confirm": (
        "删除“{title}”将同时删除 {count} 份答卷和 {versions} 个版本，且无法恢复。确定删除吗？",
        "Deleting “{title}” also deletes its {count} responses and {versions} versions, and cannot be undone. "
        "Delete it?",
    ),
    "surveys.delete_yes": ("确定删除", "Yes, delete"),
    "surveys.deleted": ("已删除问卷及其 {count} 份答卷。", "Deleted the survey and its {count} responses."),
    "surveys.export": ("导出定义（JSON）", "Export definition (JSON)"),
    "surveys.import": ("导入问卷定义（JSON）", "Import a survey definition (JSON)"),
    "surveys.import_button": ("导入", "Import"),
    "surveys.imported": ("已从文件导入问卷“{title}”。", "Imported the survey “{title}” from the file."),
    "surveys.import_refused": (
        "文件未导入，没有写入任何内容。问题如下：",
        "The file was not imported and nothing was written. What is wrong:",
    ),
    # --- designer page
    "designer.title": ("指标体系设计", "Indicator system design"),
    "designer.intro": (
        "编辑维度 → 指标 → 题目；设置量表与权重。",
        "Edit dimensions → indicators → items; set the scales and the weights.",
    ),
    "designer.version_info": (
        "当前版本 {version}，已有 {count} 份答卷。",
        "Current version {version}, with {count} responses.",
    ),
    "designer.versioning_note": (
        "该版本已有答卷：修改结构（增删题目、改代码、改量表或层级）会创建新版本，旧答卷保留在原版本上。"
        "修改文字和权重则直接保存在当前版本。",
        "This version has responses: a structural edit (adding or removing items, changing codes, scales or the "
        "tree) creates a new version, and the old responses stay with the version they answered. Text and weight "
        "edits are saved to the current version.",
    ),
    "designer.tab.tree": ("指标树", "Indicator tree"),
    "designer.tab.scales": ("量表", "Scales"),
    "designer.tab.weights": ("权重", "Weights"),
    "designer.tab.details": ("标题与说明", "Title and description"),
    "designer.col.kind": ("层级", "Level"),
    "designer.col.parent": ("上级代码", "Parent code"),
    "designer.col.role": ("题目角色", "Item role"),
    "designer.col.scale": ("量表", "Scale"),
    "designer.col.required": ("必答", "Required"),
    "designer.tree_help": (
        "每行一个节点。维度没有上级；指标的上级是维度；题目的上级是指标、维度或留空（如 NPS、忠诚度、受访者属性、开放题）。"
        "受访者属性和开放题（意见）以文字作答，不设量表。",
        "One node per row. A dimension has no parent; an indicator's parent is a dimension; an item's parent is an "
        "indicator, a dimension, or empty (NPS, loyalty, respondent attributes and comments usually are). "
        "Respondent attributes and open-text comments are answered in words and have no scale.",
    ),
    "designer.saved": ("已保存到版本 {version}。", "Saved to version {version}."),
    "designer.saved_new_version": (
        "结构已改变且原版本已有答卷：已创建新版本 {version}，原有答卷仍属于旧版本。",
        "The structure changed and the old version has responses: created version {version}; the existing "
        "responses stay with the old version.",
    ),
    "designer.not_saved": ("未保存，请先修正以下问题：", "Not saved. Please fix these first:"),
    "designer.add_block": ("添加 NPS 与忠诚度题组", "Add the NPS + loyalty block"),
    "designer.block_added": ("已添加 NPS 与忠诚度题组。", "Added the NPS + loyalty block."),
    "designer.weights_table": ("各节点的权重", "Weights of every node"),
    "designer.scale_add": ("添加量表", "Add a scale"),
    "designer.scale_kind": ("量表类型", "Scale type"),
    "designer.scale_points": ("刻度标签", "Point labels"),
    "designer.scale_allow_na": ("提供“不适用”选项（记为缺失）", "Offer “not applicable” (stored as missing)"),
    "designer.scale_min": ("最小值", "Minimum"),
    "designer.scale_max": ("最大值", "Maximum"),
    "designer.scale_name_zh": ("中文名称", "Name (Chinese)"),
    "designer.scale_name_en": ("英文名称", "Name (English)"),
    "designer.scale_delete": ("删除量表", "Delete scale"),
    "designer.scale_in_use": (
        "量表 {code} 仍被题目使用，不能删除。",
        "Scale {code} is used by items and cannot be deleted.",
    ),
    "designer.group": ("同级节点组", "Sibling group"),
    "designer.group_top": ("一级维度", "Top-level dimensions"),
    "designer.group_children": ("“{label}”之下", "Under “{label}”"),
    "designer.group_items": ("“{label}”之下的{role}题目", "{role} items under “{label}”"),
    "designer.group_free_items": ("不属于任何维度的{role}题目", "{role} items outside the tree"),
    "designer.method": ("权重方法", "Weighting method"),
    "designer.apply_weights": ("应用这些权重", "Apply these weights"),
    "designer.weights_applied": ("已应用权重。", "Weights applied."),
    "designer.importance_none": (
        "这些节点下还没有重要性题目的答卷，无法按陈述重要性计算权重。",
        "There are no answers to importance items under these nodes yet, so weights cannot come from stated "
        "importance.",
    ),
    "designer.importance_mean": ("平均重要性", "Mean importance"),
    "designer.ahp_help": (
        "对每一对进行比较：9 表示左侧极端重要于右侧，1 表示同等重要，1/9 表示右侧极端重要。",
        "Compare each pair: 9 means the left one is extremely more important than the right, 1 equally "
        "important, 1/9 the right one extremely more important.",
    ),
    "designer.ahp_left": ("左侧", "Left"),
    "designer.ahp_right": ("右侧", "Right"),
    "designer.ahp_judgement": ("判断", "Judgement"),
    "designer.ahp_cr": ("一致性比率 CR = {cr}", "Consistency ratio CR = {cr}"),
    "designer.ahp_ok": ("CR < 0.10：判断的一致性可以接受。", "CR < 0.10: the judgements are acceptably consistent."),
    "designer.ahp_bad": (
        "CR ≥ 0.10：判断不一致，请重新考虑以下判断：",
        "CR ≥ 0.10: the judgements are inconsistent. Reconsider these:",
    ),
    "designer.ahp_clash": (
        "“{left}”对“{right}”给了 {given}，而其他判断意味着约 {implied}",
        "“{left}” vs “{right}” is given {given}, while the other judgements imply about {implied}",
    ),
    "designer.ahp_too_few": (
        "至少需要两个同级节点才能做两两比较。",
        "Pairwise comparison needs at least two siblings.",
    ),
    "designer.ahp_too_many": ("AHP 最多支持 10 个同级节点。", "AHP supports at most 10 siblings."),
    "designer.title_description": ("说明", "Description"),
    "designer.description_zh": ("中文说明", "Description (Chinese)"),
    "designer.description_en": ("英文说明", "Description (English)"),
    # --- weighting methods
    "method.direct": ("直接输入（自动归一化）", "Direct entry (normalised)"),
    "method.importance": ("按陈述重要性", "From stated importance"),
    "method.ahp": ("层次分析法（两两比较）", "AHP pairwise comparison"),
    # --- node kinds
    "kind.dimension": ("维度（一级指标）", "Dimension"),
    "kind.indicator": ("指标（二级指标）", "Indicator"),
    "kind.item": ("题目", "Item"),
    # --- item roles
    "role.perception": ("感知/实际体验", "Perception / actual experience"),
    "role.expectation": ("期望", "Expectation"),
    "role.importance": ("重要性", "Importance"),
    "role.ideal": ("理想体验", "Ideal experience"),
    "role.overall": ("总体满意度", "Overall satisfaction"),
    "role.recommend": ("推荐意愿（0–10）", "Likelihood to recommend (0–10)"),
    "role.loyalty": ("忠诚行为", "Loyalty behaviour"),
    "role.complaint": ("抱怨", "Complaint"),
    "role.value_part": ("让渡价值构成", "Delivered-value part"),
    "role.attribute": ("受访者属性", "Respondent attribute"),
    "role.comment": ("开放题（意见）", "Open-text comment"),
    # --- scale kinds
    "scalekind.5": ("5 级", "5-point"),
    "scalekind.7": ("7 级", "7-point"),
    "scalekind.10": ("10 级（1–10）", "10-point (1–10)"),
    "scalekind.0-10": ("0–10", "0–10"),
    "scalekind.custom": ("自定义", "Custom"),
    # --- preview / questionnaire
    "preview.title": ("问卷预览", "Questionnaire preview"),
    "preview.intro": (
        "以下就是受访者看到的问卷。预览中提交不会保存任何答卷。",
        "This is the questionnaire exactly as a respondent sees it. Submitting the preview stores nothing.",
    ),
    "form.na": ("不适用", "Not applicable"),
    "form.submit": ("提交", "Submit"),
    "form.required_missing": ("请回答必答题：{items}", "Please answer the required questions: {items}"),
    "form.characters_removed": (
        "你对“{items}”的回答中有 {count} 个不可见的控制字符（常随复制的文字带入），无法保存，已删除；其余文字按原样保存。",
        "{count} invisible control character(s) in your answer to “{items}” (they often come with copied text) cannot be stored and were taken out; the rest of your text is stored as written.",
    ),
    "form.preview_ok": (
        "预览：答卷完整，正式问卷会在此保存。",
        "Preview: the answers are complete; the live questionnaire would store them now.",
    ),
    "form.other_questions": ("其他问题", "Other questions"),
    "form.about_you": ("关于您", "About you"),
    "form.required_mark": ("（必答）", "(required)"),
    "form.comment_help": ("最多 {limit} 字。", "At most {limit} characters."),
    # --- survey definition files (survey.design.definition_file)
    "file.unreadable": ("无法读取该文件。", "The file could not be read."),
    "file.empty": ("文件是空的。", "The file is empty."),
    "file.too_large": (
        "文件大小为 {size_mb} MB，问卷定义文件最大 {limit_mb} MB。",
        "The file is {size_mb} MB; a survey definition may be at most {limit_mb} MB.",
    ),
    "file.not_utf8": (
        "文件不是 UTF-8 编码的文本（第 {position} 个字节有误）。请另存为 UTF-8 后重试。",
        "The file is not UTF-8 text (bad byte at position {position}). Save it as UTF-8 and try again.",
    ),
    "file.not_json": (
        "文件不是有效的 JSON（第 {line} 行第 {column} 列）。",
        "The file is not valid JSON (line {line}, column {column}).",
    ),
    "file.too_deep": (
        "文件嵌套超过 {limit} 层，不是问卷定义文件。",
        "The file is nested more than {limit} levels deep; a survey definition never is.",
    ),
    "file.number_bad": (
        "数字 {value} 无效（NaN、Infinity 或数值过大）。",
        "The number {value} is not allowed (NaN, Infinity or far too large).",
    ),
    "file.key_duplicate": ("同一对象中字段“{key}”出现了两次。", "The field “{key}” appears twice in one object."),
    "file.not_object": (
        "文件应包含一个 JSON 对象（问卷定义），而不是 {found}。",
        "The file must contain one JSON object (a survey definition), not {found}.",
    ),
    "file.format_bad": (
        "这不是问卷定义文件：其“format”为 {found}，应为“{expected}”。",
        "This is not a survey definition file: its “format” is {found}, expected “{expected}”.",
    ),
    "file.version_bad": (
        "文件格式版本为 {version}，本程序只能读取版本 {supported}；文件可能来自更新版本的程序。",
        "The file has format version {version}; this app reads version {supported}. It may come from a newer version of the app.",
    ),
    "file.field_missing": ("{where} 缺少必填字段“{field}”。", "{where} lacks the required field “{field}”."),
    "file.field_unknown": ("{where} 含有未知字段“{field}”。", "{where} has an unknown field “{field}”."),
    "file.expected_object": (
        "{where} 应为对象（一组命名字段），实际为 {found}。",
        "{where} must be an object (named fields), found {found}.",
    ),
    "file.expected_list": ("{where} 应为列表，实际为 {found}。", "{where} must be a list, found {found}."),
    "file.expected_text": ("{where} 应为文本，实际为 {found}。", "{where} must be text, found {found}."),
    "file.expected_text_or_null": (
        "{where} 应为文本或 null，实际为 {found}。",
        "{where} must be text or null, found {found}.",
    ),
    "file.expected_integer": ("{where} 应为整数，实际为 {found}。", "{where} must be a whole number, found {found}."),
    "file.expected_number": ("{where} 应为数字，实际为 {found}。", "{where} must be a number, found {found}."),
    "file.expected_bool": (
        "{where} 应为 true 或 false，实际为 {found}。",
        "{where} must be true or false, found {found}.",
    ),
    "file.text_too_long": (
        "{where} 的文字有 {length} 个字符，最多允许 {limit} 个。",
        "The text at {where} has {length} characters; at most {limit} are allowed.",
    ),
    "file.char_bad": (
        "{where} 的文字含有无法保存的字符（NUL 字符或损坏的 Unicode 转义）。",
        "The text at {where} contains a character that cannot be saved (a NUL character or a broken Unicode escape).",
    ),
    "file.too_many": (
        "{where} 有 {count} 项，最多允许 {limit} 项。",
        "{where} has {count} entries; at most {limit} are allowed.",
    ),
    "file.more_problems": ("……另有 {count} 个问题。", "… and {count} more problems."),
    # --- definition problems (survey.design.definition.problems)
    "def.title_missing": ("问卷需要标题（中文或英文）。", "The survey needs a title (Chinese or English)."),
    "def.text_bad": ("{field}必须是文字。", "{field} must be text."),
    "def.text_long": (
        "{field}有 {length} 个字符，最多 {limit} 个。",
        "{field} has {length} characters; at most {limit} are allowed.",
    ),
    # --- any text a user types or a file brings (survey.characters)
    "text.bad_character": (
        "{field}含有一个不可见的控制字符或非字符（{code}，第 {position} 个字符），无法保存。请删除它后再试；这种字符常随从其他软件复制的文字带入。",
        "{field} holds an invisible control character or non-character ({code}, character {position}) that cannot be saved. Remove it and try again; such characters often come with text copied from other software.",
    ),
    "field.file_path": ("{where} 处的文字", "The text at {where}"),
    "field.title_zh": ("中文标题", "The Chinese title"),
    "field.title_en": ("英文标题", "The English title"),
    "field.description_zh": ("中文说明", "The Chinese description"),
    "field.description_en": ("英文说明", "The English description"),
    "field.scale_name_zh": ("量表“{scale}”的中文名称", "The Chinese name of scale “{scale}”"),
    "field.scale_name_en": ("量表“{scale}”的英文名称", "The English name of scale “{scale}”"),
    "field.point_label_zh": (
        "量表“{scale}”第 {value} 点的中文标签",
        "The Chinese label of point {value} of scale “{scale}”",
    ),
    "field.point_label_en": (
        "量表“{scale}”第 {value} 点的英文标签",
        "The English label of point {value} of scale “{scale}”",
    ),
    "field.node_label_zh": ("“{code}”的中文名称", "The Chinese label of “{code}”"),
    "field.node_label_en": ("“{code}”的英文名称", "The English label of “{code}”"),
    "field.class_name": ("班级名称", "The class name"),
    "field.group_name": ("小组名称", "The group name"),
    "field.criterion_name": ("评分标准第 {row} 行的名称", "The name of criterion {row}"),
    "field.indicator_label": ("指标名称", "The indicator's label"),
    "field.display_name": ("显示名称", "The display name"),
    "field.workspace_name": ("工作区名称", "The workspace name"),
    "field.draft_title": ("问卷标题", "The survey title"),
    "def.code_bad": (
        "代码“{code}”无效：只能用字母、数字、_ - .，且不超过 64 个字符。",
        "The code “{code}” is not valid: use letters, digits, _ - . only, at most 64 characters.",
    ),
    "def.scale_duplicate": ("量表代码“{code}”重复。", "The scale code “{code}” is used twice."),
    "def.scale_kind_bad": ("未知的量表类型“{kind}”。", "Unknown scale type “{kind}”."),
    "def.scale_range_bad": (
        "量表“{code}”的范围无效：最小值须小于最大值，且最多 101 个刻度。",
        "The scale “{code}” has an invalid range: the minimum must be below the maximum, with at most 101 points.",
    ),
    "def.scale_point_bad": (
        "量表“{code}”的刻度 {value} 不在范围内。",
        "The point {value} of scale “{code}” is outside its range.",
    ),
    "def.node_duplicate": ("代码“{code}”出现了不止一次。", "The code “{code}” is used more than once."),
    "def.label_missing": ("“{code}”需要中文或英文标签。", "“{code}” needs a label in Chinese or English."),
    "def.kind_bad": ("“{code}”的层级“{kind}”未知。", "“{code}” has an unknown level “{kind}”."),
    "def.weight_bad": ("“{code}”的权重须为非负数。", "The weight of “{code}” must be a number of at least 0."),
    "def.parent_missing": ("“{code}”的上级“{parent}”不存在。", "The parent “{parent}” of “{code}” does not exist."),
    "def.parent_is_item": (
        "“{code}”的上级“{parent}”是题目；题目下不能再有节点。",
        "The parent “{parent}” of “{code}” is an item; items cannot have children.",
    ),
    "def.dimension_nested": ("维度“{code}”不能有上级。", "The dimension “{code}” cannot have a parent."),
    "def.indicator_parent": (
        "指标“{code}”的上级必须是维度。",
        "The parent of the indicator “{code}” must be a dimension.",
    ),
    "def.role_missing": (
        "题目“{code}”还没有选择角色：请为它选择一个角色（感知、期望、重要性……）。",
        "The role of the item “{code}” is not chosen yet: choose one (perception, expectation, importance …).",
    ),
    "def.item_needs_parent": (
        "题目“{code}”（{role}）需要上级：请选择它所属的指标或维度（它不会被归入“其他问题”）。",
        "The item “{code}” ({role}) needs a parent: choose the indicator or dimension it belongs to (it is not "
        "filed under “Other questions”).",
    ),
    "def.role_bad": ("题目“{code}”的角色“{role}”未知。", "The item “{code}” has an unknown role “{role}”."),
    "def.scale_not_chosen": (
        "题目“{code}”还没有选择量表：请为它选择一个量表。",
        "The scale of the item “{code}” is not chosen yet: choose one.",
    ),
    "def.scale_missing": (
        "题目“{code}”的量表“{scale}”不存在。",
        "The scale “{scale}” of item “{code}” does not exist.",
    ),
    "def.comment_scale": (
        "开放题“{code}”以文字作答，不能有量表。请清空它的量表。",
        "The open-text item “{code}” is answered in words and cannot have a scale. Clear its scale.",
    ),
    "def.recommend_scale": (
        "推荐意愿题“{code}”必须使用 0–10 量表。",
        "The recommend item “{code}” must use a 0–10 scale.",
    ),
    "def.group_has_role": (
        "“{code}”是维度或指标，不能有题目角色或量表。",
        "“{code}” is a dimension or indicator and cannot have an item role or scale.",
    ),
    "def.method_bad": ("未知的权重方法“{method}”。", "Unknown weighting method “{method}”."),
    "def.ahp_members_bad": ("两两比较中引用了不存在的节点。", "The pairwise comparison names nodes that do not exist."),
    "def.ahp_shape_bad": (
        "两两比较矩阵的大小与节点数不符。",
        "The pairwise comparison matrix does not match the nodes.",
    ),
    "def.ahp_value_bad": (
        "两两比较矩阵只能包含正数。",
        "The pairwise comparison matrix may only hold positive numbers.",
    ),
}
