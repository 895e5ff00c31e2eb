"""The neural tagger's forward pass in numpy (issue 16, session 15; trained offline by
``python -m tools.refmodel.neural``, which needs PyTorch; running it needs numpy only).

Each token's own CRF feature names (``features.crf_items`` less the names about its
neighbours) index learned vectors, summed and squashed (tanh); a bidirectional LSTM reads the
whole string and a linear layer gives each token a score per label. Off unless ``use`` names
a weights file (an experiment: see docs/reference-parser.md, session 15).
"""
from __future__ import annotations

from typing import Any, Dict, List, Sequence

_NEIGHBOUR = (b"-1:", b"-2:", b"1:", b"2:", b"-3:", b"3:", b"bi-1=", b"bi+1=")


class Tagger:
    def __init__(self, path: str) -> None:
        import numpy as np

        with np.load(path) as z:
            arrays = {k: z[k] for k in z.files}
        self.np = np
        names = bytes(arrays["names"]).split(b"\n")
        self.index: Dict[bytes, int] = {name: i + 1 for i, name in enumerate(names)}
        self.labels: List[str] = str(arrays["labels"]).split("\n")
        self.emb = arrays["emb"].astype(np.float32)
        self.out_w = arrays["out_w"].T.astype(np.float32)
        self.out_b = arrays["out_b"].astype(np.float32)
        # log transition probabilities between labels (and from the start), for a Viterbi decoding
        self.trans = arrays["trans"].astype(np.float32) if "trans" in arrays else None
        self.start = arrays["start"].astype(np.float32) if "start" in arrays else None
        self.end = arrays["end"].astype(np.float32) if "end" in arrays else None
        # a chain fitted with the tagger (its transitions add to the raw scores), else the
        # transitions counted in the fitting strings (they add to the log-probabilities)
        self.chain = "chain" in arrays
        self.weight = 1.0
        self.layers = []
        for layer in range(int(arrays["layers"])):
            self.layers.append(self._layer(arrays, layer))

    def _layer(self, arrays, layer: int):
        """One layer's weights for ``_bilstm``: the gates reordered to input, forget, output,
        cell (PyTorch keeps input, forget, cell, output) with the first three's rows halved, so
        that one tanh gives every gate (sigmoid(x) = (1 + tanh(x / 2)) / 2); the recurrent
        weights of the two directions as one block matrix (one product a step for both)."""
        np = self.np
        w_ih, bias, w_hh = [], [], []
        for suffix in ("", "_reverse"):
            wi = arrays[f"weight_ih_l{layer}{suffix}"].astype(np.float64)
            wh = arrays[f"weight_hh_l{layer}{suffix}"].astype(np.float64)
            b = (arrays[f"bias_ih_l{layer}{suffix}"] + arrays[f"bias_hh_l{layer}{suffix}"]).astype(np.float64)
            h = wh.shape[1]
            order = np.concatenate([np.arange(0, 2 * h), np.arange(3 * h, 4 * h), np.arange(2 * h, 3 * h)])
            scale = np.concatenate([np.full(3 * h, 0.5), np.ones(h)])
            w_ih.append((wi[order] * scale[:, None]).T)
            w_hh.append((wh[order] * scale[:, None]).T)
            bias.append(b[order] * scale)
        h = w_hh[0].shape[0]
        block = np.zeros((2 * h, 8 * h))
        block[:h, :4 * h] = w_hh[0]
        block[h:, 4 * h:] = w_hh[1]
        f32 = np.float32
        return (np.concatenate(w_ih, axis=1).astype(f32), np.concatenate(bias).astype(f32), block.astype(f32), h)

    def scores(self, items: Sequence):
        """(tokens, labels) scores of one string's crfsuite items."""
        np = self.np
        index = self.index
        ids: List[int] = []
        starts: List[int] = []
        for item in items:
            starts.append(len(ids))
            ids.extend([i for i in map(index.get, [n for n in item if not n.startswith(_NEIGHBOUR)]) if i])
            if len(ids) == starts[-1]:
                ids.append(0)  # no known name: the zero vector
        x = np.tanh(np.add.reduceat(self.emb[ids], starts, axis=0))
        for w_ih, bias, block, h in self.layers:
            x = self._bilstm(x, w_ih, bias, block, h)
        return x @ self.out_w + self.out_b

    def _bilstm(self, x, w_ih, bias, block, h: int):
        np = self.np
        n = x.shape[0]
        pre = x @ w_ih + bias  # (n, 8h): the forward direction's gates, then the backward's
        pre[:, 4 * h:] = pre[::-1, 4 * h:].copy()  # step t reads token t forwards, n - 1 - t backwards
        pre = pre.reshape(n, 2, 4 * h)
        out = np.empty((n, 2, h), dtype=np.float32)
        state = np.zeros(2 * h, dtype=np.float32)
        cell = np.zeros((2, h), dtype=np.float32)
        tanh = np.tanh
        h2, h3 = 2 * h, 3 * h
        for t in range(n):
            g = tanh((state @ block).reshape(2, 4 * h) + pre[t])
            s = g[:, :h3] * 0.5 + 0.5
            cell = s[:, h:h2] * cell + s[:, :h] * g[:, h3:]
            hidden = s[:, h2:h3] * tanh(cell)
            out[t] = hidden
            state = hidden.reshape(2 * h)
        return np.concatenate((out[:, 0], out[::-1, 1]), axis=1)

    def probabilities(self, items: Sequence):
        np = self.np
        s = self.scores(items)
        e = np.exp(s - s.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def tag(self, items: Sequence) -> List[str]:
        labels = self.labels
        if self.trans is None:
            return [labels[k] for k in self.scores(items).argmax(axis=1)]
        if self.chain:
            return [labels[k] for k in self.viterbi(self.scores(items))]
        return [labels[k] for k in self.viterbi(self.np.log(self.probabilities(items) + 1e-9))]

    def viterbi(self, logp: Any) -> List[int]:
        """The best label sequence under the token log-probabilities plus ``weight`` times the
        label transitions' log-probabilities (the runs a single token's argmax breaks up)."""
        np = self.np
        assert self.trans is not None and self.start is not None
        trans = self.trans * self.weight
        score = logp[0] + self.start * self.weight
        back = []
        for t in range(1, logp.shape[0]):
            cand = score[:, None] + trans
            best = cand.argmax(axis=0)
            back.append(best)
            score = cand[best, np.arange(trans.shape[0])] + logp[t]
        if self.end is not None:
            score = score + self.end * self.weight
        k = int(score.argmax())
        path = [k]
        for best in reversed(back):
            k = int(best[k])
            path.append(k)
        return path[::-1]


_tagger: Tagger | None = None
_mix = 1.0


def use(path: str | None, mix: float = 1.0) -> None:
    """Tag with the weights at ``path`` (None: the CRF alone); ``mix`` < 1 averages the tagger's
    label probabilities (weight ``mix``) with the CRF's marginals."""
    global _tagger, _mix
    _tagger = Tagger(path) if path else None
    _mix = mix


def active() -> bool:
    """Whether ``use`` gave the tagger weights (`python -m tools.refmodel.neural score` does)."""
    return _tagger is not None


def relabel(items: Sequence, crf_tagger) -> List[str]:
    """The labels of one string's items: the tagger's alone, or mixed with ``crf_tagger``'s."""
    assert _tagger is not None
    if _mix >= 1.0:
        return _tagger.tag(items)
    np = _tagger.np
    labels = _tagger.labels
    crf_tagger.tag(items)  # the marginals below are of this tagging
    prob = _tagger.probabilities(items) * _mix
    known = set(crf_tagger.labels())
    crf = np.array([[crf_tagger.marginal(lab, t) if lab in known else 0.0 for lab in labels]
                    for t in range(len(items))])
    return [labels[k] for k in (prob + (1 - _mix) * crf).argmax(axis=1)]


__all__ = ["Tagger", "active", "relabel", "use"]
