"""Words of open-text comments in Chinese and English: tokens, word frequencies, and the terms that
distinguish one group of comments from another (detractors from promoters).

`tokenize` splits a text by script: runs of Chinese characters are segmented by jieba (its dictionary ships
inside the package; nothing is downloaded), everything else is split into lower-case word tokens (letters
and digits, an inner apostrophe kept: "don't"). Mixed text ("老师很好 but too fast") is handled in one pass.
Stop words (`STOP_WORDS`: a short curated list of function words in each language) and punctuation are
left out, as are tokens made only of digits and single Latin letters. Negations ("不", "没有", "not", "no")
are not stop words: "not helpful" says what a detractor means.

`distinguishing_terms` ranks terms by the weighted log-odds ratio with an informative Dirichlet prior of
Monroe, Colaresi & Quinn (2008), "Fightin' words", Political Analysis 16(4), 372–403, eq. 22 and 24: for
term w with counts y_a, y_b in the two groups (totals n_a, n_b), and the prior α_w = prior · (y_a + y_b)
(the combined corpus as the background, α_0 = Σ α_w = prior · (n_a + n_b)):

    δ_w = log((y_a + α_w) / (n_a + α_0 − y_a − α_w)) − log((y_b + α_w) / (n_b + α_0 − y_b − α_w))
    σ²(δ_w) ≈ 1 / (y_a + α_w) + 1 / (y_b + α_w)
    z_w = δ_w / σ(δ_w)

A positive z: the term is more typical of group a. z ranks the terms (a term used often and only by one
group comes first, a term said once comes last); it is a ranking score, not a test over many terms at once.

Hand-computed example: a = "bad service", "bad food"; b = "good food", "good service"; prior 0.5. Counts:
bad 2/0, food 1/1, service 1/1, good 0/2; n_a = n_b = 4; α_bad = 0.5 · 2 = 1 (every term here: 1); α_0 = 4.
δ_bad = log(3 / (8 − 3)) − log(1 / (8 − 1)) = log(21 / 5) = 1.4351; σ² = 1/3 + 1/1 = 4/3;
z_bad = 1.4351 / 1.1547 = 1.2428. food and service: δ = 0; good: −1.4351, z −1.2428.

    >>> table = distinguishing_terms(["bad service", "bad food"], ["good food", "good service"], prior=0.5)
    >>> table.round(4).values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['bad', 2, 0, 1.4351, 1.2428], ['food', 1, 1, 0.0, 0.0], ['service', 1, 1, 0.0, 0.0],
     ['good', 0, 2, -1.4351, -1.2428]]
    >>> tokenize("老师讲得很清楚，但是作业太多了! The homework is TOO much, don't you think?")
    ['老师', '讲得', '清楚', '作业', '太多', 'homework', "don't", 'think']
    >>> term_frequencies(["作业太多了", "作业太多了，作业！", None]).to_dict("records")
    [{'term': '作业', 'count': 3, 'comments': 2}, {'term': '太多', 'count': 2, 'comments': 2}]
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Iterable

import numpy as np
import pandas as pd

STOP_WORDS_ZH = frozenset(
    """
    的 了 是 我 你 他 她 它 们 我们 你们 他们 她们 在 和 与 及 跟 同 也 都 就 还 又 很 挺 太 非常 比较 有 这 那
    这个 那个 这些 那些 这样 那样 一个 一些 一点 吧 吗 呢 啊 呀 哦 嗯 哈 着 过 被 把 对 给 让 从 到 为 以 而 但
    但是 而且 并且 可以 可能 因为 所以 如果 或者 还是 就是 什么 怎么 自己 会 要 能 得 地 之 其 等 上 下 中 里
    个 些 更 最 已经 觉得 感觉 希望 建议 一下 有点 有些 真的 其他 没什么 啦 哟 么 嘛
    """.split()
)
STOP_WORDS_EN = frozenset(
    """
    a an the and or but if of to in on at for with by from as is are was were be been being am it its it's
    this that these those i i'm me my we our us you your he she they them their his her there here so very
    too do does did have has had will would can could should just also than then about into really quite
    what which who when where how all any some much more most such only own same s t i've i'd we're
    you're they're there's that's let's
    """.split()
)
STOP_WORDS = {"zh": STOP_WORDS_ZH, "en": STOP_WORDS_EN}
DEFAULT_PRIOR = 0.5

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RUN = re.compile(f"([{_HAN}]+)")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_segmenter = None


def _jieba():
    """jieba's default segmenter, loaded once and quietly (no "Building prefix dict" lines in the log)."""
    global _segmenter
    if _segmenter is None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        _segmenter = jieba
    return _segmenter


