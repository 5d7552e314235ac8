package matomo_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"matomo-onboard/internal/faultserver"
	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// The passwords of createData's users.
const (
	viewerPassword = "Viewer-Pw-2026"
	twofaPassword  = "Twofa-Pw-2026"
	twofaSecret    = "JBSWY3DPEHPK3PXP"
)

// createData is Recorded() with login passwords, a user with two-factor
// authentication, and one whose password is a word of Matomo's message
// for a wrong password.
func createData() demomatomo.Data {
	d := demomatomo.Recorded()
	for i := range d.Users {
		if d.Users[i].Login == "viewer" {
			d.Users[i].Password = viewerPassword
		}
	}
	d.Users = append(d.Users,
		demomatomo.User{Login: "twofa", Email: "twofa@example.com", Access: map[int]matomo.Access{1: matomo.AccessView},
			Password: twofaPassword, TwoFactorSecret: twofaSecret},
		demomatomo.User{Login: "plain", Email: "plain@example.com", Access: map[int]matomo.Access{2: matomo.AccessView},
			Password: "password"})
	return d
}

func password(t testing.TB, raw string) matomo.Password {
	t.Helper()
	p, err := matomo.ParsePassword(raw)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// checked runs the pre-flight check of srv, as the front ends do before
// anything is sent.
func checked(t testing.TB, c *matomo.Client, raw string) *matomo.Preflight {
	t.Helper()
	pre, err := c.Preflight(context.Background(), address(t, raw))
	if err != nil {
		t.Fatalf("pre-flight: %v", err)
	}
	return pre
}

// TestCreateTokenSendsTheCredentialsOnlyInTheBody: one request, without
// any token; module, method and format in the URL, everything else in the
// POST body, secureOnly=1 always, no expiry or code unless given; the
// token that comes back verifies.
func TestCreateTokenSendsTheCredentialsOnlyInTheBody(t *testing.T) {
	srv := startFake(t, createData(), demomatomo.Options{})
	c, _ := testClient(t, matomo.Options{})
	pre := checked(t, c, srv.URL)
	srv.ResetRequests()
	got, err := c.CreateToken(context.Background(), pre, matomo.CreateRequest{
		Login: "viewer", Password: password(t, viewerPassword), Description: "Acona 2026-11-28"})
	if err != nil {
		t.Fatal(err)
	}
	if !got.Token.LooksValid() || got.Description != "Acona 2026-11-28" || got.Login != "viewer" {
		t.Fatalf("created %+v", got)
	}
	reqs := srv.Requests()
	if len(reqs) != 1 || c.Requests() != 2 {
		t.Fatalf("%d requests arrived (the client counts %d with the pre-flight), want 1", len(reqs), c.Requests())
	}
	r := reqs[0]
	q, _ := url.ParseQuery(r.RawQuery)
	form, _ := url.ParseQuery(r.Body)
	if r.Method != http.MethodPost || q.Get("module") != "API" || q.Get("method") != "UsersManager.createAppSpecificTokenAuth" || q.Get("format") != "json" {
		t.Errorf("request %s ?%s", r.Method, r.RawQuery)
	}
	for name := range q {
		if name != "module" && name != "method" && name != "format" && name != "language" {
			t.Errorf("the URL carries %s", name)
		}
	}
	want := url.Values{"userLogin": {"viewer"}, "passwordConfirmation": {viewerPassword}, "description": {"Acona 2026-11-28"}, "secureOnly": {"1"}}
	if form.Encode() != want.Encode() {
		t.Errorf("body %q, want %q", form.Encode(), want.Encode())
	}
	if strings.Contains(r.RawQuery, viewerPassword) || strings.Contains(fmt.Sprint(r.Header), viewerPassword) {
		t.Error("the password left the body")
	}
	if _, err := c.Verify(context.Background(), pre.Address, got.Token.Token); err != nil {
		t.Errorf("the created token does not verify: %v", err)
	}
	created := srv.CreatedTokens()
	if len(created) != 1 || created[0].Description != "Acona 2026-11-28" || created[0].Login != "viewer" {
		t.Errorf("Matomo holds %+v", created)
	}
}

// TestCreateTokenByEmailWithExpiry: the e-mail address for the login, an
// expiry date sent as asked.
func TestCreateTokenByEmailWithExpiry(t *testing.T) {
	srv := startFake(t, createData(), demomatomo.Options{})
	c, _ := testClient(t, matomo.Options{})
	pre := checked(t, c, srv.URL)
	got, err := c.CreateToken(context.Background(), pre, matomo.CreateRequest{
		Login: "  viewer@example.com ", Password: password(t, viewerPassword), Description: "x", ExpireDate: "2031-02-03"})
	if err != nil || got.ExpireDate != "2031-02-03" || got.Login != "viewer@example.com" {
		t.Fatalf("%+v, %v", got, err)
	}
	last := srv.Requests()[len(srv.Requests())-1]
	if form, _ := url.ParseQuery(last.Body); form.Get("expireDate") != "2031-02-03" || form.Get("userLogin") != "viewer@example.com" {
		t.Errorf("body %q", last.Body)
	}
}

// TestCreateTokenClassifiesMatomosAnswers: every answer of the method, as
// a real 5.1.2 gives it, and what each counts.
func TestCreateTokenClassifiesMatomosAnswers(t *testing.T) {
	for _, tc := range []struct {
		name    string
		opts    demomatomo.Options
		req     matomo.CreateRequest
		pw      string
		class   matomo.ErrorClass
		matomo  string
		counted int
		stored  int // tokens Matomo stored silently
		code    bool
		m3      bool
	}{
		{name: "wrong password", req: matomo.CreateRequest{Login: "viewer"}, pw: "not-the-password",
			class: matomo.ClassPasswordRejected, matomo: "The current password you entered is not correct.", counted: 1},
		{name: "unknown login", req: matomo.CreateRequest{Login: "nobody"}, pw: "whatever-2026",
			class: matomo.ClassPasswordRejected, counted: 1},
		{name: "a password that cannot be one", req: matomo.CreateRequest{Login: "viewer"}, pw: "abc",
			class: matomo.ClassCreateInput, matomo: "This password is too weak, please supply another value or reset it."},
		{name: "the password is a word of Matomo's message", req: matomo.CreateRequest{Login: "plain"}, pw: "passwort",
			class: matomo.ClassPasswordRejected, counted: 1},
		{name: "two-factor code missing", req: matomo.CreateRequest{Login: "twofa"}, pw: twofaPassword,
			class: matomo.ClassTwoFactor, matomo: "Please specify a two-factor authentication code.", stored: 1},
		{name: "two-factor code wrong", req: matomo.CreateRequest{Login: "twofa", AuthCode: "000 000"}, pw: twofaPassword,
			class: matomo.ClassTwoFactor, matomo: "Incorrect two-factor authentication code.", stored: 1, code: true},
		{name: "two-factor code missing, Matomo 5.13 counts it", opts: demomatomo.Options{Version: "5.13.0"}, req: matomo.CreateRequest{Login: "twofa"},
			pw: twofaPassword, class: matomo.ClassTwoFactor, stored: 1, counted: 1},
		{name: "two-factor required, not set up", opts: demomatomo.Options{Require2FA: true}, req: matomo.CreateRequest{Login: "viewer"},
			pw: viewerPassword, class: matomo.ClassCreateRefused, matomo: "You must set up two-factor authentication. Please log in to do so.", stored: 1},
		{name: "a Matomo that refuses the method", opts: demomatomo.Options{RefuseTokenCreation: "Creating tokens is switched off for LDAP logins."},
			req: matomo.CreateRequest{Login: "viewer"}, pw: viewerPassword, class: matomo.ClassCreateRefused, matomo: "Creating tokens is switched off for LDAP logins."},
		{name: "Matomo 3", opts: demomatomo.Options{Legacy: true, Version: "3.14.1"}, req: matomo.CreateRequest{Login: "viewer"}, pw: viewerPassword,
			class: matomo.ClassCreateRefused, m3: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := startFake(t, createData(), tc.opts)
			c, _ := testClient(t, matomo.Options{})
			pre := checked(t, c, srv.URL)
			req := tc.req
			req.Password, req.Description = password(t, tc.pw), "Acona 2026-11-28"
			before := c.Requests()
			_, err := c.CreateToken(context.Background(), pre, req)
			e := classOf(t, err)
			if e.Class != tc.class || tc.matomo != "" && e.Matomo != tc.matomo || e.CodeGiven != tc.code || e.Matomo3 != tc.m3 {
				t.Fatalf("%s (code given %v, Matomo 3 %v): %v", e.Class, e.CodeGiven, e.Matomo3, e)
			}
			if e.TokenLeft != (tc.stored > 0) {
				t.Errorf("token left %v, but Matomo stored %d", e.TokenLeft, tc.stored)
			}
			if e.Detail.String() == "" || e.Hint.String() == "" || e.Retryable() {
				t.Errorf("detail %q, hint %q, retryable %v", e.Detail, e.Hint, e.Retryable())
			}
			if n := srv.FailedLogins("127.0.0.1"); n != tc.counted {
				t.Errorf("%d failed logins, want %d", n, tc.counted)
			}
			if n := len(srv.CreatedTokens()); n != tc.stored {
				t.Errorf("Matomo stored %d tokens, want %d", n, tc.stored)
			}
			if c.Requests() != before+1 {
				t.Errorf("%d requests, want 1", c.Requests()-before)
			}
			if strings.Contains(e.Error(), tc.pw) && len(tc.pw) > 3 {
				t.Errorf("the error shows the password: %v", e)
			}
		})
	}
}

