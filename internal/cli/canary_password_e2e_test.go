//go:build linux || darwin || freebsd

package cli

// A canary password through every path of "create it for me" in the
// built binary: the wizard (typed and pasted; a plain login, two-factor
// codes missing and given, a wrong password, Matomo quoting the password
// back in an error, a page and a redirect to another server), the line
// mode (piped, and at a terminal without echo) and the demo. Everything is
// captured as in canary_e2e_test.go: every request each fake Matomo
// received, the screen and the raw terminal output, the clipboard
// sequence, the clipboard tool's arguments, environment and input, every
// file left in the working, home and temporary folders (the diagnostics
// report and the saved token among them), the program's arguments and
// environment. The canary password may appear in one place only: the
// passwordConfirmation field of the POST body of createAppSpecificTokenAuth
// to the address the person named, once per round they sent.

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// newPasswordCanary is a fresh random password with characters a form
// body and a URL escape.
func newPasswordCanary(t *testing.T) string {
	t.Helper()
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "Pw-" + hex.EncodeToString(b) + "+&/=x"
}

const twofaSecret = "JBSWY3DPEHPK3PXP"

// withPassword is the recorded Matomo with pw for viewer and for twofa, a
// user with two-factor authentication.
func withPassword(pw string) demomatomo.Data {
	d := demomatomo.Recorded()
	for i := range d.Users {
		if d.Users[i].Login == "viewer" {
			d.Users[i].Password = pw
		}
	}
	d.Users = append(d.Users, demomatomo.User{Login: "twofa", Email: "twofa@example.com", Access: map[int]matomo.Access{1: matomo.AccessView},
		Password: pw, TwoFactorSecret: twofaSecret})
	return d
}

// passwordCheck is what one run may and may not have done with the canary
// password.
type passwordCheck struct {
	canary string
	named  requestLog
	others []*demomatomo.Server
	// rounds is how many times the person sent the password.
	rounds int
	texts  map[string]string
}

func newPasswordCheck(canary string, named requestLog, others ...*demomatomo.Server) *passwordCheck {
	return &passwordCheck{canary: canary, named: named, others: others, texts: map[string]string{}}
}

func (c *passwordCheck) add(where, text string) { c.texts[where] += text }

