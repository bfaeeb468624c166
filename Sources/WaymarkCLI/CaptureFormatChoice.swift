import ArgumentParser
import WaymarkModel

/// The `--format` option shared by commands that read captures: `auto` (sniff the content) or one format name.
public struct CaptureFormatChoice: ExpressibleByArgument, Sendable, Hashable {
    /// The chosen format, or nil for `auto`.
    public var format: CaptureFormat?

    public init(format: CaptureFormat?) { self.format = format }

    public init?(argument: String) {
        if argument == "auto" {
            format = nil
        } else if let format = CaptureFormat(rawValue: argument) {
            self.format = format
        } else {
            return nil
        }
    }

    public static var allValueStrings: [String] { ["auto"] + CaptureFormat.allCases.map(\.rawValue) }
    public var defaultValueDescription: String { format?.rawValue ?? "auto" }
}
