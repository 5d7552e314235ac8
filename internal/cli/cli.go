// Package cli is matomo-onboard's command line: it parses flags, decides
// interactive or not before anything starts, runs a command and maps its
// end to an exit code. Matomo, the guide's content and the screens live in
// matomo/, steps/ and ui/; main only wires the process to Run.
package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"strings"
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
	silenceLibraryLogs()
	name, rest := "", args
	if len(args) > 0 {
		if _, ok := findCommand(args[0]); ok {
			name, rest = args[0], args[1:]
		} else if args[0] == "--version" {
			name, rest = "version", args[1:]
		}
	}
	switch name {
	case "verify":
		return c.verify(ctx, rest)
	case "steps":
		return c.steps(ctx, rest)
	case "demo-server":
		return c.demoServer(ctx, rest)
	case "version":
		return c.version(rest)
	case "help":
		return c.help(rest)
	}
	return c.wizard(ctx, rest)
}

// silenceLibraryLogs sends the standard logger nowhere. Nothing of this
// program logs through it, but libraries do, with what a server sent:
// Go's HTTP client prints "Unsolicited response received on idle HTTP
// channel starting with %q" when a server writes on a connection nobody
// asked on, and a hostile server that has the token writes it there. That
// line would pass every echo removal on its way to stderr, or across the
// wizard's screen. What such lines say is of no use to the person; the
// request's own error, redacted, says what went wrong.
func silenceLibraryLogs() {
	log.SetOutput(io.Discard)
	log.SetFlags(0)
}

// commands are the command line's commands, in the order help lists them.
func commands() []command {
	return []command{wizardCommand, verifyCommand, stepsCommand, demoServerCommand, versionCommand, helpCommand}
}

// findCommand looks a command up by the name typed; the wizard has none.
func findCommand(name string) (command, bool) {
	for _, cmd := range commands() {
		if cmd.name != "" && cmd.name == name {
			return cmd, true
		}
	}
	return command{}, false
}

// commandNames lists the commands' names for a message.
func commandNames() string {
	var names []string
	for _, cmd := range commands() {
		if cmd.name != "" {
			names = append(names, cmd.name)
		}
	}
	return strings.Join(names, ", ")
}

// noOptions are the options of a command that has none.
type noOptions struct{}

func (noOptions) define(*flag.FlagSet) {}

var versionCommand = command{
	name:    "version",
	usage:   "Usage: matomo-onboard version\n\nPrints the version of matomo-onboard.\n",
	options: func() options { return noOptions{} },
}

func (c *Env) version(args []string) int {
	if code, ok := c.parse(versionCommand, noOptions{}, args); !ok {
		return code
	}
	fmt.Fprintln(c.Stdout, "matomo-onboard", c.Version)
	return exitOK
}

// helpOptions are help's: no options, the name of a command.
type helpOptions struct{ names []string }

func (o *helpOptions) define(*flag.FlagSet)  {}
func (o *helpOptions) setArgs(args []string) { o.names = args }

var helpCommand = command{
	name:    "help",
	usage:   "Usage: matomo-onboard help [COMMAND]\n\nPrints what matomo-onboard does, or what COMMAND does and its options.\n",
	options: func() options { return new(helpOptions) },
}

// help prints the overview with the wizard's options, or one command's
// help, to stdout: it was asked for.
func (c *Env) help(args []string) int {
	var o helpOptions
	if code, ok := c.parse(helpCommand, &o, args); !ok {
		return code
	}
	switch {
	case len(o.names) == 0:
		wizardCommand.printHelp(c.Stdout)
		return exitOK
	case len(o.names) > 1:
		c.errf("matomo-onboard help: give one command's name. The commands are %s.", commandNames())
		return exitUsage
	}
	cmd, ok := findCommand(o.names[0])
	if !ok {
		// Not repeated: a person may have pasted anything here.
		c.errf("matomo-onboard help: there is no such command. The commands are %s.", commandNames())
		return exitUsage
	}
	cmd.printHelp(c.Stdout)
	return exitOK
}

const overview = `matomo-onboard: create and verify a Matomo API token (token_auth), step by step.

Usage:
  matomo-onboard [--url URL] [--demo] [--accessible]   the wizard, in a terminal
  matomo-onboard verify --url URL [--json] [--check-get] [--report FILE]
                                                       check a token (from stdin or MATOMO_TOKEN_AUTH)
  matomo-onboard steps --url URL [--format text|markdown] [--tool NAME]
                                                       print the steps as a checklist to send
  matomo-onboard demo-server [--addr A] [--sites N] [--latency D]
                                                       run the demo Matomo on its own
  matomo-onboard version
  matomo-onboard help [COMMAND]

Run "matomo-onboard help COMMAND" (or "matomo-onboard COMMAND --help") for a command's options.
Exit codes: 0 verified, 2 bad usage or input, 3 network/timeout/TLS, 4 not Matomo or redirect,
5 token rejected, 6 valid token without site, 7 blocked or rate limited, 8 server error, 130 canceled.
`

// errf prints a message for the user on stderr.
func (c *Env) errf(format string, a ...any) {
	fmt.Fprintf(c.Stderr, format+"\n", a...)
}
