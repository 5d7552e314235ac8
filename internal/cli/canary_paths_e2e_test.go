//go:build linux || darwin || freebsd

package cli

// The canary through the paths issue 8 found open: a token typed key by
// key into the address (a terminal without bracketed paste), a server that
// makes Go's HTTP client re-send requests (HTTP/2 GOAWAY, RST_STREAM
// PROTOCOL_ERROR), and Matomo's lock-out in shapes other than its usual
// JSON error. The rules are canary_e2e_test.go's: the canary only in the
// token_auth field of one POST per token submitted, to the address named.

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"

	"matomo-onboard/internal/faultserver"
	"matomo-onboard/matomo/demomatomo"
)

// noCanaryPiece fails when any 12 characters of the canary in a row show
// in text: its first 28 with the fingerprint's last 4 are the whole token.
func noCanaryPiece(t *testing.T, where, text, canary string) {
	t.Helper()
	low := strings.ToLower(text)
	for i := 0; i+12 <= len(canary); i++ {
		if strings.Contains(low, strings.ToLower(canary[i:i+12])) {
			t.Errorf("the %s shows 12 characters of the canary (%q)", where, canary[i:i+12])
			return
		}
	}
}

// TestCanaryTypedAddress: the canary typed key by key into the address
// field, glued to the address or as an API link's token_auth, never shows
// and is never looked up or sent; the address it was glued to is kept and
// checked, and the token then goes in once, as itself.
func TestCanaryTypedAddress(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		typed func(url, canary string) string
	}{
		{"glued to the address", func(u, c string) string { return u + c }},
		{"glued, upper case", func(u, c string) string { return u + strings.ToUpper(c) }},
		{"an API link", func(u, c string) string {
			return u + "/index.php?module=API&method=API.getMatomoVersion&token_auth=" + c + "&format=json"
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			canary := newHexCanary(t)
			srv := startCanaryFake(t, demomatomo.Token{Value: canary, Login: "viewer"})
			w := startCanaryWizard(t, nil, "--url", srv.URL)
			w.waitFor("Create and verify your Matomo API token")
			w.press("enter")
			w.waitFor("Your Matomo address", "enter check")
			w.press("ctrl+u")
			w.press(tc.typed(srv.URL, canary)) // one write: the keys of a paste without bracketed paste
			w.waitFor("That held a token. It was removed from this field and not sent")
			w.waitUntil(func(screen string) string {
				// The address, or the link without its token_auth (typed
				// on after it: the rest of the link goes once Enter is
				// pressed).
				if !strings.Contains(screen, "│ "+srv.URL+"\n") && !strings.Contains(screen, "│ "+srv.URL+" ") &&
					!strings.Contains(screen, "│ "+srv.URL+"/index.php?module=API&method=API.getMatomoVersion&&format=json") {
					return "the field never held just the address"
				}
				return ""
			})
			w.press("enter")
			w.waitFor("step 1 of 8", "✓ address checked")
			w.press("t")
			w.waitFor("Paste the token Matomo showed you")
			w.paste(canary)
			w.waitFor(fingerprintOf(canary))
			w.press("enter")
			w.waitFor("✓ Token verified · Matomo 5.0.2")
			w.readProc()
			w.press("ctrl+c")
			w.exitCode()
			c := newCanaryCheck(canary, srv)
			c.posts = 1
			w.collect(t, c)
			c.assert(t)
			noCanaryPiece(t, "terminal output", w.rawOutput(), canary)
			for _, r := range srv.Requests() {
				if r.Method == http.MethodPost && !strings.Contains(r.Body, "token_auth") && r.Path != "/index.php" {
					t.Errorf("the address check went to %s", r.Path)
				}
			}
		})
	}
}

// TestCanaryTypedAddressLineMode: the same answers given to the line mode
// (piped, so that only the program's own output is seen: at a terminal
// the terminal itself echoes what is typed).
func TestCanaryTypedAddressLineMode(t *testing.T) {
	t.Parallel()
	canary := newHexCanary(t)
	srv := startCanaryFake(t, demomatomo.Token{Value: canary, Login: "viewer"})
	// The last Enter finishes: the one before it is held back, the token
	// being nowhere yet.
	answers := strings.Join([]string{srv.URL + canary, "", "token", canary, "", "", "", ""}, "\n") + "\n"
	code, stdout, stderr, dir := runBinary(t, nil, answers, "--accessible")
	if code != exitOK || !strings.Contains(stdout, "The address in it is kept: "+srv.URL+".") {
		t.Errorf("exit %d\n%s%s", code, stdout, stderr)
	}
	c := newCanaryCheck(canary, srv)
	c.posts = 2 // the verification and the data check of the site chosen
	c.add("stdout", stdout)
	c.add("stderr", stderr)
	c.addFiles(t, "working folder", dir)
	c.assert(t)
	noCanaryPiece(t, "output", stdout+stderr, canary)
}

