// Package steps is the content of the guide: how to create a Matomo token,
// step by step, with deep links built from the user's Matomo address. The
// wizard, the printable checklist and the accessible mode all read it from
// here, so they never tell different stories.
package steps

import (
	"strings"
	"time"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// Target is a place in Matomo a step can link to.
type Target int

const (
	NoLink     Target = iota
	Login             // Matomo's start page, which shows the login form
	Security          // Administration → Personal → Security (Matomo 4, 5)
	NewToken          // the "Create new token" form (Matomo 4, 5)
	Matomo3API        // Administration → Platform → API, where Matomo 3 shows the token
)

// query is each target's index.php query.
var query = map[Target]string{
	Login:      "",
	Security:   "module=UsersManager&action=userSecurity",
	NewToken:   "module=UsersManager&action=addNewToken",
	Matomo3API: "module=API&action=listAllAPI",
}

// URL is the deep link for this target on the given Matomo, or "" for
// NoLink or an unset address. Not logged in, Matomo shows its login form
// and then returns to the link.
func (t Target) URL(addr matomo.Address) string {
	q, ok := query[t]
	if !ok || addr.IsZero() {
		return ""
	}
	if t == Login {
		return addr.String() + "/"
	}
	return addr.Link(q)
}

// Step is one step of the guide.
type Step struct {
	// Title is an instruction, short enough for a 40-column screen.
	Title string
	// Body explains the step; paragraphs are separated by a blank line.
	Body string
	// Link is where this step happens.
	Link Target
	// Copy is text the person types into Matomo in this step, offered for
	// copying (the token's description).
	Copy string
	// Matomo3 says how Matomo 3 differs here; empty when it does not.
	Matomo3 string
	// Offer ends the body's last paragraph in the wizard and the line
	// mode with what they can do here themselves. The checklist leaves it
	// out: its reader does not have this program.
	Offer string
}

// BodyWithOffer is the body as the wizard and the line mode show it.
func (s Step) BodyWithOffer() string {
	if s.Offer == "" {
		return s.Body
	}
	return s.Body + " " + s.Offer
}

// DefaultTool is the integration a token is usually made for.
const DefaultTool = "Acona"

// Purpose suggests a token description: the tool and the date, so that
// the token list in Matomo says later what each token is for and since when.
func Purpose(tool string, now time.Time) string {
	if tool == "" {
		tool = DefaultTool
	}
	return tool + " " + now.Format("2006-01-02")
}

// Guide returns the steps for creating a token for tool (DefaultTool when
// empty) on the given day, for any Matomo version, in English.
func Guide(tool string, now time.Time) []Step {
	return Build(Options{Tool: tool, Now: now})
}

// Options are what the guide is written for.
type Options struct {
	// Tool is the integration the token is for; DefaultTool when empty.
	Tool string
	// Now dates the suggested token description.
	Now time.Time
	// Version is the person's Matomo; VersionUnknown writes the guide for
	// all of them.
	Version Version
	// Labels names Matomo's menus, fields and buttons. Its TextLang is
	// Printer's language, whatever it says.
	Labels Labels
	// Printer writes the guide's own text, in its language; nil writes
	// English.
	Printer *i18n.Printer
}

// Build returns the steps for o: only the fields o.Version has, in the
// words of the person's Matomo.
func Build(o Options) []Step {
	if o.Tool == "" {
		o.Tool = DefaultTool
	}
	if o.Printer == nil {
		o.Printer = i18n.English()
	}
	o.Labels.TextLang = o.Printer.Lang()
	g := guide{o: o, l: o.Labels, v: o.Version, p: o.Printer}
	if o.Version == Matomo3 {
		return []Step{g.logIn(), g.administration(), g.matomo3API(), g.matomo3Copy()}
	}
	out := []Step{g.logIn(), g.administration(), g.security(), g.createToken(), g.password(), g.describe()}
	if g.v.has(Matomo50) {
		out = append(out, g.secureOnly())
	}
	if g.v == Matomo54 {
		out = append(out, g.expiry())
	}
	return append(out, g.copyToken())
}

// guide writes the steps for one set of options.
type guide struct {
	o Options
	l Labels
	v Version
	p *i18n.Printer
}

// say is a message in the guide's language.
func (g guide) say(m *i18n.Message, a ...any) string { return g.p.Sprintf(m, a...) }

func (g guide) logIn() Step {
	return Step{
		Title: g.say(i18n.StepsLogInTitle),
		Body:  g.say(i18n.StepsLogInBody, g.o.Tool),
		Link:  Login,
	}
}

func (g guide) administration() Step {
	return Step{
		Title: g.say(i18n.StepsOpen, g.l.Name(KeyAdministration)),
		Body:  g.say(i18n.StepsAdministrationBody, g.l.Name(KeyAdministration)),
		Link:  Login,
	}
}

func (g guide) security() Step {
	st := Step{
		Title: g.say(i18n.StepsOpenPath, g.l.Name(KeyPersonal), g.l.Name(KeySecurity)),
		Body: g.say(i18n.StepsChooseInMenu, g.l.Name(KeyAdministration), g.l.Quoted(KeyPersonal), g.l.Quoted(KeySecurity)) +
			" " + g.say(i18n.StepsTokenListAtTheBottom),
		Link: Security,
	}
	if g.v == VersionUnknown {
		st.Matomo3 = g.say(i18n.StepsMatomo3Differs, g.l.Name(KeySecurity),
			g.l.Name(KeyAdministration), g.l.Name(KeyPlatform), g.l.Name(KeyAPI))
	}
	return st
}

func (g guide) createToken() Step {
	return Step{
		Title: g.say(i18n.StepsClick, g.l.Quoted(KeyCreateToken)),
		Body:  g.say(i18n.StepsCreateTokenBody, g.l.Name(KeySecurity), g.l.Quoted(KeyCreateToken)),
		Link:  NewToken,
	}
}

func (g guide) password() Step {
	return Step{
		Title: g.say(i18n.StepsPasswordTitle),
		Body: g.say(i18n.StepsPasswordBody, g.l.Quoted(KeyConfirmPassword), g.l.Quoted(KeyPassword),
			g.l.Quoted(KeyConfirm)),
		Link: NewToken,
	}
}

func (g guide) describe() Step {
	purpose := Purpose(g.o.Tool, g.o.Now)
	body := g.say(i18n.StepsDescribeBody, g.l.Quoted(KeyDescription), g.l.Quoted(KeyPurpose), purpose)
	if g.v == VersionUnknown {
		body += " " + g.say(i18n.StepsDescribeExpiry, g.l.Quoted(KeyExpireDate))
	}
	return Step{Title: g.say(i18n.StepsDescribeTitle), Body: body, Link: NewToken, Copy: purpose}
}

func (g guide) secureOnly() Step {
	title, ticks := g.say(i18n.StepsDecideOn, g.l.Quoted(KeySecureOnly)), g.say(i18n.StepsSecureOnlyTicked)
	if g.v == VersionUnknown {
		title = g.say(i18n.StepsMatomo5DecideOn, g.l.Quoted(KeySecureOnly))
		ticks = g.say(i18n.StepsSecureOnlyTickedMatomo5)
	}
	return Step{
		Title: title,
		Body:  ticks + " " + g.say(i18n.StepsSecureOnlyBody),
		Offer: g.say(i18n.StepsSecureOnlyOffer),
		Link:  NewToken,
	}
}

// expiry is Matomo 5.4's expiry date, on by default.
func (g guide) expiry() Step {
	box := g.say(i18n.StepsTheBox)
	if g.l.Has(KeyExpireCheckbox) {
		box = g.say(i18n.StepsTheBoxNamed, g.l.Quoted(KeyExpireCheckbox))
	}
	date := g.say(i18n.StepsTheDate)
	if g.l.Has(KeyExpireDateField) {
		date = g.say(i18n.StepsTheDateNamed, g.l.Quoted(KeyExpireDateField))
	}
	return Step{
		Title: g.say(i18n.StepsDecideOn, g.l.Quoted(KeyExpireDate)),
		Body:  g.say(i18n.StepsExpiryBody, g.l.Quoted(KeyExpireDate), box, g.o.Tool, date),
		Link:  NewToken,
	}
}

func (g guide) copyToken() Step {
	return Step{
		Title: g.say(i18n.StepsCopyTokenTitle),
		Body: g.say(i18n.StepsCopyTokenBody, g.l.Quoted(KeyCreateToken), g.l.Quoted(KeyTokenCreated),
			g.l.Quoted(KeyStoreToken)),
		Link: NewToken,
	}
}

// matomo3API is where Matomo 3 shows the token.
func (g guide) matomo3API() Step {
	return Step{
		Title: g.say(i18n.StepsOpenPath, g.l.Name(KeyPlatform), g.l.Name(KeyAPI)),
		Body: g.say(i18n.StepsChooseInMenu, g.l.Name(KeyAdministration), g.l.Quoted(KeyPlatform), g.l.Quoted(KeyAPI)) +
			" " + g.say(i18n.StepsMatomo3OneToken),
		Link: Matomo3API,
	}
}

func (g guide) matomo3Copy() Step {
	return Step{
		Title: g.say(i18n.StepsMatomo3CopyTitle),
		Body:  g.say(i18n.StepsMatomo3CopyBody, g.l.Quoted(KeyUserAuthentication), g.o.Tool),
		Link:  Matomo3API,
	}
}

// Matomo3Note is the step's Matomo 3 difference as a sentence that can
// stand on its own, or "" when Matomo 3 does not differ here.
func (s Step) Matomo3Note() string {
	if s.Matomo3 == "" || strings.HasPrefix(s.Matomo3, "Matomo 3") {
		return s.Matomo3
	}
	return "Matomo 3: " + s.Matomo3
}
