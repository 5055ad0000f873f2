"""Department-scale measurements, run by hand (not tests): `python benchmarks/bench_store.py`."""
