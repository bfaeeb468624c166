import WaymarkPackaging
import WaymarkRender

extension BuildPipeline {
    /// The LMS package renderer when `--package` or waymark.yml `packages` asks for LMS packages. It runs after the
    /// other renderers, on the same phrased (and so already redacted) guide. (`pdf` is printed once every capture is
    /// built: `printPDFs`.)
    var packageRenderers: [any MaterialRenderer] {
        guard options.packages.contains(where: \.isLMSPackage) else { return [] }
        return [LMSPackageRenderer(kinds: options.packages, masteryScore: options.configuration.masteryScore ?? .default)]
    }
}
