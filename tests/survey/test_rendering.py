"""Drawing in worker processes: a renderer that aborts, hangs or grows never takes the caller with it."""

import os
import threading
import xml.etree.ElementTree as ET

import pytest

from survey.reporting import exports, rendering
from survey.reporting.report import png_size

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def bar_spec(label: str, points: int = 1) -> dict:
    return {
        "data": {"values": [{"a": f"{label}{k}", "b": k} for k in range(points)]},
        "mark": "bar",
        "encoding": {"x": {"field": "a", "type": "nominal"}, "y": {"field": "b", "type": "quantitative"}},
    }


def scatter_spec(points: int) -> dict:
    return {
        "data": {"values": [{"x": k, "y": k % 97} for k in range(points)]},
        "mark": "point",
        "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "y", "type": "quantitative"}},
    }


def test_a_label_that_makes_the_renderer_abort_costs_the_worker_not_the_caller():
    # The raw spec, not made safe: vl-convert panics on a bell character and aborts its process.
    with pytest.raises(rendering.RenderError) as err:
        rendering.run(("png", bar_spec("bell\x07"), 1))
    assert err.value.key == "render.crashed"
    # the caller (here pytest, on the server the Streamlit process) goes on, and the next job gets a new worker
    png = rendering.run(("png", bar_spec("fine"), 1))
    assert png.startswith(PNG_MAGIC)


@pytest.mark.parametrize("hostile", ["\x07", "\x0b", "\x1f", "\ufffe", "\x00", "\ud800"])
def test_chart_exports_draw_hostile_labels_as_replacement_characters(hostile):
    spec = bar_spec(f"label{hostile}")
    spec["title"] = f"title{hostile}"
    png = exports.chart_png(spec)
    assert png.startswith(PNG_MAGIC)
    svg = exports.chart_svg(spec).decode("utf-8")
    assert "\ufffd" in svg and hostile not in svg


@pytest.mark.parametrize("typed", ["\\0", "\\3", '\\"', "C:\\survey\\", "\\u0041"])
def test_a_backslash_in_a_title_or_a_field_name_is_drawn_and_shown(typed):
    # Vega-Lite writes axis and tooltip titles into expressions without escaping a backslash: "\0" there
    # drew a NUL into the SVG, "\3" was a parse error that lost the chart.
    label = f"class{typed}"
    field = label.replace('"', "")  # a quote or a dot in a field name is Vega's access path: codes hold neither
    spec = bar_spec(label)
    spec["data"]["values"] = [{field: "x", "b": 1}]
    spec["encoding"]["x"] = {"field": field, "type": "nominal", "title": label}
    spec["encoding"]["tooltip"] = [{"field": "b", "type": "quantitative", "title": label}]
    spec["title"] = label
    assert exports.chart_png(spec, scale=1).startswith(PNG_MAGIC)
    svg = exports.chart_svg(spec).decode("utf-8")
    ET.fromstring(svg)
    shown = label.replace("\\", exports.BACKSLASH_SHOWN).replace('"', "&quot;")
    assert svg.count(shown) >= 2  # the chart's title and the axis title, as typed but for the backslash


def test_a_title_of_2500_characters_is_cut_at_the_chart_width():
    spec = bar_spec("x")
    spec["title"] = "w" * 2500
    width, height = png_size(exports.chart_png(spec, scale=1))
    assert width < 1000 and height < 1000  # not a 17,000-pixel-wide strip


def test_a_job_over_its_time_is_stopped_and_the_next_one_runs():
    with pytest.raises(rendering.RenderError) as err:
        rendering.run(("png", scatter_spec(150_000), 2), seconds=0.2)
    assert err.value.key == "render.timeout"
    assert rendering.run(("svg", bar_spec("after")))[:5] in (b"<svg ", b"<?xml")


def test_a_job_over_its_memory_is_stopped():
    with pytest.raises(rendering.RenderError) as err:
        rendering.run(("png", scatter_spec(150_000), 2), memory=120 * 1024 * 1024)
    assert err.value.key == "render.memory"
    assert rendering.run(("png", bar_spec("after"), 1)).startswith(PNG_MAGIC)


def test_an_exception_in_the_worker_comes_back_as_a_failure():
    with pytest.raises(rendering.RenderError) as err:
        rendering.run(("png", {"mark": "no-such-mark"}, 1))
    assert err.value.key == "render.failed" and err.value.detail
    with pytest.raises(rendering.RenderError) as err:
        rendering.run(("no-such-job",))
    assert err.value.key == "render.failed"


def test_many_users_at_once_each_get_their_own_chart():
    results: dict[int, bytes] = {}

    def draw(k: int) -> None:
        results[k] = rendering.run(("svg", bar_spec(f"user{k}-")))

    threads = [threading.Thread(target=draw, args=(k,)) for k in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sorted(results) == list(range(6))
    for k, svg in results.items():
        assert f"user{k}-0".encode() in svg


def test_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("RENDER_TIMEOUT_S", "2.5")
    monkeypatch.setenv("RENDER_MEMORY_MB", "300")
    monkeypatch.setenv("RENDER_WORKERS", "3")
    assert (rendering.timeout(), rendering.memory_limit(), rendering.workers()) == (2.5, 300 << 20, 3)
    monkeypatch.setenv("RENDER_TIMEOUT_S", "soon")
    monkeypatch.setenv("RENDER_MEMORY_MB", "-1")
    assert (rendering.timeout(), rendering.memory_limit()) == (60.0, 1500 << 20)


def test_stopped_workers_leave_no_process_behind():
    rendering.run(("png", bar_spec("x"), 1))
    pids = [w.process.pid for w in rendering._POOL._all if w.process is not None]
    assert pids
    rendering.stop()
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
