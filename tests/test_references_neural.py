"""The neural tagger's numpy forward pass (tools/refmodel/neural_tagger.py; an experiment of issue 16,
off by default): it stays off unless asked, reads a weights file of the layout
tools/refmodel/neural.py writes, and its LSTM and Viterbi decoding compute what they should."""
from __future__ import annotations

import itertools

import numpy as np
import pytest

from tools.refmodel import neural_tagger as neural


def _weights(path, chain: bool, hidden: int = 3, dim: int = 4) -> None:
    rng = np.random.default_rng(0)
    names = [b"w=smith", b"cap", b"year"]
    labels = ["author", "title", "date"]
    arrays = {"emb": rng.standard_normal((len(names) + 1, dim)).astype(np.float16),
              "out_w": rng.standard_normal((len(labels), 2 * hidden)).astype(np.float32),
              "out_b": rng.standard_normal(len(labels)).astype(np.float32),
              "names": np.array(b"\n".join(names)), "labels": np.array("\n".join(labels)), "layers": np.array(1)}
    for suffix in ("", "_reverse"):
        arrays[f"weight_ih_l0{suffix}"] = rng.standard_normal((4 * hidden, dim)).astype(np.float32)
        arrays[f"weight_hh_l0{suffix}"] = rng.standard_normal((4 * hidden, hidden)).astype(np.float32)
        arrays[f"bias_ih_l0{suffix}"] = rng.standard_normal(4 * hidden).astype(np.float32)
        arrays[f"bias_hh_l0{suffix}"] = rng.standard_normal(4 * hidden).astype(np.float32)
    if chain:
        arrays.update(trans=rng.standard_normal((3, 3)), start=rng.standard_normal(3), end=rng.standard_normal(3),
                      chain=np.array(1))
    np.savez(path, **arrays)


def _reference_lstm(z, x, suffix: str):
    """PyTorch's LSTM equations, written out plainly (gates input, forget, cell, output)."""
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    w_ih, w_hh = z[f"weight_ih_l0{suffix}"].astype(np.float64), z[f"weight_hh_l0{suffix}"].astype(np.float64)
    b = (z[f"bias_ih_l0{suffix}"] + z[f"bias_hh_l0{suffix}"]).astype(np.float64)
    h = np.zeros(w_hh.shape[1])
    c = np.zeros(w_hh.shape[1])
    out = []
    for row in x:
        g = w_ih @ row + w_hh @ h + b
        i, f, cell, o = np.split(g, 4)
        c = sig(f) * c + sig(i) * np.tanh(cell)
        h = sig(o) * np.tanh(c)
        out.append(h)
    return np.array(out)


def test_off_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(neural, "_tagger", None)
    assert not neural.active()


def test_forward_pass_is_the_lstm(tmp_path) -> None:
    path = tmp_path / "w.npz"
    _weights(path, chain=False)
    tagger = neural.Tagger(str(path))
    items = [[b"w=smith", b"cap", b"-1:cap"], [b"unknown"], [b"year", b"1:w=smith"]]
    z = dict(np.load(path))
    emb = z["emb"].astype(np.float64)
    x = np.tanh(np.array([emb[1] + emb[2], emb[0], emb[3]]))  # neighbours' names are left out
    fwd = _reference_lstm(z, x, "")
    bwd = _reference_lstm(z, x[::-1], "_reverse")[::-1]
    expected = np.concatenate([fwd, bwd], axis=1) @ z["out_w"].T + z["out_b"]
    assert np.allclose(tagger.scores(items), expected, atol=1e-4)
    assert tagger.tag(items) == [tagger.labels[k] for k in expected.argmax(axis=1)]


def test_viterbi_finds_the_best_path(tmp_path) -> None:
    path = tmp_path / "w.npz"
    _weights(path, chain=True)
    tagger = neural.Tagger(str(path))
    scores = np.random.default_rng(1).standard_normal((4, 3))
    best = max(itertools.product(range(3), repeat=4),
               key=lambda p: tagger.start[p[0]] + sum(scores[t, k] for t, k in enumerate(p))
               + sum(tagger.trans[a, b] for a, b in zip(p, p[1:])) + tagger.end[p[-1]])
    assert tuple(tagger.viterbi(scores)) == best


@pytest.fixture(autouse=True)
def _restore():
    yield
    neural.use(None)
