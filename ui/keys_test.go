package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// keyState is a moment of the wizard: how to reach it from a fresh one.
type keyState struct {
	name          string
	width, height int
	cfg           Config
	drive         func(t *testing.T, d *driver)
}

func rejectedVerify(matomo.Token) (*matomo.Result, error) {
	return nil, &matomo.Error{Class: matomo.ClassTokenRejected, Hint: i18n.Verbatim("Copy it again.")}
}

func manySites(n int) func(matomo.Token) (*matomo.Result, error) {
	return func(matomo.Token) (*matomo.Result, error) {
		r := &matomo.Result{Version: "5.0.2"}
		for i := range n {
			r.Sites = append(r.Sites, matomo.Site{ID: i + 1, Name: fmt.Sprintf("Site %d", i+1),
				URL: fmt.Sprintf("https://s%d.example", i+1), Access: matomo.AccessView})
		}
		return r, nil
	}
}

// toSites drives a fresh wizard with verify's answer to the result screen.
func toSites(verify func(matomo.Token) (*matomo.Result, error)) func(t *testing.T, d *driver) {
	return func(t *testing.T, d *driver) {
		d.client.verify = verify
		d.key("enter", "enter", "t")
		d.paste(testToken)
		d.key("enter")
	}
}

func report(matomo.Findings) (string, error) { return "/tmp/report.txt", nil }

