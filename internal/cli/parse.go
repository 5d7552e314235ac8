package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"matomo-onboard/matomo"
)

// Every command reads its command line through parse, so that all of them
// behave alike at the edges: help that was asked for goes to stdout with
// exit 0, a wrong command line to stderr with exit 2, and nothing the
// person typed is repeated unless it passed the token check first. The
// standard flag package quotes what it could not use ("flag provided but
// not defined: -<token>", "invalid value \"<token>\" for flag -timeout"),
// so its own messages are never shown.

// options are one command's options: define puts them on a flag set.
type options interface {
	define(fs *flag.FlagSet)
}

// argsTaker is implemented by options that take arguments besides options
// (help's command name); every other command refuses arguments.
type argsTaker interface {
	setArgs(args []string)
}

// checker is implemented by options whose values need a check beyond
// their type (a timeout that must be positive). check returns what is
// wrong, or "".
type checker interface {
	check() string
}

// command is one command of the command line, as help shows it.
type command struct {
	// name is what is typed; "" is the wizard, which runs without one.
	name string
	// usage is the usage line and what the command does, printed above
	// its options.
	usage string
	// options returns a fresh set of the command's options, for help.
	options func() options
	// argsHint says what to do instead of giving an argument.
	argsHint string
}

// title is the command as the person types it.
func (cmd command) title() string {
	if cmd.name == "" {
		return "matomo-onboard"
	}
	return "matomo-onboard " + cmd.name
}

// flagSet builds the command's flag set, silent: parse says what went
// wrong in its own words.
func (cmd command) flagSet(o options) *flag.FlagSet {
	fs := flag.NewFlagSet(cmd.title(), flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	o.define(fs)
	return fs
}

// printHelp writes the command's usage and options to w.
func (cmd command) printHelp(w io.Writer) {
	fmt.Fprint(w, cmd.usage)
	fs := cmd.flagSet(cmd.options())
	if cmd.name == "" {
		fmt.Fprintln(w, "\nWizard options:")
	} else if hasFlags(fs) {
		fmt.Fprintln(w, "\nOptions:")
	}
	fs.SetOutput(w)
	fs.PrintDefaults()
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// optionNames lists the command's options as they are typed.
func optionNames(fs *flag.FlagSet) string {
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, "--"+f.Name) })
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

// parse reads args into o. It returns ok=false, with the exit code, when
// the command must not run: help was asked for (printed to stdout, exit
// 0) or the command line is wrong (said on stderr, exit 2).
func (c *Env) parse(cmd command, o options, args []string) (code int, ok bool) {
	fs := cmd.flagSet(o)
	// First of all, and before anything is looked up or printed: a token,
	// or a piece of one, anywhere on the command line. One check for every
	// option and argument: nothing that passed it is a token's piece, so
	// any value may be repeated in a message later.
	if where, what, found := secretOnCommandLine(fs, args); found {
		c.errf("%s", secretOnCommandLineMessage(where, what))
		return exitUsage, false
	}
	failed := guardValues(fs)
	err := fs.Parse(args)
	failed.restore()
	switch {
	case errors.Is(err, flag.ErrHelp):
		cmd.printHelp(c.Stdout)
		return exitOK, false
	case err != nil:
		c.errf("%s: %s\n%s", cmd.title(), badFlag(fs, err, failed.name), seeHelp(cmd))
		return exitUsage, false
	case fs.NArg() > 0 && takesArgs(o):
		o.(argsTaker).setArgs(fs.Args())
	case fs.NArg() > 0:
		c.errf("%s: %s\n%s", cmd.title(), unexpectedArgs(cmd, fs.NArg()), seeHelp(cmd))
		return exitUsage, false
	}
	if ch, is := o.(checker); is {
		if msg := ch.check(); msg != "" {
			c.errf("%s: %s\n%s", cmd.title(), msg, seeHelp(cmd))
			return exitUsage, false
		}
	}
	return exitOK, true
}

func takesArgs(o options) bool {
	_, ok := o.(argsTaker)
	return ok
}

