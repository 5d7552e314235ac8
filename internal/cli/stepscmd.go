package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"matomo-onboard/internal/i18n"
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

func (o *stepsOptions) define(fs *flag.FlagSet, p *i18n.Printer) {
	fs.StringVar(&o.url, "url", "", p.Sprintf(i18n.StepsFlagURL))
	fs.StringVar(&o.format, "format", "text", p.Sprintf(i18n.StepsFlagFormat))
	fs.StringVar(&o.tool, "tool", steps.DefaultTool, p.Sprintf(i18n.StepsFlagTool))
	fs.StringVar(&o.lang, "lang", "", p.Sprintf(i18n.StepsFlagLang))
	fs.StringVar(&o.matomoLang, "matomo-lang", "", p.Sprintf(i18n.StepsFlagMatomoLang))
	fs.StringVar(&o.matomoVersion, "matomo-version", "", p.Sprintf(i18n.StepsFlagMatomoVersion))
	fs.BoolVar(&o.offline, "offline", false, p.Sprintf(i18n.StepsFlagOffline))
	fs.DurationVar(&o.timeout, "timeout", stepsTimeout, p.Sprintf(i18n.StepsFlagTimeout))
}

func (o *stepsOptions) check(p *i18n.Printer) string {
	if o.timeout <= 0 {
		return p.Sprintf(i18n.StepsTimeoutPositive)
	}
	return ""
}

var stepsCommand = command{
	name:     "steps",
	usage:    i18n.StepsUsage,
	options:  func() options { return new(stepsOptions) },
	argsHint: i18n.StepsArgsHint,
}

// steps prints the guide as a checklist with the deep links built for one
// Matomo: what a support person sends a customer before a call.
func (c *Env) steps(ctx context.Context, args []string) int {
	var o stepsOptions
	if code, ok := c.parse(stepsCommand, &o, args); !ok {
		return code
	}
	p := c.tr()
	if o.url == "" {
		c.say(i18n.StepsURLRequired)
		return exitUsage
	}
	addr, err := matomo.ParseAddress(o.url)
	if err != nil {
		c.errf("--url: %s", p.Error(err))
		return exitUsage
	}
	f, err := steps.ParseFormat(o.format)
	if err != nil {
		c.errf("--format: %s", p.Error(err))
		return exitUsage
	}
	if err := steps.CheckTool(o.tool); err != nil {
		c.errf("--tool: %s", p.Error(err))
		return exitUsage
	}
	labelLang, err := o.labelLanguage(c.Getenv)
	if err != nil {
		c.errf("%s", p.Error(err))
		return exitUsage
	}
	version, err := parseVersionFlag(o.matomoVersion)
	if err != nil {
		c.errf("--matomo-version: %s", p.Error(err))
		return exitUsage
	}
	// Notes (an added https://, a removed index.php) go to stderr so that
	// the checklist on stdout can be redirected into a file unchanged.
	for _, n := range addr.Notes {
		c.say(i18n.StepsNote, n, addr.Readable())
	}
	if w := addr.HostWarning(); !w.IsZero() {
		c.say(i18n.CLIWarning, w)
	}
	if addr.PlainHTTP() && !addr.IsLoopback() {
		// For the support person: the customer's tool would send the token
		// there unencrypted, and this program refuses to without
		// --allow-http.
		c.say(i18n.StepsPlainHTTP, addr.Readable())
	}
	list := steps.Checklist{Address: addr, Tool: o.tool, Now: c.Now(), Version: version,
		Labels: steps.Labels{Lang: labelLang}, Printer: p}
	// English labels are built in; any other language's, this Matomo may
	// word differently from the Matomo they were read from.
	if labelLang != locale.English {
		list = c.askLabels(ctx, o, list)
	}
	out, err := list.Render(f)
	if err != nil {
		c.errf("%s", p.Error(err))
		return exitUsage
	}
	if _, err := fmt.Fprint(c.Stdout, out); err != nil {
		c.say(i18n.StepsCannotWrite, err)
		return exitFailure
	}
	return exitOK
}

