package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"matomo-onboard/internal/locale"
	"matomo-onboard/matomo"
	"matomo-onboard/steps"
)

// stepsTimeout bounds the one request steps may make: a checklist is
// wanted now, and without the labels it is still complete.
const stepsTimeout = 10 * time.Second

// stepsOptions are the steps command's options.
type stepsOptions struct {
	url, format, tool string
	lang, matomoLang  string
	matomoVersion     string
	offline           bool
	timeout           time.Duration
}

func (o *stepsOptions) define(fs *flag.FlagSet) {
	fs.StringVar(&o.url, "url", "", "the customer's Matomo address, e.g. https://analytics.example.org")
	fs.StringVar(&o.format, "format", "text", "text (for email) or markdown (for chats, tickets, wikis)")
	fs.StringVar(&o.tool, "tool", steps.DefaultTool, "the integration the token is for; it names the token's description")
	fs.StringVar(&o.lang, "lang", "", "the reader's language, e.g. de (default: from LC_ALL, LC_MESSAGES, LANG); the text is English so far, Matomo's labels follow it")
	fs.StringVar(&o.matomoLang, "matomo-lang", "", "the language of the customer's Matomo screens, e.g. de (default: --lang)")
	fs.StringVar(&o.matomoVersion, "matomo-version", "", "the customer's Matomo version, e.g. 4.16 or 5.4, to list only its fields (default: all, each with its versions)")
	fs.BoolVar(&o.offline, "offline", false, "do not ask the customer's Matomo for its labels (one request without a token, for a language other than English)")
	fs.DurationVar(&o.timeout, "timeout", stepsTimeout, "limit for that request")
}

func (o *stepsOptions) check() string {
	if o.timeout <= 0 {
		return "--timeout must be longer than zero, for example --timeout 10s (the default)."
	}
	return ""
}

var stepsCommand = command{
	name: "steps",
	usage: "Usage: matomo-onboard steps --url URL [--format text|markdown] [--tool NAME] [--matomo-lang LANG] [--offline]\n\n" +
		"Prints the steps to create a Matomo token, with links built for that Matomo,\n" +
		"ready to paste into an email or chat. Matomo's menus and buttons are named in\n" +
		"the language of its screens (--matomo-lang, default the reader's language):\n" +
		"for a language other than English, that Matomo is asked once, without a token,\n" +
		"how it words them. Example:\n\n" +
		"  matomo-onboard steps --url analytics.example.org --matomo-lang de --format markdown > steps.md\n",
	options:  func() options { return new(stepsOptions) },
	argsHint: "Give the address with --url, e.g. matomo-onboard steps --url https://analytics.example.org",
}

// steps prints the guide as a checklist with the deep links built for one
// Matomo: what a support person sends a customer before a call.
func (c *Env) steps(ctx context.Context, args []string) int {
	var o stepsOptions
	if code, ok := c.parse(stepsCommand, &o, args); !ok {
		return code
	}
	if o.url == "" {
		c.errf("--url is required: the links in the steps are built for that Matomo, e.g.\n" +
			"  matomo-onboard steps --url https://analytics.example.org")
		return exitUsage
	}
	addr, err := matomo.ParseAddress(o.url)
	if err != nil {
		c.errf("--url: %v", err)
		return exitUsage
	}
	f, err := steps.ParseFormat(o.format)
	if err != nil {
		c.errf("--format: %v", err)
		return exitUsage
	}
	if err := steps.CheckTool(o.tool); err != nil {
		c.errf("--tool: %v", err)
		return exitUsage
	}
	labelLang, err := o.labelLanguage(c.Getenv)
	if err != nil {
		c.errf("%v", err)
		return exitUsage
	}
	version, err := parseVersionFlag(o.matomoVersion)
	if err != nil {
		c.errf("--matomo-version: %v", err)
		return exitUsage
	}
	// Notes (an added https://, a removed index.php) go to stderr so that
	// the checklist on stdout can be redirected into a file unchanged.
	for _, n := range addr.Notes {
		c.errf("Note: %s Using %s", n, addr.Readable())
	}
	if w := addr.HostWarning(); w != "" {
		c.errf("Warning: %s", w)
	}
	if addr.PlainHTTP() && !addr.IsLoopback() {
		// For the support person: the customer's tool would send the token
		// there unencrypted, and this program refuses to without
		// --allow-http.
		c.errf("Warning: %s is plain http: a token sent there crosses the network unencrypted. "+
			"Ask the customer whether their Matomo has an https address.", addr.Readable())
	}
	list := steps.Checklist{Address: addr, Tool: o.tool, Now: c.Now(), Version: version,
		Labels: steps.Labels{Lang: labelLang, TextLang: textLanguage}}
	if labelLang != textLanguage {
		list = c.askLabels(ctx, o, list)
	}
	out, err := list.Render(f)
	if err != nil {
		c.errf("%v", err)
		return exitUsage
	}
	if _, err := fmt.Fprint(c.Stdout, out); err != nil {
		c.errf("Cannot write the checklist: %v", err)
		return exitFailure
	}
	return exitOK
}

