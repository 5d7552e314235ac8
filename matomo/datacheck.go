package matomo

import (
	"bufio"
	"context"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/go-json-experiment/json/jsontext"

	"matomo-onboard/internal/i18n"
)

// The data check asks Matomo, with the verified token, for the chosen
// site's most recent visit: a token that works for a site whose tracking
// code was never installed, or stopped last week, gives an integration
// nothing, and people find out days later. Live.getLastVisitsDetails reads
// the raw visits log (no report is archived for it), and with
// filter_limit=1, doNotFetchActions=1 and showColumns it answers one
// timestamp: [{"lastActionTimestamp":1796170002}], 36 bytes instead of
// about 2.4 kB per visit (measured on the real 5.1.2, which applies
// showColumns to Live's answer as to any list of rows).
//
// It is no login attempt: a token Matomo accepted moments ago is not
// counted as a failed login by it. It is still a request with the token,
// so it follows the rules of every such request: POST body only, once,
// within the time limit, and never after Matomo's lock-out (Session).

// DataReason is the data check's outcome in one stable word, as verify's
// JSON prints it.
type DataReason string

const (
	DataRecent           DataReason = "ok"                   // a visit within StaleAfter
	DataNoVisit          DataReason = "no_visit"             // Matomo has recorded no visit for the site
	DataStale            DataReason = "stale"                // the last visit is older than StaleAfter
	DataVisitorLogOff    DataReason = "visitor_log_disabled" // the visits log is deactivated, for all sites or this one
	DataLiveOff          DataReason = "live_disabled"        // the Live plugin, which answers the check, is not there
	DataSiteNotReachable DataReason = "site_not_reachable"   // the token does not reach the site
	DataFailed           DataReason = "failed"               // the check could not run for another reason
)

// StaleAfter is how long without a visit makes tracking look stopped.
const StaleAfter = 7 * 24 * time.Hour

// DataCheck is what the data check found out about one site.
type DataCheck struct {
	Site   Site
	Reason DataReason
	// LastVisit is the time of the last action of the site's most recent
	// visit (Matomo's lastActionTimestamp), in UTC; zero when there is
	// none or the check could not run.
	LastVisit time.Time
	// CheckedAt is when the answer arrived: the age of the last visit is
	// told from it.
	CheckedAt time.Time
	// Matomo is Matomo's own message when it refused the check.
	Matomo string
	// Everywhere is set when the visits log is deactivated for every site
	// (a superuser's setting), not in this site's settings.
	Everywhere bool
	// TimeLimit is set when Matomo stopped the query at its time limit
	// for visits log queries ([General] live_query_max_execution_time).
	TimeLimit bool
	// Trace is the request's, when the check had a request of its own
	// (in verify it travels in the token check's).
	Trace Trace
}

// Checked reports whether the check ran and Matomo answered it: a visit,
// an old one, or none at all.
func (d *DataCheck) Checked() bool {
	return d != nil && (d.Reason == DataRecent || d.Reason == DataStale || d.Reason == DataNoVisit)
}

// The call, with the one column read: lastActionTimestamp.
const (
	dataCheckMethod = "Live.getLastVisitsDetails"
	visitColumns    = "lastActionTimestamp"
)

// dataCheckCall is the call's sub-URL in verify's bulk request; the wizard
// sends the same parameters as a request of its own.
func dataCheckCall(siteID int) string {
	return "method=" + dataCheckMethod + "&idSite=" + strconv.Itoa(siteID) +
		"&filter_limit=1&doNotFetchActions=1&showColumns=" + visitColumns
}

// dataCheckRequest is the query and POST body of the wizard's data check:
// the call's parameters in the body, with the token, as verifyRequest
// does.
func dataCheckRequest(tok Token, siteID int) (query string, form url.Values) {
	form, _ = url.ParseQuery(dataCheckCall(siteID))
	form.Del("method")
	form.Set("token_auth", tok.Reveal())
	return apiQuery(dataCheckMethod), form
}

// TrackingCodeLink is Matomo's page with the tracking code for the site,
// where someone checks that the site's pages carry it.
func (d *DataCheck) TrackingCodeLink(addr Address) string {
	return addr.Link("module=CoreAdminHome&action=trackingCodeGenerator&idSite=" + strconv.Itoa(d.Site.ID))
}