// TestCanaryH2Server: verify and the wizard against a server that breaks
// every token request the way that makes Go's HTTP client send it again:
// one request per check, the one retry key sends one more.
func TestCanaryH2Server(t *testing.T) {
	t.Parallel()
	for _, fault := range []faultserver.Fault{faultserver.GoAway, faultserver.ResetProtocolError} {
		t.Run(fault.String()+", verify", func(t *testing.T) {
			t.Parallel()
			canary := newHexCanary(t)
			srv := faultserver.Start(t, demomatomo.NewHandler(withToken(demomatomo.Token{Value: canary, Login: "viewer"}), demomatomo.Options{}),
				faultserver.Options{Fault: fault})
			c := newCanaryCheck(canary, srv)
			for _, args := range [][]string{{}, {"--json", "--report", "r.txt"}} {
				code, stdout, stderr, dir := runBinary(t, nil, canary+"\n",
					append([]string{"verify", "--url", srv.URL, "--ca-file", srv.CAFile, "--timeout", "5s"}, args...)...)
				if code != exitNetwork {
					t.Errorf("verify %v: exit %d, want %d\n%s%s", args, code, exitNetwork, stdout, stderr)
				}
				c.posts++
				c.add("stdout", stdout)
				c.add("stderr", stderr)
				c.addFiles(t, "working folder", dir)
			}
			c.assert(t)
		})
		t.Run(fault.String()+", wizard", func(t *testing.T) {
			t.Parallel()
			canary := newHexCanary(t)
			srv := faultserver.Start(t, demomatomo.NewHandler(withToken(demomatomo.Token{Value: canary, Login: "viewer"}), demomatomo.Options{}),
				faultserver.Options{Fault: fault})
			w := startCanaryWizard(t, nil, "--url", srv.URL, "--ca-file", srv.CAFile, "--timeout", "5s")
			w.toTokenScreen()
			w.paste(canary)
			w.waitFor(fingerprintOf(canary))
			w.press("enter")
			w.waitFor("✗ Could not reach the server", "r retry")
			// The report first: after r the failure screen looks as before,
			// so nothing on it would tell that the retry has ended (a d
			// pressed while it runs does nothing).
			w.press("d")
			w.waitFor("✓ Diagnostics written to")
			w.press("r")
			w.waitUntil(func(string) string {
				if srv.TokenRequests() < 2 {
					return "r sent nothing"
				}
				return ""
			})
			w.readProc()
			w.press("ctrl+c")
			w.exitCode()
			c := newCanaryCheck(canary, srv)
			c.posts = 2
			w.collect(t, c)
			c.assert(t)
		})
	}
}

// TestCanaryOddLockouts: Matomo's lock-out as text/plain, as a bare 500
// page, inside the bulk answer, in German, and its lock-out of the user's
// login: verify exits 7, and in the wizard no key sends the canary again.
func TestCanaryOddLockouts(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		fault demomatomo.Fault
		title string
	}{
		{"text/plain", demomatomo.Fault{Status: 500, ContentType: "text/plain",
			Body: "Too many failed logins. Please wait and try logging in again later."}, "Matomo has locked this computer out"},
		{"a 500 page without Matomo's markup", demomatomo.Fault{Status: 500,
			Body: "<html><body><h1>Error</h1><p>Too many failed logins.</p></body></html>"}, "Matomo has locked this computer out"},
		{"inline in the bulk answer", demomatomo.Fault{Status: 200, ContentType: "application/json",
			Body: `[{"value":"5.0.2"},{"result":"error","message":"Too many failed logins. Please wait and try logging in again later."},[],[],[],[],{"value":false}]`},
			"Matomo has locked this computer out"},
		{"German", demomatomo.Fault{Status: 500, ContentType: "application/json",
			Body: `{"result":"error","message":"Aufgrund zu vieler fehlgeschlagener Anmeldungen sind Sie aktuell nicht berechtigt sich anzumelden."}`},
			"Matomo has locked this computer out"},
		// attack1 U7: an escaped letter made it a server error, and each r
		// sent the canary again.
		{"JSON with an escaped letter", demomatomo.Fault{Status: 500, ContentType: "application/json",
			Body: `{"result":"error","message":"\u0054oo many failed logins. Please wait and try logging in again later."}`},
			"Matomo has locked this computer out"},
		{"French, inside a bulk answer at 500", demomatomo.Fault{Status: 500, ContentType: "application/json",
			Body: `[{"value":"5.0.2"},{"result":"error","message":"Trop de connexions \u00e9chou\u00e9es, veuillez r\u00e9essayer ult\u00e9rieurement."},[],[],[],[],{"value":false}]`},
			"Matomo has locked this computer out"},
		{"the user's login", demomatomo.Fault{Status: 403, ContentType: "application/json",
			Body: `{"result":"error","message":"Logging in has been turned off since a suspicious amount of failed attempts were made during the last hour."}`},
			"Matomo has locked this user out"},
	} {
		t.Run(tc.name+", verify", func(t *testing.T) {
			t.Parallel()
			canary := newHexCanary(t)
			srv := startCanaryFake(t, demomatomo.Token{Value: canary, Login: "viewer"})
			fault := tc.fault
			srv.SetFault(&fault)
			code, stdout, stderr, dir := runBinary(t, nil, canary+"\n", "verify", "--url", srv.URL, "--check-get", "--report", "r.txt")
			if code != exitBlocked || !strings.Contains(stderr, "✗ "+tc.title+" [blocked]") {
				t.Errorf("exit %d, want %d\n%s%s", code, exitBlocked, stdout, stderr)
			}
			c := newCanaryCheck(canary, srv)
			c.posts = 1
			c.add("stdout", stdout)
			c.add("stderr", stderr)
			c.addFiles(t, "working folder", dir)
			c.assert(t)
		})
		t.Run(tc.name+", wizard", func(t *testing.T) {
			t.Parallel()
			canary := newHexCanary(t)
			srv := startCanaryFake(t, demomatomo.Token{Value: canary, Login: "viewer"})
			w := startCanaryWizard(t, nil, "--url", srv.URL)
			w.toTokenScreen()
			fault := tc.fault
			srv.SetFault(&fault)
			w.paste(canary)
			w.waitFor(fingerprintOf(canary))
			w.press("enter")
			w.waitFor("✗ "+tc.title, "No token is sent until the lock lifts")
			w.press("r", "enter", "e", "g")
			w.press("u")
			w.waitFor("Your Matomo address")
			srv.SetFault(nil) // the address check answers; the token must still not go
			w.press("enter")
			w.waitFor("Paste the token Matomo showed you")
			w.press("enter")
			w.waitFor("✗ Not sent: Matomo has locked")
			w.readProc()
			w.press("ctrl+c")
			w.exitCode()
			c := newCanaryCheck(canary, srv)
			c.posts = 1
			w.collect(t, c)
			c.assert(t)
		})
	}
}