// textLanguage is the language the guide's own text is written in.
const textLanguage = steps.TextLanguage

// labelLanguage is the language of Matomo's screens: --matomo-lang, else
// the reader's (--lang, else the environment's locale).
func (o *stepsOptions) labelLanguage(getenv func(string) string) (string, error) {
	if strings.TrimSpace(o.matomoLang) != "" {
		code, err := locale.Parse(o.matomoLang)
		if err != nil {
			return "", fmt.Errorf("--matomo-lang: %v", err)
		}
		return code, nil
	}
	code, err := locale.Language(o.lang, getenv)
	if err != nil {
		return "", fmt.Errorf("--lang: %v", err)
	}
	return code, nil
}

// parseVersionFlag reads --matomo-version: a release such as 4.16.1 or
// 5.4, a major version, or nothing for all versions at once.
func parseVersionFlag(s string) (steps.Version, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return steps.VersionUnknown, nil
	}
	v := steps.ParseVersion(strings.TrimPrefix(strings.ToLower(s), "v"))
	if v == steps.VersionUnknown {
		return v, fmt.Errorf("%q is not a Matomo version: use one such as 3, 4, 5.1 or 5.4 (or leave it out for all)", matomo.Printable(s, 20))
	}
	return v, nil
}

// askLabels asks the customer's Matomo, once and without a token, how its
// screens word the guide's labels in the label language (and in English,
// the text's, for the brackets), and says on stderr where the labels come
// from. Whatever fails, the checklist goes on with the built-in words.
func (c *Env) askLabels(ctx context.Context, o stepsOptions, list steps.Checklist) steps.Checklist {
	lang, host := list.Labels.Lang, list.Address.Host()
	fallback := "English"
	if steps.BuiltIn(lang) {
		fallback = "English, with the " + languageName(lang, nil) + " of Matomo 5.1 in brackets"
	}
	if o.offline {
		c.errf("Labels: %s (--offline: %s was not asked).", fallback, host)
		return list
	}
	client, err := matomo.NewClient(matomo.Options{Timeout: o.timeout})
	if err != nil {
		c.errf("Labels: %s (%v).", fallback, err)
		return list
	}
	defer client.Close()
	req := steps.Request(lang, true)
	req.Version = list.Version == steps.VersionUnknown
	answer, err := client.Labels(ctx, list.Address, req)
	if err != nil {
		e := matomo.AsError(err)
		c.errf("Labels: %s: %s could not be asked for its own (%s).", fallback, host, strings.TrimSuffix(e.Title(), "."))
		return list
	}
	list.Labels.Matomo = answer.Translations
	if !list.Labels.FromMatomo() {
		why := "it sent none"
		if len(answer.Languages) > 0 && locale.Match(lang, codes(answer.Languages)) == "" {
			why = "it has no " + languageName(lang, answer.Languages) + "; its languages: " + strings.Join(codes(answer.Languages), ", ")
		}
		c.errf("Labels: %s: %s sent no labels in that language (%s).", fallback, host, why)
	} else {
		c.errf("Labels: %s, as %s words them, with the English in brackets.", languageName(lang, answer.Languages), host)
	}
	if v := steps.ParseVersion(answer.Version); v != steps.VersionUnknown {
		list.Version = v
		c.errf("Version: Matomo %s (it says so): the steps show only the fields it has.", answer.Version)
	}
	return list
}

func codes(langs []matomo.Language) []string {
	out := make([]string, len(langs))
	for i, l := range langs {
		out[i] = l.Code
	}
	return out
}

// languageName is a language's English name as the Matomo lists it, the
// two the guide knows by itself, or the code.
func languageName(code string, langs []matomo.Language) string {
	for _, l := range langs {
		if l.Code == code && l.EnglishName != "" {
			return l.EnglishName
		}
	}
	switch code {
	case "de":
		return "German"
	case "en":
		return "English"
	}
	return code
}
