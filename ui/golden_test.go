package ui

import (
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// goldenStates drive the wizard to the screens a person meets most.
var goldenStates = []struct {
	name  string
	drive func(t *testing.T, d *driver)
}{
	{"welcome", func(t *testing.T, d *driver) {}},
	{"address-redirect", func(t *testing.T, d *driver) {
		d.client.preflight = func(matomo.Address) (*matomo.Preflight, error) {
			return nil, &matomo.Error{Class: matomo.ClassRedirect, Status: 301,
				Detail: i18n.T(i18n.ErrDetailToOtherServer, "analytics.example.org", "https://matomo.example.net/analytics/index.php"),
				Hint: i18n.T(i18n.ErrHintSuggestedServer, "https://matomo.example.net/analytics",
					i18n.T(i18n.ErrTokenNotSent)),
				Suggested: mustAddr(t, "https://matomo.example.net/analytics")}
		}
		d.key("enter", "enter")
	}},
	// The address screen as it opens, while its check runs, and Matomo
	// over plain http.
	{"address", func(t *testing.T, d *driver) { d.key("enter") }},
	{"address-checking", func(t *testing.T, d *driver) {
		d.key("enter")
		d.sendOnly(keyPress("enter"))
	}},
	{"address-http-warning", func(t *testing.T, d *driver) {
		d.key("enter", "ctrl+u")
		d.typeText("http://analytics.example.org")
		d.key("enter")
	}},
	// The full help, on the guide's first step.
	{"guide-full-help", func(t *testing.T, d *driver) { d.key("enter", "enter", "?") }},
	{"guide-step3", func(t *testing.T, d *driver) { d.key("enter", "enter", "enter", "enter") }},
	{"guide-step1-question", func(t *testing.T, d *driver) {
		d.client.labels = germanLabels
		d.key("enter", "enter")
	}},
	{"guide-language", func(t *testing.T, d *driver) {
		d.client.labels = germanLabels
		d.key("enter", "enter", "l")
	}},
	// Matomo's labels in a third language, French, as that Matomo sends
	// them, with the text's own words in brackets.
	{"guide-labels-french", func(t *testing.T, d *driver) {
		d.client.labels = germanLabels
		d.key("enter", "enter", "l", "up", "up", "up", "down", "down", "enter", "pgdown")
	}},
	// The form of each version: Matomo 3's token page, 4's description,
	// 5.0's secure-only box, 5.4's expiry date.
	{"guide-matomo3-token", func(t *testing.T, d *driver) { d.key("enter", "enter", "3", "enter", "enter", "enter") }},
	{"guide-matomo4-last", func(t *testing.T, d *driver) {
		d.key("enter", "enter", "4", "enter", "enter", "enter", "enter", "enter", "enter")
	}},
	{"guide-matomo5.0-secure", func(t *testing.T, d *driver) {
		d.key("enter", "enter", "5", "enter", "enter", "enter", "enter", "enter", "enter")
	}},
	{"guide-matomo5.4-expiry", func(t *testing.T, d *driver) {
		d.key("enter", "enter", "6", "enter", "enter", "enter", "enter", "enter", "enter", "enter")
	}},
	{"token", func(t *testing.T, d *driver) {
		d.key("enter", "enter", "t")
		d.paste(testToken + "\n")
	}},
	// The token's check while it runs, the question before the very
	// token Matomo rejected is sent again, and Matomo's lock-out.
	{"verifying", func(t *testing.T, d *driver) {
		d.key("enter", "enter", "t")
		d.paste(testToken)
		d.sendOnly(keyPress("enter"))
	}},
	{"token-send-again", func(t *testing.T, d *driver) {
		d.client.verify = func(matomo.Token) (*matomo.Result, error) {
			return nil, &matomo.Error{Class: matomo.ClassTokenRejected, Status: 401,
				Detail: i18n.T(i18n.ErrDetailTokenUnknown), Hint: i18n.T(i18n.ErrHintTokenRejected)}
		}
		d.key("enter", "enter", "t")
		d.paste(testToken)
		d.key("enter", "e", "enter")
	}},
	{"locked-out", func(t *testing.T, d *driver) {
		d.client.verify = func(matomo.Token) (*matomo.Result, error) {
			return nil, &matomo.Error{Class: matomo.ClassBlocked, Status: 403,
				Detail: i18n.T(i18n.ErrDetailIPLockout), Hint: i18n.T(i18n.ErrHintIPLockout)}
		}
		d.key("enter", "enter", "t")
		d.paste(testToken)
		d.key("enter")
	}},
	// The sites: the URL check's question, a filter that finds none, and
	// q while the token is nowhere yet.
	{"url-check-consent", func(t *testing.T, d *driver) {
		okVerify(d.client, t)
		d.key("enter", "enter", "t")
		d.paste(testToken)
		d.key("enter", "g", "right")
	}},
	{"sites-filter-none", func(t *testing.T, d *driver) {
		okVerify(d.client, t)
		d.key("enter", "enter", "t")
		d.paste(testToken)
		d.key("enter", "/")
		d.typeText("zzz")
	}},
	{"quit-question", func(t *testing.T, d *driver) {
		okVerify(d.client, t)
		d.key("enter", "enter", "t")
		d.paste(testToken)
		d.key("enter", "q")
	}},
	{"sites", func(t *testing.T, d *driver) {
		okVerify(d.client, t)
		d.key("enter", "enter", "t")
		d.paste(testToken)
		d.key("enter")
	}},
	{"rejected", func(t *testing.T, d *driver) {
		d.client.verify = func(matomo.Token) (*matomo.Result, error) {
			return nil, &matomo.Error{Class: matomo.ClassTokenRejected, Status: 401,
				Detail: i18n.T(i18n.ErrDetailTokenUnknown),
				Matomo: "Unable to authenticate with the provided token. It is either invalid or expired.",
				Hint:   i18n.T(i18n.ErrHintTokenRejected)}
		}
		d.key("enter", "enter", "t")
		d.paste(testToken)
		d.key("enter")
	}},
	{"done", func(t *testing.T, d *driver) {
		okVerify(d.client, t)
		d.key("enter", "enter", "t")
		d.paste(testToken)
		d.key("enter", "down", "enter")
	}},
	{"done-saving", func(t *testing.T, d *driver) {
		okVerify(d.client, t)
		d.key("enter", "enter", "t")
		d.paste(testToken)
		d.key("enter", "down", "enter", "w")
	}},
	{"done-superuser", func(t *testing.T, d *driver) {
		d.client.verify = func(matomo.Token) (*matomo.Result, error) {
			r := viewerResult(mustAddr(t, testURL))
			r.SuperUser = true
			return r, nil
		}
		d.key("enter", "enter", "t")
		d.paste(testToken)
		d.key("enter", "enter")
	}},
	// The data check's other outcomes: no visit (with the tracking code's
	// link), and a refusal, which is the check's and not the token's.
	{"done-no-visit", func(t *testing.T, d *driver) {
		okVerify(d.client, t)
		d.client.dataCheck = func(site matomo.Site) (*matomo.DataCheck, error) {
			return &matomo.DataCheck{Site: site, Reason: matomo.DataNoVisit, CheckedAt: fixedNow()}, nil
		}
		d.key("enter", "enter", "t")
		d.paste(testToken)
		d.key("enter", "down", "enter")
	}},
	{"done-visits-log-off", func(t *testing.T, d *driver) {
		okVerify(d.client, t)
		d.client.dataCheck = func(site matomo.Site) (*matomo.DataCheck, error) {
			return &matomo.DataCheck{Site: site, Reason: matomo.DataVisitorLogOff, CheckedAt: fixedNow(),
				Matomo: "Visits log is deactivated in website settings. A user with at least admin access can enable this feature in the settings for this website (idSite=2)."}, nil
		}
		d.key("enter", "enter", "t")
		d.paste(testToken)
		d.key("enter", "down", "enter")
	}},
	// "Create it for me": the two-factor question, the warning after a
	// missing code, and the created token's sites and failure.
	{"create-login", func(t *testing.T, d *driver) { toCreate(d) }},
	{"create-two-factor", func(t *testing.T, d *driver) {
		toCreate(d)
		typeLoginAndPassword(d)
		d.key("enter", "n")
	}},
	{"create-code-missing", func(t *testing.T, d *driver) {
		d.client.create = func(matomo.CreateRequest) (*matomo.Created, error) {
			return nil, &matomo.Error{Class: matomo.ClassTwoFactor, TokenLeft: true, Matomo: "Please specify a two-factor authentication code."}
		}
		toCreate(d)
		typeLoginAndPassword(d)
		d.key("enter", "n", "n")
	}},
	{"created-sites", func(t *testing.T, d *driver) {
		okVerify(d.client, t)
		d.client.create = createdToken
		toCreate(d)
		typeLoginAndPassword(d)
		d.key("enter", "n", "n")
	}},
	{"created-check-failed", func(t *testing.T, d *driver) {
		d.client.create = createdToken
		d.client.verify = func(matomo.Token) (*matomo.Result, error) {
			return nil, &matomo.Error{Class: matomo.ClassTimeout, Detail: i18n.T(i18n.ErrDetailWaitTimeout, "analytics.example.org", "30s"),
				Hint: i18n.T(i18n.ErrHintWaitTimeout)}
		}
		toCreate(d)
		typeLoginAndPassword(d)
		d.key("enter", "n", "n")
	}},
}

// goldenLanguages are the wizard's languages the goldens keep: English
// under the state's name, German as de-<state>. German runs as
// LANG=de_DE.UTF-8 starts it: the German Printer, and the guide in
// Matomo's German words.
var goldenLanguages = []struct {
	prefix string
	cfg    func(Config) Config
}{
	{"", func(c Config) Config { return c }},
	{"de-", func(c Config) Config { c.Printer, c.LabelLang = i18n.For("de"), "de"; return c }},
}

// TestGoldenScreens keeps each main screen as text at 40 and 100 columns,
// in English and German, so a change in layout shows up in review. Run
// with -update to accept.
func TestGoldenScreens(t *testing.T) {
	t.Parallel()
	for _, lang := range goldenLanguages {
		for _, size := range []struct{ w, h int }{{40, 24}, {100, 30}} {
			for _, st := range goldenStates {
				name := lang.prefix + st.name + "-" + strconv.Itoa(size.w)
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					d := newDriver(t, lang.cfg(Config{Client: &fakeClient{}, URL: testURL}))
					d.send(tea.WindowSizeMsg{Width: size.w, Height: size.h})
					st.drive(t, d)
					checkGolden(t, d.screen(), size.w, size.h)
				})
			}
		}
	}
}

// checkGolden compares a screen with its golden file, after checking
// that it shows no token and fits the terminal.
func checkGolden(t *testing.T, got string, width, height int) {
	t.Helper()
	assertNoToken(t, got)
	for i, line := range strings.Split(got, "\n") {
		if w := len([]rune(line)); w > width {
			t.Errorf("line %d is %d columns on a %d-column screen: %q", i+1, w, width, line)
		}
	}
	if n := strings.Count(got, "\n") + 1; n > height {
		t.Errorf("%d lines on a %d-line screen", n, height)
	}
	// Goldens live in testdata/TestGoldenScreens/; -update rewrites them.
	golden.RequireEqual(t, got)
}
