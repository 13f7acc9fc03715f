"""Which file column is which survey item, and which scale point an answer text means.

Column mapping: `{column: target}` where the column is the file's header
text (see `column_keys`) and the target is an item code, `RESPONDENT` (the
respondent's id), `WAVE` (the wave / period, when the survey has no `wave`
attribute item) or None (ignored). `propose_columns` guesses it:

1. the item code, case-insensitively (``useful_p``, ``NPS``);
2. an item's label in either language, after `normalise` (full-width to
   half-width, case, spaces and punctuation ignored), also with a question
   number in front (``Q3. 教学内容实用``, ``3、``, ``第3题``) or a bracketed
   note behind (``（1-5分）``) taken off;
3. the question part of a label before ``：`` / ``:`` / ``？``, or the
   label of the item's indicator, perception items first;
4. the respondent id, the wave and the usual segment fields (region,
   channel, class, group, customer tier, spend) by their common names in
   both languages (`RESPONDENT_NAMES`, `WAVE_NAMES`, `ATTRIBUTE_NAMES`);
   a segment name maps only to an attribute item the survey has; a
   comments column (备注, 意见和建议, Comments …: `COMMENT_NAMES`) to the
   survey's comment item when it has exactly one;
5. a close spelling of a label (difflib ratio ≥ 0.8).

Each column gets at most one target and each target at most one column, the
best-scoring pairs first.

Answer texts: `scale_labels(scale)` maps the scale's own point labels (both
languages) plus the common label sets of the same length (`COMMON_LABELS`:
很满意 / 非常满意 / Very satisfied → top point, ...) to points;
`interpret(text, scale, labels)` turns one cell into a number, a missing value
or a reason it is neither. Numbers may carry a label or a unit: ``9 - very
likely``, ``5分``, ``(4) 满意``, ``很满意(5)``, full-width ``５``, ``五分``.
"Not applicable / don't know / skipped" and their Chinese forms (`NA_WORDS`,
`is_not_applicable`) are missing values, never 0. The user's own `labels` map
is consulted first, so it can also turn a code such as ``99`` into a missing
value.

`SCALE_LABEL_SETS` (`label_set_points`) are the same labels one family and
length at a time (satisfaction, agreement, likelihood, importance, quality,
frequency; 5 and 7 points), for `survey.importing.sources` to infer a text column's
scale from its labels alone.

One module per idea, every name importable from here:

- `columns`: the targets, `propose_columns`, `column_keys`, `wave_source`;
- `names`: the usual names of non-item columns (`RESPONDENT_NAMES`, ...);
- `matching`: `normalise`, how texts are compared;
- `numbers`: `parse_number`, `is_plain_number`;
- `label_sets`: `COMMON_LABELS`, `SCALE_LABEL_SETS`, `NA_WORDS`;
- `answers`: `scale_labels`, `interpret`, `answer_texts`.
"""

from survey.importing.mapping.answers import (
    MISSING,
    Answer,
    AnswerText,
    answer_texts,
    interpret,
    scale_labels,
    user_label,
)
from survey.importing.mapping.columns import (
    META_PREFIX,
    PROBLEM_COLUMN_NAMES,
    RESPONDENT,
    SPECIAL_TARGETS,
    WAVE,
    Target,
    column_keys,
    propose_columns,
    targets,
    wave_source,
)
from survey.importing.mapping.label_sets import (
    COMMON_LABELS,
    NA_WORDS,
    SCALE_LABEL_SETS,
    is_not_applicable,
    label_set_points,
)
from survey.importing.mapping.matching import normalise
from survey.importing.mapping.names import ATTRIBUTE_NAMES, COMMENT_NAMES, RESPONDENT_NAMES, WAVE_NAMES
from survey.importing.mapping.numbers import is_plain_number, parse_number

__all__ = [
    "ATTRIBUTE_NAMES",
    "COMMENT_NAMES",
    "COMMON_LABELS",
    "META_PREFIX",
    "MISSING",
    "NA_WORDS",
    "PROBLEM_COLUMN_NAMES",
    "RESPONDENT",
    "RESPONDENT_NAMES",
    "SCALE_LABEL_SETS",
    "SPECIAL_TARGETS",
    "WAVE",
    "WAVE_NAMES",
    "Answer",
    "AnswerText",
    "Target",
    "answer_texts",
    "column_keys",
    "interpret",
    "is_not_applicable",
    "is_plain_number",
    "label_set_points",
    "normalise",
    "parse_number",
    "propose_columns",
    "scale_labels",
    "targets",
    "user_label",
    "wave_source",
]
