//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"matomo-onboard/matomo/demomatomo"
)

// --report onto a named pipe or a symbolic link is refused, exit 1 after
// the outcome, and the path is left as it was.
func TestReportOntoWhatIsNotAFileIsRefused(t *testing.T) {
	srv := startFake(t, demomatomo.Options{})
	dir := t.TempDir()
	target := filepath.Join(dir, "elsewhere.txt")
	os.WriteFile(target, []byte("not the report"), 0o644)
	link := filepath.Join(dir, "report-link.txt")
	os.Symlink(target, link)
	fifo := filepath.Join(dir, "report.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{link: "it is a symbolic link", fifo: "it is a named pipe (FIFO)"} {
		before, _ := os.Lstat(path)
		code, stdout, stderr := runCLI(t, demomatomo.TokenViewer, nil, "verify", "--url", srv.URL, "--report", path)
		if code != exitFailure {
			t.Errorf("%s: exit %d, want %d\n%s%s", filepath.Base(path), code, exitFailure, stdout, stderr)
		}
		if !strings.Contains(stdout, "✓ Token verified") || !strings.Contains(stderr, "✗ Cannot write the report to "+path+": "+want) {
			t.Errorf("%s: output:\n%s%s", filepath.Base(path), stdout, stderr)
		}
		if after, err := os.Lstat(path); err != nil || after.Mode() != before.Mode() {
			t.Errorf("%s: was %v, is %v", filepath.Base(path), before.Mode(), after.Mode())
		}
	}
	if b, _ := os.ReadFile(target); string(b) != "not the report" {
		t.Errorf("the link's target was written: %q", b)
	}
}
