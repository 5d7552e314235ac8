//go:build linux || darwin || freebsd

package cli

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/term"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// The accessible mode as a person meets it: the built binary in a
// pseudo-terminal, driven by typing, against the built-in demo Matomo
// (loopback only, 700 ms per request).

// accTerminal is the binary running in a pseudo-terminal, with everything
// it printed (the terminal's echo of typed text included).
type accTerminal struct {
	t    *testing.T
	pty  *os.File // what a terminal emulator holds
	tty  *os.File // the program's side, kept open to read its state afterwards
	cmd  *exec.Cmd
	mu   sync.Mutex
	seen bytes.Buffer
	// dir is the program's current folder and home its home folder,
	// both empty temporary folders: where reports go.
	dir, home string
	// at is where the next expect starts looking, so stages are checked in
	// order.
	at int
	// before is the terminal's state before the program started.
	before *term.State
	exited chan struct{}
	err    error
}

func accStart(t *testing.T, env []string, args ...string) *accTerminal {
	t.Helper()
	bin := builtBinary(t)
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: 40, Cols: 100}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	home := t.TempDir()
	cmd.Dir = t.TempDir()
	cmd.Env = append([]string{"HOME=" + home, "LANG=C.UTF-8", "PATH=/usr/bin:/bin"}, env...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	a := &accTerminal{t: t, pty: ptmx, tty: tty, cmd: cmd, dir: cmd.Dir, home: home, exited: make(chan struct{})}
	if a.before, err = term.GetState(int(tty.Fd())); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := ptmx.Read(buf)
			a.mu.Lock()
			a.seen.Write(buf[:n])
			a.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	go func() {
		a.err = cmd.Wait()
		close(a.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-a.exited:
		default:
			_ = cmd.Process.Kill()
			<-a.exited
		}
		ptmx.Close()
		tty.Close()
	})
	return a
}

// screen is everything shown so far, with the terminal's CR LF as LF.
func (a *accTerminal) screen() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return strings.ReplaceAll(a.seen.String(), "\r\n", "\n")
}

