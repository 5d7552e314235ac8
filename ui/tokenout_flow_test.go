package ui_test

// The done screen as a person uses it: the token, never drawn, leaves
// only where they ask, and the screen says only what happened.

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
	"matomo-onboard/ui"
)

// recordingClipboard is a system clipboard that keeps what it was given.
type recordingClipboard struct {
	mu   sync.Mutex
	got  []string
	fail error
}

func (c *recordingClipboard) Name() string { return "wl-copy" }

func (c *recordingClipboard) Copy(text string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.got = append(c.got, text)
	return c.fail
}

func (c *recordingClipboard) texts() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.got...)
}

// toDone verifies the viewer's token and chooses the first site.
func (f *flow) toDone() {
	f.t.Helper()
	f.toToken()
	f.paste(demomatomo.TokenViewer)
	f.press("enter")
	f.waitFor("✓ Token verified")
	f.press("enter")
	f.waitFor("✓ Ready for Acona")
}

// TestFlowTheTokenGoesOnlyWhereAsked: c says it only sent the token to the
// terminal's clipboard, which some terminals ignore, and names the other
// ways; s gives the token to the system clipboard's tool; w saves it to a
// new file the person names. None of them draws it.
func TestFlowTheTokenGoesOnlyWhereAsked(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	cb := &recordingClipboard{}
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL, Clipboard: cb}, 100, 30)
	f.toDone()
	f.waitFor("API Key your token (32 characters, ends …bff8), not shown",
		"c sends it to the terminal's clipboard. Some terminals ignore that (tmux does by default).",
		"s puts it into the system clipboard, with wl-copy.", "w saves it to a new file that only you can read.",
		"c copy token · s system clipboard · w save to file")
	f.press("c")
	f.waitFor("Sent the token to the terminal's clipboard. Some terminals ignore that (tmux does by default): " +
		"if pasting gives nothing, press s for the system clipboard (wl-copy) or w to save it to a file.")
	if s := f.screen(); strings.Contains(s, "✓ Copied") || strings.Contains(s, "mouse") {
		t.Errorf("c claims a copy, or advises selecting a token that is not shown:\n%s", s)
	}
	f.press("s")
	f.waitFor("✓ wl-copy put the token into the system clipboard.")
	if got := cb.texts(); len(got) != 1 || got[0] != demomatomo.TokenViewer {
		t.Errorf("the clipboard tool got %d texts, want the token once", len(got))
	}
	file := filepath.Join(t.TempDir(), "acona.txt")
	f.press("w")
	f.waitFor("Save the token to a file", "matomo-token.txt", "enter save · esc cancel")
	f.press("ctrl+u")
	f.paste(file)
	f.press("enter")
	f.waitFor("✓ Saved the token to this file (only you can read it;")
	if b, err := os.ReadFile(file); err != nil || string(b) != demomatomo.TokenViewer+"\n" {
		t.Errorf("the file holds %q (%v)", b, err)
	}
	if fi, err := os.Stat(file); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the file's mode: %v (%v)", fi.Mode(), err)
	}
	if strings.Contains(f.screen(), demomatomo.TokenViewer) {
		t.Fatal("the token is on the screen")
	}
	f.press("q") // the token is somewhere now: q quits at once
	out := f.finish()
	if !out.Verified || out.Canceled || out.SavedTo != file {
		t.Errorf("outcome %+v", out)
	}
}

// TestFlowSavingTheTokenRefusesWhatItMust: an existing file is never
// replaced (the name stays to be changed), a token pasted into the name is
// dropped at once, esc leaves nothing behind.
func TestFlowSavingTheTokenRefusesWhatItMust(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL}, 100, 30)
	f.toDone()
	f.waitFor("There is no system clipboard here.") // none configured: s is not offered
	if strings.Contains(f.screen(), "s system clipboard") {
		t.Errorf("s is offered without a system clipboard:\n%s", f.screen())
	}
	dir := t.TempDir()
	old := filepath.Join(dir, "old.txt")
	os.WriteFile(old, []byte("keep me"), 0o600)
	f.press("w")
	f.waitFor("Save the token to a file")
	f.press("ctrl+u")
	f.paste(old)
	f.press("enter")
	f.waitFor("✗ Not saved to", "it exists already, and this file is only ever written as a new one. Choose another name.")
	if b, _ := os.ReadFile(old); string(b) != "keep me" {
		t.Error("an existing file was changed")
	}
	f.press("ctrl+u")
	f.paste(demomatomo.TokenViewer)
	f.waitFor("! That held a token; it was removed. Type a file name here.")
	f.press("esc")
	f.waitFor("Not saved.", "w save to file")
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the folder, want only the old one", len(entries))
	}
	f.press("ctrl+c")
	f.finish(demomatomo.TokenViewer)
}

