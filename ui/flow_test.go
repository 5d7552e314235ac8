package ui_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/charmbracelet/x/vt"

	"matomo-onboard/internal/faultserver"
	"matomo-onboard/internal/realmatomo"
	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
	"matomo-onboard/ui"
)

// flow runs the whole wizard in teatest and reads what a person would see
// through a terminal emulator, because the renderer only redraws the cells
// that change and raw output cannot be searched for whole sentences.
type flow struct {
	t      *testing.T
	tm     *teatest.TestModel
	wizard *ui.Model

	mu  sync.Mutex
	emu *vt.Emulator
	raw bytes.Buffer
	// drawn is signalled when output reached the emulator, for waitFor.
	drawn chan struct{}
}

func startFlow(t *testing.T, cfg ui.Config, width, height int) *flow {
	t.Helper()
	if cfg.Now == nil {
		cfg.Now = func() time.Time { return time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC) }
	}
	f := &flow{t: t, emu: vt.NewEmulator(width, height), wizard: ui.New(cfg), drawn: make(chan struct{}, 1)}
	// teatest's output is not a terminal, so the renderer leaves newline
	// translation to the terminal's line discipline; LNM mode does that.
	f.emu.WriteString(ansi.SetModeLineFeedNewLine)
	f.tm = teatest.NewTestModel(t, f.wizard,
		teatest.WithInitialTermSize(width, height),
		// At Bubble Tea's highest frame rate a frame is on screen sooner
		// after the message that changed it.
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii), tea.WithFPS(120)))
	go io.Copy(io.Discard, f.emu) // the emulator's answers to terminal queries
	done := make(chan struct{})
	t.Cleanup(func() { close(done) })
	go f.pump(done)
	return f
}

// pump copies the program's output into the emulator as it arrives.
func (f *flow) pump(done chan struct{}) {
	buf := make([]byte, 32<<10)
	for {
		select {
		case <-done:
			return
		default:
		}
		n, _ := f.tm.Output().Read(buf)
		if n == 0 {
			time.Sleep(2 * time.Millisecond)
			continue
		}
		f.mu.Lock()
		f.raw.Write(buf[:n])
		f.emu.Write(buf[:n])
		f.mu.Unlock()
		select {
		case f.drawn <- struct{}{}:
		default: // waitFor has yet to look at the last change
		}
	}
}

func (f *flow) screen() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.emu.String()
}

func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// waitFor waits until the screen shows every part.
func (f *flow) waitFor(parts ...string) {
	f.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := flat(f.screen())
		missing := ""
		for _, p := range parts {
			if !strings.Contains(s, flat(p)) {
				missing = p
				break
			}
		}
		if missing == "" {
			return
		}
		if !f.redrawnBefore(deadline) {
			f.t.Fatalf("the screen never showed %q:\n%s", missing, f.screen())
		}
	}
}

// redrawnBefore waits for the next output to reach the screen, and
// reports whether it came before the deadline: the screen is looked at
// again only when it changed.
func (f *flow) redrawnBefore(deadline time.Time) bool {
	timer := time.NewTimer(time.Until(deadline))
	defer timer.Stop()
	select {
	case <-f.drawn:
		return true
	case <-timer.C:
		return false
	}
}

// wantNotOnScreen fails if the screen shows any of parts now.
func (f *flow) wantNotOnScreen(parts ...string) {
	f.t.Helper()
	s := flat(f.screen())
	for _, p := range parts {
		if strings.Contains(s, flat(p)) {
			f.t.Fatalf("the screen shows %q:\n%s", p, f.screen())
		}
	}
}

