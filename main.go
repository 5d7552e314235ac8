// Command matomo-onboard takes a person from "I have a Matomo login" to "I
// hold a verified API token and know exactly which sites it reaches",
// without ever leaking the token.
//
//	matomo-onboard                 the wizard (in a terminal)
//	matomo-onboard --demo          the wizard against a built-in demo Matomo
//	matomo-onboard verify --url U  check a token from stdin or MATOMO_TOKEN_AUTH
//
// The command line lives in internal/cli; main only ties it to the process.
package main

import (
	"os"

	"matomo-onboard/internal/cli"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	ctx, caught, stop := cli.CatchSignals()
	code := cli.OSEnv(version).Run(ctx, os.Args[1:])
	stop()
	os.Exit(cli.ExitCode(code, caught()))
}
