"""Entry point: page set-up, language, database, navigation."""

import streamlit as st

from ui.i18n import t
from ui.respondent import follow_link_language
from ui.state import database

if "s" in st.query_params:
    # A respondent's link (/answer?s=<token>): the questionnaire alone, no staff pages, no sidebar.
    follow_link_language()
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

pages = {
    t("nav.dashboards"): [
        st.Page("pages/overview.py", title=t("nav.overview"), icon=":material/dashboard:", default=True),
        st.Page("pages/gaps.py", title=t("nav.gaps"), icon=":material/compare_arrows:", url_path="gaps"),
        st.Page("pages/priorities.py", title=t("nav.priorities"), icon=":material/flag:", url_path="priorities"),
        st.Page("pages/nps.py", title=t("nav.nps"), icon=":material/campaign:", url_path="nps"),
        st.Page("pages/loyalty.py", title=t("nav.loyalty"), icon=":material/favorite:", url_path="loyalty"),
        st.Page("pages/model.py", title=t("nav.model"), icon=":material/hub:", url_path="model"),
        st.Page("pages/report.py", title=t("nav.report"), icon=":material/summarize:", url_path="report"),
    ],
    t("nav.design"): [
        st.Page("pages/surveys.py", title=t("nav.surveys"), icon=":material/folder_open:", url_path="surveys"),
        st.Page("pages/designer.py", title=t("nav.designer"), icon=":material/account_tree:", url_path="designer"),
        st.Page("pages/preview.py", title=t("nav.preview"), icon=":material/preview:", url_path="preview"),
        st.Page("pages/links.py", title=t("nav.links"), icon=":material/qr_code_2:", url_path="links"),
    ],
    t("nav.data"): [
        st.Page("pages/import_responses.py", title=t("nav.import"), icon=":material/upload_file:", url_path="import"),
    ],
}
st.navigation(pages).run()
