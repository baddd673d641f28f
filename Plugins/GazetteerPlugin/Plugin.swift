import PackagePlugin

/// Compiles Extraction's gazetteer text files into `gazetteer.bin`, a resource
/// the stages map at start-up instead of parsing 2 MB of text on every run.
@main struct GazetteerPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let resources = target.directoryURL.appending(path: "Resources")
        let inputs = ["places.tsv", "given-names.txt", "surnames.txt", "english-words.txt"].map {
            resources.appending(path: $0)
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "gazetteer.bin")
        return [
            .buildCommand(
                displayName: "Compiling the gazetteer of \(target.name)",
                executable: try context.tool(named: "gazetteer-compiler").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
