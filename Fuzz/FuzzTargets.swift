import Foundation
import WaymarkActions
import WaymarkImport
import WaymarkModel
import WaymarkRender
import WaymarkStaleness
import WaymarkJSON

/// libFuzzer entry points for every reader of untrusted bytes. One binary holds them all; the environment variable
/// `WAYMARK_FUZZ_TARGET` picks the one to run (see `FuzzTarget`). Built only by `scripts/build-fuzzers.sh`, never by
/// a plain `swift build`: libFuzzer supplies `main`, so the binary only links with `-sanitize=fuzzer`.
///
/// Each target asserts the contract of the reader: it returns (no crash, no trap, no hang), and a result without
/// captures carries at least one error diagnostic. Whatever an importer accepts also goes through the step phraser
/// and the native JSON writer, the first things a build does with an imported capture.
enum FuzzTarget: String, CaseIterable {
    case jsonParser = "json-parser"
    case nativeJSON = "native-json"
    case nativeXML = "native-xml"
    case chromeRecorder = "chrome-recorder"
    case seleniumIDE = "selenium-ide"
    case seleneseHTML = "selenese-html"
    case uiVision = "uivision"
    case stepsRecorderXML = "psr-xml"
    case stepsRecorderMIME = "psr-mime"
    case stepsRecorderZip = "psr-zip"
    case captureReader = "capture-reader"
    case configuration = "config"
    case lockFile = "lock"

    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["WAYMARK_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("Set WAYMARK_FUZZ_TARGET to one of: \(names)\n".utf8))
            exit(64)
        }
        return target
    }()

    func run(_ data: Data) {
        switch self {
        case .jsonParser:
            _ = try? JSONParser.parse([UInt8](data), file: "fuzz.json")
        case .nativeJSON:
            check(NativeJSONImporter(), CaptureInput(path: "fuzz.json", data: data))
        case .nativeXML:
            check(NativeXMLImporter(), CaptureInput(path: "fuzz.xml", data: data))
        case .chromeRecorder:
            check(ChromeRecorderImporter(), CaptureInput(path: "fuzz.json", data: data))
        case .seleniumIDE:
            check(SeleniumSideImporter(), CaptureInput(path: "fuzz.side", data: data))
        case .seleneseHTML:
            // No file URL: suite links are refused as unreadable, never resolved against the working directory.
            check(SeleneseHTMLImporter(), CaptureInput(path: "fuzz.html", data: data))
        case .uiVision:
            check(UIVisionImporter(), CaptureInput(path: "fuzz.json", data: data))
        case .stepsRecorderXML:
            check(StepsRecorderImporter(), CaptureInput(path: "fuzz.xml", data: data))
        case .stepsRecorderMIME:
            check(StepsRecorderImporter(), CaptureInput(path: "fuzz.mht", data: data))
        case .stepsRecorderZip:
            check(StepsRecorderImporter(), CaptureInput(path: "fuzz.zip", data: data))
        case .captureReader:
            let result = CaptureReader().read(CaptureInput(path: "fuzz", data: data))
            verify(result)
        case .configuration:
            _ = try? ConfigurationLoader.parse(String(decoding: data, as: UTF8.self), file: "waymark.yml")
        case .lockFile:
            // A lock that reads back must write canonically: reading what it writes gives the same text.
            guard let lock = try? LockFile.parse(data, file: "waymark.lock") else { return }
            let text = lock.serialized()
            guard let again = try? LockFile.parse(Data(text.utf8), file: "waymark.lock") else {
                fatalError("a serialized lock does not read back")
            }
            if again.serialized() != text { fatalError("lock serialization is not stable") }
        }
    }

    func check(_ importer: some CaptureImporter, _ input: CaptureInput) {
        _ = importer.recognizes(input)
        verify(importer.importCaptures(from: input))
    }

    func verify(_ result: ImportResult) {
        if result.captures.isEmpty && !result.hasErrors {
            // An importer that reads nothing must say why: silence would lose a person's recording.
            fatalError("import returned no captures and no error")
        }
        for capture in result.captures {
            _ = StepPhraser().phrase(capture)
            _ = NativeCaptureWriter.json(capture)
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    FuzzTarget.selected.run(data)
    return 0
}

/// libFuzzer's driver (public API since LLVM 12). SwiftPM links an executable's entry point as
/// `waymark_fuzz_main` (the module's renamed `main`), which keeps libFuzzer's own `main` out of the link, so the
/// entry point below runs the driver itself.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("waymark_fuzz_main")
public func waymarkFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { bytes, size in fuzzTestOneInput(bytes, size) }
}
