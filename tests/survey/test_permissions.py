"""The role × action matrix, written out as the product promises it (README "Signing in, roles and workspaces")."""

import pytest

from survey.access.accounts import Place
from survey.access.audit import ACTIONS
from survey.access.permissions import PERMISSIONS, ROLES, allowed
from survey.i18n import MESSAGES

Y, N = True, False
# action               admin coord  manager teacher student
MATRIX = {
    "dashboards.read": (Y, Y, Y, Y, N),
    "dashboards.export": (Y, Y, Y, Y, N),
    "surveys.design": (Y, Y, N, N, N),
    "responses.import": (Y, Y, N, N, N),
    "batches.undo": (Y, Y, N, N, N),
    "classes.manage": (Y, N, N, Y, N),
    "group.design": (Y, N, N, N, Y),
    "group.results": (Y, N, N, N, Y),
    "exercises.use": (Y, N, N, Y, Y),
    "peer.review": (Y, N, N, N, Y),
    "users.manage": (Y, N, N, N, N),
    "audit.read": (Y, N, N, N, N),
    "comments.tag": (Y, Y, Y, N, N),
    "followup.manage": (Y, Y, Y, N, N),
    "weighting.manage": (Y, Y, Y, N, N),
    "actions.edit": (Y, Y, Y, Y, Y),  # a teacher in their classes, a student for their group's survey
}


def test_every_permission_is_in_the_matrix():
    assert set(MATRIX) == set(PERMISSIONS)


@pytest.mark.parametrize("permission", PERMISSIONS)
def test_each_role_has_exactly_the_permissions_of_the_matrix(permission):
    assert tuple(allowed(role, permission) for role in ROLES) == MATRIX[permission]


def test_unknown_roles_have_nothing_and_unknown_permissions_are_a_mistake():
    assert not allowed(None, "dashboards.read") and not allowed("respondent", "dashboards.read")
    with pytest.raises(ValueError):
        allowed("administrator", "dashboards.delete_everything")


def test_roles_and_audit_actions_are_named_in_both_languages():
    for key in [f"role.{r}" for r in ROLES] + [f"audit.action.{a}" for a in ACTIONS]:
        assert key in MESSAGES and all(MESSAGES[key]), key


def test_a_teacher_reads_dashboards_in_their_classes_not_in_the_organisation():
    organisation = Place(1, "School", "organisation", "teacher")
    school_class = Place(2, "Marketing 1", "class", "teacher")
    assert organisation.may("classes.manage") and not organisation.may("dashboards.read")
    assert school_class.may("dashboards.read") and school_class.may("dashboards.export")
    assert Place(1, "School", "organisation", "manager").may("dashboards.read")