func (f *flow) press(keys ...string) {
	for _, k := range keys {
		switch k {
		case "enter":
			f.tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
		case "esc":
			f.tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
		case "ctrl+c":
			f.tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
		case "ctrl+u":
			f.tm.Send(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
		case "tab":
			f.tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
		case "up":
			f.tm.Send(tea.KeyPressMsg{Code: tea.KeyUp})
		case "down":
			f.tm.Send(tea.KeyPressMsg{Code: tea.KeyDown})
		case "left":
			f.tm.Send(tea.KeyPressMsg{Code: tea.KeyLeft})
		case "right":
			f.tm.Send(tea.KeyPressMsg{Code: tea.KeyRight})
		case "backspace":
			f.tm.Send(tea.KeyPressMsg{Code: tea.KeyBackspace})
		case "pgdown":
			f.tm.Send(tea.KeyPressMsg{Code: tea.KeyPgDown})
		case "pgup":
			f.tm.Send(tea.KeyPressMsg{Code: tea.KeyPgUp})
		default:
			f.tm.Type(k)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// paste sends a bracketed paste, as a terminal does for ctrl+shift+v.
func (f *flow) paste(s string) { f.tm.Send(tea.PasteMsg{Content: s}) }

// finish waits for the program to end and checks that no secret reached
// the terminal, neither plainly nor base64-encoded (as a clipboard
// sequence would carry it).
func (f *flow) finish(secrets ...string) ui.Outcome {
	f.t.Helper()
	f.tm.FinalModel(f.t, teatest.WithFinalTimeout(10*time.Second)) // the wizard has ended
	m := f.wizard
	time.Sleep(20 * time.Millisecond)
	f.mu.Lock()
	out := f.raw.String()
	f.mu.Unlock()
	for _, s := range secrets {
		if strings.Contains(out, s) || strings.Contains(out, base64.StdEncoding.EncodeToString([]byte(s))) {
			f.t.Errorf("the token reached the terminal output")
		}
	}
	return m.Outcome()
}

func newClient(t *testing.T, opts matomo.Options) *matomo.Client {
	t.Helper()
	if opts.Timeout == 0 {
		opts.Timeout = 5 * time.Second
	}
	c, err := matomo.NewClient(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

func startFake(t *testing.T, opts demomatomo.Options) *demomatomo.Server {
	t.Helper()
	srv := demomatomo.MustStart(demomatomo.Recorded(), opts)
	t.Cleanup(srv.Close)
	return srv
}

// toToken goes from the welcome screen through the address check to the
// token screen, as someone who already has a token would.
func (f *flow) toToken() {
	f.t.Helper()
	f.waitFor("Create and verify your Matomo API token")
	f.press("enter")
	f.waitFor("Your Matomo address")
	f.press("enter")
	f.waitFor("step 1 of 8")
	f.press("t")
	f.waitFor("Paste the token Matomo showed you")
}

// tokenOnlyInPOSTBodies checks where the fake Matomo saw the token.
func tokenOnlyInPOSTBodies(t *testing.T, srv *demomatomo.Server, token string) {
	t.Helper()
	for _, r := range srv.Requests() {
		if strings.Contains(r.RawQuery, token) || r.Method != http.MethodPost && strings.Contains(r.Body, token) {
			t.Errorf("token outside a POST body: %s %s?%s", r.Method, r.Path, r.RawQuery)
		}
		for name, v := range r.Header {
			if strings.Contains(strings.Join(v, " "), token) {
				t.Errorf("token in header %s", name)
			}
		}
	}
}

func TestFlowViewerSucceeds(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL}, 100, 30)
	f.waitFor("Create and verify your Matomo API token")
	f.press("enter", "enter")
	f.waitFor("step 1 of 8", "✓ Matomo reachable (plain http) · ✓ address checked")
	f.press("t")
	f.paste(demomatomo.TokenViewer + "\n")
	f.waitFor("32 characters, ends …bff8", "looks like a Matomo token ✓")
	f.press("enter")
	f.waitFor("✓ Token verified · Matomo 5.0.2 · not a superuser", "2 sites · 0 admin · 0 write · 2 view", "Shop", "Blog")
	f.press("j", "enter")
	f.waitFor("Ready for Acona", "Site ID 2 (Blog)", "Domain blog.example", srv.URL,
		"No visit recorded yet: is the tracking code installed on https://blog.example?")
	f.press("q") // the token is nowhere yet: asked once
	f.waitFor("! The token is not saved anywhere yet, and Matomo does not show it again.")
	f.press("q")
	out := f.finish(demomatomo.TokenViewer)
	if !out.Verified || out.Canceled || out.Site == nil || out.Site.ID != 2 {
		t.Fatalf("outcome %+v", out)
	}
	if n := srv.RequestCount(); n != 4 {
		t.Errorf("%d requests, want 4 (the check and the labels without a token, one verification, one data check)", n)
	}
	tokenOnlyInPOSTBodies(t, srv, demomatomo.TokenViewer)
}

func TestFlowRejectedThenCorrected(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL}, 100, 30)
	f.toToken()
	f.paste(demomatomo.TokenUnknown)
	f.press("enter")
	f.waitFor("✗ Matomo rejected this token", `"Unable to authenticate with the provided token. It is either invalid or expired."`,
		"Rejected tokens in this session: 1.", "e/esc edit token")
	f.press("e", "ctrl+u")
	f.paste(demomatomo.TokenWriter)
	f.press("enter")
	f.waitFor("✓ Token verified", "1 admin · 1 write · 0 view")
	f.press("ctrl+c")
	out := f.finish(demomatomo.TokenUnknown, demomatomo.TokenWriter)
	if !out.Canceled {
		t.Errorf("ctrl+c did not cancel: %+v", out)
	}
	if got := srv.FailedLogins("127.0.0.1"); got != 1 {
		t.Errorf("Matomo counted %d failed logins, want 1 (no automatic retries)", got)
	}
}

func TestFlowTokenWithoutSite(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL}, 100, 30)
	f.toToken()
	f.paste(demomatomo.TokenNoAccess)
	f.press("enter")
	f.waitFor("The token works, but its user has no site", "at least view access", "r retry")
	f.press("q")
	f.finish(demomatomo.TokenNoAccess)
}

