package ui

import (
	"fmt"
	"os/exec"
	"runtime"
	"strings"

	tea "charm.land/bubbletea/v2"

	"matomo-onboard/matomo"
)

// Browser opens a link in the person's web browser.
type Browser interface {
	Open(url string) error
}

// SystemBrowser returns the platform's way to open links, or why there is
// none: over SSH the browser would open on the remote machine, and a
// Linux machine without a desktop has none. env is the environment the
// opener runs with (main passes its own without the token variable).
func SystemBrowser(env []string) (Browser, string) {
	get := func(k string) string {
		for _, kv := range env {
			if v, ok := strings.CutPrefix(kv, k+"="); ok {
				return v
			}
		}
		return ""
	}
	if get("SSH_CONNECTION") != "" || get("SSH_CLIENT") != "" || get("SSH_TTY") != "" {
		return nil, "this is an SSH session, so a browser would open on the remote computer"
	}
	switch runtime.GOOS {
	case "darwin":
		return execBrowser{name: "open", env: env}, ""
	case "windows":
		return execBrowser{name: "rundll32", args: []string{"url.dll,FileProtocolHandler"}, env: env}, ""
	}
	if get("DISPLAY") == "" && get("WAYLAND_DISPLAY") == "" {
		return nil, "this computer has no graphical desktop"
	}
	if _, err := exec.LookPath("xdg-open"); err != nil {
		return nil, "xdg-open, which opens links on Linux, is not installed"
	}
	return execBrowser{name: "xdg-open", env: env}, ""
}

type execBrowser struct {
	name string
	args []string
	env  []string
}

// Open starts the opener and does not wait for the browser.
func (b execBrowser) Open(url string) error {
	cmd := exec.Command(b.name, append(append([]string(nil), b.args...), url)...)
	cmd.Env = b.env
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap it; the browser lives on without us
	return nil
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
	return func() tea.Msg {
		if err := b.Open(url); err != nil {
			return actionMsg{status: fmt.Sprintf("✗ Could not open the browser (%v). Open the link above yourself.", err)}
		}
		return actionMsg{status: "✓ Opened in your browser."}
	}
}

// ReportWriter writes a redacted diagnostics report of a session's
// findings (matomo.NewReport) and returns where.
type ReportWriter func(matomo.Findings) (string, error)

func (m *Model) reportCmd() tea.Cmd {
	write := m.cfg.Report
	in := m.found.Findings()
	return func() tea.Msg {
		path, err := write(in)
		if err != nil {
			return actionMsg{status: "✗ Could not write the report: " + err.Error()}
		}
		return actionMsg{status: "✓ Diagnostics written to " + path + " (only you can read it; it holds no token)."}
	}
}
