"""Who may do what: the roles and the permissions each one has.

A signed-in account has a role in each workspace it belongs to (table
`membership`); an administrator (``Account.is_admin``) has every permission
in every workspace. Pages ask for one permission (`ui.page.start(need=...)`)
and actions check theirs again before they write (`allowed`).

    >>> allowed("manager", "dashboards.read"), allowed("manager", "surveys.design")
    (True, False)
    >>> allowed("student", "group.design")
    True
"""

from __future__ import annotations

ROLES = ("administrator", "coordinator", "manager", "teacher", "student")
MEMBER_ROLES = ROLES[1:]  # roles in a workspace; administrator is an account flag

PERMISSIONS = (
    "dashboards.read",  # the dashboards of the workspace's surveys
    "dashboards.export",  # downloads, PDF / PPTX report
    "surveys.design",  # create, edit, delete surveys; questionnaire links
    "responses.import",  # upload files into a survey
    "batches.undo",  # undo an import
    "classes.manage",  # create classes, groups, join codes, rubric; compare groups
    "group.design",  # a student's group: its indicator system, targets and link
    "group.results",  # a student's group results
    "exercises.use",  # the textbook exercise cards
    "peer.review",  # score other groups' presentations
    "users.manage",  # accounts, roles, workspaces
    "audit.read",  # the audit log
    "comments.tag",  # a survey's codebook of themes; tag comments with them
    "followup.manage",  # the detractor follow-up list: status, note, contact details kept with consent
    "weighting.manage",  # a survey's weighting schemes (population margins)
    "actions.edit",  # create and change improvement actions (a teacher in their classes, a student in their group)
)

GRANTS: dict[str, frozenset[str]] = {
    "administrator": frozenset(PERMISSIONS),
    "coordinator": frozenset(
        {
            "dashboards.read",
            "dashboards.export",
            "surveys.design",
            "responses.import",
            "batches.undo",
            "comments.tag",
            "followup.manage",
            "weighting.manage",
            "actions.edit",
        }
    ),
    "manager": frozenset(
        {"dashboards.read", "dashboards.export", "comments.tag", "followup.manage", "weighting.manage", "actions.edit"}
    ),
    "teacher": frozenset({"classes.manage", "dashboards.read", "dashboards.export", "exercises.use", "actions.edit"}),
    "student": frozenset({"group.design", "group.results", "exercises.use", "peer.review", "actions.edit"}),
}


def roles_with(permission: str) -> tuple[str, ...]:
    """The roles that have `permission`, in `ROLES` order (the administrator always last: every page is
    theirs, and naming them first would hide the workspace role to ask for).

    >>> roles_with("surveys.design")
    ('coordinator', 'administrator')
    """
    return tuple(r for r in MEMBER_ROLES if allowed(r, permission)) + ("administrator",)


def allowed(role: str | None, permission: str) -> bool:
    """True when `role` has `permission`; unknown roles and permissions have nothing."""
    if permission not in PERMISSIONS:
        raise ValueError(f"unknown permission {permission!r}")
    return permission in GRANTS.get(role or "", frozenset())
