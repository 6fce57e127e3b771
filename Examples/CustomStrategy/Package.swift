// swift-tools-version: 6.0
// A package outside tokensim that uses TokenSimKit by version, as your own project would.
// `make dependent-package` (in the tokensim checkout) builds and runs it against a clone of the
// committed HEAD tagged 0.1.0, with the URL below pointed at that clone.
import PackageDescription

let package = Package(
  name: "CustomStrategy",
  dependencies: [
    .package(url: "https://github.com/your-org/tokensim.git", from: "0.1.0")
  ],
  targets: [
    .executableTarget(
      name: "CustomStrategy",
      dependencies: [.product(name: "TokenSimKit", package: "tokensim")])
  ]
)
