import UpgradeBase
import UpgradeSiteContract

extension Manifest {
    /// The manifest of a site made of `files`: each one's kind and SHA-256, hashed on both cores, in path order.
    package init(describing files: [GeneratedFile], asOf: String) {
        let digests = ConcurrentMap.run(files) { $0.sha256 }
        self.init(
            generator: Generator.name, asOf: asOf,
            entries: zip(files, digests).map { file, digest in
                Entry(path: file.path, kind: file.kind, sha256: digest)
            }.sorted { $0.path < $1.path })
    }
}
