import Testing
import XMLKit

/// The classic billion laughs: ten levels of ten references, 10^9 "lol"s (3 GB) if expanded.
private func billionLaughs(referencedFrom body: String) -> String {
    var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
    for level in 1...9 {
        let previous = level == 1 ? "lol" : "lol\(level - 1)"
        text += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
    }
    return text + "]>\n" + body + "\n"
}

/// Peak RSS growth, in kB, while `body` runs (Linux; `nil` elsewhere).
func peakGrowthKilobytes(_ body: () -> Void) -> Int? {
    resetPeakRSS()
    let before = procStatusKilobytes("VmHWM")
    body()
    guard let before, let after = procStatusKilobytes("VmHWM") else { return nil }
    return after - before
}

/// Expanded, these documents need gigabytes. The bound is loose because other suites run in the same
/// process at the same time; expansion would still blow through it.
private let boundInKilobytes = 512 * 1024

extension XMLKitTests {
    @Suite struct Amplification {
        @Test(arguments: ["<lolz>&lol9;</lolz>", "<lolz a=\"&lol9;\"/>", "<lolz><a>&lol9;</a><b>&lol9;</b></lolz>"])
        func billionLaughsIsRefusedWithBoundedMemory(body: String) {
            var error: XMLError?
            let growth = peakGrowthKilobytes {
                error = expectError(billionLaughs(referencedFrom: body), name: "lol.xml")
            }
            #expect(error?.file == "lol.xml")
            #expect(error?.line != nil)
            if let growth { #expect(growth < boundInKilobytes) }
        }

        @Test func quadraticBlowupIsRefusedWithBoundedMemory() {
            // One 100 kB entity referenced 20 000 times: 2 GB if expanded.
            let text =
                "<!DOCTYPE q [<!ENTITY a \"" + String(repeating: "a", count: 100_000) + "\">]>\n<q>"
                + String(repeating: "&a;", count: 20_000) + "</q>"
            var error: XMLError?
            let growth = peakGrowthKilobytes { error = expectError(text, name: "quadratic.xml") }
            #expect(error?.message.contains("DOCTYPE declares entities") == true)
            if let growth { #expect(growth < boundInKilobytes) }
        }
    }
}
