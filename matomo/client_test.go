package matomo_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

func noProxy(*http.Request) (*url.URL, error) { return nil, nil }

// dialCount counts the connections a client attempted.
type dialCount struct{ n atomic.Int64 }

func (d *dialCount) get() int { return int(d.n.Load()) }

// testClient is a Client that can only reach this computer: no proxy from
// the environment, and every dial checked before it happens. Names other
// than localhost may be dialled only after a fake DNS server was set with
// SetResolver.
func testClient(t testing.TB, opts matomo.Options) (*matomo.Client, *dialCount) {
	t.Helper()
	if opts.Proxy == nil {
		opts.Proxy = noProxy
	}
	c, err := matomo.NewClient(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	dialer := matomo.Dialer(c)
	count := &dialCount{}
	matomo.SetDialHook(c, func(ctx context.Context, network, addr string) (net.Conn, error) {
		count.n.Add(1)
		host, _, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		ip, err := netip.ParseAddr(host)
		switch {
		case err == nil && !ip.IsLoopback():
			t.Errorf("the client tried to connect to %s, which is not this computer", addr)
			return nil, errors.New("test: refused to leave loopback")
		case err != nil && host != "localhost" && dialer.Resolver == nil:
			t.Errorf("the client tried to look up %s without the test's fake DNS", host)
			return nil, errors.New("test: refused a real DNS lookup")
		}
		return dialer.DialContext(ctx, network, addr)
	})
	return c, count
}

func startFake(t testing.TB, data demomatomo.Data, opts demomatomo.Options) *demomatomo.Server {
	t.Helper()
	srv := demomatomo.MustStart(data, opts)
	t.Cleanup(srv.Close)
	return srv
}

func address(t testing.TB, raw string) matomo.Address {
	t.Helper()
	a, err := matomo.ParseAddress(raw)
	if err != nil {
		t.Fatalf("ParseAddress(%q): %v", raw, err)
	}
	return a
}

func token(t testing.TB, raw string) matomo.Token {
	t.Helper()
	c, err := matomo.ParseToken(raw)
	if err != nil {
		t.Fatal(err)
	}
	return c.Token
}

func classOf(t testing.TB, err error) *matomo.Error {
	t.Helper()
	var e *matomo.Error
	if !errors.As(err, &e) {
		t.Fatalf("want a *matomo.Error, got %T: %v", err, err)
	}
	return e
}

func sitesText(sites []matomo.Site) string {
	var parts []string
	for _, s := range sites {
		parts = append(parts, fmt.Sprintf("%d:%s", s.ID, s.Access))
	}
	return strings.Join(parts, " ")
}

// tokenOnlyInPOSTBody checks what the fake received: the token as the
// token_auth field of POST form bodies, never in a URL or any header.
func tokenOnlyInPOSTBody(t *testing.T, srv *demomatomo.Server, tok string) {
	t.Helper()
	for _, r := range srv.Requests() {
		if strings.Contains(r.Path+"?"+r.RawQuery, tok) {
			t.Errorf("token in the URL %s?%s", r.Path, r.RawQuery)
		}
		for name, vals := range r.Header {
			if strings.Contains(strings.Join(vals, " "), tok) {
				t.Errorf("token in the %s header", name)
			}
		}
		if r.Header.Get("Authorization") != "" {
			t.Errorf("an Authorization header was sent")
		}
		form, err := url.ParseQuery(r.Body)
		if r.Method != http.MethodPost || err != nil || form.Get("token_auth") != tok {
			t.Errorf("%s with body %.60q: the token must travel as token_auth in a POST form", r.Method, r.Body)
		}
	}
}

func TestVerifyWithOneRequestAndTheTokenOnlyInTheBody(t *testing.T) {
	cases := []struct {
		name, token string
		superUser   bool
		sites       string
		class       matomo.ErrorClass
	}{
		{"viewer sees sites 1 and 2", demomatomo.TokenViewer, false, "1:view 2:view", ""},
		{"writer is admin on 1 and writes on 2", demomatomo.TokenWriter, false, "1:admin 2:write", ""},
		{"superuser is admin on all 3", demomatomo.TokenSuperUser, true, "1:admin 2:admin 3:admin", ""},
		{"secure-only token works in the body", demomatomo.TokenSuperUserSecure, true, "1:admin 2:admin 3:admin", ""},
		{"unknown token", demomatomo.TokenUnknown, false, "", matomo.ClassTokenRejected},
		{"expired token", demomatomo.TokenViewerExpired, false, "", matomo.ClassTokenRejected},
		{"valid token without site", demomatomo.TokenNoAccess, false, "", matomo.ClassNoAccess},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
			client, _ := testClient(t, matomo.Options{})
			res, err := client.Verify(context.Background(), address(t, srv.URL), token(t, c.token))
			if client.Requests() != 1 || srv.RequestCount() != 1 {
				t.Errorf("%d requests sent, %d arrived; want exactly 1", client.Requests(), srv.RequestCount())
			}
			tokenOnlyInPOSTBody(t, srv, c.token)
			q, _ := url.ParseQuery(srv.Requests()[0].RawQuery)
			if q.Get("module") != "API" || q.Get("method") != "API.getBulkRequest" || q.Get("format") != "json" {
				t.Errorf("query %q must name module, method and format", srv.Requests()[0].RawQuery)
			}
			if c.class != "" {
				if e := classOf(t, err); e.Class != c.class {
					t.Errorf("class %s, want %s: %v", e.Class, c.class, e)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.Version != "5.0.2" || res.SuperUser != c.superUser || sitesText(res.Sites) != c.sites {
				t.Errorf("version %q superuser %v sites %q, want 5.0.2 %v %q", res.Version, res.SuperUser, sitesText(res.Sites), c.superUser, c.sites)
			}
			if res.Trace.Status != 200 || res.Trace.RequestID == "" || strings.Contains(res.Trace.URL, "?") {
				t.Errorf("trace %+v", res.Trace)
			}
		})
	}
}

// Matomo cuts every list to 100 rows unless the request says otherwise.
func TestVerifyListsEverySiteBeyondMatomosDefaultLimit(t *testing.T) {
	srv := startFake(t, demomatomo.WithSites(150), demomatomo.Options{})
	// The fake cuts like Matomo: without filter_limit, 100 sites come back.
	form := url.Values{"token_auth": {demomatomo.TokenViewer}}
	resp, err := http.PostForm(srv.URL+"/index.php?module=API&method=SitesManager.getSitesIdWithViewAccess&format=json", form)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if n := strings.Count(string(body), ",") + 1; n != 100 {
		t.Fatalf("without filter_limit the fake returned %d ids, want Matomo's 100", n)
	}

	client, _ := testClient(t, matomo.Options{})
	res, err := client.Verify(context.Background(), address(t, srv.URL), token(t, demomatomo.TokenViewer))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Sites) != 152 || res.Sites[151].ID != 153 || res.Sites[151].Access != matomo.AccessView {
		t.Errorf("got %d sites, want all 152 the viewer can see", len(res.Sites))
	}
}