// TestCreateTokenWithTheTwoFactorCode: the code of now is taken once; a
// second round with the same code is refused, after storing one more
// token.
func TestCreateTokenWithTheTwoFactorCode(t *testing.T) {
	srv := startFake(t, createData(), demomatomo.Options{})
	c, _ := testClient(t, matomo.Options{})
	pre := checked(t, c, srv.URL)
	req := matomo.CreateRequest{Login: "twofa", Password: password(t, twofaPassword), Description: "Acona 2026-11-28",
		AuthCode: demomatomo.TOTP(twofaSecret, time.Now())}
	got, err := c.CreateToken(context.Background(), pre, req)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Verify(context.Background(), pre.Address, got.Token.Token); err != nil {
		t.Errorf("the token does not verify: %v", err)
	}
	_, err = c.CreateToken(context.Background(), pre, req)
	if e := classOf(t, err); e.Class != matomo.ClassTwoFactor || !e.CodeGiven {
		t.Fatalf("the same code again: %v", err)
	}
	if n := len(srv.CreatedTokens()); n != 2 {
		t.Errorf("Matomo stored %d tokens, want 2 (one shown, one not)", n)
	}
}

// TestCreateTokenLockOut: after more than 20 failed logins Matomo refuses
// even the right password, and says so as its lock-out.
func TestCreateTokenLockOut(t *testing.T) {
	srv := startFake(t, createData(), demomatomo.Options{})
	c, _ := testClient(t, matomo.Options{})
	pre := checked(t, c, srv.URL)
	for i := range 21 {
		_, err := c.CreateToken(context.Background(), pre, matomo.CreateRequest{Login: "viewer", Password: password(t, fmt.Sprintf("wrong-%d", i)), Description: "x"})
		if e := classOf(t, err); e.Class != matomo.ClassPasswordRejected {
			t.Fatalf("wrong password %d: %v", i+1, err)
		}
	}
	_, err := c.CreateToken(context.Background(), pre, matomo.CreateRequest{Login: "viewer", Password: password(t, viewerPassword), Description: "x"})
	if e := classOf(t, err); e.Class != matomo.ClassBlocked || !strings.Contains(e.Matomo, "Too many failed logins") {
		t.Fatalf("the right password after the lock-out: %v", err)
	}
	if len(srv.CreatedTokens()) != 0 {
		t.Error("a token was created during the lock-out")
	}
}

