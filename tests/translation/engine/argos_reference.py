"""Run argostranslate 1.11 on installed packages, in its own process (it imports torch).

Reads {"jobs": [[source, target, [texts…]], …]} on stdin, prints {"outputs": [[…], …],
"torch_loaded": bool}. The caller sets ARGOS_PACKAGES_DIR and the XDG_* variables first.
"""

import json
import sys

import argostranslate.translate as argos_translate

jobs = json.load(sys.stdin)["jobs"]
outputs = [
    [argos_translate.translate(text, src, tgt) for text in texts] for src, tgt, texts in jobs
]
json.dump({"outputs": outputs, "torch_loaded": "torch" in sys.modules}, sys.stdout)
