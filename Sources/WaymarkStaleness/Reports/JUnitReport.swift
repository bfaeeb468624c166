import WaymarkEscaping

/// JUnit XML, which every CI server displays as tests: one test case per material × check (source, outputs,
/// review, template, tracked). Findings in `--fail-on` are failures; the others pass with the finding in
/// `system-out`, so warnings are visible without failing the build.
public enum JUnitReport {
    public static func render(_ report: StalenessReport) -> String {
        struct Case {
            var classname: String
            var name: String
            var file: String
            var failing: [Finding]
            var passing: [Finding]
        }
        var cases: [Case] = []
        let byMaterial = report.findingsByMaterial
        for material in report.materials {
            let findings = byMaterial[material.name] ?? []
            for check in material.checks {
                let here = findings.filter { $0.kind.check == check }
                cases.append(Case(
                    classname: material.name, name: check, file: material.file,
                    failing: here.filter(report.isFailing), passing: here.filter { !report.isFailing($0) }))
            }
        }
        let failures = cases.filter { !$0.failing.isEmpty }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"waymark check\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\">\n"
        out += "  <testsuite name=\"waymark check\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
        for c in cases {
            out += "    <testcase classname=\"\(XMLEscaping.lenientAttribute(c.classname))\" name=\"\(XMLEscaping.lenientAttribute(c.name))\" file=\"\(XMLEscaping.lenientAttribute(c.file))\""
            if c.failing.isEmpty, c.passing.isEmpty {
                out += "/>\n"
                continue
            }
            out += ">\n"
            if let first = c.failing.first {
                let kinds = Set(c.failing.map(\.kind.rawValue)).sorted().joined(separator: ",")
                let body = c.failing.map { f in
                    let place = f.line.map { "\(f.file):\($0)" } ?? f.file
                    return "\(place): \(f.fullMessage)" + (f.owner.map { "\nOwner: \($0)" } ?? "")
                }.joined(separator: "\n\n")
                out += "      <failure message=\"\(XMLEscaping.lenientAttribute(first.message))\" type=\"\(XMLEscaping.lenientAttribute(kinds))\">\(XMLEscaping.lenientAttribute(body))</failure>\n"
            }
            if !c.passing.isEmpty {
                let body = c.passing.map { "warning[\($0.kind.rawValue)] \($0.file): \($0.fullMessage)" }.joined(separator: "\n")
                out += "      <system-out>\(XMLEscaping.lenientAttribute(body))</system-out>\n"
            }
            out += "    </testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }
}