// expect waits until text appears after what earlier expects matched.
func (a *accTerminal) expect(text string) {
	a.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := a.screen()
		if i := strings.Index(s[a.at:], text); i >= 0 {
			a.at += i + len(text)
			return
		}
		if time.Now().After(deadline) {
			a.t.Fatalf("waited in vain for %q; the screen after the last match:\n%s", text, s[a.at:])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// typeLine types text and Enter (a terminal sends CR; the tty makes it LF).
func (a *accTerminal) typeLine(text string) {
	a.t.Helper()
	if _, err := io.WriteString(a.pty, text+"\r"); err != nil {
		a.t.Fatal(err)
	}
}

// exitCode waits for the program to end.
func (a *accTerminal) exitCode() int {
	a.t.Helper()
	select {
	case <-a.exited:
	case <-time.After(15 * time.Second):
		a.t.Fatalf("the program did not end; screen:\n%s", a.screen())
	}
	var ee *exec.ExitError
	if errors.As(a.err, &ee) {
		return ee.ExitCode()
	}
	if a.err != nil {
		a.t.Fatal(a.err)
	}
	return 0
}

func (a *accTerminal) assertClean(secrets ...string) {
	a.t.Helper()
	s := a.screen()
	if i := strings.IndexByte(s, 0x1b); i >= 0 {
		a.t.Errorf("escape sequence on the screen at byte %d: %q", i, s[max(0, i-20):min(len(s), i+20)])
	}
	for _, secret := range secrets {
		if strings.Contains(s, secret) || strings.Contains(s, secret[:8]) {
			a.t.Errorf("the token (or its start) was shown on the screen")
		}
	}
	if a.t.Failed() {
		a.t.Logf("screen:\n%s", s)
	}
}

// TestAccessibleWholeSessionInATerminal drives a whole session in each of
// the three ways the accessible mode is asked for.
func TestAccessibleWholeSessionInATerminal(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		env  []string
		args []string
		// token is typed at the hidden prompt ("" to pick demo token 1).
		token string
		// reject first sends the demo's unknown token.
		reject bool
		site   string
	}{
		{name: "flag", env: []string{"TERM=xterm-256color"}, args: []string{"--accessible", "--demo", "--latency", "0"}, token: demomatomo.DemoTokenViewer, site: "2"},
		{name: "TERM=dumb", env: []string{"TERM=dumb"}, args: []string{"--demo", "--latency", "0"}, site: "1"},
		{name: "ACCESSIBLE=1", env: []string{"TERM=xterm-256color", "ACCESSIBLE=1"}, args: []string{"--demo", "--latency", "0"}, reject: true, site: "1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a := accStart(t, tc.env, tc.args...)
			a.expect("Matomo onboarding: create and check a Matomo API token for Acona.")
			a.expect("The token is a secret: it acts as your password")
			a.expect("Press Enter to use http://127.0.0.1:")
			a.expect("Address [http://127.0.0.1:")
			a.typeLine("")
			a.expect("Checking http://127.0.0.1:")
			a.expect("Matomo answers at http://127.0.0.1:")
			a.expect("Step 1 of 8: Log in to Matomo\n")
			a.expect("Choice [1 next]: ")
			a.typeLine("next")
			a.expect("Step 2 of 8: Open Administration\n")
			a.expect("Choice [1 next]: ")
			a.typeLine("")
			a.expect("Step 3 of 8: Open Personal → Security\n")
			a.expect("/index.php?module=UsersManager&action=userSecurity\n")
			a.expect("Choice [1 next]: ")
			a.typeLine("3") // I already have a token
			a.expect("This is the demo Matomo. Its tokens, by what each one shows:\n1: a dedicated user")
			a.expect("Demo token [1]: ")
			if tc.reject {
				a.typeLine("5")
				a.expect("Choice [1 check]: ")
				a.typeLine("")
				a.expect("Checking the token with http://127.0.0.1:")
				a.expect("Problem: Matomo rejected this token.")
				a.expect("Rejected tokens in this session: 1.")
				a.expect("Choice [1 again]: ")
				a.typeLine("again")
				a.expect("Demo token [1]: ")
			}
			if tc.token != "" {
				a.typeLine("own")
				a.expect("Typing is hidden")
				a.expect("Token (hidden): ")
				a.typeLine(tc.token)
			} else {
				a.typeLine("1")
				a.expect("Using demo token 1.")
			}
			a.expect("Token received: 32 characters, ends …f4a6.")
			a.expect("Choice [1 check]: ")
			a.typeLine("")
			a.expect("Checking the token with http://127.0.0.1:")
			a.expect("(one request, up to 30 s)…\n")
			a.expect("The token works: Matomo 5.0.2 at http://127.0.0.1:")
			a.expect("Superuser: no, good for an integration.")
			a.expect("ID 1: Lindenhof Webshop, https://shop.lindenhof-moebel.de, view access.\n")
			a.expect("Site ID [1]: ")
			a.typeLine(tc.site)
			a.expect("Done: what to paste where\nIn Acona's data-source form:\nAPI Key: the token you verified (32 characters, ends …f4a6).")
			a.expect("Matomo address: http://127.0.0.1:")
			a.expect("Site ID: " + tc.site + "\n")
			a.expect("Choice [1 finish]: ")
			a.typeLine("")
			a.expect("Finished.")
			if code := a.exitCode(); code != exitOK {
				t.Errorf("exit code %d, want 0", code)
			}
			a.assertClean(demomatomo.DemoTokenViewer, demomatomo.DemoTokenRejected)
			if tc.token != "" && !strings.Contains(a.screen(), "Token (hidden): \nToken received:") {
				t.Errorf("the hidden prompt showed something:\n%s", a.screen())
			}
		})
	}
}

