package cli

import (
	"strings"
	"testing"
	"time"

	"matomo-onboard/internal/realmatomo"
	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// TestVerifySiteChecksTheDataInTheSameRequest: --site adds the data check
// to the one bulk request, and never changes the exit code; the JSON has
// data_check only with --site, and a --site the token does not reach is
// said on stderr and in the JSON.
func TestVerifySiteChecksTheDataInTheSameRequest(t *testing.T) {
	now := time.Now()
	for _, c := range []struct {
		name      string
		site      string
		token     string
		data      func(*demomatomo.Data)
		opts      demomatomo.Options
		reason    matomo.DataReason
		checked   bool
		lastVisit bool
		summary   string // in the text summary
		stderr    string // in stderr too, "" for nothing
	}{
		{name: "a recent visit", site: "1", reason: matomo.DataRecent, checked: true, lastVisit: true,
			summary: "Data check (--site 1, Shop):\n  ✓ Last visit recorded 2 hours ago ("},
		{name: "a stale one", site: "2", data: func(d *demomatomo.Data) { d.Sites[1].LastVisit = now.Add(-30 * 24 * time.Hour) },
			reason: matomo.DataStale, checked: true, lastVisit: true,
			summary: "  ! No visit in the last 7 days: tracking may have stopped. The last visit was\n    recorded 30 days ago ("},
		{name: "none", site: "2", reason: matomo.DataNoVisit, checked: true,
			summary: "  ! No visit recorded yet: is the tracking code installed on\n    https://blog.example?\n" +
				"    The site's tracking code in Matomo: SRV/index.php?module=CoreAdminHome&action=trackingCodeGenerator&idSite=2\n"},
		{name: "the visits log off", site: "1", data: func(d *demomatomo.Data) { d.VisitorLogOff = true }, reason: matomo.DataVisitorLogOff,
			summary: "  ! The data check could not run: the visits log it reads is deactivated for all\n    sites. The token works.\n" +
				"    Matomo said: \"Visits log is deactivated globally."},
		{name: "Live off", site: "1", opts: demomatomo.Options{NoLive: true}, reason: matomo.DataLiveOff,
			summary: "    Matomo said: \"The plugin Live is not enabled. You can activate the plugin on Settings > Plugins page in Matomo.\"\n"},
		{name: "a site the token does not reach", site: "3", reason: matomo.DataSiteNotReachable,
			summary: "Data check (--site 3):\n  ! The data check could not run: this token does not reach site 3.\n",
			stderr:  "! --site 3: this token does not reach site 3, so its data was not checked."},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := demomatomo.Recorded()
			d.Sites[0].LastVisit = now.Add(-2*time.Hour - 30*time.Minute)
			if c.data != nil {
				c.data(&d)
			}
			srv := demomatomo.MustStart(d, c.opts)
			t.Cleanup(srv.Close)
			env := map[string]string{tokenEnv: demomatomo.TokenViewer}

			code, stdout, stderr := runCLI(t, "", env, "verify", "--url", srv.URL, "--site", c.site)
			if code != exitOK {
				t.Fatalf("exit %d, want 0 whatever the data check found\n%s%s", code, stdout, stderr)
			}
			if want := strings.ReplaceAll(c.summary, "SRV", srv.URL); !strings.Contains(stdout, want) {
				t.Errorf("the summary lacks %q:\n%s", want, stdout)
			}
			if !strings.Contains(stdout, "\n1 HTTP request sent.\n") || srv.RequestCount() != 1 {
				t.Errorf("%d requests; the summary says:\n%s", srv.RequestCount(), stdout)
			}
			if c.stderr != "" && !strings.Contains(stderr, c.stderr) || c.stderr == "" && strings.Contains(stderr, "--site") {
				t.Errorf("stderr %q, want %q", stderr, c.stderr)
			}

			code, stdout, stderr = runCLI(t, "", env, "verify", "--url", srv.URL, "--site", c.site, "--json")
			out := decodeVerify(t, stdout)
			dc := out.DataCheck
			if code != exitOK || out.ExitCode != exitOK || dc == nil || out.HTTPRequests != 1 {
				t.Fatalf("exit %d, data_check %+v, %d requests\n%s", code, dc, out.HTTPRequests, stdout)
			}
			if dc.SiteID != atoiOr(c.site) || dc.Reason != c.reason || dc.Checked != c.checked || (dc.LastVisit != nil) != c.lastVisit {
				t.Errorf("data_check %+v", dc)
			}
			if dc.LastVisit != nil {
				if ts, err := time.Parse(time.RFC3339, *dc.LastVisit); err != nil || ts.Location() != time.UTC {
					t.Errorf("last_visit %q is not RFC 3339 in UTC: %v", *dc.LastVisit, err)
				}
			}
			if !strings.Contains(stdout, `"last_visit": null`) && !c.lastVisit {
				t.Errorf("no last visit, but last_visit is not null:\n%s", stdout)
			}
			if c.stderr != "" && (!strings.Contains(stderr, c.stderr) || !strings.Contains(strings.Join(out.Warnings, "\n"), "does not reach site 3")) {
				t.Errorf("stderr %q, warnings %q", stderr, out.Warnings)
			}
			assertTokenOnlyInPOSTBodies(t, srv, demomatomo.TokenViewer)
			if n := srv.FailedLogins("127.0.0.1"); n != 0 {
				t.Errorf("%d failed logins", n)
			}
		})
	}
}

