//go:build linux || darwin || freebsd

package cli

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"matomo-onboard/matomo/demomatomo"
)

// TestPtyGermanHiddenPromptAndCancel: verify at a terminal asks for the
// token without echo in German, and Ctrl+C there says so in German.
func TestPtyGermanHiddenPromptAndCancel(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	cmd := exec.Command(builtBinary(t), "verify", "--url", srv.URL)
	cmd.Env = []string{"HOME=" + t.TempDir(), "LANG=de_DE.UTF-8", "PATH=/usr/bin:/bin", "TERM=xterm-256color"}
	p := startPty(t, cmd, 100, 30)
	p.waitFor("Token (die Eingabe bleibt verborgen):")
	p.write(demomatomo.TokenViewer[:16])
	p.press("ctrl+c")
	p.waitFor("Abgebrochen, nichts gespeichert.")
	if code := p.exitCode(); code != exitCanceled {
		t.Errorf("exit code %d, want %d", code, exitCanceled)
	}
	if n := srv.RequestCount(); n != 0 {
		t.Errorf("%d request(s) after Ctrl+C, want none", n)
	}
}

// TestPtyGermanWizardEnd: LANG=de_DE.UTF-8 alone starts the wizard in
// German, and its end, once its screen is gone, is German too.
func TestPtyGermanWizardEnd(t *testing.T) {
	t.Parallel()
	p := startPty(t, wizardCmd(t, []string{"LANG=de_DE.UTF-8"}, "--demo", "--latency", "0"), 100, 30)
	p.waitFor("Matomo-API-Token erstellen und prüfen", "q beenden") // the welcome screen and its help bar
	p.press("ctrl+c")
	p.waitFor("Abgebrochen, nichts gespeichert.")
	if code := p.exitCode(); code != exitCanceled {
		t.Errorf("exit code %d, want %d", code, exitCanceled)
	}
}

// TestPtyGermanWizardWholeFlow: with LANG=de_DE.UTF-8 and no flag, the
// built binary's wizard walks from the welcome screen to its end in
// German at 100 and at 40 columns: the guide in Matomo's German words,
// the token's check, the sites, the yes key of the question before a
// rejected token is sent again (j, and y sends nothing), done, the quit
// question and the summary.
func TestPtyGermanWizardWholeFlow(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	p := startPty(t, wizardCmd(t, []string{"LANG=de_DE.UTF-8"}, "--url", srv.URL), 100, 30)
	host := strings.TrimPrefix(srv.URL, "http://")

	p.waitFor("Matomo-Onboarding", "Start", "Matomo-API-Token erstellen und prüfen", "Der Token ist geheim",
		"enter starten · q beenden · ? weitere Tasten")
	p.press("enter")
	p.waitFor("Adresse", "Die Adresse Ihres Matomo", srv.URL, "enter prüfen · esc zurück")
	p.press("enter")
	p.waitFor(host+" · Schritt 1 von", "Bei Matomo anmelden", "✓ Matomo erreichbar (unverschlüsseltes http) · ✓ Adresse geprüft",
		"t Ich habe schon einen Token")
	p.press("enter")
	p.waitFor("Schritt 2 von", "Administration öffnen", "Direkter Link")
	assertFits(t, p.screen(), 100)
	p.press("t")
	p.waitFor("Token", "Fügen Sie den Token ein, den Matomo Ihnen gezeigt hat", "Er wird nur an "+host+" gesendet")

	// A rejected token, and the question before it is sent again: y is
	// not the German yes, j is.
	p.paste(demomatomo.DemoTokenRejected)
	p.press("enter")
	p.waitFor("Ergebnis", "✗ Matomo hat diesen Token abgelehnt", "e/esc Token ändern")
	p.press("e")
	p.waitFor("Fügen Sie den Token ein")
	p.press("enter")
	p.waitFor("Trotzdem noch einmal senden? j sendet ihn einmal; n behält ihn hier zum Ändern.", "j ja, senden · n/esc nein")
	before := srv.RequestCount()
	p.press("y", "n")
	p.waitFor("Nicht gesendet. Ändern Sie den Token")
	if n := srv.RequestCount(); n != before {
		t.Errorf("y or n sent %d requests, want none", n-before)
	}
	p.press("ctrl+u")
	p.paste(demomatomo.TokenViewer)
	p.waitFor("32 Zeichen, endet auf …bff8 · hat die Form eines Matomo-Tokens") // after a rejection, not a green light
	p.press("enter")
	p.waitFor("Websites", "✓ Token geprüft · Matomo 5.0.2 · kein Superuser (gut für eine Integration)",
		"2 Websites · 0 Administrator · 0 Schreiben · 2 Ansicht", "Zugriff", "enter diese Website nehmen")

	// Narrow: German at 40 columns, every line inside the screen.
	p.resize(40, 24)
	p.waitFor("URL https://shop.example", "enter diese Website nehmen")
	assertFits(t, p.screen(), 40)

	time.Sleep(chooseAfter)
	p.press("enter")
	p.waitFor("Fertig", "✓ Bereit für Acona", "Tragen Sie im Formular der Datenquelle", "c Token kopieren")
	assertFits(t, p.screen(), 40)
	p.press("q")
	p.waitFor("! Der Token ist noch nirgends gespeichert")
	p.press("q")
	if code := p.exitCode(); code != exitOK {
		t.Errorf("exit code %d, want 0", code)
	}
	p.waitFor("✓ Token geprüft mit "+srv.URL+" (Matomo 5.0.2).", "Website-ID 1: Shop (https://shop.example)")
	p.assertTerminalAsBefore()
	if leak := leakIn(p.rawOutput(), demomatomo.TokenViewer); leak != "" {
		t.Errorf("the token reached the terminal as %q", leak)
	}
	assertTokenOnlyInPOSTBodies(t, srv, demomatomo.TokenViewer)
}

// TestGermanDemoServerBanner keeps demo-server's banner in German in
// testdata/de/demo-server-banner.golden (the port written as PORT). The
// demo's notes on its tokens and logins are the demo Matomo's data,
// English until that package's texts are messages (issue 16, part B).
func TestGermanDemoServerBanner(t *testing.T) {
	t.Parallel()
	cmd := exec.Command(builtBinary(t), "demo-server", "--addr", "127.0.0.1:0", "--sites", "3", "--latency", "0")
	cmd.Env = []string{"HOME=" + t.TempDir(), "LANG=de_DE.UTF-8", "PATH=/usr/bin:/bin"}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	banner := make(chan string, 1)
	go func() {
		var b strings.Builder
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			b.WriteString(sc.Text() + "\n")
			if sc.Text() == "Läuft bis Strg+C." {
				break
			}
		}
		banner <- b.String()
	}()
	var got string
	select {
	case got = <-banner:
	case <-time.After(10 * time.Second):
		t.Fatal("no banner within 10s")
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	rest, _ := io.ReadAll(stdout)
	if err := cmd.Wait(); err != nil {
		t.Errorf("demo-server after Ctrl+C: %v", err)
	}
	if !strings.Contains(string(rest), "Demo-Matomo beendet.") {
		t.Errorf("after Ctrl+C: %q", rest)
	}
	got = regexp.MustCompile(`127\.0\.0\.1:\d+`).ReplaceAllString(got, "127.0.0.1:PORT")
	goldenFile(t, filepath.Join("testdata", "de", "demo-server-banner.golden"), got)
}
