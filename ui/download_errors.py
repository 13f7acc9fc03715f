"""Our own words, in the user's language, when a download cannot be made.

A download button whose data is a callable (a chart's PNG, a group's slides)
makes its file only when clicked: Streamlit runs the callable in the server,
outside the page's script, and when it raises, the browser shows Streamlit's
fixed English "Failed to generate file for download" under the button.

`guarded(make, message)` wraps such a callable: when drawing fails
(`survey.reporting.rendering.RenderError`, e.g. the renderer crashed or ran out of
time), it notes `message(reason)` — a text the page made in the user's
language — and raises. `install()` (app.py, once per process) wraps
Streamlit's handler of those clicks so that the noted text is what the
browser shows instead. The callable runs in a thread that copies the
handler's context (`asyncio.to_thread`), so the note travels through a
context variable and never reaches another user's click. Every other failure
keeps Streamlit's own handling.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Callable

from survey.i18n import text
from survey.reporting.rendering import RenderError

_LOG = logging.getLogger(__name__)
_NOTES: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar("download_failure_notes", default=None)


def guarded(make: Callable[[], bytes], message: Callable[[str], str]) -> Callable[[], bytes]:
    """`make`, noting `message(err.key)` for the browser when it raises RenderError."""

    def run() -> bytes:
        try:
            return make()
        except RenderError as err:
            notes = _NOTES.get()
            if notes is not None:
                notes.append(message(err.key))
            raise

    return run


def failure_message(key: str, language: str) -> Callable[[str], str]:
    """reason → the message `key` ("This chart could not be drawn: {reason}") in `language`, the reason a
    `RenderError` key. Made while the page runs: the click runs outside its script, where the session's
    language is not at hand."""
    return lambda reason: text(language, key, reason=text(language, reason))


def install() -> bool:
    """Show noted messages for failed downloads (idempotent); False when this Streamlit has no such handler."""
    try:
        from streamlit.runtime.backend_operation_handler import DeferredFileHandler
    except ImportError:  # another Streamlit: its own message stays
        return False
    if getattr(DeferredFileHandler.handle, "_with_our_messages", False):
        return True
    original = DeferredFileHandler.handle

    async def handle(self, request, session_id):
        notes: list[str] = []
        token = _NOTES.set(notes)
        try:
            response = await original(self, request, session_id)
        finally:
            _NOTES.reset(token)
        if notes and getattr(response, "error_msg", ""):
            response.error_msg = notes[-1]
        return response

    handle._with_our_messages = True  # type: ignore[attr-defined]
    DeferredFileHandler.handle = handle
    return True
