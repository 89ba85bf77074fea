"""The record of the synthetic scale dataset in this database (at most one), so it can be rebuilt or removed.

Holds no personal data: the parameters it was built with, the id range it wrote in each table, and counts.
"""

from __future__ import annotations

from django.db import models


class ScaleDataset(models.Model):
    seed = models.PositiveIntegerField()
    youth = models.PositiveIntegerField()
    municipalities = models.PositiveSmallIntegerField()
    largest = models.PositiveIntegerField()
    built_on = models.DateField()
    # "building" until every row is written; a dataset left "building" is removed before the next build.
    status = models.CharField(max_length=10, default="building")
    # db_table -> [first id, last id] written by the generator (reset deletes exactly these ranges).
    id_ranges = models.JSONField(default=dict, blank=True)
    counts = models.JSONField(default=dict, blank=True)
    seconds = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"scale seed={self.seed} youth={self.youth} municipalities={self.municipalities} ({self.status})"
