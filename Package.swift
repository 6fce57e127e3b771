// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "tokensim",
  products: [
    .library(name: "TokenSimKit", targets: ["TokenSimKit"]),
    .executable(name: "tokensim", targets: ["tokensim"]),
  ],
  targets: [
    // No unsafe flags: SwiftPM refuses a versioned dependency on a package whose product has them.
    // The release binary skips exclusivity checks by `-Xswiftc` from the Makefile instead.
    .target(name: "TokenSimKit"),
    // Live mode: sockets and the wall clock live here only; TokenSimKit never reads either.
    .target(name: "TokenSimLive", dependencies: ["TokenSimKit"]),
    .executableTarget(name: "tokensim", dependencies: ["TokenSimKit", "TokenSimLive"]),
    .testTarget(name: "TokenSimKitTests", dependencies: ["TokenSimKit"]),
    .testTarget(name: "TokenSimLiveTests", dependencies: ["TokenSimLive", "TokenSimKit"]),
  ]
)
