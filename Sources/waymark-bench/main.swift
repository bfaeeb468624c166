import Foundation

/// `waymark-bench`: makes deterministic synthetic inputs for `make bench`.
///
///     waymark-bench corpus --captures N --steps M --format json|xml|chrome|side --out DIR [--seed S] [--screenshots K]
///     waymark-bench psr --size-mb 100 --out FILE [--actions N] [--seed S]
///
/// Arguments are parsed by hand: this tool depends only on the engine libraries, like any other consumer.
let usage = """
    usage: waymark-bench corpus --captures N --steps M --format json|xml|chrome|side --out DIR [--seed S] [--screenshots K]
           waymark-bench psr --size-mb MB --out FILE [--actions N] [--seed S]
    """

func parseOptions(_ arguments: ArraySlice<String>) throws -> [String: String] {
    var options: [String: String] = [:]
    var rest = arguments
    while let name = rest.popFirst() {
        guard name.hasPrefix("--"), let value = rest.popFirst() else { throw BenchError("expected --option VALUE, got '\(name)'") }
        options[String(name.dropFirst(2))] = value
    }
    return options
}

func integer(_ options: [String: String], _ name: String, default value: Int? = nil, range: ClosedRange<Int>) throws -> Int {
    guard let text = options[name] else {
        if let value { return value }
        throw BenchError("--\(name) is required")
    }
    guard let number = Int(text), range.contains(number) else {
        throw BenchError("--\(name) must be a whole number in \(range.lowerBound)...\(range.upperBound), got '\(text)'")
    }
    return number
}

func run() throws {
    let arguments = CommandLine.arguments.dropFirst()
    guard let command = arguments.first else { throw BenchError(usage) }
    let options = try parseOptions(arguments.dropFirst())
    let start = Date()
    switch command {
    case "corpus":
        let known: Set = ["captures", "steps", "format", "out", "seed", "screenshots"]
        if let unknown = options.keys.sorted().first(where: { !known.contains($0) }) { throw BenchError("unknown option --\(unknown)\n\(usage)") }
        guard let formatName = options["format"] ?? "xml" as String?, let format = CorpusWriter.Format(rawValue: formatName) else {
            throw BenchError("--format must be json, xml, chrome or side")
        }
        guard let out = options["out"] else { throw BenchError("--out is required") }
        let writer = CorpusWriter(
            captures: try integer(options, "captures", range: 1...10_000_000),
            steps: try integer(options, "steps", default: 40, range: 1...100_000),
            format: format,
            seed: UInt64(try integer(options, "seed", default: 1, range: 0...Int.max)),
            screenshots: try integer(options, "screenshots", default: 4, range: 0...99),
            folder: URL(fileURLWithPath: out))
        let result = try writer.run()
        let seconds = Date().timeIntervalSince(start)
        FileHandle.standardError.write(Data("wrote \(result.files) \(format.rawValue) captures (\(result.bytes / 1024) KiB) to \(out) in \(String(format: "%.2f", seconds)) s\n".utf8))
    case "psr":
        let known: Set = ["size-mb", "out", "actions", "seed"]
        if let unknown = options.keys.sorted().first(where: { !known.contains($0) }) { throw BenchError("unknown option --\(unknown)\n\(usage)") }
        guard let out = options["out"] else { throw BenchError("--out is required") }
        let bytes = try integer(options, "size-mb", default: 100, range: 1...100_000) * 1_000_000
        let writer = StepsRecorderArchiveWriter(
            targetBytes: bytes,
            actions: try integer(options, "actions", default: StepsRecorderArchiveWriter.defaultActions(forBytes: bytes), range: 1...9_999),
            seed: UInt64(try integer(options, "seed", default: 1, range: 0...Int.max)))
        let written = try writer.write(to: out)
        let seconds = Date().timeIntervalSince(start)
        FileHandle.standardError.write(Data("wrote \(out): \(written) bytes, \(writer.actions) actions in \(String(format: "%.2f", seconds)) s\n".utf8))
    case "-h", "--help", "help":
        print(usage)
    default:
        throw BenchError("unknown command '\(command)'\n\(usage)")
    }
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("waymark-bench: \(error)\n".utf8))
    exit(2)
}
