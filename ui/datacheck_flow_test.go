package ui_test

import (
	"strings"
	"testing"
	"time"

	"matomo-onboard/internal/realmatomo"
	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
	"matomo-onboard/ui"
)

// dataMix is the recorded Matomo with the sites support meets: Shop had a
// visit two hours ago, Blog none for ten days; the viewer's token reaches
// both.
func dataMix(now time.Time) demomatomo.Data {
	d := demomatomo.Recorded()
	d.Sites[0].LastVisit = now.Add(-2*time.Hour - 5*time.Minute)
	d.Sites[1].LastVisit = now.Add(-10 * 24 * time.Hour)
	return d
}

// TestFlowDoneSaysWhetherTheSiteHasData runs the wizard against the fake
// Matomo from the address to Done, picks a site, and reads what the data
// check found: one request more, the token only in its POST body, no
// failed login, and a refusal said as the check's.
func TestFlowDoneSaysWhetherTheSiteHasData(t *testing.T) {
	t.Parallel()
	now := time.Now()
	for _, c := range []struct {
		name  string
		data  func(*demomatomo.Data)
		opts  demomatomo.Options
		pick  []string // keys on the sites: Shop is first, Blog second
		say   []string
		width int
	}{
		{name: "a recent visit", pick: []string{"enter"}, say: []string{"✓ Last visit recorded 2 hours ago ("}},
		{name: "a recent visit, 40 columns", pick: []string{"enter"}, say: []string{"✓ Last visit recorded 2 hours ago ("}, width: 40},
		{name: "a stale one", pick: []string{"j", "enter"}, say: []string{"! No visit in the last 7 days: tracking may have stopped. The last visit was recorded 10 days ago (",
			"Tracking code of site 2", "o open tracking code"}},
		{name: "none at all", data: func(d *demomatomo.Data) { d.Sites[1].LastVisit = time.Time{} }, pick: []string{"j", "enter"},
			say: []string{"! No visit recorded yet: is the tracking code installed on https://blog.example?",
				"index.php?module=CoreAdminHome&action=trackingCodeGenerator&idSite=2"}},
		{name: "the visits log off for all sites", data: func(d *demomatomo.Data) { d.VisitorLogOff = true }, pick: []string{"enter"},
			say: []string{"! The data check could not run: the visits log it reads is deactivated for all sites. The token works.",
				`Matomo said: "Visits log is deactivated globally.`}},
		{name: "the visits log off for the site", data: func(d *demomatomo.Data) { d.Sites[0].VisitorLogOff = true }, pick: []string{"enter"},
			say: []string{"the visits log it reads is deactivated in this site's settings. The token works."}},
		{name: "Live off", opts: demomatomo.Options{NoLive: true}, pick: []string{"enter"},
			say: []string{"! The data check could not run: Matomo's Live plugin, which answers it, is not enabled. The token works.",
				`Matomo said: "The plugin Live is not enabled. You can activate the plugin on Settings > Plugins page in Matomo."`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			d := dataMix(now)
			if c.data != nil {
				c.data(&d)
			}
			srv := demomatomo.MustStart(d, c.opts)
			t.Cleanup(srv.Close)
			width, height := 100, 30
			if c.width > 0 {
				width, height = c.width, 24
			}
			f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL, TimeZone: time.UTC}, width, height)
			f.toToken()
			f.paste(demomatomo.TokenViewer + "\n")
			f.press("enter")
			f.waitFor("✓ Token verified", "Shop", "Blog")
			f.press(c.pick...)
			f.waitFor(append([]string{"Ready for Acona"}, c.say...)...)
			if s := f.screen(); strings.Contains(s, "✗") || strings.Contains(strings.ToLower(s), "rejected") {
				t.Errorf("the data check reads like a failure of the token:\n%s", s)
			}
			f.press("q") // the token is nowhere yet: asked once
			f.waitFor("! The token is not saved anywhere yet")
			f.press("q")
			out := f.finish(demomatomo.TokenViewer)
			if !out.Verified {
				t.Errorf("outcome %+v", out)
			}
			if n := srv.RequestCount(); n != 4 {
				t.Errorf("%d requests, want 4 (the check and the labels without a token, the verification, the data check)", n)
			}
			last := srv.Requests()[srv.RequestCount()-1]
			if !strings.Contains(last.RawQuery, "method=Live.getLastVisitsDetails") {
				t.Errorf("the last request is %s?%s, want the data check", last.Path, last.RawQuery)
			}
			tokenOnlyInPOSTBodies(t, srv, demomatomo.TokenViewer)
			if n := srv.FailedLogins("127.0.0.1"); n != 0 {
				t.Errorf("%d failed logins", n)
			}
		})
	}
}

// TestRealFlowDoneSaysWhetherTheSiteHasData is the same against the real
// Matomo 5.1.2: site 1, which a tracking request has just given a visit,
// and site 2, which has none.
func TestRealFlowDoneSaysWhetherTheSiteHasData(t *testing.T) {
	t.Parallel()
	in := realmatomo.Use(t)
	in.TrackVisit(t, 1)
	for _, c := range []struct {
		name string
		pick []string
		say  string
	}{
		{"site 1, a visit just now", []string{"enter"}, "✓ Last visit recorded "},
		{"site 2, none", []string{"j", "enter"}, "! No visit recorded yet: is the tracking code installed on https://blog.example?"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			client := newClient(t, matomo.Options{})
			f := startFlow(t, ui.Config{Client: client, URL: in.URL, TimeZone: time.UTC}, 100, 30)
			f.toToken()
			f.paste(realmatomo.TokenViewer + "\n")
			f.press("enter")
			f.waitFor("✓ Token verified · Matomo 5.1.2", "Shop", "Blog")
			f.press(c.pick...)
			f.waitFor("Ready for Acona", c.say)
			if s := f.screen(); strings.Contains(s, "hours ago") || strings.Contains(s, "days ago") {
				t.Errorf("the visit of a moment ago is old:\n%s", s)
			}
			f.press("q") // the token is nowhere yet: asked once
			f.waitFor("! The token is not saved anywhere yet")
			f.press("q")
			f.finish(realmatomo.TokenViewer)
			if n := client.Requests(); n != 4 {
				t.Errorf("%d requests, want 4 (the check and the labels without a token, the verification, the data check)", n)
			}
		})
	}
}
