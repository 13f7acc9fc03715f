"""Entry point: page set-up, language, database, sign-in and the navigation each role sees."""

import streamlit as st

from ui import download_errors
from ui.auth import current, current_place, write_cookie
from ui.i18n import follow_url_language, t
from ui.signin import account_box, first_page_after_sign_in
from ui.state import database

download_errors.install()  # a failed chart download says why in the user's language
follow_url_language()  # ?lang=en in a link, a bookmark or after a reload

if "s" in st.query_params:
    # A respondent's link (/answer?s=<token>): the questionnaire alone, no staff pages, no sidebar.
    st.set_page_config(page_title=t("answer.page_title"), page_icon="📝", layout="centered")
    database()
    # The same page twice: at /answer (the links' form; a default page's own path would not
    # match it) and as the default, for /?s=<token>.
    answer = st.Page("pages/answer.py", title=t("nav.answer"), icon="📝", url_path="answer")
    landing = st.Page("pages/answer.py", title=t("nav.answer"), icon="📝", url_path="answer-here", default=True)
    st.navigation([answer, landing], position="hidden").run()
    st.stop()

st.set_page_config(page_title=t("app.title"), page_icon="📊", layout="wide")
database()  # migrate and load the demo surveys on first start

# (section, file, title id, icon, url path, permission): a page is listed when the user's role may use it;
# every page checks the permission again itself (ui.page.start), as a URL can name any page file.
PAGES = (
    ("nav.dashboards", "overview", "nav.overview", "dashboard", "overview", "dashboards.read"),
    ("nav.dashboards", "gaps", "nav.gaps", "compare_arrows", "gaps", "dashboards.read"),
    ("nav.dashboards", "priorities", "nav.priorities", "flag", "priorities", "dashboards.read"),
    ("nav.dashboards", "nps", "nav.nps", "campaign", "nps", "dashboards.read"),
    ("nav.dashboards", "loyalty", "nav.loyalty", "favorite", "loyalty", "dashboards.read"),
    ("nav.dashboards", "model", "nav.model", "hub", "model", "dashboards.read"),
    ("nav.dashboards", "actions", "nav.actions", "checklist", "actions", "dashboards.read"),
    ("nav.dashboards", "report", "nav.report", "summarize", "report", "dashboards.export"),
    ("nav.analysis", "crosstabs", "nav.crosstabs", "table_chart", "crosstabs", "dashboards.read"),
    ("nav.analysis", "distributions", "nav.distributions", "stacked_bar_chart", "distributions", "dashboards.read"),
    ("nav.analysis", "drivers", "nav.drivers", "insights", "drivers", "dashboards.read"),
    ("nav.analysis", "comments", "nav.comments", "chat", "comments", "dashboards.read"),
    ("nav.analysis", "follow_up", "nav.follow_up", "support_agent", "follow-up", "followup.manage"),
    ("nav.analysis", "trends", "nav.trends", "trending_up", "trends", "dashboards.read"),
    ("nav.analysis", "kano", "nav.kano", "category", "kano", "dashboards.read"),
    ("nav.analysis", "weighting", "nav.weighting", "balance", "weighting", "weighting.manage"),
    ("nav.classroom", "classes", "nav.classes", "school", "classes", "classes.manage"),
    ("nav.classroom", "group", "nav.group", "groups", "group", "group.design"),
    ("nav.classroom", "peer_review", "nav.peer_review", "rate_review", "peer-review", "peer.review"),
    ("nav.classroom", "exercises", "nav.exercises", "calculate", "exercises", "exercises.use"),
    ("nav.design", "surveys", "nav.surveys", "folder_open", "surveys", "surveys.design"),
    ("nav.design", "designer", "nav.designer", "account_tree", "designer", "surveys.design"),
    ("nav.design", "preview", "nav.preview", "preview", "preview", "surveys.design"),
    ("nav.design", "links", "nav.links", "qr_code_2", "links", "surveys.design"),
    ("nav.data", "import_responses", "nav.import", "upload_file", "import", "responses.import"),
    ("nav.admin", "users", "nav.users", "manage_accounts", "users", "users.manage"),
    ("nav.admin", "audit", "nav.audit", "history", "audit", "audit.read"),
)

STUDENT_PAGES = ("group", "peer_review")
PERSONAL = (
    ("nav.you", "account", "nav.account", "person", "account", None),
    ("nav.you", "join", "nav.join", "group_add", "join", None),
)


def landing(first: st.Page) -> st.Page:
    """The app's root URL: it goes on to `first` at `first`'s own URL, so that the address bar, a bookmark
    and the back button name the page shown (a default page has no URL path of its own)."""

    def go_on() -> None:
        st.switch_page(first, query_params=st.query_params.to_dict())

    return st.Page(go_on, title=first.title, url_path="start", default=True, visibility="hidden")


def page(row: tuple, shown: bool) -> st.Page:
    """One page of `PAGES` (or `PERSONAL`). Every page is registered, so its URL works for everyone: one the
    user may not use is hidden from the menu and says so itself (ui.page.start), in the user's language."""
    _section, file, title, icon, path, _need = row
    return st.Page(
        f"pages/{file}.py",
        title=t(title),
        icon=f":material/{icon}:",
        url_path=path,
        visibility="visible" if shown else "hidden",
    )


def questionnaire_without_link() -> st.Page:
    """/answer with its link token lost (cut off in an e-mail): the questionnaire page says the link is
    incomplete, for staff and visitors alike."""
    return st.Page("pages/answer.py", title=t("nav.answer"), url_path="answer", visibility="hidden")


who = current()
if who is None:
    # Signed out: every page is reachable by its URL and shows the sign-in form in its place
    # (ui.page.start), so a deep link lands where it pointed once signed in; the sidebar offers
    # signing in and joining a class.
    write_cookie()
    sign_in = st.Page("pages/account.py", title=t("nav.sign_in"), icon=":material/login:", url_path="account")
    join = st.Page("pages/join.py", title=t("nav.join"), icon=":material/group_add:", url_path="join")
    hidden = [page(row, shown=False) for row in PAGES]
    everything = [landing(sign_in), sign_in, join, *hidden, questionnaire_without_link()]
    navigation = st.navigation(everything, position="hidden")
    st.sidebar.page_link(sign_in)
    st.sidebar.page_link(join)
    navigation.run()
    st.stop()

place = current_place(who)


def listed(row: tuple) -> bool:
    """Whether the user's menu lists the page: their role may use it (a student's group pages are for
    students: an administrator may open them, but has no group)."""
    need, file = row[5], row[1]
    if file == "join":  # joining a class is a student's step; its URL (a join link) still works for everyone
        return place is None or place.role == "student"
    if need is None:
        return True
    return place is not None and place.may(need) and (file not in STUDENT_PAGES or place.role == "student")


sections: dict[str, list] = {}
hidden_pages = []
for row in (*PAGES, *PERSONAL):
    if listed(row):
        sections.setdefault(t(row[0]), []).append(page(row, shown=True))
    else:
        hidden_pages.append(page(row, shown=False))
first = next(iter(sections.values()))[0]
# the pages the menu leaves out, and the root URL, in a section of their own that shows nothing
sections[""] = [landing(first), *hidden_pages, questionnaire_without_link()]
navigation = st.navigation(sections, expanded=True)
if first_page_after_sign_in():  # signed in on the sign-in page: on to the role's first page
    st.switch_page(first, query_params=st.query_params.to_dict())
account_box(who, place)
navigation.run()
