import WaymarkCLI

WaymarkCommand.runMain()
