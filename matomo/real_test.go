package matomo_test

// Integration tests against the real Matomo 5.1.2 of ../shared/realmatomo:
// they run when MATOMO_ONBOARD_REAL_URL is set (see README, "Tests against
// a real Matomo") and are skipped with a message otherwise. Those that
// send bad credentials spend 127.0.0.1's failed-login budget and hold the
// real Matomo to themselves (realmatomo.SpendFailedLogins).

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"matomo-onboard/internal/realmatomo"
	"matomo-onboard/matomo"
)

// realClient is a client for the real Matomo: loopback only, as every
// client of these tests.
func realClient(t *testing.T) *matomo.Client {
	t.Helper()
	c, _ := testClient(t, matomo.Options{})
	return c
}

// TestRealVerifyEveryKitToken verifies every token of the kit that is
// accepted (the rejected ones are in TestRealRejectedTokensAndTheLockOut):
// roles per site, 150 sites (beyond Matomo's default limit of 100),
// 20,000 sites, the superuser's 20,153, the secure-only token (it works
// in a POST body) and the user without a site. The subtests run one after
// another while the test holds the real Matomo (see realmatomo.Use).
func TestRealVerifyEveryKitToken(t *testing.T) {
	t.Parallel()
	in := realmatomo.Use(t)
	for _, c := range realmatomo.Tokens() {
		if c.SpendsFailedLogin() {
			continue
		}
		t.Run(c.Name, func(t *testing.T) {
			client := realClient(t)
			res, err := client.Verify(context.Background(), address(t, in.URL), token(t, c.Token))
			if d := c.Mismatch(res, err); d != "" {
				t.Fatal(d)
			}
			if client.Requests() != 1 {
				t.Errorf("%d HTTP requests, want 1", client.Requests())
			}
			if err != nil {
				e := classOf(t, err)
				// The user without a site: Matomo's own words, and the way forward.
				if e.Matomo != "You can't access this resource as it requires view access for at least one website." ||
					!strings.Contains(e.Hint.String(), "at least view access") || e.Retryable() != true {
					t.Errorf("no access: Matomo %q, hint %q, retryable %v", e.Matomo, e.Hint, e.Retryable())
				}
				return
			}
			if res.Version != realmatomo.Version || res.Trace.Status != 200 || res.Trace.RequestID == "" {
				t.Errorf("version %q, status %d, request id %q", res.Version, res.Trace.Status, res.Trace.RequestID)
			}
			admin, write, view := res.Counts()
			if admin+write+view != len(c.Access) {
				t.Errorf("counts %d/%d/%d for %d sites", admin, write, view, len(c.Access))
			}
		})
	}
}

// addressForms are what people paste as their Matomo's address: whatever
// their browser shows while they are logged in, or the bare host. HOST is
// replaced by the real Matomo's host:port.
var addressForms = []struct {
	name, typed string
	notes       int // how many notes ParseAddress makes
}{
	{"the base", "http://HOST", 0},
	{"the base with a slash", "http://HOST/", 0},
	{"index.php", "http://HOST/index.php", 1},
	{"the dashboard", "http://HOST/index.php?module=CoreHome&action=index&idSite=1&period=day&date=yesterday", 2},
	{"a report, with its hash", "http://HOST/index.php?module=CoreHome&action=index&idSite=1&period=day&date=yesterday#?idSite=1&period=day&date=yesterday&category=General_Visitors&subcategory=General_Overview", 2},
	{"the token list", "http://HOST/index.php?module=UsersManager&action=userSecurity&idSite=1&period=day&date=yesterday", 2},
	{"the sign-in page", "http://HOST/index.php?module=Login", 2},
	{"the tracker", "http://HOST/matomo.php", 1},
	{"localhost", "http://localhost:PORT/", 0},
}

func TestRealVerifyFromTheAddressesPeoplePaste(t *testing.T) {
	t.Parallel()
	in := realmatomo.Use(t)
	_, port, _ := net.SplitHostPort(in.Host())
	for _, f := range addressForms {
		t.Run(f.name, func(t *testing.T) {
			typed := strings.NewReplacer("HOST", in.Host(), "PORT", port).Replace(f.typed)
			addr := address(t, typed)
			if len(addr.Notes) != f.notes {
				t.Errorf("%q: notes %q, want %d", typed, addr.Notes, f.notes)
			}
			client := realClient(t)
			p, err := client.Preflight(context.Background(), addr)
			if err != nil {
				t.Fatalf("%q (%s): pre-flight: %v", typed, addr, err)
			}
			if p.Address.String() != addr.String() {
				t.Errorf("pre-flight of %s reports %s", addr, p.Address)
			}
			res, err := client.Verify(context.Background(), addr, token(t, realmatomo.TokenViewer))
			if d := realmatomo.Token("viewer").Mismatch(res, err); d != "" {
				t.Errorf("%q (%s): %s", typed, addr, d)
			}
		})
	}
}

