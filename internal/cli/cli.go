// Package cli is matomo-onboard's command line: it parses flags, decides
// interactive or not before anything starts, runs a command and maps its
// end to an exit code. Matomo, the guide's content and the screens live in
// matomo/, steps/ and ui/; main only wires the process to Run.
package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"
)

// Exit codes, documented in the README.
const (
	exitOK        = 0
	exitFailure   = 1 // something outside Matomo failed (writing a file)
	exitUsage     = 2 // bad usage or input
	exitNetwork   = 3 // network, timeout, TLS
	exitNotMatomo = 4 // not Matomo, or a redirect
	exitRejected  = 5 // token rejected
	exitNoAccess  = 6 // valid token without site
	exitBlocked   = 7 // brute-force lock-out or rate limit
	exitServer    = 8 // Matomo's own server error
	exitCanceled  = 130
)

// Env is the process's surroundings, so that commands can be run and
// tested in-process.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// Now is the clock (it dates the suggested token description).
	Now func() time.Time
	// Version is this build's version, for `version` and reports.
	Version string
	// IsTerminal reports whether a stream is an interactive terminal.
	IsTerminal func(any) bool
}

// OSEnv is the real process's surroundings.
func OSEnv(version string) *Env {
	return &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv,
		Now: time.Now, Version: version, IsTerminal: isTerminal}
}

func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	return ok && term.IsTerminal(int(file.Fd()))
}

// Run dispatches to a command and returns the exit code.
func (c *Env) Run(ctx context.Context, args []string) int {
	if len(args) > 0 {
		switch args[0] {
		case "verify":
			return c.verify(ctx, args[1:])
		case "steps":
			return c.steps(args[1:])
		case "demo-server":
			return c.demoServer(ctx, args[1:])
		case "version", "--version":
			fmt.Fprintln(c.Stdout, "matomo-onboard", c.Version)
			return exitOK
		case "help", "-h", "-help", "--help":
			// The wizard's flag set prints the overview and its options.
			return c.wizard(ctx, []string{"--help"})
		}
	}
	return c.wizard(ctx, args)
}

func (c *Env) usage(w io.Writer) {
	fmt.Fprint(w, `matomo-onboard: create and verify a Matomo API token (token_auth), step by step.

Usage:
  matomo-onboard [--url URL] [--demo] [--accessible]   the wizard, in a terminal
  matomo-onboard verify --url URL [--json] [--check-get] [--report FILE]
                                                       check a token (from stdin or MATOMO_TOKEN_AUTH)
  matomo-onboard steps --url URL [--format text|markdown] [--tool NAME]
                                                       print the steps as a checklist to send
  matomo-onboard demo-server [--addr A] [--sites N] [--latency D]
                                                       run the demo Matomo on its own
  matomo-onboard version

Run "matomo-onboard COMMAND --help" for a command's options.
Exit codes: 0 verified, 2 bad usage or input, 3 network/timeout/TLS, 4 not Matomo or redirect,
5 token rejected, 6 valid token without site, 7 blocked or rate limited, 8 server error, 130 canceled.
`)
}

// errf prints a message for the user on stderr.
func (c *Env) errf(format string, a ...any) {
	fmt.Fprintf(c.Stderr, format+"\n", a...)
}
