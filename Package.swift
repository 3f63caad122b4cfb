// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "assertlint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "assertlint", targets: ["assertlint"]),
        .library(name: "AssertLintKit", targets: ["AssertLintKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // System libraries: one thin C shim each (static inline functions in the module header).
        // libcrypto only: assertlint signs and verifies but speaks no TLS itself (libcurl brings
        // its own), and `openssl`'s pkg-config also linked libssl into every start.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // libcurl is not linked (no pkgConfig, whose `-lcurl` would link it): the shim opens it with
        // dlopen when the network is first used. Its header still comes from libcurl4-openssl-dev,
        // found on the compiler's default include path (/usr/include/<multiarch>/curl on Debian).
        .systemLibrary(
            name: "CCurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // All logic: inputs -> model -> rules -> engine -> reporters.
        .target(
            name: "AssertLintKit",
            dependencies: [
                "COpenSSL",
                "CCurl",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The command line: argument parsing only.
        .executableTarget(
            name: "assertlint",
            dependencies: [
                "AssertLintKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "AssertLintKitTests",
            dependencies: ["AssertLintKit"],
            exclude: ["Golden", "Schemas", "Data"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