def _stop_words(language: str | None) -> frozenset[str]:
    if language is None:
        return STOP_WORDS_ZH | STOP_WORDS_EN
    if language not in STOP_WORDS:
        raise ValueError(f"unknown language {language!r}: use 'zh', 'en' or None (both)")
    return STOP_WORDS[language]


def tokenize(text: str | None, *, language: str | None = None) -> list[str]:
    """The words of `text` in order (see the module docstring); `language` ("zh", "en", None = both) chooses
    the stop words left out; a missing text (None, NaN) has no words."""
    stop = _stop_words(language)
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return []
    words: list[str] = []
    for i, part in enumerate(_HAN_RUN.split(str(text))):
        if i % 2:  # a run of Chinese characters
            candidates = _jieba().lcut(part)
        else:
            candidates = [w.replace("’", "'") for w in _WORD.findall(part.lower())]
        for word in candidates:
            if word in stop or word.isdigit() or (len(word) == 1 and word.isascii() and word.isalpha()):
                continue
            words.append(word)
    return words


def _texts(texts: Iterable[str | None], language: str | None) -> list[list[str]]:
    if isinstance(texts, str):
        raise ValueError("give a list of texts, not one text")
    return [tokenize(x, language=language) for x in texts]


def term_frequencies(texts: Iterable[str | None], *, language: str | None = None) -> pd.DataFrame:
    """How often each term occurs in `texts` (missing texts skipped).

    Columns: term, count (occurrences), comments (texts using it at least once); most frequent first, ties
    in the order of the term.
    """
    tokens = _texts(texts, language)
    count = Counter(w for words in tokens for w in words)
    comments = Counter(w for words in tokens for w in set(words))
    frame = pd.DataFrame(
        {"term": list(count), "count": list(count.values()), "comments": [comments[w] for w in count]},
        columns=["term", "count", "comments"],
    )
    frame = frame.astype({"term": object, "count": "int64", "comments": "int64"})
    return frame.sort_values(["count", "term"], ascending=[False, True], ignore_index=True)


def distinguishing_terms(
    group_a_texts: Iterable[str | None],
    group_b_texts: Iterable[str | None],
    *,
    prior: float = DEFAULT_PRIOR,
    language: str | None = None,
) -> pd.DataFrame:
    """The terms that distinguish the texts of group a from those of group b: Monroe, Colaresi & Quinn's
    weighted log-odds with an informative Dirichlet prior (formula and example in the module docstring).

    prior: the weight of the combined corpus as the prior, α_w = prior · (y_a + y_b); must be > 0.
    Columns: term, count_a, count_b, log_odds (δ_w), z (δ_w / σ); highest z (most typical of a) first,
    ties in the order of the term. Empty when neither group has a word; log_odds and z are NaN when one
    group has none, and when both use one and the same single term.
    """
    if not (isinstance(prior, int | float) and math.isfinite(prior) and prior > 0):
        raise ValueError(f"prior must be a positive number, not {prior!r}")
    a = Counter(w for words in _texts(group_a_texts, language) for w in words)
    b = Counter(w for words in _texts(group_b_texts, language) for w in words)
    terms = sorted(a.keys() | b.keys())
    columns = ["term", "count_a", "count_b", "log_odds", "z"]
    if not terms:
        return pd.DataFrame(columns=columns)
    y_a = np.array([a[w] for w in terms], dtype=float)
    y_b = np.array([b[w] for w in terms], dtype=float)
    n_a, n_b = y_a.sum(), y_b.sum()
    if not (n_a and n_b):  # nothing to compare with: the counts, no log-odds
        frame = pd.DataFrame({"term": terms, "count_a": y_a.astype("int64"), "count_b": y_b.astype("int64")})
        frame["log_odds"] = frame["z"] = math.nan
        return frame.astype({"term": object})
    alpha = prior * (y_a + y_b)
    alpha_0 = prior * (n_a + n_b)
    with np.errstate(divide="ignore", invalid="ignore"):  # one term only: p = 1 has no odds (NaN)
        delta = np.log((y_a + alpha) / (n_a + alpha_0 - y_a - alpha)) - np.log(
            (y_b + alpha) / (n_b + alpha_0 - y_b - alpha)
        )
    delta[~np.isfinite(delta)] = math.nan
    z = delta / np.sqrt(1 / (y_a + alpha) + 1 / (y_b + alpha))
    frame = pd.DataFrame(
        {"term": terms, "count_a": y_a.astype("int64"), "count_b": y_b.astype("int64"), "log_odds": delta, "z": z}
    )
    frame["term"] = frame["term"].astype(object)
    return frame.sort_values(["z", "term"], ascending=[False, True], ignore_index=True)
