"""The benchmark behind ``make bench``: synthetic data, timed builds, a report."""
