"""The one translation table: every text a user reads, in zh-CN and en.

Keys are stable ids; values are (zh, en) with `{name}` placeholders. The
table is kept in one module per area of the product (core, importing,
answering) and joined here; a key may be defined only once. Pages reach it
through `ui.i18n.t`; the survey layer uses `text` for files it writes
(reports, exports) and raises errors that carry ids, not sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from survey.i18n import (
    accounts,
    actions,
    analysis,
    answering,
    classroom,
    comments,
    core,
    dashboards,
    designer_tree,
    exercises,
    import_page,
    importing,
    model_paths,
    phone,
    sources,
    throttle,
    trends,
    weighting,
    widgets,
)

LANGUAGES = ("zh", "en")
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}

PARTS = (
    core.MESSAGES,
    importing.MESSAGES,
    import_page.MESSAGES,
    answering.MESSAGES,
    dashboards.MESSAGES,
    sources.MESSAGES,
    accounts.MESSAGES,
    classroom.MESSAGES,
    exercises.MESSAGES,
    analysis.MESSAGES,
    model_paths.MESSAGES,
    widgets.MESSAGES,
    comments.MESSAGES,
    designer_tree.MESSAGES,
    weighting.MESSAGES,
    trends.MESSAGES,
    throttle.MESSAGES,
    actions.MESSAGES,
    phone.MESSAGES,
)
MESSAGES: dict[str, tuple[str, str]] = {}
for _part in PARTS:
    _clash = MESSAGES.keys() & _part.keys()
    if _clash:
        raise RuntimeError(f"translation ids defined twice: {sorted(_clash)}")
    MESSAGES.update(_part)


@dataclass(frozen=True)
class Term:
    """A message parameter that is itself a translation id (with its own parameters): the survey layer names
    a field ("the class name") without knowing the reader's language; `text` words it in theirs."""

    key: str
    params: dict = field(default_factory=dict)


def text(lang: str, key: str, **params: object) -> str:
    """The message `key` in `lang` ("zh" or "en"), with its placeholders filled (a `Term` worded in `lang`).

    An unknown key comes back as the key itself, so a missing translation is
    visible rather than fatal.
    """
    pair = MESSAGES.get(key)
    if pair is None:
        return key
    template = pair[0] if lang == "zh" else pair[1]
    params = {k: text(lang, v.key, **v.params) if isinstance(v, Term) else v for k, v in params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