// keyStates are the moments a person meets, with every kind of key: each
// screen, a failure, a question, a request in flight, a body taller than
// the terminal.
var keyStates = []keyState{
	{name: "welcome", drive: func(t *testing.T, d *driver) {}},
	{name: "welcome on a short terminal", width: 40, height: 12, drive: func(t *testing.T, d *driver) {}},
	{name: "welcome scrolled", width: 40, height: 12, drive: func(t *testing.T, d *driver) { d.key("pgdown") }},
	{name: "address typing", drive: func(t *testing.T, d *driver) { d.key("enter") }},
	{name: "address checking", drive: func(t *testing.T, d *driver) {
		d.key("enter")
		d.sendOnly(keyPress("enter"))
	}},
	{name: "address redirect", cfg: Config{Report: report}, drive: func(t *testing.T, d *driver) {
		d.client.preflight = func(matomo.Address) (*matomo.Preflight, error) {
			return nil, &matomo.Error{Class: matomo.ClassRedirect, Suggested: mustAddr(t, "https://new.example.org")}
		}
		d.key("enter", "enter")
	}},
	{name: "address plain http", cfg: Config{URL: "http://analytics.example.org", AllowHTTP: true},
		drive: func(t *testing.T, d *driver) { d.key("enter", "enter") }},
	{name: "guide step 1", drive: func(t *testing.T, d *driver) { d.key("enter", "enter") }},
	{name: "guide step 1, Matomo's languages", drive: func(t *testing.T, d *driver) {
		d.client.labels = germanLabels
		d.key("enter", "enter")
	}},
	{name: "guide step 1, version answered", drive: func(t *testing.T, d *driver) { d.key("enter", "enter", "4") }},
	{name: "guide step 1, version told", drive: func(t *testing.T, d *driver) {
		d.client.preflight = func(a matomo.Address) (*matomo.Preflight, error) {
			return &matomo.Preflight{Address: a, Version: "5.1.2"}, nil
		}
		d.key("enter", "enter")
	}},
	{name: "language picker", drive: func(t *testing.T, d *driver) {
		d.client.labels = germanLabels
		d.key("enter", "enter", "l", "down")
	}},
	{name: "guide step 2 (no link)", drive: func(t *testing.T, d *driver) { d.key("enter", "enter", "enter") }},
	{name: "guide step 6 (a text to copy)", drive: func(t *testing.T, d *driver) {
		d.key("enter", "enter", "enter", "enter", "enter", "enter", "enter")
	}},
	{name: "guide on a short terminal", width: 40, height: 14, drive: func(t *testing.T, d *driver) {
		d.key("enter", "enter", "enter", "enter")
	}},
	{name: "token empty, demo", cfg: Config{DemoTokens: []DemoToken{{Value: testToken, Note: "a viewer"}}},
		drive: func(t *testing.T, d *driver) { d.key("enter", "enter", "t") }},
	{name: "token typed", drive: func(t *testing.T, d *driver) {
		d.key("enter", "enter", "t")
		d.paste(testToken)
	}},
	{name: "verifying", drive: func(t *testing.T, d *driver) {
		d.key("enter", "enter", "t")
		d.paste(testToken)
		d.sendOnly(keyPress("enter"))
	}},
	{name: "sites", cfg: Config{Report: report}, drive: toSites(manySites(2))},
	{name: "sites, many, in the middle", drive: func(t *testing.T, d *driver) {
		toSites(manySites(200))(t, d)
		d.key("pgdown")
	}},
	{name: "sites filtering", drive: func(t *testing.T, d *driver) {
		toSites(manySites(30))(t, d)
		d.key("/")
		d.typeText("1")
	}},
	{name: "sites filtered", drive: func(t *testing.T, d *driver) {
		toSites(manySites(30))(t, d)
		d.key("/")
		d.typeText("2")
		d.key("enter")
	}},
	{name: "sites, nothing matches", drive: func(t *testing.T, d *driver) {
		toSites(manySites(3))(t, d)
		d.key("/")
		d.typeText("zzz")
		d.key("enter")
	}},
	{name: "URL check question", drive: func(t *testing.T, d *driver) {
		toSites(manySites(2))(t, d)
		d.key("g")
	}},
	{name: "URL check running", drive: func(t *testing.T, d *driver) {
		toSites(manySites(2))(t, d)
		d.key("g", "right")
		d.sendOnly(keyPress("enter"))
	}},
	{name: "rejected", cfg: Config{Report: report}, drive: toSites(rejectedVerify)},
	{name: "server error", drive: toSites(func(matomo.Token) (*matomo.Result, error) {
		return nil, &matomo.Error{Class: matomo.ClassServerError, Hint: i18n.Verbatim("Try again.")}
	})},
	{name: "redirect at the token check", drive: toSites(func(matomo.Token) (*matomo.Result, error) {
		return nil, &matomo.Error{Class: matomo.ClassRedirect, Suggested: newAddress}
	})},
	{name: "locked out", drive: toSites(func(matomo.Token) (*matomo.Result, error) {
		return nil, &matomo.Error{Class: matomo.ClassBlocked, Hint: i18n.Verbatim("Wait.")}
	})},
	{name: "done", drive: func(t *testing.T, d *driver) {
		toSites(manySites(2))(t, d)
		d.key("enter")
	}},
	{name: "token question (an odd token)", drive: func(t *testing.T, d *driver) {
		d.key("enter", "enter", "t")
		d.paste("abc")
		d.key("enter")
	}},
	{name: "token question (the token rejected before)", drive: func(t *testing.T, d *driver) {
		toSites(rejectedVerify)(t, d)
		d.key("e", "enter")
	}},
	{name: "done with a system clipboard", cfg: Config{Clipboard: nopClipboard{}}, drive: func(t *testing.T, d *driver) {
		toSites(manySites(2))(t, d)
		d.key("enter")
	}},
	{name: "done, saving the token", drive: func(t *testing.T, d *driver) {
		toSites(manySites(2))(t, d)
		d.key("enter", "w")
	}},
	{name: "done, with the report", cfg: Config{Report: report}, drive: func(t *testing.T, d *driver) {
		toSites(manySites(2))(t, d)
		d.key("enter")
	}},
	{name: "done, data check running", cfg: Config{Report: report}, drive: func(t *testing.T, d *driver) {
		toSites(manySites(2))(t, d)
		d.sendOnly(keyPress("enter"))
	}},
	{name: "done, data check canceled", drive: func(t *testing.T, d *driver) {
		toSites(manySites(2))(t, d)
		d.sendOnly(keyPress("enter"))
		d.key("esc")
	}},
	{name: "done, no visit (the tracking code's link)", drive: func(t *testing.T, d *driver) {
		d.client.dataCheck = func(site matomo.Site) (*matomo.DataCheck, error) {
			return &matomo.DataCheck{Site: site, Reason: matomo.DataNoVisit}, nil
		}
		toSites(manySites(2))(t, d)
		d.key("enter")
	}},
	{name: "done, data check timed out", drive: func(t *testing.T, d *driver) {
		d.client.dataCheck = func(matomo.Site) (*matomo.DataCheck, error) {
			return nil, &matomo.Error{Class: matomo.ClassTimeout, Detail: i18n.Verbatim("No answer in 30s.")}
		}
		toSites(manySites(2))(t, d)
		d.key("enter")
	}},
	{name: "full help", drive: func(t *testing.T, d *driver) {
		toSites(manySites(2))(t, d)
		d.key("?")
	}},
	// "Create it for me": each question, the request in flight, a refused
	// round, the lock-out, and the created token's sites and failure.
	{name: "create, login", drive: func(t *testing.T, d *driver) { toCreate(d) }},
	{name: "create, login, demo", cfg: Config{DemoLogins: []DemoLogin{{Login: "acona-reader", Password: "DemoPass2026!", Note: "a viewer"}}},
		drive: func(t *testing.T, d *driver) { toCreate(d) }},
	{name: "create, login typed", drive: func(t *testing.T, d *driver) {
		toCreate(d)
		d.typeText("viewer")
	}},
	{name: "create, password", drive: func(t *testing.T, d *driver) {
		toCreate(d)
		d.typeText("viewer")
		d.key("enter")
	}},
	{name: "create, description", drive: func(t *testing.T, d *driver) {
		toCreate(d)
		typeLoginAndPassword(d)
	}},
	{name: "create, expiry question", drive: func(t *testing.T, d *driver) {
		toCreate(d)
		typeLoginAndPassword(d)
		d.key("enter")
	}},
	{name: "create, expiry date", drive: func(t *testing.T, d *driver) {
		toCreate(d)
		typeLoginAndPassword(d)
		d.key("enter", "y")
	}},
	{name: "create, two-factor question", drive: func(t *testing.T, d *driver) {
		toCreate(d)
		typeLoginAndPassword(d)
		d.key("enter", "n")
	}},
	{name: "create, password, demo", cfg: Config{DemoLogins: []DemoLogin{{Login: "acona-reader", Password: "DemoPass2026!", Note: "a viewer"}}},
		drive: func(t *testing.T, d *driver) {
			toCreate(d)
			d.key("tab", "enter", "ctrl+u")
		}},
	{name: "create, code, demo", cfg: Config{DemoLogins: []DemoLogin{{Login: "lena.2fa", Password: "LenaDemo2026!", Note: "2FA", Code: func() string { return "123456" }}}},
		drive: func(t *testing.T, d *driver) {
			toCreate(d)
			d.key("tab", "enter", "enter", "n", "y")
		}},
	{name: "create, sending", drive: func(t *testing.T, d *driver) {
		d.client.create = createdToken
		toCreate(d)
		typeLoginAndPassword(d)
		d.key("enter", "n")
		d.sendOnly(keyPress("n"))
	}},
	{name: "create, two-factor code missing", drive: func(t *testing.T, d *driver) {
		d.client.create = func(matomo.CreateRequest) (*matomo.Created, error) {
			return nil, &matomo.Error{Class: matomo.ClassTwoFactor, TokenLeft: true}
		}
		toCreate(d)
		typeLoginAndPassword(d)
		d.key("enter", "n", "n")
	}},
	{name: "create, locked out", drive: func(t *testing.T, d *driver) {
		d.client.create = func(matomo.CreateRequest) (*matomo.Created, error) {
			return nil, &matomo.Error{Class: matomo.ClassBlocked, Detail: i18n.Verbatim("Locked.")}
		}
		toCreate(d)
		typeLoginAndPassword(d)
		d.key("enter", "n", "n")
	}},
	{name: "created, sites", drive: func(t *testing.T, d *driver) {
		d.client.create = createdToken
		toCreate(d)
		typeLoginAndPassword(d)
		d.key("enter", "n", "n")
	}},
	{name: "created, its check failed", cfg: Config{Report: report}, drive: func(t *testing.T, d *driver) {
		d.client.create = createdToken
		d.client.verify = func(matomo.Token) (*matomo.Result, error) {
			return nil, &matomo.Error{Class: matomo.ClassNetwork, Hint: i18n.Verbatim("Try again.")}
		}
		toCreate(d)
		typeLoginAndPassword(d)
		d.key("enter", "n", "n")
	}},
	{name: "created, its check failed, saving", drive: func(t *testing.T, d *driver) {
		d.client.create = createdToken
		d.client.verify = func(matomo.Token) (*matomo.Result, error) {
			return nil, &matomo.Error{Class: matomo.ClassServerError, Hint: i18n.Verbatim("Try again.")}
		}
		toCreate(d)
		typeLoginAndPassword(d)
		d.key("enter", "n", "n", "w")
	}},
}

