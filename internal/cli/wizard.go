package cli

import (
	"context"
	"flag"
	"strings"
	"time"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/internal/locale"
	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// session is what the wizard and the accessible mode start with.
type session struct {
	client *matomo.Client
	// url is the address given with --url (or the demo's), possibly empty.
	url string
	// demo is the built-in demo Matomo when --demo is on.
	demo *demomatomo.Server
	// allowHTTP is --allow-http: tokens may cross the network unencrypted.
	allowHTTP bool
	// warning is shown on every screen (certificate checks switched off),
	// nil for none.
	warning *i18n.Message
	// labelLang is the language of Matomo's screens: the reader's (see
	// locale.Language) until the guide's first step chooses another.
	labelLang string
}

// demoTokens are the demo Matomo's tokens with what each demonstrates.
func (s *session) demoTokens() []demomatomo.Token {
	if s.demo == nil {
		return nil
	}
	var out []demomatomo.Token
	for _, t := range s.demo.Data().Tokens {
		if !t.Note.IsZero() {
			out = append(out, t)
		}
	}
	return out
}

// demoLogins are the demo Matomo's logins for "create it for me".
func (s *session) demoLogins() []demomatomo.User {
	if s.demo == nil {
		return nil
	}
	var out []demomatomo.User
	for _, u := range s.demo.Data().Users {
		if u.Password != "" && !u.Note.IsZero() {
			out = append(out, u)
		}
	}
	return out
}

// wizardOptions are the wizard's options.
type wizardOptions struct {
	conn       connFlags
	demo       bool
	latency    time.Duration
	accessible bool
	lang       string
}

func (o *wizardOptions) define(fs *flag.FlagSet, p *i18n.Printer) {
	o.conn.register(fs, p)
	fs.BoolVar(&o.demo, "demo", false, p.Sprintf(i18n.CLIFlagDemo))
	fs.DurationVar(&o.latency, "latency", demoLatency, p.Sprintf(i18n.CLIFlagWizardLatency))
	fs.BoolVar(&o.accessible, "accessible", false, p.Sprintf(i18n.CLIFlagAccessible))
	fs.StringVar(&o.lang, "lang", "", p.Sprintf(i18n.CLIFlagWizardLang))
}

func (o *wizardOptions) check(p *i18n.Printer) string {
	if o.latency < 0 {
		return p.Sprintf(i18n.CLILatencyNegative, o.latency)
	}
	return o.conn.check(p)
}

var wizardCommand = command{
	usage:   i18n.CLIOverview,
	options: func() options { return new(wizardOptions) },
}

// wizard runs the interactive wizard, or the accessible line mode.
func (c *Env) wizard(ctx context.Context, args []string) int {
	var o wizardOptions
	if code, ok := c.parse(wizardCommand, &o, args); !ok {
		return code
	}
	lang, err := locale.Language(o.lang, c.Getenv)
	if err != nil {
		// parse refused such a --lang already; never its value.
		c.say(i18n.CLINeedsLanguage, "lang")
		return exitUsage
	}
	conn := o.conn
	s := &session{url: conn.url, allowHTTP: conn.allowHTTP, labelLang: lang}
	if conn.insecureSkipVerify {
		s.warning = i18n.CLIInsecureWarning
	}
	if o.demo {
		srv, err := startDemo(o.latency)
		if err != nil {
			c.say(i18n.CLIDemoCannotStart, err)
			return exitFailure
		}
		defer srv.Close()
		s.demo, s.url = srv, srv.URL
	}
	client, err := conn.client()
	if err != nil {
		c.errf("%v", err)
		return exitUsage
	}
	defer client.Close()
	s.client = client
	if o.accessible || c.wantsAccessible() {
		return c.runAccessible(ctx, s)
	}
	if !c.IsTerminal(c.Stdin) || !c.IsTerminal(c.Stdout) {
		c.say(i18n.CLINoTerminal)
		return exitUsage
	}
	return c.runTUI(ctx, s)
}

// wantsAccessible reads the environment's request for plain prompts.
func (c *Env) wantsAccessible() bool {
	v := strings.ToLower(c.Getenv("ACCESSIBLE"))
	return v != "" && v != "0" && v != "false" || c.Getenv("TERM") == "dumb"
}
