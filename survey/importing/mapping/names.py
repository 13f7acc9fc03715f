"""The usual names of the columns that are not survey items, in both languages.

The respondent id (`RESPONDENT_NAMES`), the wave / period (`WAVE_NAMES`), the
segment fields (`ATTRIBUTE_NAMES`: region, channel, class, group, customer
tier, spend) and a comments column (`COMMENT_NAMES`); `propose_columns`
matches them after `normalise`, and `survey.importing.sources` reads the same
lists.
"""

RESPONDENT_NAMES = (
    "respondent_id",
    "respondent",
    "respondent id",
    "id",
    "编号",
    "序号",
    "答卷编号",
    "问卷编号",
    "答卷序号",
    "样本编号",
    "受访者编号",
    "受访者",
    "学号",
    "工号",
    "客户编号",
    "客户id",
    "用户id",
    "会员号",
    "user_id",
    "customer_id",
    "response_id",
    "record id",
    "no",
    "编码",
    "答卷id",
    "问卷id",
    "样本id",
)
WAVE_NAMES = (
    "wave",
    "期次",
    "批次",
    "period",
    "调查批次",
    "调查期次",
    "轮次",
    "期数",
    "调查期",
    "round",
    "survey wave",
    "survey period",
    "调查时间段",
)
ATTRIBUTE_NAMES: dict[str, tuple[str, ...]] = {
    "region": ("region", "地区", "区域", "地域", "省份", "城市", "所在地区", "area", "city", "province"),
    "channel": ("channel", "渠道", "购买渠道", "销售渠道", "来源渠道", "source channel"),
    "class": ("class", "班级", "班", "class name"),
    "group": ("group", "小组", "组别", "分组", "组", "team"),
    "tier": ("tier", "customer tier", "客户等级", "会员等级", "客户级别", "客户类型", "segment", "客户分层"),
    "spend": ("spend", "消费金额", "消费额", "年消费", "spending", "customer value", "客户价值", "amount", "金额"),
}
COMMENT_NAMES = (
    "comment",
    "comments",
    "备注",
    "意见",
    "建议",
    "意见和建议",
    "意见建议",
    "其他意见",
    "其他意见和建议",
    "留言",
    "评论",
    "反馈",
    "remarks",
    "feedback",
    "suggestions",
    "other comments",
    "any other comments",
    "open comments",
)
