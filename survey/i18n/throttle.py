"""Texts of sign-in throttling (the users page's current throttles) and the audit log's filters, paging and
export (see survey/i18n/__init__.py)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # users page: current throttles
    "users.throttles": ("当前限制", "Current throttles"),
    "users.throttles_intro": (
        "登录失败或班级码错误后，按来源地址（以及“账户 + 地址”）暂时放慢尝试；失败过多时所有人都会稍慢几秒。"
        "清除一项即忘记它的失败次数。",
        "After failed sign-ins or wrong class codes, attempts from that address (or that account from that address) "
        "are slowed down for a while; past a ceiling everyone waits a few seconds. Clearing one forgets its failures.",
    ),
    "users.throttles_none": ("目前没有任何限制。", "Nothing is throttled at the moment."),
    "users.throttle_kind": ("类型", "Kind"),
    "users.throttle_key": ("对象", "Counted for"),
    "users.throttle_failures": ("失败次数", "Failures"),
    "users.throttle_last": ("最近一次失败（UTC）", "Last failure (UTC)"),
    "users.throttle_until": ("限制至（UTC）", "Slowed until (UTC)"),
    "users.throttle_choose": ("要清除的限制", "Throttle to clear"),
    "users.throttle_clear": ("清除限制", "Clear throttle"),
    "users.throttle_cleared": ("已清除限制：{what}", "Throttle cleared: {what}"),
    "users.throttle_gone": (
        "这项限制已经不存在了（已过期或已被清除）。",
        "This throttle is gone already (it expired or was cleared).",
    ),
    "throttle.kind.account+source": ("账户 + 地址", "account + address"),
    "throttle.kind.source": ("地址（任何账户）", "address (any account)"),
    "throttle.kind.global": ("全部登录（每分钟上限）", "all sign-ins (per-minute ceiling)"),
    "throttle.kind.join+source": ("班级码 · 地址", "class codes · address"),
    "throttle.kind.join-global": ("全部班级码（每分钟上限）", "all class codes (per-minute ceiling)"),
    # audit log: filters, paging, export
    "audit.user": ("用户", "User"),
    "audit.all_users": ("全部用户", "All users"),
    "audit.since": ("起始日期", "From"),
    "audit.until": ("截止日期", "To"),
    "audit.page": ("页码", "Page"),
    "audit.count": ("次数", "Count"),
    "audit.page_of": (
        "共 {total} 条记录；第 {page} / {pages} 页（每页 {per_page} 条）。",
        "{total} entries; page {page} of {pages} ({per_page} per page).",
    ),
    "audit.export": ("下载筛选出的全部记录：", "Download every entry of this selection:"),
    "audit.action.throttle_clear": ("清除登录限制", "throttle cleared"),
    "audit.action.join_code_failed": ("班级码错误", "wrong class code"),
}
