"""Benchmarks for metrics/ (run by hand; the test suite runs them once at a tiny size).

    .venv/bin/python bench/bench_metrics.py [--rows 1000000] [--pls-rows 100000] [--repeat 3]
        [--plspm-python /tmp/plspm-env/bin/python] [--only overview|pls] [--results FILE] [--no-record]

1. overview: every overview figure — satisfaction index over a three-level tree, NPS with its interval,
   loyalty index, gaps per indicator — on 1,000,000 responses × 30 items, against a floor measured in the
   same run on the same frame: plain `DataFrame.mean()` plus one `value_counts()`. Target: within 3×.
2. pls_250x27 / pls_100000x27: `pls_path_model` (centroid) on the ECSI data and on --pls-rows rows resampled
   from it, against the `plspm` package (Python port) run in a separate venv with pandas<3, since plspm
   does not run on pandas 3. Build that venv with:
       python3 -m venv /tmp/plspm-env && /tmp/plspm-env/bin/pip install "pandas<3" "numpy<2" plspm
3. pls_quality_250x27: the reviewer's fit as seminr / SmartPLS set it up (`scheme="path"`,
   `standardize=True`) with its quality figures (HTMT, reliability, inner and item VIF, f² by refitting
   without each path, total effects) and 500 bootstrap resamples (paths, HTMT and total effects), against
   the same work written directly in numpy (`numpy_pls_quality` below: a plain Wold loop, no checks, no
   tables). Target: within 3×.
4. pls_bootstrap_500_100000x27: the same fit with 500 resamples on --pls-rows rows; its time only.

Each benchmark appends one line to --results (bench/RESULTS.md):
    NAME: project T s, baseline T s, ratio R (machine, date)
Timings are the best of `--repeat` runs.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import REPO, Recorder, arguments, best_of
from metrics import item_gaps, loyalty_index, nps, pls_path_model, satisfaction_index
from metrics.pls import PLSResult
from tests.reference import PLSPM_BLOCKS as BLOCKS
from tests.reference import PLSPM_PATHS as PATHS

ECSI = REPO.parent / "shared" / "data" / "ecsi_mobile_satisfaction.csv"


# ---- 1. overview ----------------------------------------------------------------------------------------------


def survey_frame(rows: int, seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame, dict, list]:
    """30 items: 18 perception (3 dimensions × 2 indicators × 3 items), 6 expectation (one per indicator),
    5 loyalty, 1 recommend (0–10); 1–7 scales; about 5 % missing."""
    rng = np.random.default_rng(seed)
    codes, parents, weights, pairs = [], [], [], {}
    for d in range(3):
        codes.append(f"D{d}")
        parents.append(None)
        weights.append(rng.uniform(1, 3))
        for i in range(2):
            ind = f"D{d}I{i}"
            codes.append(ind)
            parents.append(f"D{d}")
            weights.append(rng.uniform(1, 3))
            for k in range(3):
                codes.append(f"p_{d}{i}{k}")
                parents.append(ind)
                weights.append(1.0)
            pairs[ind] = (f"p_{d}{i}0", f"e_{d}{i}")
    tree = pd.DataFrame({"code": codes, "parent": pd.Series(parents, dtype=object), "weight": weights})
    items = [c for c in codes if c.startswith("p_")] + [e for _, e in pairs.values()]
    loyalty = [f"loy{k}" for k in range(5)]
    data = {c: rng.integers(1, 8, rows).astype(float) for c in items + loyalty}
    data["recommend"] = rng.integers(0, 11, rows).astype(float)
    frame = pd.DataFrame(data)
    frame = frame.mask(rng.random(frame.shape) < 0.05)
    return frame, tree, pairs, loyalty


def bench_overview(rows: int, repeat: int, out: Recorder) -> None:
    frame, tree, pairs, loyalty = survey_frame(rows)
    assert frame.shape == (rows, 30)

    def overview():
        satisfaction_index(frame, tree, scales=(1, 7))
        nps(frame["recommend"])
        loyalty_index(frame[loyalty], scales=(1, 7))
        item_gaps(frame, pairs)

    def floor():
        frame.mean()
        frame["recommend"].value_counts()

    overview()  # warm up
    project = best_of(overview, repeat)
    baseline = best_of(floor, repeat)
    out.timing(f"overview_{rows}x30", project, baseline, "floor = DataFrame.mean() + one value_counts()")


# ---- 2. PLS ---------------------------------------------------------------------------------------------------

PLSPM_SCRIPT = r"""
import json, sys, time
import pandas as pd
import plspm.config as c
from plspm.plspm import Plspm
from plspm.scheme import Scheme
from plspm.mode import Mode
blocks, paths, files, repeat = json.loads(sys.argv[1])
lvs = list(blocks)
m = pd.DataFrame(0, index=lvs, columns=lvs)
for t, ps in paths.items():
    for p in ps:
        m.loc[t, p] = 1