// nopClipboard is a system clipboard that takes anything.
type nopClipboard struct{}

func (nopClipboard) Name() string      { return "wl-copy" }
func (nopClipboard) Copy(string) error { return nil }

// newAddress is where a redirect of keyStates points.
var newAddress, _ = matomo.ParseAddress("https://new.example.org")

// keyUniverse is every key of every binding, and keys no binding has.
func keyUniverse() []string {
	km := defaultKeyMap(nil)
	var out []string
	for _, b := range km.all() {
		out = append(out, b.Keys()...)
	}
	out = append(out, "space", "tab", "shift+tab", "home", "end", "left", "right", "x", "backspace", "ctrl+u")
	slices.Sort(out)
	return slices.Compact(out)
}

// textKey reports whether k edits a text input: a typed character, or the
// input's own editing keys.
func textKey(k string) bool {
	if utf8.RuneCountInString(k) == 1 || k == "space" {
		return true
	}
	return slices.Contains([]string{"left", "right", "home", "end", "backspace", "delete", "ctrl+u", "up", "down", "tab"}, k)
}

func (st keyState) start(t *testing.T) *driver {
	t.Helper()
	return st.drive1(t, nil)
}

// replayer drives the state once and returns what makes new drivers in it
// (see driver.replayer): the tests that need the state afresh for every
// key or every terminal size take it from there.
func (st keyState) replayer(t *testing.T) func(t *testing.T) *driver {
	t.Helper()
	var sent []tea.Msg
	return st.drive1(t, &sent).replayer()
}

