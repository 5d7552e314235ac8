//go:build linux || darwin || freebsd

package cli

// The built binary against the real Matomo 5.1.2 of ../shared/realmatomo
// (see README, "Tests against a real Matomo"): verify's exit codes and
// JSON for every kit token, and the wizard in a pseudo-terminal from the
// address to the done screen. Skipped with a message without
// MATOMO_ONBOARD_REAL_URL.

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"matomo-onboard/internal/realmatomo"
	"matomo-onboard/matomo"
)

// realVerify runs the built binary's verify with the token in
// MATOMO_TOKEN_AUTH and decodes its JSON document, checking that every
// documented key is there.
func realVerify(t *testing.T, token string, args ...string) (int, verifyOutput, string) {
	t.Helper()
	code, stdout, stderr, _ := runBinary(t, []string{tokenEnv + "=" + token}, "", append([]string{"verify", "--json"}, args...)...)
	var out verifyOutput
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("verify printed no JSON (exit %d): %v\nstdout: %.500s\nstderr: %s", code, err, stdout, stderr)
	}
	var keys map[string]json.RawMessage
	_ = json.Unmarshal([]byte(stdout), &keys)
	for _, k := range []string{"verified", "url", "superuser", "token", "sites", "counts", "warnings", "error", "http_requests", "exit_code"} {
		if _, ok := keys[k]; !ok {
			t.Errorf("verify --json has no %q", k)
		}
	}
	if out.ExitCode != code {
		t.Errorf("exit_code %d in the JSON, the process exited %d", out.ExitCode, code)
	}
	if strings.Contains(stdout+stderr, token) {
		t.Errorf("verify printed the token")
	}
	return code, out, stderr
}

// TestRealVerifyBinaryEveryKitToken: exit 0 and the sites with their roles
// for every accepted token (20,153 for the superuser, 20,000 for "big"),
// exit 6 for the user without a site; one HTTP request each.
func TestRealVerifyBinaryEveryKitToken(t *testing.T) {
	t.Parallel()
	in := realmatomo.Use(t)
	for _, c := range realmatomo.Tokens() {
		if c.SpendsFailedLogin() {
			continue
		}
		t.Run(c.Name, func(t *testing.T) {
			code, out, stderr := realVerify(t, c.Token, "--url", in.URL)
			if c.Class == matomo.ClassNoAccess {
				if code != exitNoAccess || out.Verified || out.Error == nil || out.Error.Class != matomo.ClassNoAccess ||
					out.Error.HTTPStatus != 200 || !strings.Contains(out.Error.MatomoMessage, "requires view access for at least one website") {
					t.Errorf("no access: exit %d, %+v; stderr %s", code, out.Error, stderr)
				}
				return
			}
			if code != exitOK || !out.Verified || out.Error != nil {
				t.Fatalf("exit %d, error %+v; stderr %s", code, out.Error, stderr)
			}
			res := &matomo.Result{SuperUser: isTrue(out.SuperUser), Sites: out.Sites}
			if d := c.Mismatch(res, nil); d != "" {
				t.Error(d)
			}
			admin, write, view := res.Counts()
			if out.Counts != (accessCounts{admin, write, view}) || out.MatomoVersion != realmatomo.Version ||
				out.URL != in.URL || out.HTTPRequests != 1 || out.Token != "32 characters, ends …"+c.Token[28:] {
				t.Errorf("counts %+v, version %q, url %q, %d requests, token %q", out.Counts, out.MatomoVersion, out.URL, out.HTTPRequests, out.Token)
			}
		})
	}
}

// TestRealVerifyBinaryText: the summary a person reads, from an address
// pasted out of the browser, the token on standard input; and a bare
// host:port, which gets https:// and meets plain http (exit 3, the http
// address offered).
func TestRealVerifyBinaryText(t *testing.T) {
	t.Parallel()
	in := realmatomo.Use(t)
	pasted := in.URL + "/index.php?module=CoreHome&action=index&idSite=1&period=day&date=yesterday"
	code, stdout, stderr, _ := runBinary(t, nil, realmatomo.TokenWriter+"\n", "verify", "--url", pasted)
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"✓ Token verified: Matomo 5.1.2 at " + in.URL,
		"Token:     32 characters, ends …8295",
		"Superuser: no (good for an integration)",
		"Sites:     2 (1 admin · 1 write · 0 view)",
		"1 HTTP request sent.",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the summary lacks %q:\n%s", want, stdout)
		}
	}
	if !regexp.MustCompile(`(?m)^ +1 +admin +Shop +https://shop\.example$`).MatchString(stdout) ||
		!regexp.MustCompile(`(?m)^ +2 +write +Blog +https://blog\.example$`).MatchString(stdout) {
		t.Errorf("the site table:\n%s", stdout)
	}
	if !strings.Contains(stderr, "Removed the part after ? or #") {
		t.Errorf("what was changed in the address is not said:\n%s", stderr)
	}

	// The TLS handshake fails, so no request goes out.
	code, out, _ := realVerify(t, realmatomo.TokenViewer, "--url", in.Host())
	if code != exitNetwork || out.Error == nil || out.Error.Class != matomo.ClassTLS || out.Error.SuggestedURL != in.URL || out.HTTPRequests != 0 {
		t.Errorf("bare host: exit %d, %+v, %d requests", code, out.Error, out.HTTPRequests)
	}
}

