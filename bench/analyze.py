"""Speed and accuracy of the clause analysis (kankei.analyze), on one core.

    python bench/analyze.py [--words 200000] [--runs 3]

Tokens per second for tagging alone and for the whole analysis (tokens, chunks, verb
groups, clauses), over sentences of the example corpus repeated to --words words; then
the tagger's accuracy on UD English EWT dev and test (all tokens and verbs), when
../shared/treebank is there.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

from timing import best_of  # (bench/ is on the path when a script here runs)

ROOT = Path(__file__).resolve().parents[1]
TREEBANK = ROOT.parent / "shared" / "treebank" / "en_ewt"


def sentences(min_words: int) -> list[str]:
    from kankei.text.segment import sentences as split
    out: list[str] = []
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "corpus").glob("*.txt"))]
    words = 0
    while words < min_words:
        for text in texts:
            for s in split(text):
                out.append(text[s[0]:s[1]])
                words += len(out[-1].split())
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    from kankei.analyze import analyze, tag, tokenize
    t0 = time.perf_counter()
    analyze("Warm-up: Japan and North Korea met in Stockholm.")
    print(f"model load and first sentence: {time.perf_counter() - t0:.3f} s")
    sents = sentences(args.words)
    ntok = sum(len(tokenize(s)) for s in sents)
    for name, fn in (("tokenize", tokenize), ("tag (tokens, tags, lemmas)", tag), ("analyze (+ chunks, clauses)", analyze)):
        secs = best_of(args.runs, lambda fn=fn: [fn(s) for s in sents])
        print(f"{name:30s} {ntok / secs:>10,.0f} tokens/s  ({len(sents)} sentences, {ntok} tokens)")
    if not TREEBANK.is_dir():
        print("(no ../shared/treebank: accuracy not measured)")
        return
    sys.path.insert(0, str(ROOT / "tools"))
    from train_tagger import evaluate, read_conllu

    from kankei.analyze.tagger import MODEL, Tagger
    with gzip.open(MODEL, "rt", encoding="utf-8") as fh:
        tagger = Tagger(json.load(fh))
    for split in ("dev", "test"):
        r = evaluate(tagger, read_conllu(TREEBANK / f"en_ewt-ud-{split}.conllu", merge_hyphens=False))
        print(f"EWT {split}: accuracy {r['accuracy']:.4f}, verbs {r['verbs']:.4f}, "
              f"lexicon fast path {r['fast_path']:.1%} of {r['tokens']} tokens")


if __name__ == "__main__":
    main()
