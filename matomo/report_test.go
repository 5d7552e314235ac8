package matomo_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"matomo-onboard/internal/faultserver"
	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// reportSession runs what a wizard session runs (pre-flight, verify, and the
// URL check when asked and verify succeeded) and builds the report.
type reportSession struct {
	opts         matomo.Options
	skipPre      bool // the address may not be contacted (plain http to a remote host)
	getCheck     bool
	beforeVerify func(*demomatomo.Server)
	beforeGET    func(*demomatomo.Server)
	cancel       bool // the user cancels before the token check
}

func (s reportSession) run(t testing.TB, srv *demomatomo.Server, rawURL, token string) *matomo.Report {
	t.Helper()
	addr, err := matomo.ParseAddress(rawURL)
	if err != nil {
		t.Fatalf("ParseAddress(%q): %v", rawURL, err)
	}
	check, err := matomo.ParseToken(token)
	if err != nil {
		t.Fatalf("ParseToken: %v", err)
	}
	client, err := matomo.NewClient(s.opts)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	defer client.Close()
	f := matomo.Findings{Tool: "matomo-onboard", Version: "1.2.3-test", Address: addr, Token: check.Token,
		Notes: append(english(addr.Notes), english(check.Warnings)...)}
	ctx := context.Background()
	if !s.skipPre {
		f.Preflight, f.PreflightErr = client.Preflight(ctx, addr)
	}
	if s.beforeVerify != nil {
		s.beforeVerify(srv)
	}
	vctx := ctx
	if s.cancel {
		c, cancel := context.WithCancel(ctx)
		cancel()
		vctx = c
	}
	f.Result, f.VerifyErr = client.Verify(vctx, addr, check.Token)
	if s.getCheck && f.VerifyErr == nil {
		if s.beforeGET != nil {
			s.beforeGET(srv)
		}
		f.GETCheck, f.GETErr = client.CheckGET(ctx, addr, check.Token)
	}
	return matomo.NewReport(f)
}

func reportMustContain(t *testing.T, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("report lacks %q; report:\n%s", w, text)
		}
	}
}

func TestReportFactsOfAVerifiedSession(t *testing.T) {
	srv := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{})
	defer srv.Close()
	rep := reportSession{getCheck: true}.run(t, srv, srv.URL+"/index.php", demomatomo.TokenSuperUserSecure)
	text := rep.Text()
	host := strings.TrimPrefix(srv.URL, "http://")
	reportMustContain(t, text,
		"matomo-onboard diagnostics report",
		"matomo-onboard 1.2.3-test on "+runtime.GOOS+"/"+runtime.GOARCH,
		"Address:            "+srv.URL+"\n",
		"API endpoint:       "+srv.URL+"/index.php",
		`Removed "index.php" from the end`,
		"Token:              32 characters, ends …b418",
		"Outcome:            verified",
		"Version:            5.0.2",
		"X-Matomo-Request-Id header",
		"API answered with its access error for requests without a token",
		"Superuser:          yes",
		"Sites:              3 (3 admin, 0 write, 0 view)",
		"Site ids:           1 to 3",
		"Requests sent:      3 (counted as written to the network)",
		"Request 1 of 3: pre-flight check",
		"POST "+srv.URL+"/index.php (no token)",
		"Sent:               once",
		"Request 2 of 3: token check",
		"POST "+srv.URL+"/index.php (token in the POST body)",
		"Request 3 of 3: URL check",
		"GET "+srv.URL+"/index.php (token in the URL query, not shown here)",
		"DNS answer:         not needed (the address is an IP address)",
		"Remote address:     "+host,
		"TLS:                none (plain http)",
		"HTTP status:        200",
		"HTTP status:        401",
		"Content type:       application/json",
		"Timings:            DNS - · connect ",
		"TLS verification:   not used (plain http)",
		"Custom CA file:     no",
		"Proxy:              none (direct connection)",
		"will NOT work with this token: it is secure-only",
		`Matomo said:        "Unable to authenticate with the provided token. It is either invalid, expired or is required to be sent as a POST parameter."`,
	)
	if strings.Contains(text, "VERIFICATION WAS SWITCHED OFF") {
		t.Error("report warns about skipped TLS verification, but it was on")
	}
	if n := strings.Count(text, "X-Matomo-Request-Id header"); n != 1 {
		t.Errorf("the marker is listed %d times, want once:\n%s", n, text)
	}
	if strings.Contains(text, "Problem\n") {
		t.Errorf("a verified session has no problem section:\n%s", text)
	}
	if !rep.Verified || rep.Access == nil || rep.Access.Sites != 3 || rep.GET == nil || rep.GET.Works || !rep.GET.SecureOnly {
		t.Errorf("report fields: verified=%v access=%+v get=%+v", rep.Verified, rep.Access, rep.GET)
	}
}

