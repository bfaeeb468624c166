// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Waymark",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "waymark", targets: ["waymark"]),
        .executable(name: "waymark-bench", targets: ["waymark-bench"]),
        .library(name: "WaymarkModel", targets: ["WaymarkModel"]),
        .library(name: "WaymarkImport", targets: ["WaymarkImport"]),
        .library(name: "WaymarkRender", targets: ["WaymarkRender"]),
        .library(name: "WaymarkStaleness", targets: ["WaymarkStaleness"]),
        .library(name: "WaymarkBrowser", targets: ["WaymarkBrowser"]),
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
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),

        // Pure Swift values: the step model, diagnostics, fingerprints. No I/O, no C.
        .target(
            name: "WaymarkModel",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // A Swift value tree over libxml2 (the only place that sees libxml2).
        .target(
            name: "WaymarkXML",
            dependencies: ["CLibXML2", "WaymarkModel"]
        ),
        .target(
            name: "WaymarkImport",
            dependencies: [
                "WaymarkModel", "WaymarkXML",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "WaymarkRender",
            dependencies: [
                "WaymarkModel", "WaymarkXML", "CCmark",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "WaymarkStaleness",
            dependencies: [
                "WaymarkModel", "WaymarkImport", "WaymarkRender", "WaymarkXML",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The build pipeline: import → render → write atomically → lock. Used by the CLI and benchmarks.
        .target(
            name: "WaymarkBuild",
            dependencies: [
                "WaymarkModel", "WaymarkImport", "WaymarkRender", "WaymarkStaleness",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "WaymarkCLI",
            dependencies: [
                "WaymarkModel", "WaymarkImport", "WaymarkRender", "WaymarkStaleness", "WaymarkXML", "WaymarkBuild",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The one browser adapter (W3C WebDriver over HTTP, chromedriver's lifetime) for replay and PDF printing.
        .target(
            name: "WaymarkBrowser",
            dependencies: [
                "WaymarkModel",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .executableTarget(name: "waymark", dependencies: ["WaymarkCLI"]),
        // Synthetic corpora for `make bench` (not shipped to users).
        .executableTarget(name: "waymark-bench", dependencies: ["WaymarkModel", "WaymarkImport", "WaymarkXML"]),
        // Golden-file assertions and paths to sample inputs, shared by every test target.
        .target(name: "WaymarkTestSupport", dependencies: ["WaymarkModel"], path: "Tests/WaymarkTestSupport"),

        .testTarget(name: "WaymarkModelTests", dependencies: ["WaymarkModel", "WaymarkTestSupport"]),
        .testTarget(name: "WaymarkXMLTests", dependencies: ["WaymarkXML", "WaymarkModel"]),
        .testTarget(name: "WaymarkImportTests", dependencies: [
            "WaymarkImport", "WaymarkModel", "WaymarkXML", "WaymarkTestSupport",
            // The zip tests build hostile archives in memory (path traversal, symlinks, zip bombs).
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: ["__Snapshots__"]),
        .testTarget(name: "WaymarkRenderTests", dependencies: ["WaymarkRender", "WaymarkImport", "WaymarkModel", "WaymarkXML", "WaymarkTestSupport", .product(name: "Yams", package: "Yams")], exclude: ["__Snapshots__"]),
        .testTarget(name: "WaymarkStalenessTests", dependencies: ["WaymarkStaleness", "WaymarkImport", "WaymarkModel", "WaymarkTestSupport"], exclude: ["__Snapshots__"]),
        .testTarget(name: "WaymarkBuildTests", dependencies: ["WaymarkBuild", "WaymarkModel", "WaymarkImport", "WaymarkRender", "WaymarkTestSupport"], exclude: ["__Snapshots__"]),
        // Real chromedriver + Chromium against pages served by an in-process loopback server (NIOHTTP1).
        .testTarget(name: "WaymarkBrowserTests", dependencies: [
            "WaymarkBrowser", "WaymarkModel", "CZlibForTests", "waymark-browser-signal-probe",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        // zlib's inflate, so the browser tests can decode the PNG screenshots they check (tests only).
        .systemLibrary(name: "CZlibForTests", path: "Tests/CZlibForTests", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // A tiny program the browser tests start, interrupt (SIGINT/SIGTERM) and then scan /proc for orphans.
        .executableTarget(name: "waymark-browser-signal-probe", dependencies: ["WaymarkBrowser"],
                          path: "Tests/WaymarkBrowserSignalProbe"),
        .testTarget(name: "WaymarkCLITests", dependencies: ["WaymarkCLI", "WaymarkModel", "WaymarkXML", "WaymarkTestSupport"], exclude: ["__Snapshots__"]),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer harness (Fuzz/): only when building fuzzers (`scripts/build-fuzzers.sh` sets WAYMARK_FUZZ=1), because
// libFuzzer supplies `main` and the binary links only with `-sanitize=fuzzer`.
if Context.environment["WAYMARK_FUZZ"] == "1" {
    package.targets.append(.executableTarget(
        name: "waymark-fuzz", dependencies: ["WaymarkCLI", "WaymarkImport", "WaymarkModel", "WaymarkRender", "WaymarkStaleness"],
        path: "Fuzz", exclude: ["regressions"]))
    package.products.append(.executable(name: "waymark-fuzz", targets: ["waymark-fuzz"]))
}
