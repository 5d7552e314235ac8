// Package steps is the content of the guide: how to create a Matomo token,
// step by step, with deep links built from the user's Matomo address. The
// wizard, the printable checklist and the accessible mode all read it from
// here, so they never tell different stories.
package steps

import (
	"strings"
	"time"

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
	// Labels names Matomo's menus, fields and buttons.
	Labels Labels
}

// Build returns the steps for o: only the fields o.Version has, in the
// words of the person's Matomo.
func Build(o Options) []Step {
	if o.Tool == "" {
		o.Tool = DefaultTool
	}
	g := guide{o: o, l: o.Labels, v: o.Version}
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
}

func (g guide) logIn() Step {
	return Step{
		Title: "Log in to Matomo",
		Body: "Open your Matomo in the browser and log in as the user whose access the " + g.o.Tool + " integration should have.\n\n" +
			"The token will act as this user, with exactly their access. For an integration, a " +
			"dedicated user with view access to the sites it needs is safest.",
		Link: Login,
	}
}

func (g guide) administration() Step {
	return Step{
		Title: "Open " + g.l.Name(KeyAdministration),
		Body: "In Matomo's top menu, click the gear icon: " + g.l.Name(KeyAdministration) + ".\n\n" +
			"Every user has this menu, also without admin rights: it holds your personal settings.",
		Link: Login,
	}
}

func (g guide) security() Step {
	st := Step{
		Title: "Open " + g.l.Name(KeyPersonal) + " → " + g.l.Name(KeySecurity),
		Body: "In the left menu of " + g.l.Name(KeyAdministration) + ", under " + g.l.Quoted(KeyPersonal) + ", choose " +
			g.l.Quoted(KeySecurity) + ". The list of your auth tokens is at the bottom of that page.",
		Link: Security,
	}
	if g.v == VersionUnknown {
		st.Matomo3 = "Matomo 3 has one token per user and no " + g.l.Name(KeySecurity) + " page: go to " +
			g.l.Name(KeyAdministration) + " → " + g.l.Name(KeyPlatform) + " → " + g.l.Name(KeyAPI) +
			", copy the token shown there and skip ahead to entering the token."
	}
	return st
}

func (g guide) createToken() Step {
	return Step{
		Title: "Click " + g.l.Quoted(KeyCreateToken),
		Body: "At the bottom of the " + g.l.Name(KeySecurity) + " page, below the list of tokens, click the button " +
			g.l.Quoted(KeyCreateToken) + ".",
		Link: NewToken,
	}
}

func (g guide) password() Step {
	return Step{
		Title: "Confirm your password",
		Body: "Matomo asks for your password again when you have not confirmed it in the last few minutes: " +
			g.l.Quoted(KeyConfirmPassword) + ". Type your Matomo login password (not a token) into " +
			g.l.Quoted(KeyPassword) + " and click " + g.l.Quoted(KeyConfirm) + ".",
		Link: NewToken,
	}
}

func (g guide) describe() Step {
	purpose := Purpose(g.o.Tool, g.o.Now)
	body := "In the field " + g.l.Quoted(KeyDescription) + ", which asks " + g.l.Quoted(KeyPurpose) +
		", enter a short description (1 to 100 characters), for example:\n\n" +
		"    " + purpose + "\n\n" +
		"The date tells you later which token is which."
	if g.v == VersionUnknown {
		body += " Matomo 5.4 and newer also offer an expiry date, " + g.l.Quoted(KeyExpireDate) +
			", on by default: an expired token is rejected exactly like a wrong one, so note the date or untick it."
	}
	return Step{Title: "Describe what the token is for", Body: body, Link: NewToken, Copy: purpose}
}

func (g guide) secureOnly() Step {
	title, ticks := "Decide on "+g.l.Quoted(KeySecureOnly), "Matomo ticks this box."
	if g.v == VersionUnknown {
		title = "Matomo 5: decide on " + g.l.Quoted(KeySecureOnly)
		ticks = "Matomo 5 ticks this box; Matomo 3 and 4 do not have it."
	}
	return Step{
		Title: title,
		Body: ticks + " A secure-only token works only when a tool sends it in the body of a request, " +
			"never inside a URL, which keeps it out of server logs.\n\n" +
			"Keep it ticked unless the tool that will use the token sends it in URLs (…&token_auth=…): " +
			"such tools fail with a secure-only token.",
		Offer: "After verifying, matomo-onboard can check whether the token also works in URLs.",
		Link:  NewToken,
	}
}

// expiry is Matomo 5.4's expiry date, on by default.
func (g guide) expiry() Step {
	box := "the box"
	if g.l.Has(KeyExpireCheckbox) {
		box += " " + g.l.Quoted(KeyExpireCheckbox)
	}
	date := "the date"
	if g.l.Has(KeyExpireDateField) {
		date += " (" + g.l.Quoted(KeyExpireDateField) + ")"
	}
	return Step{
		Title: "Decide on " + g.l.Quoted(KeyExpireDate),
		Body: "Under " + g.l.Quoted(KeyExpireDate) + ", Matomo ticks " + box + " and fills in a date. On that day the token " +
			"stops working: Matomo rejects it like a wrong one, and " + g.o.Tool + " gets no more data until someone " +
			"creates a new token and enters it there.\n\n" +
			"For an integration that should keep running, untick the box. If your rules ask for tokens that expire, " +
			"keep it, note " + date + " and put a reminder in your calendar a week before.",
		Link: NewToken,
	}
}

func (g guide) copyToken() Step {
	return Step{
		Title: "Create the token and copy it now",
		Body: "Click " + g.l.Quoted(KeyCreateToken) + ". Matomo shows the new token once, 32 letters and digits, under " +
			g.l.Quoted(KeyTokenCreated) + ": " + g.l.Quoted(KeyStoreToken) + "\n\n" +
			"Copy it now, before you leave the page: it is needed in the next step.",
		Link: NewToken,
	}
}

// matomo3API is where Matomo 3 shows the token.
func (g guide) matomo3API() Step {
	return Step{
		Title: "Open " + g.l.Name(KeyPlatform) + " → " + g.l.Name(KeyAPI),
		Body: "In the left menu of " + g.l.Name(KeyAdministration) + ", under " + g.l.Quoted(KeyPlatform) + ", choose " +
			g.l.Quoted(KeyAPI) + ". Matomo 3 has one token per user and shows it on that page.",
		Link: Matomo3API,
	}
}

func (g guide) matomo3Copy() Step {
	return Step{
		Title: "Copy your token",
		Body: "Under " + g.l.Quoted(KeyUserAuthentication) + ", Matomo shows your token in a sample address, after " +
			"&token_auth=: 32 letters and digits. Copy those 32 characters, without &token_auth=.\n\n" +
			"It is your user's only token: it changes when the password changes, and " + g.o.Tool +
			" then needs the new one.",
		Link: Matomo3API,
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