// CheckData asks Matomo, with the token, for the site's most recent visit:
// one POST request, the token in its body. A refusal of the check itself
// (the visits log off, the Live plugin off, Matomo's time limit, a site
// the token does not reach) is a DataCheck that says so; the error is
// for what keeps any answer from arriving (network, time limit, Matomo's
// lock-out, a token Matomo no longer accepts), as *Error.
func (c *Client) CheckData(ctx context.Context, addr Address, tok Token, site Site) (*DataCheck, error) {
	if err := c.checkTransport(addr); err != nil {
		return nil, err
	}
	if tok.IsZero() {
		return nil, &Error{Class: ClassTokenRejected, Detail: i18n.T(i18n.ErrDetailNoToken), Hint: i18n.T(i18n.ErrHintVerifyFirst)}
	}
	check, err := c.checkData(ctx, addr, tok, site)
	if err != nil {
		return nil, err.redact(tok.value())
	}
	r := newRedactor(tok.value())
	check.Matomo = r.text(check.Matomo)
	check.Trace.redact(r)
	return check, nil
}

func (c *Client) checkData(ctx context.Context, addr Address, tok Token, site Site) (*DataCheck, *Error) {
	query, form := dataCheckRequest(tok, site.ID)
	ctx, cancel := c.withTimeout(ctx)
	defer cancel()
	k, err := c.send(ctx, http.MethodPost, addr.Link(query), addr.Endpoint(), form, tok, false)
	if err != nil {
		return nil, withTrace(c.failedTransport(ctx, err, addr, k), k.finish())
	}
	check, derr := c.readDataCheck(ctx, k, addr, site)
	trace := k.finish()
	if derr != nil {
		return nil, withTrace(derr, trace)
	}
	check.Trace = trace
	return check, nil
}

// readDataCheck reads the answer: a list of visits, read as the bulk
// answer's element is (one pass, the same bounds), or Matomo's error.
func (c *Client) readDataCheck(ctx context.Context, k *call, addr Address, site Site) (*DataCheck, *Error) {
	status := k.resp.StatusCode
	if status >= 300 && status < 400 {
		a, _ := readAnswer(k.resp, k.body)
		return nil, redirectError(a, addr, k.resp.Request.URL)
	}
	br := bufio.NewReader(k.body)
	if status == http.StatusOK && startsWith(br, '[') {
		src := &boundedSource{r: br, ctx: ctx}
		d := &bulkDecoder{dec: jsontext.NewDecoder(src, decodeOptions...), src: src}
		src.dec = d.dec
		var v slot[visitAnswer]
		if err := d.visits(&v); err != nil {
			if src.err != nil {
				return nil, c.failedTransport(ctx, src.err, addr, k)
			}
			return unreadableVisits(site, asDecodeError(err)), nil
		}
		return dataCheckFrom(site, v, time.Now()), nil
	}
	a, err := readAnswer(k.resp, br)
	if err != nil && len(a.body) == 0 {
		return nil, c.failedTransport(ctx, err, addr, k)
	}
	// Matomo's own refusal of the check, in its JSON error (200, or 401
	// for a site the token does not reach): the check could not run, and
	// the token is not at fault. Everything else (the lock-out, a token
	// no longer accepted, a server in trouble) is classified as for any
	// request with the token.
	if msg, ok := matomoErrorMessage(a.body); ok && !looksHTML(a.body) && a.lockout() == nil {
		if d := refusedCheck(site, msg); d != nil {
			return d, nil
		}
	}
	return nil, failure(a, addr, true)
}

// visitAnswer is what Live.getLastVisitsDetails listed: how many visits,
// and the first one's lastActionTimestamp (Matomo lists the most recent
// first).
type visitAnswer struct {
	rows int
	last int64 // Unix seconds, when rows > 0
}

// maxVisitRows bounds the list: one visit is asked for, and a Matomo that
// ignored filter_limit would send Live's default of 10.
const maxVisitRows = 100

// visits reads the answer to the data check's call: a list of visit rows,
// null (nothing), or Matomo's error in place of the list. Only the first
// row's lastActionTimestamp is kept; every other field, and every other
// row, is skipped without being held.
func (d *bulkDecoder) visits(s *slot[visitAnswer]) error {
	return d.list(&s.Failed, &s.Err, func() error {
		for d.dec.PeekKind() != ']' {
			if s.Val.rows >= maxVisitRows {
				return &tooLargeError{what: i18n.T(i18n.ErrListsVisits, maxVisitRows)}
			}
			if d.dec.PeekKind() != '{' {
				v, err := d.dec.ReadValue()
				if err != nil {
					return err
				}
				return typesError("expected a visit, got %.40s", v)
			}
			first, found := s.Val.rows == 0, false
			var msg string
			_, err := d.object(&msg, func(key []byte) (bool, error) {
				if !first || string(key) != visitColumns {
					return false, nil
				}
				v, err := d.dec.ReadValue()
				if err != nil {
					return true, err
				}
				s.Val.last, err = unixSeconds(v)
				found = err == nil
				return true, err
			})
			if err != nil {
				return err
			}
			if first && !found {
				return typesError("a visit without %s", visitColumns)
			}
			s.Val.rows++
		}
		_, err := d.dec.ReadToken()
		return err
	})
}

