"""A small neural tagger over the whole string (issue 16, session 15): trained offline with
PyTorch, run at parse time in numpy (tools/refmodel/neural_tagger.py, kept out of the package: the tagger is not shipped); never a runtime
dependency on torch.

    python -m tools.refmodel.neural prepare --dev --out DIR [--drop-origin SOURCE]
    python -m tools.refmodel.neural fit --dev --crf-loss --out DIR --epochs 10 --decay-at 7 [--seed 1]
    python -m tools.refmodel.neural score --crf DEV_CRF --npz DIR/neural.npz [--mix W]

(docs/reference-parser.md, session 15: the chain tagger above reached DEV 0.9143 against the
CRF's 0.9129, within noise; not shipped.) The inputs of each token are the CRF's own feature
names for it (``features.crf_items``: the word, shape, affixes, flags, its area's and place's
names, the rules' labels), less the names that describe its neighbours (the BiLSTM sees those
itself), each name with a learned vector; the vectors of a token's names are summed, and a
bidirectional LSTM reads the sequence of sums over the whole string, so a boundary can depend on
anything before or after it; ``--crf-loss`` fits a linear-chain CRF over its scores with it
(Viterbi at run time), without it each token's label is its own argmax.
``prepare`` builds exactly the fitting strings ``train --dev`` builds (or, without ``--dev``,
the shipped model's), ``fit`` trains with fixed seeds and one thread (PyTorch, offline only),
chooses the epoch on the DEV tokens (``--dev``) and writes ``neural.npz``. ``score`` parses
DEV with the parser, its rules and the DEV CRF's known containers, the labels from the neural
tagger alone (``--mix 1``), from the CRF alone (``--mix -1``) or from the CRF's marginals and
the tagger's probabilities averaged (``--mix W``: the tagger's weight).
"""
from __future__ import annotations

import argparse
import collections
import os
import pickle
import sys
import time
from typing import Dict, List, Sequence, Tuple

from .refdata import LABELS, Labeled, load_all, split, split_dev
from .train import DEFAULT_REFDATA, sequence

NEIGHBOUR_PREFIXES = (b"-1:", b"-2:", b"1:", b"2:", b"-3:", b"3:", b"bi-1=", b"bi+1=")


def own_names(item) -> List[bytes]:
    """A crfsuite item's names that describe the token itself (not its neighbours)."""
    return [name for name in item if not name.startswith(NEIGHBOUR_PREFIXES)]


def fitting_strings(dev: bool, refdata: str = DEFAULT_REFDATA, drop: str = "") -> Tuple[List[Labeled], List[Labeled]]:
    """The strings ``train`` fits on with its default settings (``--dev``: without DEV), and DEV;
    ``drop``: leave out the refdata strings whose origin holds it (a source, 'anystyle/ugly.xml')."""
    from .partrender import render_parts
    from .rendered import load_items, render_all
    from .synth import generate, russian_titles

    refs = load_all(refdata)
    train_set, _, _ = split(refs)
    dev_set: List[Labeled] = []
    if dev:
        train_set, dev_set = split_dev(train_set)
    if drop:
        train_set = [r for r in train_set if drop not in r.origin]
    synthetic = generate(train_set, 5000)
    corpus = os.path.join(os.path.dirname(refdata.rstrip("/")), "corpus", "real")
    items = load_items(corpus)
    synthetic += render_all(items, 2000)
    synthetic += render_parts(items, 2000, russian_titles(train_set), russian_share=0.4)
    return list(train_set) + synthetic, dev_set


def encode(refs: Sequence[Labeled]) -> List[Tuple[List[List[bytes]], List[str]]]:
    out = []
    for ref in refs:
        x, y = sequence(ref)
        if x:
            out.append(([own_names(item) for item in x], y))
    return out


def cmd_prepare(a) -> int:
    t = time.time()
    fit, dev = fitting_strings(a.dev, drop=a.drop_origin)
    fit_seqs, dev_seqs = encode(fit), encode(dev)
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "data.pkl"), "wb") as fh:
        pickle.dump({"fit": fit_seqs, "dev": dev_seqs}, fh, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"prepared {len(fit_seqs)} fitting and {len(dev_seqs)} DEV strings in {time.time() - t:.0f} s")
    return 0


def _vocabulary(seqs, min_count: int) -> Dict[bytes, int]:
    counts: collections.Counter = collections.Counter()
    for names, _ in seqs:
        for token in names:
            counts.update(token)
    kept = sorted(name for name, c in counts.items() if c >= min_count)
    return {name: i + 1 for i, name in enumerate(kept)}  # 0: padding


