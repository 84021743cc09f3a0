"""Small numpy helpers shared by the reader and the matcher."""
import numpy as np


def first_positions(codes: np.ndarray, count: int) -> np.ndarray:
    """Where each of ``count`` codes first comes, for codes numbered in order of first
    appearance (as pandas' factorize numbers them): their running maximum only grows, so each
    code's first position is found by binary search."""
    return np.searchsorted(np.maximum.accumulate(codes), np.arange(count))
