"""Shared helpers for the clean eval and bench: the Readability test pages as NDJSON records."""
import json, os, sys

def shared_dataset(repo_root, name, variable):
    """${variable}, else ../shared/datasets/NAME beside the clone (or beside the folder
    holding it, for git worktrees); None when neither exists."""
    if os.environ.get(variable):
        return os.environ[variable]
    for up in ("..", os.path.join("..", "..")):
        candidate = os.path.join(repo_root, up, "shared", "datasets", name)
        if os.path.isdir(candidate):
            return candidate
    return None

def dataset_dir(repo_root):
    """The Readability test pages ($READABILITY_PAGES, else beside the clone)."""
    return shared_dataset(repo_root, "readability-pages", "READABILITY_PAGES") or \
        os.path.join(repo_root, "..", "shared", "datasets", "readability-pages")

def pages(repo_root):
    root = dataset_dir(repo_root)
    if not os.path.isdir(root):
        sys.exit(f"clean eval: dataset not found at {root} (set READABILITY_PAGES)")
    for name in sorted(os.listdir(root)):
        folder = os.path.join(root, name)
        if os.path.isfile(os.path.join(folder, "source.html")):
            yield name, folder

def record(name, folder):
    with open(os.path.join(folder, "source.html"), "rb") as handle:
        raw = handle.read().decode("utf-8", errors="replace")
    return {"id": name, "source": f"http://fakehost/test/{name}.html", "media_type": "text/html", "raw": raw}
