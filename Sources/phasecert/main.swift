import PhasecertCLI

await PhasecertMain.run()
