"""What the dashboards' sidebar selected (`Selection`): made by `ui.filters`, read by `ui.figures` and the report."""

from __future__ import annotations

from dataclasses import dataclass

from survey.analysis import AnalysisInputs
from survey.design.definition import SurveyDefinition
from survey.storage.store import SurveySummary


@dataclass(frozen=True)
class Selection:
    """What the sidebar selected; `figures` computes from it (`key` is what its caches are keyed on).

    source: (workspace id, survey id, data version) — the responses loaded.
    versions: version numbers kept (empty = all); waves, segments likewise.
    responses: responses after the filters; total: responses of the survey.
    """

    survey: SurveySummary
    defn: SurveyDefinition
    inputs: AnalysisInputs
    source: tuple
    versions: tuple
    waves: tuple
    segments: tuple
    responses: int
    total: int

    @property
    def key(self) -> tuple:
        return (self.source, self.versions, self.waves, self.segments)

    @property
    def segment_map(self) -> dict:
        return dict(self.segments)

    def labels(self, lang: str) -> dict:
        """code → label in `lang` for every node and item of the survey."""
        return {n.code: n.label(lang) for n in self.defn.nodes}
