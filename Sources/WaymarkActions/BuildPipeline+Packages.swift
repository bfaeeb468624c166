import WaymarkPackaging
import WaymarkRender

extension BuildPipeline {
    /// The LMS package renderer when `--package` or waymark.yml `packages` asks for packages. It runs after the
    /// other renderers, on the same phrased (and so already redacted) guide.
    var packageRenderers: [any MaterialRenderer] {
        guard !options.packages.isEmpty else { return [] }
        return [LMSPackageRenderer(kinds: options.packages, masteryScore: options.configuration.masteryScore ?? .default)]
    }
}
