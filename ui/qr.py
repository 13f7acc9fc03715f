"""The app's public address, and QR codes of its links as PNG images for the screen and for download."""

from __future__ import annotations

import io
import os

import qrcode
import streamlit as st
from qrcode.constants import ERROR_CORRECT_M

from survey import answering
from ui.i18n import t

PUBLIC_URL_ENV = "SURVEY_PUBLIC_URL"  # the app's address for respondents and students, when the browser's is not it
FALLBACK_URL = "http://localhost:8501"


def public_base_url(page_path: str) -> str:
    """The app's address as others reach it: $SURVEY_PUBLIC_URL, else the browser's (this page at
    `page_path`), else localhost."""
    return os.environ.get(PUBLIC_URL_ENV) or answering.base_url_of(st.context.url, page_path) or FALLBACK_URL


BASE_URL_KEY = "links_base_url"  # st.session_state: the address box (on the links and the class page)
_CHOSEN_KEY = "_public_base_url"  # st.session_state: the address the user typed there, kept across pages


def chosen_base_url(page_path: str) -> str:
    """The address links and QR codes use: the one typed in `base_url_input` this session (on the links or
    the class page), else `public_base_url`."""
    return (st.session_state.get(_CHOSEN_KEY) or public_base_url(page_path)).strip()


def _keep_address() -> None:
    st.session_state[_CHOSEN_KEY] = st.session_state[BASE_URL_KEY].strip()


def base_url_input(page_path: str) -> None:
    """The box where the user sets the app's address as respondents and students reach it (one setting for
    the links page and the class page)."""
    st.session_state[BASE_URL_KEY] = chosen_base_url(page_path)
    st.text_input(t("links.base_url"), key=BASE_URL_KEY, help=t("links.base_url_help"), on_change=_keep_address)


@st.cache_data(show_spinner=False, max_entries=64)
def qr_png(url: str) -> bytes:
    """The URL as a QR code (error correction M, 4-module quiet zone), black on white PNG."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=10, border=4)
    code.add_data(url)
    code.make(fit=True)
    out = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(out, format="PNG")
    return out.getvalue()


def warn_if_only_this_computer(url: str, where=st) -> None:
    """A warning beside a QR code whose address reaches only this computer (127.0.0.1, localhost): phones
    scanning a projected code would reach nothing."""
    if answering.only_this_computer(url):
        where.warning(t("qr.only_this_computer", env=PUBLIC_URL_ENV))


def link_and_qr(
    url: str, file_name: str, *, key: str, width: int, title: str | None = None, help_text: str | None = None
) -> None:
    """A questionnaire link to copy, its QR code beside it, and the QR code as a PNG download."""
    link_col, qr_col = st.columns([3, 2])
    if title:
        link_col.subheader(title)
    if help_text:
        link_col.caption(help_text)
    link_col.code(url, language=None, wrap_lines=True)
    warn_if_only_this_computer(url, link_col)
    png = qr_png(url)
    link_col.download_button(t("links.qr_download"), data=png, file_name=file_name, mime="image/png", key=key)
    qr_col.image(png, caption=t("links.qr_caption"), width=width)
