"""The matrix kernel GiNZA's parse runs on: thinc's BLIS or numpy's BLAS, whichever is faster here.

thinc multiplies with its bundled BLIS by default. On a CPU that BLIS has no tuned kernel
for (this project's 2-core AMD EPYC builds run BLIS's generic one) the same products on
numpy's OpenBLAS make the whole coder 1.75x faster (issue 15; ``bench/bench_coding.py``).
The choice is made by measurement, once per process, when the model loads:

1. ``FRONTWATCH_MATMUL`` = ``blis`` or ``numpy`` in the environment decides, if set;
2. otherwise both kernels multiply a matrix of the shape GiNZA's encoder multiplies
   (``PROBE_SHAPE``) ``PROBE_REPEATS`` times and the faster (best of its runs) is used.

Either kernel gives the same parse and the same records (``tests/nlp/test_kernel.py``):
the two compute the same float32 products up to rounding that the parser's choices do not
turn on.
"""

from __future__ import annotations

import os
import threading
import time
from typing import Any

ENV = "FRONTWATCH_MATMUL"
KERNELS = ("blis", "numpy")
# rows x inputs @ inputs x outputs: a batch of tokens through ja_ginza's window encoder (96 wide,
# window 1 -> 288 inputs, 3 maxout pieces -> 288 outputs)
PROBE_SHAPE = (2048, 288, 288)
PROBE_REPEATS = 7

_lock = threading.Lock()
_chosen: dict[str, Any] = {}


def _ops(kernel: str) -> Any:
    from thinc.api import NumpyOps

    return NumpyOps(use_blis=kernel == "blis")


def _best_seconds(ops: Any, a: Any, b: Any) -> float:
    best = float("inf")
    for _ in range(PROBE_REPEATS):
        started = time.perf_counter()
        ops.gemm(a, b)
        best = min(best, time.perf_counter() - started)
    return best


def measure() -> dict[str, float]:
    """Best seconds of one probe product on each kernel."""
    import numpy

    rows, inner, cols = PROBE_SHAPE
    rng = numpy.random.default_rng(0)
    a = rng.standard_normal((rows, inner), dtype=numpy.float32)
    b = rng.standard_normal((inner, cols), dtype=numpy.float32)
    return {k: _best_seconds(_ops(k), a, b) for k in KERNELS}


def choose() -> str:
    """The kernel this process uses (see the module docstring), decided once."""
    with _lock:
        if "kernel" not in _chosen:
            forced = os.environ.get(ENV, "").strip().lower()
            if forced in KERNELS:
                _chosen["kernel"] = forced
            else:
                times = measure()
                _chosen["kernel"] = min(KERNELS, key=lambda k: times[k])
        kernel: str = _chosen["kernel"]
        return kernel


# glibc hands arrays over 128 KiB to mmap and returns them at free, so every batch's activations
# are fresh pages the kernel must fault in and zero (issue 15: 9x bare GiNZA's page faults).
# Kept on the heap below this size, and the heap not trimmed below this much, they are reused.
MMAP_THRESHOLD_BYTES = 32 * 1024 * 1024
TRIM_THRESHOLD_BYTES = 128 * 1024 * 1024
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # mallopt parameters (malloc.h)
REUSE_ENV = "FRONTWATCH_REUSE_MEMORY"


def reuse_memory() -> bool:
    """Tell glibc's malloc to reuse large blocks instead of mapping them anew; False off glibc
    or with ``FRONTWATCH_REUSE_MEMORY=0`` (to measure without it)."""
    if os.environ.get(REUSE_ENV, "1") == "0":
        return False
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    if not name:
        return False
    try:
        libc = ctypes.CDLL(name)
        return bool(libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)
                    and libc.mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES))
    except (OSError, AttributeError):  # not glibc (musl, macOS): nothing to tune
        return False


# Python's cyclic collector walks every tracked object at each full collection: with GiNZA loaded
# that is about 95,000 objects (60,000 of them the model's), and the coder's many short-lived
# records set such collections off often enough to cost a fifth of its own work on the bench
# documents (bench/bench_coding.py). What is loaded with the model lives as long as the process,
# so it is moved out of the collector's reach once.
FREEZE_ENV = "FRONTWATCH_FREEZE_LOADED"


def freeze_loaded() -> bool:
    """Collect once, then exempt every object alive now from later collections (``gc.freeze``);
    False with ``FRONTWATCH_FREEZE_LOADED=0`` (to measure without it)."""
    if os.environ.get(FREEZE_ENV, "1") == "0":
        return False
    import gc

    gc.collect()  # garbage left by the import and load is freed, not frozen
    gc.freeze()
    return True


def use_kernel(nlp: Any, kernel: str | None = None) -> str:
    """Put every thinc model of the spaCy pipeline ``nlp`` on ``kernel`` (default: ``choose()``)."""
    kernel = kernel or choose()
    ops = _ops(kernel)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            node.ops = ops
    return kernel
