"""The generator: the topic mixins combined, its state, and the whole build, municipality by municipality."""

# ruff: noqa: S311, S608 - seeded synthetic data (not secrets); SQL names come from model metadata, values are bound

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from ungeforlob.scale.generate.paths import Paths
from ungeforlob.scale.generate.shapes import DEMO_PASSWORD, LARGEST_DEFAULT, MODELS, municipality_sizes
from ungeforlob.scale.generate.staff import StaffRows
from ungeforlob.scale.generate.young import YoungPeople
from ungeforlob.scale.writer import Writer


class Generator(StaffRows, YoungPeople, Paths):
    def __init__(self, *, youth: int, municipalities: int, seed: int, largest: int = LARGEST_DEFAULT,
                 log: Callable[[str], None] = lambda s: None) -> None:
        self.total = youth
        self.municipalities = municipalities
        self.seed = seed
        self.largest = largest
        self.log = log
        self.today = timezone.localdate()
        self.now = timezone.now()
        self.w = Writer(MODELS, now=self.now)
        # Fixed salts: the same password hash on every build (the known users log in with DEMO_PASSWORD).
        self.demo_hash = make_password(DEMO_PASSWORD, salt="scalebenchmarksalt")
        self.unusable = "!scale-no-login"

    # --- the whole build ----------------------------------------------------------------------------------

    def run(self) -> dict[str, Any]:
        started = time.monotonic()
        sizes = municipality_sizes(self.total, self.municipalities, self.largest)
        done = 0
        for index, size in enumerate(sizes, start=1):
            m = self.municipality(index, size)
            rng = random.Random(f"{self.seed}:y:{index}")
            cprs: set[str] = set()
            # Each contact person's young people, registered over the years in no particular order.
            owners = [kp for kp, n in zip(m.contact_persons, m.groups, strict=True) for _ in range(n)]
            rng.shuffle(owners)
            for i, kp in enumerate(owners):
                self.young_person(m, kp, rng, cprs, serial=done + i)
                self.w.maybe_flush()
            done += size
            self.log(f"municipality {index}/{len(sizes)}: {size} young people ({done}/{self.total}, "
                     f"{time.monotonic() - started:.0f} s)")
        ranges = self.w.finish()
        return {"ranges": ranges, "counts": dict(self.w.counts), "seconds": time.monotonic() - started,
                "largest": sizes[0]}
