import Foundation
import Testing
import WaymarkModel

/// `PathSyntax` lets hot loops skip Foundation's path standardization; its answers must be Foundation's.
@Suite struct PathSyntaxTests {
    static let paths = [
        "/", "//", "/a", "/a/", "/a//b", "/a/./b", "/a/../b", "/a/b/..", "/a/b/.", "/.", "/..", "/...", "/a/.../b",
        "/a/.b", "/a/b.", "/a/..b", "/tmp/project/captures/a.json", "/tmp/x y/é/日本.json", "/a/b\u{301}/c",
        "relative", "./x", "../x", "a/b", "", "~", "~/x", "/~/x", "/a/~", "/a/b/c/d/e/f/g.xml",
    ]

    @Test func standardAbsolutePathsAreLeftAsFoundationLeavesThem() {
        for path in Self.paths where !path.isEmpty {
            let url = URL(fileURLWithPath: path)
            if PathSyntax.isStandardAbsolute(path) {
                #expect(url.standardizedFileURL.path == path, "\(path.debugDescription)")
            }
            #expect(PathSyntax.standardizedPath(of: url) == url.standardizedFileURL.path, "\(path.debugDescription)")
        }
        #expect(PathSyntax.isStandardAbsolute("/"))
        #expect(PathSyntax.isStandardAbsolute("/tmp/project/a.json"))
        #expect(PathSyntax.isStandardAbsolute("/a/.../b"))
        for rejected in ["", "a", "/a/", "//a", "/a//b", "/./a", "/a/..", "/a/.", "~/a"] {
            #expect(!PathSyntax.isStandardAbsolute(rejected), "\(rejected.debugDescription)")
        }
    }

    @Test func standardizedPathOfRelativeURLs() {
        let base = URL(fileURLWithPath: "/tmp/project/", isDirectory: true)
        for path in ["a.json", "captures/../a.json", "./a.json", "x//y", "../out"] {
            let url = URL(fileURLWithPath: path, relativeTo: base)
            #expect(PathSyntax.standardizedPath(of: url) == url.standardizedFileURL.path, "\(path)")
        }
    }

    /// The rule `check` used before: not empty, not absolute, every component a name.
    static func referencePlainRelative(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/")
            && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    @Test func plainRelativeMatchesTheComponentRule() {
        let samples = Self.paths + ["a/guide.md", "a/images/step-01.png", "a/", "a//b", "a/./b", "a/../b", ".", "..",
                                    "...", ".a/b", "a/.b", "x y/z", "é/ü", "style.css", "a/b/"]
        for path in samples {
            #expect(PathSyntax.isPlainRelative(path) == Self.referencePlainRelative(path), "\(path.debugDescription)")
        }
    }

    @Test func displayPathComparesBytes() {
        #expect(DisplayPath.of("/tmp/p/out/a.md", relativeTo: "/tmp/p") == "out/a.md")
        #expect(DisplayPath.of("/tmp/p/out/a.md", relativeTo: "/tmp/p/") == "out/a.md")
        #expect(DisplayPath.of("/tmp/pq/a.md", relativeTo: "/tmp/p") == "/tmp/pq/a.md")
        #expect(DisplayPath.of("/tmp/p/é/日.md", relativeTo: "/tmp/p") == "é/日.md")
        // A combining mark right after the folder's slash is still inside the folder.
        #expect(DisplayPath.of("/tmp/p/\u{301}x.md", relativeTo: "/tmp/p") == "\u{301}x.md")
        #expect(DisplayPath.of(URL(fileURLWithPath: "/tmp/p/./a/../b.md"), relativeTo: URL(fileURLWithPath: "/tmp/p/")) == "b.md")
    }
}