func TestReportFactsOfAFailure(t *testing.T) {
	srv := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{})
	defer srv.Close()
	rep := reportSession{}.run(t, srv, srv.URL, demomatomo.TokenUnknown)
	reportMustContain(t, rep.Text(),
		"Outcome:            FAILED at the token check: token_rejected",
		"Problem\n-------",
		"Class:              token_rejected",
		"Title:              Matomo rejected this token",
		"Detail:             Matomo does not accept this token",
		`Matomo said:        "Unable to authenticate with the provided token. It is either invalid or expired."`,
		"HTTP status:        401",
		"What to do:         Copy the whole token again",
		"Version:            not known",
	)

	srv.SetFault(&demomatomo.Fault{Status: http.StatusFound, Location: "https://analytics.example.org/index.php?module=API"})
	rep = reportSession{skipPre: true}.run(t, srv, srv.URL, demomatomo.TokenViewer)
	reportMustContain(t, rep.Text(),
		"Class:              redirect",
		"Redirects to:       https://analytics.example.org/index.php\n",
		"Suggested address:  https://analytics.example.org\n",
		"HTTP status:        302",
	)
}

// The report counts requests as they went out on the wire: a server that
// breaks the token request gets it once, and a check that failed before
// anything was written counts none.
func TestReportCountsRequestsAsWritten(t *testing.T) {
	fault := faultserver.Start(t, demomatomo.NewHandler(demomatomo.Recorded(), demomatomo.Options{}), faultserver.Options{})
	rep := reportSession{opts: matomo.Options{CAFile: fault.CAFile, Timeout: 3 * time.Second}}.run(t, nil, fault.URL, demomatomo.TokenViewer)
	reportMustContain(t, rep.Text(),
		"Requests sent:      2 (counted as written to the network)",
		"Request 2 of 2: token check",
		"Class:              network",
	)
	if n := strings.Count(rep.Text(), "Sent:               once"); n != 2 || fault.TokenRequests() != 1 {
		t.Errorf("%d requests said to be sent once, the server got the token %d times:\n%s", n, fault.TokenRequests(), rep.Text())
	}

	untrusted, _ := reportTLSMatomo(t)
	rep = reportSession{skipPre: true}.run(t, nil, untrusted.URL, demomatomo.TokenViewer)
	reportMustContain(t, rep.Text(),
		"Requests sent:      0 (counted as written to the network)",
		"Sent:               no: it failed before the request was written to the network",
		"Class:              tls",
	)
}

// reportTLSMatomo serves the fake Matomo over TLS with httptest's
// certificate and returns the server and a CA file that trusts it.
func reportTLSMatomo(t *testing.T) (*httptest.Server, string) {
	t.Helper()
	ts := httptest.NewTLSServer(demomatomo.NewHandler(demomatomo.Recorded(), demomatomo.Options{}))
	t.Cleanup(ts.Close)
	ca := filepath.Join(t.TempDir(), "ca.pem")
	block := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ts.Certificate().Raw})
	if err := os.WriteFile(ca, block, 0o600); err != nil {
		t.Fatal(err)
	}
	return ts, ca
}

