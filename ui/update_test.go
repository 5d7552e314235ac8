package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

const testURL = "https://analytics.example.org"

func mustAddr(t *testing.T, s string) matomo.Address {
	t.Helper()
	a, err := matomo.ParseAddress(s)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// atToken drives a fresh wizard to the token screen of testURL.
func atToken(t *testing.T, fc *fakeClient, cfg Config) *driver {
	t.Helper()
	cfg.Client = fc
	if cfg.URL == "" {
		cfg.URL = testURL
	}
	d := newDriver(t, cfg)
	d.key("enter", "enter") // welcome → address → check
	if d.m.screen != screenGuide {
		t.Fatalf("after the address check: screen %v\n%s", d.m.screen, d.screen())
	}
	d.key("t")
	if d.m.screen != screenToken {
		t.Fatalf("t did not jump to the token: %v", d.m.screen)
	}
	return d
}

func okVerify(fc *fakeClient, t *testing.T) {
	fc.verify = func(matomo.Token) (*matomo.Result, error) { return viewerResult(mustAddr(t, testURL)), nil }
}

func TestWelcomeLeadsToTheAddressWithTheGivenURL(t *testing.T) {
	d := newDriver(t, Config{Client: &fakeClient{}, URL: testURL})
	d.wantScreen("Create and verify your Matomo API token", "The token is a secret", "enter start")
	d.key("enter")
	if d.m.screen != screenAddress {
		t.Fatalf("screen %v", d.m.screen)
	}
	d.wantScreen("Your Matomo address", testURL)
}

func TestAddressProblemsAreExplainedAndNothingIsSent(t *testing.T) {
	fc := &fakeClient{}
	d := newDriver(t, Config{Client: fc})
	d.key("enter")
	d.typeText("ftp://x.example")
	d.wantNotOnScreen("not a web address scheme") // no scolding while typing
	d.key("enter")
	d.wantScreen("✗", "not a web address scheme")
	if p, _, _ := fc.counts(); p != 0 {
		t.Fatalf("%d pre-flight requests for an invalid address", p)
	}
	// Fixing it keeps what was typed around the mistake.
	for range len("ftp://") {
		d.key("ctrl+u")
	}
	d.typeText("analytics.example.org/matomo/index.php")
	d.wantScreen("→ https://analytics.example.org/matomo", "Added https:// in front.")
}

func TestAddressCheckGoesToTheGuide(t *testing.T) {
	fc := &fakeClient{preflight: func(a matomo.Address) (*matomo.Preflight, error) {
		return &matomo.Preflight{Address: a, Trace: matomo.Trace{TLS: &matomo.TLSInfo{Version: "TLS 1.3"}}}, nil
	}}
	d := newDriver(t, Config{Client: fc, URL: "analytics.example.org"})
	d.key("enter", "enter")
	if d.m.screen != screenGuide || d.m.guide.index != 0 {
		t.Fatalf("screen %v step %d", d.m.screen, d.m.guide.index)
	}
	d.wantScreen("analytics.example.org · step 1 of 8", "Log in to Matomo", "✓ Matomo reachable (TLS 1.3")
}

func TestEscCancelsTheAddressCheck(t *testing.T) {
	fc := &fakeClient{block: true}
	d := newDriver(t, Config{Client: fc, URL: testURL})
	d.key("enter")
	pending := d.sendOnly(keyPress("enter"))
	d.wantScreen("Checking https://analytics.example.org (no token is sent)")
	d.key("esc")
	if d.m.busy() || !d.m.address.editing() {
		t.Fatal("esc did not end the check and return to the input")
	}
	// The canceled request's late answer changes nothing.
	d.run(pending)
	if d.m.screen != screenAddress || d.m.found.PreflightErr() != nil || d.m.addressFailure() != nil {
		t.Fatalf("a canceled check's answer was used: screen %v err %v", d.m.screen, d.m.found.PreflightErr())
	}
	d.wantScreen(testURL)
}

func TestAddressCheckFailuresOfferTheWayForward(t *testing.T) {
	other := mustAddr(t, "https://matomo.example.net/analytics")
	cases := []struct {
		name  string
		err   *matomo.Error
		shows []string
		keys  []string
	}{
		{"redirect", &matomo.Error{Class: matomo.ClassRedirect, Detail: i18n.Verbatim("redirects"), Hint: i18n.Verbatim("Use the new address."), Suggested: other},
			[]string{"The address redirects elsewhere", "New address https://matomo.example.net/analytics"}, []string{"n use new address", "e/esc edit address"}},
		{"not Matomo", &matomo.Error{Class: matomo.ClassNotMatomo, Detail: i18n.Verbatim(`answered with a web page titled "Welcome to nginx!"`), Hint: i18n.Verbatim("Check the address.")},
			[]string{"does not answer like Matomo", "Welcome to nginx!", "Check the address."}, []string{"r retry", "e/esc edit address"}},
		{"network", &matomo.Error{Class: matomo.ClassNetwork, Detail: i18n.Verbatim("The name could not be found (DNS)."), Hint: i18n.Verbatim("Check the spelling.")},
			[]string{"Could not reach the server", "DNS", "Check the spelling."}, []string{"r retry"}},
		{"tls", &matomo.Error{Class: matomo.ClassTLS, Detail: i18n.Verbatim("signed by an authority this computer does not trust"), Hint: i18n.Verbatim("pass its certificate (verify: --ca-file FILE)")},
			[]string{"The secure connection failed", "--ca-file"}, []string{"r retry"}},
		{"timeout", &matomo.Error{Class: matomo.ClassTimeout, Detail: i18n.Verbatim("did not answer within 30s."), Hint: i18n.Verbatim("Check the address.")},
			[]string{"did not answer in time"}, []string{"r retry"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fc := &fakeClient{preflight: func(matomo.Address) (*matomo.Preflight, error) { return nil, tc.err }}
			d := newDriver(t, Config{Client: fc, URL: testURL})
			d.key("enter", "enter")
			d.wantScreen(append(tc.shows, "✗")...)
			d.wantScreen(tc.keys...)
			if d.m.address.editing() {
				t.Fatal("the input kept the keyboard, so the offered keys would type letters")
			}
			before, _, _ := fc.counts()
			if tc.err.Class == matomo.ClassRedirect {
				fc.preflight = nil // the new address answers
				d.key("n")
				if d.m.screen != screenGuide || d.m.found.Checked().String() != other.String() {
					t.Fatalf("n did not check and use the new address: %v %s", d.m.screen, d.m.found.Checked())
				}
				return
			}
			d.key("r")
			if after, _, _ := fc.counts(); after != before+1 {
				t.Fatalf("r sent %d checks, want 1", after-before)
			}
			d.key("e")
			if !d.m.address.editing() || d.m.address.input.Value() != testURL {
				t.Fatalf("e did not return to the input with the address kept: %q", d.m.address.input.Value())
			}
		})
	}
}

func TestPlainHTTPToAnotherHostIsWarnedAndHTTPSOffered(t *testing.T) {
	fc := &fakeClient{}
	d := newDriver(t, Config{Client: fc, URL: "http://analytics.example.org"})
	d.key("enter", "enter")
	if d.m.screen != screenAddress {
		t.Fatalf("went on to %v despite plain http", d.m.screen)
	}
	d.wantScreen("over plain http", "unencrypted", "s use https", "--allow-http")
	d.wantNotOnScreen("k keep http")
	d.key("s")
	if d.m.screen != screenGuide || d.m.found.Checked().Scheme() != "https" {
		t.Fatalf("s did not switch to https: %v %s", d.m.screen, d.m.found.Checked())
	}
}

func TestPlainHTTPCanBeKeptOnlyWhenAllowed(t *testing.T) {
	d := newDriver(t, Config{Client: &fakeClient{}, URL: "http://analytics.example.org", AllowHTTP: true})
	d.key("enter", "enter")
	d.wantScreen("k keep http")
	d.key("k")
	if d.m.screen != screenGuide || d.m.found.Checked().Scheme() != "http" {
		t.Fatalf("k did not keep http: %v", d.m.screen)
	}
}

func TestLoopbackHTTPNeedsNoWarning(t *testing.T) {
	d := newDriver(t, Config{Client: &fakeClient{}, URL: "http://127.0.0.1:8089"})
	d.key("enter", "enter")
	if d.m.screen != screenGuide {
		t.Fatalf("screen %v", d.m.screen)
	}
}

func TestGuideWalksEveryStepWithDeepLinks(t *testing.T) {
	d := newDriver(t, Config{Client: &fakeClient{}, URL: testURL})
	d.key("enter", "enter")
	want := []struct {
		title, link string
	}{
		{"Log in to Matomo", testURL + "/"},
		{"Open Administration", ""},
		{"Open Personal → Security", testURL + "/index.php?module=UsersManager&action=userSecurity"},
		{"Create new token", testURL + "/index.php?module=UsersManager&action=addNewToken"},
		{"Confirm your password", ""},
		{"Describe what the token is for", "Acona 2026-11-28"},
		{"Only allow secure requests", ""},
		{"copy it now", ""},
	}
	for i, w := range want {
		d.wantScreen(w.title, "step "+string(rune('1'+i))+" of 8")
		if w.link != "" {
			d.wantScreen(w.link)
		}
		if i == 2 {
			d.wantScreen("Matomo 3")
		}
		d.key("enter")
	}
	if d.m.screen != screenToken {
		t.Fatalf("after the last step: %v", d.m.screen)
	}
	d.key("esc")
	if d.m.screen != screenGuide || d.m.guide.index != 7 {
		t.Fatalf("esc from the token went to %v step %d", d.m.screen, d.m.guide.index)
	}
	for range 8 {
		d.key("esc")
	}
	if d.m.screen != screenAddress || d.m.address.input.Value() != testURL {
		t.Fatalf("back through the guide lost the address: %v %q", d.m.screen, d.m.address.input.Value())
	}
}

type recordingBrowser struct{ opened []string }

func (b *recordingBrowser) Open(url string) error {
	b.opened = append(b.opened, url)
	return nil
}

func TestGuideOpensAndCopiesTheLink(t *testing.T) {
	b := &recordingBrowser{}
	d := newDriver(t, Config{Client: &fakeClient{}, URL: testURL, Browser: b})
	d.key("enter", "enter", "enter", "enter") // to step 3
	d.key("o")
	link := testURL + "/index.php?module=UsersManager&action=userSecurity"
	if len(b.opened) != 1 || b.opened[0] != link {
		t.Fatalf("opened %v", b.opened)
	}
	d.wantScreen("✓ Handed the link to your browser.")
	cmd := d.sendOnly(keyPress("c"))
	var copied string
	for _, c := range flatten(cmd) {
		if s, ok := clipboardText(c()); ok {
			copied = s
		}
	}
	if copied != link {
		t.Fatalf("copied %q, want the link", copied)
	}
}

func TestNoBrowserOverSSHSaysWhyAndKeepsTheLink(t *testing.T) {
	d := newDriver(t, Config{Client: &fakeClient{}, URL: testURL, NoBrowserReason: i18n.T(i18n.UINoBrowserSSH)})
	d.key("enter", "enter", "o")
	d.wantScreen("Not opened: this is an SSH session", testURL+"/")
}

func TestTokenInputIsMaskedAndJudgedLive(t *testing.T) {
	d := atToken(t, &fakeClient{}, Config{})
	d.paste("  " + strings.ToUpper(testToken) + "\n")
	d.wantScreen("••••", "32 characters, ends …6789", "looks like a Matomo token ✓", "lower case", "Removed the spaces or line break")
	d.key("ctrl+u")
	d.typeText("abc123")
	d.wantScreen("6 characters", "Matomo tokens have 32")
}

func TestAHugePasteIsRefusedAndKeepsWhatWasTyped(t *testing.T) {
	d := atToken(t, &fakeClient{}, Config{})
	d.typeText("c0ffee")
	d.paste(strings.Repeat("<html>", 10000))
	d.wantScreen("60,000 characters", "Nothing was inserted")
	if got := d.m.token.input.Value(); got != "c0ffee" {
		t.Fatalf("the typed text became %d characters", len(got))
	}
}

func TestTokenRefusalsSendNothing(t *testing.T) {
	fc := &fakeClient{}
	d := atToken(t, fc, Config{})
	d.key("enter")
	d.wantScreen("✗ the token is empty")
	d.typeText("anonymous")
	d.key("enter")
	d.wantScreen(`"anonymous" is Matomo's name for a visitor`)
	if _, v, _ := fc.counts(); v != 0 {
		t.Fatalf("%d verifications for refused input", v)
	}
}

func TestLeavingTheTokenStepBackwardsClearsTheToken(t *testing.T) {
	d := atToken(t, &fakeClient{}, Config{})
	d.paste(testToken)
	d.key("esc")
	if d.m.token.input.Value() != "" {
		t.Fatal("the token stayed in memory after leaving the token step")
	}
}

func TestVerificationIsOneRequestAndCannotBeDoubled(t *testing.T) {
	fc := &fakeClient{}
	d := atToken(t, fc, Config{})
	fc.block = true
	d.paste(testToken)
	pending := d.sendOnly(keyPress("enter"))
	d.wantScreen("Verifying the token", "Esc cancels")
	d.key("enter", "enter") // impatient
	if _, v, _ := fc.counts(); v > 1 {
		t.Fatalf("%d verification requests", v)
	}
	d.key("esc")
	d.run(pending)
	if d.m.screen != screenToken || d.m.token.input.Value() != testToken {
		t.Fatalf("esc did not return to the token with it kept: %v", d.m.screen)
	}
	d.wantScreen("Check canceled")
	if _, v, _ := fc.counts(); v != 1 {
		t.Fatalf("%d verification requests, want 1", v)
	}
}

func TestEveryErrorClassIsExplainedWithItsWayForward(t *testing.T) {
	cases := []struct {
		class  matomo.ErrorClass
		shows  []string
		retry  bool
		noEdit bool
	}{
		{matomo.ClassTokenRejected, []string{"Matomo rejected this token", "Rejected tokens in this session: 1."}, false, false},
		{matomo.ClassNoAccess, []string{"its user has no site"}, true, false},
		{matomo.ClassBlocked, []string{"locked this computer out", "No token is sent until the lock lifts"}, false, true},
		{matomo.ClassRateLimited, []string{"slow down"}, true, false},
		{matomo.ClassServerError, []string{"Matomo had a problem answering"}, true, false},
		{matomo.ClassNetwork, []string{"Could not reach the server"}, true, false},
		{matomo.ClassTimeout, []string{"did not answer in time"}, true, false},
		{matomo.ClassTLS, []string{"secure connection failed"}, true, false},
		{matomo.ClassNotMatomo, []string{"does not answer like Matomo"}, false, false},
		{matomo.ClassRedirect, []string{"redirects elsewhere", "n use new address"}, false, false},
		{matomo.ClassPlainHTTP, []string{"unencrypted http"}, false, false},
	}
	for _, tc := range cases {
		t.Run(string(tc.class), func(t *testing.T) {
			e := &matomo.Error{Class: tc.class, Detail: i18n.Verbatim("detail of " + string(tc.class)), Matomo: "Matomo's own words", Hint: i18n.Verbatim("hint for " + string(tc.class))}
			if tc.class == matomo.ClassRedirect {
				e.Suggested = mustAddr(t, "https://new.example.org")
			}
			fc := &fakeClient{verify: func(matomo.Token) (*matomo.Result, error) { return nil, e }}
			d := atToken(t, fc, Config{})
			d.paste(testToken)
			d.key("enter")
			if d.m.screen != screenResult {
				t.Fatalf("screen %v", d.m.screen)
			}
			d.wantScreen(append(tc.shows, "✗", "detail of "+string(tc.class), `Matomo said: "Matomo's own words"`, "hint for "+string(tc.class), "u change address")...)
			if got := strings.Contains(d.screen(), "r retry"); got != tc.retry {
				t.Fatalf("retry offered: %v, want %v", got, tc.retry)
			}
			if got := strings.Contains(d.screen(), "e/esc edit token"); got == tc.noEdit {
				t.Fatalf("edit token offered: %v", got)
			}
			// A retry re-sends exactly once; keys not offered send nothing.
			_, before, _ := fc.counts()
			d.key("r")
			_, after, _ := fc.counts()
			want := before
			if tc.retry {
				want++
			}
			if after != want {
				t.Fatalf("r sent %d requests, want %d", after-before, want-before)
			}
		})
	}
}

func TestRejectionsAreCountedAndTheBlockStopsAllSending(t *testing.T) {
	calls := 0
	fc := &fakeClient{verify: func(matomo.Token) (*matomo.Result, error) {
		calls++
		if calls < 3 {
			return nil, &matomo.Error{Class: matomo.ClassTokenRejected, Hint: i18n.Verbatim("Copy it again.")}
		}
		return nil, &matomo.Error{Class: matomo.ClassBlocked, Hint: i18n.Verbatim("Wait.")}
	}}
	d := atToken(t, fc, Config{})
	d.paste(testToken)
	d.key("enter", "e", "enter", "y") // the same token again, confirmed on purpose
	d.wantScreen("Rejected tokens in this session: 2.")
	d.key("e", "enter", "y")
	d.wantScreen("locked this computer out")
	d.key("u", "enter") // a new address check is still fine: it carries no token
	d.key("t", "enter")
	d.wantScreen("Not sent: Matomo has locked this computer out")
	if _, v, _ := fc.counts(); v != 3 {
		t.Fatalf("%d verifications, want 3: nothing may be sent after the block", v)
	}
}

// countdownAt16 is what both front ends say after 16 rejections: the
// line mode's test (ui/accessible) expects the same sentence.
const countdownAt16 = "Rejected tokens in this session: 16. Matomo locks this computer out for up to an hour " +
	"after more than 20 failed logins in an hour: at most 5 more may be rejected before the lock, " +
	"fewer if this computer had other failed logins. Check the token carefully before sending it."

// TestTheCountdownNearTheLockOutIsTheLineModes: near the limit the wizard
// says how many rejections are left, on the result and the token screen,
// in the line mode's words.
func TestTheCountdownNearTheLockOutIsTheLineModes(t *testing.T) {
	fc := &fakeClient{verify: func(matomo.Token) (*matomo.Result, error) {
		return nil, &matomo.Error{Class: matomo.ClassTokenRejected, Hint: i18n.Verbatim("Copy it again.")}
	}}
	d := atToken(t, fc, Config{})
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	d.paste(testToken)
	d.key("enter")
	for range 15 {
		d.key("e", "enter", "y") // the same token again, confirmed on purpose
	}
	if _, v, _ := fc.counts(); v != 16 {
		t.Fatalf("%d verifications, want 16", v)
	}
	d.wantScreen("Matomo rejected this token", countdownAt16)
	d.key("e")
	d.wantScreen("Paste the token", countdownAt16)
}

// TestTheDomainIsTheHostWithoutPort: an integration's "domain" field takes
// the host alone; the line mode shows the same (its own test).
func TestTheDomainIsTheHostWithoutPort(t *testing.T) {
	fc := &fakeClient{verify: func(matomo.Token) (*matomo.Result, error) {
		return &matomo.Result{Address: mustAddr(t, testURL), Version: "5.0.2", Sites: []matomo.Site{
			{ID: 7, Name: "Shop", URL: "https://shop.example.com:8443/de", Access: matomo.AccessView},
		}}, nil
	}}
	d := atToken(t, fc, Config{})
	d.paste(testToken)
	d.key("enter", "enter")
	d.wantScreen("Site ID 7 (Shop)", "Domain shop.example.com")
	d.wantNotOnScreen("shop.example.com:8443")
}

// Seen on the real Matomo's user with 20,000 sites: every count on the
// line is written the same way.
func TestSiteCountsOfALargeMatomoUseThousandsSeparators(t *testing.T) {
	fc := &fakeClient{verify: func(matomo.Token) (*matomo.Result, error) {
		res := &matomo.Result{Address: mustAddr(t, testURL), Version: "5.1.2"}
		for id := 1; id <= 20000; id++ {
			a := matomo.AccessView
			switch {
			case id <= 1200:
				a = matomo.AccessAdmin
			case id <= 3500:
				a = matomo.AccessWrite
			}
			res.Sites = append(res.Sites, matomo.Site{ID: id, Name: fmt.Sprintf("Site %d", id), URL: "https://example.org", Access: a})
		}
		return res, nil
	}}
	d := atToken(t, fc, Config{})
	d.paste(testToken)
	d.key("enter")
	d.wantScreen("20,000 sites · 1,200 admin · 2,300 write · 16,500 view")
}

func TestSuccessShowsSitesFilterAndDone(t *testing.T) {
	fc := &fakeClient{}
	okVerify(fc, t)
	d := atToken(t, fc, Config{})
	d.paste(testToken)
	d.key("enter")
	d.wantScreen("✓ Token verified · Matomo 5.0.2 · not a superuser", "2 sites · 0 admin · 0 write · 2 view", "Shop", "https://blog.example")
	d.key("/")
	d.typeText("blo")
	d.wantScreen("showing 1", "Blog")
	d.wantNotOnScreen("Shop")
	d.key("enter", "enter")
	if d.m.screen != screenDone || d.m.Outcome().Site == nil || d.m.Outcome().Site.ID != 2 {
		t.Fatalf("done with %+v", d.m.Outcome().Site)
	}
	d.wantScreen("Ready for Acona", "API Key", "32 characters, ends …6789", "Site ID 2 (Blog)", "Domain blog.example", testURL)
	cmd := d.sendOnly(keyPress("c"))
	var copied string
	for _, c := range flatten(cmd) {
		if s, ok := clipboardText(c()); ok {
			copied = s
		}
	}
	if copied != testToken {
		t.Fatal("c on the done screen did not copy the token")
	}
	d.key("q")
	if out := d.m.Outcome(); !out.Verified || out.Canceled {
		t.Fatalf("outcome %+v", out)
	}
}

func TestSuperuserTokenIsVerifiedWithAdvice(t *testing.T) {
	fc := &fakeClient{verify: func(matomo.Token) (*matomo.Result, error) {
		r := viewerResult(mustAddr(t, testURL))
		r.SuperUser = true
		return r, nil
	}}
	d := atToken(t, fc, Config{})
	d.paste(testToken)
	d.key("enter")
	d.wantScreen("superuser", "create a user with view access")
}

func TestGETCheckNeedsConsent(t *testing.T) {
	fc := &fakeClient{getCheck: func(matomo.Token) (*matomo.GETCheck, error) {
		return &matomo.GETCheck{SecureOnly: true}, nil
	}}
	okVerify(fc, t)
	d := atToken(t, fc, Config{})
	d.paste(testToken)
	d.key("enter", "g")
	d.wantScreen("access log", "←/→ yes or no", "enter answer")
	d.key("n")
	if _, _, g := fc.counts(); g != 0 {
		t.Fatal("the GET check ran without consent")
	}
	// Enter alone answers No; so does anything typed (attack1 U4: the word
	// "biology", typed without a / first or pasted without bracketed
	// paste, went g…y and ran it).
	d.key("g", "enter")
	d.typeText("geology\nbiology\n")
	d.paste("g y\n")
	if _, _, g := fc.counts(); g != 0 {
		t.Fatal("the GET check ran without the arrow to Yes")
	}
	d.key("g", "right", "left", "enter")
	if _, _, g := fc.counts(); g != 0 {
		t.Fatal("the GET check ran after going back to No")
	}
	d.key("g", "right")
	d.wantScreen("[ Yes, run it once ]")
	d.key("enter")
	d.wantScreen("secure-only", "counted as one failed login")
	if _, _, g := fc.counts(); g != 1 || d.m.found.Rejected() != 1 {
		t.Fatalf("GET checks %d, rejected %d", g, d.m.found.Rejected())
	}
	d.wantNotOnScreen("g check URL use")
}

func TestCtrlCQuitsFromEveryScreenAndCancelsARequest(t *testing.T) {
	for _, where := range []string{"welcome", "address", "token", "verifying"} {
		t.Run(where, func(t *testing.T) {
			fc := &fakeClient{block: true}
			d := newDriver(t, Config{Client: fc, URL: testURL})
			var pending tea.Cmd
			switch where {
			case "address":
				d.key("enter")
			case "token", "verifying":
				fc.block = false
				d.key("enter", "enter", "t")
				if where == "verifying" {
					fc.block = true
					d.paste(testToken)
					pending = d.sendOnly(keyPress("enter"))
				}
			}
			cmd := d.sendOnly(keyPress("ctrl+c"))
			if cmd == nil || funcName(cmd) != funcName(tea.Quit) {
				t.Fatalf("ctrl+c returned %s, want tea.Quit", funcName(cmd))
			}
			if !d.m.Outcome().Canceled {
				t.Fatal("outcome not canceled")
			}
			if pending != nil {
				collect(pending) // returns only because ctrl+c canceled it
				if fc.canceled != 1 {
					t.Fatal("the request in flight was not canceled")
				}
			}
		})
	}
}

func TestDemoTokensAreOfferedByTab(t *testing.T) {
	fc := &fakeClient{}
	okVerify(fc, t)
	d := atToken(t, fc, Config{DemoTokens: []DemoToken{{Value: testToken, Note: "a viewer with two sites"}, {Value: "ffff", Note: "a rejected token"}}})
	d.wantScreen("Demo tokens", "1 a viewer with two sites", "tab next demo token")
	d.key("tab")
	d.wantScreen("▸ 1 a viewer with two sites", "32 characters")
	d.key("enter")
	if !fc.lastToken.Equal(mustToken(t, testToken)) {
		t.Fatal("the demo token was not the one sent")
	}
}

func mustToken(t *testing.T, s string) matomo.Token {
	t.Helper()
	c, err := matomo.ParseToken(s)
	if err != nil {
		t.Fatal(err)
	}
	return c.Token
}

func TestDiagnosticsReportFromResultAndAddressScreens(t *testing.T) {
	var got []matomo.Findings
	report := func(in matomo.Findings) (string, error) {
		got = append(got, in)
		return "/home/anna/matomo-onboard-report-20261128-093000.txt", nil
	}
	fc := &fakeClient{verify: func(matomo.Token) (*matomo.Result, error) {
		return nil, &matomo.Error{Class: matomo.ClassTokenRejected, Hint: i18n.Verbatim("Copy it again.")}
	}}
	d := atToken(t, fc, Config{Report: report})
	d.paste(testToken)
	d.key("enter")
	d.wantScreen("d diagnostics")
	d.key("d")
	d.wantScreen("✓ Diagnostics written to this file (only you can read it; it holds no token):\n /home/anna/matomo-onboard-report-20261128-093000.txt")
	if len(got) != 1 || matomo.ClassOf(got[0].VerifyErr) != matomo.ClassTokenRejected || got[0].Preflight == nil {
		t.Fatalf("the report was not given the session's findings: %+v", got)
	}

	fc2 := &fakeClient{preflight: func(matomo.Address) (*matomo.Preflight, error) {
		return nil, &matomo.Error{Class: matomo.ClassTLS, Detail: i18n.Verbatim("expired"), Hint: i18n.Verbatim("Renew it.")}
	}}
	d2 := newDriver(t, Config{Client: fc2, URL: testURL, Report: report})
	d2.key("enter", "enter", "d")
	if len(got) != 2 || got[1].PreflightErr == nil || got[1].Address.String() != testURL {
		t.Fatalf("the address check's failure did not reach the report: %+v", got[1])
	}
}

func TestLongScreensScrollWithPageKeysEvenWhileTyping(t *testing.T) {
	demo := []DemoToken{{Value: testToken, Note: "a viewer"}, {Value: "a", Note: "b"}, {Value: "c", Note: "d"},
		{Value: "e", Note: "f"}, {Value: "g", Note: "h"}, {Value: "i", Note: "the last demo token, about the lock-out"}}
	d := atToken(t, &fakeClient{}, Config{DemoTokens: demo})
	d.send(tea.WindowSizeMsg{Width: 40, Height: 16})
	d.wantScreen("more lines (pgdn)")
	d.wantNotOnScreen("the last demo token")
	d.key("pgdown", "pgdown")
	d.wantScreen("the last demo token", "end (pgup)")
	d.key("pgup", "pgup")
	d.wantScreen("Paste the token")
	for range 50 {
		d.key("pgdown") // scrolling past the end stays at the end
	}
	d.key("pgup", "pgup")
	d.wantScreen("Paste the token")
}

func TestChangingTheAddressAfterAResultKeepsTheTokenForTheNewOne(t *testing.T) {
	fc := &fakeClient{verify: func(matomo.Token) (*matomo.Result, error) {
		return nil, &matomo.Error{Class: matomo.ClassTokenRejected, Hint: i18n.Verbatim("Wrong Matomo?")}
	}}
	d := atToken(t, fc, Config{})
	d.paste(testToken)
	d.key("enter", "u")
	if d.m.screen != screenAddress {
		t.Fatalf("u went to %v", d.m.screen)
	}
	d.key("ctrl+u")
	d.typeText("other.example.org")
	d.key("enter")
	if d.m.screen != screenToken || d.m.token.input.Value() != testToken {
		t.Fatalf("after the new address: screen %v, token kept %v", d.m.screen, d.m.token.input.Value() == testToken)
	}
	okVerify(fc, t)
	d.key("enter")
	if !fc.lastToken.Equal(mustToken(t, testToken)) || d.m.found.Checked().Host() != "other.example.org" {
		t.Fatalf("the token was not sent to the new address")
	}
}

func TestAWarningStaysOnEveryScreen(t *testing.T) {
	fc := &fakeClient{}
	okVerify(fc, t)
	d := atToken(t, fc, Config{Warning: "Certificate checks are OFF"})
	d.wantScreen("! Certificate checks are OFF")
	d.paste(testToken)
	d.key("enter")
	d.wantScreen("! Certificate checks are OFF", "Token verified")
}

func TestATokenPastedWhereNoneBelongsIsDroppedAtOnce(t *testing.T) {
	fc := &fakeClient{}
	okVerify(fc, t)
	d := newDriver(t, Config{Client: fc})
	d.key("enter")
	d.paste(testURL + "/index.php?module=API&method=API.getMatomoVersion&token_auth=" + testToken)
	if got := d.m.address.input.Value(); got != testURL {
		t.Fatalf("the address field holds %q", got)
	}
	d.wantScreen("That held a token. It was removed from this field and not sent")
	d.key("ctrl+u")
	d.paste(testToken)
	if d.m.address.input.Value() != "" {
		t.Fatal("a bare token stayed in the address field")
	}
	d.typeText(testURL[len("https://"):])
	d.key("enter", "t")
	d.paste(testToken)
	d.key("enter", "/")
	d.paste(testToken)
	d.wantScreen("it was removed from the filter", "Shop", "Blog")
}

func TestBlockedDuringTheURLCheckStopsAllSending(t *testing.T) {
	fc := &fakeClient{getCheck: func(matomo.Token) (*matomo.GETCheck, error) {
		return nil, &matomo.Error{Class: matomo.ClassBlocked, Matomo: "Too many failed logins.", Hint: i18n.Verbatim("Wait for the lock to lift.")}
	}}
	okVerify(fc, t)
	d := atToken(t, fc, Config{})
	d.paste(testToken)
	d.key("enter", "g", "right", "enter")
	d.wantScreen("Matomo has locked this computer out", "Too many failed logins.", "Wait for the lock to lift.")
	d.wantNotOnScreen("g check URL use")
	d.key("e", "enter")
	if _, v, g := fc.counts(); v != 1 || g != 1 {
		t.Fatalf("%d verifications and %d URL checks, want 1 and 1: nothing may be sent after a lock-out", v, g)
	}
}

func TestALaterFailureIsNotReportedAsSuccess(t *testing.T) {
	calls := 0
	fc := &fakeClient{verify: func(matomo.Token) (*matomo.Result, error) {
		calls++
		if calls == 1 {
			return viewerResult(mustAddr(t, testURL)), nil
		}
		return nil, &matomo.Error{Class: matomo.ClassTokenRejected}
	}}
	d := atToken(t, fc, Config{})
	d.paste(testToken)
	d.key("enter", "e", "enter", "q")
	if out := d.m.Outcome(); out.Verified || !out.Canceled {
		t.Fatalf("after a rejected second token the outcome is %+v", out)
	}
}

func TestThePlainHTTPWarningCannotBeSkipped(t *testing.T) {
	d := newDriver(t, Config{Client: &fakeClient{}, URL: "http://analytics.example.org"})
	d.key("enter", "enter")
	d.wantScreen("over plain http")
	d.key("e", "enter")
	if d.m.screen != screenAddress {
		t.Fatalf("e and enter went on to %v without https", d.m.screen)
	}
	d.wantScreen("over plain http")
}

func TestTheURLCheckQuestionIsReadWholeOnASmallScreen(t *testing.T) {
	fc := &fakeClient{getCheck: func(matomo.Token) (*matomo.GETCheck, error) { return &matomo.GETCheck{Works: true}, nil }}
	okVerify(fc, t)
	d := atToken(t, fc, Config{})
	d.send(tea.WindowSizeMsg{Width: 40, Height: 20})
	d.paste(testToken)
	d.key("enter", "g")
	for range 5 {
		if strings.Contains(flat(d.screen()), "choose Yes with →, then press Enter; n skips. [ No ] Yes, run it once") {
			return
		}
		d.key("pgdown")
	}
	t.Fatalf("the question never showed whole:\n%s", d.screen())
}

func TestUncheckedCertificatesAreNotCalledOK(t *testing.T) {
	fc := &fakeClient{preflight: func(a matomo.Address) (*matomo.Preflight, error) {
		return &matomo.Preflight{Address: a, Trace: matomo.Trace{TLS: &matomo.TLSInfo{Version: "TLS 1.3"}, SkipVerify: true}}, nil
	}}
	d := newDriver(t, Config{Client: fc, URL: testURL})
	d.key("enter", "enter")
	d.wantScreen("certificate NOT checked")
	d.wantNotOnScreen("certificate ok")
	d.key("t")
	d.wantScreen("whose certificate is NOT checked")
}

func TestHelpOpensOnEveryScreenWithoutAnInput(t *testing.T) {
	fc := &fakeClient{}
	d := atToken(t, fc, Config{})
	fc.block = true
	d.paste(testToken)
	pending := d.sendOnly(keyPress("enter"))
	d.key("?")
	d.wantScreen("ctrl+c", "quit")
	if !d.m.help.ShowAll {
		t.Fatal("? did nothing while verifying")
	}
	d.key("esc")
	d.run(pending)
}

func TestATokenInTheGivenURLIsNeverShown(t *testing.T) {
	d := newDriver(t, Config{Client: &fakeClient{}, URL: testURL + "/index.php?module=API&token_auth=" + testToken})
	d.key("enter")
	if d.m.address.input.Value() != testURL {
		t.Fatalf("the address field holds %q", d.m.address.input.Value())
	}
	d.wantScreen("That held a token")
}

// TestTheGuideSaysWhatTheWizardCanDo: the secure-only step ends with the
// URL check this wizard offers (the checklist, for someone without it,
// leaves that out).
func TestTheGuideSaysWhatTheWizardCanDo(t *testing.T) {
	d := newDriver(t, Config{Client: &fakeClient{}, URL: testURL})
	d.key("enter", "enter")
	for range 6 {
		d.key("enter")
	}
	d.wantScreen("decide on \"Only allow secure requests\"", "After verifying, matomo-onboard can check whether the token also works in URLs.")
}

func TestBreakPathCutsNoNameThatFits(t *testing.T) {
	for _, tc := range []struct {
		path  string
		width int
		want  string
	}{
		{"/home/anna/report.txt", 40, "/home/anna/report.txt"},
		{"/home/anna/Documents/support/matomo-onboard-report-20261128-093000.txt", 38,
			"/home/anna/Documents/support/matomo-\nonboard-report-20261128-093000.txt"},
		{"/tmp/i14/matomo-onboard-report-20261202-001808.txt", 38, "/tmp/i14/matomo-onboard-report-\n20261202-001808.txt"},
		{"/srv/a/b/c/d/e/report.txt", 12, "/srv/a/b/c/\nd/e/\nreport.txt"},
		{"/x/averyveryverylongnamewithoutbreaks.txt", 20, "/x/\naveryveryverylongnam\newithoutbreaks.\ntxt"},
	} {
		if got := breakPath(tc.path, tc.width); got != tc.want {
			t.Errorf("breakPath(%q, %d) =\n%s\nwant\n%s", tc.path, tc.width, got, tc.want)
		}
	}
}