func TestFlowBlocked(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	client := newClient(t, matomo.Options{})
	addr, _ := matomo.ParseAddress(srv.URL)
	bad, _ := matomo.ParseToken(demomatomo.TokenUnknown)
	for range 21 { // a careless script ran before
		client.Verify(context.Background(), addr, bad.Token)
	}
	f := startFlow(t, ui.Config{Client: client, URL: srv.URL}, 100, 30)
	f.toToken()
	f.paste(demomatomo.TokenViewer)
	f.press("enter")
	f.waitFor("✗ Matomo has locked this computer out", "even a correct one", "No token is sent until the lock lifts")
	before := srv.RequestCount()
	// e (edit token) is not offered after the lock-out, so it does
	// nothing; the way back to the token is through the address.
	f.press("e", "u", "enter")
	f.waitFor("Paste the token Matomo showed you")
	f.press("enter")
	f.waitFor("Not sent: Matomo has locked this computer out")
	if srv.RequestCount() != before {
		t.Error("a token was sent after the lock-out")
	}
	f.press("ctrl+c")
	f.finish(demomatomo.TokenViewer)
}

// viaFake routes every request to the fake Matomo as if it were a proxy,
// so a test can name a host that is not this computer without any DNS
// lookup or traffic leaving loopback.
func viaFake(srv *demomatomo.Server) func(*http.Request) (*url.URL, error) {
	u, _ := url.Parse(srv.URL)
	return func(*http.Request) (*url.URL, error) { return u, nil }
}

func TestFlowPlainHTTPWarning(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	client := newClient(t, matomo.Options{Proxy: viaFake(srv)})
	f := startFlow(t, ui.Config{Client: client, URL: "http://analytics.example.org"}, 100, 30)
	f.waitFor("Create and verify")
	f.press("enter", "enter")
	f.waitFor("! Matomo answers here, but over plain http.", "unencrypted", "s use https")
	f.press("q")
	out := f.finish()
	if out.Verified {
		t.Fatal("verified over plain http")
	}
	for _, r := range srv.Requests() {
		if strings.Contains(r.Body, "token_auth") {
			t.Fatal("a token was sent over plain http")
		}
	}
}