func TestReportFactsOfTLSAndCustomCA(t *testing.T) {
	ts, ca := reportTLSMatomo(t)
	rep := reportSession{opts: matomo.Options{CAFile: ca}}.run(t, nil, ts.URL, demomatomo.TokenViewer)
	cert := ts.Certificate()
	reportMustContain(t, rep.Text(),
		"Outcome:            verified",
		"TLS:                TLS 1.3",
		"Certificate:        subject "+cert.Subject.String(),
		"  issued by:        "+cert.Issuer.String(),
		"  valid until:      "+cert.NotAfter.UTC().Format("2006-01-02 15:04 UTC")+" (in ",
		"Custom CA file:     yes",
		"TLS verification:   on",
	)
}

func TestReportShoutsWhenTLSVerificationWasSkipped(t *testing.T) {
	ts, _ := reportTLSMatomo(t)
	rep := reportSession{opts: matomo.Options{InsecureSkipVerify: true}}.run(t, nil, ts.URL, demomatomo.TokenViewer)
	text := rep.Text()
	reportMustContain(t, text,
		"!!! TLS CERTIFICATE VERIFICATION WAS SWITCHED OFF (--insecure-skip-verify) !!!",
		"TLS verification:   OFF (not checked!)",
		"TLS:                TLS 1.3, CERTIFICATE NOT VERIFIED",
	)
	// The warning belongs at the top, before anything a reader might stop at.
	if i := strings.Index(text, "SWITCHED OFF"); i > strings.Index(text, "Created:") {
		t.Errorf("the skipped-verification warning is not at the top:\n%s", text)
	}
}

func TestReportShowsTheProxyHostOnly(t *testing.T) {
	// The fake Matomo doubles as the proxy: Go's server accepts the
	// absolute-form request line a client sends to a proxy.
	srv := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{})
	defer srv.Close()
	proxy, _ := url.Parse(srv.URL)
	proxy.User = url.UserPassword("proxyuser", "proxy-s3cret")
	opts := matomo.Options{AllowHTTP: true, Proxy: func(*http.Request) (*url.URL, error) { return proxy, nil }}
	rep := reportSession{opts: opts}.run(t, srv, "http://matomo.example", demomatomo.TokenViewer)
	text := rep.Text()
	reportMustContain(t, text,
		"Outcome:            verified",
		"Proxy:              "+proxy.Host+"\n",
		"DNS answer:         not looked up here (the proxy resolves the name)",
	)
	if strings.Contains(text, "proxy-s3cret") || strings.Contains(text, "proxyuser") {
		t.Errorf("report shows the proxy's credentials:\n%s", text)
	}
}