def cmd_fit(a) -> int:
    import numpy as np
    import torch
    from torch import nn

    torch.set_num_threads(1)
    torch.manual_seed(a.seed)
    rng = np.random.default_rng(a.seed)
    with open(os.path.join(a.out, "data.pkl"), "rb") as fh:
        data = pickle.load(fh)
    vocab = _vocabulary(data["fit"], a.min_count)
    label_index = {lab: i for i, lab in enumerate(LABELS)}
    print(f"vocabulary {len(vocab)} names; {len(data['fit'])} fitting strings")

    def tensors(seqs):
        out = []
        for names, labels in seqs:
            ids, offsets = [], []
            for token in names:
                offsets.append(len(ids))
                ids.extend(vocab[n] for n in token if n in vocab)
            out.append((ids, offsets, [label_index[lab] for lab in labels]))
        return out

    fit, dev = tensors(data["fit"]), tensors(data["dev"])

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.emb = nn.EmbeddingBag(len(vocab) + 1, a.dim, mode="sum", padding_idx=0)
            self.drop = nn.Dropout(a.dropout)
            self.lstm = nn.LSTM(a.dim, a.hidden, num_layers=a.layers, bidirectional=True, batch_first=True,
                                dropout=a.dropout if a.layers > 1 else 0.0)
            self.out = nn.Linear(2 * a.hidden, len(LABELS))
            # a linear-chain CRF over the tagger's scores (--crf-loss): label transitions, start, end
            self.trans = nn.Parameter(torch.zeros(len(LABELS), len(LABELS)))
            self.start = nn.Parameter(torch.zeros(len(LABELS)))
            self.end = nn.Parameter(torch.zeros(len(LABELS)))

        def crf_nll(self, scores, gold, lens):
            """Negative log-likelihood of the gold sequences under the chain (summed)."""
            batch, steps, _ = scores.shape
            mask = torch.arange(steps)[None, :] < torch.tensor(lens)[:, None]
            g = gold.clamp(min=0)
            first = self.start[g[:, 0]] + scores[:, 0].gather(1, g[:, :1]).squeeze(1)
            emit = scores.gather(2, g.unsqueeze(2)).squeeze(2)[:, 1:]
            move = self.trans[g[:, :-1], g[:, 1:]]
            path = first + ((emit + move) * mask[:, 1:]).sum(1)
            last = g.gather(1, (torch.tensor(lens) - 1)[:, None]).squeeze(1)
            path = path + self.end[last]
            alpha = self.start[None, :] + scores[:, 0]
            for t in range(1, steps):
                nxt = torch.logsumexp(alpha[:, :, None] + self.trans[None], dim=1) + scores[:, t]
                alpha = torch.where(mask[:, t:t + 1], nxt, alpha)
            norm = torch.logsumexp(alpha + self.end[None, :], dim=1)
            return (norm - path).sum()

        def decode(self, scores, n):
            """Viterbi over one string's scores (n tokens)."""
            score = self.start + scores[0]
            back = []
            for t in range(1, n):
                cand = score[:, None] + self.trans
                best = cand.argmax(0)
                back.append(best)
                score = cand.max(0).values + scores[t]
            k = int((score + self.end).argmax())
            path = [k]
            for best in reversed(back):
                k = int(best[k])
                path.append(k)
            return torch.tensor(path[::-1])

        def forward(self, batch):
            lens = [len(lab) for _, _, lab in batch]
            ids = torch.tensor([i for b in batch for i in b[0]] or [0], dtype=torch.long)
            offsets, base = [], 0
            for b in batch:
                offsets.extend(base + o for o in b[1])
                base += len(b[0])
            vec = self.emb(ids, torch.tensor(offsets, dtype=torch.long))
            vec = torch.tanh(vec)
            seqs = torch.split(vec, lens)
            padded = nn.utils.rnn.pad_sequence(list(seqs), batch_first=True)
            packed = nn.utils.rnn.pack_padded_sequence(self.drop(padded), lens, batch_first=True, enforce_sorted=False)
            hidden, _ = self.lstm(packed)
            hidden, _ = nn.utils.rnn.pad_packed_sequence(hidden, batch_first=True)
            return self.out(self.drop(hidden)), lens

    model = Tagger()
    opt = torch.optim.Adam(model.parameters(), lr=a.lr)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-1)

    def batches(seqs, shuffle: bool):
        order = np.argsort([len(s[2]) for s in seqs], kind="stable")
        groups = [order[i:i + a.batch] for i in range(0, len(order), a.batch)]
        if shuffle:
            rng.shuffle(groups)
        for g in groups:
            yield [seqs[i] for i in g]

    def dev_accuracy() -> float:
        model.eval()
        right = total = 0
        with torch.no_grad():
            for batch in batches(dev, False):
                logits, lens = model(batch)
                pred = logits.argmax(-1)
                for k, b in enumerate(batch):
                    gold = torch.tensor(b[2])
                    labels = model.decode(logits[k], lens[k]) if a.crf_loss else pred[k, :lens[k]]
                    right += int((labels == gold).sum())
                    total += lens[k]
        model.train()
        return right / max(total, 1)

    best, best_epoch = -1.0, 0
    for epoch in range(1, a.epochs + 1):
        t = time.time()
        total_loss = 0.0
        if epoch == a.decay_at:
            for g in opt.param_groups:
                g["lr"] = a.lr / 4
        for batch in batches(fit, True):
            logits, lens = model(batch)
            gold = nn.utils.rnn.pad_sequence([torch.tensor(b[2]) for b in batch], batch_first=True, padding_value=-1)
            if a.crf_loss:
                loss = model.crf_nll(logits, gold, lens) / len(batch)
            else:
                loss = loss_fn(logits.reshape(-1, len(LABELS)), gold.reshape(-1))
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            total_loss += float(loss.detach())
        acc = dev_accuracy() if dev else 0.0
        print(f"epoch {epoch}: loss {total_loss:.1f}, DEV token accuracy {acc:.4f} ({time.time() - t:.0f} s)", flush=True)
        if acc > best or not dev:
            best, best_epoch = acc, epoch
            export(model, vocab, os.path.join(a.out, "neural.npz"), a)
    print(f"kept epoch {best_epoch} (DEV token accuracy {best:.4f}) in {os.path.join(a.out, 'neural.npz')}")
    return 0


