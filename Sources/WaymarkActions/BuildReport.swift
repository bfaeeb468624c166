import Foundation
import WaymarkModel
import WaymarkRender
import WaymarkStaleness

/// What a build did: per capture, the files it wrote and the problems it found. The CLI prints it; the staleness
/// engine extends it into the lock (it holds every output's relative path and hash).
public struct BuildReport: Sendable {
    /// One generated file, relative to the output folder.
    public struct Output: Sendable, Hashable {
        public enum Status: String, Sendable, Hashable {
            /// New or changed content was written.
            case written
            /// The file already held exactly these bytes; not touched.
            case unchanged
            /// Left alone on purpose (for example a file edited by hand); a diagnostic says why.
            case kept
        }

        /// Path relative to the output folder with `/` separators: `submit-expense-report/guide.md`.
        public var path: String
        public var status: Status
        /// SHA-256 of the content the build produced, lowercase hex.
        public var sha256: String

        public init(path: String, status: Status, sha256: String) {
            self.path = path
            self.status = status
            self.sha256 = sha256
        }
    }

    /// The result for one capture.
    public struct CaptureResult: Sendable {
        public var id: String
        public var title: String
        /// The capture file as the user named it (relative to where the build ran, where possible).
        public var sourcePath: String
        public var sourceURL: URL
        /// SHA-256 of the source bytes as imported, for the lock.
        public var sourceHash: String
        public var format: CaptureFormat
        public var stepCount: Int
        public var outputs: [Output]
        public var diagnostics: [Diagnostic]
        /// The capture's row on the dashboard, filled once every capture is built.
        public var dashboard: DashboardEntry? = nil
        /// What the lock keeps of the capture (neither the capture nor its phrased guide is kept: the build holds
        /// only what the lock and the dashboard need, so memory stays small per capture).
        public var owner: String?
        public var reviewBy: CalendarDate?
        public var recordedAt: String?
        /// The capture's semantic fingerprint (`Fingerprint`), computed once for the front matter and the lock.
        public var fingerprint: String = ""
        /// The capture's `StepSummaryFile` as written (its path and hash), for the lock; nil when it could not be
        /// written.
        public var stepSummaries: Output?

        /// What the lock keeps of the dashboard row, so an unchanged capture can be listed without importing it.
        public var dashboardRow: LockDashboardRow? {
            dashboard.map {
                LockDashboardRow(application: $0.application, guideSteps: $0.stepCount,
                                 readingMinutes: $0.timing.readingMinutes, narrationSeconds: $0.timing.narrationSeconds)
            }
        }
    }

    public var captures: [CaptureResult] = []
    /// Problems not tied to one capture: inputs, templates, duplicate ids, skipped files.
    public var diagnostics: [Diagnostic] = []
    /// Files for the whole build: `index.html`, `index.md`, `assets/waymark.css`.
    public var sharedOutputs: [Output] = []
    /// Captures not rebuilt because their source, templates, settings and generator are unchanged since the lock.
    public var reused: [DashboardEntry] = []

    public init() {}

    public var allDiagnostics: [Diagnostic] { diagnostics + captures.flatMap(\.diagnostics) }
    public var hasErrors: Bool { allDiagnostics.hasErrors }
    public var allOutputs: [Output] { captures.flatMap(\.outputs) + sharedOutputs }
    public var stepCount: Int { captures.map(\.stepCount).reduce(0, +) }

    public func count(_ status: Output.Status) -> Int { allOutputs.filter { $0.status == status }.count }
    public func count(_ severity: Diagnostic.Severity) -> Int { allDiagnostics.filter { $0.severity == severity }.count }
}
