"""Targets (måltal): a municipality's yearly target figures, the national reference lines, actual against target, caseload bands and the chain's own figures for leaders."""
