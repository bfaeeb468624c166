/// How W3C "Print Page" lays out a PDF: paper, orientation, margins, background graphics and scale.
///
/// Printed guides use this one command (not `chromium --print-to-pdf`), so printing and replay share one browser
/// adapter. Lengths are centimetres, as the specification defines them.
public struct PrintOptions: Hashable, Sendable {
    public enum Paper: Hashable, Sendable {
        /// 21.0 × 29.7 cm.
        case a4
        /// 8.5 × 11 in (21.59 × 27.94 cm).
        case letter
        case custom(widthCentimeters: Double, heightCentimeters: Double)

        /// Portrait width and height in centimetres.
        public var size: (width: Double, height: Double) {
            switch self {
            case .a4: (21.0, 29.7)
            case .letter: (21.59, 27.94)
            case .custom(let w, let h): (w, h)
            }
        }
    }

    public enum Orientation: String, Hashable, Sendable {
        case portrait, landscape
    }

    public struct Margins: Hashable, Sendable {
        public var top: Double
        public var bottom: Double
        public var left: Double
        public var right: Double

        public init(top: Double, bottom: Double, left: Double, right: Double) {
            self.top = top
            self.bottom = bottom
            self.left = left
            self.right = right
        }

        /// The same margin on all four sides.
        public static func uniform(_ centimetres: Double) -> Margins {
            Margins(top: centimetres, bottom: centimetres, left: centimetres, right: centimetres)
        }
    }

    public var paper: Paper
    public var orientation: Orientation
    public var margins: Margins
    /// Print background colours and images (guides want their callouts and highlight boxes).
    public var background: Bool
    /// 0.1 … 2.0; 1 is 100 %.
    public var scale: Double
    public var shrinkToFit: Bool
    /// Pages to print, such as `"1-3"` or `"5"`; empty prints all.
    public var pageRanges: [String]

    public init(
        paper: Paper = .a4, orientation: Orientation = .portrait, margins: Margins = .uniform(1),
        background: Bool = true, scale: Double = 1, shrinkToFit: Bool = true, pageRanges: [String] = []
    ) {
        self.paper = paper
        self.orientation = orientation
        self.margins = margins
        self.background = background
        self.scale = scale
        self.shrinkToFit = shrinkToFit
        self.pageRanges = pageRanges
    }
}
