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


# The offline pass: the lock against PyPA's advisory records (scripts/advisories_osv.py).
OSV_SCRIPT = SCRIPT.parent / "advisories_osv.py"
osv_loader = SourceFileLoader("advisories_osv", str(OSV_SCRIPT))
osv = importlib.util.module_from_spec(importlib.util.spec_from_loader(osv_loader.name, osv_loader))
osv_loader.exec_module(osv)


def advisory(identifier, *events, versions=(), withdrawn=None):
    return {
        "id": identifier,
        "aliases": [],
        "withdrawn": withdrawn,
        "affected": [
            {"ranges": [{"type": "ECOSYSTEM", "events": list(events)}], "versions": list(versions)}
        ],
    }


EXPORT = {
    "data_date": "2026-11-30T08:00:00+00:00",
    "commit": "0123456789abcdef",
    "advisories": {
        "django": [
            advisory("PYSEC-2026-1", {"introduced": "5.2"}, {"fixed": "5.2.20"}),
            advisory("PYSEC-2026-2", {"introduced": "0"}, {"fixed": "4.2.30"}),
        ],
        "pillow": [advisory("GHSA-anh", {"introduced": "11.0"}, {"last_affected": "12.1"})],
        "lxml": [advisory("GHSA-old", {"introduced": "0"}, {"fixed": "9.0"}, withdrawn="2026")],
    },
}


def test_locked_version_inside_a_fixed_range_fails_the_offline_audit():
    lines, fixable, unfixed = osv.audit(EXPORT, {"django": "5.2.19", "pillow": "12.2"})
    assert (fixable, unfixed) == (1, 0)
    assert lines == ["django 5.2.19: PYSEC-2026-1 (fixed in 5.2.20)"]


def test_version_up_to_last_affected_is_reported_without_a_fix():
    lines, fixable, unfixed = osv.audit(EXPORT, {"pillow": "12.1"})
    assert (fixable, unfixed) == (0, 1)
    assert lines == ["pillow 12.1: GHSA-anh (no fix yet)"]


def test_fixed_and_withdrawn_advisories_leave_the_lock_clean():
    assert osv.audit(EXPORT, {"django": "5.2.20", "lxml": "5.0"}) == ([], 0, 0)


def test_the_data_age_is_counted_from_the_source_commit():
    from datetime import date

    assert osv.age_in_days(EXPORT, today=date(2026, 12, 7)) == 7


def test_vendored_export_covers_every_locked_package():
    export = osv.load_export()
    assert set(osv.locked_packages()) <= set(export["packages"])
    assert set(export["advisories"]) <= set(export["packages"])
    assert export["commit"] and export["data_date"]