func TestVerifyAgainstMatomo4(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{Legacy: true})
	client, _ := testClient(t, matomo.Options{})
	addr := address(t, srv.URL)

	// Matomo 4 answers an unknown token with 200, as nobody.
	_, err := client.Verify(context.Background(), addr, token(t, demomatomo.TokenUnknown))
	if e := classOf(t, err); e.Class != matomo.ClassTokenRejected || e.Status != 200 {
		t.Errorf("unknown token on Matomo 4: %s (HTTP %d), want token_rejected from a 200 answer: %v", e.Class, e.Status, e)
	}

	// Ids and flags arrive as strings ("1"), the version is Matomo 4's.
	res, err := client.Verify(context.Background(), addr, token(t, demomatomo.TokenWriter))
	if err != nil {
		t.Fatal(err)
	}
	if res.Version != "4.16.0" || sitesText(res.Sites) != "1:admin 2:write" {
		t.Errorf("Matomo 4 writer: version %q sites %q", res.Version, sitesText(res.Sites))
	}
	// The numbers really did arrive as strings.
	resp, err := http.PostForm(srv.URL+"/index.php?module=API&method=SitesManager.getSitesIdWithAdminAccess&format=json",
		url.Values{"token_auth": {demomatomo.TokenWriter}})
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if body, _ := io.ReadAll(resp.Body); string(body) != `["1"]` {
		t.Errorf("the Matomo 4 fake sent %s, want ids as strings", body)
	}
}

