public import ArgumentParser
import GleanerCore
#if canImport(Glibc)
import Glibc
#endif

/// A Gleaner executable's command: ArgumentParser parsing with the exit statuses
/// of DESIGN.md (usage errors exit 2, not ArgumentParser's 64), help and
/// version on stdout, every other diagnostic on stderr.
public protocol GleanerCommand: ParsableCommand {}

/// The async form of ``GleanerCommand`` (for `fetch`, which awaits the network).
public protocol GleanerAsyncCommand: AsyncParsableCommand {}

extension GleanerCommand {
    /// Parses the process arguments, runs the command and exits with a Gleaner status.
    public static func main() {
        ignoreBrokenPipeSignal()
        ignoreTerminalStopSignals()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exitWithStatus(for: error, command: Self.self)
        }
    }
}

extension GleanerAsyncCommand {
    /// Parses the process arguments, runs the command and exits with a Gleaner status.
    public static func main() async {
        ignoreBrokenPipeSignal()
        ignoreTerminalStopSignals()
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            exitWithStatus(for: error, command: Self.self)
        }
    }
}

/// Prints what ArgumentParser says of `error` and exits, mapping a usage error to ``SysExit/usage``.
func exitWithStatus(for error: any Error, command: any ParsableCommand.Type) -> Never {
    let code = command.exitCode(for: error)
    let message = command.fullMessage(for: error)
    if code == .success {
        if !message.isEmpty {
            var bytes = Array(message.utf8)
            bytes.append(0x0A)
            _ = FileDescriptorIO.writeAll(1, bytes)
        }
        exit(SysExit.ok)
    }
    if !message.isEmpty {
        let name = command.configuration.commandName ?? "gleaner"
        StandardError.write(message.hasPrefix("Error:") || message.hasPrefix("Usage:") ? message : "\(name): \(message)")
    }
    exit(code == .validationFailure ? SysExit.usage : code.rawValue)
}
