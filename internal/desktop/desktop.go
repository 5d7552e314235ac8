// Package desktop finds the person's own desktop programs the front ends
// may start for them: the system clipboard's tool, and the rule both it
// and the browser opener follow (only in a session on the person's own
// computer, never over SSH, where they would act on the remote machine).
package desktop

import (
	"errors"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"matomo-onboard/internal/i18n"
)

// Remote reports an SSH session: programs started here would act on the
// remote computer, not on the one in front of the person.
func Remote(env []string) bool {
	return Getenv(env, "SSH_CONNECTION") != "" || Getenv(env, "SSH_CLIENT") != "" || Getenv(env, "SSH_TTY") != ""
}

// Getenv is the value of k in env, or "".
func Getenv(env []string, k string) string {
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, k+"="); ok {
			return v
		}
	}
	return ""
}

// Clipboard is the system clipboard's own command-line tool. The text is
// given on its standard input, never as an argument (which every user of
// the computer can read in the process list).
type Clipboard struct {
	name string
	args []string
	env  []string
	wait time.Duration
}

// clipboardWait bounds the wait for the tool's exit status: the tools put
// the text in place, or hand it to a helper of their own, and return.
const clipboardWait = 3 * time.Second

// FindClipboard returns the platform's clipboard tool for a local
// session, or why there is none (in words for the person, rendered in
// their language where said). env is the environment the tool runs
// with (the caller's, without the token variable); lookPath finds a
// program (exec.LookPath).
func FindClipboard(env []string, goos string, lookPath func(string) (string, error)) (*Clipboard, i18n.Text) {
	if Remote(env) {
		return nil, i18n.T(i18n.DesktopRemoteClipboard)
	}
	candidates := clipboardTools(env, goos)
	if len(candidates) == 0 {
		return nil, i18n.T(i18n.DesktopNoDesktop)
	}
	var names []string
	for _, c := range candidates {
		if path, err := lookPath(c.name); err == nil {
			c.name, c.env, c.wait = path, env, clipboardWait
			return &c, i18n.Text{}
		}
		names = append(names, c.name)
	}
	return nil, i18n.T(i18n.DesktopNoClipboardTool, strings.Join(names, ", "))
}

// clipboardTools are the tools to try, in order, for this desktop.
func clipboardTools(env []string, goos string) []Clipboard {
	switch goos {
	case "darwin":
		return []Clipboard{{name: "pbcopy"}}
	case "windows":
		return []Clipboard{{name: "clip.exe"}}
	}
	var out []Clipboard
	if Getenv(env, "WAYLAND_DISPLAY") != "" {
		out = append(out, Clipboard{name: "wl-copy"})
	}
	if Getenv(env, "DISPLAY") != "" {
		out = append(out, Clipboard{name: "xclip", args: []string{"-selection", "clipboard"}},
			Clipboard{name: "xsel", args: []string{"--clipboard", "--input"}})
	}
	if Getenv(env, "WSL_DISTRO_NAME") != "" {
		out = append(out, Clipboard{name: "clip.exe"}) // Windows's clipboard, from WSL
	}
	return out
}

// System is the clipboard of this computer, as FindClipboard finds it.
func System(env []string) (*Clipboard, i18n.Text) {
	return FindClipboard(env, runtime.GOOS, exec.LookPath)
}

// Name is the tool's name, for messages ("wl-copy").
func (c *Clipboard) Name() string { return filepath.Base(c.name) }

// Copy puts text into the clipboard through the tool's standard input
// and waits for its exit status, a few seconds at most. Its error's
// Error() is English; a Printer renders it in the person's language.
func (c *Clipboard) Copy(text string) error {
	cmd := exec.Command(c.name, c.args...)
	cmd.Env = c.env
	cmd.Stdin = strings.NewReader(text)
	// Its output is not read: a helper it leaves to serve the clipboard
	// (xclip, wl-copy) may keep it open.
	if err := cmd.Start(); err != nil {
		return i18n.Errorf(i18n.DesktopCopyNotStarted, c.Name(), err.Error())
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return i18n.Errorf(i18n.DesktopCopyEnded, c.Name(), ee.ProcessState.String())
		}
		return err
	case <-time.After(c.wait):
		return i18n.Errorf(i18n.DesktopCopyTimeout, c.Name(), c.wait.String())
	}
}
