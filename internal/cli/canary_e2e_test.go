//go:build linux || darwin || freebsd

package cli

// A canary token through every path the product has: a fresh random
// token, registered in a fake Matomo on loopback (or left unknown for the
// failure paths), goes through the built binary, and everything is
// captured: every request each fake Matomo received, stdout, stderr, the
// emulated screen and the raw terminal output, every file left in the
// working and home folders, the program's arguments, and the arguments
// and environment of the browser opener and the clipboard tool it starts.
// The canary may appear only
//   - as the token_auth field of POST bodies sent to the address the
//     person named, exactly once per token they submitted,
//   - in the query of the one GET request they consented to (the URL
//     check), to that same address,
//   - and in the ways out the person asks for (README, "How the token is
//     kept secret"; reveal_test.go lists the code): the clipboard
//     sequence (OSC 52) written after they pressed c on the done screen,
//     the standard input (only) of the system clipboard's tool after s,
//     and the new file they named after w, readable by them only.

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// canaryCheck is what one run may and may not have done with the canary.
type canaryCheck struct {
	canary string
	// named is the Matomo the person named (nil when it runs inside the
	// program, as in demo mode); others are servers they did not name.
	named  requestLog
	others []*demomatomo.Server
	// posts is how many requests with the token the person caused: each
	// token submitted, and the data check after a site was chosen; exactly
	// that many POSTs carry the canary. gets is how many URL checks they
	// consented to.
	posts, gets int
	// texts is everything captured, by where it was found.
	texts map[string]string
}

// requestLog is a server that records what it received: the fake
// Matomo, or the fault server that breaks token requests.
type requestLog interface {
	Requests() []demomatomo.Request
}

func newCanaryCheck(canary string, named requestLog, others ...*demomatomo.Server) *canaryCheck {
	return &canaryCheck{canary: canary, named: named, others: others, texts: map[string]string{}}
}

func (c *canaryCheck) add(where, text string) { c.texts[where] += text }