// drive1 makes a driver and drives it to the state, recording what it
// sends into sent when that is not nil.
func (st keyState) drive1(t *testing.T, sent *[]tea.Msg) *driver {
	t.Helper()
	cfg := st.cfg
	cfg.Client = &fakeClient{}
	if cfg.URL == "" {
		cfg.URL = testURL
	}
	d := startDriver(t, cfg, sent)
	d.client.verify = func(matomo.Token) (*matomo.Result, error) { return viewerResult(mustAddr(t, testURL)), nil }
	d.client.getCheck = func(matomo.Token) (*matomo.GETCheck, error) { return &matomo.GETCheck{Works: true}, nil }
	if st.width > 0 {
		d.send(tea.WindowSizeMsg{Width: st.width, Height: st.height})
	}
	st.drive(t, d)
	return d
}

// TestTheHelpIsTheKeysThatWork presses every key in every moment and
// compares with the help (all of it, as ? shows): a key that does
// something is in the help, and every key in the help does something.
// Keys typed into a text field are the field's.
func TestTheHelpIsTheKeysThatWork(t *testing.T) {
	if raceEnabled {
		t.Skip("about 1,400 drives of one goroutine: run without -race (go test ./... runs it)")
	}
	t.Parallel()
	universe := keyUniverse()
	for _, k := range universe {
		if got := keyPress(k).String(); got != k {
			t.Fatalf("keyPress(%q) is %q: the test would press another key", k, got)
		}
	}
	for _, st := range keyStates {
		t.Run(st.name, func(t *testing.T) {
			t.Parallel()
			fresh := st.replayer(t)
			probe := fresh(t)
			typing := probe.m.typing()
			offered := map[string]key.Binding{} // key → the binding the help names it in
			help := helpOf(probe.m)
			for _, b := range help {
				for _, k := range namedKeys(b) {
					offered[k] = b
				}
			}
			if probe.m.help.ShowAll {
				// ? closes the full help it opened, which does not list it.
				offered["?"] = probe.m.keys.Help
			}
			checkEnabledIsShown(t, probe.m, help)
			reacts := map[string]bool{}
			for _, k := range universe {
				d := fresh(t)
				before := d.screen()
				cmd := d.sendOnly(keyPress(k))
				reacts[k] = d.screen() != before || len(flatten(cmd)) > 0
			}
			for _, k := range universe {
				_, inHelp := offered[k]
				if reacts[k] && !inHelp && !(typing && textKey(k)) {
					t.Errorf("%q does something here, but the help does not offer it\n%s", k, probe.screen())
				}
			}
			for _, b := range help {
				if !slices.ContainsFunc(b.Keys(), func(k string) bool { return reacts[k] }) {
					t.Errorf("the help offers %q (%s), but none of its keys %q does anything\n%s",
						b.Help().Key, b.Help().Desc, b.Keys(), probe.screen())
				}
			}
		})
	}
}

