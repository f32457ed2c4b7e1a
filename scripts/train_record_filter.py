#!/usr/bin/env python3
"""Train and evaluate a learned record filter (issue 12, item 4), held apart by set (docs/learned.md).

usage: python scripts/train_record_filter.py [--cache DIR] [--recode] [--set NAME=DOCS:GOLD]
       [--language ja|en] [--no-gsr] [--json OUT] [--model OUT.json]

1. Code every gold set with this checkout's coder (``DefaultCoder``; cached as JSON Lines in
   ``--cache``, rerun with ``--recode`` after the coder changed).
2. Label each record with ``score.py``'s own pairing (``../shared/eval/score.py``): paired with a
   required gold record -> 1, paired with none -> 0, paired with an optional one -> left out.
3. Held apart by set: for each set, train on the other sets (the threshold picked by
   leave-one-set-out inside them), drop the test set's records below it, and score the test
   set with ``score.py`` per language, with and without the filter. The table is printed.
4. ``--model OUT.json``: train on all sets (settings by leave-one-set-out) and write the
   weights, threshold and provenance there; ``--model default`` writes the coder's own model,
   ``src/frontwatch/data/record_filter.json`` (``coding.record_filter``, docs/learned.md).

The sets (any that is missing is skipped): ``../shared/eval/realworld``,
``../shared/eval/plover-gsr`` (development half), ``--set NAME=DOCS.jsonl:GOLD`` for more.
The model is an L2-regularised logistic regression fitted by Newton's method in numpy:
deterministic, no random state.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import importlib.util
import json
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from frontwatch.coding.record_filter import MODEL_FILE, document_features, is_page  # noqa: E402
from frontwatch.records import Event  # noqa: E402

EVAL = REPO.parent / "shared" / "eval"
DEFAULT_SETS = {
    "realworld": (EVAL / "realworld" / "docs.jsonl", EVAL / "realworld" / "gold"),
    "plover-gsr-dev": (EVAL / "plover-gsr" / "dev-docs.jsonl", EVAL / "plover-gsr" / "dev-gold.jsonl"),
}
# A feature seen on fewer training records than this gets no weight (rule names, types).
MIN_COUNT = 5
# L2 penalties tried; the one used is chosen with the threshold, leave-one-set-out, on training sets only.
L2_GRID = (1.0, 3.0, 10.0)
THRESHOLDS = [round(0.05 * k, 2) for k in range(0, 13)]  # 0.0 (keep all) .. 0.6


def feature_counts(rows: Sequence[dict[str, float]]) -> Counter[str]:
    return Counter(k for row in rows for k, v in row.items() if v)


@dataclass
class Doc:
    doc_id: str
    language: str
    published: dt.date | None
    events: list[Event]
    page: bool = True  # record_filter.is_page: the filter applies (and learns) only on pages


@dataclass
class Labelled:
    feats: dict[str, float]
    label: int | None  # 1 paired with required gold, 0 unpaired, None paired with optional


def _score_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fw_score", EVAL / "score.py")
    if spec is None or spec.loader is None or not (EVAL / "score.py").exists():
        sys.exit(f"cannot load {EVAL / 'score.py'}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


SCORE = _score_module()


@functools.cache
def _coder() -> Any:
    """One coder for every set (its GiNZA model loads once): the rules, without the filter that is
    being trained."""
    from frontwatch.coding.coder import build_coder

    return build_coder(record_filter=False)


def code_set(docs_path: Path, cache: Path, recode: bool) -> list[Doc]:
    """Coded documents of a set (cached: ``cache`` holds records with explanations)."""
    from frontwatch.ingest import load_documents
    from frontwatch.records import Document

    docs = [d for d in load_documents([str(docs_path)]) if isinstance(d, Document)]
    if recode or not cache.exists():
        coder = _coder()
        with cache.open("w", encoding="utf-8") as out:
            for doc, evs in coder.code_many(docs):
                out.write(json.dumps({"doc_id": doc.doc_id, "language": doc.language,
                                      "published": doc.published.isoformat() if doc.published else None,
                                      "events": [e.to_json(explain=True) for e in evs]},
                                     ensure_ascii=False, default=list) + "\n")
    pages = {d.doc_id: is_page(d) for d in docs}
    out_docs = []
    for line in cache.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        pub = dt.date.fromisoformat(d["published"]) if d["published"] else None
        out_docs.append(Doc(d["doc_id"], d["language"] or "", pub, [Event.from_json(e) for e in d["events"]],
                            pages.get(d["doc_id"], True)))
    return out_docs


def labels(doc: Doc, gold: dict[str, Any]) -> list[int | None]:
    golds = gold.get(doc.doc_id, {}).get("events", [])
    recs = [e.to_json() for e in doc.events]
    paired = {ri: gi for gi, ri in SCORE.match(golds, recs).items()}
    return [None if ri in paired and golds[paired[ri]].get("optional") else int(ri in paired)
            for ri in range(len(recs))]


# A model to start from (``--prior``): its weights are the mean of the L2 penalty, so that a few
# new pages adjust a model trained on many (a Gaussian prior; MAP estimate). None: the mean is 0.
PRIOR: dict[str, Any] | None = None


def fit(rows: Sequence[Labelled], l2: float) -> tuple[dict[str, float], float]:
    """L2 logistic regression by Newton's method (deterministic; the bias is not penalised).
    With ``PRIOR`` the penalty pulls each weight toward the prior model's, not toward 0."""
    used = [r for r in rows if r.label is not None]
    counts = feature_counts([r.feats for r in used])
    prior_w: dict[str, float] = dict(PRIOR["weights"]) if PRIOR else {}
    names = sorted({k for k, c in counts.items() if c >= MIN_COUNT} | set(prior_w))
    x = np.array([[1.0] + [r.feats.get(n, 0.0) for n in names] for r in used])
    y = np.array([float(r.label or 0) for r in used])
    w0 = np.array([float(PRIOR["bias"]) if PRIOR else 0.0] + [prior_w.get(n, 0.0) for n in names])
    w = w0.copy()
    pen = np.full(x.shape[1], l2)
    pen[0] = 1e-6
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + pen * (w - w0)
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(pen)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.max(np.abs(step))) < 1e-8:
            break
    return {n: round(float(v), 6) for n, v in zip(names, w[1:], strict=True)}, round(float(w[0]), 6)


