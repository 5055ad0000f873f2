"""Fictitious but realistic demo data (`suivi-fsl demo`, screenshots, the benchmark).

Plain Python: builds a `Caseload` of domain dataclasses; the store imports it like a file.
"""

from desktop_app.demo.generator import Demo, build_demo, generate_caseload
from desktop_app.demo.summary import demo_summary

__all__ = ["Demo", "build_demo", "demo_summary", "generate_caseload"]
