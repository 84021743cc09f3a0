"""Ratio benchmarks (not tests): see benchmarks/README.md and ``python benchmarks/run.py``."""
