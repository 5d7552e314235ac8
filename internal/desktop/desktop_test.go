//go:build unix

package desktop

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// found is a lookPath that knows only the given programs.
func found(names ...string) func(string) (string, error) {
	return func(name string) (string, error) {
		for _, n := range names {
			if n == name {
				return "/usr/bin/" + name, nil
			}
		}
		return "", errors.New("not found")
	}
}

// TestFindClipboardFollowsTheDesktop: the tool of the desktop in use,
// with its clipboard (not X's primary selection); none over SSH, whatever
// is installed, and a reason that says why.
func TestFindClipboardFollowsTheDesktop(t *testing.T) {
	all := found("wl-copy", "xclip", "xsel", "pbcopy", "clip.exe")
	for _, tc := range []struct {
		name   string
		env    []string
		goos   string
		look   func(string) (string, error)
		tool   string
		args   string
		reason string
	}{
		{"Wayland", []string{"WAYLAND_DISPLAY=wayland-0", "DISPLAY=:0"}, "linux", all, "wl-copy", "", ""},
		{"X11", []string{"DISPLAY=:0"}, "linux", all, "xclip", "-selection clipboard", ""},
		{"X11 with xsel only", []string{"DISPLAY=:0"}, "linux", found("xsel"), "xsel", "--clipboard --input", ""},
		{"WSL", []string{"WSL_DISTRO_NAME=Debian"}, "linux", all, "clip.exe", "", ""},
		{"macOS", nil, "darwin", all, "pbcopy", "", ""},
		{"Windows", nil, "windows", all, "clip.exe", "", ""},
		{"over SSH", []string{"DISPLAY=:0", "SSH_CONNECTION=10.0.0.1 5 10.0.0.2 22"}, "linux", all, "", "",
			"this is an SSH session, so the system clipboard here is the remote computer's"},
		{"over SSH on a Mac", []string{"SSH_TTY=/dev/ttys001"}, "darwin", all, "", "", "this is an SSH session"},
		{"no desktop", nil, "linux", all, "", "", "this computer has no graphical desktop, so no system clipboard"},
		{"nothing installed", []string{"DISPLAY=:0"}, "linux", found(), "", "", "no clipboard tool is installed (xclip, xsel)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, reason := FindClipboard(tc.env, tc.goos, tc.look)
			why := reason.String()
			if tc.tool == "" {
				if c != nil || !strings.Contains(why, tc.reason) {
					t.Errorf("got %v, %q; want none, because %q", c, why, tc.reason)
				}
				return
			}
			if c == nil || c.Name() != tc.tool || strings.Join(c.args, " ") != tc.args || why != "" {
				t.Fatalf("got %+v, %q; want %s %s", c, why, tc.tool, tc.args)
			}
		})
	}
}

// TestCopyGivesTheTextOnStandardInputOnly: the tool gets the text on its
// standard input and nowhere else, with the environment it was found
// with; a failing or hanging tool is said, in bounded time.
func TestCopyGivesTheTextOnStandardInputOnly(t *testing.T) {
	dir := t.TempDir()
	tool := filepath.Join(dir, "xclip")
	script := "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + dir + "/argv'\n/usr/bin/env > '" + dir + "/env'\ncat > '" + dir + "/stdin'\n"
	if err := os.WriteFile(tool, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	c := &Clipboard{name: tool, args: []string{"-selection", "clipboard"}, env: []string{"PATH=/usr/bin:/bin", "DISPLAY=:0"}, wait: time.Second}
	const secret = "c0ffee0123456789abcdef0123456789"
	if err := c.Copy(secret); err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		b, _ := os.ReadFile(filepath.Join(dir, name))
		return string(b)
	}
	if read("stdin") != secret || read("argv") != "-selection\nclipboard\n" || strings.Contains(read("env"), secret) {
		t.Errorf("stdin %q, argv %q; want the text on stdin only", read("stdin"), read("argv"))
	}
	fail := &Clipboard{name: "/bin/false", wait: time.Second}
	if err := fail.Copy(secret); err == nil || err.Error() != "false ended with exit status 1" {
		t.Errorf("a failing tool: %v", err)
	}
	hang := filepath.Join(dir, "hang")
	os.WriteFile(hang, []byte("#!/bin/sh\nsleep 5\n"), 0o755)
	start := time.Now()
	if err := (&Clipboard{name: hang, wait: 200 * time.Millisecond}).Copy(secret); err == nil ||
		!strings.Contains(err.Error(), "did not finish within 200ms") || time.Since(start) > 2*time.Second {
		t.Errorf("a hanging tool: %v after %s", err, time.Since(start))
	}
}