out = {}
for f in files:
    df = pd.read_csv(f)
    best = float("inf")
    for _ in range(repeat):
        config = c.Config(m, scaled=False)
        for lv, items in blocks.items():
            config.add_lv(lv, Mode.A, *[c.MV(i) for i in items])
        t = time.perf_counter()
        r = Plspm(df, config, Scheme.CENTROID)
        best = min(best, time.perf_counter() - t)
    out[f] = [best, float(r.path_coefficients().loc["SAT", "VAL"])]
print(json.dumps(out))
"""


def plspm_times(python: str, frames: dict, repeat: int) -> dict | None:
    if not Path(python).exists():
        print(f"plspm baseline skipped: {python} not found", file=sys.stderr)
        return None
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for name, df in frames.items():
            path = Path(tmp) / f"{name}.csv"
            df.to_csv(path, index=False)
            files[name] = str(path)
        args = json.dumps([BLOCKS, PATHS, list(files.values()), repeat])
        done = subprocess.run([python, "-c", PLSPM_SCRIPT, args], capture_output=True, text=True, timeout=3000)
        if done.returncode != 0:
            print("plspm baseline failed:\n" + done.stderr[-2000:], file=sys.stderr)
            return None
        raw = json.loads(done.stdout.strip().splitlines()[-1])
        return {name: raw[path] for name, path in files.items()}


def bench_pls(python: str, rows: int, repeat: int, out: Recorder) -> None:
    ecsi = pd.read_csv(ECSI, index_col=0).drop(columns="gender")
    rng = np.random.default_rng(1)
    big = ecsi.iloc[rng.integers(0, len(ecsi), rows)].reset_index(drop=True)
    frames = {"pls_250x27": ecsi, f"pls_{rows}x27": big}
    baseline = plspm_times(python, frames, repeat)
    for name, df in frames.items():
        fit = pls_path_model(df, BLOCKS, PATHS, scale=(0, 10))
        project = best_of(lambda df=df: pls_path_model(df, BLOCKS, PATHS, scale=(0, 10)), repeat)
        if baseline is None:
            out.timing(name, project, None, "plspm baseline not available")
            continue
        base_time, base_coef = baseline[name]
        agree = abs(base_coef - fit.path_coefficients.loc["SAT", "VAL"])
        out.timing(name, project, base_time, f"baseline = plspm 0.5.7 on pandas<3, VAL→SAT agrees to {agree:.0e}")


# ---- 3. PLS quality and bootstrap --------------------------------------------------------------------------


def _numpy_fit(x: np.ndarray, blocks: list[np.ndarray], adjacency: np.ndarray, tol: float = 1e-6) -> dict:
    """PLS path model, mode A, path weighting scheme, z-scored items: the Wold loop and nothing else."""
    n, j = x.shape[0], len(blocks)
    z = (x - x.mean(0)) / x.std(0)
    w = [np.ones(len(b)) for b in blocks]
    for _ in range(100):
        y = np.column_stack([z[:, b] @ wk for b, wk in zip(blocks, w)])
        y = (y - y.mean(0)) / y.std(0)
        r = np.corrcoef(y, rowvar=False)
        e = np.zeros((j, j))
        for k in range(j):
            pred = np.flatnonzero(adjacency[:, k])
            if len(pred):
                e[pred, k] = np.linalg.solve(r[np.ix_(pred, pred)], r[pred, k])
            succ = np.flatnonzero(adjacency[k])
            e[succ, k] = r[succ, k]
        inner = y @ e
        new = [z[:, b].T @ inner[:, k] / n for k, b in enumerate(blocks)]
        new = [wk / np.std(z[:, b] @ wk) for b, wk in zip(blocks, new)]
        done = max(np.abs(a - b).max() for a, b in zip(new, w)) < tol
        w = new
        if done:
            break
    y = np.column_stack([z[:, b] @ wk for b, wk in zip(blocks, w)])
    y = (y - y.mean(0)) / y.std(0)
    r = np.corrcoef(y, rowvar=False)
    beta = np.zeros((j, j))
    r2 = np.zeros(j)
    for k in range(j):
        pred = np.flatnonzero(adjacency[:, k])
        if len(pred):
            beta[pred, k] = np.linalg.solve(r[np.ix_(pred, pred)], r[pred, k])
            r2[k] = r[pred, k] @ beta[pred, k]
    return {"z": z, "y": y, "r": r, "beta": beta, "r2": r2}


def _numpy_htmt(z: np.ndarray, blocks: list[np.ndarray]) -> np.ndarray:
    c = np.abs(np.corrcoef(z, rowvar=False))
    j = len(blocks)
    mono = [c[np.ix_(b, b)][np.triu_indices(len(b), 1)].mean() if len(b) > 1 else np.nan for b in blocks]
    h = np.full((j, j), np.nan)
    for a in range(j):
        for b in range(a + 1, j):
            h[a, b] = h[b, a] = c[np.ix_(blocks[a], blocks[b])].mean() / np.sqrt(mono[a] * mono[b])
    return h


def numpy_pls_quality(x: np.ndarray, blocks: list[np.ndarray], adjacency: np.ndarray, resamples: int) -> float:
    """What `pls_path_model(..., scheme="path", standardize=True, bootstrap=resamples)` computes, in plain
    numpy: fit, HTMT, reliability, inner and item VIF, f² (one refit per path), total effects, and the
    bootstrap of paths, HTMT and total effects. Returns SAT's R² so the work cannot be optimised away."""
    j = len(blocks)
    fit = _numpy_fit(x, blocks, adjacency)
    z, y, r = fit["z"], fit["y"], fit["r"]
    _numpy_htmt(z, blocks)
    loadings = np.corrcoef(np.column_stack([z, y]), rowvar=False)[: z.shape[1], z.shape[1] :]
    for k, b in enumerate(blocks):  # alpha, rho_c, AVE, item VIF
        lam = loadings[b, k]
        cov = np.cov(z[:, b], rowvar=False)
        _alpha = len(b) / (len(b) - 1) * (1 - np.trace(cov) / cov.sum()) if len(b) > 1 else np.nan
        _rho_c = lam.sum() ** 2 / (lam.sum() ** 2 + (1 - lam**2).sum())
        _ave = (lam**2).mean()
        if len(b) > 1:
            np.diag(np.linalg.inv(np.corrcoef(z[:, b], rowvar=False)))
    for k in range(j):  # inner VIF and f²
        pred = np.flatnonzero(adjacency[:, k])
        if len(pred) > 1:
            np.diag(np.linalg.inv(r[np.ix_(pred, pred)]))
        for p in pred:
            dropped = adjacency.copy()
            dropped[p, k] = False
            (fit["r2"][k] - _numpy_fit(x, blocks, dropped)["r2"][k]) / (1 - fit["r2"][k])
    np.linalg.inv(np.eye(j) - fit["beta"].T)
    rng = np.random.default_rng(1)
    n = x.shape[0]
    for _ in range(resamples):
        boot = _numpy_fit(x[rng.integers(0, n, n)], blocks, adjacency)
        _numpy_htmt(boot["z"], blocks)
        np.linalg.inv(np.eye(j) - boot["beta"].T)
    return float(fit["r2"][-2])