func seeHelp(cmd command) string {
	if cmd.name == "" {
		return "Run \"matomo-onboard --help\" for the commands and the wizard's options."
	}
	return "Run \"" + cmd.title() + " --help\" for its options."
}

// unexpectedArgs says that arguments were given where only options are
// understood, without repeating them: one may be a token, or a password.
func unexpectedArgs(cmd command, n int) string {
	if cmd.name == "" {
		return fmt.Sprintf("unknown command (%s not understood). The commands are %s; "+
			"without one, the wizard starts.", plural(n, "argument", "arguments"), commandNames())
	}
	msg := fmt.Sprintf("%s takes only options (%s given besides them).", cmd.name, plural(n, "other argument", "other arguments"))
	if cmd.argsHint != "" {
		msg += " " + cmd.argsHint
	}
	return msg
}

// badFlag explains a flag the flag package refused, naming at most the
// flag, and only one that this command has (an unknown "--<token>" has the
// token as its name). guarded is the flag whose value was refused, if any.
func badFlag(fs *flag.FlagSet, err error, guarded string) string {
	if guarded != "" {
		return "--" + guarded + " " + expectedValue(fs.Lookup(guarded)) + "."
	}
	msg := err.Error()
	if name, is := strings.CutPrefix(msg, "flag needs an argument: -"); is && fs.Lookup(name) != nil {
		return "--" + name + " needs a value after it (--" + name + " VALUE or --" + name + "=VALUE)."
	}
	if strings.HasPrefix(msg, "flag provided but not defined") {
		return "unknown option (not repeated here). The options are " + optionNames(fs) + "."
	}
	return "an option is not written the way options are (a dash or two, a name, and for most a value). The options are " +
		optionNames(fs) + "."
}

// expectedValue says what a flag's value must look like, after its name.
func expectedValue(f *flag.Flag) string {
	getter, ok := f.Value.(flag.Getter)
	if !ok {
		return "has a value that cannot be used (not repeated here)"
	}
	switch getter.Get().(type) {
	case time.Duration:
		return "needs a duration such as 30s, 90s or 2m (the value given is not one, and is not repeated here)"
	case int, int64, uint, uint64:
		return "needs a whole number (the value given is not one, and is not repeated here)"
	case bool:
		return "takes no value: write just --" + f.Name
	}
	return "has a value that cannot be used (not repeated here)"
}

// guardedFlags remembers which flag's value the flag package refused, so
// that the message can name the flag without quoting its value.
type guardedFlags struct {
	name     string
	original map[*flag.Flag]flag.Value
}

// guardValues wraps every flag's value for the length of one Parse.
func guardValues(fs *flag.FlagSet) *guardedFlags {
	g := &guardedFlags{original: map[*flag.Flag]flag.Value{}}
	fs.VisitAll(func(f *flag.Flag) {
		g.original[f] = f.Value
		f.Value = &guardedValue{Value: f.Value, name: f.Name, failed: &g.name}
	})
	return g
}

// restore puts the flags' own values back (PrintDefaults and Get expect
// them).
func (g *guardedFlags) restore() {
	for f, v := range g.original {
		f.Value = v
	}
}

type guardedValue struct {
	flag.Value
	name   string
	failed *string
}

func (v *guardedValue) Set(s string) error {
	err := v.Value.Set(s)
	if err != nil && *v.failed == "" {
		*v.failed = v.name
	}
	return err
}

