"""Turning matched text into values: numerals, amounts, dates."""
