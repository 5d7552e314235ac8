package matomo_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// visitsData is the recorded Matomo with a mix of sites as support meets
// them: Shop had a visit two hours ago, Blog never had one, Intranet none
// for nine days, and two more sites whose visits log cannot be read: off
// in the site's settings, and too large for Matomo's time limit.
func visitsData(now time.Time) demomatomo.Data {
	d := demomatomo.Recorded()
	d.Sites[0].LastVisit = now.Add(-2 * time.Hour)
	d.Sites[2].LastVisit = now.Add(-9 * 24 * time.Hour)
	d.Sites = append(d.Sites,
		demomatomo.Site{ID: 4, Name: "Archive", MainURL: "https://archive.example", Type: "website", Timezone: "UTC", Currency: "USD", Created: now, VisitorLogOff: true},
		demomatomo.Site{ID: 5, Name: "Portal", MainURL: "https://portal.example", Type: "website", Timezone: "UTC", Currency: "USD", Created: now, VisitsTimeLimit: true})
	return d
}

// dataCases are the data check's outcomes, each as the superuser's token
// sees it (it reaches every site), except where the case says otherwise.
var dataCases = []struct {
	name      string
	site      int
	token     string
	data      func(*demomatomo.Data)
	opts      demomatomo.Options
	reason    matomo.DataReason
	summary   string // in Summary
	matomo    string // in Matomo, "" for none
	lastVisit time.Duration
}{
	{name: "a recent visit", site: 1, reason: matomo.DataRecent, summary: "Last visit recorded 2 hours ago (", lastVisit: 2 * time.Hour},
	{name: "no visit ever", site: 2, reason: matomo.DataNoVisit, summary: "No visit recorded yet: is the tracking code installed on https://blog.example?"},
	{name: "no visit for nine days", site: 3, reason: matomo.DataStale, summary: "No visit in the last 7 days: tracking may have stopped. The last visit was recorded 9 days ago (", lastVisit: 9 * 24 * time.Hour},
	{name: "visits log off in the site's settings", site: 4, reason: matomo.DataVisitorLogOff,
		summary: "deactivated in this site's settings", matomo: "Visits log is deactivated in website settings. A user with at least admin access can enable this feature in the settings for this website (idSite=4)."},
	{name: "visits log off for all sites", site: 1, data: func(d *demomatomo.Data) { d.VisitorLogOff = true }, reason: matomo.DataVisitorLogOff,
		summary: "the visits log it reads is deactivated for all sites. The token works.", matomo: "Visits log is deactivated globally. A user with super user access can enable this feature in the general settings."},
	{name: "Live plugin off", site: 1, opts: demomatomo.Options{NoLive: true}, reason: matomo.DataLiveOff,
		summary: "Live plugin, which answers it, is not enabled", matomo: "The plugin Live is not enabled. You can activate the plugin on Settings > Plugins page in Matomo."},
	{name: "Matomo's time limit", site: 5, reason: matomo.DataFailed, summary: "time limit for visits log queries ran out", matomo: "Could not run the query in time. Maybe the selected date range is too wide?"},
	{name: "a site the token does not reach", site: 3, token: demomatomo.TokenViewer, reason: matomo.DataSiteNotReachable,
		summary: "this token does not reach site 3", matomo: "You can't access this resource as it requires 'view' access for the website id = 3."},
}

