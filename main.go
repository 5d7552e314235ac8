// Command matomo-onboard takes a person from "I have a Matomo login" to "I
// hold a verified API token and know exactly which sites it reaches",
// without ever leaking the token.
//
//	matomo-onboard                 the wizard (in a terminal)
//	matomo-onboard --demo          the wizard against a built-in demo Matomo
//	matomo-onboard verify --url U  check a token from stdin or MATOMO_TOKEN_AUTH
//
// main decides interactive or not before anything starts, parses flags and
// maps errors to exit codes; everything else lives in matomo/, steps/ and ui/.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

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

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// cli is the process's surroundings, so that commands can be run and
// tested in-process.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// terminal reports whether a stream is an interactive terminal.
	terminal func(any) bool
}

func main() {
	c := &cli{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv, terminal: isTerminal}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := c.run(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}

func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	return ok && term.IsTerminal(int(file.Fd()))
}

// run dispatches to a command and returns the exit code.
func (c *cli) run(ctx context.Context, args []string) int {
	if len(args) > 0 {
		switch args[0] {
		case "verify":
			return c.verify(ctx, args[1:])
		case "steps":
			return c.steps(args[1:])
		case "demo-server":
			return c.demoServer(ctx, args[1:])
		case "version", "--version":
			fmt.Fprintln(c.stdout, "matomo-onboard", version)
			return exitOK
		case "help", "-h", "-help", "--help":
			// The wizard's flag set prints the overview and its options.
			return c.wizard(ctx, []string{"--help"})
		}
	}
	return c.wizard(ctx, args)
}

func (c *cli) usage(w io.Writer) {
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
func (c *cli) errf(format string, a ...any) {
	fmt.Fprintf(c.stderr, format+"\n", a...)
}