// TestCreateTokenTransportRules: never before the pre-flight, never over
// plain http to another computer (not even with AllowHTTP), nor through a
// proxy over plain http; nothing is sent then.
func TestCreateTokenTransportRules(t *testing.T) {
	req := matomo.CreateRequest{Login: "viewer", Password: password(t, viewerPassword), Description: "x"}
	c, dials := testClient(t, matomo.Options{AllowHTTP: true})
	_, err := c.CreateToken(context.Background(), nil, req)
	if e := classOf(t, err); e.Class != matomo.ClassNotMatomo {
		t.Errorf("without a pre-flight check: %v", err)
	}
	remote := &matomo.Preflight{Address: address(t, "http://analytics.example.org")}
	_, err = c.CreateToken(context.Background(), remote, req)
	if e := classOf(t, err); e.Class != matomo.ClassPlainHTTP || e.Suggested.String() != "https://analytics.example.org" {
		t.Errorf("plain http to another computer, --allow-http: %v", err)
	}
	if dials.get() != 0 || c.Requests() != 0 {
		t.Errorf("%d connections, %d requests, want none", dials.get(), c.Requests())
	}
	srv := startFake(t, createData(), demomatomo.Options{})
	proxy, _ := url.Parse("http://127.0.0.1:1")
	pc, _ := testClient(t, matomo.Options{AllowHTTP: true, Proxy: func(*http.Request) (*url.URL, error) { return proxy, nil }})
	_, err = pc.CreateToken(context.Background(), &matomo.Preflight{Address: address(t, srv.URL)}, req)
	if e := classOf(t, err); e.Class != matomo.ClassPlainHTTP || !strings.Contains(e.Detail.String(), "password") {
		t.Errorf("through a proxy over plain http: %v", err)
	}
	if srv.RequestCount() != 0 || pc.Requests() != 0 {
		t.Error("something was sent")
	}
}

