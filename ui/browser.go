package ui

import (
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"

	tea "charm.land/bubbletea/v2"

	"matomo-onboard/internal/desktop"
	"matomo-onboard/matomo"
)

// Browser opens a link in the person's web browser.
type Browser interface {
	// Open hands url to the browser and reports how that went, waiting a
	// few seconds at most: nil when the opener finished without an error,
	// an *OpenError when it failed or had not finished yet.
	Open(url string) error
}

// OpenError is why Open could not report success.
type OpenError struct {
	// Opener is the program that was to open the link ("xdg-open").
	Opener string
	// Running is set when the opener had not finished within the wait:
	// it has the link, and some openers stay until the browser closes, so
	// whether a window appeared is unknown.
	Running bool
	// Err is why it failed, when it is not Running.
	Err error
}

func (e *OpenError) Error() string {
	if e.Running {
		return e.Opener + " has not finished yet"
	}
	return e.Opener + ": " + e.Err.Error()
}

func (e *OpenError) Unwrap() error { return e.Err }

// openWait bounds the wait for the opener's exit status: xdg-open, open
// and rundll32 return within moments once the browser has the link.
const openWait = 3 * time.Second

// SystemBrowser returns the platform's way to open links, or why there is
// none: over SSH the browser would open on the remote machine, and a
// Linux machine without a desktop has none. env is the environment the
// opener runs with (main passes its own without the token variable).
func SystemBrowser(env []string) (Browser, string) {
	if desktop.Remote(env) {
		return nil, "this is an SSH session, so a browser would open on the remote computer"
	}
	switch runtime.GOOS {
	case "darwin":
		return execBrowser{name: "open", env: env, wait: openWait}, ""
	case "windows":
		return execBrowser{name: "rundll32", args: []string{"url.dll,FileProtocolHandler"}, env: env, wait: openWait}, ""
	}
	if desktop.Getenv(env, "DISPLAY") == "" && desktop.Getenv(env, "WAYLAND_DISPLAY") == "" {
		return nil, "this computer has no graphical desktop"
	}
	if _, err := exec.LookPath("xdg-open"); err != nil {
		return nil, "xdg-open, which opens links on Linux, is not installed"
	}
	return execBrowser{name: "xdg-open", env: env, wait: openWait}, ""
}

type execBrowser struct {
	name string
	args []string
	env  []string
	wait time.Duration
}

// Open starts the opener and waits for its exit status, up to b.wait.
// Its output is not read: a browser it starts may keep it open.
func (b execBrowser) Open(url string) error {
	cmd := exec.Command(b.name, append(append([]string(nil), b.args...), url)...)
	cmd.Env = b.env
	if err := cmd.Start(); err != nil {
		return &OpenError{Opener: b.name, Err: err}
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }() // also reaps it after the wait
	select {
	case err := <-done:
		if err != nil {
			return &OpenError{Opener: b.name, Err: err}
		}
		return nil
	case <-time.After(b.wait):
		return &OpenError{Opener: b.name, Running: true}
	}
}

// openCmd opens a link, or says why it cannot and where the link is.
func (m *Model) openCmd(url string) tea.Cmd {
	if m.cfg.Browser == nil {
		reason := m.cfg.NoBrowserReason
		if reason == "" {
			reason = "no browser is available here"
		}
		return func() tea.Msg {
			return actionMsg{status: "Not opened: " + reason + ". Open the link above yourself, or press c to copy it."}
		}
	}
	b := m.cfg.Browser
	return func() tea.Msg { return actionMsg{status: openStatus(b.Open(url), url)} }
}

// openStatus says what became of an Open, only what is known: the link in
// full where the person has to open it by hand.
func openStatus(err error, url string) string {
	var oe *OpenError
	switch {
	case err == nil:
		return "✓ Handed the link to your browser."
	case errors.As(err, &oe) && oe.Running:
		return "Handed the link to " + oe.Opener + ", which has not finished (some wait until the browser closes). " +
			"If no browser window appears, open this link yourself: " + url
	case errors.As(err, &oe):
		return "✗ The browser did not open: " + oe.Opener + " " + openFailure(oe.Opener, oe.Err) + ". Open this link yourself: " + url
	}
	return "✗ The browser did not open (" + err.Error() + "). Open this link yourself: " + url
}

// openFailure puts an opener's failure into words: its exit status, and
// what xdg-open's statuses mean.
func openFailure(opener string, err error) string {
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		return "could not be started (" + err.Error() + ")"
	}
	if !ee.Exited() {
		return "was stopped (" + ee.String() + ")"
	}
	var why string
	if filepath.Base(opener) == "xdg-open" {
		why = map[int]string{
			1: "a usage error", 2: "a file it needed was missing",
			3: "no program to open links with was found", 4: "the browser could not be started",
		}[ee.ExitCode()]
	}
	if why == "" {
		return fmt.Sprintf("ended with exit status %d", ee.ExitCode())
	}
	return fmt.Sprintf("ended with exit status %d: %s", ee.ExitCode(), why)
}

// ReportWriter writes a redacted diagnostics report of a session's
// findings (matomo.NewReport) and returns where.
type ReportWriter func(matomo.Findings) (string, error)

func (m *Model) reportCmd() tea.Cmd {
	write := m.cfg.Report
	in := m.found.Findings()
	at := m.now() // the report describes the findings of this moment
	return func() tea.Msg {
		path, err := write(in)
		if err != nil {
			return actionMsg{status: "✗ Could not write the report: " + err.Error(), at: &at}
		}
		// The path on a line of its own: the person has to find the file.
		return actionMsg{status: "✓ Diagnostics written to this file (only you can read it; it holds no token):", path: path, at: &at}
	}
}