def bench_pls_quality(rows: int, resamples: int, repeat: int, out: Recorder) -> None:
    ecsi = pd.read_csv(ECSI, index_col=0).drop(columns="gender")
    constructs = list(BLOCKS)
    items = [i for c in constructs for i in BLOCKS[c]]
    at = {i: k for k, i in enumerate(items)}
    blocks = [np.array([at[i] for i in BLOCKS[c]]) for c in constructs]
    adjacency = np.zeros((len(constructs), len(constructs)), dtype=bool)
    for dep, preds in PATHS.items():
        for p in preds:
            adjacency[constructs.index(p), constructs.index(dep)] = True

    def project(df: pd.DataFrame) -> PLSResult:
        return pls_path_model(df, BLOCKS, PATHS, scheme="path", standardize=True, bootstrap=resamples, seed=1)

    fit = project(ecsi)
    base_r2 = numpy_pls_quality(ecsi[items].to_numpy(float), blocks, adjacency, 0)
    agree = abs(base_r2 - fit.r_squared["SAT"])
    mine = best_of(lambda: project(ecsi), repeat)
    base = best_of(lambda: numpy_pls_quality(ecsi[items].to_numpy(float), blocks, adjacency, resamples), repeat)
    out.timing(
        "pls_quality_250x27",
        mine,
        base,
        f"{resamples} resamples, HTMT, reliability, VIF, f², total effects; baseline = the same in plain numpy, "
        f"R²(SAT) agrees to {agree:.0e}",
    )
    rng = np.random.default_rng(2)
    big = ecsi.iloc[rng.integers(0, len(ecsi), rows)].reset_index(drop=True)
    took = best_of(lambda: project(big), 1)
    out.timing(f"pls_bootstrap_{resamples}_{rows}x27", took, None, f"{resamples} resamples of {rows:,} rows")


def main() -> None:
    parser = arguments(__doc__, rows=1_000_000)
    parser.add_argument("--pls-rows", type=int, default=100_000, help="rows resampled for the large PLS fit")
    parser.add_argument("--plspm-python", default="/tmp/plspm-env/bin/python")
    parser.add_argument("--only", choices=["overview", "pls", "quality"])
    parser.add_argument("--resamples", type=int, default=500, help="bootstrap resamples of the quality fits")
    args = parser.parse_args()
    out = Recorder.from_args(args)
    if args.only in (None, "overview"):
        bench_overview(args.rows, args.repeat, out)
    if args.only in (None, "pls"):
        bench_pls(args.plspm_python, args.pls_rows, args.repeat, out)
    if args.only in (None, "quality"):
        bench_pls_quality(args.pls_rows, args.resamples, args.repeat, out)


if __name__ == "__main__":
    main()