// namedKeys are the keys a binding's help names ("↑/k" is up and k).
func namedKeys(b key.Binding) []string {
	symbols := map[string]string{"↑": "up", "↓": "down", "←": "left", "→": "right", "pgdn": "pgdown"}
	if b.Help().Key == "/" {
		return []string{"/"}
	}
	var out []string
	for _, k := range strings.Split(b.Help().Key, "/") {
		if s, ok := symbols[k]; ok {
			k = s
		}
		out = append(out, k)
	}
	return out
}

// TestEveryKeyIsNamedInItsHelp: the help names every key a binding
// answers to, and no other (the help once hid that space pages the
// site table).
func TestEveryKeyIsNamedInItsHelp(t *testing.T) {
	m := New(Config{Client: &fakeClient{}})
	bindings := append(m.keys.all(), &m.token.input.KeyMap.DeleteBeforeCursor)
	for _, b := range bindings {
		keys, named := slices.Sorted(slices.Values(b.Keys())), slices.Sorted(slices.Values(namedKeys(*b)))
		if !slices.Equal(keys, named) {
			t.Errorf("the help %q (%s) names %q, but the binding answers to %q", b.Help().Key, b.Help().Desc, named, keys)
		}
	}
}

// helpOf is every key the help offers a person now: the help bar and the
// full help (?), each key once.
func helpOf(m *Model) []key.Binding {
	var out []key.Binding
	seen := map[string]bool{}
	for _, b := range append(append([]key.Binding(nil), m.shown.ShortHelp()...), m.shown.FullHelp()[0]...) {
		name := b.Help().Key + " " + b.Help().Desc
		if !seen[name] {
			seen[name] = true
			out = append(out, b)
		}
	}
	return out
}

// checkEnabledIsShown: the keys Update can match (those of the enabled
// bindings) are exactly the keys the help names, each with its binding's
// description; ? is the one exception, unlisted in the full help it
// closes.
func checkEnabledIsShown(t *testing.T, m *Model, help []key.Binding) {
	t.Helper()
	named := map[string]string{} // key → the description the help gives it
	for _, b := range help {
		for _, k := range namedKeys(b) {
			named[k] = b.Help().Desc
		}
	}
	enabled := map[string]bool{}
	// The token field's own ctrl+u clears it, and is offered once there
	// is something to clear; so does each field of the create screen's,
	// while it is the one asked.
	clears := map[*key.Binding]bool{&m.token.input.KeyMap.DeleteBeforeCursor: m.screen == screenToken && m.token.input.Value() != "" && m.token.asking == ""}
	for _, f := range m.create.fields() {
		clears[&f.KeyMap.DeleteBeforeCursor] = m.screen == screenCreate && m.create.input() == f && f.Value() != "" && !m.create.sending
	}
	all := m.keys.all()
	for b := range clears {
		all = append(all, b)
	}
	for _, b := range all {
		if active, field := clears[b]; !b.Enabled() || field && !active {
			continue
		}
		for _, k := range b.Keys() {
			enabled[k] = true
			if k == "?" && m.help.ShowAll {
				continue
			}
			if desc, ok := named[k]; !ok || desc != b.Help().Desc {
				t.Errorf("%q (%s) is enabled, but the help names it as %q", k, b.Help().Desc, desc)
			}
		}
	}
	for k, desc := range named {
		if !enabled[k] {
			t.Errorf("the help names %q (%s), which is not enabled", k, desc)
		}
	}
}

// TestTheHelpSaysWhereSpacePages is the drift the keymap ends: space pages
// the site table, and the help says so.
func TestTheHelpSaysWhereSpacePages(t *testing.T) {
	d := keyState{drive: toSites(manySites(200))}.start(t)
	d.key("?")
	d.wantScreen("pgdn/space page down")
	d.key("space")
	if d.m.result.table.cursor == 0 {
		t.Fatal("space did not page the table")
	}
	d.wantScreen("pgup page up") // once there is something above
}
