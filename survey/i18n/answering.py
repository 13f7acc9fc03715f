"""Texts of the in-app questionnaire and its links (zh, en)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- navigation
    "nav.links": ("问卷链接", "Questionnaire links"),
    "nav.answer": ("填写问卷", "Answer the questionnaire"),
    # --- staff page: questionnaire links (pages/links.py)
    "links.title": ("问卷链接", "Questionnaire links"),
    "links.intro": (
        "开放问卷以收集答卷：受访者通过链接或二维码在手机上填写，无需账号。",
        "Open a survey for answers: respondents answer on their phone through a link or a QR code, without an account.",
    ),
    "links.state_open": (
        "正在收集答卷：版本 {version} 可通过下方链接填写。",
        "Open for answers: version {version} takes answers at the link below.",
    ),
    "links.state_closed": (
        "已关闭：该链接不再接受新答卷。重新开放后链接不变。",
        "Closed: the link refuses new answers. Opening it again keeps the same link.",
    ),
    "links.state_never": (
        "尚未开放。开放后即可获得链接和二维码。",
        "Not open yet. Open it for answers to get a link and a QR code.",
    ),
    "links.old_version": (
        "链接目前打开的是版本 {link_version}，而问卷已有版本 {version}。再次点击“开放填写”即可把链接（及二维码）转到版本 {version}。",
        "The link opens version {link_version}, but the survey now has version {version}. Open it for answers again to move the link (and its QR code) to version {version}.",
    ),
    "links.open": ("开放填写", "Open for answers"),
    "links.move": ("开放填写（转到版本 {version}）", "Open for answers (move to version {version})"),
    "links.close": ("关闭填写", "Close for answers"),
    "links.one_per_token": ("每个个人链接只能提交一次", "One answer per personal link"),
    "links.one_per_token_help": (
        "开启后只能通过下方生成的个人链接填写，每个链接仅限一份答卷；通用链接将被拒绝。",
        "When on, only the personal links made below can answer, once each; the general link is refused.",
    ),
    "links.one_per_token_on": ("已开启：每个个人链接只能提交一次。", "On: one answer per personal link."),
    "links.one_per_token_off": (
        "已关闭“每个个人链接只能提交一次”。",
        "Off: the link no longer limits answers per personal link.",
    ),
    "links.one_per_token_no_links": (
        "已开启“每个个人链接只能提交一次”，但还没有个人链接，目前无人能够填写。请在下方生成个人链接。",
        "“One answer per personal link” is on but there are no personal links yet, so nobody can answer. Make personal links below.",
    ),
    "links.base_url": ("本程序的网址（受访者访问时使用）", "Address of this app, as respondents reach it"),
    "links.base_url_help": (
        "链接和二维码以此网址开头。若受访者通过其他地址（如学校服务器的域名）访问，请在此修改。",
        "Links and QR codes start with this address. Change it when respondents reach the app at another address (such as the school server's name).",
    ),
    "links.base_url_bad": (
        "“{url}”不是以 http:// 或 https:// 开头的网址。请输入受访者访问本程序的地址，例如 https://survey.example.edu。",
        "“{url}” is not a web address starting with http:// or https://. Enter the address respondents use to reach this app, e.g. https://survey.example.edu.",
    ),
    "links.link": ("受访者链接", "Link for respondents"),
    "qr.only_this_computer": (
        "这个地址只在本机可用（127.0.0.1 / localhost）：用手机扫码或在别的电脑上打开都无法访问。"
        "请用大家都能访问的地址打开本应用，或由管理员设置环境变量 {env}（问卷链接页面底部也可改地址）。",
        "This address works only on this computer (127.0.0.1 / localhost): a phone scanning the code, or another "
        "computer, reaches nothing. Open the app at an address others can reach, or have the administrator set "
        "{env} (the Questionnaire links page can also change the address, at its bottom).",
    ),
    "links.qr_caption": (
        "投影此二维码，受访者用手机扫码即可填写。",
        "Show this QR code on the projector: respondents scan it with their phone.",
    ),
    "links.qr_download": ("下载二维码（PNG）", "Download the QR code (PNG)"),
    "links.answers": ("版本 {version} 已收到答卷", "Answers to version {version}"),
    "links.personal_answered": ("已使用的个人链接", "Personal links answered"),
    "links.refresh": ("刷新计数", "Refresh the counts"),
    "links.personal": ("个人链接", "Personal links"),
    "links.personal_help": (
        "为每位受访者生成一个链接（例如班上每位学生一个）。开启“每个个人链接只能提交一次”后，每个链接只能提交一份答卷。",
        "One link per respondent, e.g. one for each student of a class. With “one answer per personal link” on, each link can answer once.",
    ),
    "links.personal_count": ("生成数量", "How many links to make"),
    "links.personal_create": ("生成个人链接", "Make personal links"),
    "links.personal_created": (
        "已生成 {count} 个个人链接，可在下方下载列表。",
        "Made {count} personal links. Download the list below.",
    ),
    "links.personal_download": ("下载全部个人链接（CSV）", "Download all personal links (CSV)"),
    "links.personal_none": ("还没有个人链接。", "No personal links yet."),
    "links.personal_need_open": (
        "请先开放填写以获得链接，再生成个人链接。",
        "Open the survey for answers first: personal links build on its link.",
    ),
    "links.count_bad": (
        "每次可生成 1 到 1000 个个人链接，请修改数量。",
        "Make between 1 and 1000 personal links at a time; change the number.",
    ),
    "links.csv.number": ("序号", "No."),
    "links.csv.token": ("个人令牌", "Personal token"),
    "links.csv.link": ("链接", "Link"),
    "links.csv.answered": ("已提交", "Answered"),
    # --- respondent page (pages/answer.py)
    "answer.page_title": ("填写问卷", "Questionnaire"),
    "answer.unknown_link": (
        "此问卷链接无效：可能不完整或已过期。请确认打开的是完整链接，或向提供链接的人索取新链接。",
        "This questionnaire link does not work: it may be incomplete or out of date. Check that you opened the whole link, or ask the person who gave it to you for a new one.",
    ),
    "answer.closed": (
        "此问卷已关闭，不再接受答卷。如您认为问卷应当开放，请联系提供链接的人。",
        "This survey is closed and no longer accepts answers. If you think it should be open, contact the person who gave you the link.",
    ),
    "answer.token_needed": (
        "此问卷只接受个人链接的答卷。请打开发给您的个人链接（其中含有“&t=”）。",
        "This survey takes answers only through personal links. Open the personal link you were given (it contains “&t=”).",
    ),
    "answer.token_unknown": (
        "此个人链接对本问卷无效。请确认打开的是完整链接，或向组织者索取您的个人链接。",
        "This personal link is not valid for this survey. Check that you opened the whole link, or ask the organiser for yours.",
    ),
    "answer.token_used": (
        "此个人链接已经提交过答卷，每个个人链接只能提交一次。如需修改答卷，请联系组织者。",
        "An answer has already been submitted with this personal link, and each personal link can answer once. To change your answer, contact the organiser.",
    ),
    "answer.busy": (
        "服务器正忙，您的答卷尚未保存，但您填写的内容仍保留在本页。请稍候片刻后再次点击提交。",
        "The server is busy and your answer has not been saved yet; what you filled in is still on this page. Wait a moment and submit again.",
    ),
    "answer.not_saved": ("您的答卷未保存：", "Your answer was not saved:"),
    "answer.unknown_item": (
        "答卷中的题目“{item}”不属于本问卷。请刷新页面后重新填写。",
        "The answer names a question “{item}” that this survey does not have. Reload the page and answer again.",
    ),
    "answer.value_bad": (
        "“{item}”的答案须为 {low} 到 {high} 之间的选项。请选择一个选项后重新提交。",
        "The answer to “{item}” must be one of the points from {low} to {high}. Choose one of the options and submit again.",
    ),
    "answer.required_missing": (
        "“{item}”为必答题。请作答后重新提交。",
        "“{item}” must be answered. Answer it and submit again.",
    ),
    "answer.too_long": (
        "“{item}”的回答超过 {limit} 个字。请缩短后重新提交。",
        "The answer to “{item}” is longer than {limit} characters. Shorten it and submit again.",
    ),
    "answer.text_bad": (
        "“{item}”的答案须为文字。请重新填写后提交。",
        "The answer to “{item}” must be text. Fill it in again and submit.",
    ),
    "answer.thanks": ("谢谢！您的答卷已保存。", "Thank you! Your answer has been saved."),
    "answer.thanks_more": ("您现在可以关闭此页面。", "You can close this page now."),
}