// TestFlowQuittingWhileTheTokenIsNowhereAsksOnce: q on the sites and the
// done screen, with the verified token copied nowhere, says so once; the
// second q quits. Ctrl+C never asks.
func TestFlowQuittingWhileTheTokenIsNowhereAsksOnce(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL}, 100, 30)
	f.toToken()
	f.paste(demomatomo.TokenViewer)
	f.press("enter")
	f.waitFor("✓ Token verified")
	f.press("q")
	f.waitFor("! The token is not saved anywhere yet, and Matomo does not show it again. " +
		"On the next screen (enter), c or w copy or save it, or q again to quit without it.")
	f.press("enter")
	f.waitFor("✓ Ready for Acona")
	f.press("q")
	out := f.finish(demomatomo.TokenViewer)
	if !out.Verified || out.Canceled {
		t.Errorf("the second q did not end the wizard: %+v", out)
	}

	f = startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL}, 100, 30)
	f.toDone()
	f.press("ctrl+c")
	if out := f.finish(demomatomo.TokenViewer); !out.Canceled || !out.Verified {
		t.Errorf("ctrl+c: %+v", out)
	}
}

// TestFlowTheDoneScreenRepeatsTheSuperuserWarning: the token is taken
// away from the done screen, so the warning is there too.
func TestFlowTheDoneScreenRepeatsTheSuperuserWarning(t *testing.T) {
	t.Parallel()
	for _, size := range [][2]int{{40, 24}, {120, 30}} {
		srv := startFake(t, demomatomo.Options{})
		f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL}, size[0], size[1])
		f.toToken()
		f.paste(demomatomo.TokenSuperUser)
		f.press("enter")
		f.waitFor("✓ Token verified", "superuser")
		f.press("enter")
		want := "! This is a superuser's token: it can change everything in this Matomo."
		if size[0] < 60 {
			want = "! Superuser token: for an integration, use a user with view access only."
		}
		f.waitFor("✓ Ready for Acona", want)
		f.press("ctrl+c")
		f.finish(demomatomo.TokenSuperUser)
	}
}

// TestFlowAFailingSystemClipboardIsSaid: the tool's failure is said, with
// the way out that is left; nothing counts as copied.
func TestFlowAFailingSystemClipboardIsSaid(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	cb := &recordingClipboard{fail: errors.New("wl-copy ended with exit status 1")}
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL, Clipboard: cb}, 100, 30)
	f.toDone()
	f.press("s")
	f.waitFor("✗ The token did not reach the system clipboard: wl-copy ended with exit status 1. Press w to save it to a file instead.")
	f.press("q")
	f.waitFor("! The token is not saved anywhere yet")
	f.press("q")
	f.finish(demomatomo.TokenViewer)
}

// TestFlowATokenTypedIntoTheFileNameLeavesThePath: typed key by key (a
// terminal without bracketed paste), a token inside the file's path is
// taken out, and only the token: the folder and name around it stay, and
// the file is written where the person meant, not as a hidden ".txt" in
// the current folder (attack2 A5).
func TestFlowATokenTypedIntoTheFileNameLeavesThePath(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL}, 100, 30)
	f.toDone()
	dir := t.TempDir()
	f.press("w")
	f.waitFor("Save the token to a file")
	f.press("ctrl+u")
	for _, r := range dir + "/tok-" + demomatomo.TokenViewer + ".txt" {
		f.press(string(r))
	}
	f.waitFor("! That held a token; it was removed.", dir+"/tok-.txt")
	f.press("enter")
	f.waitFor("✓ Saved the token to this file")
	if b, err := os.ReadFile(filepath.Join(dir, "tok-.txt")); err != nil || string(b) != demomatomo.TokenViewer+"\n" {
		t.Errorf("the file holds %q (%v)", b, err)
	}
	f.press("q")
	f.finish(demomatomo.TokenViewer)
}
