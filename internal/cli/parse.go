package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"reflect"
	"strings"
	"time"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/internal/locale"
	"matomo-onboard/matomo"
)

// Every command reads its command line through parse, so that all of them
// behave alike at the edges: help that was asked for goes to stdout with
// exit 0, a wrong command line to stderr with exit 2, and nothing the
// person typed is repeated unless it passed the token check first. The
// standard flag package quotes what it could not use ("flag provided but
// not defined: -<token>", "invalid value \"<token>\" for flag -timeout"),
// so its own messages are never shown.

// options are one command's options: define puts them on a flag set,
// their help in p's language.
type options interface {
	define(fs *flag.FlagSet, p *i18n.Printer)
}

// argsTaker is implemented by options that take arguments besides options
// (help's command name); every other command refuses arguments.
type argsTaker interface {
	setArgs(args []string)
}

// checker is implemented by options whose values need a check beyond
// their type (a timeout that must be positive). check returns what is
// wrong, in p's language, or "".
type checker interface {
	check(p *i18n.Printer) string
}

// command is one command of the command line, as help shows it.
type command struct {
	// name is what is typed; "" is the wizard, which runs without one.
	name string
	// usage is the usage line and what the command does, printed above
	// its options.
	usage *i18n.Message
	// options returns a fresh set of the command's options, for help.
	options func() options
	// argsHint says what to do instead of giving an argument.
	argsHint *i18n.Message
}

// title is the command as the person types it.
func (cmd command) title() string {
	if cmd.name == "" {
		return "matomo-onboard"
	}
	return "matomo-onboard " + cmd.name
}

// flagSet builds the command's flag set, silent: parse says what went
// wrong in its own words. Every command takes --lang (Run has read it
// already); a command whose options say more about it (the wizard's and
// steps' --lang also name Matomo's labels) defines its own.
func (cmd command) flagSet(o options, p *i18n.Printer) *flag.FlagSet {
	fs := flag.NewFlagSet(cmd.title(), flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	o.define(fs, p)
	if fs.Lookup("lang") == nil {
		fs.String("lang", "", p.Sprintf(i18n.CLIFlagLang))
	}
	return fs
}

// printHelp writes the command's usage and options to w, in p's
// language.
func (cmd command) printHelp(w io.Writer, p *i18n.Printer) {
	p.Fprintf(w, cmd.usage)
	fs := cmd.flagSet(cmd.options(), p)
	if cmd.name == "" {
		fmt.Fprintln(w, "\n"+p.Sprintf(i18n.CLIWizardOptions))
	} else if hasFlags(fs) {
		fmt.Fprintln(w, "\n"+p.Sprintf(i18n.CLIOptions))
	}
	printDefaults(w, fs, p)
}

// printDefaults is flag.PrintDefaults in p's language: the same layout,
// the kind of value and "(default …)" in its words. In English it writes
// exactly what the flag package writes (TestHelpIsTheFlagPackagesInEnglish).
func printDefaults(w io.Writer, fs *flag.FlagSet, p *i18n.Printer) {
	fs.VisitAll(func(f *flag.Flag) {
		var b strings.Builder
		b.WriteString("  -" + f.Name)
		name, usage := flag.UnquoteUsage(f)
		if name != "" {
			b.WriteString(" " + valueName(name, p))
		}
		if b.Len() <= 4 {
			b.WriteString("\t")
		} else {
			b.WriteString("\n    \t")
		}
		b.WriteString(strings.ReplaceAll(usage, "\n", "\n    \t"))
		if !isZeroValue(f) {
			def := f.DefValue
			if g, ok := f.Value.(flag.Getter); ok {
				if _, isString := g.Get().(string); isString {
					def = fmt.Sprintf("%q", def)
				}
			}
			b.WriteString(p.Sprintf(i18n.CLIDefault, def))
		}
		fmt.Fprint(w, b.String(), "\n")
	})
}

// valueName is the kind of value the flag package names after an option
// whose help names none, in p's words; a name the help gives is the
// help's own.
func valueName(name string, p *i18n.Printer) string {
	switch name {
	case "string":
		return p.Sprintf(i18n.CLIValueText)
	case "duration":
		return p.Sprintf(i18n.CLIValueDuration)
	case "int", "uint", "float":
		return p.Sprintf(i18n.CLIValueNumber)
	case "value":
		return p.Sprintf(i18n.CLIValueOther)
	}
	return name
}

// isZeroValue reports whether f's default is its type's zero value,
// which help does not show, as the flag package decides it.
func isZeroValue(f *flag.Flag) bool {
	t := reflect.TypeOf(f.Value)
	var z reflect.Value
	if t.Kind() == reflect.Pointer {
		z = reflect.New(t.Elem())
	} else {
		z = reflect.Zero(t)
	}
	v, ok := z.Interface().(flag.Value)
	return ok && f.DefValue == v.String()
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// optionNames lists the command's options as they are typed.
func optionNames(fs *flag.FlagSet, p *i18n.Printer) string {
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, "--"+f.Name) })
	if len(names) == 0 {
		return p.Sprintf(i18n.CLINoOptions)
	}
	return strings.Join(names, ", ")
}