// addFiles captures every file under dir, except the ones asked for.
func (c *canaryCheck) addFiles(t *testing.T, label, dir string, except ...string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		for _, e := range except {
			if e != "" && path == e {
				return nil
			}
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		c.add(label+" file "+rel, string(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// tokenField splits a form or query into its token_auth value and the
// rest, re-encoded.
func tokenField(encoded string) (token, rest string) {
	v, err := url.ParseQuery(encoded)
	if err != nil {
		return "", encoded
	}
	token = v.Get("token_auth")
	v.Del("token_auth")
	return token, v.Encode()
}

func (c *canaryCheck) assert(t *testing.T) {
	t.Helper()
	for where, text := range c.texts {
		if f := leakIn(text, c.canary); f != "" {
			t.Errorf("the canary is in the %s (as %q)", where, f)
		}
	}
	if c.named != nil {
		posts, gets := 0, 0
		for i, r := range c.named.Requests() {
			what := r.Method + " " + r.Path + " (request " + itoa(i+1) + ")"
			bodyTok, bodyRest := tokenField(r.Body)
			queryTok, queryRest := tokenField(r.RawQuery)
			switch {
			case bodyTok == c.canary && r.Method == http.MethodPost && queryTok == "":
				posts++
			case queryTok == c.canary && r.Method == http.MethodGet && bodyTok == "":
				gets++
			case bodyTok != "":
				t.Errorf("%s: a token_auth field in the body that is not the canary as typed, or not in a POST", what)
			case queryTok != "":
				t.Errorf("%s: a token_auth parameter in the URL that is not the consented GET check", what)
			}
			for place, s := range map[string]string{"path": r.Path, "query (besides token_auth)": queryRest, "body (besides token_auth)": bodyRest} {
				if f := leakIn(s, c.canary); f != "" {
					t.Errorf("%s: the canary is in the %s (as %q)", what, place, f)
				}
			}
			for name, vals := range r.Header {
				if f := leakIn(strings.Join(vals, "\n"), c.canary); f != "" {
					t.Errorf("%s: the canary is in the header %s (as %q)", what, name, f)
				}
			}
		}
		if posts != c.posts {
			t.Errorf("%d POST requests carried the canary, want %d (one per token submitted, one per data check)", posts, c.posts)
		}
		if gets != c.gets {
			t.Errorf("%d GET requests carried the canary in the URL, want %d (the consented URL checks)", gets, c.gets)
		}
	}
	for _, o := range c.others {
		if n := len(o.Requests()); n != 0 {
			t.Errorf("a server the person did not name received %d request(s)", n)
		}
		for _, r := range o.Requests() {
			if f := leakIn(r.Path+r.RawQuery+r.Body+headerText(r.Header), c.canary); f != "" {
				t.Errorf("the canary reached a server the person did not name: %s %s", r.Method, r.Path)
			}
		}
	}
	if t.Failed() {
		for where, text := range c.texts {
			if len(text) > 3000 {
				text = text[len(text)-3000:]
			}
			t.Logf("--- %s:\n%s", where, text)
		}
	}
}

func headerText(h http.Header) string {
	var b strings.Builder
	for k, v := range h {
		b.WriteString(k + ": " + strings.Join(v, ", ") + "\n")
	}
	return b.String()
}

// withToken is the recorded Matomo plus the canary as tok (nothing when
// tok.Value is empty: an unknown token).
func withToken(tok demomatomo.Token) demomatomo.Data {
	d := demomatomo.Recorded()
	if tok.Value != "" {
		d.Tokens = append(d.Tokens, tok)
	}
	return d
}

// redirectFault answers with a 307 to another server, whose URL quotes the
// token: following it would re-send the token (307 keeps the body), and
// showing it would leak it.
func redirectFault(other *demomatomo.Server, canary string) *demomatomo.Fault {
	return &demomatomo.Fault{Status: http.StatusTemporaryRedirect,
		Location: other.URL + "/index.php?module=API&method=API.getBulkRequest&format=json&token_auth=" + url.QueryEscape(canary)}
}

func startCanaryFake(t *testing.T, tok demomatomo.Token) *demomatomo.Server {
	t.Helper()
	srv := demomatomo.MustStart(withToken(tok), demomatomo.Options{})
	t.Cleanup(srv.Close)
	return srv
}

// --- The wizard ---

// canaryWizard is the wizard in a pseudo-terminal with a desktop whose
// browser opener is a script that records how it was started.
type canaryWizard struct {
	*ptyTerm
	// dir is its working folder; home, tmp its HOME and TMPDIR; opener
	// where the fake xdg-open writes what it was given.
	dir, home, tmp, opener string
	// copyAt is where the raw output stood when c was pressed on the done
	// screen; -1 if it never was.
	copyAt int
	// cmdline and environ are the program's own, read while it ran.
	cmdline, environ string
	// savedFile is the file the token was saved to on request (w), which
	// the search for the canary leaves out; it is checked on its own.
	savedFile string
}

func startCanaryWizard(t *testing.T, env []string, args ...string) *canaryWizard {
	t.Helper()
	w := &canaryWizard{dir: t.TempDir(), home: t.TempDir(), tmp: t.TempDir(), opener: t.TempDir(), copyAt: -1}
	bin := filepath.Join(w.opener, "bin")
	if err := os.Mkdir(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	script := "#!/bin/sh\n" +
		"printf '%s\\n' \"$@\" > '" + w.opener + "/argv.tmp' && mv '" + w.opener + "/argv.tmp' '" + w.opener + "/argv'\n" +
		"/usr/bin/env > '" + w.opener + "/env.tmp' && mv '" + w.opener + "/env.tmp' '" + w.opener + "/env'\n"
	if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	// The system clipboard's tool (X11: DISPLAY is set), recording its
	// arguments, environment and standard input.
	clip := "#!/bin/sh\n" +
		"printf '%s\\n' \"$@\" > '" + w.opener + "/xclip.argv'\n" +
		"/usr/bin/env > '" + w.opener + "/xclip.env'\n" +
		"cat > '" + w.opener + "/xclip.stdin.tmp' && mv '" + w.opener + "/xclip.stdin.tmp' '" + w.opener + "/xclip.stdin'\n"
	if err := os.WriteFile(filepath.Join(bin, "xclip"), []byte(clip), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(builtBinary(t), args...)
	cmd.Env = append([]string{"HOME=" + w.home, "TMPDIR=" + w.tmp, "LANG=C.UTF-8", "PATH=" + bin + ":/usr/bin:/bin",
		"TERM=xterm-256color", "DISPLAY=:99"}, env...)
	cmd.Dir = w.dir
	w.ptyTerm = startPty(t, cmd, 100, 30)
	return w
}

// readProc reads the program's arguments and environment as other users'
// tools (ps) see them, where the system offers /proc.
func (w *canaryWizard) readProc() {
	pid := itoa(w.cmd.Process.Pid)
	if b, err := os.ReadFile("/proc/" + pid + "/cmdline"); err == nil {
		w.cmdline = strings.ReplaceAll(string(b), "\x00", " ")
	}
	if b, err := os.ReadFile("/proc/" + pid + "/environ"); err == nil {
		w.environ = strings.ReplaceAll(string(b), "\x00", "\n")
	}
}

// sendToken presses Enter on the token screen, and y where the wizard
// asks first because the token does not have Matomo's form.
func (w *canaryWizard) sendToken(canary string) {
	w.t.Helper()
	w.press("enter")
	if _, err := hex.DecodeString(canary); err != nil || len(canary) != 32 {
		w.waitFor("Send it anyway?")
		w.press("y")
	}
}

// copyToken presses c on the done screen.
func (w *canaryWizard) copyToken() {
	w.t.Helper()
	w.copyAt = w.rawLen()
	w.press("c")
	w.waitFor("Sent the token to the terminal's clipboard. Some terminals ignore that (tmux does by default)")
}

// takeToken presses s and w on the done screen: the token into the system
// clipboard's tool and into a new file in the working folder. It returns
// what the tool was given (arguments, environment, standard input) and
// the file's path.
func (w *canaryWizard) takeToken(t *testing.T) (argv, env, stdin, file string) {
	t.Helper()
	w.press("s")
	w.waitFor("✓ xclip put the token into the system clipboard.")
	for _, name := range []string{"argv", "env", "stdin"} {
		b, err := os.ReadFile(filepath.Join(w.opener, "xclip."+name))
		if err != nil {
			t.Fatalf("the clipboard tool left no record of its %s: %v", name, err)
		}
		switch name {
		case "argv":
			argv = string(b)
		case "env":
			env = string(b)
		default:
			stdin = string(b)
		}
	}
	w.press("w")
	w.waitFor("Save the token to a file", "matomo-token.txt", "enter save")
	w.press("enter")
	file = filepath.Join(w.dir, "matomo-token.txt")
	// The path wraps where it has a hyphen: its end is enough here.
	w.waitFor("✓ Saved the token to this file (only you can read it;", "matomo-token.txt")
	return argv, env, stdin, file
}

// openLink goes from the done screen back to the guide and opens its link
// in the browser: the token is in the wizard's memory by then.
func (w *canaryWizard) openLink() {
	w.t.Helper()
	w.press("esc")
	w.waitFor("enter use this site")
	w.press("u")
	w.waitFor("Your Matomo address", "enter check")
	w.press("enter") // the same address: back to the kept token
	w.waitFor("Paste the token Matomo showed you")
	w.press("esc") // to the guide, which clears the token
	w.waitFor("step 1 of 8", "o open in browser")
	w.press("o")
	w.waitFor("✓ Handed the link to your browser.")
}

// collect adds everything the run left to c. Clipboard writes are checked
// here: only after c was pressed, and then exactly the token, once; that
// sequence is then left out of what is searched for the canary.
func (w *canaryWizard) collect(t *testing.T, c *canaryCheck) {
	t.Helper()
	raw := w.rawOutput()
	writes := clipboardWrites(raw)
	var kept strings.Builder
	from := 0
	for _, cw := range writes {
		switch {
		case w.copyAt < 0 || cw.start < w.copyAt:
			t.Errorf("a clipboard write (OSC 52) before c was pressed on the done screen, holding %d characters", len(cw.text))
		case cw.text != c.canary:
			t.Errorf("c on the done screen copied something else than the token (%d characters)", len(cw.text))
		default:
			kept.WriteString(raw[from:cw.start])
			from = cw.end
		}
	}
	kept.WriteString(raw[from:])
	if w.copyAt >= 0 && len(writes) != 1 {
		t.Errorf("%d clipboard writes after c, want exactly 1", len(writes))
	}
	c.add("terminal output (clipboard copy on request left out)", kept.String())
	c.add("screen", w.screen())
	c.add("wizard's arguments", w.cmdline)
	c.addFiles(t, "working folder", w.dir, w.savedFile)
	c.addFiles(t, "home folder", w.home)
	c.addFiles(t, "temporary folder", w.tmp)
}

// openerRecord waits for the fake xdg-open's record of its arguments and
// environment.
func (w *canaryWizard) openerRecord(t *testing.T) (argv, env string) {
	t.Helper()
	deadline := time.Now().Add(e2eWait)
	for {
		a, errA := os.ReadFile(filepath.Join(w.opener, "argv"))
		e, errE := os.ReadFile(filepath.Join(w.opener, "env"))
		if errA == nil && errE == nil {
			return string(a), string(e)
		}
		if time.Now().After(deadline) {
			t.Fatal("the browser opener was not started (no record of it)")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// reportFiles lists the diagnostics reports in the working folder and
// checks that only their owner can read them.
func (w *canaryWizard) reportFiles(t *testing.T) []string {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(w.dir, "matomo-onboard-report-*.txt"))
	for _, p := range paths {
		if m := reportFileMode(t, p); m != 0o600 {
			t.Errorf("%s has mode %v, want -rw-------", filepath.Base(p), m)
		}
	}
	return paths
}

func fingerprintOf(canary string) string {
	return itoa(len([]rune(canary))) + " characters, ends …" + canary[len(canary)-4:]
}

// TestCanaryWizardSuccess: a verified canary, the URL check consented to,
// a diagnostics report, the copy key, and a link opened in the browser
// after the token was entered; with a token of Matomo's shape, one of
// another shape, and with the token also in the environment (which the
// browser opener must not inherit).
func TestCanaryWizardSuccess(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		canary func(*testing.T) string
		env    bool
	}{
		{"hex token", newHexCanary, false},
		{"odd token (user:app-password shape)", newOddCanary, false},
		{"hex token, also in MATOMO_TOKEN_AUTH", newHexCanary, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			canary := tc.canary(t)
			srv := startCanaryFake(t, demomatomo.Token{Value: canary, Login: "viewer"})
			var env []string
			if tc.env {
				env = append(env, tokenEnv+"="+canary)
			}
			w := startCanaryWizard(t, env, "--url", srv.URL)
			w.toTokenScreen()
			w.paste(canary + "\n")
			w.waitFor(fingerprintOf(canary))
			w.sendToken(canary)
			w.waitFor("✓ Token verified · Matomo 5.0.2", "2 sites · 0 admin · 0 write · 2 view", "g check URL use")
			w.press("g")
			w.waitFor("To run it once, choose Yes with →, then press Enter; n skips.")
			w.press("right")
			w.press("enter")
			w.waitFor("✓ URL use: tools that put the token in URLs will work too.")
			w.press("d")
			w.waitFor("✓ Diagnostics written to")
			time.Sleep(chooseAfter) // Enter chooses a site once the list has been shown this long
			w.press("enter")
			w.waitFor("✓ Ready for Acona", "your token ("+fingerprintOf(canary)+"), not shown",
				"No visit recorded yet: is the tracking code installed on https://shop.example?")
			w.readProc()
			w.copyToken()
			clipArgv, clipEnv, clipStdin, file := w.takeToken(t)
			w.savedFile = file
			w.openLink()
			// The record is read before quitting: the wizard leads its own
			// session here, and its end would hang up a script still running.
			argv, openerEnv := w.openerRecord(t)
			w.press("q")
			if code := w.exitCode(); code != exitOK {
				t.Errorf("exit code %d, want 0", code)
			}
			w.waitFor("✓ Token verified with " + srv.URL)

			c := newCanaryCheck(canary, srv)
			c.posts, c.gets = 2, 1 // the verification and the data check
			w.collect(t, c)
			if reports := w.reportFiles(t); len(reports) != 1 {
				t.Errorf("%d reports in the working folder after d, want 1", len(reports))
			} else if b, _ := os.ReadFile(reports[0]); !strings.Contains(string(b), "ends …"+canary[len(canary)-4:]) {
				t.Errorf("the report does not name the token by its fingerprint:\n%s", b)
			}
			if argv != srv.URL+"/\n" {
				t.Errorf("the browser opener got the arguments %q, want only the link %q", argv, srv.URL+"/")
			}
			for _, line := range strings.Split(openerEnv, "\n") {
				if strings.HasPrefix(line, tokenEnv+"=") {
					t.Errorf("the browser opener inherited %s", tokenEnv)
				}
			}
			c.add("browser opener's arguments", argv)
			c.add("browser opener's environment", openerEnv)
			// The system clipboard's tool: the token on its standard input,
			// exactly, and nowhere else it can be seen.
			if clipStdin != canary {
				t.Errorf("the clipboard tool's standard input holds %d characters, want exactly the token", len(clipStdin))
			}
			if clipArgv != "-selection\nclipboard\n" {
				t.Errorf("the clipboard tool got the arguments %q", clipArgv)
			}
			if strings.Contains(clipEnv, tokenEnv+"=") {
				t.Errorf("the clipboard tool inherited %s", tokenEnv)
			}
			c.add("clipboard tool's arguments", clipArgv)
			c.add("clipboard tool's environment", clipEnv)
			// The file asked for: the token and a line end, readable by its
			// owner only.
			if b, err := os.ReadFile(file); err != nil || string(b) != canary+"\n" {
				t.Errorf("the saved file holds %d bytes (%v), want the token and a line end", len(b), err)
			}
			if m := reportFileMode(t, file); m != 0o600 {
				t.Errorf("the saved file has mode %v, want -rw-------", m)
			}
			if tc.env && runtime.GOOS == "linux" && !strings.Contains(w.environ, tokenEnv+"="+canary) {
				t.Errorf("the wizard did not have %s in its environment, so this run proves nothing about inheriting it", tokenEnv)
			}
			if w.cmdline == "" && runtime.GOOS == "linux" {
				t.Error("could not read the wizard's arguments from /proc")
			}
			c.assert(t)
		})
	}
}

// TestCanaryWizardFailures: each way a check can fail, with the canary
// submitted once; servers that quote the token back (a firewall page, a
// database error) must not make the wizard show it, and a redirect must
// not carry it to another server.
func TestCanaryWizardFailures(t *testing.T) {
	t.Parallel()
	other := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{})
	t.Cleanup(other.Close)
	for _, tc := range []struct {
		name string
		// token is how the fake knows the canary (Value is filled in);
		// unknown leaves it out.
		token   demomatomo.Token
		unknown bool
		// odd uses a token of another shape than Matomo's.
		odd bool
		// fault, if any, is how the fake answers the verification.
		fault func(canary string) *demomatomo.Fault
		want  []string
		// after runs on the failure screen, after d.
		after func(w *canaryWizard)
	}{
		{name: "rejected", unknown: true,
			want: []string{matomo.ClassTokenRejected.Title().String(), "Unable to authenticate", "Rejected tokens in this session: 1."}},
		{name: "no site", token: demomatomo.Token{Login: "noaccess"},
			want: []string{matomo.ClassNoAccess.Title().String(), "r retry"}},
		{name: "blocked", token: demomatomo.Token{Lockout: true},
			want: []string{matomo.ClassBlocked.Title().String(), "No token is sent until the lock lifts"},
			after: func(w *canaryWizard) {
				// e (edit token) is not offered after the lock-out; the way
				// back to the token is through the address.
				w.press("u")
				w.waitFor("Your Matomo address")
				w.press("enter")
				w.waitFor("Paste the token Matomo showed you")
				w.press("enter")
				w.waitFor("✗ Not sent: Matomo has locked this computer out")
			}},
		{name: "server error quoting the token", token: demomatomo.Token{Login: "viewer"},
			fault: func(canary string) *demomatomo.Fault {
				return &demomatomo.Fault{Status: http.StatusInternalServerError, ContentType: "application/json",
					Body: `{"result":"error","message":"SQLSTATE[HY000]: error in query near token_auth=` + canary + `"}`}
			},
			want: []string{matomo.ClassServerError.Title().String(), "SQLSTATE[HY000]: error in query near token_auth=[token removed]"}},
		{name: "odd token, server error quoting the request body", odd: true, token: demomatomo.Token{Login: "viewer"},
			fault: func(canary string) *demomatomo.Fault {
				return &demomatomo.Fault{Status: http.StatusInternalServerError, ContentType: "application/json",
					Body: `{"result":"error","message":"Request blocked by the firewall: token_auth=` + url.QueryEscape(canary) + `&urls[0]=…"}`}
			},
			want: []string{matomo.ClassServerError.Title().String(), "Request blocked by the firewall: token_auth=[token removed]&urls[0]=…"}},
		{name: "not Matomo, quoting the token", token: demomatomo.Token{Login: "viewer"},
			fault: func(canary string) *demomatomo.Fault {
				return &demomatomo.Fault{Status: http.StatusOK,
					Body: "<!DOCTYPE html><html><head><title>Blocked request " + canary + "</title></head><body>Your request (token_auth=" + canary + ") was blocked.</body></html>"}
			},
			want: []string{matomo.ClassNotMatomo.Title().String(), `titled "Blocked request [token removed]"`}},
		{name: "redirect (307) to another server, token in the new URL", token: demomatomo.Token{Login: "viewer"},
			fault: func(canary string) *demomatomo.Fault { return redirectFault(other, canary) },
			want:  []string{matomo.ClassRedirect.Title().String(), "redirects to another server: " + other.URL + "/index.php.", "The token was not sent along the redirect."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			canary := newHexCanary(t)
			if tc.odd {
				canary = newOddCanary(t)
			}
			tok := tc.token
			if !tc.unknown {
				tok.Value = canary
			}
			srv := startCanaryFake(t, tok)
			w := startCanaryWizard(t, nil, "--url", srv.URL)
			w.toTokenScreen()
			if tc.fault != nil {
				srv.SetFault(tc.fault(canary))
			}
			w.paste(canary)
			w.waitFor(fingerprintOf(canary))
			w.sendToken(canary)
			w.waitFor(append([]string{"result"}, tc.want...)...)
			w.press("d")
			w.waitFor("✓ Diagnostics written to")
			if tc.after != nil {
				tc.after(w)
			}
			w.readProc()
			w.press("ctrl+c")
			if code := w.exitCode(); code != exitCanceled {
				t.Errorf("exit code %d, want %d", code, exitCanceled)
			}
			w.waitFor("Canceled, nothing was saved.")
			c := newCanaryCheck(canary, srv, other)
			c.posts = 1
			w.collect(t, c)
			if reports := w.reportFiles(t); len(reports) != 1 {
				t.Errorf("%d reports in the working folder after d, want 1", len(reports))
			}
			c.assert(t)
		})
	}
}

// TestCanaryWizardDemo: the canary is not a demo token; the demo Matomo
// runs inside the program, so only what the program shows and writes can
// be checked.
func TestCanaryWizardDemo(t *testing.T) {
	t.Parallel()
	canary := newHexCanary(t)
	w := startCanaryWizard(t, nil, "--demo", "--latency", "0")
	w.waitFor("Demo mode")
	w.toTokenScreen()
	w.waitFor("Demo tokens")
	w.paste(canary)
	w.waitFor(fingerprintOf(canary))
	w.press("enter")
	w.waitFor(matomo.ClassTokenRejected.Title().String())
	w.press("d")
	w.waitFor("✓ Diagnostics written to")
	w.press("q")
	if code := w.exitCode(); code != exitCanceled {
		t.Errorf("exit code %d, want %d", code, exitCanceled)
	}
	c := newCanaryCheck(canary, nil)
	w.collect(t, c)
	c.assert(t)
}

// TestCanaryAccessibleMode: the line-by-line mode reads the token without
// echo; the transcript must not hold it.
func TestCanaryAccessibleMode(t *testing.T) {
	t.Parallel()
	canary := newHexCanary(t)
	srv := startCanaryFake(t, demomatomo.Token{Value: canary, Login: "writer"})
	w := startCanaryWizard(t, nil, "--accessible", "--url", srv.URL)
	w.waitFor("Address [" + srv.URL)
	w.press("enter")
	w.waitFor("Step 1 of 8", "Choice [1 next]:")
	w.press("token", "enter")
	w.waitFor("Token (hidden):")
	w.write(canary + "\r")
	w.waitFor("Token received: "+fingerprintOf(canary), "Choice [1 check]:")
	w.press("enter")
	w.waitFor("The token works: Matomo 5.0.2", "Site ID [1]:")
	w.press("enter")
	w.waitFor("Choice [1 finish]:", "2 copy (put the token into the system clipboard, with xclip)")
	// The ways out: the system clipboard's tool, then a new file.
	w.press("copy", "enter")
	w.waitFor("xclip put the token into the system clipboard.")
	w.press("save", "enter")
	w.waitFor("File name [matomo-token.txt]:")
	w.press("enter")
	w.savedFile = filepath.Join(w.dir, "matomo-token.txt")
	w.waitFor("Saved the token to", "Choice [1 finish]:") // lines wrap at 100 columns anywhere
	w.press("enter")
	w.waitFor("Finished. The token is saved in")
	if code := w.exitCode(); code != exitOK {
		t.Errorf("exit code %d, want 0", code)
	}
	stdin, _ := os.ReadFile(filepath.Join(w.opener, "xclip.stdin"))
	argv, _ := os.ReadFile(filepath.Join(w.opener, "xclip.argv"))
	env, _ := os.ReadFile(filepath.Join(w.opener, "xclip.env"))
	if string(stdin) != canary || strings.Contains(string(env), tokenEnv+"=") {
		t.Errorf("the clipboard tool's standard input holds %d characters (want the token), or it inherited %s", len(stdin), tokenEnv)
	}
	if b, err := os.ReadFile(w.savedFile); err != nil || string(b) != canary+"\n" || reportFileMode(t, w.savedFile) != 0o600 {
		t.Errorf("the saved file holds %d bytes (%v), want the token and a line end, readable by its owner only", len(b), err)
	}
	c := newCanaryCheck(canary, srv)
	c.posts = 2 // the verification and the data check of the site chosen
	c.add("clipboard tool's arguments", string(argv))
	c.add("clipboard tool's environment", string(env))
	w.collect(t, c)
	c.assert(t)
}

// --- The commands without a screen ---

// TestCanaryVerify: verify in text and JSON, with the token on standard
// input and in MATOMO_TOKEN_AUTH, on success and on each failure, with a
// report file and with the consented URL check.
func TestCanaryVerify(t *testing.T) {
	t.Parallel()
	other := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{})
	t.Cleanup(other.Close)
	for _, tc := range []struct {
		name    string
		odd     bool
		token   demomatomo.Token // Value is filled in unless unknown
		unknown bool
		viaEnv  bool
		args    []string
		fault   func(canary string) *demomatomo.Fault
		code    int
		gets    int
	}{
		{name: "text, stdin (upper case, spaces, CRLF)", token: demomatomo.Token{Login: "viewer"}, code: exitOK},
		{name: "json, MATOMO_TOKEN_AUTH", token: demomatomo.Token{Login: "writer"}, viaEnv: true, args: []string{"--json"}, code: exitOK},
		{name: "text, odd token, stdin", odd: true, token: demomatomo.Token{Login: "viewer"}, code: exitOK},
		{name: "json, odd token, MATOMO_TOKEN_AUTH", odd: true, token: demomatomo.Token{Login: "viewer"}, viaEnv: true, args: []string{"--json"}, code: exitOK},
		{name: "text, rejected, MATOMO_TOKEN_AUTH", unknown: true, viaEnv: true, code: exitRejected},
		{name: "json, rejected, stdin", unknown: true, args: []string{"--json"}, code: exitRejected},
		{name: "json, no site", token: demomatomo.Token{Login: "noaccess"}, args: []string{"--json"}, code: exitNoAccess},
		{name: "text, blocked", token: demomatomo.Token{Lockout: true}, code: exitBlocked},
		{name: "report, verified", token: demomatomo.Token{Login: "viewer"}, args: []string{"--report", "report.txt"}, code: exitOK},
		{name: "report and json, rejected", unknown: true, args: []string{"--report", ".", "--json"}, code: exitRejected},
		{name: "check-get, works in URLs", token: demomatomo.Token{Login: "viewer"}, args: []string{"--check-get", "--report", "r.txt"}, code: exitOK, gets: 1},
		{name: "check-get json, secure-only", token: demomatomo.Token{Login: "viewer", SecureOnly: true}, args: []string{"--check-get", "--json"}, code: exitOK, gets: 1},
		{name: "check-get, rejected (not run)", unknown: true, args: []string{"--check-get"}, code: exitRejected},
		{name: "server error quoting the token", token: demomatomo.Token{Login: "viewer"}, args: []string{"--report", "r.txt"}, code: exitServer,
			fault: func(canary string) *demomatomo.Fault {
				return &demomatomo.Fault{Status: http.StatusInternalServerError, ContentType: "application/json",
					Body: `{"result":"error","message":"error near token_auth=` + canary + `"}`}
			}},
		{name: "odd token, server error quoting the request body", odd: true, token: demomatomo.Token{Login: "viewer"}, args: []string{"--report", "r.txt"}, code: exitServer,
			fault: func(canary string) *demomatomo.Fault {
				return &demomatomo.Fault{Status: http.StatusInternalServerError, ContentType: "application/json",
					Body: `{"result":"error","message":"Request blocked by the firewall: token_auth=` + url.QueryEscape(canary) + `&urls[0]=…"}`}
			}},
		{name: "odd token, json, server error quoting the request body", odd: true, token: demomatomo.Token{Login: "viewer"}, args: []string{"--json"}, code: exitServer,
			fault: func(canary string) *demomatomo.Fault {
				return &demomatomo.Fault{Status: http.StatusInternalServerError, ContentType: "application/json",
					Body: `{"result":"error","message":"Request blocked by the firewall: token_auth=` + url.QueryEscape(canary) + `&urls[0]=…"}`}
			}},
		{name: "not Matomo, quoting the token, json", token: demomatomo.Token{Login: "viewer"}, args: []string{"--json", "--report", "r.txt"}, code: exitNotMatomo,
			fault: func(canary string) *demomatomo.Fault {
				return &demomatomo.Fault{Status: http.StatusOK, Body: "<html><head><title>Blocked " + canary + "</title></head></html>"}
			}},
		{name: "redirect (307) to another server, token in the new URL", token: demomatomo.Token{Login: "viewer"}, args: []string{"--json"}, code: exitNotMatomo,
			fault: func(canary string) *demomatomo.Fault { return redirectFault(other, canary) }},
		{name: "site, json and report", token: demomatomo.Token{Login: "viewer"}, args: []string{"--site", "1", "--json", "--report", "r.txt"}, code: exitOK},
		{name: "site, the data check's answer quoting the token", token: demomatomo.Token{Login: "viewer"}, args: []string{"--site", "1", "--report", "r.txt"}, code: exitOK,
			fault: func(canary string) *demomatomo.Fault {
				return &demomatomo.Fault{Status: http.StatusOK, ContentType: "application/json",
					Body: `[{"value":"5.1.2"},{"value":false},{"value":false},[],[],[{"idsite":1,"name":"Shop","main_url":"https:\/\/shop.example"}],` +
						`{"result":"error","message":"Visits log is deactivated in website settings (token_auth=` + canary + `)."}]`}
			}},
		{name: "site, json, the data check's answer quoting the token", odd: true, token: demomatomo.Token{Login: "viewer"}, args: []string{"--site", "1", "--json"}, code: exitOK,
			fault: func(canary string) *demomatomo.Fault {
				return &demomatomo.Fault{Status: http.StatusOK, ContentType: "application/json",
					Body: `[{"value":"5.1.2"},{"value":false},{"value":false},[],[],[{"idsite":1,"name":"Shop","main_url":"https:\/\/shop.example"}],` +
						`{"result":"error","message":"Could not run the query in time for ` + canary + `"}]`}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			canary, input := newHexCanary(t), ""
			if tc.odd {
				canary = newOddCanary(t)
			}
			tok := tc.token
			if !tc.unknown {
				tok.Value = canary
			}
			srv := startCanaryFake(t, tok)
			if tc.fault != nil {
				srv.SetFault(tc.fault(canary))
			}
			var env []string
			switch {
			case tc.viaEnv:
				env = append(env, tokenEnv+"="+canary)
			case tc.odd:
				input = canary + "\n"
			default:
				input = "  " + strings.ToUpper(canary) + " \r\n"
			}
			code, stdout, stderr, dir := runBinary(t, env, input, append([]string{"verify", "--url", srv.URL}, tc.args...)...)
			if code != tc.code {
				t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, stdout, stderr)
			}
			if fp := "ends …" + canary[len(canary)-4:]; !strings.Contains(stdout, fp) && tc.code == exitOK {
				t.Errorf("the output does not name the token by its fingerprint (%s):\n%s", fp, stdout)
			}
			c := newCanaryCheck(canary, srv, other)
			c.posts, c.gets = 1, tc.gets
			c.add("stdout", stdout)
			c.add("stderr", stderr)
			c.addFiles(t, "working folder", dir)
			if entries, _ := os.ReadDir(dir); strings.Contains(strings.Join(tc.args, " "), "--report") && len(entries) != 1 {
				t.Errorf("--report left %d files in the working folder, want 1", len(entries))
			}
			c.assert(t)
		})
	}
}

// TestCanarySteps: the checklist needs no token and must not pick one up
// from the environment or standard input, nor contact Matomo.
func TestCanarySteps(t *testing.T) {
	t.Parallel()
	canary := newHexCanary(t)
	srv := startCanaryFake(t, demomatomo.Token{Value: canary, Login: "viewer"})
	for _, format := range []string{"text", "markdown"} {
		code, stdout, stderr, dir := runBinary(t, []string{tokenEnv + "=" + canary}, canary+"\n",
			"steps", "--url", srv.URL, "--format", format)
		if code != exitOK || !strings.Contains(stdout, srv.URL+"/index.php?module=UsersManager&action=userSecurity") {
			t.Errorf("steps --format %s: exit %d\n%s\n%s", format, code, stdout, stderr)
		}
		c := newCanaryCheck(canary, srv)
		c.add("stdout", stdout)
		c.add("stderr", stderr)
		c.addFiles(t, "working folder", dir)
		c.assert(t)
	}
	if n := srv.RequestCount(); n != 0 {
		t.Errorf("steps sent %d request(s) to Matomo, want none", n)
	}
}

// TestCanaryDemoServer: verify with the canary against demo-server, which
// does not know it; neither prints it.
func TestCanaryDemoServer(t *testing.T) {
	t.Parallel()
	canary := newHexCanary(t)
	cmd := exec.Command(builtBinary(t), "demo-server", "--addr", "127.0.0.1:0", "--latency", "0")
	cmd.Env = []string{"HOME=" + t.TempDir(), "LANG=C.UTF-8", "PATH=/usr/bin:/bin"}
	cmd.Dir = t.TempDir()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	var banner bytes.Buffer
	found := make(chan string, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			banner.WriteString(sc.Text() + "\n")
			if m := regexp.MustCompile(`running at (http://127\.0\.0\.1:\d+)`).FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
			}
		}
	}()
	var addr string
	select {
	case addr = <-found:
	case <-time.After(e2eWait):
		t.Fatalf("demo-server printed no address; stderr:\n%s", stderr.String())
	}
	c := newCanaryCheck(canary, nil)
	for _, args := range [][]string{{}, {"--json"}, {"--check-get", "--report", "r.txt"}} {
		code, out, errOut, dir := runBinary(t, nil, canary+"\n", append([]string{"verify", "--url", addr}, args...)...)
		if code != exitRejected {
			t.Errorf("verify %v against the demo: exit %d, want %d\n%s%s", args, code, exitRejected, out, errOut)
		}
		c.add("verify "+strings.Join(args, " ")+" stdout", out)
		c.add("verify "+strings.Join(args, " ")+" stderr", errOut)
		c.addFiles(t, "verify "+strings.Join(args, " ")+" working folder", dir)
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("demo-server after SIGINT: %v", err)
	}
	<-done
	c.add("demo-server stdout", banner.String())
	c.add("demo-server stderr", stderr.String())
	c.assert(t)
}

// TestCanaryVerifyAtATerminal: verify asks for the token at a terminal
// without echo; nothing of it may show.
func TestCanaryVerifyAtATerminal(t *testing.T) {
	t.Parallel()
	canary := newHexCanary(t)
	srv := startCanaryFake(t, demomatomo.Token{Value: canary, Login: "viewer"})
	dir := t.TempDir()
	cmd := exec.Command(builtBinary(t), "verify", "--url", srv.URL, "--report", "r.txt")
	cmd.Env = []string{"HOME=" + dir, "TMPDIR=" + dir, "LANG=C.UTF-8", "PATH=/usr/bin:/bin", "TERM=xterm-256color"}
	cmd.Dir = dir
	p := startPty(t, cmd, 100, 30)
	p.waitFor("Token (typing is hidden):")
	p.write(canary + "\r")
	p.waitFor("✓ Token verified: Matomo 5.0.2 at "+srv.URL, "ends …"+canary[len(canary)-4:], "Diagnostics report written to")
	if code := p.exitCode(); code != exitOK {
		t.Errorf("exit code %d, want 0", code)
	}
	p.assertTerminalAsBefore()
	c := newCanaryCheck(canary, srv)
	c.posts = 1
	c.add("terminal output", p.rawOutput())
	c.addFiles(t, "working folder", dir)
	c.assert(t)
}
