"""The client's address, as the sign-in and join-code throttles count it (survey.access.throttle).

`st.context.ip_address` is the connection's address (None for a browser on this machine, which
Streamlit hides: counted as 127.0.0.1). Behind a reverse proxy every visitor comes from the proxy: set
`SATISFACTION_TRUSTED_PROXIES` to the proxies' addresses or networks (comma-separated, e.g.
``127.0.0.1,10.0.0.0/8``) and their `X-Forwarded-For` names the client (`throttle.client_address`).
Without a connection (AppTest, scripts) the address is "unknown".
"""

from __future__ import annotations

import os

import streamlit as st

from survey.access import throttle

TRUSTED_PROXIES = "SATISFACTION_TRUSTED_PROXIES"


def client_source() -> str:
    """The key the throttles count this browser's attempts under."""
    try:
        headers = st.context.headers
        remote = st.context.ip_address
    except Exception:  # no session behind the script
        return throttle.UNKNOWN
    if not headers:  # no browser connection (tests, scripts)
        return throttle.UNKNOWN
    remote = remote or "127.0.0.1"  # Streamlit hides a loopback address
    forwarded = ", ".join(headers.get_all("X-Forwarded-For")) if hasattr(headers, "get_all") else None
    trusted = os.environ.get(TRUSTED_PROXIES, "").split(",")
    return throttle.client_address(remote, forwarded or None, trusted)
