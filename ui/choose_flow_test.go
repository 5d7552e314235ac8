package ui_test

import (
	"sync/atomic"
	"testing"
	"time"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
	"matomo-onboard/ui"
)

// TestFlowADoubleEnterChoosesNoSite: Enter pressed twice for the token's
// check (or held) must not choose the first site, which the person has
// not seen, and send the token again for its data check (attack2 A7).
// Once the list has been there for Config.ChooseAfter, Enter chooses.
func TestFlowADoubleEnterChoosesNoSite(t *testing.T) {
	srv := startFake(t, demomatomo.Options{})
	var now atomic.Int64
	now.Store(time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC).UnixNano())
	clock := func() time.Time { return time.Unix(0, now.Load()) }
	cfg := ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL, Now: clock, ChooseAfter: 400 * time.Millisecond}
	f := startFlow(t, cfg, 100, 30)
	f.toToken()
	f.paste(demomatomo.TokenViewer)
	f.waitFor("looks like a Matomo token ✓")
	before := srv.RequestCount()
	f.press("enter", "enter", "enter")
	f.waitFor("✓ Token verified", "The list of sites just appeared: press Enter again to choose the selected site.", "enter use this site")
	if n := srv.RequestCount() - before; n != 1 {
		t.Fatalf("three Enters sent %d requests, want 1 (the token's check, no data check)", n)
	}
	now.Add(int64(400 * time.Millisecond))
	f.press("enter")
	f.waitFor("Ready for Acona", "Site ID 1 (Shop)")
	f.press("ctrl+c")
	out := f.finish(demomatomo.TokenViewer)
	if out.Site == nil || out.Site.ID != 1 {
		t.Fatalf("outcome %+v, want site 1 chosen by the last Enter", out)
	}
	if n := srv.RequestCount() - before; n != 2 {
		t.Errorf("%d requests with the token, want 2 (the check, and the data check of the chosen site)", n)
	}
	tokenOnlyInPOSTBodies(t, srv, demomatomo.TokenViewer)
}
