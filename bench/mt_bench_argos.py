"""Benchmark worker: argostranslate 1.11 as a naive integration uses it, one call per segment.

Run in its own process with ARGOS_PACKAGES_DIR and XDG_* set by the caller (argostranslate
reads them at import). Reads a job file, writes a result file (JSON).
"""

import json
import sys
import time


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    job_file, result_file = sys.argv[1], sys.argv[2]
    with open(job_file) as handle:
        jobs = json.load(handle)["jobs"]
    started = time.perf_counter()
    import argostranslate.translate as argos

    result = {"import_s": time.perf_counter() - started, "rss_after_import_mb": rss_mb()}
    for job in jobs:
        source, target = job["source"], job["target"]
        argos.translate("Warm up.", source, target)  # loads the models, as a warm worker has
        started = time.perf_counter()
        outputs = [argos.translate(text, source, target) for text in job["texts"]]
        result[job["name"]] = {"seconds": time.perf_counter() - started, "outputs": outputs}
    result["rss_after_translating_mb"] = rss_mb()
    with open(result_file, "w") as handle:
        json.dump(result, handle)


if __name__ == "__main__":
    main()
