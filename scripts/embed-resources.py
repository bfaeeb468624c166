#!/usr/bin/env python3
"""Compiles Templates/ and Schemas/ into Swift sources, so an installed `waymark` needs no files beside it.

The one embedding mechanism of the project (docs/architecture.md, "Resources"):
  Templates/**            -> Sources/WaymarkRender/BuiltInTemplates.swift   (file path -> text)
  Schemas/capture.*       -> Sources/WaymarkImport/CaptureSchemas.swift

    python3 scripts/embed-resources.py          # regenerate after editing Templates/ or Schemas/
    python3 scripts/embed-resources.py --check  # exit 1 when a generated file is out of date (make test runs this)
"""
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
HEADER = ("// Generated from {source} by scripts/embed-resources.py. Do not edit: edit {source} and run the script\n"
          "// (`make test` fails while the two differ).\n")


def raw_literal(text: str, hashes: str) -> str:
    closing = '"""' + hashes
    if closing in text:
        raise SystemExit(f"a resource contains {closing!r}; use more # in scripts/embed-resources.py")
    # A multi-line literal drops the line break before its closing delimiter: add one to keep the file's.
    return hashes + '"""\n' + text + '\n' + closing


def templates_source() -> str:
    folder = ROOT / "Templates"
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    lines = [HEADER.format(source="Templates/"),
             "/// The default templates, stylesheet and package resources, compiled in so an installed binary needs no",
             "/// files beside it. Keys are paths relative to Templates/.",
             "enum BuiltInTemplates {",
             "    static let files: [String: String] = ["]
    for path in files:
        text = path.read_text(encoding="utf-8")
        relative = path.relative_to(folder).as_posix()
        lines.append(f'        "{relative}": ' + raw_literal(text, "#") + ",")
    lines += ["    ]", "}", ""]
    return "\n".join(lines)


def schemas_source() -> str:
    json_schema = (ROOT / "Schemas" / "capture.schema.json").read_text(encoding="utf-8")
    xsd = (ROOT / "Schemas" / "capture.xsd").read_text(encoding="utf-8")
    return (HEADER.format(source="Schemas/") + "\n"
            "/// The schemas of the native capture formats, compiled in so `waymark schema` needs no files at run time.\n"
            "public enum CaptureSchemas {\n"
            "    /// `Schemas/capture.schema.json` (JSON Schema 2020-12).\n"
            f"    public static let jsonSchema = {raw_literal(json_schema, '####')}\n\n"
            "    /// `Schemas/capture.xsd` (XML Schema 1.0).\n"
            f"    public static let xsd = {raw_literal(xsd, '####')}\n"
            "}\n")


OUTPUTS = {
    ROOT / "Sources" / "WaymarkRender" / "BuiltInTemplates.swift": templates_source,
    ROOT / "Sources" / "WaymarkImport" / "CaptureSchemas.swift": schemas_source,
}


def main() -> int:
    check = "--check" in sys.argv[1:]
    stale = []
    for path, make in OUTPUTS.items():
        wanted = make()
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == wanted:
            continue
        if check:
            stale.append(path.relative_to(ROOT).as_posix())
        else:
            path.write_text(wanted, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print("out of date (run python3 scripts/embed-resources.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
