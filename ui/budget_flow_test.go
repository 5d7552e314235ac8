package ui_test

// The lock-out budget on the token screen, as a person meets it: every
// failed login counts, so the wizard never sends a token that will only
// fail again without asking, and says what another wrong one costs.

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
	"matomo-onboard/ui"
)

// TestFlowTheSameRejectedTokenIsNotSentAgainByAccident: after a rejection,
// e (or esc) and Enter, as a hurried person presses them, raise a question
// that says why instead of sending the same token; more Enters do nothing;
// n keeps it; only y sends it, and Matomo counts that one.
func TestFlowTheSameRejectedTokenIsNotSentAgainByAccident(t *testing.T) {
	t.Parallel()
	for _, back := range []string{"e", "esc"} {
		t.Run(back, func(t *testing.T) {
			t.Parallel()
			srv := startFake(t, demomatomo.Options{})
			f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL}, 100, 30)
			f.toToken()
			f.paste(demomatomo.TokenUnknown)
			f.press("enter")
			f.waitFor("✗ Matomo rejected this token", "Rejected tokens in this session: 1.")
			f.press(back)
			f.waitFor("Paste the token", "✗ Matomo rejected this very token earlier in this session")
			f.press("enter", "enter", "enter")
			host := strings.TrimPrefix(srv.URL, "http://")
			f.waitFor("! Matomo at "+host+" rejected this very token earlier in this session. Sent again to the same Matomo, "+
				"it will be rejected again and count as one more failed login.", "y yes, send it", "n/esc no")
			time.Sleep(50 * time.Millisecond) // room for a send that must not happen
			if n := srv.FailedLogins("127.0.0.1"); n != 1 {
				t.Fatalf("Matomo counted %d failed logins after Enter, want 1", n)
			}
			f.press("n")
			f.waitFor("Not sent. Change the token, or paste another", "enter verify")
			f.press("enter")
			f.waitFor("Send it again anyway?")
			f.press("y")
			f.waitFor("✗ Matomo rejected this token", "Rejected tokens in this session: 2.")
			if n := srv.FailedLogins("127.0.0.1"); n != 2 {
				t.Errorf("Matomo counted %d failed logins, want 2 (the one sent on purpose)", n)
			}
			f.press("ctrl+c")
			f.finish(demomatomo.TokenUnknown)
		})
	}
}

// TestFlowAnOddTokenIsSentOnlyWhenConfirmed: a token without Matomo's form
// ("31 characters") is not "tried anyway": Enter asks, n keeps it to be
// changed, y sends it once.
func TestFlowAnOddTokenIsSentOnlyWhenConfirmed(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL}, 100, 30)
	f.toToken()
	f.paste(demomatomo.TokenViewer[:31])
	f.waitFor("31 characters, ends …" + demomatomo.TokenViewer[27:31] + " · ! It is 31 characters long; Matomo tokens have 32.")
	before := srv.RequestCount()
	f.press("enter")
	f.waitFor("! This does not have the form of a Matomo token, so Matomo will most likely reject it, " +
		"and each rejected token counts as a failed login. Send it anyway?")
	f.press("esc")
	f.waitFor("Not sent.", "enter verify")
	if n := srv.RequestCount(); n != before {
		t.Fatalf("%d requests after Enter and esc, want none", n-before)
	}
	f.press("enter", "y")
	f.waitFor("✗ Matomo rejected this token")
	if n := srv.RequestCount() - before; n != 1 {
		t.Errorf("%d requests, want 1 (the one confirmed)", n)
	}
	f.press("ctrl+c")
	f.finish(demomatomo.TokenViewer)
}

// TestFlowTokenAuthIsTakenAway: a token pasted with "token_auth=" in front,
// or inside the API address it came from, is checked without them, and the
// screen says what was taken away.
func TestFlowTokenAuthIsTakenAway(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, paste, note string }{
		{"the parameter's name", "token_auth=" + demomatomo.TokenViewer, `Removed "token_auth=" in front: only what follows it is the token.`},
		{"an API address", "https://analytics.example.org/index.php?module=API&method=API.getMatomoVersion&format=json&token_auth=" +
			demomatomo.TokenViewer, "Took the token out of the token_auth= part of what was pasted; the rest of it is not sent."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := startFake(t, demomatomo.Options{})
			f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL}, 100, 30)
			f.toToken()
			f.paste(tc.paste)
			f.waitFor("32 characters, ends …bff8 · looks like a Matomo token ✓", tc.note)
			f.press("enter")
			f.waitFor("✓ Token verified", "2 sites")
			if n := srv.FailedLogins("127.0.0.1"); n != 0 {
				t.Errorf("%d failed logins", n)
			}
			f.press("ctrl+c")
			f.finish(demomatomo.TokenViewer)
		})
	}
}

// TestFlowNearTheLockOutTheTokenScreenCounts: after 19 rejections the token
// screen gives no ✓ for the form, and shows the count and what is left
// right under the field, where it is read before Enter, at 40 columns too.
func TestFlowNearTheLockOutTheTokenScreenCounts(t *testing.T) {
	t.Parallel()
	for _, size := range [][2]int{{40, 24}, {120, 30}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			t.Parallel()
			srv := startFake(t, demomatomo.Options{})
			f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL}, size[0], size[1])
			f.toToken()
			for i := 1; i <= 19; i++ {
				f.paste(fmt.Sprintf("%032x", i))
				f.press("enter")
				f.waitFor(fmt.Sprintf("Rejected tokens in this session: %d.", i))
				f.press("e", "ctrl+u")
				f.waitFor("Paste the token", "paste the token here")
			}
			f.paste(demomatomo.TokenViewer)
			f.waitFor("32 characters, ends …bff8 · has the form of a Matomo token",
				"Rejected tokens in this session: 19.", "at most 2 more may be rejected before the lock")
			if strings.Contains(f.screen(), "✓") {
				t.Errorf("the token screen near the lock-out gives a ✓:\n%s", f.screen())
			}
			f.press("ctrl+c")
			f.finish(demomatomo.TokenViewer)
		})
	}
}

// TestFlowMatomo4sAnswerToAWrongTokenIsSaidAsSeen: the rejection on a
// Matomo 4 says what it answered (no version, no sites, "You must be
// logged in"), and counts against the lock-out like any rejection.
func TestFlowMatomo4sAnswerToAWrongTokenIsSaidAsSeen(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{Legacy: true})
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL}, 120, 30)
	f.toToken()
	f.paste(demomatomo.TokenUnknown)
	f.press("enter")
	f.waitFor("✗ Matomo rejected this token",
		`it answered as it answers nobody logged in (no version, no sites, and "You must be logged in"), which is how Matomo 3 and 4 answer a wrong or expired token`,
		"Rejected tokens in this session: 1.")
	if strings.Contains(f.screen(), "visitor") {
		t.Errorf("the screen speaks of a visitor:\n%s", f.screen())
	}
	f.press("ctrl+c")
	f.finish(demomatomo.TokenUnknown)
}