// TestCreateTokenNeverCrossesARedirect: a 307 (which would re-send the
// body) is reported, not followed; the other server gets nothing.
func TestCreateTokenNeverCrossesARedirect(t *testing.T) {
	other := startFake(t, createData(), demomatomo.Options{})
	srv := startFake(t, createData(), demomatomo.Options{})
	c, _ := testClient(t, matomo.Options{})
	pre := checked(t, c, srv.URL)
	srv.SetFault(&demomatomo.Fault{Status: http.StatusTemporaryRedirect, Location: other.URL + "/index.php?passwordConfirmation=" + url.QueryEscape(viewerPassword)})
	_, err := c.CreateToken(context.Background(), pre, matomo.CreateRequest{Login: "viewer", Password: password(t, viewerPassword), Description: "x"})
	e := classOf(t, err)
	if e.Class != matomo.ClassRedirect || !strings.Contains(e.Hint.String(), "Your password was not sent along the redirect.") {
		t.Fatalf("%v | %s", err, e.Hint)
	}
	if other.RequestCount() != 0 {
		t.Error("the redirect was followed")
	}
	if strings.Contains(fmt.Sprint(e, e.Location, e.Hint, e.Trace), viewerPassword) {
		t.Error("the password is in the error")
	}
}

// TestCreateTokenRemovesEchoesOfThePassword: servers that quote the
// request back, in JSON, a page title cut short, and escaped: nothing of
// the password is left in what comes back, and a password that is a word
// of Matomo's messages does not hide them.
func TestCreateTokenRemovesEchoesOfThePassword(t *testing.T) {
	const pw = "Sommer+Wind&2026/long-enough"
	for _, f := range []demomatomo.Fault{
		{Status: 500, ContentType: "application/json", Body: `{"result":"error","message":"SQL error near passwordConfirmation=` + url.QueryEscape(pw) + `"}`},
		{Status: 200, ContentType: "application/json", Body: `{"result":"error","message":"blocked: ` + strings.ReplaceAll(pw, "/", `\/`) + `"}`},
		{Status: 403, Body: "<html><head><title>" + strings.Repeat("x", 70) + pw + "</title></head></html>"},
		{Status: 401, ContentType: "application/json", Body: `{"result":"error","message":"` + pw[:12] + `"}`},
		{Status: 200, ContentType: "application/json", Body: `{"value":"` + pw + `"}`},
	} {
		srv := startFake(t, createData(), demomatomo.Options{})
		c, _ := testClient(t, matomo.Options{})
		pre := checked(t, c, srv.URL)
		fault := f
		srv.SetFault(&fault)
		created, err := c.CreateToken(context.Background(), pre, matomo.CreateRequest{Login: "viewer", Password: password(t, pw), Description: "x"})
		if created != nil || err == nil {
			t.Fatalf("%.60s: created %v", f.Body, created)
		}
		all := fmt.Sprintf("%v %+v", err, *classOf(t, err))
		for i := 0; i+6 <= len(pw); i++ {
			if strings.Contains(all, pw[i:i+6]) {
				t.Errorf("%.60s: the error shows %q of the password: %s", f.Body, pw[i:i+6], all)
				break
			}
		}
	}
	srv := startFake(t, createData(), demomatomo.Options{})
	c, _ := testClient(t, matomo.Options{})
	_, err := c.CreateToken(context.Background(), checked(t, c, srv.URL), matomo.CreateRequest{Login: "plain", Password: password(t, "password-x"), Description: "x"})
	e := classOf(t, err)
	if e.Class != matomo.ClassPasswordRejected {
		t.Fatalf("a wrong password: %v", err)
	}
	_, err = c.CreateToken(context.Background(), checked(t, c, srv.URL), matomo.CreateRequest{Login: "plain", Password: password(t, "password!"), Description: "x"})
	if e := classOf(t, err); e.Class != matomo.ClassPasswordRejected {
		t.Fatalf("a wrong password: %v", err)
	}
	// The password "password" is Matomo's own word: recognised all the same,
	// and not shown where Matomo's message has it.
	pre := checked(t, c, srv.URL)
	srv.SetFault(&demomatomo.Fault{Status: 200, ContentType: "application/json", Body: `{"result":"error","message":"The current password you entered is not correct."}`})
	_, err = c.CreateToken(context.Background(), pre, matomo.CreateRequest{Login: "plain", Password: password(t, "password"), Description: "x"})
	if e := classOf(t, err); e.Class != matomo.ClassPasswordRejected || e.Matomo != "The current [hidden] you entered is not correct." {
		t.Fatalf("the password \"password\": %s, Matomo said %q", e.Class, e.Matomo)
	}
}

