import ArgumentParser
import Foundation
import WaymarkModel
import WaymarkStaleness

/// `waymark cite ID`: prints the marker a hand-written material pastes to say which capture it describes.
public struct CiteCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "cite",
        abstract: "Print the marker that ties a hand-written material to a capture.",
        discussion: """
            Paste the printed `<!-- waymark: source=ID fingerprint=HEX -->` into a Markdown, HTML or text file \
            (or use --front-matter for `waymark_source`/`waymark_fingerprint` keys). `waymark check --materials \
            DIR` then reports the file as stale when the capture changes. The fingerprint is the one recorded by \
            the last `waymark build` in the output folder's lock.
            """)

    @Argument(help: "The capture id.")
    public var id: String

    @Option(help: "The output folder holding waymark.lock.")
    public var out: String = "out"

    @Flag(name: .customLong("front-matter"), help: "Print front matter keys instead of an HTML comment.")
    public var frontMatter = false

    public init() {}

    public func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let outURL = URL(fileURLWithPath: out, relativeTo: cwd).standardizedFileURL
        let lockShown = (out as NSString).appendingPathComponent(LockFile.fileName)
        let lock: LockFile?
        do {
            lock = try LockFile.read(outputFolder: outURL, displayPath: lockShown)
        } catch {
            DiagnosticConsole.report(error.diagnostics)
            throw ExitStatus.invalidInput
        }
        guard let lock else {
            DiagnosticConsole.report([.error(
                "cite.no-lock", "There is no \(lockShown).",
                hint: "Run `waymark build` first, or pass --out with the folder your build writes to.")])
            throw ExitStatus.invalidInput
        }
        guard let entry = lock.captures[id] else {
            let known = lock.captures.keys.sorted()
            let suggestion = known.isEmpty ? "The lock holds no captures; run `waymark build`."
                : "Known ids: " + known.prefix(20).joined(separator: ", ") + (known.count > 20 ? ", …" : "") + "."
            DiagnosticConsole.report([.error("cite.unknown-id", "No capture '\(id)' in \(lockShown).", hint: suggestion)])
            throw ExitStatus.invalidInput
        }
        let source = outURL.appendingPathComponent(entry.source)
        if let data = try? Data(contentsOf: source), Fingerprint.hex(of: data) != entry.sourceHash {
            DiagnosticConsole.report([.warning(
                "cite.source-changed", "The capture file changed since the last build; this marker cites the built version.",
                hint: "Run `waymark build` first to cite the capture as it is now.",
                at: SourceLocation(file: DisplayPath.of(source, relativeTo: cwd)))])
        }
        if frontMatter {
            DiagnosticConsole.printOut("waymark_source: \(entry.id)\nwaymark_fingerprint: \(entry.fingerprint)")
        } else {
            DiagnosticConsole.printOut(MaterialCitation.marker(captureID: entry.id, fingerprint: entry.fingerprint))
        }
    }
}