// Where visitors without a token may view a site, a wrong token is still
// rejected: Matomo 5 refuses it, Matomo 4 goes on as nobody (a real 4.16.1
// shows it no site, and its userEmailExists probe says "You must be logged
// in"), and the pre-flight check, which sends no token, still learns the
// version.
func TestVerifyRejectsAWrongTokenWhereAnonymousMayViewASite(t *testing.T) {
	data := demomatomo.Recorded()
	data.AnonymousView = []int{1}
	for _, legacy := range []bool{true, false} {
		t.Run(fmt.Sprintf("legacy=%v", legacy), func(t *testing.T) {
			srv := startFake(t, data, demomatomo.Options{Legacy: legacy})
			client, _ := testClient(t, matomo.Options{})
			addr := address(t, srv.URL)
			_, err := client.Verify(context.Background(), addr, token(t, demomatomo.TokenUnknown))
			e := classOf(t, err)
			if e.Class != matomo.ClassTokenRejected {
				t.Fatalf("class %s, want token_rejected: %v", e.Class, e)
			}
			if legacy && !strings.Contains(e.Matomo, "You must be logged in") {
				t.Errorf("Matomo's message %q, want the probe's refusal", e.Matomo)
			}
			res, err := client.Verify(context.Background(), addr, token(t, demomatomo.TokenViewer))
			if err != nil || sitesText(res.Sites) != "1:view 2:view" {
				t.Errorf("a valid token must still verify: %v %v", err, res)
			}
			p, err := client.Preflight(context.Background(), addr)
			if err != nil || p.Version == "" {
				t.Errorf("anonymous view shows the version to the pre-flight check: %v %+v", err, p)
			}
		})
	}
}

// clock is a settable time for the fake's lock-out window.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func TestLockOutAfterTwentyOneWrongTokensAndItsEnd(t *testing.T) {
	clk := &clock{now: time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)}
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{Now: clk.Now})
	client, _ := testClient(t, matomo.Options{})
	addr := address(t, srv.URL)
	for i := 1; i <= 21; i++ {
		_, err := client.Verify(context.Background(), addr, token(t, demomatomo.TokenUnknown))
		if e := classOf(t, err); e.Class != matomo.ClassTokenRejected {
			t.Fatalf("wrong token %d: %s, want token_rejected", i, e.Class)
		}
		clk.Add(time.Minute)
	}
	_, err := client.Verify(context.Background(), addr, token(t, demomatomo.TokenViewer))
	e := classOf(t, err)
	if e.Class != matomo.ClassBlocked || e.Status != 500 {
		t.Fatalf("the valid token after 21 wrong ones: %s (HTTP %d), want blocked", e.Class, e.Status)
	}
	// Where Matomo 4 and 5 have the button: Login's Brute Force Log, a
	// Diagnostic page (read in the real 5.1.2's plugins/Login/Menu.php).
	for _, say := range []string{"even a correct one", "60 minutes", "unblock",
		"Administration → Diagnostic → Brute Force Log", "console login:unblock-blocked-ips"} {
		if !strings.Contains(e.Hint.String(), say) {
			t.Errorf("hint %q does not say %q", e.Hint, say)
		}
	}
	if client.Requests() != 22 {
		t.Errorf("%d requests for 22 checks: a rejected token must never be retried", client.Requests())
	}

	// The failures happened at 9:00 … 9:20. At 9:59:30 all 21 are within
	// the hour; at 10:00:30 the first has aged out and 20 are not "more
	// than 20".
	clk.Add(38*time.Minute + 30*time.Second)
	if _, err := client.Verify(context.Background(), addr, token(t, demomatomo.TokenViewer)); classOf(t, err).Class != matomo.ClassBlocked {
		t.Fatalf("unblocked while 21 failures are within the hour: %v", err)
	}
	clk.Add(time.Minute)
	if _, err := client.Verify(context.Background(), addr, token(t, demomatomo.TokenViewer)); err != nil {
		t.Errorf("still refused after the oldest failure aged out: %v", err)
	}
}

