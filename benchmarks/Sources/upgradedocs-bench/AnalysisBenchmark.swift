import Foundation
import UpgradeCheck

/// Times gap and overlap analysis on synthetic tables, for benchmarks/table-analysis.sh.
/// Usage: upgradedocs-bench analysis [--rules 1000,2000,5000,10000] [--inputs 6] [--runs 5]
func analysisBenchmark() {
    let sizes = value("--rules", "1000,2000,5000,10000").split(separator: ",").compactMap { Int($0) }
    let inputs = Int(value("--inputs", "6")) ?? 6
    let runs = Int(value("--runs", "5")) ?? 5

    func measure(_ table: BoxTable) -> (seconds: Double, analysis: BoxAnalysis) {
        var times: [Double] = []
        var last = table.analyse()
        for _ in 0..<runs {
            let (seconds, result) = timed { table.analyse() }
            times.append(seconds)
            last = result
        }
        return (median(times), last)
    }

    print("Gap and overlap analysis, \(inputs) inputs of 10 values, median of \(runs) runs")
    print("shape       rules   seconds   gaps  overlapping pairs")
    for shape in ["structured", "random"] {
        var points: [(Double, Double)] = []
        for size in sizes {
            let table =
                shape == "structured"
                ? SyntheticTables.structured(rules: size, inputs: inputs, seed: 7)
                : SyntheticTables.random(rules: size, inputs: inputs, seed: 7)
            let (seconds, analysis) = measure(table)
            points.append((Double(size), seconds))
            let pairs = analysis.overlapCountIsExact ? "\(analysis.overlapCount)" : "≥\(analysis.overlapCount)"
            let columns = String(format: "%7d  %8.4f  %5d  ", size, seconds, analysis.gaps.count)
            print(shape.padding(toLength: 10, withPad: " ", startingAt: 0), columns + pairs)
        }
        if points.count > 1 {
            // Least squares on log-log: time ∝ rules^k.
            let xs = points.map { log($0.0) }, ys = points.map { log($0.1) }
            let mx = xs.reduce(0, +) / Double(xs.count), my = ys.reduce(0, +) / Double(ys.count)
            let covariance: Double = zip(xs, ys).map { x, y -> Double in (x - mx) * (y - my) }.reduce(0, +)
            let variance: Double = xs.map { x -> Double in (x - mx) * (x - mx) }.reduce(0, +)
            print("\(shape): time grows as rules^" + String(format: "%.2f", covariance / variance))
        }
    }
}
