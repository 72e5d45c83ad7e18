"""The stack the original designs of this kind of system used, on Omen's bench data.

Reads the series file written by test/bench/python-baseline.ts (one series per line,
comma-separated values), fits statsmodels' Holt-Winters (additive damped trend, additive
season) to each and forecasts the longest horizon, then trains scikit-learn's
IsolationForest on each service's vectors and scores them. Prints one JSON line of timings.
Run by the bench; needs Debian's python3-statsmodels and python3-sklearn.
"""
import json
import sys
import time
import warnings

import numpy as np
from sklearn.ensemble import IsolationForest
from statsmodels.tsa.holtwinters import ExponentialSmoothing

warnings.filterwarnings("ignore")


def main() -> None:
    path, period, horizon, members = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    started = time.perf_counter()
    series = [np.array([float(v) for v in line.split(",")]) for line in open(path) if line.strip()]
    read = time.perf_counter()
    for values in series:
        model = ExponentialSmoothing(
            values, trend="add", damped_trend=True, seasonal="add", seasonal_periods=period
        ).fit()
        model.forecast(horizon)
    forecast = time.perf_counter()
    for first in range(0, len(series) - members + 1, members):
        vectors = np.column_stack(series[first : first + members])
        forest = IsolationForest(n_estimators=100, max_samples=256, random_state=42).fit(vectors)
        forest.score_samples(vectors)
    done = time.perf_counter()
    print(json.dumps({
        "series": len(series),
        "readSeconds": read - started,
        "forecastSeconds": forecast - read,
        "forestSeconds": done - forecast,
    }))


if __name__ == "__main__":
    main()
