"""Write JupyterLab settings overrides into the active environment.

Turns off JupyterLab's news and update-check pop-ups (the course runs offline and
students should not be asked about Jupyter news). Run by ``make venv`` and by the
Binder ``postBuild``; safe to run twice.
"""

import json
import sys
from pathlib import Path

OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {
        "checkForUpdates": False,
        "fetchNews": "false",
    },
}


def main() -> None:
    target = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    current = {}
    if target.exists():
        current = json.loads(target.read_text(encoding="utf-8") or "{}")
    current.update(OVERRIDES)
    target.write_text(json.dumps(current, indent=2) + "\n", encoding="utf-8")
    print(f"JupyterLab news/update pop-ups disabled ({target.name})")


if __name__ == "__main__":
    main()