// TestAccessibleCtrlCAtTheTokenPrompt presses Ctrl+C while the token is
// being typed without echo: the program exits 130 and the terminal echoes
// again, exactly as before.
func TestAccessibleCtrlCAtTheTokenPrompt(t *testing.T) {
	t.Parallel()
	a := accStart(t, []string{"TERM=dumb"}, "--demo", "--latency", "0")
	before := a.before // read before the program started: it may be at a raw prompt by now
	a.expect("Address [http://127.0.0.1:")
	a.typeLine("")
	a.expect("Choice [1 next]: ")
	a.typeLine("token")
	a.expect("Demo token [1]: ")
	a.typeLine("own")
	a.expect("Token (hidden): ")
	// Half a token, then Ctrl+C before Enter.
	if _, err := io.WriteString(a.pty, demomatomo.DemoTokenViewer[:16]); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	if _, err := io.WriteString(a.pty, "\x03"); err != nil {
		t.Fatal(err)
	}
	a.expect("Canceled, nothing was saved.\n")
	if code := a.exitCode(); code != exitCanceled {
		t.Errorf("exit code %d, want %d", code, exitCanceled)
	}
	after, err := term.GetState(int(a.tty.Fd()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Errorf("the terminal's modes differ from before the session (echo left off?)")
	}
	// And as a person would notice: typing shows again.
	if _, err := io.WriteString(a.pty, "echo-is-back"); err != nil {
		t.Fatal(err)
	}
	a.expect("echo-is-back")
	a.assertClean(demomatomo.DemoTokenViewer)
}

// reportFile checks the report the screen said was saved in folder: the
// full path shown, only its owner may read it, no token in it. It returns
// the report's text with runs of spaces made one.
func (a *accTerminal) reportFile(folder string, secrets ...string) string {
	a.t.Helper()
	a.expect("Diagnostics report saved to this file:\n" + filepath.Join(folder, "matomo-onboard-report-"))
	a.expect(".txt\nOnly you can read the file. It holds no token")
	files, _ := filepath.Glob(filepath.Join(folder, "matomo-onboard-report-*.txt"))
	if len(files) != 1 {
		a.t.Fatalf("%d reports in %s, want 1", len(files), folder)
	}
	fi, err := os.Stat(files[0])
	if err != nil {
		a.t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		a.t.Errorf("the report has mode %o, want 600", fi.Mode().Perm())
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		a.t.Fatal(err)
	}
	for _, s := range secrets {
		if strings.Contains(string(b), s) {
			a.t.Errorf("the report holds a token")
		}
	}
	return strings.Join(strings.Fields(string(b)), " ")
}

// accToToken goes from the start to the demo token question.
func (a *accTerminal) accToToken() {
	a.t.Helper()
	a.expect("Address [http://127.0.0.1:")
	a.typeLine("")
	a.expect("Choice [1 next]: ")
	a.typeLine("token")
	a.expect("Demo token [1]: ")
}

// TestAccessibleURLCheckAndReport runs the URL check and saves the report
// after a verified token, as a person at a screen reader would.
func TestAccessibleURLCheckAndReport(t *testing.T) {
	t.Parallel()
	a := accStart(t, []string{"TERM=dumb"}, "--demo", "--latency", "0")
	a.accToToken()
	a.typeLine("1") // secure-only, as Matomo 5 creates tokens by default
	a.expect("Choice [1 check]: ")
	a.typeLine("")
	a.expect("The token works: Matomo 5.0.2")
	a.expect("url-check (whether tools that put the token in a URL can use it), report (save a diagnostics report for support, without the token), token")
	a.expect("Site ID [1]: ")
	a.typeLine("url-check")
	a.expect(matomo.GETCheckWarning().String())
	a.expect("Choice [1 no]: ")
	a.typeLine("yes")
	a.expect("URL check: Tools that put the token in a URL (…&token_auth=…) will NOT work with this token: it is secure-only")
	a.expect("Rejected tokens in this session: 1.")
	a.expect("Site ID [1]: ")
	a.typeLine("report")
	text := a.reportFile(a.dir, demomatomo.DemoTokenViewer)
	for _, want := range []string{
		"matomo-onboard diagnostics report", "Tool: matomo-onboard dev", "Outcome: verified",
		"Token: 32 characters, ends …f4a6", "URL check (token sent once in a URL, with the user's consent)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
	a.expect("Site ID [1]: ")
	a.typeLine("1")
	a.expect("Choice [1 finish]: ")
	a.typeLine("")
	a.expect("Finished.")
	if code := a.exitCode(); code != exitOK {
		t.Errorf("exit code %d, want 0", code)
	}
	a.assertClean(demomatomo.DemoTokenViewer)
}

// TestAccessibleReportInTheHomeFolder saves the report after a rejected
// token when the current folder cannot take it (it was deleted): like the
// wizard, the accessible mode falls back to the home folder.
func TestAccessibleReportInTheHomeFolder(t *testing.T) {
	t.Parallel()
	a := accStart(t, []string{"TERM=dumb"}, "--demo", "--latency", "0")
	a.accToToken()
	a.typeLine("5") // rejected
	a.expect("Choice [1 check]: ")
	a.typeLine("")
	a.expect("Problem: Matomo rejected this token.")
	a.expect("4 report (save a diagnostics report for support, without the token), 5 quit.")
	a.expect("Choice [1 again]: ")
	if err := os.RemoveAll(a.dir); err != nil {
		t.Fatal(err)
	}
	a.typeLine("report")
	text := a.reportFile(a.home, demomatomo.DemoTokenRejected)
	if !strings.Contains(text, "Outcome: FAILED at the token check: token_rejected") {
		t.Errorf("the report lacks the rejection:\n%s", text)
	}
	a.expect("Choice [1 again]: ")
	a.typeLine("quit")
	a.expect("Canceled, nothing was saved.")
	if code := a.exitCode(); code != exitCanceled {
		t.Errorf("exit code %d, want %d", code, exitCanceled)
	}
	a.assertClean(demomatomo.DemoTokenRejected)
}

// TestAccessibleInGermanInATerminal: with LANG=de_DE.UTF-8 and no
// language flag, the line mode at a real terminal asks and answers in
// German, takes German answer words, hides the token as typed, and the
// Enter at the question after a rejection does not send the token again.
func TestAccessibleInGermanInATerminal(t *testing.T) {
	t.Parallel()
	a := accStart(t, []string{"TERM=dumb", "LANG=de_DE.UTF-8"}, "--demo", "--latency", "0")
	a.expect("Matomo einrichten: einen Matomo-API-Token für Acona erstellen und prüfen.")
	a.expect("Mit „beenden“ hören Sie bei jeder Frage auf.")
	a.expect("Adresse [http://127.0.0.1:")
	a.typeLine("")
	a.expect(" wird ohne Token geprüft (eine Anfrage, bis zu 30 Sek.)…")
	a.expect("Schritt 1 von 8: Bei Matomo anmelden\n")
	a.expect("Auswahl [1 weiter]: ")
	a.typeLine("weiter")
	a.expect("Schritt 2 von 8: Administration öffnen\n")
	a.expect("Auswahl [1 weiter]: ")
	a.typeLine("token")
	a.expect("Demo-Token [1]: ")
	a.typeLine("eigener")
	a.expect("Die Eingabe bleibt verborgen")
	a.expect("Token (verborgen): ")
	a.typeLine(demomatomo.DemoTokenRejected)
	a.expect("Token erhalten: ")
	a.expect("Auswahl [1 prüfen]: ")
	a.typeLine("prüfen")
	a.expect("Problem: Matomo hat diesen Token abgelehnt.")
	a.expect("Auswahl [1 nochmal]: ")
	a.typeLine("nochmal")
	a.expect("Demo-Token [1]: ")
	a.typeLine("eigener")
	a.expect("Token (verborgen): ")
	a.typeLine(demomatomo.DemoTokenRejected)
	a.expect("hat genau diesen Token vorhin in dieser Sitzung abgelehnt.")
	a.expect("Auswahl [1 nochmal]: ")
	a.typeLine("") // Enter alone: type another, nothing sent
	a.expect("Demo-Token [1]: ")
	a.typeLine("1")
	a.expect("Verwendet wird Demo-Token 1.")
	a.expect("Auswahl [1 prüfen]: ")
	a.typeLine("")
	a.expect("Der Token funktioniert: Matomo 5.0.2 unter http://127.0.0.1:")
	a.expect("ID 1: Lindenhof Webshop, https://shop.lindenhof-moebel.de, Zugriff: Ansicht.\n")
	a.expect("Website-ID [1]: ")
	a.typeLine("1")
	a.expect("Fertig: was Sie wo einfügen\nIm Datenquellen-Formular von Acona:\nFeld „API Key“: der Token, den Sie geprüft haben (")
	a.expect("Website-ID: 1\n")
	a.expect("Auswahl [1 fertig]: ")
	a.typeLine("fertig")
	a.expect("Fertig. matomo-onboard hat nichts gespeichert")
	if code := a.exitCode(); code != exitOK {
		t.Errorf("exit code %d, want 0", code)
	}
	a.assertClean(demomatomo.DemoTokenViewer, demomatomo.DemoTokenRejected)
	if n := strings.Count(a.screen(), "Der Token wird bei "); n != 2 {
		t.Errorf("the token was checked %d times, want 2 (the rejected one once, the right one once)", n)
	}
	if !strings.Contains(a.screen(), "Token (verborgen): \nToken erhalten:") {
		t.Errorf("the hidden prompt showed something:\n%s", a.screen())
	}
}
