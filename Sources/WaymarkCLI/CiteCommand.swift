import ArgumentParser
import WaymarkActions
import WaymarkModel

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
        let (text, diagnostics) = try DiagnosticConsole.orExit { () throws(DiagnosticError) in
            try CiteAction.marker(for: id, outputFolder: out, frontMatter: frontMatter, in: Project())
        }
        DiagnosticConsole.report(diagnostics)
        DiagnosticConsole.printOut(text)
    }
}
