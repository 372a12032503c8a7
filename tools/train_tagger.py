"""Train kankei's part-of-speech tagger and lemma table on UD English EWT (train split only).

    .venv/bin/python tools/train_tagger.py [--treebank ../shared/treebank/en_ewt] [--out PATH]

Deterministic: fixed shuffling seed, sorted output. Prints accuracy on the dev and test
splits (all tokens and verbs), and how many tokens the lexicon's fast path tags.
Writes src/kankei/analyze/data/tagger.json.gz (CC BY-SA 4.0, derived from the treebank).
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kankei.analyze.lemmatize import lemma_exceptions  # noqa: E402
from kankei.analyze.tagger import START, Tagger, features, shape  # noqa: E402

Sentence = list[tuple[str, str, str]]  # (form, xpos, lemma)


def read_conllu(path: Path, merge_hyphens: bool | str) -> list[Sentence]:
    """Sentences of a CoNLL-U file; merge_hyphens True joins hyphenated words in all of them,
    "half" in every other one (the model then knows both tokenizations)."""
    sents: list[Sentence] = []
    cur: list[tuple[str, str, str, bool]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            if cur:
                merge = merge_hyphens is True or (merge_hyphens == "half" and len(sents) % 2 == 0)
                sents.append(_merge(cur) if merge else [(f, t, lm) for f, t, lm, _ in cur])
            cur = []
            continue
        if line[0] == "#":
            continue
        cols = line.split("\t")
        if not cols[0].isdigit():  # multiword ranges and empty nodes
            continue
        cur.append((cols[1], cols[4], cols[2], "SpaceAfter=No" in cols[9]))
    assert not cur, "a CoNLL-U file ends with a blank line"
    return sents


def _merge(toks: list[tuple[str, str, str, bool]]) -> Sentence:
    """Join 'test - fired' written without spaces into one token tagged like its last part,
    as kankei's tokenizer keeps hyphenated words whole."""
    out: list[list] = []
    i = 0
    while i < len(toks):
        f, t, lm, nospace = toks[i]
        if (out and out[-1][3] and f == "-" and t == "HYPH" and nospace and i + 1 < len(toks)
                and out[-1][0][-1:].isalnum() and toks[i + 1][0][:1].isalnum()):
            nf, nt, nlm, nns = toks[i + 1]
            prev = out[-1]
            out[-1] = [prev[0] + "-" + nf, nt, prev[0].lower() + "-" + nlm, nns]
            i += 2
            continue
        out.append([f, t, lm, nospace])
        i += 1
    return [(f, t, lm) for f, t, lm, _ in out]


class Perceptron:
    """Averaged perceptron with lazy averaging (timestamps per weight)."""

    def __init__(self) -> None:
        self.weights: dict[str, dict[str, float]] = {}
        self.totals: dict[tuple[str, str], float] = defaultdict(float)
        self.stamps: dict[tuple[str, str], int] = defaultdict(int)
        self.n = 0

    def predict(self, feats: list[str], cands: tuple[str, ...]) -> str:
        if len(cands) == 1:
            return cands[0]
        scores = dict.fromkeys(cands, 0.0)
        for f in feats:
            ws = self.weights.get(f)
            if ws:
                for t in cands:
                    scores[t] += ws.get(t, 0.0)
        return max(cands, key=scores.__getitem__)

    def update(self, truth: str, guess: str, feats: list[str]) -> None:
        self.n += 1
        if truth == guess:
            return
        for f in feats:
            ws = self.weights.setdefault(f, {})
            for t, d in ((truth, 1.0), (guess, -1.0)):
                w = ws.get(t, 0.0)
                key = (f, t)
                self.totals[key] += (self.n - self.stamps[key]) * w
                self.stamps[key] = self.n
                ws[t] = w + d

    def averaged(self) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        for f, ws in self.weights.items():
            for t, w in ws.items():
                key = (f, t)
                total = self.totals[key] + (self.n - self.stamps[key]) * w
                out.setdefault(f, {})[t] = total / self.n
        return out


