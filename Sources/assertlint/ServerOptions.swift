import ArgumentParser
import AssertLintKit

/// `--server ID[@VERSION]` and `--profile-file FILE`, shared by diagnose and check.
struct ServerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Judge every input as this server profile would (e.g. okta-org, keycloak@26.3); `assertlint rules` does not list them, docs/profiles.md does. Default: from the fixture, the config or the URL.", valueName: "id"))
    var server: String?

    @Option(help: ArgumentHelp("Read an extra server profile from this YAML file (repeatable; see docs/profiles.md).", valueName: "file"))
    var profileFile: [String] = []

    /// The extra profiles, each read once.
    func profiles() throws(ProfileError) -> [ServerProfile] {
        var out: [ServerProfile] = []
        for file in profileFile {
            out.append(try ProfileLoader.read(path: file, known: ProfileSet.bundled.adding(out).profiles))
        }
        return out
    }

    /// The profile `--server` names, among the bundled and extra ones; one line listing the known ids otherwise.
    func forced(among set: ProfileSet) throws(ProfileError) -> ServerProfile? {
        guard let server else { return nil }
        switch set.resolve(server) {
        case .success(let p): return p
        case .failure(let e): throw ProfileError("--server", "\(e.file): \(e.reason)")
        }
    }
}