func TestVerifyExplainsRateLimitsOutagesAndRedirects(t *testing.T) {
	cases := []struct {
		name  string
		fault demomatomo.Fault
		class matomo.ErrorClass
		say   string // in detail or hint
	}{
		{"429 with Retry-After in seconds", demomatomo.Fault{Status: 429, RetryAfter: "120"}, matomo.ClassRateLimited, "wait 2m0s"},
		{"429 without Retry-After", demomatomo.Fault{Status: 429}, matomo.ClassRateLimited, "Wait a minute"},
		{"503 maintenance page", demomatomo.Fault{Status: 503, Body: "<html><body>Matomo is upgrading</body></html>"}, matomo.ClassServerError, "maintenance or upgrading"},
		{"302 to https on the same host", demomatomo.Fault{Status: 302, Location: "https://127.0.0.1/index.php"}, matomo.ClassRedirect, "sends http requests to https"},
		{"301 to another server", demomatomo.Fault{Status: 301, Location: "http://127.0.0.2:9/matomo/index.php"}, matomo.ClassRedirect, "use http://127.0.0.2:9/matomo"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
			srv.SetFault(&c.fault)
			client, _ := testClient(t, matomo.Options{})
			_, err := client.Verify(context.Background(), address(t, srv.URL), token(t, demomatomo.TokenViewer))
			e := classOf(t, err)
			if e.Class != c.class || !strings.Contains(e.Detail.String()+" "+e.Hint.String(), c.say) {
				t.Errorf("%s: %q / %q, want %s saying %q", e.Class, e.Detail, e.Hint, c.class, c.say)
			}
			if srv.RequestCount() != 1 {
				t.Errorf("%d requests arrived, want 1 (no retry, no redirect followed)", srv.RequestCount())
			}
		})
	}
}

func TestVerifyCanBeCanceled(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{Latency: 10 * time.Second})
	client, _ := testClient(t, matomo.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err := client.Verify(ctx, address(t, srv.URL), token(t, demomatomo.TokenViewer))
	if e := classOf(t, err); e.Class != matomo.ClassCanceled {
		t.Errorf("class %s, want canceled: %v", e.Class, e)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("canceling took %s", d)
	}
}

func TestVerifyGivesUpOnASlowServerWithinTheTimeout(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{Latency: 10 * time.Second})
	const limit = 300 * time.Millisecond
	client, _ := testClient(t, matomo.Options{Timeout: limit})
	start := time.Now()
	_, err := client.Verify(context.Background(), address(t, srv.URL), token(t, demomatomo.TokenViewer))
	elapsed := time.Since(start)
	e := classOf(t, err)
	if e.Class != matomo.ClassTimeout || !strings.Contains(e.Detail.String(), "did not answer within 300ms") {
		t.Errorf("%s: %q, want timeout naming the limit", e.Class, e.Detail)
	}
	if elapsed < limit || elapsed > limit+time.Second {
		t.Errorf("gave up after %s, want about %s", elapsed, limit)
	}
}

// The token must not cross a network in clear text: plain http to another
// computer is refused before anything is looked up or dialled.
func TestPlainHTTPToAnotherComputerIsRefusedBeforeAnyConnection(t *testing.T) {
	var proxyCalls atomic.Int64
	client, dials := testClient(t, matomo.Options{Proxy: func(*http.Request) (*url.URL, error) {
		proxyCalls.Add(1)
		return nil, nil
	}})
	addr := address(t, "http://matomo.example.org/analytics") // must never be contacted
	tok := token(t, demomatomo.TokenViewer)
	_, err := client.Verify(context.Background(), addr, tok)
	e := classOf(t, err)
	if e.Class != matomo.ClassPlainHTTP || e.Suggested.String() != "https://matomo.example.org/analytics" {
		t.Errorf("%s, suggested %q; want plain_http suggesting https", e.Class, e.Suggested.String())
	}
	_, err = client.CheckGET(context.Background(), addr, tok)
	if classOf(t, err).Class != matomo.ClassPlainHTTP {
		t.Errorf("CheckGET over plain http: %v", err)
	}
	if dials.get() != 0 || proxyCalls.Load() != 0 || client.Requests() != 0 {
		t.Errorf("%d dials, %d proxy look-ups, %d requests; want none", dials.get(), proxyCalls.Load(), client.Requests())
	}
}

// --allow-http lets the token travel over http to a named host; the name
// resolves through the fake DNS to the fake Matomo on loopback.
func TestAllowHTTPReachesANamedHost(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	dns := startFakeDNS(t, map[string]net.IP{"matomo.intranet.test": net.IPv4(127, 0, 0, 1)})
	client, dials := testClient(t, matomo.Options{AllowHTTP: true})
	dns.use(client)
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "http://"))
	res, err := client.Verify(context.Background(), address(t, "http://matomo.intranet.test:"+port), token(t, demomatomo.TokenViewer))
	if err != nil || len(res.Sites) != 2 {
		t.Fatalf("%v %v", err, res)
	}
	if dials.get() != 1 || dns.queries.Load() == 0 {
		t.Errorf("%d dials, %d DNS queries", dials.get(), dns.queries.Load())
	}
}

