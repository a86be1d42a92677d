import Foundation

// One program for the five fuzz targets. Built by `scripts/fuzz`
// (`-sanitize=fuzzer,address -D FUZZING`), libFuzzer's own `main` drives it and
// UPGRADEDOCS_FUZZ_TARGET names the target. Built plainly, it replays the files
// it is given, which is how the regression tests run what fuzzing once found:
//
//   upgradedocs-fuzz content|prose|verify|http|checker FILE…

#if !FUZZING
    @main
    struct Replay {
        static func main() {
            let arguments = CommandLine.arguments
            guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[1]) else {
                let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
                FileHandle.standardError.write(Data("usage: upgradedocs-fuzz \(names) FILE…\n".utf8))
                exit(2)
            }
            var replayed = 0
            for path in arguments.dropFirst(2) {
                guard let data = FileManager.default.contents(atPath: path) else {
                    FileHandle.standardError.write(Data("upgradedocs-fuzz: cannot read \(path)\n".utf8))
                    exit(1)
                }
                target.run(Array(data))
                replayed += 1
            }
            print("\(replayed) input\(replayed == 1 ? "" : "s") replayed through \(target.rawValue), no crash")
        }
    }
#endif

#if FUZZING
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzer(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32

    /// The package's executables have a Swift `main`; this one hands the command line to libFuzzer.
    @main
    struct Fuzz {
        static func main() {
            var count = CommandLine.argc
            var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            exit(runFuzzer(&count, &arguments, fuzzOneInput))
        }
    }
#endif