def prob(weights: dict[str, float], bias: float, feats: dict[str, float]) -> float:
    z = bias + sum(weights.get(k, 0.0) * v for k, v in sorted(feats.items()))
    return float(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))))


@dataclass
class GoldSet:
    name: str
    docs: list[Doc]
    gold: dict[str, Any]
    rows: list[list[Labelled]]  # per document, per record


def build_set(name: str, docs_path: Path, gold_path: Path, cache_dir: Path, recode: bool) -> GoldSet:
    docs = code_set(docs_path, cache_dir / f"{name}.jsonl", recode)
    gold = SCORE.load_gold(gold_path)
    docs = [d for d in docs if d.doc_id in gold]
    rows = []
    for d in docs:
        feats = document_features(d.events, d.published)
        # a document that is no page is neither filtered nor learned from
        rows.append([Labelled(f, lab if d.page else None)
                     for f, lab in zip(feats, labels(d, gold), strict=True)])
    return GoldSet(name, docs, gold, rows)


def filtered(s: GoldSet, probs: list[list[float]], threshold: float) -> dict[str, list[dict[str, Any]]]:
    return {d.doc_id: [e.to_json() for e, p in zip(d.events, ps, strict=True) if p >= threshold]
            for d, ps in zip(s.docs, probs, strict=True)}


def cell_f1(s: GoldSet, system: dict[str, list[dict[str, Any]]], lang: str) -> dict[str, Any]:
    ids = {d.doc_id for d in s.docs if lang == "all" or d.language == lang}
    res = SCORE.score({k: v for k, v in s.gold.items() if k in ids}, system)
    return res  # type: ignore[no-any-return]


def predict(weights: dict[str, float], bias: float, s: GoldSet) -> list[list[float]]:
    """Each record's probability; 1.0 on a document that is no page (the filter keeps it)."""
    return [[prob(weights, bias, r.feats) if d.page else 1.0 for r in doc]
            for d, doc in zip(s.docs, s.rows, strict=True)]


def choose(train: Sequence[GoldSet]) -> tuple[float, float]:
    """Leave one training set out: the (L2, threshold) with the best summed F1 over the
    (set, language) cells of the training sets; ties go to the lower threshold (drop less)."""
    best, best_sum = (L2_GRID[0], 0.0), -1.0
    for l2 in L2_GRID:
        oof = {}
        for s in train:
            w, b = fit([r for o in train if o is not s for doc in o.rows for r in doc], l2)
            oof[s.name] = predict(w, b, s)
        for t in THRESHOLDS:
            total = sum(cell_f1(s, filtered(s, oof[s.name], t), lang)["f1"]
                        for s in train for lang in _langs(s))
            if total > best_sum + 1e-9:
                best, best_sum = (l2, t), total
    return best


def _langs(s: GoldSet) -> list[str]:
    return sorted({d.language for d in s.docs})


def restrict(s: GoldSet, lang: str) -> GoldSet:
    keep = [i for i, d in enumerate(s.docs) if d.language == lang]
    return GoldSet(s.name, [s.docs[i] for i in keep], s.gold, [s.rows[i] for i in keep])