// TestCanaryTypedAddressLineModeAtATerminal: at a terminal the line mode
// echoes the address answer itself, so a token typed or pasted into it
// (without bracketed paste: keys) does not show.
func TestCanaryTypedAddressLineModeAtATerminal(t *testing.T) {
	t.Parallel()
	for _, typed := range []func(url, canary string) string{
		func(u, c string) string { return u + c },
		func(u, c string) string { return u + "/index.php?module=API&token_auth=" + c + "&format=json" },
	} {
		canary := newHexCanary(t)
		srv := startCanaryFake(t, demomatomo.Token{Value: canary, Login: "viewer"})
		a := accStart(t, []string{"TERM=dumb"}, "--accessible")
		a.expect("Address: ")
		a.typeLine(typed(srv.URL, canary))
		a.expect("The address in it is kept: " + srv.URL + ".")
		a.expect("Address [" + srv.URL + "]: ")
		a.typeLine("quit")
		a.exitCode()
		noCanaryPiece(t, "terminal", a.screen(), canary)
		c := newCanaryCheck(canary, srv)
		c.add("terminal", a.screen())
		c.assert(t)
	}
}

// TestCanaryWrappedOntoTwoLinesLineMode (attack1 U3/F7): the canary pasted
// wrapped onto two lines at the address question, piped or at a terminal
// (the line break ends the answer): each half is 12 or more hex
// characters in a row, dropped, never printed or looked up. Names that
// are not this computer go to a logging proxy, which must see nothing.
func TestCanaryWrappedOntoTwoLinesLineMode(t *testing.T) {
	t.Parallel()
	canary := newHexCanary(t)
	proxy := newConnectLog(t)
	env := []string{"HTTPS_PROXY=" + proxy.url, "HTTP_PROXY=" + proxy.url, "NO_PROXY="}
	code, stdout, stderr, _ := runBinary(t, env, canary[:16]+"\n"+canary[16:]+"\nquit\n", "--accessible", "--timeout", "2s")
	if code == exitOK {
		t.Errorf("exit 0 after quit")
	}
	noCanaryPiece(t, "output", stdout+stderr, canary)
	if !strings.Contains(stdout, "That looks like part of a token (12 or more hex characters in a row), not an address.") {
		t.Errorf("the halves were not said to be dropped:\n%s", stdout)
	}
	a := accStart(t, append([]string{"TERM=dumb"}, env...), "--accessible", "--timeout", "2s")
	a.expect("Address: ")
	a.typeLine(canary[:16])
	a.expect("That looks like part of a token")
	a.expect("Address: ")
	a.typeLine(canary[16:])
	a.expect("Address: ")
	a.typeLine("quit")
	a.exitCode()
	noCanaryPiece(t, "terminal", a.screen(), canary)
	if got := proxy.lines(); len(got) != 0 {
		t.Errorf("names were looked up: %q", got)
	}
}

// connectLog is a proxy on loopback that answers every request with 502
// and records its first line: the name the client would have looked up.
type connectLog struct {
	url string
	mu  sync.Mutex
	got []string
}

func newConnectLog(t *testing.T) *connectLog {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	p := &connectLog{url: "http://" + ln.Addr().String()}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			line, _ := bufio.NewReader(c).ReadString('\n')
			p.mu.Lock()
			p.got = append(p.got, strings.TrimSpace(line))
			p.mu.Unlock()
			io.WriteString(c, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
			c.Close()
		}
	}()
	return p
}

func (p *connectLog) lines() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.got...)
}