// parse reads args into o. It returns ok=false, with the exit code, when
// the command must not run: help was asked for (printed to stdout, exit
// 0) or the command line is wrong (said on stderr, exit 2).
func (c *Env) parse(cmd command, o options, args []string) (code int, ok bool) {
	p := c.tr()
	fs := cmd.flagSet(o, p)
	// First of all, and before anything is looked up or printed: a token,
	// or a piece of one, anywhere on the command line. One check for every
	// option and argument: nothing that passed it is a token's piece, so
	// any value may be repeated in a message later.
	if where, what, found := secretOnCommandLine(fs, args); found {
		c.errf("%s", secretOnCommandLineMessage(where, what, p))
		return exitUsage, false
	}
	failed := guardValues(fs)
	err := fs.Parse(args)
	failed.restore()
	switch {
	case errors.Is(err, flag.ErrHelp):
		cmd.printHelp(c.Stdout, p)
		return exitOK, false
	case err != nil:
		c.errf("%s: %s\n%s", cmd.title(), badFlag(fs, err, failed.name, p), seeHelp(cmd, p))
		return exitUsage, false
	case fs.NArg() > 0 && takesArgs(o):
		o.(argsTaker).setArgs(fs.Args())
	case fs.NArg() > 0:
		c.errf("%s: %s\n%s", cmd.title(), unexpectedArgs(cmd, fs.NArg(), p), seeHelp(cmd, p))
		return exitUsage, false
	}
	msg := badLanguage(fs, p)
	if ch, is := o.(checker); is && msg == "" {
		msg = ch.check(p)
	}
	if msg != "" {
		c.errf("%s: %s\n%s", cmd.title(), msg, seeHelp(cmd, p))
		return exitUsage, false
	}
	return exitOK, true
}

// languageOptions are the options that take a language code.
var languageOptions = []string{"lang", "matomo-lang"}

// badLanguage says which language option holds no language code, or "".
// The value is not repeated: it passed the token check, but a person may
// have pasted anything there, and what it is not is no help.
func badLanguage(fs *flag.FlagSet, p *i18n.Printer) string {
	for _, name := range languageOptions {
		f := fs.Lookup(name)
		if f == nil || strings.TrimSpace(f.Value.String()) == "" {
			continue
		}
		if _, err := locale.Parse(f.Value.String()); err != nil {
			return p.Sprintf(i18n.CLINeedsLanguage, name)
		}
	}
	return ""
}

func takesArgs(o options) bool {
	_, ok := o.(argsTaker)
	return ok
}

func seeHelp(cmd command, p *i18n.Printer) string {
	if cmd.name == "" {
		return p.Sprintf(i18n.CLISeeWizardHelp)
	}
	return p.Sprintf(i18n.CLISeeHelp, cmd.title())
}

// unexpectedArgs says that arguments were given where only options are
// understood, without repeating them: one may be a token, or a password.
func unexpectedArgs(cmd command, n int, p *i18n.Printer) string {
	if cmd.name == "" {
		return p.Sprintf(i18n.CLIUnknownCommand, n, commandNames())
	}
	msg := p.Sprintf(i18n.CLIOnlyOptions, cmd.name, n)
	if cmd.argsHint != nil {
		msg += " " + p.Sprintf(cmd.argsHint)
	}
	return msg
}

// badFlag explains a flag the flag package refused, naming at most the
// flag, and only one that this command has (an unknown "--<token>" has the
// token as its name). guarded is the flag whose value was refused, if any.
func badFlag(fs *flag.FlagSet, err error, guarded string, p *i18n.Printer) string {
	if guarded != "" {
		return expectedValue(fs.Lookup(guarded), p)
	}
	msg := err.Error()
	if name, is := strings.CutPrefix(msg, "flag needs an argument: -"); is && fs.Lookup(name) != nil {
		return p.Sprintf(i18n.CLINeedsValue, name)
	}
	if strings.HasPrefix(msg, "flag provided but not defined") {
		return p.Sprintf(i18n.CLIUnknownOption, optionNames(fs, p))
	}
	return p.Sprintf(i18n.CLIBadOptionForm, optionNames(fs, p))
}

// expectedValue says what a flag's value must look like.
func expectedValue(f *flag.Flag, p *i18n.Printer) string {
	getter, ok := f.Value.(flag.Getter)
	if !ok {
		return p.Sprintf(i18n.CLIUnusableValue, f.Name)
	}
	switch getter.Get().(type) {
	case time.Duration:
		return p.Sprintf(i18n.CLINeedsDuration, f.Name)
	case int, int64, uint, uint64:
		return p.Sprintf(i18n.CLINeedsNumber, f.Name)
	case bool:
		return p.Sprintf(i18n.CLITakesNoValue, f.Name)
	}
	return p.Sprintf(i18n.CLIUnusableValue, f.Name)
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

// isPathOption reports whether f takes a file's path: its help names
// the value FILE (in German, DATEI).
func isPathOption(f *flag.Flag) bool {
	name, _ := flag.UnquoteUsage(f)
	return i18n.CLIFile.Is(name)
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
func secretOnCommandLineMessage(where string, what secret, p *i18n.Printer) string {
	in := p.Sprintf(i18n.CLITheCommandLine)
	if where != "" {
		in = where
	}
	if what == aPiece {
		return p.Sprintf(i18n.CLIPieceOnCommandLine, in, tokenEnv)
	}
	return p.Sprintf(i18n.CLITokenOnCommandLine, in, tokenEnv)
}