func (c *passwordCheck) assert(t *testing.T) {
	t.Helper()
	for where, text := range c.texts {
		if f := leakIn(text, c.canary); f != "" {
			t.Errorf("the canary password is in the %s (as %q)", where, f)
		}
	}
	if c.named != nil {
		sent := 0
		for i, r := range c.named.Requests() {
			what := r.Method + " " + r.Path + " (request " + itoa(i+1) + ")"
			form, _ := url.ParseQuery(r.Body)
			query, _ := url.ParseQuery(r.RawQuery)
			if form.Get("passwordConfirmation") == c.canary && r.Method == http.MethodPost &&
				query.Get("method") == "UsersManager.createAppSpecificTokenAuth" && form.Get("token_auth") == "" {
				sent++
				form.Del("passwordConfirmation")
			}
			for place, s := range map[string]string{"path": r.Path, "query": r.RawQuery, "body (besides passwordConfirmation)": form.Encode()} {
				if f := leakIn(s, c.canary); f != "" {
					t.Errorf("%s: the canary password is in the %s (as %q)", what, place, f)
				}
			}
			for name, vals := range r.Header {
				if f := leakIn(strings.Join(vals, "\n"), c.canary); f != "" {
					t.Errorf("%s: the canary password is in the header %s", what, name)
				}
			}
		}
		if sent != c.rounds {
			t.Errorf("the password went out %d times, want %d (once per round sent)", sent, c.rounds)
		}
	}
	for _, o := range c.others {
		if n := len(o.Requests()); n != 0 {
			t.Errorf("a server the person did not name received %d request(s)", n)
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

// collectAll is canaryWizard.collect for the password: every output and
// file, the clipboard sequences included (they must hold the created
// token, never the password).
func (w *canaryWizard) collectAll(t *testing.T, c *passwordCheck) {
	t.Helper()
	c.add("terminal output", w.rawOutput())
	for _, cw := range clipboardWrites(w.rawOutput()) {
		c.add("clipboard sequence", cw.text)
	}
	c.add("screen", w.screen())
	c.add("wizard's arguments", w.cmdline)
	c.add("wizard's environment", w.environ)
	c.addFiles(t, "working folder", w.dir)
	c.addFiles(t, "home folder", w.home)
	c.addFiles(t, "temporary folder", w.tmp)
	c.addFiles(t, "tool records", w.opener)
}

// addFiles captures every file under dir.
func (c *passwordCheck) addFiles(t *testing.T, label, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
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

// toCreate goes from the welcome screen to the create screen.
func (w *canaryWizard) toCreate() {
	w.t.Helper()
	w.waitFor("Create and verify your Matomo API token")
	w.press("enter")
	w.waitFor("Your Matomo address", "enter check")
	w.press("enter")
	w.waitFor("step 1 of", "m create it for me")
	w.press("m")
	w.waitFor("Create the token for me", "Your Matomo login")
}

// password types (or pastes) the password into its field and goes on.
func (w *canaryWizard) password(canary string, paste bool) {
	w.t.Helper()
	w.waitFor("Your Matomo password")
	if paste {
		w.paste(canary)
	} else {
		w.press(canary)
	}
	w.waitFor("•••")
	w.press("enter")
}

// TestCanaryPasswordWizard: the canary password in each way the wizard
// takes it and each answer Matomo gives; d writes a report where the
// screen offers it, c, s and w take the created token.
func TestCanaryPasswordWizard(t *testing.T) {
	t.Parallel()
	other := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{})
	t.Cleanup(other.Close)
	for _, tc := range []struct {
		name  string
		login string
		paste bool
		// known makes the canary the login's password; else it is wrong.
		known  bool
		fault  func(canary string) *demomatomo.Fault
		rounds int
		drive  func(w *canaryWizard, canary string)
	}{
		{name: "created, typed, the token taken three ways", login: "viewer", known: true, rounds: 1, drive: func(w *canaryWizard, canary string) {
			w.press("n")
			w.waitFor("✓ Token verified · Matomo 5.0.2", `Created for you as "Acona`)
			w.press("d")
			w.waitFor("✓ Diagnostics written to")
			time.Sleep(chooseAfter) // Enter chooses a site once the list has been shown this long
			w.press("enter")
			w.waitFor("✓ Ready for Acona", "the token created for you")
			w.readProc()
			w.press("c")
			w.waitFor("Sent the token to the terminal's clipboard.")
			w.takeToken(w.t)
			w.press("q")
		}},
		{name: "created, pasted", login: "viewer", paste: true, known: true, rounds: 1, drive: func(w *canaryWizard, canary string) {
			w.press("n")
			w.waitFor("✓ Token verified")
			w.readProc()
			w.press("ctrl+c")
		}},
		{name: "two-factor code missing, then given", login: "twofa", known: true, rounds: 2, drive: func(w *canaryWizard, canary string) {
			w.press("n")
			w.waitFor("Matomo needs your two-factor code.", "Your Matomo password")
			w.password(canary, false)
			w.waitFor("Do you use two-factor authentication")
			w.press("y")
			w.waitFor("Two-factor code")
			w.press(demomatomo.TOTP(twofaSecret, time.Now()), "enter")
			w.waitFor("✓ Token verified")
			time.Sleep(chooseAfter) // Enter chooses a site once the list has been shown this long
			w.press("enter")
			w.waitFor("✓ Ready for Acona", "Matomo probably holds a token nobody saw")
			w.readProc()
			w.press("ctrl+c")
		}},
		{name: "wrong password", login: "viewer", rounds: 1, drive: func(w *canaryWizard, canary string) {
			w.press("n")
			w.waitFor("Matomo did not accept this login and password", "Refused passwords and two-factor codes in this session: 1.")
			w.readProc()
			w.press("ctrl+c")
		}},
		{name: "Matomo quotes the password in an error", login: "viewer", known: true, rounds: 1,
			fault: func(canary string) *demomatomo.Fault {
				return &demomatomo.Fault{Status: 500, ContentType: "application/json",
					Body: `{"result":"error","message":"SQL error near passwordConfirmation=` + url.QueryEscape(canary) + ` and ` + canary + `"}`}
			},
			drive: func(w *canaryWizard, canary string) {
				w.press("n")
				w.waitFor("SQL error near passwordConfirmation=[password removed] and [password removed]")
				w.readProc()
				w.press("ctrl+c")
			}},
		{name: "a page quoting the password", login: "viewer", known: true, rounds: 1,
			fault: func(canary string) *demomatomo.Fault {
				return &demomatomo.Fault{Status: 403, Body: "<html><head><title>Blocked " + canary + "</title></head><body>" + canary + "</body></html>"}
			},
			drive: func(w *canaryWizard, canary string) {
				w.press("n")
				w.waitFor(`titled "Blocked [password removed]"`)
				w.readProc()
				w.press("ctrl+c")
			}},
		{name: "a redirect (307) to another server, the password in the new URL", login: "viewer", known: true, rounds: 1,
			fault: func(canary string) *demomatomo.Fault {
				return &demomatomo.Fault{Status: http.StatusTemporaryRedirect,
					Location: other.URL + "/index.php?module=API&passwordConfirmation=" + url.QueryEscape(canary)}
			},
			drive: func(w *canaryWizard, canary string) {
				w.press("n")
				w.waitFor("redirects to another server", "Your password was not sent along the redirect.")
				w.readProc()
				w.press("ctrl+c")
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			canary := newPasswordCanary(t)
			pw := "not-the-canary-2026"
			if tc.known {
				pw = canary
			}
			srv := demomatomo.MustStart(withPassword(pw), demomatomo.Options{})
			t.Cleanup(srv.Close)
			w := startCanaryWizard(t, nil, "--url", srv.URL)
			w.toCreate()
			w.press(tc.login, "enter")
			w.password(canary, tc.paste)
			w.waitFor("Description of the token")
			w.press("enter")
			w.waitFor("Should the token expire?")
			w.press("n")
			w.waitFor("Do you use two-factor authentication")
			if tc.fault != nil {
				srv.SetFault(tc.fault(canary))
			}
			tc.drive(w, canary)
			w.exitCode()
			c := newPasswordCheck(canary, srv, other)
			c.rounds = tc.rounds
			w.collectAll(t, c)
			c.assert(t)
			// The ways out carry the created token, and nothing else.
			if created := srv.CreatedTokens(); strings.Contains(tc.name, "three ways") && len(created) == 1 {
				for _, cw := range clipboardWrites(w.rawOutput()) {
					if cw.text != created[0].Value {
						t.Errorf("the clipboard sequence holds %d characters, not the created token", len(cw.text))
					}
				}
				if b, _ := os.ReadFile(filepath.Join(w.opener, "xclip.stdin")); string(b) != created[0].Value {
					t.Errorf("the clipboard tool got %d characters, not the created token", len(b))
				}
				if b, _ := os.ReadFile(filepath.Join(w.dir, "matomo-token.txt")); string(b) != created[0].Value+"\n" {
					t.Errorf("the saved file holds %d bytes, not the created token", len(b))
				}
			}
		})
	}
}

// TestCanaryPasswordLineMode: the line mode, piped (the password read as a
// line) and at a terminal (read without echo), a round with a wrong code
// and one that creates the token, a report and a saved token.
func TestCanaryPasswordLineMode(t *testing.T) {
	t.Parallel()
	t.Run("piped", func(t *testing.T) {
		t.Parallel()
		canary := newPasswordCanary(t)
		srv := demomatomo.MustStart(withPassword(canary), demomatomo.Options{})
		t.Cleanup(srv.Close)
		answers := []string{"", "create", "twofa", canary, "", "", "yes", "000000", "", canary, "yes",
			demomatomo.TOTP(twofaSecret, time.Now()), "report", "", "save", "", "finish"}
		code, stdout, stderr, dir := runBinary(t, nil, strings.Join(answers, "\n")+"\n", "--accessible", "--url", srv.URL)
		if code != exitOK || !strings.Contains(stdout, "Matomo did not take the two-factor code") {
			t.Errorf("exit %d\n%s%s", code, stdout, stderr)
		}
		c := newPasswordCheck(canary, srv)
		c.rounds = 2
		c.add("stdout", stdout)
		c.add("stderr", stderr)
		c.addFiles(t, "working folder", dir)
		c.assert(t)
	})
	t.Run("at a terminal", func(t *testing.T) {
		t.Parallel()
		canary := newPasswordCanary(t)
		srv := demomatomo.MustStart(withPassword(canary), demomatomo.Options{})
		t.Cleanup(srv.Close)
		a := accStart(t, []string{"TERM=dumb"}, "--accessible", "--url", srv.URL)
		a.expect("Address [" + srv.URL + "]: ")
		a.typeLine("")
		a.expect("Choice [1 next]: ")
		a.typeLine("create")
		a.expect("Your Matomo login (user name) or email address: ")
		a.typeLine("viewer")
		a.expect("Password (hidden): ")
		a.typeLine(canary)
		a.expect("Description [Acona ")
		a.typeLine("")
		a.expect("Choice [1 never]: ")
		a.typeLine("")
		a.expect("Choice: ")
		a.typeLine("no")
		a.expect("The token works: Matomo 5.0.2")
		a.expect("Site ID [1]: ")
		a.typeLine("quit")
		a.expect("The token is not saved anywhere yet")
		a.typeLine("quit")
		a.exitCode()
		c := newPasswordCheck(canary, srv)
		c.rounds = 1
		c.add("terminal", a.screen())
		c.addFiles(t, "working folder", a.dir)
		c.addFiles(t, "home folder", a.home)
		c.assert(t)
		noCanaryPiece(t, "terminal", a.screen(), canary)
	})
}

// TestCanaryPasswordDemo: the demo Matomo runs inside the program; a
// canary typed as the demo user's password is refused, and shows nowhere.
func TestCanaryPasswordDemo(t *testing.T) {
	t.Parallel()
	canary := newPasswordCanary(t)
	w := startCanaryWizard(t, nil, "--demo", "--latency", "0")
	w.waitFor("Demo mode")
	w.toCreate()
	w.press("acona-reader", "enter")
	w.password(canary, false)
	w.press("enter", "n", "n")
	w.waitFor("Matomo did not accept this login and password")
	w.readProc()
	w.press("ctrl+c")
	w.exitCode()
	c := newPasswordCheck(canary, nil)
	w.collectAll(t, c)
	c.assert(t)
}