def export(model, vocab: Dict[bytes, int], path: str, a) -> None:
    """The weights as numpy arrays (float16 name vectors, float32 LSTM), the names in id order."""
    import numpy as np

    state = {k: v.detach().numpy() for k, v in model.state_dict().items()}
    names = sorted(vocab, key=lambda name: vocab[name])
    arrays = {"emb": state["emb.weight"].astype(np.float16), "out_w": state["out.weight"], "out_b": state["out.bias"],
              "names": np.array(b"\n".join(names)), "labels": np.array("\n".join(LABELS)),
              "layers": np.array(a.layers)}
    if a.crf_loss:  # the decoder's transitions (the numpy side runs Viterbi when they are there)
        arrays.update(trans=state["trans"], start=state["start"], end=state["end"], chain=np.array(1))
    for layer in range(a.layers):
        for suffix in ("", "_reverse"):
            for kind in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
                arrays[f"{kind}_l{layer}{suffix}"] = state[f"lstm.{kind}_l{layer}{suffix}"]
    tmp = path + ".tmp.npz"
    np.savez_compressed(tmp, **arrays)
    os.replace(tmp, path)


def cmd_score(a) -> int:
    from converter.references import crf as model

    from . import neural_tagger as neural
    from .deverrors import type_scores

    refs = load_all(DEFAULT_REFDATA)
    train_set, _, _ = split(refs)
    _, dev = split_dev(train_set)
    model.MODEL_PATH = a.crf
    model._tagger.cache_clear()
    neural.use((a.npz or os.path.join(a.out, "neural.npz")) if a.mix >= 0 else None, mix=max(a.mix, 0.0))
    if neural._tagger is not None:
        neural._tagger.weight = a.trans_weight
        # the parser's crfsuite tagger, wrapped so that the neural tagger labels every string it parses
        crf_tagger = model._tagger()

        class _Relabel:
            def tag(self, items):
                return neural.relabel(items, crf_tagger)

        model._tagger = lambda: _Relabel()  # type: ignore[assignment]
    res = type_scores(dev)
    for key in ("all", "article", "book", "chapter", "paper-conference", "other"):
        r = res.get(key)
        if r:
            mic = r["micro"]
            print(f"{key}: micro-F1 {mic['f1']:.4f} TP {mic['tp']} FP {mic['fp']} FN {mic['fn']}; "
                  f"exact {r['exact']} of {r['n']}")
    for field, row in res["all"]["fields"].items():
        print(f"  {field}: F1 {row['f1']:.3f} TP {row['tp']} FP {row['fp']} FN {row['fn']}")
    return 0


def main(argv: List[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=("prepare", "fit", "score"))
    ap.add_argument("--dev", action="store_true")
    ap.add_argument("--out", default="/tmp/citeconv-neural")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--decay-at", type=int, default=6)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dim", type=int, default=64)
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--layers", type=int, default=1)
    ap.add_argument("--dropout", type=float, default=0.25)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--crf", default="/tmp/citeconv-refeval/dev.crfsuite", help="the DEV CRF (score)")
    ap.add_argument("--mix", type=float, default=1.0,
                    help="score: weight of the tagger's probabilities against the CRF's marginals "
                         "(1: the tagger alone; -1: the CRF alone)")
    ap.add_argument("--drop-origin", default="", help="prepare: leave out the refdata strings of this source")
    ap.add_argument("--crf-loss", action="store_true", help="fit: a CRF over the tagger's scores")
    ap.add_argument("--npz", help="score: the weights (default: OUT/neural.npz)")
    ap.add_argument("--trans-weight", type=float, default=1.0,
                    help="score: weight of the label transitions in the Viterbi decoding (weights with 'trans')")
    a = ap.parse_args(argv)
    return {"prepare": cmd_prepare, "fit": cmd_fit, "score": cmd_score}[a.command](a)


if __name__ == "__main__":
    sys.exit(main())