OPEN = ("CD", "FW", "JJ", "JJR", "JJS", "NN", "NNP", "NNPS", "NNS", "RB", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ")


def build_lexicon(sents: list[Sentence], min_count: int, min_share: float, cand_min: int):
    """The fast path's lexicon; the candidate tags of every other word seen (its own tags, and
    for a rare word also those of rare words of its shape); those of unknown words by shape."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for s in sents:
        for f, t, _ in s:
            counts[f][t] += 1
    by_shape: dict[str, Counter] = defaultdict(Counter)
    for w, c in counts.items():
        if sum(c.values()) < cand_min:
            by_shape[shape(w)].update(c)
    ucands = {}
    for key, c in sorted(by_shape.items()):
        n = sum(c.values())
        ucands[key] = sorted(set(OPEN) | {t for t, m in c.items() if m / n >= 0.005})
    lexicon, cands, rare = {}, {}, {}
    for w, c in counts.items():
        n = sum(c.values())
        tag, k = max(c.items(), key=lambda kv: (kv[1], kv[0]))
        if n >= min_count and k / n >= min_share:
            lexicon[w] = tag
        elif n >= cand_min:
            cands[w] = sorted(t for t, m in c.items() if m / n >= 0.01)
        else:
            cands[w] = sorted(set(c) | set(ucands.get(shape(w), OPEN)))
            rare[w] = sorted(c)
    return lexicon, cands, ucands, rare


def train(sents: list[Sentence], lexicon: dict, cands: dict, ucands: dict, iters: int, hapax: int) -> Perceptron:
    """Greedy left-to-right training on the tokens the lexicon leaves, over their candidate tags.
    Words seen once are trained without their word features (as if unknown), so that suffix,
    shape and context learn what the unknown words of new text (names, above all) need."""
    model = Perceptron()
    freq = Counter(f for s in sents for f, _, _ in s)
    rng = random.Random(1)
    order = list(sents)
    for it in range(iters):
        right = total = 0
        for s in order:
            words = [f for f, _, _ in s]
            lowers = [w.lower() for w in words]
            p1, p2 = START
            for i, (w, gold, _) in enumerate(s):
                t = lexicon.get(w)
                if t is None:
                    feats = features(words, lowers, i, p1, p2)
                    if freq[w] <= hapax:
                        feats = [f for f in feats if f[0] not in "wWr"]
                    cs = cands.get(w) or ucands.get(shape(w)) or OPEN
                    t = model.predict(feats, tuple(cs))
                    model.update(gold, t, feats)
                    right += t == gold
                    total += 1
                p2, p1 = p1, t
        print(f"  iteration {it + 1}: {right / max(total, 1):.4f} on scored training tokens", file=sys.stderr)
        rng.shuffle(order)
    return model


def pack(weights: dict[str, dict[str, float]], prune: int) -> dict[str, dict[str, int]]:
    """Weights x1000 as integers, the small ones dropped: {feature: {tag: weight}}."""
    out = {}
    for f in sorted(weights):
        ws = {t: round(w * 1000) for t, w in sorted(weights[f].items()) if abs(round(w * 1000)) >= prune}
        if ws:
            out[f] = ws
    return out


def evaluate(tagger: Tagger, sents: list[Sentence]) -> dict[str, float]:
    right = total = vright = vtotal = fast = 0
    for s in sents:
        words = [f for f, _, _ in s]
        tags = tagger.tag(words)
        for (w, gold, _), t in zip(s, tags, strict=True):
            total += 1
            right += t == gold
            fast += w in tagger.lexicon
            if gold.startswith("VB") or gold == "MD":
                vtotal += 1
                vright += t == gold
    return {"accuracy": right / total, "verbs": vright / vtotal, "fast_path": fast / total, "tokens": total}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--treebank", type=Path, default=ROOT.parent / "shared" / "treebank" / "en_ewt")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "kankei" / "analyze" / "data" / "tagger.json.gz")
    ap.add_argument("--iters", type=int, default=10)
    ap.add_argument("--lex-count", type=int, default=10, help="fast path: seen at least this often")
    ap.add_argument("--lex-share", type=float, default=0.98, help="fast path: one tag at least this share")
    ap.add_argument("--cand-min", type=int, default=5, help="words seen this often keep their own candidate tags")
    ap.add_argument("--hapax", type=int, default=0, help="words seen this often train as unknown words (0: none)")
    ap.add_argument("--prune", type=int, default=20, help="drop weights under this (x1000)")
    args = ap.parse_args()

    tb = args.treebank
    train_s = read_conllu(tb / "en_ewt-ud-train.conllu", merge_hyphens="half")
    lexicon, cands, ucands, rare = build_lexicon(train_s, args.lex_count, args.lex_share, cand_min=args.cand_min)
    tags = sorted({t for s in train_s for _, t, _ in s})
    model = train(train_s, lexicon, cands, ucands, args.iters, args.hapax)
    weights = pack(model.averaged(), args.prune)
    data = {
        "source": "UD English EWT (train split), CC BY-SA 4.0; see README.md beside this file",
        "tags": tags,
        "open": list(OPEN),
        "lexicon": dict(sorted(lexicon.items())),
        # a rare word's candidates are its own tags and those of its shape: only its own are stored
        "cands": {w: ts for w, ts in sorted(cands.items()) if w not in rare},
        "rare": dict(sorted(rare.items())),
        "ucands": dict(sorted(ucands.items())),
        "weights": weights,
        "lemmas": lemma_exceptions(train_s),
    }
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    args.out.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB; {len(lexicon)} lexicon words, "
          f"{len(cands)} ambiguous words, {len(weights)} features)")
    tagger = Tagger(data)
    for split in ("dev", "test"):
        for merged in (False, True):
            r = evaluate(tagger, read_conllu(tb / f"en_ewt-ud-{split}.conllu", merge_hyphens=merged))
            print(f"{split}{' (hyphenated words whole, as kankei tokenizes)' if merged else ''}: "
                  f"accuracy {r['accuracy']:.4f}, verbs {r['verbs']:.4f}, "
                  f"fast path {r['fast_path']:.1%} of {r['tokens']} tokens")


if __name__ == "__main__":
    main()