func TestFlowRedirectOffersTheNewAddress(t *testing.T) {
	t.Parallel()
	moved := startFake(t, demomatomo.Options{})
	old := startFake(t, demomatomo.Options{})
	old.SetFault(&demomatomo.Fault{Status: http.StatusMovedPermanently, Location: moved.URL + "/index.php?module=API&method=API.getMatomoVersion&format=json"})
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: old.URL}, 100, 30)
	f.waitFor("Create and verify")
	f.press("enter", "enter")
	f.waitFor("✗ The address redirects elsewhere", "New address "+moved.URL, "n use new address")
	f.press("n")
	f.waitFor("step 1 of 8", "✓ Matomo reachable")
	f.press("t")
	f.paste(demomatomo.TokenViewer)
	// The person never typed the new address: the token goes there only
	// when they say so for it (attack2 A2); Enter, n and other keys send
	// nothing.
	f.press("enter")
	host := strings.TrimPrefix(moved.URL, "http://")
	f.waitFor("You did not type " + host + ": a redirect led here. Send the token there? y sends it once; n keeps it here.")
	f.press("enter", "Y", "n")
	f.waitFor("looks like a Matomo token ✓")
	f.press("enter")
	f.waitFor("You did not type " + host)
	for _, r := range moved.Requests() {
		if strings.Contains(r.Body, demomatomo.TokenViewer) {
			t.Fatal("the token went to the redirect's server before the person said so")
		}
	}
	f.press("y")
	f.waitFor("✓ Token verified")
	f.press("ctrl+c")
	f.finish(demomatomo.TokenViewer)
	for _, r := range old.Requests() {
		if strings.Contains(r.Body, demomatomo.TokenViewer) {
			t.Fatal("the token went to the old address")
		}
	}
}

func TestFlowNotMatomo(t *testing.T) {
	t.Parallel()
	nginx := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Server", "nginx")
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head><body>It works</body></html>")
	}))
	t.Cleanup(nginx.Close)
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: nginx.URL}, 100, 30)
	f.waitFor("Create and verify")
	f.press("enter", "enter")
	f.waitFor("✗ This address does not answer like Matomo", "Welcome to nginx!", "e/esc edit address")
	f.press("e")
	f.waitFor("enter check")
	f.press("ctrl+c")
	if out := f.finish(); !out.Canceled {
		t.Fatal("not canceled")
	}
}

func TestFlowCtrlCWhileVerifying(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL}, 100, 30)
	f.toToken()
	srv.SetLatency(5 * time.Second)
	f.paste(demomatomo.TokenViewer)
	f.press("enter")
	f.waitFor("Verifying the token")
	start := time.Now()
	f.press("ctrl+c")
	out := f.finish(demomatomo.TokenViewer)
	if !out.Canceled || out.Verified {
		t.Fatalf("outcome %+v", out)
	}
	if waited := time.Since(start); waited > 2*time.Second {
		t.Fatalf("ctrl+c took %s: it waited for Matomo", waited)
	}
}

func TestFlowNarrowScreenAndResize(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL}, 40, 20)
	f.toToken()
	f.paste(demomatomo.TokenSuperUser)
	f.press("enter")
	f.waitFor("✓ Token verified", "superuser", "Intranet")
	for _, line := range strings.Split(f.screen(), "\n") {
		if w := len([]rune(line)); w > 40 {
			t.Fatalf("a line is %d columns wide on a 40-column screen: %q", w, line)
		}
	}
	f.mu.Lock()
	f.emu.Resize(120, 30)
	f.mu.Unlock()
	f.tm.Send(tea.WindowSizeMsg{Width: 120, Height: 30})
	f.waitFor("URL", "https://intranet.example") // the URL column returns when there is room
	f.press("q", "q")                            // the second quits: the first only asks, the token being nowhere yet
	f.finish(demomatomo.TokenSuperUser)
}