// TestDataCheckTellsTheSitesLastVisit: one POST request, the token in its
// body only, no failed login, and the outcome said as a support person
// needs it, a refusal as the check's and never the token's.
func TestDataCheckTellsTheSitesLastVisit(t *testing.T) {
	now := time.Now()
	for _, c := range dataCases {
		t.Run(c.name, func(t *testing.T) {
			d := visitsData(now)
			if c.data != nil {
				c.data(&d)
			}
			tok := c.token
			if tok == "" {
				tok = demomatomo.TokenSuperUser
			}
			srv := startFake(t, d, c.opts)
			client, _ := testClient(t, matomo.Options{})
			site := matomo.Site{ID: c.site, Name: d.Sites[min(c.site, len(d.Sites))-1].Name, URL: d.Sites[min(c.site, len(d.Sites))-1].MainURL}
			check, err := client.CheckData(context.Background(), address(t, srv.URL), token(t, tok), site)
			if err != nil {
				t.Fatal(err)
			}
			if client.Requests() != 1 || srv.RequestCount() != 1 {
				t.Errorf("%d requests sent, %d arrived; want 1", client.Requests(), srv.RequestCount())
			}
			tokenOnlyInPOSTBody(t, srv, tok)
			r := srv.Requests()[0]
			q, _ := url.ParseQuery(r.RawQuery)
			form, _ := url.ParseQuery(r.Body)
			if q.Get("method") != "Live.getLastVisitsDetails" || form.Get("idSite") != strconv.Itoa(site.ID) ||
				form.Get("filter_limit") != "1" || form.Get("doNotFetchActions") != "1" || form.Get("showColumns") != "lastActionTimestamp" {
				t.Errorf("request %s?%s with %d form fields: want Live.getLastVisitsDetails for one visit, one column", r.Path, r.RawQuery, len(form))
			}
			if n := srv.FailedLogins("127.0.0.1"); n != 0 {
				t.Errorf("the check cost %d failed logins", n)
			}
			wantCheck(t, check, c.reason, c.summary, c.matomo, c.lastVisit, now)
			if check.Trace.Method != http.MethodPost || check.Trace.Status == 0 {
				t.Errorf("trace %+v", check.Trace)
			}
		})
	}
}

// TestVerifyWithDataCheckIsStillOneRequest: verify's --site adds the same
// call to the one bulk request, and the same outcomes come back with the
// verified token.
func TestVerifyWithDataCheckIsStillOneRequest(t *testing.T) {
	now := time.Now()
	for _, c := range dataCases {
		t.Run(c.name, func(t *testing.T) {
			d := visitsData(now)
			if c.data != nil {
				c.data(&d)
			}
			tok := c.token
			if tok == "" {
				tok = demomatomo.TokenSuperUser
			}
			srv := startFake(t, d, c.opts)
			client, _ := testClient(t, matomo.Options{})
			res, err := client.VerifyWithDataCheck(context.Background(), address(t, srv.URL), token(t, tok), c.site)
			if err != nil {
				t.Fatal(err)
			}
			if client.Requests() != 1 || srv.RequestCount() != 1 {
				t.Errorf("%d requests sent, %d arrived; want 1", client.Requests(), srv.RequestCount())
			}
			tokenOnlyInPOSTBody(t, srv, tok)
			form, _ := url.ParseQuery(srv.Requests()[0].Body)
			if got := form.Get("urls[6]"); got != "method=Live.getLastVisitsDetails&idSite="+strconv.Itoa(c.site)+"&filter_limit=1&doNotFetchActions=1&showColumns=lastActionTimestamp" {
				t.Errorf("the data check's sub-request is %q", got)
			}
			wantCheck(t, res.Data, c.reason, c.summary, c.matomo, c.lastVisit, now)
			if res.Data.Checked() && res.Data.Site.Name == "" {
				t.Errorf("the checked site has no name: %+v", res.Data.Site)
			}
		})
	}
	t.Run("without a site, nothing more is asked", func(t *testing.T) {
		srv := startFake(t, visitsData(now), demomatomo.Options{})
		client, _ := testClient(t, matomo.Options{})
		res, err := client.Verify(context.Background(), address(t, srv.URL), token(t, demomatomo.TokenSuperUser))
		if err != nil || res.Data != nil {
			t.Fatalf("data %+v, err %v", res.Data, err)
		}
		if form, _ := url.ParseQuery(srv.Requests()[0].Body); form.Has("urls[6]") {
			t.Errorf("Verify asked the data check: %q", form.Get("urls[6]"))
		}
	})
	t.Run("a superuser's site id that does not exist", func(t *testing.T) {
		srv := startFake(t, visitsData(now), demomatomo.Options{})
		client, _ := testClient(t, matomo.Options{})
		res, err := client.VerifyWithDataCheck(context.Background(), address(t, srv.URL), token(t, demomatomo.TokenSuperUser), 77)
		if err != nil {
			t.Fatal(err)
		}
		wantCheck(t, res.Data, matomo.DataSiteNotReachable, "this token does not reach site 77",
			"An unexpected website was found in the request: website id was set to '77' .", 0, now)
	})
}

