// swift-tools-version:6.0
import PackageDescription

// The target graph is a contract: docs/architecture.md says which target may import what, and
// Tests/WaymarkArchitectureTests checks every source file's imports against it.
let package = Package(
    name: "Waymark",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "waymark", targets: ["waymark"]),
        .executable(name: "waymark-bench", targets: ["waymark-bench"]),
        .library(name: "WaymarkModel", targets: ["WaymarkModel"]),
        .library(name: "WaymarkJSON", targets: ["WaymarkJSON"]),
        .library(name: "WaymarkImport", targets: ["WaymarkImport"]),
        .library(name: "WaymarkRender", targets: ["WaymarkRender"]),
        .library(name: "WaymarkStaleness", targets: ["WaymarkStaleness"]),
        .library(name: "WaymarkPackaging", targets: ["WaymarkPackaging"]),
        .library(name: "WaymarkActions", targets: ["WaymarkActions"]),
        .library(name: "WaymarkBrowser", targets: ["WaymarkBrowser"]),
        .library(name: "WaymarkReplay", targets: ["WaymarkReplay"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The browser adapter's HTTP client (WaymarkBrowser): Foundation's URLSession on Linux rejects chromedriver's
        // header lines (`Content-Length:917`, no space); see docs/replay.md.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // C libraries: each is touched by exactly one adapter file.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),

        // Positioned JSON reader and canonical writer. No dependencies at all.
        .target(name: "WaymarkJSON"),
        // Escaping for every output language (HTML, XML, Markdown, WebVTT). Pure Swift, no dependencies.
        .target(name: "WaymarkEscaping"),
        // The step model, diagnostics and their registry, fingerprints, redaction. Values only: no I/O, no C.
        .target(name: "WaymarkModel", dependencies: ["WaymarkJSON", .product(name: "Crypto", package: "swift-crypto")]),
        // Small internal helpers for the targets that touch disk: file reads, atomic writes, parallel maps, image sizes.
        .target(name: "WaymarkSupport"),
        // The one selector reader: every recorder's locators, read once into words for people and queries for browsers.
        .target(name: "WaymarkLocators", dependencies: ["WaymarkModel"]),
        // A Swift value tree over libxml2 (the only place that sees libxml2).
        .target(name: "WaymarkXML", dependencies: ["CLibXML2", "WaymarkModel"]),
        // One importer per recording format behind one protocol, plus format sniffing.
        .target(name: "WaymarkImport", dependencies: [
            "WaymarkModel", "WaymarkJSON", "WaymarkXML", "WaymarkLocators", "WaymarkEscaping", "WaymarkSupport",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Phrasing, Markdown and HTML guides, job aid, dashboard, narration. Pure: files come back as values.
        .target(name: "WaymarkRender", dependencies: [
            "WaymarkModel", "WaymarkJSON", "WaymarkLocators", "WaymarkEscaping", "WaymarkSupport", "CCmark",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // SCORM 1.2 and cmi5 packages of a guide, as file values (no disk I/O): manifests, run-time, zip.
        .target(name: "WaymarkPackaging", dependencies: [
            "WaymarkModel", "WaymarkJSON", "WaymarkRender", "WaymarkEscaping",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Lock file, staleness check, step diff, citations, report writers.
        .target(name: "WaymarkStaleness", dependencies: [
            "WaymarkModel", "WaymarkJSON", "WaymarkEscaping", "WaymarkSupport",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // What commands do, on disk: preparing captures, build (PDFs printed through WaymarkBrowser), check, narrate,
        // diff, import, inspect, configuration.
        .target(name: "WaymarkActions", dependencies: [
            "WaymarkModel", "WaymarkJSON", "WaymarkLocators", "WaymarkImport", "WaymarkRender", "WaymarkPackaging",
            "WaymarkStaleness", "WaymarkSupport", "WaymarkReplay", "WaymarkBrowser", .product(name: "Yams", package: "Yams"),
        ]),
        // Replay of captures over a browser session: steps performed and observed, drift, refreshed captures, reports.
        .target(name: "WaymarkReplay", dependencies: [
            "WaymarkModel", "WaymarkJSON", "WaymarkLocators", "WaymarkBrowser", "WaymarkEscaping", "WaymarkStaleness",
        ]),
        // Thin commands: options → one action → print.
        .target(name: "WaymarkCLI", dependencies: [
            "WaymarkActions", "WaymarkModel", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The one browser adapter (W3C WebDriver over HTTP, chromedriver's lifetime) for replay and PDF printing.
        .target(name: "WaymarkBrowser", dependencies: [
            "WaymarkModel", "WaymarkJSON",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        .executableTarget(name: "waymark", dependencies: ["WaymarkCLI"]),
        // Synthetic corpora for `make bench` (not shipped to users).
        .executableTarget(name: "waymark-bench", dependencies: ["WaymarkModel", "WaymarkJSON", "WaymarkImport", "WaymarkEscaping"]),
        // Golden-file assertions and paths to sample inputs, shared by every test target.
        .target(name: "WaymarkTestSupport", dependencies: ["WaymarkModel"], path: "Tests/WaymarkTestSupport"),

        .testTarget(name: "WaymarkArchitectureTests", dependencies: ["WaymarkModel", "WaymarkTestSupport"]),
        .testTarget(name: "WaymarkLocatorsTests", dependencies: ["WaymarkLocators", "WaymarkModel"]),
        .testTarget(name: "WaymarkModelTests", dependencies: ["WaymarkModel", "WaymarkJSON", "WaymarkTestSupport"]),
        .testTarget(name: "WaymarkXMLTests", dependencies: ["WaymarkXML", "WaymarkModel"]),
        .testTarget(name: "WaymarkImportTests", dependencies: [
            "WaymarkImport", "WaymarkModel", "WaymarkJSON", "WaymarkXML", "WaymarkSupport", "WaymarkTestSupport",
            // The zip tests build hostile archives in memory (path traversal, symlinks, zip bombs).
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: ["__Snapshots__", "Fixtures"]),
        .testTarget(name: "WaymarkRenderTests", dependencies: [
            "WaymarkRender", "WaymarkImport", "WaymarkXML", "WaymarkModel", "WaymarkJSON", "WaymarkEscaping", "WaymarkTestSupport",
            .product(name: "Yams", package: "Yams"),
        ], exclude: ["__Snapshots__"]),
        .testTarget(name: "WaymarkStalenessTests", dependencies: [
            "WaymarkStaleness", "WaymarkImport", "WaymarkXML", "WaymarkModel", "WaymarkJSON", "WaymarkTestSupport",
        ], exclude: ["__Snapshots__"]),
        .testTarget(name: "WaymarkActionsTests", dependencies: [
            "WaymarkActions", "WaymarkModel", "WaymarkJSON", "WaymarkImport", "WaymarkXML", "WaymarkRender", "WaymarkStaleness",
            "WaymarkPackaging",
            "WaymarkSupport", "WaymarkTestSupport",
        ], exclude: ["__Snapshots__", "Fixtures"]),
        .testTarget(name: "WaymarkPackagingTests", dependencies: [
            "WaymarkPackaging", "WaymarkRender", "WaymarkImport", "WaymarkXML", "WaymarkModel", "WaymarkTestSupport",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: ["__Snapshots__"]),
        .testTarget(name: "WaymarkCLITests", dependencies: [
            "WaymarkCLI", "WaymarkActions", "WaymarkModel", "WaymarkXML", "WaymarkTestSupport",
        ], exclude: ["__Snapshots__"]),
        // Real chromedriver + Chromium against pages served by an in-process loopback server (NIOHTTP1).
        // Replay tests live here too: they share the loopback server, the PNG decoder and the /proc orphan checks.
        .testTarget(name: "WaymarkBrowserTests", dependencies: [
            "WaymarkBrowser", "WaymarkModel", "CZlibForTests", "waymark-browser-signal-probe",
            "WaymarkReplay", "WaymarkActions", "WaymarkImport", "WaymarkLocators", "WaymarkXML", "WaymarkJSON", "WaymarkTestSupport", "waymark",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ], exclude: ["ReplayFixtures"]),
        // zlib's inflate, so the browser tests can decode the PNG screenshots they check (tests only).
        .systemLibrary(name: "CZlibForTests", path: "Tests/CZlibForTests", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // A tiny program the browser tests start, interrupt (SIGINT/SIGTERM) and then scan /proc for orphans.
        .executableTarget(name: "waymark-browser-signal-probe", dependencies: ["WaymarkBrowser"],
                          path: "Tests/WaymarkBrowserSignalProbe"),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer harness (Fuzz/): only when building fuzzers (`scripts/build-fuzzers.sh` sets WAYMARK_FUZZ=1), because
// libFuzzer supplies `main` and the binary links only with `-sanitize=fuzzer`.
if Context.environment["WAYMARK_FUZZ"] == "1" {
    package.targets.append(.executableTarget(
        name: "waymark-fuzz", dependencies: ["WaymarkActions", "WaymarkImport", "WaymarkJSON", "WaymarkModel", "WaymarkRender", "WaymarkStaleness"],
        path: "Fuzz", exclude: ["regressions"]))
    package.products.append(.executable(name: "waymark-fuzz", targets: ["waymark-fuzz"]))
}
