package ui

import (
	"errors"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"

	"matomo-onboard/internal/desktop"
	"matomo-onboard/internal/i18n"
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
func SystemBrowser(env []string) (Browser, i18n.Text) {
	if desktop.Remote(env) {
		return nil, i18n.T(i18n.UINoBrowserSSH)
	}
	switch runtime.GOOS {
	case "darwin":
		return execBrowser{name: "open", env: env, wait: openWait}, i18n.Text{}
	case "windows":
		return execBrowser{name: "rundll32", args: []string{"url.dll,FileProtocolHandler"}, env: env, wait: openWait}, i18n.Text{}
	}
	if desktop.Getenv(env, "DISPLAY") == "" && desktop.Getenv(env, "WAYLAND_DISPLAY") == "" {
		return nil, i18n.T(i18n.UINoBrowserDesktop)
	}
	if _, err := exec.LookPath("xdg-open"); err != nil {
		return nil, i18n.T(i18n.UINoBrowserXDGOpen)
	}
	return execBrowser{name: "xdg-open", env: env, wait: openWait}, i18n.Text{}
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
	p := m.cfg.Printer
	if m.cfg.Browser == nil {
		reason := m.cfg.NoBrowserReason
		if reason.IsZero() {
			reason = i18n.T(i18n.UINoBrowser)
		}
		status := p.Sprintf(i18n.UINotOpened, reason)
		return func() tea.Msg { return actionMsg{status: status} }
	}
	b := m.cfg.Browser
	return func() tea.Msg { return actionMsg{status: openStatus(p, b.Open(url), url)} }
}

// openStatus says what became of an Open, only what is known: the link in
// full where the person has to open it by hand.
func openStatus(p *i18n.Printer, err error, url string) string {
	var oe *OpenError
	switch {
	case err == nil:
		return p.Sprintf(i18n.UIOpened)
	case errors.As(err, &oe) && oe.Running:
		return p.Sprintf(i18n.UIOpenerRunning, oe.Opener, url)
	case errors.As(err, &oe):
		return p.Sprintf(i18n.UIOpenerFailed, oe.Opener, openFailure(p, oe.Opener, oe.Err), url)
	}
	return p.Sprintf(i18n.UIOpenFailed, err.Error(), url)
}

// openFailure puts an opener's failure into words: its exit status, and
// what xdg-open's statuses mean.
func openFailure(p *i18n.Printer, opener string, err error) string {
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		return p.Sprintf(i18n.UIOpenerNotStarted, err.Error())
	}
	if !ee.Exited() {
		return p.Sprintf(i18n.UIOpenerStopped, ee.String())
	}
	status := strconv.Itoa(ee.ExitCode())
	var why *i18n.Message
	if filepath.Base(opener) == "xdg-open" {
		why = map[int]*i18n.Message{
			1: i18n.UIXDGOpenUsage, 2: i18n.UIXDGOpenMissing, 3: i18n.UIXDGOpenNoProgram, 4: i18n.UIXDGOpenNoBrowser,
		}[ee.ExitCode()]
	}
	if why == nil {
		return p.Sprintf(i18n.UIOpenerExit, status)
	}
	return p.Sprintf(i18n.UIOpenerExitWhy, status, why)
}

// ReportWriter writes a redacted diagnostics report of a session's
// findings (matomo.NewReport) and returns where.
type ReportWriter func(matomo.Findings) (string, error)

func (m *Model) reportCmd() tea.Cmd {
	write := m.cfg.Report
	in := m.found.Findings()
	at := m.now() // the report describes the findings of this moment
	p := m.cfg.Printer
	return func() tea.Msg {
		path, err := write(in)
		if err != nil {
			return actionMsg{status: p.Sprintf(i18n.UIReportFailed, p.Error(err)), at: &at}
		}
		// The path on a line of its own: the person has to find the file.
		return actionMsg{status: p.Sprintf(i18n.UIReportWritten), path: path, at: &at}
	}
}