func wantCheck(t *testing.T, c *matomo.DataCheck, reason matomo.DataReason, summary, msg string, ago time.Duration, now time.Time) {
	t.Helper()
	if c == nil {
		t.Fatal("no data check")
	}
	if c.Reason != reason {
		t.Errorf("reason %s, want %s (%+v)", c.Reason, reason, c)
	}
	if s := c.Summary(time.UTC).String(); !strings.Contains(s, summary) {
		t.Errorf("summary %q lacks %q", s, summary)
	}
	if c.Matomo != msg {
		t.Errorf("Matomo said %q, want %q", c.Matomo, msg)
	}
	if want := reason == matomo.DataRecent || reason == matomo.DataStale || reason == matomo.DataNoVisit; c.Checked() != want {
		t.Errorf("checked %v, want %v", c.Checked(), want)
	}
	if !c.Checked() && !strings.Contains(c.Summary(time.UTC).String(), "could not run") {
		t.Errorf("a check that did not run does not say so: %q", c.Summary(time.UTC))
	}
	if !c.Checked() && strings.Contains(strings.ToLower(c.Summary(time.UTC).String()), "rejected") {
		t.Errorf("a refused check reads like a rejected token: %q", c.Summary(time.UTC))
	}
	switch {
	case ago == 0 && !c.LastVisit.IsZero():
		t.Errorf("last visit %s, want none", c.LastVisit)
	case ago != 0 && (c.LastVisit.Sub(now.Add(-ago)).Abs() > time.Second || c.LastVisit.Location() != time.UTC):
		t.Errorf("last visit %s, want %s in UTC", c.LastVisit, now.Add(-ago).UTC())
	}
}

// TestDataCheckFailuresAreTheChecksNotTheTokens: no answer (the time
// limit, a cancel), Matomo's lock-out and a token Matomo no longer
// accepts come back as errors of their class, once each; an answer that
// cannot be read is a failed check.
func TestDataCheckFailuresAreTheChecksNotTheTokens(t *testing.T) {
	t.Parallel()
	site := matomo.Site{ID: 1, Name: "Shop", URL: "https://shop.example"}
	lockout := `{"result":"error","message":"Too many failed logins. Please wait and try logging in again later."}`
	for _, c := range []struct {
		name  string
		fault *demomatomo.Fault
		token string
		class matomo.ErrorClass
	}{
		{"the lock-out", &demomatomo.Fault{Status: 500, ContentType: "application/json; charset=utf-8", Body: lockout}, demomatomo.TokenSuperUser, matomo.ClassBlocked},
		{"a token Matomo no longer accepts", nil, demomatomo.TokenViewerExpired, matomo.ClassTokenRejected},
		{"a server error", &demomatomo.Fault{Status: 502, Body: "<html>Bad Gateway</html>"}, demomatomo.TokenSuperUser, matomo.ClassServerError},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := startFake(t, visitsData(time.Now()), demomatomo.Options{})
			srv.SetFault(c.fault)
			client, _ := testClient(t, matomo.Options{})
			check, err := client.CheckData(context.Background(), address(t, srv.URL), token(t, c.token), site)
			if e := classOf(t, err); e.Class != c.class || check != nil {
				t.Errorf("class %s (%v), check %+v; want %s", e.Class, e, check, c.class)
			}
			if srv.RequestCount() != 1 {
				t.Errorf("%d requests arrived, want 1: never repeated by itself", srv.RequestCount())
			}
			if !strings.Contains(matomo.DataCheckErrorSummary(matomo.AsError(err)).String(), "The data check could not run") {
				t.Errorf("summary %q", matomo.DataCheckErrorSummary(matomo.AsError(err)))
			}
		})
	}
	t.Run("the time limit", func(t *testing.T) {
		srv := startFake(t, visitsData(time.Now()), demomatomo.Options{Latency: 5 * time.Second})
		client, _ := testClient(t, matomo.Options{Timeout: 200 * time.Millisecond})
		start := time.Now()
		_, err := client.CheckData(context.Background(), address(t, srv.URL), token(t, demomatomo.TokenSuperUser), site)
		if e := classOf(t, err); e.Class != matomo.ClassTimeout || time.Since(start) > 3*time.Second {
			t.Errorf("class %s after %s, want a timeout within the limit", e.Class, time.Since(start))
		}
	})
	t.Run("canceled", func(t *testing.T) {
		srv := startFake(t, visitsData(time.Now()), demomatomo.Options{Latency: 5 * time.Second})
		client, _ := testClient(t, matomo.Options{})
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(100*time.Millisecond, cancel)
		_, err := client.CheckData(ctx, address(t, srv.URL), token(t, demomatomo.TokenSuperUser), site)
		if e := classOf(t, err); e.Class != matomo.ClassCanceled {
			t.Errorf("class %s, want canceled", e.Class)
		}
	})
	for _, c := range []struct{ name, body string }{
		{"a visit without a timestamp", `[{"idVisit":1}]`},
		{"a timestamp that is no number", `[{"lastActionTimestamp":"yesterday"}]`},
		{"a list that does not end", `[{"lastActionTimestamp":1796170002},`},
		{"more visits than any Matomo sends for one", "[" + strings.Repeat(`{"lastActionTimestamp":1},`, 100) + `{"lastActionTimestamp":1}]`},
		{"a value beyond the bound of one value", `[{"lastActionTimestamp":1,"x":"` + strings.Repeat("x", 2<<20) + `"}]`},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.Write([]byte(c.body))
			}))
			t.Cleanup(srv.Close)
			client, _ := testClient(t, matomo.Options{})
			check, err := client.CheckData(context.Background(), address(t, srv.URL), token(t, demomatomo.TokenSuperUser), site)
			if err != nil || check.Reason != matomo.DataFailed || check.Checked() || !strings.Contains(check.Matomo, "could not be read") {
				t.Errorf("check %+v, err %v: want a failed check that says its answer could not be read", check, err)
			}
		})
	}
}

