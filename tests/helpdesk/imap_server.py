"""A real IMAP server for tests: Debian's dovecot (package `dovecot-imapd`), started with
its own configuration in a temporary folder, on a free loopback port, in the foreground
(`dovecot -F`), and stopped afterwards. Nothing of the system's dovecot set-up is used."""

import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

CONFIG = """
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
mail_location = maildir:{root}/mail/%u
default_internal_user = {internal_user}
default_internal_group = {internal_group}
default_login_user = {login_user}
first_valid_uid = {uid}
first_valid_gid = {gid}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/mail/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
"""


def dovecot_binary() -> str:
    found = shutil.which("dovecot") or (
        "/usr/sbin/dovecot" if Path("/usr/sbin/dovecot").exists() else None
    )
    if not found:
        raise RuntimeError(
            "dovecot is not installed: `apt-get install dovecot-imapd` (see docs/HELPDESK.md)"
        )
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class DovecotServer:
    def __init__(self, root: Path, user: str = "helpdesk"):
        self.root, self.user, self.password = root, user, secrets.token_urlsafe(16)
        self.host, self.port = "127.0.0.1", _free_port()
        self.process: subprocess.Popen | None = None

    def start(self) -> "DovecotServer":
        for folder in ("run", "state", "mail"):
            (self.root / folder).mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            # As root, dovecot refuses to run its login process as root: use the package's
            # unprivileged users, and let the mail user own the maildir.
            mail_user = pwd.getpwnam("dovecot")
            internal_user, login_user = "dovecot", "dovenull"
            os.chown(self.root / "mail", mail_user.pw_uid, mail_user.pw_gid)
            self.root.chmod(0o755)
        else:
            mail_user = pwd.getpwuid(os.geteuid())
            internal_user = login_user = mail_user.pw_name
        (self.root / "passwd").write_text(f"{self.user}:{{PLAIN}}{self.password}\n")
        config = self.root / "dovecot.conf"
        config.write_text(
            CONFIG.format(
                root=self.root,
                port=self.port,
                uid=mail_user.pw_uid,
                gid=mail_user.pw_gid,
                internal_user=internal_user,
                internal_group=internal_user,
                login_user=login_user,
            )
        )
        self.process = subprocess.Popen(
            [dovecot_binary(), "-F", "-c", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._wait()
        return self

    def _wait(self, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection((self.host, self.port), timeout=1) as sock:
                    if sock.recv(100).startswith(b"* OK"):
                        return
            except OSError:
                time.sleep(0.2)
        log = (
            (self.root / "dovecot.log").read_text() if (self.root / "dovecot.log").exists() else ""
        )
        self.stop()
        raise RuntimeError(f"dovecot did not start on port {self.port}:\n{log}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
