"""Texts of the path model a user draws on the Model page (zh, en)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- one satisfaction figure: the Overview and the report name the method of the index they show
    "card.satisfaction_pls": (
        "PLS 满意度指数（{model} 模型，按“指数模型”页的方法在全部批次上估计）；感知题的加权满意度指数为 {weighted}。",
        "PLS satisfaction index ({model} model, estimated as on the Model page, over every wave); the weighted "
        "index of the perception items is {weighted}.",
    ),
    "card.satisfaction_help_pls": (
        "PLS 满意度指数（ACSI 方法，0–100）：“满意”维度各题的均值按 (均值 − 最小值)/(最大值 − 最小值) × 100 "
        "换算，再以路径模型在所选答卷上估计的外部权重加权；各批次、各细分群体使用同一组权重。",
        "PLS satisfaction index (the ACSI method, 0–100): each satisfaction item's mean rescaled by "
        "(mean − min)/(max − min) × 100, then weighted by the outer weights of the path model fitted on the "
        "chosen responses; every wave and segment uses the same weights.",
    ),
    "model.indices_overview": (
        "“满意”维度的指数就是“总览”页显示的满意度指数。",
        "The satisfaction construct's index is the satisfaction index the Overview shows.",
    ),
    "model.custom": ("自定义", "Custom"),
    "model.which_custom": (
        "自定义路径模型（在下方“模型路径”中绘制）：PLS 路径分析（中心化数据、centroid 方案）。",
        "Your own path model (drawn under “The model's paths” below): PLS path modelling (centred data, "
        "centroid scheme).",
    ),
    "model.draw": ("模型路径", "The model's paths"),
    "model.draw_help": (
        "每行一条路径：从一个维度（原因）指向另一个维度（结果）。每个维度以其量表题为反映型测量（mode A）。"
        "保存后，这个模型随问卷保存，所有版本和所有人看到的都是它。",
        "One path per row: from one dimension (the cause) to another (the effect). Each dimension is measured "
        "reflectively by its scale items (mode A). Once saved, the model is kept with the survey, for every "
        "version and everyone who reads it.",
    ),
    "model.draw_none": (
        "这份问卷的维度不是 ECSI / ACSI 模型的维度。在下方画出维度之间的路径，即可估计自己的路径模型。",
        "This survey's dimensions are not those of the ECSI / ACSI model. Draw the paths between its dimensions "
        "below to fit a path model of your own.",
    ),
    "model.draw_too_few": (
        "路径模型至少需要两个含量表题的维度；这份问卷只有 {count} 个。",
        "A path model needs at least two dimensions with scale items; this survey has {count}.",
    ),
    "model.col.from": ("从（原因）", "From (cause)"),
    "model.col.to": ("到（结果）", "To (effect)"),
    "model.draw_save": ("保存模型", "Save the model"),
    "model.draw_reset": ("改回按维度代码识别的模型", "Go back to the model the dimension codes give"),
    "model.draw_saved": ("模型已保存：{count} 条路径。", "Model saved: {count} paths."),
    "model.draw_reset_done": ("已改回按维度代码识别的模型。", "Back to the model the dimension codes give."),
    "model.draw_readonly": (
        "只有设计问卷的人（协调员、管理员）可以修改模型路径。",
        "Only those who design the survey (coordinators, administrators) can change the model's paths.",
    ),
    "model.draw_incomplete": (
        "第 {row} 行缺少“从”或“到”的维度。",
        "Row {row} is missing its “from” or “to” dimension.",
    ),
    "model.path_unknown": (
        "问卷中没有维度“{dimension}”。",
        "The survey has no dimension “{dimension}”.",
    ),
    "model.path_no_items": (
        "维度“{dimension}”没有量表题，无法放进路径模型。",
        "The dimension “{dimension}” has no scale items, so it cannot be part of the path model.",
    ),
    "model.path_self": (
        "路径不能从维度“{dimension}”指向它自己。",
        "A path cannot lead from the dimension “{dimension}” to itself.",
    ),
    "model.path_cycle": (
        "路径构成了循环：{dimensions}。PLS 路径模型不能有循环，请删去其中一条。",
        "The paths go round in a circle: {dimensions}. A PLS path model cannot have a cycle: remove one of them.",
    ),
    "model.path_none": ("请至少画一条路径。", "Draw at least one path."),
}
