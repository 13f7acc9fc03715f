"""What the dashboards' sidebar selected (`Selection`): made by `ui.filters`, read by `ui.figures` and the report."""

from __future__ import annotations

from dataclasses import dataclass

from survey.analysis import AnalysisInputs
from survey.design.definition import SurveyDefinition
from survey.i18n import text
from survey.storage.store import SurveySummary


@dataclass(frozen=True)
class Selection:
    """What the sidebar selected; `figures` computes from it (`key` is what its caches are keyed on).

    source: (workspace id, survey id, data version, weighting scheme key or ()) — the responses loaded.
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
    weighting: str = ""  # the weighting scheme's name ("": unweighted); its weights travel in `source`

    @property
    def key(self) -> tuple:
        return (self.source, self.versions, self.waves, self.segments)

    @property
    def segment_map(self) -> dict:
        return dict(self.segments)

    def filter_lines(self, lang: str) -> tuple[str, ...]:
        """The filters of the selection and the responses they keep, one line each, in `lang` (the report's
        cover, the exports' "About" sheet)."""
        lines = [text(lang, "dash.filtered_count", count=self.responses, total=self.total)]
        if self.versions:
            version = text(lang, "dash.version_n", number=self.versions[0])
        else:
            version = text(lang, "dash.all_versions")
        lines.append(text(lang, "report.filter", name=text(lang, "common.version"), values=version))
        sep = "、" if lang == "zh" else ", "
        waves = sep.join(self.waves) if self.waves else text(lang, "dash.all")
        lines.append(text(lang, "report.filter", name=text(lang, "dash.wave"), values=waves))
        for name, values in self.segments:
            node = self.defn.node(name)
            label = node.label(lang) if node else name
            lines.append(text(lang, "report.filter", name=label, values=sep.join(values)))
        if self.weighting:
            lines.append(text(lang, "report.weighted", name=self.weighting))
        return tuple(lines)

    def labels(self, lang: str) -> dict:
        """code → label in `lang` for every node and item of the survey."""
        return {n.code: n.label(lang) for n in self.defn.nodes}
