//go:build unix

package safefile_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"matomo-onboard/internal/safefile"
)

func mode(t *testing.T, path string) fs.FileMode {
	t.Helper()
	fi, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode()
}

func TestWriteMakesPrivateRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fresh := filepath.Join(dir, "new.txt")
	if err := safefile.Write(fresh, []byte("one"), safefile.Options{}); err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(dir, "old.txt")
	os.WriteFile(old, []byte("an old text, longer than the new one"), 0o644)
	os.Chmod(old, 0o666)
	if err := safefile.Write(old, []byte("two"), safefile.Options{}); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{fresh: "one", old: "two"} {
		if b, _ := os.ReadFile(path); string(b) != want || mode(t, path).Perm() != 0o600 {
			t.Errorf("%s: %q with mode %v, want %q with -rw-------", filepath.Base(path), b, mode(t, path), want)
		}
	}
}

// What is not a regular file is refused and left exactly as it was.
func TestWriteRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.txt")
	os.WriteFile(target, []byte("keep me"), 0o644)
	link := filepath.Join(dir, "link")
	os.Symlink(target, link)
	dangling := filepath.Join(dir, "dangling")
	os.Symlink(filepath.Join(dir, "nowhere.txt"), dangling)
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard")
	os.Link(target, hard)
	cases := map[string]string{
		link:     "symbolic link",
		dangling: "symbolic link",
		fifo:     "named pipe (FIFO)",
		hard:     "hard links",
		dir:      "folder",
	}
	if os.Geteuid() == 0 {
		// A device node of our own, with /dev/null's numbers: a wrong
		// write would replace this one, not the system's.
		dev := filepath.Join(dir, "null")
		if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, int(1<<8|3)); err == nil {
			cases[dev] = "device"
		}
	}
	for path, want := range cases {
		before := mode(t, path)
		done := make(chan error, 1)
		go func() { done <- safefile.Write(path, []byte("report"), safefile.Options{}) }()
		var err error
		select {
		case err = <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: writing waited (a named pipe opened for writing waits for a reader)", filepath.Base(path))
		}
		var se *safefile.Error
		if !errors.As(err, &se) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want a refusal saying %q", filepath.Base(path), err, want)
		}
		if after := mode(t, path); after != before {
			t.Errorf("%s: was %v, is %v", filepath.Base(path), before, after)
		}
	}
	if b, _ := os.ReadFile(target); string(b) != "keep me" {
		t.Errorf("the link's target was changed: %q", b)
	}
	if _, err := os.Lstat(filepath.Join(dir, "nowhere.txt")); err == nil {
		t.Error("the dangling link's target was created")
	}
	if got, _ := os.Readlink(link); got != target {
		t.Errorf("the link now points to %q", got)
	}
}

func TestNewOnlyNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "token.txt")
	if err := safefile.Write(path, []byte("first"), safefile.Options{NewOnly: true}); err != nil {
		t.Fatal(err)
	}
	err := safefile.Write(path, []byte("second"), safefile.Options{NewOnly: true})
	if !errors.Is(err, fs.ErrExist) {
		t.Errorf("a second write: %v, want a refusal", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "first" || mode(t, path).Perm() != 0o600 {
		t.Errorf("%q, mode %v", b, mode(t, path))
	}
}

// TestAnotherUsersFileIsNeverWritten: as root, chmod succeeds on a file of
// another user, who still owns it and could make it readable again (or
// read it through a descriptor opened before). Writing into it would make
// "only you can read it" false, so it is refused and left as it was.
func TestAnotherUsersFileIsNeverWritten(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to give a file to another user")
	}
	path := filepath.Join(t.TempDir(), "report.txt")
	if err := os.WriteFile(path, []byte("theirs"), 0o644); err != nil {
		t.Fatal(err)
	}
	const nobody = 65534
	if err := os.Chown(path, nobody, nobody); err != nil {
		t.Fatal(err)
	}
	err := safefile.Write(path, []byte("a report"), safefile.Options{})
	var se *safefile.Error
	if !errors.As(err, &se) || !strings.Contains(se.Reason.String(), "belongs to another user") {
		t.Fatalf("got %v, want a refusal saying the file belongs to another user", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "theirs" || mode(t, path).Perm() != 0o644 {
		t.Errorf("the file changed: %q, mode %v", b, mode(t, path))
	}
}

// WriteNewNamed: what a person types as the file for a saved token. A new
// file only, readable by them only; ~ and a folder are understood; an
// existing file, a link (even a dangling one) or a missing folder is
// refused and nothing is written.
func TestWriteNewNamedWritesOnlyNewFiles(t *testing.T) {
	dir := t.TempDir()
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Chdir(dir)
	for typed, want := range map[string]string{
		"token.txt": filepath.Join(dir, "token.txt"),
		"~/t.txt":   filepath.Join(home, "t.txt"),
		"~":         filepath.Join(home, "matomo-token.txt"),
		dir + "/":   filepath.Join(dir, "matomo-token.txt"),
	} {
		got, err := safefile.WriteNewNamed(typed, "matomo-token.txt", []byte("secret\n"))
		if err != nil || got != want {
			t.Errorf("%q: %q, %v; want %q", typed, got, err, want)
			continue
		}
		if b, _ := os.ReadFile(got); string(b) != "secret\n" || mode(t, got).Perm() != 0o600 {
			t.Errorf("%q: %q with mode %v", typed, b, mode(t, got))
		}
	}
	os.WriteFile(filepath.Join(dir, "old.txt"), []byte("keep me"), 0o644)
	os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "dangling"))
	for typed, reason := range map[string]string{
		"old.txt":         "it exists already",
		"dangling":        "it exists already",
		"missing/new.txt": "the folder it would go in does not exist",
	} {
		got, err := safefile.WriteNewNamed(typed, "matomo-token.txt", []byte("secret\n"))
		if err == nil || !strings.Contains(err.Error(), reason) || !filepath.IsAbs(got) {
			t.Errorf("%q: %q, %v; want a refusal saying %q, with the absolute path", typed, got, err, reason)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "old.txt")); string(b) != "keep me" {
		t.Error("an existing file was changed")
	}
	if _, err := os.Stat(filepath.Join(dir, "nowhere")); err == nil {
		t.Error("a file was written through the dangling link")
	}
}
