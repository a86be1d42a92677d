import Foundation

// upgradedocs-bench: the benchmarks' helper. Not part of the product.
//   analysis  [--rules …] [--inputs 6] [--runs 5]     gap and overlap analysis of synthetic tables
//   generate  --out DIR [--pages N] [--offers M] [--paths P] [--base content]
//                                                     synthetic content for UpgradeDocs and Hugo
//   markdown  --content DIR [--runs 5]                the Markdown stage alone, in process
//   stages    --content DIR --output DIR              a fresh build's load, build and write, timed apart
//   rebuild   --content DIR --output DIR              a rebuild's steps, timed apart
//   memory    --content DIR [--templates DIR]         a whole build in memory: load, render, hash
//   hashing   --content DIR [--runs 9]               the manifest's hashing alone, and a rebuild's keys
//   suggest   --content DIR [--length 100000] [--runs 5]
//                                                     explain's look-up and "did you mean" for a long argument
switch CommandLine.arguments.dropFirst().first {
case "generate": generate()
case "suggest": suggestion()
case "markdown": markdownStage()
case "stages": stages()
case "rebuild": rebuildStages()
case "memory": inMemoryBuild()
case "review": reviewBenchmark()
case "hashing": hashingBenchmark()
default: analysisBenchmark()
}

func value(_ flag: String, _ fallback: String) -> String {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return fallback }
    return arguments[index + 1]
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func timed<T>(_ work: () throws -> T) rethrows -> (Double, T) {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try work()
    let elapsed = clock.now - start
    return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, result)
}
