//go:build linux || freebsd

package cli

// The wizard on a desktop whose helper programs (the browser opener, the
// clipboard tools) are scripts on the PATH that record how they were
// started: the wizard says only what they reported.

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"matomo-onboard/matomo/demomatomo"
)

// fakeDesktop is a folder of fake helper programs, put first on the PATH, and
// where they leave their records.
type fakeDesktop struct {
	bin, records string
}

// newFakeDesktop writes each tool as a shell script whose body is given; the
// script first records its arguments, environment and standard input
// under records/NAME.argv, .env and .stdin.
func newFakeDesktop(t *testing.T, tools map[string]string) *fakeDesktop {
	t.Helper()
	d := &fakeDesktop{bin: t.TempDir(), records: t.TempDir()}
	for name, body := range tools {
		rec := filepath.Join(d.records, name)
		script := "#!/bin/sh\n" +
			"printf '%s\\n' \"$@\" > '" + rec + ".argv.tmp' && mv '" + rec + ".argv.tmp' '" + rec + ".argv'\n" +
			"/usr/bin/env > '" + rec + ".env.tmp' && mv '" + rec + ".env.tmp' '" + rec + ".env'\n" +
			"cat > '" + rec + ".stdin.tmp' && mv '" + rec + ".stdin.tmp' '" + rec + ".stdin'\n" +
			body + "\n"
		if err := os.WriteFile(filepath.Join(d.bin, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

// cmd is the built wizard on this desktop (an X display, no SSH).
func (d *fakeDesktop) cmd(t *testing.T, env []string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(builtBinary(t), args...)
	cmd.Env = append([]string{"HOME=" + t.TempDir(), "LANG=C.UTF-8", "PATH=" + d.bin + ":/usr/bin:/bin",
		"TERM=xterm-256color", "DISPLAY=:99"}, env...)
	cmd.Dir = t.TempDir()
	return cmd
}

// record waits for a tool's record of how it was started.
func (d *fakeDesktop) record(t *testing.T, name string) (argv, env, stdin string) {
	t.Helper()
	deadline := time.Now().Add(e2eWait)
	for {
		a, errA := os.ReadFile(filepath.Join(d.records, name+".argv"))
		e, errE := os.ReadFile(filepath.Join(d.records, name+".env"))
		in, errI := os.ReadFile(filepath.Join(d.records, name+".stdin"))
		if errA == nil && errE == nil && errI == nil {
			return string(a), string(e), string(in)
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s was not started (no record of it)", name)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestPtyOpenSaysWhatTheOpenerReported: o on the guide waits for the
// opener's exit status; a failing one is said, with the link to open by
// hand, and nothing claims the browser opened.
func TestPtyOpenSaysWhatTheOpenerReported(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	d := newFakeDesktop(t, map[string]string{"xdg-open": "exit 3"})
	p := startPty(t, d.cmd(t, nil, "--url", srv.URL), 120, 30)
	p.waitFor("Create and verify your Matomo API token")
	p.press("enter")
	p.waitFor("Your Matomo address", "enter check")
	p.press("enter")
	p.waitFor("step 1 of 8", "o open in browser")
	p.press("o")
	link := srv.URL + "/"
	p.waitFor("✗ The browser did not open: xdg-open ended with exit status 3: no program to open links with was found.",
		"Open this link yourself: "+link)
	if strings.Contains(p.screen(), "✓ Handed") || strings.Contains(p.screen(), "Opened in your browser") {
		t.Errorf("the screen claims the browser opened:\n%s", p.screen())
	}
	if argv, _, _ := d.record(t, "xdg-open"); argv != link+"\n" {
		t.Errorf("xdg-open got %q, want the link", argv)
	}
	p.press("ctrl+c")
	p.exitCode()
}

// TestPtyNoSystemClipboardOverSSH: over SSH the system clipboard would be
// the remote computer's, so s is not offered, whatever is installed, and
// the done screen says why; the file way out stays.
func TestPtyNoSystemClipboardOverSSH(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	d := newFakeDesktop(t, map[string]string{"xclip": "exit 0", "wl-copy": "exit 0"})
	p := startPty(t, d.cmd(t, []string{"SSH_CONNECTION=10.0.0.1 50000 10.0.0.2 22", "WAYLAND_DISPLAY=wayland-0"}, "--url", srv.URL), 120, 30)
	p.toTokenScreen()
	p.paste(demomatomo.TokenViewer)
	p.press("enter")
	p.waitFor("✓ Token verified")
	time.Sleep(chooseAfter) // Enter chooses a site once the list has been shown this long
	p.press("enter")
	p.waitFor("✓ Ready for Acona",
		"No system clipboard: this is an SSH session, so the system clipboard here is the remote computer's.",
		"c copy token · w save to file")
	p.press("s")
	time.Sleep(100 * time.Millisecond)
	for _, tool := range []string{"xclip", "wl-copy"} {
		if _, err := os.Stat(filepath.Join(d.records, tool+".argv")); err == nil {
			t.Errorf("%s was started over SSH", tool)
		}
	}
	p.press("ctrl+c")
	p.exitCode()
}
