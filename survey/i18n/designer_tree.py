"""Texts of the indicator tree editor, the attributes' choice lists and the links with fixed values."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the tree editor ---
    "designer.tree.help": (
        "在左侧选择一个节点，在右侧修改它并点击“应用”。维度之下是指标，指标之下是题目；NPS、忠诚度、受访者属性和开放题可以不属于任何维度。",
        "Choose a node on the left, change it on the right and press Apply. Dimensions hold indicators, "
        "indicators hold items; NPS, loyalty, respondent attributes and comments may stand outside the tree.",
    ),
    "designer.tree.nodes": ("指标树", "The tree"),
    "designer.tree.empty": (
        "还没有任何节点。点击“添加维度”开始搭建指标体系。",
        "There are no nodes yet. Press “Add a dimension” to start the indicator system.",
    ),
    "designer.tree.add_dimension": ("添加维度", "Add a dimension"),
    "designer.tree.add_child.dimension": ("添加下级指标", "Add an indicator under it"),
    "designer.tree.add_child.indicator": ("添加下级题目", "Add an item under it"),
    "designer.tree.add_sibling": ("添加同级节点", "Add a sibling"),
    "designer.tree.move_up": ("上移", "Move up"),
    "designer.tree.move_down": ("下移", "Move down"),
    "designer.tree.delete": ("删除", "Delete"),
    "designer.tree.delete_confirm": (
        "我确认删除“{label}”及其下级（已有的 {count} 份答卷保留在版本 {version} 中，不会丢失）",
        "Delete “{label}” and everything under it (the {count} answers stay with version {version}; none are lost)",
    ),
    "designer.tree.deleted": ("已删除“{label}”。", "Deleted “{label}”."),
    "designer.tree.added": ("已添加“{label}”。", "Added “{label}”."),
    "designer.tree.moved": ("已移动“{label}”。", "Moved “{label}”."),
    "designer.tree.applied": ("已应用对“{label}”的修改。", "Applied the changes to “{label}”."),
    "designer.tree.apply": ("应用", "Apply"),
    "designer.tree.editing": ("{kind}：{label}", "{kind}: {label}"),
    "designer.tree.parent": ("上级", "Parent"),
    "designer.tree.top": ("（无上级：不属于任何维度）", "(none: outside the tree)"),
    "designer.tree.role": ("题目角色", "Item role"),
    "designer.tree.scale": ("量表", "Scale"),
    "designer.tree.no_scale": ("（不设量表，以文字作答）", "(no scale: answered in words)"),
    "designer.tree.scale_not_chosen": ("（请选择量表）", "(choose a scale)"),
    "designer.tree.required": ("必答", "Required"),
    "designer.tree.weight": ("同级权重", "Weight among its siblings"),
    "designer.tree.weight_help": (
        "保存时同级节点的权重会自动归一化（合计为 1）。",
        "The weights of siblings are normalised (to sum to 1) when saved.",
    ),
    "designer.tree.choices": ("可选答案（每行一个）", "Choices (one per line)"),
    "designer.tree.choices_help": (
        "每行一个选项：只写值（如“一班”），或写“值 | 中文 | English”。留空则受访者自由填写。",
        "One choice per line: just the value (e.g. “Class 1”), or “value | 中文 | English”. "
        "Leave empty to let respondents type freely.",
    ),
    "designer.tree.new.dimension": ("新维度", "New dimension"),
    "designer.tree.new.indicator": ("新指标", "New indicator"),
    "designer.tree.new.item": ("新题目", "New item"),
    "designer.tree.no_child": ("题目之下不能再添加节点。", "An item cannot hold other nodes."),
    "designer.tree.no_node": ("这个节点已不存在，请重新选择。", "This node no longer exists. Choose another one."),
    "designer.tree.advanced": ("高级视图：以表格编辑整棵树", "Advanced view: edit the whole tree as a table"),
    "designer.tree.preview": ("受访者看到的问卷见“问卷预览”页面。", "The Preview page shows what respondents see."),
    # --- definition problems ---
    "def.not_chosen": ("（未选择）", "(not chosen)"),
    "def.choices_not_attribute": (
        "只有受访者属性可以有可选答案：“{code}”不是受访者属性。",
        "Only a respondent attribute can have choices: “{code}” is not one.",
    ),
    "def.choices_many": ("“{code}”的可选答案超过 {limit} 个。", "“{code}” has more than {limit} choices."),
    "def.choice_empty": ("“{code}”有一个空的可选答案。", "“{code}” has an empty choice."),
    "def.choice_duplicate": (
        "“{code}”的可选答案“{value}”出现了不止一次。",
        "The choice “{value}” of “{code}” is given more than once.",
    ),
    "field.choice_value": ("“{code}”的可选答案", "A choice of “{code}”"),
    "field.choice_label_zh": ("“{code}”的可选答案的中文名称", "The Chinese label of a choice of “{code}”"),
    "field.choice_label_en": ("“{code}”的可选答案的英文名称", "The English label of a choice of “{code}”"),
    # --- importing ---
    "imp.choice_bad": (
        "“{value}”不是“{item}”的可选答案之一（可选：{choices}）。请改成其中之一，或在指标体系设计中添加这个选项。",
        "“{value}” is not one of the choices of “{item}” ({choices}). Change it to one of them, or add it as a "
        "choice in the indicator system design.",
    ),
    # --- the questionnaire ---
    "answer.choice_bad": (
        "“{item}”的答案须为所列选项之一。请选择一个选项后重新提交。",
        "The answer to “{item}” must be one of the choices listed. Choose one and submit again.",
    ),
    "answer.fixed_unknown": (
        "此链接中的预设信息无效或已被删除。请向组织者索取新的链接。",
        "The preset details of this link are not valid or were removed. Ask the organiser for a new link.",
    ),
    "form.choose": ("请选择", "Choose one"),
    # --- links with fixed values ---
    "audit.action.fixed_link": ("生成带预设属性的链接", "link with preset attributes made"),
    "links.fixed": ("带预设属性的链接", "Links with preset attributes"),
    "links.fixed_help": (
        "为某个班级、小组等生成专用链接：受访者看不到这些属性，答卷自动记上这些值（值保存在服务器上，受访者无法修改）。",
        "A link of its own for a class, a group …: respondents do not see these attributes, and their answers "
        "carry the values (kept on the server, so respondents cannot change them).",
    ),
    "links.fixed_none": (
        "这份问卷没有受访者属性题（如班级、小组、批次）。请先在指标体系设计中添加。",
        "This survey has no respondent attributes (class, group, wave …). Add them in the indicator system design first.",
    ),
    "links.fixed_value": ("{label}", "{label}"),
    "links.fixed_blank": ("（由受访者填写）", "(the respondent answers)"),
    "links.fixed_create": ("生成此链接", "Make this link"),
    "links.fixed_nothing": ("请至少为一个属性预设值。", "Set a value for at least one attribute."),
    "links.fixed_created": ("已生成链接：{values}", "Link made: {values}"),
    "links.fixed_list": ("已生成的预设链接", "Links with preset attributes made so far"),
    "links.fixed_link": ("链接：{values}", "Link: {values}"),
    "links.fixed_bad": (
        "“{item}”的值“{value}”不是它的可选答案之一。",
        "“{value}” is not one of the choices of “{item}”.",
    ),
    "links.fixed_long": ("“{item}”的值超过 {limit} 个字。", "The value of “{item}” is longer than {limit} characters."),
}