// TestCreateTokenRefusesAFieldThatHoldsThePassword: typed into the wrong
// field, the password would be shown and sent as something else; nothing
// is sent.
func TestCreateTokenRefusesAFieldThatHoldsThePassword(t *testing.T) {
	srv := startFake(t, createData(), demomatomo.Options{})
	c, _ := testClient(t, matomo.Options{})
	pre := checked(t, c, srv.URL)
	srv.ResetRequests()
	pw := password(t, viewerPassword)
	for _, req := range []matomo.CreateRequest{
		{Login: viewerPassword, Password: pw, Description: "x"},
		{Login: "viewer", Password: pw, Description: "Acona " + viewerPassword},
		{Login: "viewer", Password: pw, Description: strings.Repeat("x", 101)},
		{Login: "viewer", Password: pw, Description: "x", AuthCode: "12 34 56 " + viewerPassword},
		{Login: "view er", Password: pw, Description: "x"},
		{Login: "viewer", Description: "x"},
	} {
		_, err := c.CreateToken(context.Background(), pre, req)
		if e := classOf(t, err); e.Class != matomo.ClassCreateInput || strings.Contains(e.Error(), viewerPassword) {
			t.Errorf("%s: %v", req.Description, err)
		}
	}
	if srv.RequestCount() != 0 {
		t.Errorf("%d requests, want none", srv.RequestCount())
	}
}