// labelLanguage is the language of Matomo's screens: --matomo-lang, else
// the reader's (--lang, else the environment's locale). parse refused a
// value that is no language already; the error never repeats it.
func (o *stepsOptions) labelLanguage(getenv func(string) string) (string, error) {
	if strings.TrimSpace(o.matomoLang) != "" {
		code, err := locale.Parse(o.matomoLang)
		if err != nil {
			return "", i18n.Errorf(i18n.CLINeedsLanguage, "matomo-lang")
		}
		return code, nil
	}
	code, err := locale.Language(o.lang, getenv)
	if err != nil {
		return "", i18n.Errorf(i18n.CLINeedsLanguage, "lang")
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
		return v, i18n.Errorf(i18n.StepsNotAVersion, matomo.Printable(s, 20))
	}
	return v, nil
}

// askLabels asks the customer's Matomo, once and without a token, how its
// screens word the guide's labels in the label language (and in the
// text's, for the brackets), and says on stderr where the labels come
// from. Whatever fails, the checklist goes on with the built-in words.
func (c *Env) askLabels(ctx context.Context, o stepsOptions, list steps.Checklist) steps.Checklist {
	p := c.tr()
	lang, text, host := list.Labels.Lang, p.Lang(), list.Address.Host()
	fallback := languageName(text, nil, p)
	switch {
	case lang == text:
		fallback = p.Sprintf(i18n.StepsLabelsBuiltIn, fallback)
	case steps.BuiltIn(lang):
		fallback = p.Sprintf(i18n.StepsLabelsBuiltInBrackets, fallback, languageName(lang, nil, p))
	}
	if o.offline {
		c.say(i18n.StepsLabelsOffline, fallback, host)
		return list
	}
	client, err := matomo.NewClient(matomo.Options{Timeout: o.timeout})
	if err != nil {
		c.say(i18n.StepsLabelsNoClient, fallback, err)
		return list
	}
	defer client.Close()
	req := steps.RequestFor(lang, text, true)
	req.Version = list.Version == steps.VersionUnknown
	answer, err := client.Labels(ctx, list.Address, req)
	if err != nil {
		e := matomo.AsError(err)
		c.say(i18n.StepsLabelsNotAsked, fallback, host, e.Title())
		return list
	}
	list.Labels.Matomo = answer.Translations
	switch {
	case !list.Labels.FromMatomo():
		why := p.Sprintf(i18n.StepsLabelsNoneSent)
		if len(answer.Languages) > 0 && locale.Match(lang, codes(answer.Languages)) == "" {
			why = p.Sprintf(i18n.StepsLabelsNoSuchLanguage, languageName(lang, answer.Languages, p),
				strings.Join(codes(answer.Languages), ", "))
		}
		c.say(i18n.StepsLabelsNotSent, fallback, host, why)
	case lang == text:
		c.say(i18n.StepsLabelsFromMatomoSame, languageName(lang, answer.Languages, p), host)
	default:
		c.say(i18n.StepsLabelsFromMatomo, languageName(lang, answer.Languages, p), host, languageName(text, nil, p))
	}
	if v := steps.ParseVersion(answer.Version); v != steps.VersionUnknown {
		list.Version = v
		c.say(i18n.StepsVersionSaid, answer.Version)
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

// languageName is a language's name in p's language: the two this
// program knows by itself, else as the Matomo lists it (its English name
// in English text, its own name in German text, "français"), else the
// code.
func languageName(code string, langs []matomo.Language, p *i18n.Printer) string {
	switch code {
	case "de":
		return p.Sprintf(i18n.StepsGerman)
	case "en":
		return p.Sprintf(i18n.StepsEnglish)
	}
	for _, l := range langs {
		switch {
		case l.Code != code:
		case !p.German() && l.EnglishName != "":
			return l.EnglishName
		case p.German() && l.Name != "":
			return l.Name
		}
	}
	return code
}