// unixSeconds reads a timestamp: 1796170002 or "1796170002" (PHP sends
// numbers of the database as strings before 8.1).
func unixSeconds(v jsontext.Value) (int64, error) {
	digits := v
	if v.Kind() == '"' {
		digits = v[1 : len(v)-1]
	}
	if len(digits) == 0 || len(digits) > 12 {
		return 0, typesError("expected a timestamp, got %.40s", v)
	}
	var n int64
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, typesError("expected a timestamp, got %.40s", v)
		}
		n = n*10 + int64(c-'0')
	}
	return n, nil
}

// dataCheckFrom turns the call's answer into the check's outcome, the age
// told from now.
func dataCheckFrom(site Site, v slot[visitAnswer], now time.Time) *DataCheck {
	if v.Failed {
		if d := refusedCheck(site, v.Err); d != nil {
			return d
		}
		return &DataCheck{Site: site, Reason: DataFailed, Matomo: v.Err, CheckedAt: now}
	}
	d := &DataCheck{Site: site, CheckedAt: now, Reason: DataNoVisit}
	if v.Val.rows == 0 {
		return d
	}
	d.LastVisit = time.Unix(v.Val.last, 0).UTC()
	d.Reason = DataRecent
	if now.Sub(d.LastVisit) > StaleAfter {
		d.Reason = DataStale
	}
	return d
}

// unreadableVisits is a check whose answer could not be read.
func unreadableVisits(site Site, err error) *DataCheck {
	return &DataCheck{Site: site, Reason: DataFailed, CheckedAt: time.Now(),
		Matomo: "(the answer to the data check could not be read: " + cleanText(err.Error(), 120) + ")"}
}

// Matomo's refusals of the check, recognised as the lock-outs are (see
// lockoutIn): entities decoded, then letters and digits only, in lower
// case (readingForm); English,
// which the requests ask for, German for a server that answers in it
// anyway, and the translation keys, which Matomo shows where a
// translation is missing. The visits log messages are English in every
// language: Matomo's Live plugin does not translate them.
var (
	// Live::checkIsVisitorLogEnabled, the superuser's general setting.
	visitorLogOffEverywhere = []string{"visits log is deactivated globally"}
	// The same, in the site's settings (or for every site asked).
	visitorLogOffForSite = []string{"visits log is deactivated in website settings", "visits log is deactivated for all given websites"}
	// PluginDeactivatedException ("The plugin Live is not enabled. You can
	// activate the plugin on Settings > Plugins page in Matomo."), and a
	// Live plugin without the method (General_ExceptionMethodNotFound).
	liveOff = []string{"the plugin live is not enabled", "does not exist or is not available in the module",
		"existiert nicht oder ist im modul", "general_exceptionmethodnotfound"}
	// Live_QueryMaxExecutionTimeExceeded: "Could not run the query in
	// time.  Maybe the selected date range is too wide?" (no date range
	// is given: Matomo looks at all of the site's visits).
	visitsTimeLimit = []string{"could not run the query in time", "die ausführung der abfrage dauerte zu lange",
		"live_querymaxexecutiontimeexceeded"}
	// General_ExceptionPrivilegeAccessWebsite: "You can't access this
	// resource as it requires 'view' access for the website id = 3."
	noSiteAccess = []string{"access for the website id", "zugriff für die webseite id", "general_exceptionprivilegeaccesswebsite"}
)

// refusedCheck recognises Matomo's refusal of the check in its message,
// or returns nil.
func refusedCheck(site Site, msg string) *DataCheck {
	read := readingForm(html.UnescapeString(msg))
	has := func(phrases []string) bool {
		for _, p := range phrases {
			if strings.Contains(read, readingForm(p)) {
				return true
			}
		}
		return false
	}
	d := &DataCheck{Site: site, Matomo: cleanText(msg, 500), CheckedAt: time.Now()}
	switch {
	case has(visitorLogOffEverywhere):
		d.Reason, d.Everywhere = DataVisitorLogOff, true
	case has(visitorLogOffForSite):
		d.Reason = DataVisitorLogOff
	case has(liveOff):
		d.Reason = DataLiveOff
	case has(visitsTimeLimit):
		d.Reason, d.TimeLimit = DataFailed, true
	case has(noSiteAccess):
		d.Reason = DataSiteNotReachable
	default:
		return nil
	}
	return d
}

// notReachable is the check of a site the verified token does not reach:
// the sites Matomo listed decide, whatever the call answered.
func notReachable(id int, matomo string) *DataCheck {
	return &DataCheck{Site: Site{ID: id}, Reason: DataSiteNotReachable, Matomo: matomo, CheckedAt: time.Now()}
}

