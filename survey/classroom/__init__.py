"""The classroom (实训, domain.md §10): classes, groups, their own surveys, live results and peer review.

A class is a workspace of kind "class" (`tables.ClassRoom` holds its join code,
whether joining is open, and the peer-review rubric). The teacher who creates
it is its member with the role "teacher"; students join with the class's join
code and become members with the role "student" and a group.

Each group designs one survey — its indicator system — from a template
(`GROUP_TEMPLATES`: course satisfaction, canteen loyalty, or blank; the NPS +
loyalty block is added when the template has no recommend or loyalty items),
sets a planned (target) satisfaction per indicator, and hands out the
survey's questionnaire link (`survey.answering`) to classmates.

**Indicators** are what the dashboards' importance–performance analysis calls
units (`analysis.AnalysisInputs.units`): the parents of the perception items —
the 13 indicators of the course template, the 5 dimensions of the canteen
template — or a perception item itself when it hangs at the top (the
indicators a group adds).

**Actual satisfaction** of an indicator is its node index in the weighted
satisfaction index (`metrics.satisfaction_index`, domain.md §4): each
perception item's mean rescaled to 0–100 by (x̄ − min)/(max − min) × 100,
aggregated over the indicator's items with their weights. **Planned**
satisfaction is on the same 0–100 scale (a target of 75 = an average answer
of 4 on a 1–5 scale), stored as the survey's target "indicator:<code>"
(`store.INDICATOR_TARGET`). **Gap** = actual − planned (negative: below
plan), the comparison the textbook exercise asks for. NPS (`metrics.nps`)
and the loyalty index (`metrics.loyalty_index`) come from all the group
survey's responses, of every version.

Every function takes the class's workspace and refuses groups, classes and
surveys of another one (`store.NotFound`), so a changed id in a URL never
reaches another class. Refusals a user can cause raise `ClassError`, whose
`message` is a translation id (``classes.*``, ``group.*``, ``peer.*``,
``join.*``) and `params` fill it.

**User actions** are one function each, what the pages call: `start_class`,
`set_joining`, `change_join_code`, `save_groups`, `save_rubric`,
`clear_reviews` (the teacher); `join`, `join_with_new_account` (joining);
`start_survey`, `save_group_indicators`, `reopen_link`, `review_group` (a
group's students). Each takes the signed-in user, checks their permission
in the class again (ClassError "classes.not_allowed") and the action's
preconditions, writes, adds its audit entry (`survey.access.audit`) and
commits — one transaction: a refused action writes nothing. Call them in a
fresh session. The **building blocks** they are made of (`create_class`,
`join_class`, `start_group_survey`, `set_rubric`, …) work in the session
they are given, audit nothing and leave the commit to the caller (tests
and scripts set scenes with them).

The parts: `common` (the refusal, looking up a class or group), `classes` (classes,
groups, joining), `group_survey` (a group's survey and its indicators), `results`
(actual against planned), `peer_review`, and `exercises` (the textbook cases). This
package names what the pages use; the functions live in the parts.
"""

from survey.classroom.classes import (
    GROUPS_MAX,
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    ClassSummary,
    GroupInfo,
    JoinTarget,
    Member,
    add_group,
    change_join_code,
    class_for_code,
    class_summary,
    classes_of,
    create_class,
    group_info,
    join,
    join_class,
    join_with_new_account,
    look_up_code,
    members,
    new_join_code,
    normal_code,
    regenerate_code,
    rename_group,
    save_groups,
    set_joining,
    set_joining_open,
    start_class,
)
from survey.classroom.common import (
    NAME_MAX,
    ClassError,
)
from survey.classroom.group_survey import (
    BLANK_TITLE,
    GROUP_TEMPLATES,
    INDICATORS_MAX,
    NEW_INDICATOR,
    Indicator,
    group_definition,
    group_template,
    indicator_codes,
    indicators,
    reopen_link,
    save_group_indicators,
    save_indicators,
    set_planned,
    start_group_survey,
    start_survey,
)
from survey.classroom.peer_review import (
    CRITERIA_MAX,
    DEFAULT_RUBRIC,
    SCORE_MAX,
    Criterion,
    GroupReviews,
    PeerTotal,
    clear_peer_reviews,
    clear_reviews,
    max_total,
    peer_review_totals,
    review_count,
    review_group,
    reviews_by,
    reviews_given,
    rubric,
    save_rubric,
    set_rubric,
    submit_peer_review,
)
from survey.classroom.results import (
    RESULT_COLUMNS,
    GroupResults,
    compare_groups,
    group_responses,
    group_results,
    results_of,
    with_every_item,
)

__all__ = [
    "NAME_MAX",
    "ClassError",
    "JOIN_CODE_ALPHABET",
    "JOIN_CODE_LENGTH",
    "GROUPS_MAX",
    "GroupInfo",
    "ClassSummary",
    "JoinTarget",
    "Member",
    "new_join_code",
    "normal_code",
    "create_class",
    "class_summary",
    "classes_of",
    "group_info",
    "regenerate_code",
    "set_joining_open",
    "add_group",
    "rename_group",
    "members",
    "class_for_code",
    "join_class",
    "look_up_code",
    "start_class",
    "set_joining",
    "change_join_code",
    "save_groups",
    "join",
    "join_with_new_account",
    "INDICATORS_MAX",
    "GROUP_TEMPLATES",
    "BLANK_TITLE",
    "NEW_INDICATOR",
    "Indicator",
    "group_template",
    "start_group_survey",
    "start_survey",
    "save_group_indicators",
    "reopen_link",
    "group_definition",
    "indicator_codes",
    "indicators",
    "set_planned",
    "save_indicators",
    "RESULT_COLUMNS",
    "GroupResults",
    "with_every_item",
    "group_responses",
    "results_of",
    "group_results",
    "compare_groups",
    "CRITERIA_MAX",
    "SCORE_MAX",
    "DEFAULT_RUBRIC",
    "Criterion",
    "PeerTotal",
    "rubric",
    "set_rubric",
    "submit_peer_review",
    "reviews_by",
    "peer_review_totals",
    "clear_peer_reviews",
    "GroupReviews",
    "max_total",
    "review_count",
    "reviews_given",
    "save_rubric",
    "clear_reviews",
    "review_group",
]