func newReportCanary(t *testing.T) string {
	t.Helper()
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// reportCanaryData is the recorded Matomo plus canary tokens for every kind of
// token the report must never reveal.
func reportCanaryData(c map[string]string) demomatomo.Data {
	d := demomatomo.Recorded()
	d.Tokens = append(d.Tokens,
		demomatomo.Token{Value: c["viewer"], Login: "viewer"},
		demomatomo.Token{Value: c["secure"], Login: "admin", SecureOnly: true},
		demomatomo.Token{Value: c["expired"], Login: "viewer", Expired: true},
		demomatomo.Token{Value: c["noaccess"], Login: "noaccess"},
		demomatomo.Token{Value: c["lockout"], Lockout: true},
	)
	return d
}

// assertReportHasNoCanary checks every way the report can leave the process.
func assertReportHasNoCanary(t *testing.T, rep *matomo.Report, canary string) {
	t.Helper()
	text := rep.Text()
	path, err := rep.WriteFile(filepath.Join(t.TempDir(), "report.txt"))
	if err != nil {
		t.Fatalf("WriteFile: %v", err)
	}
	file, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	outputs := map[string]string{
		"Text":          text,
		"file":          string(file),
		"JSON":          string(js),
		"%v":            fmt.Sprintf("%v", rep),
		"%+v":           fmt.Sprintf("%+v", *rep),
		"%#v":           fmt.Sprintf("%#v", *rep),
		"problem %+v":   fmt.Sprintf("%+v", rep.Problem),
		"get check %+v": fmt.Sprintf("%+v", rep.GET),
	}
	for name, out := range outputs {
		if strings.Contains(strings.ToLower(out), canary) {
			t.Errorf("the canary token appears in the report's %s:\n%s", name, out)
		}
	}
	// The fingerprint is there, so the report still identifies the token.
	reportMustContain(t, text, "ends …"+canary[28:])
}

func TestReportNeverContainsTheToken(t *testing.T) {
	c := map[string]string{}
	for _, k := range []string{"viewer", "secure", "expired", "noaccess", "lockout", "unknown"} {
		c[k] = newReportCanary(t)
	}
	echo := func(tok string) string {
		return "token_auth=" + tok + " and " + strings.ToUpper(tok) + " were refused"
	}
	ts, _ := reportTLSMatomo(t)
	cases := []struct {
		name    string
		token   string
		session reportSession
		url     string // default: the fake's address
		want    string
	}{
		{"verified, URL check works", "viewer", reportSession{getCheck: true}, "", "will work with this token"},
		{"verified, URL check: secure-only", "secure", reportSession{getCheck: true}, "", "will NOT work with this token: it is secure-only"},
		{"rejected", "unknown", reportSession{}, "", "token_rejected"},
		{"expired", "expired", reportSession{}, "", "token_rejected"},
		{"no site", "noaccess", reportSession{}, "", "no_access"},
		{"lock-out", "lockout", reportSession{}, "", "blocked"},
		{"rate limited", "viewer", reportSession{beforeVerify: func(s *demomatomo.Server) {
			s.SetFault(&demomatomo.Fault{Status: 429, RetryAfter: "60"})
		}}, "", "rate_limited"},
		{"server error echoing the token", "viewer", reportSession{beforeVerify: func(s *demomatomo.Server) {
			s.SetFault(&demomatomo.Fault{Status: 500, ContentType: "application/json",
				Body: `{"result":"error","message":"` + echo(c["viewer"]) + `"}`})
		}}, "", "server_error"},
		{"web page echoing the token in its title", "viewer", reportSession{beforeVerify: func(s *demomatomo.Server) {
			s.SetFault(&demomatomo.Fault{Status: 200, Body: "<html><head><title>Denied " + c["viewer"] + "</title></head><body>" + echo(c["viewer"]) + "</body></html>"})
		}}, "", "not_matomo"},
		{"redirect echoing the token", "viewer", reportSession{beforeVerify: func(s *demomatomo.Server) {
			s.SetFault(&demomatomo.Fault{Status: 302, Location: "https://elsewhere.example/" + c["viewer"] + "/index.php?token_auth=" + c["viewer"]})
		}}, "", "redirect"},
		{"URL check answered by an echoing error", "viewer", reportSession{getCheck: true, beforeGET: func(s *demomatomo.Server) {
			s.SetFault(&demomatomo.Fault{Status: 503, Body: "<html><head><title>" + c["viewer"] + "</title></head></html>"})
		}}, "", "could not be completed"},
		{"URL check redirected with the token in the query", "viewer", reportSession{getCheck: true, beforeGET: func(s *demomatomo.Server) {
			s.SetFault(&demomatomo.Fault{Status: 307, Location: "/index.php?module=API&token_auth=" + c["viewer"]})
		}}, "", "redirect"},
		{"connection refused", "viewer", reportSession{}, "http://127.0.0.1:1", "network"},
		{"timeout", "viewer", reportSession{opts: matomo.Options{Timeout: 150 * time.Millisecond},
			beforeVerify: func(s *demomatomo.Server) { s.SetLatency(2 * time.Second) }}, "", "timeout"},
		{"untrusted certificate", "viewer", reportSession{}, ts.URL, "tls"},
		{"plain http to another host", "viewer", reportSession{skipPre: true}, "http://matomo.example", "plain_http"},
		{"canceled", "viewer", reportSession{cancel: true}, "", "canceled"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := demomatomo.MustStart(reportCanaryData(c), demomatomo.Options{})
			defer srv.Close()
			u := tc.url
			if u == "" {
				u = srv.URL
			}
			rep := tc.session.run(t, srv, u, c[tc.token])
			reportMustContain(t, rep.Text(), tc.want)
			assertReportHasNoCanary(t, rep, c[tc.token])
		})
	}
}

