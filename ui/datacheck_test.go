package ui

import (
	"strings"
	"testing"
	"time"

	"charm.land/lipgloss/v2"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// toDone verifies the test token and picks site 2 (Blog), running every
// request to its end.
func toDone(t *testing.T, d *driver) {
	t.Helper()
	okVerify(d.client, t)
	d.key("enter", "enter", "t")
	d.paste(testToken)
	d.key("enter", "down", "enter")
}

func TestPickingASiteChecksItsDataOnceWithTheToken(t *testing.T) {
	fc := &fakeClient{}
	d := newDriver(t, Config{Client: fc, URL: testURL})
	toDone(t, d)
	d.wantScreen("✓ Ready for Acona", "✓ Last visit recorded 2 hours ago (2026-11-28 07:20 UTC).", "Site ID 2 (Blog)")
	if fc.dataChecks != 1 || fc.lastToken.Fingerprint() != "32 characters, ends …6789" {
		t.Fatalf("%d data checks, with the token %s", fc.dataChecks, fc.lastToken.Fingerprint())
	}
	if got := d.m.Outcome().Data; got != "✓ Last visit recorded 2 hours ago (2026-11-28 07:20 UTC)." {
		t.Errorf("the summary the wizard leaves says %q", got)
	}
	// Copying, scrolling and asking for help send nothing more.
	d.key("a", "i", "?", "?")
	if fc.dataChecks != 1 {
		t.Fatalf("%d data checks after keys that send nothing", fc.dataChecks)
	}
	// Back to the sites and another site: one check for it.
	d.key("esc")
	if d.m.screen != screenResult {
		t.Fatalf("esc on done went to %v, want the sites", d.m.screen)
	}
	d.key("up", "enter")
	d.wantScreen("Site ID 1 (Shop)", "Last visit recorded")
	if fc.dataChecks != 2 {
		t.Fatalf("%d data checks for two picks", fc.dataChecks)
	}
}

func TestTheLastVisitInTheUsersZoneAndUTC(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	d := newDriver(t, Config{Client: &fakeClient{}, URL: testURL, TimeZone: berlin})
	toDone(t, d)
	d.wantScreen("✓ Last visit recorded 2 hours ago (2026-11-28 08:20 CET, 07:20 UTC).")
}

func TestEscCancelsTheDataCheckAndThenGoesBack(t *testing.T) {
	fc := &fakeClient{block: true}
	d := newDriver(t, Config{Client: fc, URL: testURL})
	okVerify(fc, t)
	fc.block = false
	d.key("enter", "enter", "t")
	d.paste(testToken)
	d.key("enter", "down")
	fc.block = true
	cmd := d.sendOnly(keyPress("enter"))
	d.wantScreen("Checking that the site has data", "esc cancel data check")
	d.wantNotOnScreen("esc back to sites")
	done := make(chan struct{})
	go func() { collect(cmd); close(done) }()
	d.key("esc")
	<-done // the request ended with its context
	if d.m.screen != screenDone || d.m.busy() {
		t.Fatalf("esc while checking left screen %v, busy %v", d.m.screen, d.m.busy())
	}
	d.wantScreen("Data check canceled", "r check data again", "esc back to sites")
	if fc.canceled != 1 || d.m.found.DataCheck() != nil || d.m.found.DataErr() != nil {
		t.Fatalf("canceled %d, check %+v, err %v", fc.canceled, d.m.found.DataCheck(), d.m.found.DataErr())
	}
	// r checks again, once; esc now means back to the sites.
	fc.block = false
	d.key("r")
	d.wantScreen("✓ Last visit recorded")
	d.wantNotOnScreen("r check data again")
	d.key("esc")
	if d.m.screen != screenResult {
		t.Fatalf("esc after the check went to %v, want the sites", d.m.screen)
	}
	if fc.dataChecks != 2 {
		t.Fatalf("%d data checks, want 2 (the canceled one and r)", fc.dataChecks)
	}
}

func TestNoVisitOffersTheTrackingCodeLink(t *testing.T) {
	fc := &fakeClient{dataCheck: func(site matomo.Site) (*matomo.DataCheck, error) {
		return &matomo.DataCheck{Site: site, Reason: matomo.DataNoVisit}, nil
	}}
	b := &recordingBrowser{}
	d := newDriver(t, Config{Client: fc, URL: testURL, Browser: b})
	toDone(t, d)
	link := testURL + "/index.php?module=CoreAdminHome&action=trackingCodeGenerator&idSite=2"
	d.wantScreen("! No visit recorded yet: is the tracking code installed on https://blog.example?", link,
		"o open tracking code")
	d.key("?")
	d.wantScreen("l copy link")
	d.key("?")
	d.key("o")
	if len(b.opened) != 1 || b.opened[0] != link {
		t.Fatalf("opened %v, want %s", b.opened, link)
	}
	var copied string
	for _, c := range flatten(d.sendOnly(keyPress("l"))) {
		if s, ok := clipboardText(c()); ok {
			copied = s
		}
	}
	if copied != link {
		t.Fatalf("copied %q, want the link", copied)
	}
	if fc.dataChecks != 1 {
		t.Fatalf("%d data checks", fc.dataChecks)
	}
}

func TestARefusedDataCheckIsTheChecksNotTheTokens(t *testing.T) {
	for _, c := range []struct {
		name  string
		check *matomo.DataCheck
		err   *matomo.Error
		say   []string
		retry bool
	}{
		{name: "the Live plugin is off", check: &matomo.DataCheck{Reason: matomo.DataLiveOff,
			Matomo: "The plugin Live is not enabled. You can activate the plugin on Settings > Plugins page in Matomo."},
			say: []string{"! The data check could not run: Matomo's Live plugin, which answers it, is not enabled. The token works.",
				`Matomo said: "The plugin Live is not enabled.`}},
		{name: "the visits log is off for all sites", check: &matomo.DataCheck{Reason: matomo.DataVisitorLogOff, Everywhere: true},
			say: []string{"the visits log it reads is deactivated for all sites. The token works."}},
		{name: "Matomo's time limit", check: &matomo.DataCheck{Reason: matomo.DataFailed, TimeLimit: true},
			say: []string{"time limit for visits log queries ran out. The token works.", "Try again later"}, retry: true},
		{name: "no answer in time", err: &matomo.Error{Class: matomo.ClassTimeout, Detail: i18n.Verbatim("analytics.example.org did not answer within 30s."), Hint: i18n.Verbatim("Matomo may be overloaded.")},
			say: []string{"! The data check could not run: The server did not answer in time. analytics.example.org did not answer within 30s."}, retry: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			fc := &fakeClient{dataCheck: func(site matomo.Site) (*matomo.DataCheck, error) {
				if c.err != nil {
					return nil, c.err
				}
				check := *c.check
				check.Site = site
				return &check, nil
			}}
			d := newDriver(t, Config{Client: fc, URL: testURL})
			toDone(t, d)
			d.wantScreen(append(c.say, "✓ Ready for Acona")...)
			d.wantNotOnScreen("rejected", "✗", "o open tracking code")
			if c.retry {
				d.wantScreen("r check data again")
			} else {
				d.wantNotOnScreen("r check data again")
			}
		})
	}
}

