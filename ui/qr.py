"""QR codes of questionnaire links, as PNG images for the screen and for download."""

from __future__ import annotations

import io

import qrcode
import streamlit as st
from qrcode.constants import ERROR_CORRECT_M


@st.cache_data(show_spinner=False, max_entries=64)
def qr_png(url: str) -> bytes:
    """The URL as a QR code (error correction M, 4-module quiet zone), black on white PNG."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=10, border=4)
    code.add_data(url)
    code.make(fit=True)
    out = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(out, format="PNG")
    return out.getvalue()