// TestRealVerifyBinaryRejectionsURLCheckAndLockOut spends failed logins:
// a wrong and an expired token exit 5; --check-get tells the secure-only
// token apart (exit 0, it is verified); after 21 failed logins even the
// valid token exits 7 with the lock-out explained, and after unblock.sh it
// exits 0 again.
func TestRealVerifyBinaryRejectionsURLCheckAndLockOut(t *testing.T) {
	in := realmatomo.SpendFailedLogins(t)
	for _, name := range []string{"invalid", "viewer-expired"} {
		code, out, _ := realVerify(t, realmatomo.Token(name).Token, "--url", in.URL)
		if code != exitRejected || out.Error == nil || out.Error.Class != matomo.ClassTokenRejected || out.Error.HTTPStatus != 401 ||
			out.Error.MatomoMessage != "Unable to authenticate with the provided token. It is either invalid or expired." {
			t.Errorf("%s: exit %d, %+v", name, code, out.Error)
		}
	}
	code, out, stderr := realVerify(t, realmatomo.TokenAdminSecureOnly, "--url", in.URL, "--check-get")
	g := out.GETCheck
	if code != exitOK || !out.Verified || g == nil || !g.Ran || g.Works || !g.SecureOnly ||
		g.NewTokenURL != in.URL+"/index.php?module=UsersManager&action=addNewToken" || out.HTTPRequests != 2 {
		t.Errorf("secure-only with --check-get: exit %d, %+v, %d requests", code, g, out.HTTPRequests)
	}
	if !strings.Contains(stderr, "--check-get: "+matomo.GETCheckWarning().String()) {
		t.Errorf("the URL check ran without its warning on stderr:\n%s", stderr)
	}
	code, out, _ = realVerify(t, realmatomo.TokenViewer, "--url", in.URL, "--check-get")
	if code != exitOK || out.GETCheck == nil || !out.GETCheck.Works || out.GETCheck.SecureOnly {
		t.Errorf("viewer with --check-get: exit %d, %+v", code, out.GETCheck)
	}

	// Three failed logins so far (two tokens, one URL check); 18 more
	// reach the 21 after which Matomo locks this computer out.
	for i := 4; i <= 21; i++ {
		if code, _, _, _ := runBinary(t, []string{tokenEnv + "=" + realmatomo.TokenInvalid}, "", "verify", "--url", in.URL); code != exitRejected {
			t.Fatalf("failed login %d: exit %d, want %d", i, code, exitRejected)
		}
	}
	code, out, _ = realVerify(t, realmatomo.TokenViewer, "--url", in.URL)
	if code != exitBlocked || out.Error == nil || out.Error.Class != matomo.ClassBlocked || out.Error.HTTPStatus != 500 ||
		!strings.Contains(out.Error.Hint, "Send no more tokens until then") {
		t.Errorf("locked out: exit %d, %+v", code, out.Error)
	}
	code, _, text, _ := runBinary(t, []string{tokenEnv + "=" + realmatomo.TokenViewer}, "", "verify", "--url", in.URL)
	if code != exitBlocked || !strings.Contains(text, "✗ Matomo has locked this computer out [blocked]") ||
		!strings.Contains(text, `Matomo said: "Too many failed logins. Please wait and try logging in again later."`) {
		t.Errorf("locked out, text: exit %d\n%s", code, text)
	}
	in.Unblock(t)
	if code, out, _ := realVerify(t, realmatomo.TokenViewer, "--url", in.URL); code != exitOK || len(out.Sites) != 2 {
		t.Errorf("after unblock.sh: exit %d, %+v", code, out.Error)
	}
}

