"""The caches added for extraction speed answer exactly what the uncached code answers."""
from __future__ import annotations

from kankei.analyze import _models, analyze
from kankei.assemble.event_parts import Entities
from kankei.assemble.event_reader import SentenceReader
from kankei.recognize.dates import find_times


def _summed(*weights: dict[str, int] | None) -> dict[str, int]:
    out: dict[str, int] = {}
    for ws in weights:
        for tag, v in (ws or {}).items():
            out[tag] = out.get(tag, 0) + v
    return out


def test_next_word_weights_are_the_sum_of_its_three_features():
    tagger, _ = _models()
    from kankei.analyze.tagger import shape
    for word in ("Japan", "sanctions", "met", "1959", "test-fired", "Chongryon", "the", "zzqx"):
        low = word.lower()
        parts = [tagger.weights.get(f) for f in ("n" + low, "m" + low[-3:], "y" + shape(word))]
        got = tagger._next_weights(word, low)
        if all(p is None for p in parts):
            assert got is None
        else:
            assert got == _summed(*parts)
        assert tagger._next[word] is got            # remembered for the next time


def test_a_word_with_several_candidates_takes_the_best_scored_one():
    # 'that' (DT, IN, WDT) and 'in' (IN, RB, RP) have three candidate tags: the loop over candidates decides them
    tagger, _ = _models()
    words = "He said that the talks that began in 2002 were as long as before .".split()
    tags = tagger.tag(words)
    assert tags[2] == "IN" and tags[5] == "WDT" and tags[7] == "IN"


def test_clause_holding_remembers_what_it_would_compute():
    text = "In 2002, Pyongyang admitted that it had abducted 13 Japanese in the 1970s and 1980s."
    times = find_times(text)
    reader = SentenceReader(text, 0, len(text), [], times, Entities(text, [], []))
    for tok in analyze(text).tokens:
        first = reader.clause_holding(tok.start)
        assert first is reader._holding_uncached(tok.start)
        assert reader.clause_holding(tok.start) is first
    assert reader.clause_holding(text.index("1970s")) is not reader.clause_holding(0)


def test_extract_pauses_the_collector_and_gives_it_back():
    import gc

    from kankei import pipeline
    seen = []
    paused = pipeline._gc_paused(lambda: seen.append(gc.isenabled()))
    assert gc.isenabled()
    paused()
    assert seen == [False] and gc.isenabled()      # paused inside, enabled again after

    def fails():
        raise ValueError("boom")
    try:
        pipeline._gc_paused(fails)()
    except ValueError:
        pass
    assert gc.isenabled()                          # given back after an error too
    gc.disable()
    try:
        pipeline.extract("Japan and North Korea met in Stockholm in May 2014.")
        assert not gc.isenabled()                  # a caller's own pause is left as it was
    finally:
        gc.enable()


def test_motion_words_check_answers_what_the_motion_pattern_answers():
    from kankei.assemble.triggers import motion_in, motion_pattern
    texts = ["In 1990, Kanemaru traveled to Pyongyang.", "The delegation RETURNED TO Tokyo on Monday.",
             "A missile flew over Japan.", "Talks stalled; no one moved.", "They fled into China, it said.",
             "He went home", "The returnees' families met.", "Ships sailed for Wonsan after travelling far.",
             "Kim travelſ to Seoul.", "Ｔhey returned to Japan.", "Zurück nach Tokyo returned.", ""]
    for text in texts:
        for s, e in ((0, len(text)), (3, len(text)), (0, max(0, len(text) - 4))):
            assert motion_in(text, s, e) == (motion_pattern().search(text, s, e) is not None), (text, s, e)


def test_tagger_model_read_from_its_pickle_is_the_model_file(tmp_path, monkeypatch):
    import gzip
    import json

    from kankei.analyze.tagger import MODEL, read_model
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("KANKEI_NO_CACHE", raising=False)
    parsed = json.loads(gzip.decompress(MODEL.read_bytes()))
    first = read_model()                                     # parsed, and kept as a pickle
    assert list((tmp_path / "kankei" / "knowledge").glob("tagger-*.pickle"))
    again = read_model()                                     # read back from the pickle
    assert first == parsed and again == parsed
    assert list(again["weights"])[:50] == list(parsed["weights"])[:50]     # (in the file's order too)
    monkeypatch.setenv("KANKEI_NO_CACHE", "1")
    assert read_model() == parsed