// TestAVerifiedTokenStaysVerifiedWhateverTheDataCheckAnswers: in verify's
// one request the data check's element comes last, and an element that
// is missing or cannot be read fails the data check only.
func TestAVerifiedTokenStaysVerifiedWhateverTheDataCheckAnswers(t *testing.T) {
	const head = `[{"value":"5.1.2"},{"value":false},{"value":false},[],[],[{"idsite":1,"name":"Shop","main_url":"https:\/\/shop.example"}]`
	for _, c := range []struct{ name, tail string }{
		{"missing", "]"},
		{"not a list of visits", `,{"value":3}]`},
		{"a visit without a timestamp", `,[{"idVisit":1}]]`},
		{"a value beyond the bound of one value", `,[{"idVisit":"` + strings.Repeat("x", 2<<20) + `"}]]`},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.Write([]byte(head + c.tail))
			}))
			t.Cleanup(srv.Close)
			client, _ := testClient(t, matomo.Options{})
			res, err := client.VerifyWithDataCheck(context.Background(), address(t, srv.URL), token(t, demomatomo.TokenViewer), 1)
			if err != nil {
				t.Fatalf("the token check failed: %v", err)
			}
			if len(res.Sites) != 1 || res.Data == nil || res.Data.Reason != matomo.DataFailed || res.Data.Site.Name != "Shop" {
				t.Errorf("sites %v, data %+v", res.Sites, res.Data)
			}
		})
	}
}

// TestTheSessionSkipsTheDataCheckAfterTheLockOut: the check goes out only
// for a verified token still held and a chosen site, and never after the
// lock-out; the lock-out it meets stops all sending.
func TestTheSessionSkipsTheDataCheckAfterTheLockOut(t *testing.T) {
	var s matomo.Session
	addr := address(t, "https://analytics.example.org")
	tc, _ := matomo.ParseToken(demomatomo.TokenViewer)
	if s.MayCheckData() {
		t.Fatal("the data check may run before any token was verified")
	}
	s.RecordVerify(tc, &matomo.Result{Address: addr, Sites: []matomo.Site{{ID: 1}}}, nil)
	if s.MayCheckData() {
		t.Fatal("the data check may run before a site was chosen")
	}
	s.ChooseSite(matomo.Site{ID: 1})
	if !s.MayCheckData() {
		t.Fatal("the data check may not run for a verified token and a chosen site")
	}
	s.RecordDataCheck(nil, &matomo.Error{Class: matomo.ClassCanceled})
	if s.DataErr() != nil || s.DataCheck() != nil {
		t.Error("a canceled check was recorded")
	}
	s.RecordDataCheck(nil, &matomo.Error{Class: matomo.ClassBlocked})
	if !s.Blocked() || s.MayCheckData() || s.MaySendToken() {
		t.Error("the lock-out met by the data check does not stop all sending")
	}
	f := s.Findings()
	if f.DataErr == nil {
		t.Error("the report does not learn of the failed data check")
	}
	s.ChooseSite(matomo.Site{ID: 2})
	if s.DataErr() != nil {
		t.Error("another site keeps the data check of the one before")
	}
}

