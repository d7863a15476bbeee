import stat

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from cms.services import admin_ensure, admin_password_path

pytestmark = pytest.mark.django_db


def test_admin_gets_a_random_password_kept_in_the_data_folder(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    username, password, created = admin_ensure()
    assert created and username == "admin"
    assert len(password) >= 16 and password not in {"admin", "password", "changeme"}
    path = admin_password_path()
    assert path.read_text().strip() == password
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert get_user_model().objects.get(username="admin").check_password(password)


def test_running_again_reuses_the_same_login(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    _, first, _ = admin_ensure()
    _, second, created = admin_ensure()
    assert second == first and not created


def test_two_fresh_installs_get_different_passwords(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "one"
    _, first, _ = admin_ensure()
    get_user_model().objects.filter(username="admin").delete()
    settings.DATA_DIR = tmp_path / "two"
    _, second, _ = admin_ensure()
    assert first != second


def test_ensure_admin_command_prints_url_and_login(settings, tmp_path, capsys):
    settings.DATA_DIR = tmp_path
    call_command("ensure_admin")
    out = capsys.readouterr().out
    password = admin_password_path().read_text().strip()
    assert "/admin/" in out and "Login:    admin" in out and password in out


def test_load_demo_twice_changes_nothing(demo_site, capsys):
    from wagtail.models import Page

    before = Page.objects.count()
    call_command("load_demo")
    assert "already present" in capsys.readouterr().out
    assert Page.objects.count() == before
