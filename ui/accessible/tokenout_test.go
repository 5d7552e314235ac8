package accessible

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"matomo-onboard/matomo/demomatomo"
)

// fakeClipboard records what it was given.
type fakeClipboard struct {
	got  []string
	fail error
}

func (f *fakeClipboard) Name() string { return "wl-copy" }
func (f *fakeClipboard) Copy(text string) error {
	f.got = append(f.got, text)
	return f.fail
}

// TestTheTokenIsTakenAtTheEnd: the token, never printed, goes where the
// person asks at the end: the system clipboard (the token itself, once)
// and a new file they name; then finishing asks nothing, and says where
// the file is.
func TestTheTokenIsTakenAtTheEnd(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	dir := t.TempDir()
	file := filepath.Join(dir, "acona-token.txt")
	cb := &fakeClipboard{}
	tr := run(t, Config{URL: srv.URL, Clipboard: cb}, "", "t", demomatomo.TokenViewer, "", "",
		"copy", "save", file, "save", file, "")
	if tr.err != nil || !tr.outcome.Verified || tr.outcome.SavedTo != file {
		t.Fatalf("Run: %v, outcome %+v", tr.err, tr.outcome)
	}
	if len(cb.got) != 1 || cb.got[0] != demomatomo.TokenViewer {
		t.Errorf("the clipboard got %d texts, want the token once", len(cb.got))
	}
	if b, err := os.ReadFile(file); err != nil || string(b) != demomatomo.TokenViewer+"\n" {
		t.Errorf("the file holds %q (%v), want the token and a line end", b, err)
	}
	if fi, err := os.Stat(file); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the file's mode: %v %v, want -rw-------", fi.Mode(), err)
	}
	tr.has(t,
		"It is not shown here: copy puts it into the system clipboard, save into a new file, or paste it from where you copied it in Matomo.",
		"Answers: 1 finish (end here, Enter), 2 copy (put the token into the system clipboard, with wl-copy), 3 save (save the token to a new file that only you can read), 4 sites (choose another site).",
		"wl-copy put the token into the system clipboard.",
		"File name [matomo-token.txt]: "+file,
		"Saved the token to "+file+". Only you can read it",
		"Not saved to "+file+": it exists already, and this file is only ever written as a new one. Type save to choose another name.",
		"Finished. The token is saved in "+file+", and nowhere else by matomo-onboard.",
	)
	tr.lacks(t, "not saved anywhere yet")
}

// TestEndingBeforeTheTokenIsTakenAsksOnce: finish, or quit at any later
// question, while the verified token is nowhere yet says so once; the
// second time ends. A demo token, no secret, is not held back.
func TestEndingBeforeTheTokenIsTakenAsksOnce(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	const held = "The token is not saved anywhere yet, and Matomo does not show it again"
	tr := run(t, Config{URL: srv.URL}, "", "t", demomatomo.TokenViewer, "", "", "finish", "finish")
	if tr.err != nil || !tr.outcome.Verified {
		t.Fatalf("Run: %v, outcome %+v", tr.err, tr.outcome)
	}
	if strings.Count(tr.out, held) != 1 {
		t.Errorf("held back %d times, want once", strings.Count(tr.out, held))
	}
	tr.has(t, held+": save puts it into a new file. Choose finish again to end without it.")
	tr = run(t, Config{URL: srv.URL, Clipboard: &fakeClipboard{}}, "", "t", demomatomo.TokenViewer, "", "quit", "quit")
	if !errors.Is(tr.err, ErrQuit) || strings.Count(tr.out, held) != 1 {
		t.Errorf("quit at the sites: %v, held back %d times, want once", tr.err, strings.Count(tr.out, held))
	}
	tr.has(t, held+": at the end, copy puts it into the system clipboard, save into a new file. Type quit again to stop without it.")
	demo := startFake(t, demomatomo.Demo(), demomatomo.Options{})
	tr = run(t, Config{URL: demo.URL, DemoTokens: demoTokens()}, "", "t", "1", "", "", "finish")
	if tr.err != nil || !tr.outcome.Verified {
		t.Fatalf("demo: %v, outcome %+v", tr.err, tr.outcome)
	}
	tr.lacks(t, held)
}

// TestATokenTypedAsTheFileNameIsNotUsed: a token pasted at the file name
// question is neither repeated nor made a file's name.
func TestATokenTypedAsTheFileNameIsNotUsed(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	dir := t.TempDir()
	t.Chdir(dir)
	cb := &fakeClipboard{fail: errors.New("wl-copy ended with exit status 1")}
	tr := run(t, Config{URL: srv.URL, Clipboard: cb}, "", "t", demomatomo.TokenViewer, "", "",
		"copy", "save", demomatomo.TokenViewer, "finish", "finish")
	if tr.err != nil {
		t.Fatalf("Run: %v", tr.err)
	}
	tr.has(t,
		"The token did not reach the system clipboard: wl-copy ended with exit status 1. Type save to save it to a file instead.",
		"That looks like a token, not a file name: nothing was saved, and it is not repeated.",
	)
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("%d files were written", len(entries))
	}
}
