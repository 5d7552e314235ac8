package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"golang.org/x/term"

	"matomo-onboard/internal/desktop"
	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
	"matomo-onboard/ui"
)

// chooseAfter is how long the wizard's site list is shown before Enter
// chooses a site (ui.Config.ChooseAfter): longer than a double press,
// shorter than a person's reading of the list.
const chooseAfter = 400 * time.Millisecond

// runTUI runs the Bubble Tea wizard and reports how it ended. The screen
// shows no token; the summary printed afterwards (for the scrollback)
// shows none either.
func (c *Env) runTUI(ctx context.Context, s *session) int {
	go warmWidthTable()
	env := childEnv(os.Environ())
	browser, noBrowser := ui.SystemBrowser(env)
	cfg := ui.Config{
		Client:          s.client,
		URL:             s.url,
		AllowHTTP:       s.allowHTTP,
		Warning:         uiText(s.warning),
		Browser:         browser,
		NoBrowserReason: noBrowser,
		Report:          c.writeReport,
		LabelLang:       s.labelLang,
		Printer:         c.tr(),
		ChooseAfter:     chooseAfter,
	}
	cfg.Width, cfg.Height = terminalSize(c.Stdout)
	if cb, why := desktop.System(env); cb != nil {
		cfg.Clipboard = cb
	} else {
		cfg.NoClipboardReason = c.tr().Text(why)
	}
	for _, t := range s.demoTokens() {
		cfg.DemoTokens = append(cfg.DemoTokens, ui.DemoToken{Value: t.Value, Note: c.tr().Text(t.Note)})
	}
	for _, u := range s.demoLogins() {
		d := ui.DemoLogin{Login: u.Login, Password: u.Password, Note: c.tr().Text(u.Note)}
		if secret := u.TwoFactorSecret; secret != "" {
			d.Code = func() string { return demomatomo.TOTP(secret, time.Now()) }
		}
		cfg.DemoLogins = append(cfg.DemoLogins, d)
	}
	opts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithInput(c.Stdin), tea.WithOutput(c.Stdout)}
	if c.Getenv("NO_COLOR") != "" {
		// no-color.org: any non-empty value. Bubble Tea's own check only
		// honours values like "1" or "true".
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	wizard := ui.New(cfg)
	_, err := tea.NewProgram(wizard, opts...).Run()
	out := wizard.Outcome() // Run has returned: nothing updates the wizard any more
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		c.say(i18n.CLIWizardBug, err)
		return exitFailure
	case err != nil && !errors.Is(err, tea.ErrInterrupted) && !errors.Is(err, tea.ErrProgramKilled):
		// A real failure (the terminal could not be set up, say), not an end
		// the person chose: say what it was instead of "canceled".
		c.say(i18n.CLIWizardStopped, err)
		return exitFailure
	case out.Verified && (out.Canceled || err != nil || ctx.Err() != nil):
		// Ctrl+C after the token was verified (on the done screen, say):
		// the same summary as q leaves, with the exit code of a cancel.
		c.printOutcome(out)
		return exitCanceled
	case !out.Verified:
		// A SIGTERM makes Bubble Tea quit like a normal end, and an
		// unverified end is never a success. What failed last stays in
		// the scrollback, as verify would say it, wrapped at the
		// terminal's width so that no word is cut.
		width := c.lineWidth(c.Stderr)
		fmt.Fprintln(c.Stderr, wrapWidth(c.tr().Sprintf(i18n.CLICanceled), width, "", ""))
		for _, line := range out.EndNote {
			body := strings.TrimLeft(line, " ")
			lead := line[:len(line)-len(body)]
			fmt.Fprintln(c.Stderr, wrapWidth(body, width, lead, lead+"  "))
		}
		return exitCanceled
	}
	c.printOutcome(out)
	return exitOK
}

// warmWidthTable builds, beside the start-up, the table Bubble Tea's
// renderer measures characters with. Unless the terminal reports Unicode
// core mode, it takes each character's width from go-runewidth, which
// fills a 2 MB table on the first character beyond U+02FF it is asked
// about (about 1 ms and 545 page faults). The welcome screen's rule (─)
// is such a character, so the first frame would wait for the table;
// built now, it is ready while the program waits for its first frame
// tick. The call is the renderer's own path: ansi's wcwidth width.
func warmWidthTable() { ansi.StringWidthWc("─") }