# The model a run is compared with (``--baseline``; the coder's own by default): each held-apart set
# is also scored with it, so that a retrained model replaces it only where it does better.
BASELINE: dict[str, Any] | None = None


def held_apart(sets: Sequence[GoldSet]) -> list[dict[str, Any]]:
    """Each set in turn is the test set; the model and its settings come from the others."""
    table = []
    for test in sets:
        train = [s for s in sets if s is not test]
        l2, t = choose(train)
        w, b = fit([r for s in train for doc in s.rows for r in doc], l2)
        probs = predict(w, b, test)
        base = filtered(test, probs, 0.0)
        kept = filtered(test, probs, t)
        old = (filtered(test, predict(BASELINE["weights"], BASELINE["bias"], test), BASELINE["threshold"])
               if BASELINE else None)
        for lang in [*_langs(test), "all"]:
            before, after = cell_f1(test, base, lang), cell_f1(test, kept, lang)
            row = {"set": test.name, "lang": lang, "threshold": t, "l2": l2,
                   "gold": before["gold_events"], "auc": auc(test, probs, lang),
                   "before": _prf(before), "after": _prf(after)}
            if old is not None:
                row["baseline"] = _prf(cell_f1(test, old, lang))
            table.append(row)
    return table


def _prf(res: dict[str, Any]) -> list[float]:
    return [res["precision"], res["recall"], res["f1"], res["system_events"]]


def auc(s: GoldSet, probs: list[list[float]], lang: str) -> float | None:
    """How well the probabilities rank right records above wrong ones (0.5: no better than chance)."""
    pairs = [(p, r.label) for d, doc, ps in zip(s.docs, s.rows, probs, strict=True)
             if lang == "all" or d.language == lang
             for r, p in zip(doc, ps, strict=True) if r.label is not None]
    pos = [p for p, lab in pairs if lab == 1]
    neg = [p for p, lab in pairs if lab == 0]
    if not pos or not neg:
        return None
    wins = sum((a > b) + 0.5 * (a == b) for a in pos for b in neg)
    return round(wins / (len(pos) * len(neg)), 3)


def print_table(table: Sequence[dict[str, Any]]) -> None:
    print(f"{'set':16} {'lang':4} {'l2':>4} {'t':>4} {'AUC':>5} {'gold':>4} | "
          f"{'sys':>4} {'P':>6} {'R':>6} {'F1':>6} | {'sys':>4} {'P':>6} {'R':>6} {'F1':>6} | {'dF1':>6}")
    for r in table:
        b, a = r["before"], r["after"]
        area = f"{r['auc']:5.3f}" if r["auc"] is not None else "    -"
        print(f"{r['set']:16} {r['lang']:4} {r['l2']:4.0f} {r['threshold']:4.2f} {area} {r['gold']:>4} | "
              f"{b[3]:>4} {b[0]:6.3f} {b[1]:6.3f} {b[2]:6.3f} | "
              f"{a[3]:>4} {a[0]:6.3f} {a[1]:6.3f} {a[2]:6.3f} | {a[2] - b[2]:+6.3f}"
              + (f" | baseline F1 {r['baseline'][2]:6.3f}" if "baseline" in r else ""))
    rows = [r for r in table if r["lang"] == "all" and "baseline" in r]
    if rows:
        print(f"summed F1 over the sets: retrained {sum(r['after'][2] for r in rows):.3f}, "
              f"baseline {sum(r['baseline'][2] for r in rows):.3f}")


def _commit() -> str:
    res = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                         capture_output=True, text=True)
    return res.stdout.strip() or "unknown"


@dataclass
class Model:
    weights: dict[str, float]
    bias: float
    l2: float
    threshold: float


def train_all(sets: Sequence[GoldSet]) -> Model:
    """The model trained on every set, its settings chosen leave-one-set-out."""
    l2, t = choose(sets)
    w, b = fit([r for s in sets for doc in s.rows for r in doc], l2)
    return Model(w, b, l2, t)


def _set_spec(item: str) -> tuple[str, Path, Path]:
    """NAME=DOCS.jsonl:GOLD -> (name, docs, gold)."""
    name, _, paths = item.partition("=")
    docs, _, gold = paths.partition(":")
    return name, Path(docs), Path(gold)


