package cli

import (
	"context"
	"errors"
	"os"
	"time"

	"golang.org/x/term"

	"matomo-onboard/internal/desktop"
	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo/demomatomo"
	"matomo-onboard/ui/accessible"
)

// runAccessible runs the wizard as plain line-by-line prompts, for screen
// readers and dumb terminals (--accessible, ACCESSIBLE=1, TERM=dumb).
//
// Exit codes: 0 when a token was verified and a site chosen; 130 for every
// other end (Ctrl+C, end of input, quit, and also quitting after a failed
// check or Matomo's lock-out). The person left without a usable token
// either way, and the screen said why; scripts that need the failure's
// class use `verify`, whose exit codes tell the classes apart.
func (c *Env) runAccessible(ctx context.Context, s *session) int {
	cfg := accessible.Config{
		In:     c.Stdin,
		Out:    c.Stdout,
		Client: s.client,
		URL:    s.url,
		Now:    time.Now,
		// A terminal echoes the answers itself; piped answers are repeated
		// so that the output reads as a dialogue.
		Echo:      !c.IsTerminal(c.Stdin),
		Report:    c.writeReport,
		LabelLang: s.labelLang,
		Printer:   c.tr(),
	}
	for _, t := range s.demoTokens() {
		cfg.DemoTokens = append(cfg.DemoTokens, accessible.DemoToken{Value: t.Value, Note: c.tr().Text(t.Note)})
	}
	for _, u := range s.demoLogins() {
		d := accessible.DemoLogin{Login: u.Login, Password: u.Password, Note: c.tr().Text(u.Note)}
		if secret := u.TwoFactorSecret; secret != "" {
			d.Code = func() string { return demomatomo.TOTP(secret, time.Now()) }
		}
		cfg.DemoLogins = append(cfg.DemoLogins, d)
	}
	if cb, why := desktop.System(childEnv(os.Environ())); cb != nil {
		cfg.Clipboard = cb
	} else {
		cfg.NoClipboardReason = c.tr().Text(why)
	}
	if f, ok := c.Stdin.(*os.File); ok && c.IsTerminal(c.Stdin) {
		// Restoring the state saved here leaves the terminal as it was
		// however the session ends.
		if saved, err := term.GetState(int(f.Fd())); err == nil {
			defer term.Restore(int(f.Fd()), saved)
		}
		cfg.ReadSecret = func(prompt string) (string, error) { return readHidden(ctx, f, c.Stdout, prompt) }
		cfg.ReadAddress = func(prompt string) (string, error) { return readAddressLine(ctx, f, c.Stdout, prompt) }
	}
	if s.warning != nil {
		c.tr().Fprintln(c.Stdout, i18n.CLIWarning, s.warning)
	}
	out, err := accessible.Run(ctx, cfg)
	switch {
	case err == nil && out.Verified:
		return exitOK
	case err == nil, errors.Is(err, accessible.ErrCanceled):
		return exitCanceled
	}
	c.errf("%v", err)
	return exitFailure
}