func TestCheckGETTellsSecureOnlyTokens(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	client, _ := testClient(t, matomo.Options{})
	addr := address(t, srv.URL)

	normal, err := client.CheckGET(context.Background(), addr, token(t, demomatomo.TokenSuperUser))
	if err != nil || !normal.Works || normal.SecureOnly {
		t.Errorf("a normal token in a URL: %+v %v, want works", normal, err)
	}
	secure, err := client.CheckGET(context.Background(), addr, token(t, demomatomo.TokenSuperUserSecure))
	if err != nil || secure.Works || !secure.SecureOnly || !strings.Contains(secure.Matomo, "POST parameter") {
		t.Errorf("a secure-only token in a URL: %+v %v, want refused as secure-only", secure, err)
	}
	for _, r := range srv.Requests() {
		if r.Method != http.MethodGet || !strings.Contains(r.RawQuery, "token_auth=") || r.Body != "" {
			t.Errorf("the GET check must put the token in the URL and nowhere else: %s %q %q", r.Method, r.RawQuery, r.Body)
		}
	}
	if strings.Contains(secure.Trace.URL, "token") || strings.Contains(secure.Trace.URL, "?") {
		t.Errorf("the trace keeps the URL with the token: %q", secure.Trace.URL)
	}
	// The refusal counted as a failed login, as on the real Matomo.
	if n := srv.FailedLogins("127.0.0.1"); n != 1 {
		t.Errorf("%d failed logins after one refused GET check, want 1", n)
	}
}

func TestPreflight(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	client, _ := testClient(t, matomo.Options{})

	p, err := client.Preflight(context.Background(), address(t, srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Markers) != 2 || p.Version != "" || p.Trace.Status != 401 {
		t.Errorf("markers %q version %q status %d", p.Markers, p.Version, p.Trace.Status)
	}
	if r := srv.Requests()[0]; strings.Contains(r.Body+r.RawQuery, "token_auth") {
		t.Errorf("the pre-flight check sent a token: %q %q", r.RawQuery, r.Body)
	}
	if srv.FailedLogins("127.0.0.1") != 0 {
		t.Errorf("the pre-flight check counted as a failed login")
	}

	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	closed := ln.Addr().String()
	ln.Close()
	failures := []struct {
		name, addr string
		fault      *demomatomo.Fault
		class      matomo.ErrorClass
		say        string
	}{
		{"a file that is not there", srv.URL + "/nonexistent.php", nil, matomo.ClassNotMatomo, "(404)"},
		{"nothing listening", "http://" + closed, nil, matomo.ClassNetwork, "refused the connection"},
		{"a redirect to https", srv.URL, &demomatomo.Fault{Status: 302, Location: "https://127.0.0.1/"}, matomo.ClassRedirect, "https"},
		{"maintenance", srv.URL, &demomatomo.Fault{Status: 503}, matomo.ClassServerError, "maintenance"},
		{"another web server", srv.URL, &demomatomo.Fault{Status: 200, Body: "<html><title>Welcome to nginx!</title></html>"}, matomo.ClassNotMatomo, `"Welcome to nginx!"`},
	}
	for _, f := range failures {
		t.Run(f.name, func(t *testing.T) {
			srv.SetFault(f.fault)
			defer srv.SetFault(nil)
			_, err := client.Preflight(context.Background(), address(t, f.addr))
			e := classOf(t, err)
			if e.Class != f.class || !strings.Contains(e.Detail.String()+" "+e.Hint.String(), f.say) {
				t.Errorf("%s: %q / %q, want %s saying %q", e.Class, e.Detail, e.Hint, f.class, f.say)
			}
		})
	}
}

// The wizard runs the pre-flight check, the token check and the GET check
// one after the other. The first two share one connection (one TLS
// handshake); the GET check opens its own, because Go's client may send a
// GET again on a reused connection the server closed, and this request
// must go out exactly once.
func TestChecksShareOneConnection(t *testing.T) {
	cert, caFile := selfSigned(t, loopbackIP)
	srv := httptest.NewUnstartedServer(demomatomo.NewHandler(demomatomo.WithSites(500), demomatomo.Options{}))
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	client, dials := testClient(t, matomo.Options{CAFile: caFile})
	addr, tok := address(t, srv.URL), token(t, demomatomo.TokenViewer)
	ctx := context.Background()
	if _, err := client.Preflight(ctx, addr); err != nil {
		t.Fatal(err)
	}
	if _, err := client.Verify(ctx, addr, tok); err != nil {
		t.Fatal(err)
	}
	if dials.get() != 1 {
		t.Errorf("%d connections for the pre-flight and token checks, want 1", dials.get())
	}
	if _, err := client.CheckGET(ctx, addr, tok); err != nil {
		t.Fatal(err)
	}
	if dials.get() != 2 {
		t.Errorf("%d connections after the GET check, want 2 (a fresh one for it)", dials.get())
	}
}

// TestAnInternationalNameIsLookedUpInTheFormDNSUses: münchen.example is
// asked of DNS as xn--mnchen-3ya.example, and a name DNS does not know is
// said in both forms.
func TestAnInternationalNameIsLookedUpInTheFormDNSUses(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	dns := startFakeDNS(t, map[string]net.IP{"xn--mnchen-3ya.example": net.IPv4(127, 0, 0, 1)})
	client, _ := testClient(t, matomo.Options{})
	dns.use(client)
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "http://"))
	if _, err := client.Preflight(context.Background(), address(t, "http://münchen.example:"+port)); err != nil {
		t.Fatalf("pre-flight check of münchen.example: %v", err)
	}
	_, err := client.Preflight(context.Background(), address(t, "http://köln.example:"+port))
	if e := classOf(t, err); e.Class != matomo.ClassNetwork ||
		!strings.Contains(e.Detail.String(), "The name xn--kln-sna.example (köln.example) could not be found (DNS).") {
		t.Errorf("unknown international name: %s %q", e.Class, e.Detail)
	}
	asked := dns.askedNames()
	if !slices.Contains(asked, "xn--mnchen-3ya.example") || !slices.Contains(asked, "xn--kln-sna.example") {
		t.Errorf("DNS was asked for %q, want the punycode names", asked)
	}
	for _, n := range asked {
		if strings.ContainsFunc(n, func(r rune) bool { return r > 127 }) {
			t.Errorf("DNS was asked for %q, which is not in the form DNS uses", n)
		}
	}
}

