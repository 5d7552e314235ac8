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
