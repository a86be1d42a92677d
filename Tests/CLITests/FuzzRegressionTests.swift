import Foundation
import Testing

/// Every input fuzzing once crashed on is kept in `Tests/Fuzz/TARGET/`, and
/// replayed through the same code, uninstrumented, on every test run.
@Suite("Fuzz findings stay fixed")
struct FuzzRegressionTests {
    @Test(
        "Each saved input replays through its target without a crash",
        arguments: ["content", "prose", "verify", "http", "checker"])
    func savedInputsReplay(target: String) throws {
        let folder = CLIRunner.repository + "/Tests/Fuzz/" + target
        let inputs = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { folder + "/" + $0 }
        let replay = CLIRunner.binary.deletingLastPathComponent().appendingPathComponent("upgradedocs-fuzz")
        let process = Process()
        process.executableURL = replay
        process.arguments = [target] + inputs
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(target): \(inputs)")
    }
}