// A bare host:port gets https:// in front, as for any address; the real
// Matomo answers plain http there, and the check says so and offers the
// http address, which then works.
func TestRealBareHostIsOfferedPlainHTTP(t *testing.T) {
	t.Parallel()
	in := realmatomo.Use(t)
	client := realClient(t)
	addr := address(t, in.Host())
	_, err := client.Preflight(context.Background(), addr)
	e := classOf(t, err)
	if e.Class != matomo.ClassTLS || !strings.Contains(e.Detail.String(), "answers plain http on this port") {
		t.Fatalf("%s: %s / %s, want tls saying it answers plain http", addr, e.Class, e.Detail)
	}
	if e.Suggested.String() != in.URL {
		t.Errorf("suggested %q, want %q", e.Suggested, in.URL)
	}
	if _, err := client.Preflight(context.Background(), e.Suggested); err != nil {
		t.Errorf("the suggested address: %v", err)
	}
}

// TestRealPreflight checks the address without a token: it tells Matomo
// from what is not Matomo on the same web server.
func TestRealPreflight(t *testing.T) {
	t.Parallel()
	in := realmatomo.Use(t)
	client := realClient(t)
	p, err := client.Preflight(context.Background(), address(t, in.URL))
	if err != nil {
		t.Fatal(err)
	}
	// Matomo tells its version only to token holders (anonymous may view
	// no site in the kit); its access error and header say it is Matomo.
	if p.Version != "" || p.Trace.Status != 401 || len(p.Markers) != 2 || !strings.HasPrefix(p.Trace.Server, "nginx") {
		t.Errorf("version %q, status %d, markers %q, server %q", p.Version, p.Trace.Status, p.Markers, p.Trace.Server)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()
	failures := []struct {
		name, addr string
		class      matomo.ErrorClass
		say        string
	}{
		// nginx refuses every PHP file but Matomo's entry points itself;
		// Matomo never runs.
		{"a folder without Matomo", in.URL + "/analytics", matomo.ClassNotMatomo, `web page titled "403 Forbidden" (HTTP 403, text/html)`},
		{"Matomo's config folder", in.URL + "/config", matomo.ClassNotMatomo, `web page titled "403 Forbidden"`},
		{"nothing listening", "http://" + closed, matomo.ClassNetwork, "refused the connection"},
	}
	for _, f := range failures {
		t.Run(f.name, func(t *testing.T) {
			_, err := client.Preflight(context.Background(), address(t, f.addr))
			e := classOf(t, err)
			if e.Class != f.class || !strings.Contains(e.Detail.String()+" "+e.Hint.String(), f.say) {
				t.Errorf("%s: %s: %q / %q, want %s saying %q", f.addr, e.Class, e.Detail, e.Hint, f.class, f.say)
			}
		})
	}
}

// TestRealURLCheck sends tokens in a URL, as tools that build
// …&token_auth=… links do. A normal token works there; the secure-only
// one is refused (one failed login) and must be told apart from a token
// that does not work at all.
func TestRealURLCheck(t *testing.T) {
	in := realmatomo.SpendFailedLogins(t)
	client := realClient(t)
	addr := address(t, in.URL)
	for _, name := range []string{"viewer", "admin"} {
		gc, err := client.CheckGET(context.Background(), addr, token(t, realmatomo.Token(name).Token))
		if err != nil || !gc.Works || gc.SecureOnly {
			t.Errorf("%s in a URL: %+v, %v; want it to work", name, gc, err)
		}
	}
	tok := token(t, realmatomo.TokenAdminSecureOnly)
	if _, err := client.Verify(context.Background(), addr, tok); err != nil {
		t.Fatalf("the secure-only token in a POST body: %v", err)
	}
	gc, err := client.CheckGET(context.Background(), addr, tok)
	if err != nil {
		t.Fatal(err)
	}
	if gc.Works || !gc.SecureOnly || !strings.Contains(gc.Matomo, "required to be sent as a POST parameter") ||
		gc.Trace.Status != 401 {
		t.Errorf("secure-only in a URL: %+v", gc)
	}
	if !strings.Contains(matomo.DescribeGETCheck(gc).String(), "secure-only") {
		t.Errorf("the summary does not say secure-only: %q", matomo.DescribeGETCheck(gc))
	}
}

// TestRealRejectedTokensAndTheLockOut spends the failed-login budget on
// purpose: wrong and expired tokens are rejected, each counted; after more
// than 20, Matomo refuses even the valid token, and the client says it is
// the lock-out, not a bad token; once lifted (unblock.sh, as a superuser's
// console login:unblock-blocked-ips would), the valid token works again.
func TestRealRejectedTokensAndTheLockOut(t *testing.T) {
	in := realmatomo.SpendFailedLogins(t)
	client := realClient(t)
	addr := address(t, in.URL)
	ctx := context.Background()
	for _, name := range []string{"invalid", "viewer-expired"} {
		_, err := client.Verify(ctx, addr, token(t, realmatomo.Token(name).Token))
		e := classOf(t, err)
		if e.Class != matomo.ClassTokenRejected || e.Status != 401 || e.SecureOnly || e.Retryable() ||
			e.Matomo != "Unable to authenticate with the provided token. It is either invalid or expired." {
			t.Errorf("%s: %s (HTTP %d, secure-only %v, retryable %v), Matomo %q", name, e.Class, e.Status, e.SecureOnly, e.Retryable(), e.Matomo)
		}
	}
	// Two failed logins so far; Matomo tolerates 20 within an hour.
	bad := token(t, realmatomo.TokenInvalid)
	for i := 3; i <= 20; i++ {
		if _, err := client.Verify(ctx, addr, bad); matomo.ClassOf(err) != matomo.ClassTokenRejected {
			t.Fatalf("failed login %d: %v, want the token rejected, not yet a lock-out", i, err)
		}
	}
	viewer := token(t, realmatomo.TokenViewer)
	if _, err := client.Verify(ctx, addr, viewer); err != nil {
		t.Fatalf("after 20 failed logins, the valid token: %v, want it to work still", err)
	}
	// The 21st: still answered as a bad token; from then on, nothing works.
	if _, err := client.Verify(ctx, addr, bad); matomo.ClassOf(err) != matomo.ClassTokenRejected {
		t.Fatalf("failed login 21: %v, want the token rejected", err)
	}
	for _, tok := range []matomo.Token{viewer, bad} {
		_, err := client.Verify(ctx, addr, tok)
		e := classOf(t, err)
		if e.Class != matomo.ClassBlocked || e.Status != 500 || e.Retryable() ||
			e.Matomo != "Too many failed logins. Please wait and try logging in again later." ||
			!strings.Contains(e.Hint.String(), "Send no more tokens until then") {
			t.Errorf("locked out, %s: %s (HTTP %d, retryable %v), Matomo %q, hint %q", tok.Fingerprint(), e.Class, e.Status, e.Retryable(), e.Matomo, e.Hint)
		}
	}
	if _, err := client.CheckGET(ctx, addr, viewer); matomo.ClassOf(err) != matomo.ClassBlocked {
		t.Errorf("locked out, the URL check: %v, want blocked", err)
	}
	// Requests without a token are not affected: the address still checks.
	if _, err := client.Preflight(ctx, addr); err != nil {
		t.Errorf("locked out, the pre-flight check: %v, want it to pass (it sends no token)", err)
	}

	in.Unblock(t)
	res, err := client.Verify(ctx, addr, viewer)
	if d := realmatomo.Token("viewer").Mismatch(res, err); d != "" {
		t.Errorf("after the lock-out was lifted: %s", d)
	}
}

// TestRealDataCheck asks the real Matomo for the last visit of site 1,
// which a tracking request has just given one, and of site 2, which has
// none: with a request of its own (the wizard's) and inside verify's one
// bulk request, and for site 3, which the viewer's token does not reach.
// No failed login is spent, so it only holds the real Matomo shared.
func TestRealDataCheck(t *testing.T) {
	t.Parallel()
	in := realmatomo.Use(t)
	in.TrackVisit(t, 1)
	addr, tok := address(t, in.URL), token(t, realmatomo.TokenViewer)
	shop := matomo.Site{ID: 1, Name: "Shop", URL: "https://shop.example"}
	blog := matomo.Site{ID: 2, Name: "Blog", URL: "https://blog.example"}
	for _, c := range []struct {
		site   matomo.Site
		reason matomo.DataReason
	}{
		{shop, matomo.DataRecent},
		{blog, matomo.DataNoVisit},
		{matomo.Site{ID: 3}, matomo.DataSiteNotReachable},
	} {
		client := realClient(t)
		check, err := client.CheckData(context.Background(), addr, tok, c.site)
		if err != nil {
			t.Fatalf("site %d: %v", c.site.ID, err)
		}
		if check.Reason != c.reason || client.Requests() != 1 {
			t.Errorf("site %d: %s (%q) in %d requests, want %s in 1", c.site.ID, check.Reason, check.Matomo, client.Requests(), c.reason)
		}
		if c.reason == matomo.DataRecent && time.Since(check.LastVisit).Abs() > 2*time.Minute {
			t.Errorf("site 1's last visit was at %s, a moment ago by the tracking request", check.LastVisit)
		}
		if check.Trace.Status == 0 || check.Trace.RequestID == "" {
			t.Errorf("site %d: trace %+v", c.site.ID, check.Trace)
		}

		client = realClient(t)
		res, err := client.VerifyWithDataCheck(context.Background(), addr, tok, c.site.ID)
		if d := realmatomo.Token("viewer").Mismatch(res, err); d != "" {
			t.Fatalf("site %d: %s", c.site.ID, d)
		}
		if res.Data.Reason != c.reason || client.Requests() != 1 {
			t.Errorf("verify with site %d: %s (%q) in %d requests, want %s in 1", c.site.ID, res.Data.Reason, res.Data.Matomo, client.Requests(), c.reason)
		}
		if c.reason == matomo.DataRecent && !res.Data.LastVisit.Equal(check.LastVisit) {
			t.Errorf("verify says site 1's last visit was at %s, the check of its own at %s", res.Data.LastVisit, check.LastVisit)
		}
	}
}