// TestFlowDemo runs the wizard the way --demo does: the demo Matomo's data
// and its tokens offered by tab, no typing of secrets at all.
func TestFlowDemo(t *testing.T) {
	t.Parallel()
	srv := demomatomo.MustStart(demomatomo.Demo(), demomatomo.Options{})
	t.Cleanup(srv.Close)
	var demo []ui.DemoToken
	for _, tok := range srv.Data().Tokens {
		if !tok.Note.IsZero() {
			demo = append(demo, ui.DemoToken{Value: tok.Value, Note: tok.Note.String()})
		}
	}
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL, DemoTokens: demo}, 100, 30)
	f.waitFor("Demo mode: a demo Matomo runs inside this program")
	f.press("enter", "enter")
	f.waitFor("step 1 of 8")
	f.press("t")
	f.waitFor("Demo tokens", "1 a dedicated user with view access to two sites")
	f.press("tab", "tab") // the agency
	f.waitFor("▸ 2 an agency with 340 client sites")
	f.press("enter")
	f.waitFor("✓ Token verified", "340 sites · 20 admin · 64 write · 256 view")
	f.press("/")
	f.press("b", "e", "r", "g", "q", "u", "e", "l", "l")
	f.waitFor("/ bergquell", "Bergquell")
	f.press("enter", "enter")
	f.waitFor("Ready for Acona", "Bergquell")
	f.press("q")
	out := f.finish(demomatomo.DemoTokenAgency)
	if !out.Verified || out.Site == nil || !strings.Contains(out.Site.Name, "Bergquell") {
		t.Fatalf("outcome %+v", out)
	}
}

// The wizard against a server that breaks every request carrying a token
// the way that makes Go's HTTP client send it again (HTTP/2 GOAWAY, a
// stream reset with PROTOCOL_ERROR): one Enter sends the token once, the
// screen shows the transport's error and the retry key, and only r sends
// it again. The same for the URL check after a yes.
func TestFlowSendsTheTokenOncePerKeyWhateverTheServerDoes(t *testing.T) {
	t.Parallel()
	for _, fault := range []faultserver.Fault{faultserver.GoAway, faultserver.ResetProtocolError} {
		t.Run(fmt.Sprint(fault)+" token check", func(t *testing.T) {
			t.Parallel()
			srv := faultserver.Start(t, demomatomo.NewHandler(demomatomo.Recorded(), demomatomo.Options{}), faultserver.Options{Fault: fault})
			client := newClient(t, matomo.Options{CAFile: srv.CAFile, Timeout: 3 * time.Second})
			f := startFlow(t, ui.Config{Client: client, URL: srv.URL}, 100, 30)
			f.toToken()
			f.paste(demomatomo.TokenViewer)
			f.press("enter")
			f.waitFor("✗ Could not reach the server", "closed the connection before answering", "r retry")
			if n := srv.TokenRequests(); n != 1 {
				t.Errorf("one enter sent the token %d times, want once", n)
			}
			f.press("r")
			deadline := time.Now().Add(5 * time.Second)
			for srv.TokenRequests() < 2 && time.Now().Before(deadline) {
				time.Sleep(10 * time.Millisecond)
			}
			f.waitFor("✗ Could not reach the server", "r retry")
			time.Sleep(100 * time.Millisecond) // room for a send that should not happen
			if n := srv.TokenRequests(); n != 2 {
				t.Errorf("after r the token went out %d times in all, want 2", n)
			}
			f.press("ctrl+c")
			f.finish(demomatomo.TokenViewer)
		})
		t.Run(fmt.Sprint(fault)+" URL check", func(t *testing.T) {
			t.Parallel()
			srv := faultserver.Start(t, demomatomo.NewHandler(demomatomo.Recorded(), demomatomo.Options{}),
				faultserver.Options{Fault: fault, Method: http.MethodGet})
			client := newClient(t, matomo.Options{CAFile: srv.CAFile, Timeout: 3 * time.Second})
			f := startFlow(t, ui.Config{Client: client, URL: srv.URL}, 100, 30)
			f.toToken()
			f.paste(demomatomo.TokenViewer)
			f.press("enter")
			f.waitFor("✓ Token verified", "g check URL use")
			f.press("g")
			f.waitFor("choose Yes with →, then press Enter")
			f.press("right")
			f.press("enter")
			f.waitFor("closed the connection before answering")
			if n := srv.TokenRequests(); n != 2 {
				t.Errorf("the token went out %d times, want 2 (the token check and one URL check)", n)
			}
			f.press("ctrl+c")
			f.finish(demomatomo.TokenViewer)
		})
	}
}