// TestATimeoutAfterTheRequestWentOutIsNotACouldNotConnect: the token check
// goes on the connection the pre-flight opened (no connect, no handshake
// of its own). When the answer then takes too long, the request with the
// token did go out over TLS: the error must not say it could not connect
// (support would look for a firewall and believe the token never left),
// and the trace and report say where it went and how it was secured.
func TestATimeoutAfterTheRequestWentOutIsNotACouldNotConnect(t *testing.T) {
	t.Parallel()
	demo := demomatomo.NewHandler(demomatomo.Recorded(), demomatomo.Options{})
	cert, caFile := selfSigned(t, loopbackIP)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if !bytes.Contains(body, []byte("token_auth")) { // the pre-flight check
			r.Body = io.NopCloser(bytes.NewReader(body))
			demo.ServeHTTP(w, r)
			return
		}
		<-r.Context().Done() // the token check: never answered
	}))
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	client, dials := testClient(t, matomo.Options{CAFile: caFile, Timeout: 500 * time.Millisecond})
	addr := address(t, srv.URL)
	pre, err := client.Preflight(context.Background(), addr)
	if err != nil {
		t.Fatal(err)
	}
	_, err = client.Verify(context.Background(), addr, token(t, demomatomo.TokenViewer))
	e := classOf(t, err)
	if dials.get() != 1 {
		t.Fatalf("%d connections, want the pre-flight's only", dials.get())
	}
	if e.Class != matomo.ClassTimeout || strings.Contains(e.Detail.String(), "Could not connect") || !strings.Contains(e.Detail.String(), "did not answer within 500ms") {
		t.Errorf("%s: %q, want a timeout waiting for the answer", e.Class, e.Detail)
	}
	tr := e.Trace
	if tr == nil || tr.Written != 1 || !tr.Reused || tr.RemoteAddr == "" || tr.TLS == nil || tr.TLS.Version == "" {
		t.Fatalf("trace %+v: want the request written once on the reused TLS connection, its address and TLS version", tr)
	}
	text := matomo.NewReport(matomo.Findings{Address: addr, Preflight: pre, VerifyErr: err}).Text()
	_, check, _ := strings.Cut(text, "token check\n")
	check = strings.Join(strings.Fields(check), " ")
	for _, want := range []string{"Remote address: " + tr.RemoteAddr + " (the connection of an earlier request", "TLS: " + tr.TLS.Version} {
		if !strings.Contains(check, want) {
			t.Errorf("the report's token check lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "no TLS session was established") {
		t.Errorf("the report says no TLS session was set up:\n%s", text)
	}
}
