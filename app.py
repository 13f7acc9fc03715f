"""Entry point: page set-up, language, database, navigation."""

import streamlit as st

from ui.i18n import t
from ui.state import database

st.set_page_config(page_title=t("app.title"), page_icon="📊", layout="wide")
database()  # migrate and load the demo surveys on first start

pages = {
    t("nav.design"): [
        st.Page("pages/surveys.py", title=t("nav.surveys"), icon="🗂️", url_path="surveys", default=True),
        st.Page("pages/designer.py", title=t("nav.designer"), icon="🧭", url_path="designer"),
        st.Page("pages/preview.py", title=t("nav.preview"), icon="📝", url_path="preview"),
    ],
}
st.navigation(pages).run()
