// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "tokensim",
  products: [
    .library(name: "TokenSimKit", targets: ["TokenSimKit"]),
    .executable(name: "tokensim", targets: ["tokensim"]),
  ],
  targets: [
    .target(
      name: "TokenSimKit",
      swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
    .executableTarget(name: "tokensim", dependencies: ["TokenSimKit"]),
    .testTarget(name: "TokenSimKitTests", dependencies: ["TokenSimKit"]),
  ]
)
