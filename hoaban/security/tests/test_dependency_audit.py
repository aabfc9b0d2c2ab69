import importlib.util
from importlib.machinery import SourceFileLoader
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "audit-dependencies"
loader = SourceFileLoader("audit_dependencies", str(SCRIPT))
audit = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
loader.exec_module(audit)


def dep(name, version="1.0", vulns=()):
    return {"name": name, "version": version, "vulns": list(vulns)}


def test_vulnerability_with_a_fixed_release_fails_the_audit():
    report = {
        "dependencies": [
            dep("django", "5.2.0", [{"id": "PYSEC-2025-1", "fix_versions": ["5.2.1"]}]),
            dep("pillow"),
        ]
    }
    outcome, lines = audit.verdict(report)
    assert outcome == "fail"
    assert "django 5.2.0: PYSEC-2025-1 (fixed in 5.2.1)" in lines


def test_vulnerability_without_a_fix_is_reported_but_does_not_fail():
    report = {"dependencies": [dep("tqdm", "4.0", [{"id": "GHSA-x", "fix_versions": []}])]}
    outcome, lines = audit.verdict(report)
    assert outcome == "pass"
    assert "tqdm 4.0: GHSA-x (no fix yet)" in lines


def test_audit_counts_as_skipped_when_no_package_could_be_looked_up():
    report = {"dependencies": [{"name": "django", "skip_reason": "not found on PyPI"}]}
    assert audit.verdict(report)[0] == "unreachable"
