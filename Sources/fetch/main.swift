import GleanerCommands

await Commands.fetch()
