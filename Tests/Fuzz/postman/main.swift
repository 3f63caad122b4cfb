// libFuzzer harness: Postman collections and environments (JSON parse, the collection walk with
// variables and auth inheritance, the OAuth 2.0 helper), decoded claims and several JSON values
// in one paste, then the whole reader and the cross-request scan.
@testable import AssertLintKit
import Foundation

private let loader = FixtureLoader(environment: [:], realNow: Date(timeIntervalSince1970: 1_750_000_000))
private let environment = PostmanEnvironment(name: "fuzz", values: [("clientId", "0oa1"), ("domain", "dev-1.okta.com")])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let json = try? JSONParser.parse(bytes) {
        if PostmanCollection.isCollection(json) {
            _ = try? PostmanCollection.entries(json, environment: environment, source: "fuzz.json")
        }
        _ = PostmanEnvironment.read(json)
    }
    let text = String(decoding: bytes, as: UTF8.self)
    _ = JSONDocuments.split(text)
    _ = JSONDocuments.unfenced(text)
    _ = ServerAnswerInput.nodeError(text)
    if let subjects = try? InputReader.subjects(from: bytes, source: "fuzz.json", loader: loader, postmanEnvironment: environment) {
        let engine = Engine(rules: Registry.forDiagnose)
        _ = CrossRequest.markReplays(in: subjects.prefix(16).map(engine.run))
    }
    return 0
}
