MARKER = re.compile(r"^# %%(?P<md> \[markdown\])?(?:\s+tags=(?P<tags>\[.*\]))?\s*$")
def parse_chapter(text: str) -> list[dict]:
    """Split percent-format ``text`` into ``[{'type', 'source', 'tags'}]``."""
    cells: list[dict] = []
    current = None
    for lineno, line in enumerate(text.splitlines(), 1):
        m = MARKER.match(line)
        if m:
            current = {"type": "markdown" if m.group("md") else "code", "lines": [],
                       "tags": json.loads(m.group("tags")) if m.group("tags") else [], "line": lineno}
            cells.append(current)
            continue
        if current is None:
            if line.strip():
                raise ValueError(f"line {lineno}: text before the first '# %%' marker")
            continue
        if current["type"] == "markdown":
            if line.startswith("# "):
                line = line[2:]
            elif line.strip() == "#":
                line = ""
            elif line.strip():
                raise ValueError(f"line {lineno}: markdown lines must start with '# ': {line!r}")
        current["lines"].append(line)
    out = []
    for c in cells:
        lines = c["lines"]
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
        if c["type"] == "markdown" and not lines:
            raise ValueError(f"line {c['line']}: empty markdown cell")
        out.append({"type": c["type"], "source": "\n".join(lines), "tags": c["tags"]})
    return out
