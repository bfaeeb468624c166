import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A static web server on 127.0.0.1 inside the test process, so nothing it serves outlives the tests.
///
/// It serves folders under URL prefixes (`/puppeteer/` → `../shared/replay-sites/puppeteer-replay/`) and one
/// special page, `/never-finishes`, which sends its headers and the start of a page and then never sends the rest:
/// a page that never stops loading.
final class LoopbackSiteServer: Sendable {
    /// A URL prefix and the folder it serves.
    struct Mount: Sendable {
        let prefix: String
        let folder: URL
    }

    let port: Int
    private let serverChannel: any Channel
    private let connections: ConnectionList

    /// `http://127.0.0.1:<port>`.
    var origin: String { "http://127.0.0.1:\(port)" }

    /// The address of `path` (which starts with `/`).
    func url(_ path: String) -> String { origin + path }

    static func start(mounts: [Mount]) async throws -> LoopbackSiteServer {
        let connections = ConnectionList()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                connections.add(channel)
                return channel.pipeline.configureHTTPServerPipeline(withErrorHandling: true).flatMapThrowing {
                    try channel.pipeline.syncOperations.addHandler(SiteRequestHandler(mounts: mounts))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        guard let port = channel.localAddress?.port else { throw ServerError.noPort }
        return LoopbackSiteServer(port: port, serverChannel: channel, connections: connections)
    }

    private init(port: Int, serverChannel: any Channel, connections: ConnectionList) {
        self.port = port
        self.serverChannel = serverChannel
        self.connections = connections
    }

    /// Stops accepting and closes every open connection (the never-finishing ones included).
    func stop() async {
        try? await serverChannel.close()
        for channel in connections.all() { try? await channel.close() }
    }

    enum ServerError: Error { case noPort }
}

/// The server's open connections, so `stop()` can close the ones that never finish.
private final class ConnectionList: @unchecked Sendable {
    private let lock = NSLock()
    private var channels: [any Channel] = []

    func add(_ channel: any Channel) {
        lock.lock()
        channels.append(channel)
        lock.unlock()
    }

    func all() -> [any Channel] {
        lock.lock()
        defer { lock.unlock() }
        return channels
    }
}

/// Answers GET requests from the mounted folders; one response per connection.
private final class SiteRequestHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let mounts: [LoopbackSiteServer.Mount]
    private var path = "/"

    init(mounts: [LoopbackSiteServer.Mount]) { self.mounts = mounts }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            let target = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
            path = target.removingPercentEncoding ?? target
        case .body:
            break
        case .end:
            respond(context: context)
        }
    }

    private func respond(context: ChannelHandlerContext) {
        if path == "/never-finishes" {
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: "text/html; charset=utf-8")
            headers.add(name: "Content-Length", value: "1000000")
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
            let start = "<!doctype html><title>Never finishes</title><p id=\"partial\">Still loading</p>"
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: start)))), promise: nil)
            return  // the rest never comes; the server closes the connection when it stops
        }
        guard let file = resolve(path), let data = FileManager.default.contents(atPath: file.path) else {
            send(context: context, status: .notFound, type: "text/plain", body: Array("Not found: \(path)\n".utf8))
            return
        }
        send(context: context, status: .ok, type: Self.contentType(file.pathExtension), body: [UInt8](data))
    }

    private func resolve(_ path: String) -> URL? {
        guard !path.split(separator: "/").contains("..") else { return nil }
        for mount in mounts where path.hasPrefix(mount.prefix) {
            var relative = String(path.dropFirst(mount.prefix.count))
            if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
            return mount.folder.appendingPathComponent(relative)
        }
        return nil
    }

    private func send(context: ChannelHandlerContext, status: HTTPResponseStatus, type: String, body: [UInt8]) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: type)
        headers.add(name: "Content-Length", value: String(body.count))
        headers.add(name: "Cache-Control", value: "no-store")
        headers.add(name: "Connection", value: "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }

    private static func contentType(_ pathExtension: String) -> String {
        switch pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "json": "application/json"
        case "png": "image/png"
        case "svg": "image/svg+xml"
        default: "text/plain; charset=utf-8"
        }
    }
}