// terminalSize is the size of the terminal out is, or 0×0 when it is not
// one (or will not say).
func terminalSize(out io.Writer) (width, height int) {
	f, ok := out.(*os.File)
	if !ok {
		return 0, 0
	}
	w, h, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return 0, 0
	}
	return w, h
}

// lineWidth is how wide the lines written to w may be: its terminal's
// width, at most paragraphWidth.
func (c *Env) lineWidth(w io.Writer) int {
	if cols, _ := terminalSize(w); c.IsTerminal(w) && cols > 20 {
		return min(cols-1, paragraphWidth)
	}
	return paragraphWidth
}

// printOutcome leaves a summary in the scrollback once the wizard's
// screen is gone, in the person's language. What the wizard decided
// (out.Data, out.EndNote) comes in its words, rendered with the same
// Printer (out.EndNote by matomo.Session.EndNote).
func (c *Env) printOutcome(out ui.Outcome) {
	p := c.tr()
	version := out.Version
	if version == "" {
		version = p.Sprintf(i18n.CLIVersionNotReported)
	}
	width := c.lineWidth(c.Stdout)
	say := func(first, rest, s string) { fmt.Fprintln(c.Stdout, wrapWidth(s, width, first, rest)) }
	say("", "  ", p.Sprintf(i18n.CLIOutcomeVerified, out.Address, version))
	if out.Site != nil {
		say("  ", "    ", p.Sprintf(i18n.CLIOutcomeSite, strconv.Itoa(out.Site.ID), out.Site.Name, out.Site.URL))
	}
	if out.Data != "" {
		say("  ", "    ", out.Data)
	}
	if out.SuperUser {
		say("  ", "    ", p.Sprintf(i18n.CLIOutcomeSuperUser))
	}
	if out.SavedTo != "" {
		say("  ", "    ", p.Sprintf(i18n.CLIOutcomeSaved, matomo.Printable(out.SavedTo, 4096)))
	}
	if note := orphansNote(out.Orphans); note != "" {
		say("  ", "    ", note)
	}
}

// orphansNote asks, in a line, for the tokens Matomo probably holds that
// nobody saw to be deleted; "" when there are none.
func orphansNote(orphans []string) string {
	q := make([]string, len(orphans))
	for i, o := range orphans {
		q[i] = strconv.Quote(matomo.Printable(o, 100))
	}
	switch len(q) {
	case 0:
		return ""
	case 1:
		return "! Matomo probably holds a token nobody saw, " + q[0] + ": delete it under Administration → Personal → Security."
	}
	return fmt.Sprintf("! Matomo probably holds %d tokens nobody saw (%s): delete them under Administration → Personal → Security.", len(q), strings.Join(q, ", "))
}

// uiText is a message as the wizard and the line mode show it for now:
// English, like their screens (issue 16, part C gives them the person's
// language); "" for none.
func uiText(m *i18n.Message) string {
	if m == nil {
		return ""
	}
	return i18n.English().Sprintf(m)
}

// childEnv is the environment for programs the wizard starts (the
// browser opener): this process's, minus the token variable.
func childEnv(env []string) []string {
	out := make([]string, 0, len(env))
	for _, kv := range env {
		if !strings.HasPrefix(kv, tokenEnv+"=") {
			out = append(out, kv)
		}
	}
	return out
}

// writeReport writes a diagnostics report of a session's findings (the
// wizard's and the accessible mode's) into the current folder, where the
// person will look for it, or their home folder when the current one is
// not writable, and returns where.
func (c *Env) writeReport(f matomo.Findings) (string, error) {
	f.Tool, f.Version = "matomo-onboard", c.Version
	r := matomo.NewReport(f)
	path, err := r.WriteFile("")
	if err != nil {
		if home, herr := os.UserHomeDir(); herr == nil {
			return r.WriteFile(home)
		}
	}
	return path, err
}