// Matomo's lock-out in shapes other than its usual JSON error, and its
// lock-out of the user's login: the wizard offers no retry, and no key
// sends the token again.
func TestFlowStopsOnEveryShapeOfTheLockOut(t *testing.T) {
	t.Parallel()
	for _, lo := range []struct{ name, contentType, body, title string }{
		{"text/plain", "text/plain", "Too many failed logins. Please wait and try logging in again later.", "Matomo has locked this computer out"},
		{"inline in the bulk answer", "application/json", `[{"value":"5.0.2"},{"value":false},{"result":"error","message":"Too many failed logins. Please wait and try logging in again later."},[],[],[],{"value":false}]`,
			"Matomo has locked this computer out"},
		{"German page", "text/html", "<html><body><p>Aufgrund zu vieler fehlgeschlagener Anmeldungen sind Sie aktuell nicht berechtigt sich anzumelden. Bitte versuchen Sie es sp&auml;ter noch einmal.</p></body></html>",
			"Matomo has locked this computer out"},
		{"the user's login", "application/json", `{"result":"error","message":"Logging in has been turned off since a suspicious amount of failed attempts were made during the last hour."}`,
			"Matomo has locked this user out"},
	} {
		t.Run(lo.name, func(t *testing.T) {
			t.Parallel()
			var tokenRequests atomic.Int32
			fake := demomatomo.NewHandler(demomatomo.Recorded(), demomatomo.Options{})
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				body, _ := io.ReadAll(r.Body)
				if !strings.Contains(string(body)+r.URL.RawQuery, "token_auth") {
					r.Body = io.NopCloser(bytes.NewReader(body))
					fake.ServeHTTP(w, r)
					return
				}
				tokenRequests.Add(1)
				w.Header().Set("Content-Type", lo.contentType)
				w.WriteHeader(http.StatusInternalServerError)
				io.WriteString(w, lo.body)
			}))
			t.Cleanup(srv.Close)
			f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL}, 100, 30)
			f.toToken()
			f.paste(demomatomo.TokenViewer)
			f.press("enter")
			f.waitFor("✗ "+lo.title, "No token is sent until the lock lifts")
			if strings.Contains(flat(f.screen()), "r retry") {
				t.Errorf("retry is offered after the lock-out:\n%s", f.screen())
			}
			f.press("r", "r", "enter", "e", "g")
			// Back to the token by way of the address, as someone who thinks
			// the address was wrong would.
			f.press("u")
			f.waitFor("Your Matomo address")
			f.press("enter")
			f.waitFor("Paste the token Matomo showed you")
			f.press("enter", "enter")
			f.waitFor("✗ Not sent: Matomo has locked")
			time.Sleep(50 * time.Millisecond)
			if n := tokenRequests.Load(); n != 1 {
				t.Errorf("%d token requests, want 1", n)
			}
			f.press("ctrl+c")
			f.finish(demomatomo.TokenViewer)
		})
	}
}

