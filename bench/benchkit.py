"""What every benchmark here needs: free ports, waiting for a receiver to listen, the
re-dated seed page, a process's resident memory and the machine's description."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import platform
import socket
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_PATH = ROOT / "seeds" / "guilin-daily" / "2026-04-02" / "01.txt"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(port: int) -> None:
    """Until something listens on 127.0.0.1:*port* (10 s at most)."""
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"nothing listens on 127.0.0.1:{port}: the receiver did not start")


def seed_page(n: int, date: dt.date) -> bytes:
    """The seed's front page as edition *date* would print it, its figures changed by *n*
    (so no two pages are the same bytes)."""
    text = SEED_PATH.read_text("utf-8").replace("2026", str(date.year))
    text = text.replace("4 月 1 日", f"{date.month} 月 {date.day} 日")
    return text.replace("38", str(38 + n)).replace("2025", str(1990 + n)).encode("utf-8")


def rss_mb(pid: int) -> float:
    """Resident memory of process *pid*, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def machine(*extra: str) -> str:
    """Cores, CPU model (lscpu), Python, then *extra* (tool versions)."""
    model = "unknown"
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
        model = next((ln.split(":", 1)[1].strip() for ln in out.splitlines()
                      if ln.startswith("Model name")), model)
    except OSError:
        pass
    return ", ".join([f"{multiprocessing.cpu_count()} cores", model,
                      f"Python {platform.python_version()}", *extra])
