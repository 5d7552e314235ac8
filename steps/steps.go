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
// empty) on the given day.
func Guide(tool string, now time.Time) []Step {
	if tool == "" {
		tool = DefaultTool
	}
	purpose := Purpose(tool, now)
	return []Step{
		{
			Title: "Log in to Matomo",
			Body: "Open your Matomo in the browser and log in as the user whose access the " + tool + " integration should have.\n\n" +
				"The token will act as this user, with exactly their access. For an integration, a " +
				"dedicated user with view access to the sites it needs is safest.",
			Link: Login,
		},
		{
			Title: "Open Administration",
			Body: "In Matomo's top menu, click the gear icon: Administration.\n\n" +
				"Every user has this menu, also without admin rights: it holds your personal settings.",
			Link: Login,
		},
		{
			Title: "Open Personal → Security",
			Body: "In the left menu of Administration, under \"Personal\", choose \"Security\". " +
				"The list of your auth tokens is at the bottom of that page.",
			Link:    Security,
			Matomo3: "Matomo 3 has one token per user and no Security page: go to Administration → Platform → API, copy the token shown there and skip ahead to entering the token.",
		},
		{
			Title: "Click \"Create new token\"",
			Body:  "At the bottom of the Security page, below the list of tokens, click the button \"Create new token\".",
			Link:  NewToken,
		},
		{
			Title: "Confirm your password",
			Body: "Matomo asks for your password again when you have not confirmed it in the last few minutes. " +
				"Type your Matomo login password (not a token) and confirm.",
			Link: NewToken,
		},
		{
			Title: "Describe what the token is for",
			Body: "In \"What are you using this token for?\" enter a short description (1 to 100 characters), for example:\n\n" +
				"    " + purpose + "\n\n" +
				"The date tells you later which token is which. Newer Matomo 5 versions also offer an expiry date " +
				"(on by default); an expired token is rejected exactly like a wrong one, so note the date or untick it.",
			Link: NewToken,
			Copy: purpose,
		},
		{
			Title: "Decide on \"Only allow secure requests\"",
			Body: "Matomo 5 ticks this box. A secure-only token works only when a tool sends it in the body of a request, " +
				"never inside a URL, which keeps it out of server logs.\n\n" +
				"Keep it ticked unless the tool that will use the token sends it in URLs (…&token_auth=…): " +
				"such tools fail with a secure-only token. After verifying, matomo-onboard can check whether the token also works in URLs.",
			Link: NewToken,
		},
		{
			Title: "Create the token and copy it now",
			Body: "Click \"Create new token\". Matomo shows the new token once, 32 letters and digits: " +
				"\"Please store your token securely as you will not be able to access or see the token again.\"\n\n" +
				"Copy it now, before you leave the page: it is needed in the next step.",
			Link: NewToken,
		},
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
