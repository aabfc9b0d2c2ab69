"""Production settings refuse unsafe defaults; each case runs in a fresh interpreter."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
GOOD_SECRET = "k" * 50


def _load_production(**env):
    environment = {
        k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "PUBLIC_BASE_URL"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="hoaban.settings.production", **env)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "Set SECRET_KEY"),
        ({"SECRET_KEY": "dev-only-secret-key-not-for-production"}, "Set SECRET_KEY"),
        ({"SECRET_KEY": "short"}, "Set SECRET_KEY"),
        ({"SECRET_KEY": GOOD_SECRET, "DEBUG": "1"}, "DEBUG must be off"),
    ],
)
def test_production_refuses_to_start_with_unsafe_settings(env, message):
    result = _load_production(**env)
    assert result.returncode != 0
    assert message in result.stderr


def test_production_starts_with_a_real_secret_and_debug_off():
    result = _load_production(
        SECRET_KEY=GOOD_SECRET, PUBLIC_BASE_URL="https://baodienbienphu.example"
    )
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


@pytest.mark.parametrize(
    ("public", "message"),
    [
        ("", "Set PUBLIC_BASE_URL"),
        ("baodienbienphu.example", "PUBLIC_BASE_URL: 'baodienbienphu.example' must start with"),
        ("http://baodienbienphu.example", "is plain HTTP while every request is redirected"),
    ],
)
def test_production_refuses_a_missing_or_invalid_public_base_url(public, message):
    result = _load_production(SECRET_KEY=GOOD_SECRET, PUBLIC_BASE_URL=public)
    assert result.returncode != 0
    assert message in result.stderr
