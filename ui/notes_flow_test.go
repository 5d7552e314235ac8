package ui_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
	"matomo-onboard/ui"
)

const reportPath = "/home/anna/Documents/support/matomo-onboard-report-20261128-093000.txt"

func writeReport(matomo.Findings) (string, error) { return reportPath, nil }

// waitGone waits until the screen no longer shows part.
func (f *flow) waitGone(part string) {
	f.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for strings.Contains(flat(f.screen()), flat(part)) {
		if !f.redrawnBefore(deadline) {
			f.t.Fatalf("the screen still shows %q:\n%s", part, f.screen())
		}
	}
}

// TestFlowTokenNoteGoesWhenTheAddressChanges: "That held a token…" is
// said when a token is taken out of the address, stays while the field
// holds what was left, and goes once the person changes it, or leaves and
// comes back.
func TestFlowTokenNoteGoesWhenTheAddressChanges(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{})}, 100, 30)
	f.waitFor("Create and verify")
	f.press("enter")
	f.waitFor("Your Matomo address")
	f.paste(srv.URL + "/index.php?module=API&token_auth=" + demomatomo.TokenViewer)
	f.waitFor("! That held a token. It was removed from this field")
	f.press("backspace")
	f.waitGone("That held a token")

	f.press("ctrl+u")
	f.paste(srv.URL + "/?token_auth=" + demomatomo.TokenViewer)
	f.waitFor("! That held a token.")
	f.press("enter")
	f.waitFor("step 1 of 8")
	f.press("esc")
	f.waitFor("Your Matomo address")
	f.wantNotOnScreen("That held a token")
	f.press("ctrl+c")
	f.finish(demomatomo.TokenViewer)
}

// TestFlowTokenNoteGoesWhenTheFilterIsDone: a token pasted into the site
// filter is said to be removed while the filter is typed, not afterwards.
func TestFlowTokenNoteGoesWhenTheFilterIsDone(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL}, 100, 30)
	f.toToken()
	f.paste(demomatomo.TokenViewer)
	f.press("enter")
	f.waitFor("✓ Token verified")
	f.press("/")
	f.paste(demomatomo.TokenViewer)
	f.waitFor("! That held a token; it was removed from the filter.")
	f.press("enter")
	f.waitGone("That held a token")
	f.press("/")
	f.paste(demomatomo.TokenViewer)
	f.waitFor("! That held a token; it was removed from the filter.")
	f.press("b")
	f.waitGone("That held a token")
	f.press("ctrl+c")
	f.finish(demomatomo.TokenViewer)
}

// TestFlowReportNoteGoesWhenItNoLongerDescribesTheSession: "Diagnostics
// written…" stands while the report describes what the wizard shows,
// with the file's path whole on a line of its own; it goes when the
// address it describes is typed over, and when a check adds what the
// report does not hold.
func TestFlowReportNoteGoesWhenItNoLongerDescribesTheSession(t *testing.T) {
	t.Parallel()
	nginx := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head><body>It works</body></html>")
	}))
	t.Cleanup(nginx.Close)
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: nginx.URL, Report: writeReport}, 40, 30)
	f.waitFor("Create and verify")
	f.press("enter", "enter")
	f.waitFor("✗ This address does not answer like Matomo", "d diagnostics")
	f.press("d")
	f.waitFor("✓ Diagnostics written to this file (only you can read it; it holds no token):")
	// At 40 columns the path breaks after a - of the file name, which is
	// wider than the screen.
	screen := f.screen()
	var lines []string
	for _, l := range strings.Split(screen, "\n") {
		lines = append(lines, strings.TrimSpace(l))
	}
	if i := slices.Index(lines, "/home/anna/Documents/support/matomo-"); i < 0 || i+1 >= len(lines) ||
		lines[i+1] != "onboard-report-20261128-093000.txt" {
		t.Errorf("the path is not broken after a / and a -:\n%s", screen)
	}
	f.press("e")
	f.waitFor("enter check")
	f.waitFor("Diagnostics written") // editing has not begun
	f.press("x")
	f.waitGone("Diagnostics written")
	f.press("ctrl+c")
	f.finish()

	srv := startFake(t, demomatomo.Options{})
	f = startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL, Report: writeReport}, 120, 30)
	f.toToken()
	f.paste(demomatomo.TokenSuperUser)
	f.press("enter")
	f.waitFor("✓ Token verified", "g check URL use")
	f.press("d")
	f.waitFor("✓ Diagnostics written to this file", reportPath)
	f.press("down") // browsing the sites changes nothing the report says
	f.waitFor("✓ Diagnostics written to this file")
	f.press("g")
	f.waitFor("choose Yes with →, then press Enter")
	f.press("right")
	f.press("enter")
	f.waitFor("✓ URL use: tools that put the token in URLs will work too.")
	f.wantNotOnScreen("Diagnostics written")
	f.press("ctrl+c")
	f.finish(demomatomo.TokenSuperUser)
}

// TestFlowCanceledNoteGoesWhenTheFieldChanges: "Check canceled." is about
// the address in the field; typing ends it.
func TestFlowCanceledNoteGoesWhenTheFieldChanges(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{Latency: time.Minute})
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{Timeout: 2 * time.Minute})}, 100, 30)
	f.waitFor("Create and verify")
	f.press("enter")
	f.waitFor("Your Matomo address")
	f.press(srv.URL)
	f.press("enter")
	f.waitFor("Checking")
	f.press("esc")
	f.waitFor("Check canceled.")
	f.press("x")
	f.waitGone("Check canceled.")
	f.press("ctrl+c")
	f.finish()
}