// Summary says what the check found, for every front end alike: the last
// visit's age and time in loc (time.Local when nil) and in UTC, or why
// there is nothing to tell. After every check that could not run it says
// the token works: support's first worry is the token, and the token is
// not the cause (Matomo accepted it moments before, and the refusal is
// about the visits log).
func (d *DataCheck) Summary(loc *time.Location) i18n.Text {
	id := strconv.Itoa(d.Site.ID)
	switch d.Reason {
	case DataRecent:
		return i18n.T(i18n.DataRecent, visitTime(d.LastVisit, d.CheckedAt, loc))
	case DataStale:
		return i18n.T(i18n.DataStale, visitTime(d.LastVisit, d.CheckedAt, loc))
	case DataNoVisit:
		if d.Site.URL == "" {
			return i18n.T(i18n.DataNoVisitSite, id)
		}
		return i18n.T(i18n.DataNoVisitURL, d.Site.URL)
	case DataVisitorLogOff:
		if d.Everywhere {
			return i18n.T(i18n.DataLogOffAll)
		}
		return i18n.T(i18n.DataLogOffSite)
	case DataLiveOff:
		return i18n.T(i18n.DataLiveOff)
	case DataSiteNotReachable:
		return i18n.T(i18n.DataNotReachable, id)
	}
	if d.TimeLimit {
		return i18n.T(i18n.DataTimeLimit)
	}
	return i18n.T(i18n.DataFailed)
}

// Hint says what to do next, or the zero Text when nothing needs doing.
func (d *DataCheck) Hint() i18n.Text {
	id := strconv.Itoa(d.Site.ID)
	switch {
	case d.Reason == DataNoVisit:
		return i18n.T(i18n.DataHintNoVisit, id)
	case d.Reason == DataStale:
		return i18n.T(i18n.DataHintStale, id)
	case d.Reason == DataVisitorLogOff && d.Everywhere:
		return i18n.T(i18n.DataHintLogOffAll)
	case d.Reason == DataVisitorLogOff:
		return i18n.T(i18n.DataHintLogOffSite)
	case d.Reason == DataLiveOff:
		return i18n.T(i18n.DataHintLiveOff)
	case d.Reason == DataSiteNotReachable:
		return i18n.T(i18n.DataHintNotReachable)
	case d.TimeLimit:
		return i18n.T(i18n.DataHintTimeLimit)
	case d.Reason == DataFailed:
		return i18n.T(i18n.DataHintFailed)
	}
	return i18n.Text{}
}

// DataCheckErrorSummary says why the data check got no answer: the
// transport's or Matomo's failure, said as the check's, not the token's
// (except where Matomo said so: a lock-out, a token it no longer
// accepts). The zero Text for no error.
func DataCheckErrorSummary(e *Error) i18n.Text {
	if e == nil {
		return i18n.Text{}
	}
	if !e.Detail.IsZero() {
		return i18n.T(i18n.DataErrorDetail, e.Title(), e.Detail)
	}
	return i18n.T(i18n.DataErrorTitle, e.Title())
}

// DataCheckSkipped says why the check was not sent after Matomo's
// lock-out.
func DataCheckSkipped() i18n.Text { return i18n.T(i18n.DataSkipped) }

// visitTime is a visit's age and time, "2 hours ago (2026-12-01 18:40
// CET, 17:40 UTC)": in loc and in UTC, or in UTC only when loc is UTC.
// The times are written as ISO writes them, in every language.
func visitTime(t, now time.Time, loc *time.Location) i18n.Text {
	if loc == nil {
		loc = time.Local
	}
	utc := t.UTC()
	local := t.In(loc)
	when := utc.Format("2006-01-02 15:04") + " UTC"
	if name, offset := local.Zone(); offset != 0 || name != "UTC" {
		u := utc.Format("15:04") + " UTC"
		if local.Format("2006-01-02") != utc.Format("2006-01-02") {
			u = when
		}
		when = local.Format("2006-01-02 15:04 MST") + ", " + u
	}
	return i18n.T(i18n.DataVisitTime, agoText(now.Sub(t)), when)
}

// agoText says how long ago, rounded down as people say it.
func agoText(d time.Duration) i18n.Text {
	unit := func(n int, one, many *i18n.Message) i18n.Text {
		if n == 1 {
			return i18n.T(one)
		}
		return i18n.T(many, strconv.Itoa(n))
	}
	switch {
	case d < time.Minute:
		return i18n.T(i18n.DataLessThanMinute)
	case d < time.Hour:
		return unit(int(d/time.Minute), i18n.DataOneMinute, i18n.DataMinutes)
	case d < 48*time.Hour:
		return unit(int(d/time.Hour), i18n.DataOneHour, i18n.DataHours)
	}
	return unit(int(d/(24*time.Hour)), i18n.DataOneDay, i18n.DataDays)
}
