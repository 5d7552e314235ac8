package demomatomo_test

import (
	"context"
	"testing"
	"time"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// TestTheDemoShowsEveryDataCheckOutcome: a demo shows the data check's
// outcomes on the demo's own sites, and the agency's clients have each of
// them too, Matomo's time limit included.
func TestTheDemoShowsEveryDataCheckOutcome(t *testing.T) {
	d := demomatomo.Demo()
	srv := demomatomo.MustStart(d, demomatomo.Options{})
	defer srv.Close()
	client, err := matomo.NewClient(matomo.Options{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	addr, _ := matomo.ParseAddress(srv.URL)
	tc, _ := matomo.ParseToken(demomatomo.DemoTokenSuperUser)
	check := func(s demomatomo.Site) *matomo.DataCheck {
		c, err := client.CheckData(context.Background(), addr, tc.Token, matomo.Site{ID: s.ID, Name: s.Name, URL: s.MainURL})
		if err != nil {
			t.Fatalf("site %d: %v", s.ID, err)
		}
		return c
	}
	for i, want := range []matomo.DataReason{matomo.DataRecent, matomo.DataStale, matomo.DataNoVisit, matomo.DataVisitorLogOff} {
		if got := check(d.Sites[i]).Reason; got != want {
			t.Errorf("site %d (%s): %s, want %s", d.Sites[i].ID, d.Sites[i].Name, got, want)
		}
	}
	seen := map[matomo.DataReason]int{}
	for _, s := range d.Sites[4:60] {
		seen[check(s).Reason]++
	}
	for _, r := range []matomo.DataReason{matomo.DataRecent, matomo.DataStale, matomo.DataNoVisit, matomo.DataVisitorLogOff, matomo.DataFailed} {
		if seen[r] == 0 {
			t.Errorf("no client site is %s: %v", r, seen)
		}
	}
	// The viewer the demo suggests for an integration reaches a site with
	// data and one without any for 12 days.
	tc, _ = matomo.ParseToken(demomatomo.DemoTokenViewer)
	res, err := client.VerifyWithDataCheck(context.Background(), addr, tc.Token, 2)
	if err != nil || res.Data.Reason != matomo.DataStale {
		t.Errorf("the viewer's site 2: %+v, %v", res, err)
	}
}