func TestNoDataCheckAfterTheLockOut(t *testing.T) {
	fc := &fakeClient{}
	d := newDriver(t, Config{Client: fc, URL: testURL})
	okVerify(fc, t)
	// The URL check meets the lock-out: from then on no token is sent.
	fc.getCheck = func(matomo.Token) (*matomo.GETCheck, error) {
		return nil, &matomo.Error{Class: matomo.ClassBlocked, Detail: i18n.Verbatim("Locked out.")}
	}
	d.key("enter", "enter", "t")
	d.paste(testToken)
	d.key("enter", "g", "right", "enter", "enter")
	if d.m.screen != screenDone || fc.dataChecks != 0 {
		t.Fatalf("screen %v, %d data checks after the lock-out", d.m.screen, fc.dataChecks)
	}
	d.wantScreen("! The data check was not run: Matomo locked this computer out", "✓ Ready for Acona")
	d.wantNotOnScreen("r check data again")
}

func TestTheLockOutMetByTheDataCheckStopsAllSending(t *testing.T) {
	fc := &fakeClient{dataCheck: func(matomo.Site) (*matomo.DataCheck, error) {
		return nil, &matomo.Error{Class: matomo.ClassBlocked, Detail: i18n.Verbatim("Matomo has blocked requests from this computer's IP address after too many failed logins.")}
	}}
	d := newDriver(t, Config{Client: fc, URL: testURL})
	toDone(t, d)
	d.wantScreen("The data check could not run: Matomo has locked this computer out.")
	d.wantNotOnScreen("r check data again")
	if !d.m.found.Blocked() {
		t.Fatal("the session did not learn of the lock-out")
	}
	d.key("esc", "enter")
	if fc.dataChecks != 1 {
		t.Fatalf("%d data checks: another site was checked after the lock-out", fc.dataChecks)
	}
}

// TestTheVisitsTimeIsNeverBrokenAcrossLines: the wrap breaks at hyphens
// and spaces, and "(2026-11-19 22:32 CET, 21:32 UTC)" read "(2026-" on
// one line and "11-19 …" on the next at 40 columns.
func TestTheVisitsTimeIsNeverBrokenAcrossLines(t *testing.T) {
	const unit = "(2026-11-19 22:32 CET, 21:32 UTC)"
	s := "! No visit in the last 7 days: tracking may have stopped. The last visit was recorded 12 days ago " + unit + "."
	for w := len(unit) + 1; w <= 100; w++ {
		out := wrapTime(s, w)
		if !strings.Contains(out, unit) {
			t.Fatalf("at %d columns the time is broken:\n%s", w, out)
		}
		if strings.Join(strings.Fields(out), " ") != s {
			t.Fatalf("at %d columns the text changed:\n%s", w, out)
		}
		for _, line := range strings.Split(out, "\n") {
			if n := lipgloss.Width(line); n > w {
				t.Fatalf("a line of %d columns at %d:\n%s", n, w, out)
			}
		}
	}
}

// TestTheReportOnDoneSaysWhatTheDataCheckFound: d on Done, once the check
// has ended, writes the report with the data check in it.
func TestTheReportOnDoneSaysWhatTheDataCheckFound(t *testing.T) {
	var got []matomo.Findings
	write := func(f matomo.Findings) (string, error) { got = append(got, f); return "/tmp/report.txt", nil }
	d := newDriver(t, Config{Client: &fakeClient{}, URL: testURL, Report: write})
	toDone(t, d)
	d.key("?")
	d.wantScreen("d diagnostics")
	d.key("?", "d")
	if len(got) != 1 || got[0].DataCheck == nil || got[0].DataCheck.Reason != matomo.DataRecent || got[0].DataCheck.Site.ID != 2 {
		t.Fatalf("the report got %+v", got)
	}
	text := matomo.NewReport(got[0]).Text()
	if !strings.Contains(text, "Data check (the chosen site's last visit, asked with the token)") ||
		!strings.Contains(text, "Last visit recorded 2 hours ago") {
		t.Errorf("the report does not say what the data check found:\n%s", text)
	}
}
