"""The one kind of error a user is shown: `UserError`, a refusal or a problem named by a translation id.

Every refusal the survey layer gives a page (an account action refused, a class
action refused, a file that cannot be read, a report that cannot be written)
is a `UserError`: `message` is a translation id of survey.i18n, `params` fill
its placeholders, so the page shows it in the user's language and never a
library's English. The families keep their own names (`AccountError`,
`ClassError`, `ReadError`, `SourceError`, `ReportError`) so that a page can
still tell them apart where it must; `ui.i18n.show_error` shows any of them.
"""

from __future__ import annotations


class UserError(ValueError):
    """A refused action or an unreadable input, told to the user; `message` is a translation id,
    `params` fill it."""

    def __init__(self, message: str, **params: object):
        self.message = message
        self.params = params
        super().__init__(f"{message} {params}" if params else message)

    def __reduce__(self):
        # kept whole across processes (charts and reports are drawn in worker processes)
        return _rebuild, (type(self), self.message, self.params)


def _rebuild(cls: type[UserError], message: str, params: dict) -> UserError:
    return cls(message, **params)