// TestCreateTokenGoesOutOnce: a server that makes Go's client send a
// request again by itself gets the password once per call.
func TestCreateTokenGoesOutOnce(t *testing.T) {
	for _, opts := range faultCases() {
		t.Run(faultName(opts), func(t *testing.T) {
			t.Parallel()
			srv := faultserver.Start(t, demomatomo.NewHandler(createData(), demomatomo.Options{}), opts)
			c, _ := testClient(t, matomo.Options{Timeout: 3 * time.Second, CAFile: srv.CAFile})
			pre := checked(t, c, srv.URL)
			_, err := c.CreateToken(context.Background(), pre, matomo.CreateRequest{Login: "viewer", Password: password(t, viewerPassword), Description: "x"})
			if n := srv.TokenRequests(); n != 1 {
				t.Errorf("the password arrived %d times, want once", n)
			}
			if e := classOf(t, err); !e.Retryable() {
				t.Errorf("want a transport error, got %v", err)
			}
		})
	}
}

// TestPasswordShowsNothing: every way Go prints a value shows no secret,
// not even its length.
func TestPasswordShowsNothing(t *testing.T) {
	const secret = "Geheim-Passwort-2026"
	p := password(t, secret)
	type holder struct {
		P matomo.Password
		p matomo.Password
	}
	var logged strings.Builder
	slog.New(slog.NewTextHandler(&logged, nil)).Info("x", "password", p)
	j, _ := json.Marshal(holder{P: p})
	for _, s := range []string{fmt.Sprint(p), fmt.Sprintf("%v %+v %#v %s %q %x %X %d", p, p, p, p, p, p, p, p),
		fmt.Sprintf("%v %+v %#v", holder{p, p}, holder{p, p}, holder{p, p}), string(j), p.String()} {
		if strings.Contains(s, secret) || strings.Contains(s, "Passwort") {
			t.Errorf("printed: %s", s)
		}
	}
	if direct := fmt.Sprintf("%v %s %q %x %d", p, p, p, p, p); strings.Contains(direct, fmt.Sprint(len(secret))) {
		t.Errorf("printed its length: %s", direct)
	}
	if strings.Contains(logged.String(), "Passwort") || !strings.Contains(logged.String(), "password (hidden)") {
		t.Errorf("logged: %s", logged.String())
	}
	for raw, want := range map[string]error{"": matomo.ErrPasswordEmpty, "\n": matomo.ErrPasswordEmpty, "a\tb": matomo.ErrPasswordControl,
		strings.Repeat("x", matomo.MaxPasswordLength+1): matomo.ErrPasswordTooLong} {
		if _, err := matomo.ParsePassword(raw); err == nil || !strings.Contains(err.Error(), want.Error()) {
			t.Errorf("%q: %v, want %v", raw, err, want)
		}
	}
	if p, err := matomo.ParsePassword(" spaced out \r\n"); err != nil || p.Reveal() != " spaced out " {
		t.Errorf("a pasted line end only goes: %q %v", p.Reveal(), err)
	}
}

func TestIgnoresSecureOnly(t *testing.T) {
	for v, want := range map[string]bool{"5.1.2": true, "4.16.1": true, "5.2.0-b5": true, "5.3.0": false, "5.13.0": false, "": false, "3.14.1": false} {
		if got := matomo.IgnoresSecureOnly(v); got != want {
			t.Errorf("IgnoresSecureOnly(%q) = %v", v, got)
		}
	}
}

func TestNextDescription(t *testing.T) {
	for _, tc := range []struct {
		d       string
		orphans []string
		want    string
	}{
		{"Acona 2026-11-28", nil, "Acona 2026-11-28"},
		{"Acona 2026-11-28", []string{"Acona 2026-11-28"}, "Acona 2026-11-28 (2)"},
		{"Acona 2026-11-28 (2)", []string{"Acona 2026-11-28", "Acona 2026-11-28 (2)"}, "Acona 2026-11-28 (3)"},
		{strings.Repeat("x", 100), []string{strings.Repeat("x", 100)}, strings.Repeat("x", 96) + " (2)"},
	} {
		if got := matomo.NextDescription(tc.d, tc.orphans); got != tc.want {
			t.Errorf("NextDescription(%q, %q) = %q, want %q", tc.d, tc.orphans, got, tc.want)
		}
	}
}
