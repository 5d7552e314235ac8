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

	"matomo-onboard/internal/i18n"
	"matomo-onboard/internal/locale"
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
	// p writes this program's words in the person's language; Run
	// chooses it (see language).
	p *i18n.Printer
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
	c.p = i18n.For(c.language(args))
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

// language is the person's language for this run: a --lang among args
// that reads as one, else the environment's (locale.Language). The value
// is only read here, never said: a --lang that is not a language is
// refused by parse, like any bad value, without repeating it.
func (c *Env) language(args []string) string {
	flag := ""
	for i, arg := range args {
		if arg == "--" {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if !strings.HasPrefix(arg, "-") || name != "lang" {
			continue
		}
		if !hasValue && i+1 < len(args) {
			value = args[i+1]
		}
		if _, err := locale.Parse(value); err == nil {
			flag = value
		}
	}
	lang, err := locale.Language(flag, c.Getenv)
	if err != nil {
		return locale.English
	}
	return lang
}

// tr is the Printer for the person's language; English before Run chose
// one.
func (c *Env) tr() *i18n.Printer {
	if c.p == nil {
		return i18n.English()
	}
	return c.p
}

// say prints a message for the user on stderr, with a line break.
func (c *Env) say(m *i18n.Message, a ...any) {
	c.tr().Fprintln(c.Stderr, m, a...)
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

func (noOptions) define(*flag.FlagSet, *i18n.Printer) {}

var versionCommand = command{
	name:    "version",
	usage:   i18n.CLIVersionUsage,
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

func (o *helpOptions) define(*flag.FlagSet, *i18n.Printer) {}
func (o *helpOptions) setArgs(args []string)               { o.names = args }

var helpCommand = command{
	name:    "help",
	usage:   i18n.CLIHelpUsage,
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
		wizardCommand.printHelp(c.Stdout, c.tr())
		return exitOK
	case len(o.names) > 1:
		c.say(i18n.CLIHelpOneName, commandNames())
		return exitUsage
	}
	cmd, ok := findCommand(o.names[0])
	if !ok {
		// Not repeated: a person may have pasted anything here.
		c.say(i18n.CLIHelpNoSuchCommand, commandNames())
		return exitUsage
	}
	cmd.printHelp(c.Stdout, c.tr())
	return exitOK
}

// errf prints a message for the user on stderr.
func (c *Env) errf(format string, a ...any) {
	fmt.Fprintf(c.Stderr, format+"\n", a...)
}
