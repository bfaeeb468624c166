import Foundation
import Testing
import WaymarkImport
import WaymarkModel
import WaymarkTestSupport

/// UI.Vision RPA macros, from hand-written files shaped like UI.Vision's exports (web, desktop and visual commands).
@Suite struct UIVisionImporterTests {
    static func macro(_ commands: [(String, String, String)], name: String = "Order supplies", bom: Bool = false) -> Data {
        let body = commands.map { c in
            #"{"Command": "\#(c.0)", "Target": "\#(c.1)", "Value": "\#(c.2)", "Description": ""}"#
        }.joined(separator: ",\n    ")
        let text = "{\n  \"Name\": \"\(name)\",\n  \"CreationDate\": \"2024-05-02\",\n  \"Commands\": [\n    \(body)\n  ]\n}\n"
        return (bom ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8)
    }

    static func read(_ data: Data, path: String = "macros/order.json") -> ImportResult {
        CaptureReader().read(CaptureInput(path: path, data: data))
    }

    @Test func aMacroWithAByteOrderMarkIsRecognisedAndRead() throws {
        let data = Self.macro([
            ("open", "https://supplies.example.com/", ""),
            ("clickAndWait", "linkText=Paper", ""),
            ("type", "id=amount", "5"),
            ("if_v2", "${amount} > 3", ""),
            ("echo", "Large order", "blue"),
            ("end", "", ""),
        ], bom: true)
        let input = CaptureInput(path: "order.json", data: data)
        #expect(CaptureReader().detectFormat(of: input) == .uiVision)
        let result = CaptureReader().read(input)
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let capture = try #require(result.captures.first)
        #expect(capture.id == "order-supplies")
        #expect(capture.title == "Order supplies")
        #expect(capture.recordedAt == "2024-05-02")
        #expect(capture.application == "supplies.example.com")
        #expect(capture.source == CaptureSource(format: .uiVision, path: "order.json"))
        #expect(capture.steps.map(\.action) == [.navigate, .click, .type, .note, .note, .note])
        #expect(capture.steps[1].target?.label == "Paper")
        #expect(capture.steps[1].note == "Wait for the page to load.")
        #expect(capture.steps[3].note == "Do the following steps only when a condition holds.")
        #expect(capture.steps[5].note == "End of the conditional steps.")
    }

    @Test func targetsAlternativesAreKeptAsSelectorsAndDescriptionsAsNotes() throws {
        let json = #"""
        {"Name": "Alternatives", "Commands": [
          {"Command": "click", "Target": "xpath=//*[@id=\"save\"]", "Value": "",
           "Targets": ["xpath=//*[@id=\"save\"]", "id=save", "css=#save"], "Description": "Saves the draft"}
        ]}
        """#
        let capture = try #require(Self.read(Data(json.utf8)).captures.first)
        let step = try #require(capture.steps.first)
        #expect(step.target?.selectors == [#"xpath=//*[@id="save"]"#, "id=save", "css=#save"])
        #expect(step.target?.label == "Save")
        #expect(step.note == "Saves the draft")
    }

    @Test func desktopAndVisualCommandsAreStepsInWordsNeverImageNames() throws {
        let result = Self.read(Self.macro([
            ("XDesktopAutomation", "true", ""),
            ("XClick", "save_button_dpi_96.png@0.8", ""),
            ("XClick", "ocr=Submit order", "#doubleclick"),
            ("XClickText", "Invoices", ""),
            ("XClick", "640,480", "#right"),
            ("XType", "Quarterly report", ""),
            ("XType", "${KEY_CTRL+KEY_S}", ""),
            ("XMove", "logo_dpi_96.png", "#down"),
            ("XRun", "C:\\\\Program Files\\\\Notepad++\\\\notepad++.exe", ""),
            ("visualAssert", "done_banner_dpi_96.png", ""),
            ("OCRExtract", "total_area_dpi_96.png", "total"),
            ("OCRSearch", "Thank you", "found"),
        ]))
        let capture = try #require(result.captures.first)
        let steps = capture.steps
        #expect(steps.map(\.action) == [.note, .click, .doubleClick, .click, .rightClick, .type, .press, .hover, .custom, .assert, .note, .assert])
        #expect(steps[1].target?.label == nil)
        #expect(steps[1].instruction == "Click the place on the screen that the recording marks with a reference image.")
        #expect(steps[2].target?.label == "Submit order")
        #expect(steps[3].target?.label == "Invoices")
        #expect(steps[4].instruction == "Right-click the point 640, 480 on the screen (pixels from the top-left corner).")
        #expect(steps[5].value == "Quarterly report")
        #expect(steps[6].key == "S" && steps[6].modifiers == [.ctrl])
        #expect(steps[8].instruction == "Start the program “notepad++.exe”.")
        #expect(steps[11].instruction == "Check that the screen shows “Thank you”.")
        // No image file name anywhere a learner reads it.
        for step in steps {
            let shown = [step.target?.label, step.instruction, step.note, step.value].compactMap { $0 }.joined(separator: " ")
            #expect(!shown.contains(".png"), "\(shown)")
            #expect(!(step.target?.selectors ?? []).contains { $0.contains(".png") })
        }
        #expect(result.diagnostics.filter { $0.code == "uivision.visual-command" }.count == 3)
        #expect(!result.hasErrors)
    }

    @Test func labelsStoresAndRecorderHousekeepingReadAsNotes() throws {
        let result = Self.read(Self.macro([
            ("label", "start", ""),
            ("store", "0", "count"),
            ("csvRead", "orders.csv", ""),
            ("bringBrowserToForeground", "", ""),
            ("gotoLabel", "start", ""),
            ("throwError", "Stock is empty", ""),
        ]))
        let capture = try #require(result.captures.first)
        #expect(capture.steps.map(\.action) == [.note, .note, .note, .note, .note])
        #expect(capture.steps[0].note == "This point is marked “start” so later steps can come back to it.")
        #expect(capture.steps[3].note == "Go back to the step marked “start” and carry on from there.")
        #expect(capture.steps[4].note == "Stop here: Stock is empty")
        #expect(result.diagnostics.map(\.code) == ["selenium.playback-only"])
    }

    @Test func jsonThatIsNotAMacroIsReportedWhenForced() {
        let result = CaptureReader().read(CaptureInput(path: "x.json", data: Data(#"{"Name": "x"}"#.utf8)), format: .uiVision)
        #expect(result.captures.isEmpty)
        #expect(result.diagnostics.map(\.code) == ["uivision.not-a-macro"])
    }

    @Test func aMacroWithoutANameIsNamedAfterItsFile() throws {
        let json = #"{"Commands": [{"Command": "open", "Target": "https://a.example/", "Value": ""}]}"#
        let result = Self.read(Data(json.utf8), path: "exports/Daily check.json")
        #expect(result.captures.first?.id == "daily-check")
        #expect(result.diagnostics.map(\.code) == ["uivision.missing-field"])
    }
}