// IsBoolFlag keeps boolean flags usable without a value (--json).
func (v *guardedValue) IsBoolFlag() bool {
	b, ok := v.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// secret is what a command-line word holds that must not be repeated.
type secret int

const (
	noSecret secret = iota
	aToken          // 32 or more hex characters, or a token_auth= value
	aPiece          // 12 to 31 hex characters in a row: a piece of a token
)

// secretOnCommandLine finds a token or a piece of one anywhere in args: in
// an option's value (--url https://x/?token_auth=…), as an option's name
// (--<token>) or as an argument. where names the option when it is one
// of the command's, and is "" otherwise.
func secretOnCommandLine(fs *flag.FlagSet, args []string) (where string, what secret, found bool) {
	for i := 0; i < len(args); i++ {
		arg := args[i]
		name, hasValue := optionName(arg)
		f := fs.Lookup(name)
		takesNext := name != "" && !hasValue && f != nil && !isBool(f) && i+1 < len(args)
		_, value, _ := strings.Cut(arg, "=")
		switch {
		case f != nil && hasValue && holdsSecret(arg) == aToken:
			return "--" + name, aToken, true
		case f != nil && hasValue && holdsSecretAs(f, value) != noSecret:
			return "--" + name, holdsSecretAs(f, value), true
		case !(f != nil && hasValue) && holdsSecret(arg) != noSecret:
			return "", holdsSecret(arg), true
		case takesNext && holdsSecretAs(f, args[i+1]) != noSecret:
			return "--" + name, holdsSecretAs(f, args[i+1]), true
		case takesNext:
			i++
		}
	}
	return "", noSecret, false
}

// holdsSecretAs is holdsSecret for the value of option f. A path (an
// option whose usage names a `FILE`) is searched for a token whole, and
// for a piece of one only in its last part, the name typed: the folders
// above it are the system's (a temporary folder's random digits may
// follow hex letters), and a person who pasted part of a token where a
// file name belongs pasted it there.
func holdsSecretAs(f *flag.Flag, value string) secret {
	if what := holdsSecret(value); what != aPiece || !isPathOption(f) {
		return what
	}
	return holdsSecret(filepath.Base(value))
}

// isPathOption reports whether f takes a file's path.
func isPathOption(f *flag.Flag) bool {
	name, _ := flag.UnquoteUsage(f)
	return name == "FILE"
}

// holdsSecret says whether a command-line word holds a token or a piece
// of one, also written with %-escapes (an address copied from a browser),
// twice over, or in full-width characters.
func holdsSecret(arg string) secret {
	for s := arg; ; {
		switch {
		case matomo.ContainsToken(s):
			return aToken
		case matomo.ContainsTokenPiece(s):
			return aPiece
		}
		unescaped, err := url.PathUnescape(s)
		if err != nil || unescaped == s {
			return noSecret
		}
		s = unescaped
	}
}

// optionName is the name of the option arg ("url" for --url or
// --url=x), or "" when arg is not an option.
func optionName(arg string) (name string, hasValue bool) {
	if len(arg) < 2 || arg[0] != '-' || arg == "--" {
		return "", false
	}
	name = strings.TrimPrefix(strings.TrimPrefix(arg, "-"), "-")
	name, _, hasValue = strings.Cut(name, "=")
	return name, hasValue
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// secretOnCommandLineMessage says why nothing runs, and that the token is
// spoilt: the shell keeps the line in its history, and while a program
// runs, its arguments are in the process list that every user of the
// computer can read.
func secretOnCommandLineMessage(where string, what secret) string {
	in := "the command line"
	if where != "" {
		in = where
	}
	spoilt := "A token typed on a command line is now in your shell's history, and was in the process list that other users " +
		"of this computer can read. Treat it as known to others: delete it in Matomo (Administration → Personal → Security) " +
		"and create a new one.\n"
	head := "✗ Not run: " + in + " holds what looks like a Matomo token (32 or more hex characters, or a token_auth= value).\n"
	if what == aPiece {
		head = "✗ Not run: " + in + " holds 12 or more hex characters (0-9, a-f) in a row, which no address, name or option " +
			"value has: it may be part of a Matomo token.\n"
		spoilt = "If it is part of your token, that part is now in your shell's history, and was in the process list that " +
			"other users of this computer can read: delete the token in Matomo (Administration → Personal → Security) " +
			"and create a new one.\n"
	}
	return head +
		"  Nothing was looked up or sent, and it is not repeated here.\n" +
		"  " + spoilt +
		"  matomo-onboard takes a token only on standard input, in " + tokenEnv + ", or in the wizard's hidden field."
}
