"""One kind of error the user is shown: every refusal family is a UserError, worded in the user's language."""

import pickle

import pytest

from survey.access.accounts import AccountError
from survey.classroom.common import ClassError
from survey.errors import UserError
from survey.i18n import text
from survey.importing.reading import ReadError
from survey.importing.sources import SourceError
from survey.reporting.report import ReportError

FAMILIES = [AccountError, ClassError, ReadError, SourceError, ReportError]


@pytest.mark.parametrize("family", FAMILIES)
def test_every_refusal_family_is_one_user_error_and_survives_a_worker_process(family):
    error = family("imp.too_large", size_mb=300, limit_mb=200)
    assert isinstance(error, UserError) and isinstance(error, ValueError)
    back = pickle.loads(pickle.dumps(error))  # reports are drawn in worker processes
    assert type(back) is family and back.message == "imp.too_large" and back.params == error.params


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_user_error_is_worded_in_the_users_language(lang):
    error = ReadError("imp.too_large", size_mb=300, limit_mb=200)
    worded = text(lang, error.message, **error.params)
    assert "300" in worded and "200" in worded and "imp.too_large" not in worded