// The scrubbing itself, on texts that certainly hold the token: a report
// built from an error whose every field echoes it.
func TestReportScrubsEchoesInEveryField(t *testing.T) {
	canary := newReportCanary(t)
	tok, err := matomo.ParseToken(canary)
	if err != nil {
		t.Fatal(err)
	}
	addr, _ := matomo.ParseAddress("https://analytics.example.org")
	suggested, _ := matomo.ParseAddress("https://" + canary + "x.example.org")
	trace := &matomo.Trace{Method: "POST", URL: "https://analytics.example.org/index.php?" + canary,
		Server: "echo/" + canary, ContentType: "text/" + strings.ToUpper(canary), RequestID: canary,
		TLS: &matomo.TLSInfo{Version: "TLS 1.3", Subject: "CN=" + canary, Issuer: "CN=" + canary, DNSNames: []string{canary}}}
	rep := matomo.NewReport(matomo.Findings{
		Address: addr, Token: tok.Token, Notes: []string{"note " + canary},
		VerifyErr: &matomo.Error{Class: matomo.ClassServerError, Detail: i18n.Verbatim(canary + canary), Matomo: "x" + canary + "y",
			Hint: i18n.Verbatim(canary), Location: "https://x/" + canary, Suggested: suggested, Trace: trace},
	})
	text := rep.Text()
	if n := strings.Count(text, "[token removed]"); n < 10 {
		t.Errorf("expected every echo replaced, found %d replacements:\n%s", n, text)
	}
	assertReportHasNoCanary(t, rep, canary)
	if rep.Problem.Detail != "[token removed][token removed]" || rep.Problem.Matomo != "x[token removed]y" {
		t.Errorf("fields not scrubbed: detail %q, matomo %q", rep.Problem.Detail, rep.Problem.Matomo)
	}
}

func TestReportScrubsShortAndUnusualTokens(t *testing.T) {
	for _, secret := range []string{"wp-user:Abcd Efgh Ijkl Mnop", "short1"} {
		tok, err := matomo.ParseToken(secret)
		if err != nil {
			t.Fatal(err)
		}
		rep := matomo.NewReport(matomo.Findings{Token: tok.Token,
			VerifyErr: &matomo.Error{Class: matomo.ClassTokenRejected, Matomo: "got " + secret + "!" + secret}})
		if text := rep.Text(); strings.Contains(text, secret) || !strings.Contains(text, "got [token removed]![token removed]") {
			t.Errorf("token %q not scrubbed:\n%s", secret, text)
		}
	}
}