// TestFlowGuideInTheLabelsOfTheUsersMatomo: a German Matomo's screens are
// named as it shows them, with the English in brackets; the first step
// asks the version (the fake does not tell it) and switches the steps.
func TestFlowGuideInTheLabelsOfTheUsersMatomo(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{Version: "5.1.2"})
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL, LabelLang: "de"}, 100, 30)
	f.press("enter", "enter")
	f.waitFor("step 1 of 8", "Which Matomo version is it?", "Matomo's labels: Deutsch (German), as your Matomo shows them")
	f.press("enter", "enter")
	f.waitFor("step 3 of 8", "Open Persönlich (Personal) → Sicherheit (Security)", `under "Persönlich" (Personal), choose "Sicherheit" (Security)`)
	f.press("enter")
	f.waitFor(`Click "Neuen Token generieren" (Create new token)`)
	// Back to the first step: Matomo 4 has no secure-only box.
	f.press("esc", "esc", "esc", "4")
	f.waitFor("step 1 of 7", "Matomo 4, as you said")
	f.press("ctrl+c")
	f.finish()
	if n := srv.RequestCount(); n != 2 {
		t.Errorf("%d requests, want 2 (the check and the labels, both without a token)", n)
	}
	for _, r := range srv.Requests() {
		if strings.Contains(r.Body, "token_auth") || strings.Contains(r.RawQuery, "token_auth") {
			t.Errorf("a request carried token_auth: %s?%s", r.Path, r.RawQuery)
		}
	}
}

// TestFlowGuideLanguagePicker: l on the first step lists the Matomo's
// languages; choosing one asks that Matomo once for its labels in it.
func TestFlowGuideLanguagePicker(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL}, 40, 30)
	f.press("enter", "enter")
	f.waitFor("step 1 of 8", "l language of Matomo")
	f.press("pgdown")
	f.waitFor("Matomo's labels: English. l: another language.")
	f.press("l")
	f.waitFor("Language of your Matomo's screens", "› en")
	before := srv.RequestCount()
	f.press("up", "up", "enter") // en → el → de
	f.press("pgup")              // back where the labels are said (the offer to create the token comes after them)
	f.waitFor("Matomo's labels: Deutsch (German), as your Matomo shows them")
	if srv.RequestCount() != before+1 {
		t.Errorf("%d requests for the German labels, want 1", srv.RequestCount()-before)
	}
	f.press("enter", "enter")
	f.waitFor("Open Persönlich (Personal) → Sicherheit (Security)")
	f.press("ctrl+c")
	f.finish()
}

// TestFlowGuideFallsBackWhenMatomoRefusesTheLabels: a Matomo without
// LanguagesManager: the built-in German in brackets after the English, and
// nothing alarming.
func TestFlowGuideFallsBackWhenMatomoRefusesTheLabels(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{NoLanguagesManager: true})
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL, LabelLang: "de"}, 100, 30)
	f.press("enter", "enter")
	f.waitFor("step 1 of 8", "Matomo's labels: Deutsch (German) of Matomo 5.1, after the English.")
	f.press("enter", "enter")
	f.waitFor("Open Personal (Persönlich) → Security (Sicherheit)")
	if s := f.screen(); strings.Contains(s, "✗") || strings.Contains(s, "!") {
		t.Errorf("the fallback looks like a failure:\n%s", s)
	}
	f.press("ctrl+c")
	f.finish()
}

// TestRealFlowGuideInGerman is the check of the wizard against
// the real Matomo 5.1.2: its German labels on the guide's steps.
func TestRealFlowGuideInGerman(t *testing.T) {
	t.Parallel()
	in := realmatomo.Use(t)
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: in.URL, LabelLang: "de"}, 100, 30)
	f.press("enter", "enter")
	f.waitFor("step 1 of 8", "Matomo's labels: Deutsch (German), as your Matomo shows them")
	f.press("enter", "enter")
	f.waitFor("Open Persönlich (Personal) → Sicherheit (Security)")
	f.press("enter")
	f.waitFor(`Click "Neuen Token generieren" (Create new token)`)
	f.press("ctrl+c")
	f.finish()
}