func atoiOr(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func TestVerifyJSONHasDataCheckOnlyWithSite(t *testing.T) {
	srv := startFake(t, demomatomo.Options{})
	env := map[string]string{tokenEnv: demomatomo.TokenViewer}
	_, stdout, _ := runCLI(t, "", env, "verify", "--url", srv.URL, "--json")
	if strings.Contains(stdout, "data_check") {
		t.Errorf("data_check without --site:\n%s", stdout)
	}
	if form := srv.Requests()[0].Body; strings.Contains(form, "Live.getLastVisitsDetails") {
		t.Errorf("the data check was asked without --site")
	}
	// A token check that fails: the data check could not run, and the
	// exit code is the failure's.
	code, stdout, stderr := runCLI(t, "", map[string]string{tokenEnv: demomatomo.TokenUnknown}, "verify", "--url", srv.URL, "--json", "--site", "1")
	out := decodeVerify(t, stdout)
	if code != exitRejected || out.DataCheck == nil || out.DataCheck.Reason != matomo.DataFailed || out.DataCheck.Checked || out.DataCheck.LastVisit != nil {
		t.Errorf("exit %d, data_check %+v\n%s", code, out.DataCheck, stderr)
	}
	code, _, stderr = runCLI(t, "", map[string]string{tokenEnv: demomatomo.TokenUnknown}, "verify", "--url", srv.URL, "--site", "1")
	if code != exitRejected || !strings.Contains(stderr, "Data check (--site 1): The data check could not run: it travels with the token check, which failed.") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	for _, bad := range []string{"0", "-3", "shop"} {
		code, _, stderr := runCLI(t, "", env, "verify", "--url", srv.URL, "--site", bad)
		if code != exitUsage || !strings.Contains(stderr, "site") {
			t.Errorf("--site %s: exit %d, stderr %q", bad, code, stderr)
		}
	}
}

// TestRealVerifySite is verify --site against the real Matomo 5.1.2: site
// 1, which a tracking request has just given a visit, and site 2, which
// has none, each in one request.
func TestRealVerifySite(t *testing.T) {
	t.Parallel()
	in := realmatomo.Use(t)
	in.TrackVisit(t, 1)
	env := map[string]string{tokenEnv: realmatomo.TokenViewer}
	for _, c := range []struct {
		site   string
		reason matomo.DataReason
	}{{"1", matomo.DataRecent}, {"2", matomo.DataNoVisit}} {
		code, stdout, stderr := runCLI(t, "", env, "verify", "--url", in.URL, "--site", c.site, "--json")
		out := decodeVerify(t, stdout)
		if code != exitOK || out.DataCheck == nil || out.DataCheck.Reason != c.reason || out.HTTPRequests != 1 {
			t.Fatalf("--site %s: exit %d, data_check %+v, %d requests\n%s", c.site, code, out.DataCheck, out.HTTPRequests, stderr)
		}
		if c.reason == matomo.DataRecent {
			ts, err := time.Parse(time.RFC3339, *out.DataCheck.LastVisit)
			if err != nil || time.Since(ts) > 2*time.Minute {
				t.Errorf("last_visit %q, want a moment ago: %v", *out.DataCheck.LastVisit, err)
			}
		}
	}
}