// TestRealWizardFromTheAddressToDone walks the wizard in a terminal as a
// person would: the address pasted from the browser, the eight steps, the
// token pasted, the sites, the done screen.
func TestRealWizardFromTheAddressToDone(t *testing.T) {
	t.Parallel()
	in := realmatomo.Use(t)
	p := startPty(t, wizardCmd(t, nil), 100, 30)
	p.waitFor("Create and verify your Matomo API token", "enter start")
	p.press("enter")
	p.waitFor("Your Matomo address")
	p.paste(in.URL + "/index.php?module=CoreHome&action=index&idSite=1&period=day&date=yesterday#?idSite=1&period=day&date=yesterday&category=General_Visitors&subcategory=General_Overview")
	p.waitFor(in.URL)
	p.press("enter")
	for i := 1; i <= 8; i++ {
		p.waitFor(in.Host()+" · step "+itoa(i)+" of 8", "✓ Matomo reachable (plain http) · ✓ address checked")
		p.press("enter")
	}
	p.waitFor("Paste the token Matomo showed you", "It is sent only to "+in.Host())
	p.paste(realmatomo.TokenWriter + "\n")
	p.waitFor("32 characters, ends …8295 · looks like a Matomo token ✓")
	p.press("enter")
	p.waitFor("✓ Token verified · Matomo 5.1.2 · not a superuser (good for an integration)",
		"2 sites · 1 admin · 1 write · 0 view", "Shop", "Blog", "enter use this site")
	assertFits(t, p.screen(), 100)
	time.Sleep(chooseAfter) // Enter chooses a site once the list has been shown this long
	p.press("j", "enter")
	p.waitFor("✓ Ready for Acona", "Matomo URL "+in.URL, "Site ID 2 (Blog)", "Domain blog.example",
		"API Key your token (32 characters, ends …8295), not shown",
		"! No visit recorded yet: is the tracking code installed on https://blog.example?")
	p.press("q")
	p.waitFor("! The token is not saved anywhere yet")
	p.press("q")
	if code := p.exitCode(); code != exitOK {
		t.Errorf("exit code %d, want 0", code)
	}
	p.waitFor("✓ Token verified with "+in.URL+" (Matomo 5.1.2).", "Site ID 2: Blog (https://blog.example)",
		"! No visit recorded yet: is the tracking code installed on https://blog.example?")
	p.assertTerminalAsBefore()
	if leak := leakIn(p.rawOutput(), realmatomo.TokenWriter); leak != "" {
		t.Errorf("the token reached the terminal as %q", leak)
	}
}

// TestRealWizardTwentyThousandSitesAt40Columns: the user with 20,000
// sites, on a narrow screen, finds one by filtering and takes it.
func TestRealWizardTwentyThousandSitesAt40Columns(t *testing.T) {
	t.Parallel()
	in := realmatomo.Use(t)
	p := startPty(t, wizardCmd(t, nil, "--url", in.URL), 40, 24)
	p.waitFor("Create and verify your Matomo API token")
	p.press("enter")
	p.waitFor("Your Matomo address", "enter check")
	p.press("enter")
	p.waitFor("step 1 of 8", "t I already have a token")
	p.press("t")
	p.waitFor("Paste the token")
	p.paste(realmatomo.TokenBig)
	p.waitFor("ends …ee00")
	p.press("enter")
	p.waitFor("✓ Token verified", "Matomo 5.1.2", "20,000 sites · 0 admin · 0 write · 20,000 view")
	assertFits(t, p.screen(), 40)
	last := fmt.Sprint(realmatomo.LastBigSite)
	p.press("/")
	p.write("big-" + last + ".")
	p.waitFor("showing 1", "Big site "+last)
	time.Sleep(chooseAfter)   // Enter chooses a site once the list has been shown this long
	p.press("enter", "enter") // the filter, then the site
	p.waitFor("✓ Ready for Acona", "Site ID "+last, "Domain big-"+last+".example")
	assertFits(t, p.screen(), 40)
	p.press("q")
	p.waitFor("! The token is not saved anywhere yet")
	p.press("q")
	if code := p.exitCode(); code != exitOK {
		t.Errorf("exit code %d, want 0", code)
	}
}

// TestRealWizardMeetsTheLockOut: with 20 failed logins spent elsewhere, a
// wrong token in the wizard is the 21st, still answered as rejected; the
// right token after it meets Matomo's lock-out, which the wizard explains,
// and from then on it sends no token, whatever is pressed.
func TestRealWizardMeetsTheLockOut(t *testing.T) {
	in := realmatomo.SpendFailedLogins(t)
	in.FailLogins(t, 20)
	p := startPty(t, wizardCmd(t, nil, "--url", in.URL), 100, 30)
	p.toTokenScreen()
	p.paste(realmatomo.TokenInvalid)
	p.waitFor("ends …d7e8")
	p.press("enter")
	p.waitFor("✗ Matomo rejected this token", "Unable to authenticate with the provided token", "Rejected tokens in this session: 1.",
		"at most 20 more may be rejected, fewer if this computer had other failed logins.")
	p.press("e")
	p.waitFor("Paste the token")
	p.press("ctrl+u")
	p.paste(realmatomo.TokenViewer)
	p.waitFor("ends …bff8")
	p.press("enter")
	p.waitFor("✗ Matomo has locked this computer out", "Too many failed logins. Please wait and try logging in again later.",
		"Administration → Diagnostic → Brute Force Log")
	// A second wrong token would have been the 22nd failed login: the
	// real Matomo counted exactly one more than the 20 spent above.
	if n := in.Unblock(t); n != 21 {
		t.Errorf("the real Matomo counted %d failed logins, want 21 (20 spent by the test, 1 by the wizard)", n)
	}
	p.waitFor("No token is sent until the lock lifts: this wizard will not try again.")
	// Only a new address check (it carries no token) leads back to the
	// kept token, which is then not sent.
	p.press("u")
	p.waitFor("Your Matomo address", "enter check")
	p.press("enter")
	p.waitFor("Paste the token", "ends …bff8", "No token is sent until the lock lifts")
	p.press("enter")
	p.waitFor("Not sent: Matomo has locked this computer out")
	p.press("ctrl+c")
	if code := p.exitCode(); code != exitCanceled {
		t.Errorf("exit code %d, want %d", code, exitCanceled)
	}
}
