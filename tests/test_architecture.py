"""The dependency rules of docs/ARCHITECTURE.md, read from the source itself.

Every import counts, including those inside functions: an import moved into a function to
dodge a cycle is still a cycle (two modules that cannot be understood one without the other).
"""

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APPS = ("cms", "translation", "notifications", "helpdesk", "api", "accounts", "reports")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def app_modules() -> dict[str, Path]:
    return {
        module_name(path): path
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
    }


def imported_names(module: str, path: Path) -> Iterator[str]:
    """Every module name an import statement in `path` can mean (`from a import b` may name
    the module `a.b` or a name inside `a`)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            yield target
            yield from (f"{target}.{alias.name}" for alias in node.names)


def import_graph() -> dict[str, set[str]]:
    modules = app_modules()
    return {
        module: {name for name in imported_names(module, path) if name in modules} - {module}
        for module, path in modules.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_cycle_finder_sees_a_cycle_through_a_package_and_a_lazy_import():
    graph = {"a": {"a.b"}, "a.b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "a.b", "c"]]


def test_no_import_cycle_between_modules():
    assert cycles(import_graph()) == []


def test_dependencies_point_one_way_between_apps():
    """cms ← translation ← notifications; helpdesk → cms, translation (award answers
    machine-translated for jurors); accounts → cms; reports → cms; api reads the others."""
    allowed = {
        "cms": {"cms"},
        "translation": {"cms", "translation"},
        "notifications": {"cms", "translation", "notifications"},
        "helpdesk": {"cms", "translation", "helpdesk"},
        "accounts": {"cms", "accounts"},
        "reports": {"cms", "reports"},
        "api": set(APPS),
    }
    wrong = sorted(
        (module, name)
        for module, names in import_graph().items()
        for name in names
        if name.split(".")[0] not in allowed[module.split(".")[0]]
    )
    assert wrong == []


def test_the_engine_imports_no_django_and_builds_no_models():
    """The engine reads packages; building demonstration ones (and onnx) lives outside it."""
    outside = {"django", "wagtail", "onnx"}
    for path in (ROOT / "translation" / "engine").rglob("*.py"):
        names = set(imported_names(module_name(path), path))
        assert not {name for name in names if name.split(".")[0] in outside}, path
        assert not {name for name in names if name.startswith("translation.demo_models")}, path


def test_only_the_demonstration_sentence_splitter_imports_onnx():
    importers = {
        module
        for module, path in app_modules().items()
        if any(name.split(".")[0] == "onnx" for name in imported_names(module, path))
    }
    assert importers == {"translation.demo_models.sbd_onnx"}


def test_every_directly_imported_package_is_declared_with_a_range():
    """A package our code imports must not arrive only because another one needs it today."""
    import re
    import sys
    import tomllib
    from importlib.metadata import packages_distributions

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"], *sum(project["optional-dependencies"].values(), [])]
    declared = {}
    for requirement in requirements:
        name = re.match(r"[A-Za-z0-9_.-]+", requirement).group(0)
        declared[re.sub(r"[-_.]+", "-", name).lower()] = requirement
    local = {*APPS, "tests", "bench"}
    distributions = packages_distributions()
    undeclared, unbounded = set(), set()
    for folder in (*APPS, "tests", "bench"):
        for path in (ROOT / folder).rglob("*.py"):
            for name in imported_names(module_name(path), path):
                top = name.split(".")[0]
                if not top or top in sys.stdlib_module_names or top in local:
                    continue
                for distribution in distributions.get(top, []):
                    key = re.sub(r"[-_.]+", "-", distribution).lower()
                    if key not in declared:
                        undeclared.add(f"{distribution} (imported as {top})")
                    elif "<" not in declared[key] and "==" not in declared[key]:
                        unbounded.add(declared[key])
    assert sorted(undeclared) == []
    assert sorted(unbounded) == []


def test_the_django_side_reaches_the_engine_only_through_machine():
    """translation/machine.py is the engine's one door; models may use its pure key helper,
    management commands manage model packages, and the demonstration builder writes them."""
    allowed = ("translation.machine", "translation.models.", "translation.management.")
    allowed += ("translation.demo_models.",)
    through_side_doors = sorted(
        module
        for module, names in import_graph().items()
        if not module.startswith(("translation.engine", *allowed))
        and any(name.startswith("translation.engine") for name in names)
    )
    assert through_side_doors == []


MODULE_LINE_LIMIT = 500


def test_no_app_module_is_over_500_lines():
    # Past this a module holds more than one concern: split it into a package by concern
    # (as translation/services/jobs.py, job_running.py and job_storing.py).
    too_long = {
        module: length
        for module, path in app_modules().items()
        if "tests" not in path.parts
        and (length := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_LINE_LIMIT
    }
    assert too_long == {}