func TestReportFileIsPrivate(t *testing.T) {
	dir := t.TempDir()
	rep := matomo.NewReport(matomo.Findings{Time: time.Date(2026, 11, 28, 4, 50, 12, 0, time.Local)})

	// An existing file readable by everyone is replaced by a private one.
	path := filepath.Join(dir, "report.txt")
	if err := os.WriteFile(path, []byte("old, world-readable"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o666); err != nil {
		t.Fatal(err)
	}
	got, err := rep.WriteFile(path)
	if err != nil {
		t.Fatalf("WriteFile: %v", err)
	}
	if got != path {
		t.Errorf("WriteFile returned %q, want %q", got, path)
	}
	checkPrivateReport(t, path, rep.Text())

	// A new file, by a relative path: the absolute path comes back.
	t.Chdir(dir)
	got, err = rep.WriteFile("new.txt")
	if err != nil || got != filepath.Join(dir, "new.txt") {
		t.Fatalf("WriteFile(new.txt) = %q, %v", got, err)
	}
	checkPrivateReport(t, got, rep.Text())

	// A directory, or nothing, gets the default name with the time in it.
	for _, p := range []string{dir, ""} {
		got, err = rep.WriteFile(p)
		want := filepath.Join(dir, "matomo-onboard-report-20261128-045012.txt")
		if err != nil || got != want {
			t.Fatalf("WriteFile(%q) = %q, %v; want %q", p, got, err, want)
		}
		checkPrivateReport(t, got, rep.Text())
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".matomo-onboard-report-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left behind:%v", leftovers)
	}
}

func checkPrivateReport(t *testing.T, path, want string) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("%s has mode %v, want -rw-------", path, fi.Mode().Perm())
	}
	b, err := os.ReadFile(path)
	if err != nil || string(b) != want {
		t.Errorf("%s holds %q (%v), want the report", path, b, err)
	}
}

func TestReportWriteFileSaysWhyItFailed(t *testing.T) {
	rep := matomo.NewReport(matomo.Findings{})
	missing := filepath.Join(t.TempDir(), "no-such-folder", "report.txt")
	_, err := rep.WriteFile(missing)
	if err == nil {
		t.Fatal("writing into a missing folder succeeded")
	}
	want := "cannot write the report to " + missing + ": no such file or directory"
	if err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}

// TestAReportPathEndingInASlashIsAFolder: "--report reports/" where no
// folder reports exists says so, and writes no file named reports.
func TestAReportPathEndingInASlashIsAFolder(t *testing.T) {
	rep := matomo.NewReport(matomo.Findings{})
	dir := t.TempDir()
	missing := filepath.Join(dir, "reports") + "/"
	_, err := rep.WriteFile(missing)
	if err == nil || !strings.Contains(err.Error(), "there is no such folder") {
		t.Fatalf("WriteFile(%q): %v, want a missing folder", missing, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("something was written: %v", entries)
	}
	if err := os.Mkdir(filepath.Join(dir, "reports"), 0o700); err != nil {
		t.Fatal(err)
	}
	got, err := rep.WriteFile(missing)
	if err != nil || filepath.Dir(got) != filepath.Join(dir, "reports") {
		t.Errorf("into the folder once it exists: %q, %v", got, err)
	}
}

func TestReportFileName(t *testing.T) {
	got := matomo.ReportFileName(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	if got != "matomo-onboard-report-20260102-030405.txt" {
		t.Errorf("ReportFileName = %q", got)
	}
}

// Text scrubs by comparing every window of the text with the token, so its
// cost grows with the report's length; a report of three requests should
// still render in well under a frame.
func BenchmarkReportText(b *testing.B) {
	srv := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{})
	defer srv.Close()
	rep := reportSession{getCheck: true}.run(b, srv, srv.URL, demomatomo.TokenSuperUserSecure)
	b.ReportAllocs()
	for b.Loop() {
		_ = rep.Text()
	}
}

// TestReportCountsHaveThousandsSeparators: the report writes counts as
// every front end does, site IDs as they are typed.
func TestReportCountsHaveThousandsSeparators(t *testing.T) {
	srv := demomatomo.MustStart(demomatomo.WithSites(1200), demomatomo.Options{})
	defer srv.Close()
	text := reportSession{}.run(t, srv, srv.URL, demomatomo.TokenSuperUser).Text()
	reportMustContain(t, text, "Sites:              1,203 (1,203 admin, 0 write, 0 view)", "Site ids:           1 to 1203")
}
