package accessible

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// TestLineModeSaysWhetherTheSiteHasData: after the site is chosen, one
// request with the token asks for its last visit, said before what to
// paste where; a refusal is said as the check's, never the token's.
func TestLineModeSaysWhetherTheSiteHasData(t *testing.T) {
	now := time.Now()
	for _, c := range []struct {
		name string
		data func(*demomatomo.Data)
		opts demomatomo.Options
		site string
		say  []string
	}{
		{name: "a recent visit", site: "1", say: []string{"Data check: Last visit recorded 3 hours ago ("}},
		{name: "a stale one", site: "2", data: func(d *demomatomo.Data) { d.Sites[1].LastVisit = now.Add(-8 * 24 * time.Hour) },
			say: []string{"Data check: No visit in the last 7 days: tracking may have stopped. The last visit was recorded 8 days ago (",
				"The site's tracking code in Matomo: SRV/index.php?module=CoreAdminHome&action=trackingCodeGenerator&idSite=2\n",
				"Check that the site's pages still carry Matomo's tracking code for site 2"}},
		{name: "none at all", site: "2", say: []string{"Data check: No visit recorded yet: is the tracking code installed on https://blog.example?\n" +
			"The site's tracking code in Matomo: SRV/index.php?module=CoreAdminHome&action=trackingCodeGenerator&idSite=2\n"}},
		{name: "the visits log off for all sites", site: "1", data: func(d *demomatomo.Data) { d.VisitorLogOff = true },
			say: []string{"Data check could not run: the visits log it reads is deactivated for all sites. The token works.\n" +
				"Matomo said: \"Visits log is deactivated globally. A user with super user access can enable this feature in the general settings.\"\n" +
				"A superuser can enable it again"}},
		{name: "the visits log off for the site", site: "1", data: func(d *demomatomo.Data) { d.Sites[0].VisitorLogOff = true },
			say: []string{"the visits log it reads is deactivated in this site's settings. The token works.",
				"(idSite=1).\"\nA user with admin access to the site can enable it again"}},
		{name: "Live off", site: "1", opts: demomatomo.Options{NoLive: true},
			say: []string{"Data check could not run: Matomo's Live plugin, which answers it, is not enabled. The token works.\n" +
				"Matomo said: \"The plugin Live is not enabled. You can activate the plugin on Settings > Plugins page in Matomo.\"\n"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := demomatomo.Recorded()
			d.Sites[0].LastVisit = now.Add(-3*time.Hour - 20*time.Minute)
			if c.data != nil {
				c.data(&d)
			}
			srv := startFake(t, d, c.opts)
			tr := run(t, Config{URL: srv.URL, TimeZone: time.UTC}, "", "t", demomatomo.TokenViewer, "", c.site, "", "")
			if tr.err != nil || !tr.outcome.Verified || tr.outcome.TokenRequests != 2 {
				t.Fatalf("Run: %v, outcome %+v (want 2 token requests: the check, the data check)", tr.err, tr.outcome)
			}
			want := []string{"Site domain: ", "Checking that site " + c.site + " has data: its last visit, asked with the token (one request, up to 5 s)…\nData check"}
			for _, s := range c.say {
				want = append(want, strings.ReplaceAll(s, "SRV", srv.URL))
			}
			tr.has(t, want...)
			// What to paste where comes after it, and nothing reads like a
			// failure of the token.
			if strings.Index(tr.out, "Data check: ") > strings.Index(tr.out, "Keep the token safe") {
				t.Errorf("the data check comes after the advice")
			}
			tr.lacks(t, "Problem:", "rejected", "data (check the site's data again")
			if n := srv.FailedLogins("127.0.0.1"); n != 0 {
				t.Errorf("%d failed logins", n)
			}
			tokenOnlyInPOSTBodies(t, srv)
		})
	}
}

// TestLineModeChecksAnotherSitesData: choosing another site checks it,
// once; after Matomo's time limit "data" sends the check once more.
func TestLineModeChecksAnotherSitesData(t *testing.T) {
	d := demomatomo.Recorded()
	d.Sites[1].VisitsTimeLimit = true
	srv := startFake(t, d, demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL, TimeZone: time.UTC}, "", "t", demomatomo.TokenViewer, "", "1",
		"sites", "2", "data", "", "")
	if tr.err != nil || tr.outcome.TokenRequests != 4 || tr.outcome.Site.ID != 2 {
		t.Fatalf("Run: %v, outcome %+v (want 4 token requests: the check, a data check per site chosen, one data asked for)", tr.err, tr.outcome)
	}
	tr.has(t,
		"Checking that site 1 has data",
		"Data check: No visit recorded yet: is the tracking code installed on https://shop.example?",
		"Data check could not run: Matomo's time limit for visits log queries ran out. The token works.\n"+
			"Matomo said: \"Could not run the query in time. Maybe the selected date range is too wide?\"\nTry again later",
		"data (check the site's data again (one request with the token))",
	)
	if n := strings.Count(tr.out, "Checking that site 2 has data"); n != 2 {
		t.Errorf("site 2 was checked %d times, want 2 (when chosen, and once on data)", n)
	}
}

// TestLineModeSkipsTheDataCheckAfterTheLockOut: after Matomo's lock-out,
// met by the URL check or by the data check itself, no data check is
// sent, and the line mode says why there is none.
func TestLineModeSkipsTheDataCheckAfterTheLockOut(t *testing.T) {
	for _, c := range []struct {
		name    string
		locks   func(*http.Request) bool
		answers []string
		says    []string
		checks  int32
	}{
		{"met by the URL check", func(r *http.Request) bool { return r.Method == http.MethodGet },
			[]string{"url-check", "y", "1", "", ""},
			[]string{"Data check " + strings.TrimPrefix(matomo.DataCheckSkipped().String(), "The data check ")}, 0},
		{"met by the data check", func(r *http.Request) bool { return strings.Contains(r.URL.RawQuery, "Live.getLastVisitsDetails") },
			[]string{"1", "sites", "2", "", ""},
			[]string{"Data check could not run: Matomo has locked this computer out.", "Data check " + strings.TrimPrefix(matomo.DataCheckSkipped().String(), "The data check ")}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			fake := demomatomo.NewHandler(demomatomo.Recorded(), demomatomo.Options{})
			var dataChecks atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if strings.Contains(r.URL.RawQuery, "Live.getLastVisitsDetails") {
					dataChecks.Add(1)
				}
				if c.locks(r) {
					w.Header().Set("Content-Type", "application/json; charset=utf-8")
					w.WriteHeader(http.StatusInternalServerError)
					io.WriteString(w, `{"result":"error","message":"Too many failed logins. Please wait and try logging in again later."}`)
					return
				}
				fake.ServeHTTP(w, r)
			}))
			t.Cleanup(srv.Close)
			tr := run(t, Config{URL: srv.URL}, append([]string{"", "t", demomatomo.TokenViewer, ""}, c.answers...)...)
			if !tr.outcome.Blocked || !tr.outcome.Verified {
				t.Errorf("outcome %+v, want verified and blocked", tr.outcome)
			}
			if n := dataChecks.Load(); n != c.checks {
				t.Errorf("%d data checks sent, want %d", n, c.checks)
			}
			tr.has(t, c.says...)
			tr.lacks(t, "data (check the site's data again")
		})
	}
}