func TestVisitTimesInTheUsersZoneAndUTC(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	now := time.Date(2026, 12, 1, 19, 40, 0, 0, time.UTC)
	for _, c := range []struct {
		last time.Time
		loc  *time.Location
		want string
	}{
		{now.Add(-2 * time.Hour), time.UTC, "Last visit recorded 2 hours ago (2026-12-01 17:40 UTC)."},
		{now.Add(-2 * time.Hour), berlin, "Last visit recorded 2 hours ago (2026-12-01 18:40 CET, 17:40 UTC)."},
		{now.Add(-19*time.Hour - 50*time.Minute), berlin, "Last visit recorded 19 hours ago (2026-12-01 00:50 CET, 2026-11-30 23:50 UTC)."},
		{now.Add(-40 * time.Second), time.UTC, "Last visit recorded less than a minute ago (2026-12-01 19:39 UTC)."},
		{now.Add(-1 * time.Minute), time.UTC, "Last visit recorded 1 minute ago (2026-12-01 19:39 UTC)."},
		{now.Add(-50 * time.Hour), time.UTC, "Last visit recorded 2 days ago (2026-11-29 17:40 UTC)."},
	} {
		d := &matomo.DataCheck{Reason: matomo.DataRecent, LastVisit: c.last, CheckedAt: now}
		if got := d.Summary(c.loc).String(); got != c.want {
			t.Errorf("got  %q\nwant %q", got, c.want)
		}
	}
}

// TestTheReportSaysWhatTheDataCheckFound: the diagnostics report has a
// section for the data check: its outcome in words and as the stable
// word, Matomo's message, what to do, or why it got no answer; its own
// request among the requests, and none more when it travelled in the
// token check's.
func TestTheReportSaysWhatTheDataCheckFound(t *testing.T) {
	now := time.Now()
	srv := startFake(t, visitsData(now), demomatomo.Options{})
	client, _ := testClient(t, matomo.Options{})
	addr, tok := address(t, srv.URL), token(t, demomatomo.TokenSuperUser)
	res, err := client.VerifyWithDataCheck(context.Background(), addr, tok, 4)
	if err != nil {
		t.Fatal(err)
	}
	text := matomo.NewReport(matomo.Findings{Address: addr, Token: tok, Result: res, DataCheck: res.Data}).Text()
	for _, want := range []string{
		"Data check (the chosen site's last visit, asked with the token)\n",
		"  Site:               4 Archive https://archive.example\n",
		"  Outcome:            The data check could not run: the visits log it reads is deactivated in this site's settings. The token works. (visitor_log_disabled)\n",
		"  Matomo said:        \"Visits log is deactivated in website settings.",
		"  What to do:         A user with admin access to the site can enable it again",
		"Request 1 of 1: token check\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}

	check, err := client.CheckData(context.Background(), addr, tok, matomo.Site{ID: 2, Name: "Blog", URL: "https://blog.example"})
	if err != nil {
		t.Fatal(err)
	}
	text = matomo.NewReport(matomo.Findings{Address: addr, Token: tok, Result: res, DataCheck: check}).Text()
	for _, want := range []string{
		"  Outcome:            No visit recorded yet: is the tracking code installed on https://blog.example? (no_visit)\n",
		"Request 2 of 2: data check\n",
		"(token in the POST body)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
	text = matomo.NewReport(matomo.Findings{Address: addr, Token: tok, Result: res,
		DataErr: &matomo.Error{Class: matomo.ClassTimeout, Detail: i18n.Verbatim("No answer within 30s.")}}).Text()
	if !strings.Contains(text, "  Outcome:            The data check could not run: The server did not answer in time. No answer within 30s. (failed)\n") ||
		!strings.Contains(text, "  Failed at:          data check\n") {
		t.Errorf("the report does not say why the data check got no answer:\n%s", text)
	}
	text = matomo.NewReport(matomo.Findings{Address: addr, Token: tok, Result: res, DataSkipped: true}).Text()
	if !strings.Contains(text, matomo.DataCheckSkipped().String()) {
		t.Errorf("the report does not say the data check was skipped:\n%s", text)
	}
}