def write_model(sets: Sequence[GoldSet], table: Sequence[dict[str, Any]], model: Model, out: Path) -> Path:
    w, b, l2, t = model.weights, model.bias, model.l2, model.threshold
    records = sum(1 for s in sets for doc in s.rows for r in doc if r.label is not None)
    prov = {"script": "scripts/train_record_filter.py", "coder_commit": _commit(),
            "sets": [s.name for s in sets], "records": records, "l2": l2,
            "languages": sorted({d.language for s in sets for d in s.docs}), "min_count": MIN_COUNT,
            "licence": "weights derived from hand-coded gold of real pages (not shipped); "
                       "PLOVER GSR dev half CC BY-SA 4.0 (Open Event Data Alliance)",
            "held_apart": [{k: r[k] for k in ("set", "lang", "threshold", "auc", "before", "after")}
                           for r in table]}
    if PRIOR:  # the model this one updates: its weights were the mean of the penalty
        old = PRIOR.get("provenance", {})
        prov["prior"] = {k: old[k] for k in ("coder_commit", "sets", "records", "l2") if k in old}
    body = {"bias": b, "threshold": t, "weights": dict(sorted(w.items())), "provenance": prov}
    out.write_text(json.dumps(body, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=Path("/tmp/fw-record-filter"))
    ap.add_argument("--recode", action="store_true")
    ap.add_argument("--set", action="append", default=[], help="NAME=DOCS.jsonl:GOLD (folder or .jsonl)")
    ap.add_argument("--language", choices=("ja", "en"),
                    help="one language's records only (a model per language)")
    ap.add_argument("--no-gsr", action="store_true", help="leave the PLOVER sentences out")
    ap.add_argument("--model", help="write the model trained on all sets here (JSON); 'default': the "
                    "coder's own, src/frontwatch/data/record_filter.json")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--prior", type=Path, help="a model JSON whose weights the penalty pulls toward "
                    "(an update of that model by the sets given); 'default': the coder's own")
    ap.add_argument("--baseline", type=Path, help="the model each held-apart set is also scored with "
                    "(default: the coder's own)")
    ap.add_argument("--test", action="append", default=[], metavar="NAME=DOCS.jsonl:GOLD",
                    help="a set never trained on: scored with the model trained on all sets and with "
                    "the baseline")
    ap.add_argument("--without", action="append", default=[], metavar="PREFIX",
                    help="leave out the features whose names start with PREFIX (an ablation)")
    args = ap.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    own = REPO / "src" / "frontwatch" / "data" / MODEL_FILE
    global PRIOR, BASELINE
    BASELINE = json.loads((args.baseline or own).read_text(encoding="utf-8"))
    if args.prior:
        PRIOR = json.loads((own if str(args.prior) == "default" else args.prior).read_text(encoding="utf-8"))
    specs = dict(DEFAULT_SETS)
    for item in args.set:
        name, docs, gold = _set_spec(item)
        specs[name] = (docs, gold)
    sets = []
    for name, (docs_path, gold_path) in specs.items():
        if not docs_path.exists() or not gold_path.exists():
            print(f"skipped {name}: {docs_path} or {gold_path} is missing", file=sys.stderr)
            continue
        sets.append(build_set(name, docs_path, gold_path, args.cache, args.recode))
    if args.without:
        for s in sets:
            for doc in s.rows:
                for r in doc:
                    for k in [k for k in r.feats if k.startswith(tuple(args.without))]:
                        del r.feats[k]
    if args.no_gsr:
        sets = [s for s in sets if s.name != "plover-gsr-dev"]
    if args.language:
        sets = [t for t in (restrict(s, args.language) for s in sets) if t.docs]
    if len(sets) < 3:
        sys.exit(f"held apart by set needs three sets or more (one to test, two to choose the settings "
                 f"on); {len(sets)} here: add some with --set")
    table = held_apart(sets)
    print_table(table)
    if args.json:
        args.json.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")
    model = train_all(sets) if args.test or args.model else None
    if args.test and model is not None:
        test_sets(args.test, model, args.cache, args.recode)
    if args.model and model is not None:
        out = own if args.model == "default" else Path(args.model)
        print(f"wrote {write_model(sets, table, model, out)}")
    return 0


def test_sets(specs: Sequence[str], model: Model, cache: Path, recode: bool) -> None:
    """Sets never trained on, scored with the baseline and with ``model`` (trained on all sets)."""
    assert BASELINE is not None  # main loads it before any set is read
    print(f"test sets (trained model: l2 {model.l2}, threshold {model.threshold}; "
          f"baseline: threshold {BASELINE['threshold']})")
    for item in specs:
        s = build_set(*_set_spec(item), cache, recode)
        old = predict(BASELINE["weights"], BASELINE["bias"], s)
        new = predict(model.weights, model.bias, s)
        for lang in [*_langs(s), "all"]:
            none = _prf(cell_f1(s, filtered(s, new, 0.0), lang))
            base = _prf(cell_f1(s, filtered(s, old, BASELINE["threshold"]), lang))
            kept = _prf(cell_f1(s, filtered(s, new, model.threshold), lang))
            print(f"{s.name:10} {lang:4} none F1 {none[2]:.3f} | baseline P/R/F1 {base[0]:.3f} "
                  f"{base[1]:.3f} {base[2]:.3f} | trained {kept[0]:.3f} {kept[1]:.3f} {kept[2]:.3f}")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
