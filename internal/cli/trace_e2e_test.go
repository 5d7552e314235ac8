//go:build linux || darwin || freebsd

package cli

// What the wizard leaves in the scrollback when its screen is gone: after
// a failure, what failed and what to do; after a verified token, the
// summary, also when Ctrl+C ended it.

import (
	"strings"
	"testing"
	"time"

	"matomo-onboard/matomo/demomatomo"
)

// TestPtyQuittingAfterAFailureLeavesATrace: q or Ctrl+C after a rejected
// token, a token without sites or the lock-out prints what failed and
// what to do, under "Canceled, nothing was saved."; the exit code stays
// 130.
func TestPtyQuittingAfterAFailureLeavesATrace(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, token, key string
		want             []string
		cols             int
	}{
		{"rejected, q", demomatomo.TokenUnknown, "q", []string{
			"✗ Matomo rejected this token [token_rejected]: 1 rejected in this session, at most 20 more before the lock-out.",
			"  Copy the whole token again, or create a new one, then run matomo-onboard again."}, 0},
		{"rejected, ctrl+c", demomatomo.TokenUnknown, "ctrl+c", []string{
			"✗ Matomo rejected this token [token_rejected]: 1 rejected in this session"}, 0},
		// Wrapped at the terminal's width, so that no word is cut.
		{"rejected, q, 40 columns", demomatomo.TokenUnknown, "q", []string{
			"✗ Matomo rejected this token [token_rejected]: 1 rejected in this session, at most 20 more before the lock-out.",
			"Copy the whole token again, or create a new one, then run matomo-onboard again."}, 40},
		{"no site, q", demomatomo.TokenNoAccess, "q", []string{
			"✗ The token works, but its user has no site [no_access].",
			"  Ask a Matomo administrator to give this user view access; the same token then works."}, 0},
		{"locked out, ctrl+c", "lockout", "ctrl+c", []string{
			"✗ Matomo has locked this computer out [blocked]: no token was sent after that.",
			"  Wait up to an hour (or ask a Matomo superuser to unblock this IP), then run matomo-onboard again."}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := startFake(t, demomatomo.Options{})
			cols := tc.cols
			if cols == 0 {
				cols = 120
			}
			p := startPty(t, wizardCmd(t, nil, "--url", srv.URL), cols, 30)
			// To the token screen; at 40 columns the guide's first step is
			// taller than the screen, so only what is on top is waited for.
			p.waitFor("Create and verify your Matomo API token")
			p.press("enter")
			p.waitFor("Your Matomo address", "enter check")
			p.press("enter")
			p.waitFor("step 1 of 8", "t I already have a token")
			p.press("t")
			p.waitFor("Paste the token Matomo showed you")
			token := tc.token
			if token == "lockout" { // failed logins from elsewhere: the lock is on already
				token = demomatomo.TokenViewer
				srv.SetFault(&demomatomo.Fault{Status: 500, ContentType: "application/json",
					Body: `{"result":"error","message":"Too many failed logins. Please wait and try logging in again later."}`})
			}
			p.paste(token)
			p.press("enter")
			p.waitFor("result", "✗ ")
			p.press(tc.key)
			if code := p.exitCode(); code != exitCanceled {
				t.Errorf("exit code %d, want %d", code, exitCanceled)
			}
			p.waitFor(append([]string{"Canceled, nothing was saved."}, tc.want...)...)
			assertFits(t, p.screen(), cols)
		})
	}
}

// TestPtyCtrlCOnTheDoneScreenLeavesTheSummary: Ctrl+C on the done screen
// leaves the summary q leaves, with the superuser warning and the saved
// file, and exits 130 as Ctrl+C does.
func TestPtyCtrlCOnTheDoneScreenLeavesTheSummary(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	cmd := wizardCmd(t, nil, "--url", srv.URL)
	p := startPty(t, cmd, 120, 30)
	p.toTokenScreen()
	p.paste(demomatomo.TokenSuperUser)
	p.press("enter")
	p.waitFor("✓ Token verified", "superuser")
	time.Sleep(chooseAfter) // Enter chooses a site once the list has been shown this long
	p.press("enter")
	p.waitFor("✓ Ready for Acona", "! This is a superuser's token")
	p.press("w")
	p.waitFor("Save the token to a file")
	p.press("enter")
	p.waitFor("✓ Saved the token to")
	p.press("ctrl+c")
	if code := p.exitCode(); code != exitCanceled {
		t.Errorf("exit code %d, want %d", code, exitCanceled)
	}
	p.waitFor("✓ Token verified with "+srv.URL+" (Matomo 5.0.2).", "Site ID 1: Shop (https://shop.example)",
		"! A superuser's token: for an integration, use a user with view access only.",
		"The token is saved in "+cmd.Dir+"/matomo-token.txt")
	if s := p.screen(); strings.Contains(s, "Canceled, nothing was saved") {
		t.Errorf("the scrollback says nothing was saved:\n%s", s)
	}
}
