package matomo

import (
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"matomo-onboard/internal/safefile"

	"matomo-onboard/internal/i18n"
)

// Findings are the outcomes of one session's checks, exactly as this
// package returned them. Leave out what did not happen: a nil *Preflight
// and a nil error mean the pre-flight check was not run.
type Findings struct {
	// Tool and Version name the program, e.g. "matomo-onboard" and "1.4.0".
	Tool, Version string
	// Address is the normalised address the checks went to.
	Address Address
	// Token is the token that was checked. Only its fingerprint goes into
	// the report; it is also used to remove any echo of the token a server
	// sent back (a firewall page quoting the request, say).
	Token Token
	// Notes are warnings about the address and token as typed (what
	// ParseAddress and ParseToken said).
	Notes []string

	Preflight    *Preflight
	PreflightErr error
	Result       *Result
	VerifyErr    error
	GETCheck     *GETCheck
	GETErr       error
	// DataCheck is the data check of the chosen site, DataErr why it got
	// no answer, DataSkipped that it was not sent (the lock-out).
	DataCheck   *DataCheck
	DataErr     error
	DataSkipped bool

	// Time is when the session happened; zero means now.
	Time time.Time
}

// Report is a diagnostics report that a customer can send to support: what
// the checks found about the server and the token, with the token itself
// never in it (only its fingerprint). Build it with NewReport, show it with
// Text, save it with WriteFile.
type Report struct {
	Tool, Version string
	System        string // operating system and architecture, e.g. "linux/amd64"
	GoVersion     string
	Time          time.Time
	Address       string // normalised base address, "" when none was accepted
	// HostUnicode is the host's Unicode form, for an international name.
	HostUnicode string
	Endpoint    string // the API endpoint, <base>/index.php
	Token       string // the fingerprint: length and last four characters
	Notes       []string

	Verified      bool
	MatomoVersion string
	Markers       []string      // signs that Matomo answered
	Access        *ReportAccess // what a verified token reaches; nil when not verified
	Problem       *ReportProblem
	GET           *ReportGET  // nil when the URL check was not run
	Data          *ReportData // nil when no data check was asked
	Requests      []ReportRequest

	// Connection options seen on any request, for the warnings at the top.
	SkipVerify bool
	CustomCA   bool
	Proxies    []string // proxy hosts, never their credentials

	token Token // only to scrub echoes of the token, in NewReport and again in Text
}

// ReportAccess is what a verified token reaches, in numbers.
type ReportAccess struct {
	SuperUser               bool
	Sites                   int
	Admin, Write, View      int
	FirstSiteID, LastSiteID int
}

// ReportProblem is why a check failed.
type ReportProblem struct {
	Check      string // "pre-flight check", "token check" or "URL check"
	Class      ErrorClass
	Title      string
	Detail     string
	Matomo     string // Matomo's own message
	Hint       string
	Status     int
	Location   string // redirect target, without its query
	Suggested  string // the Matomo address the redirect points to
	SecureOnly bool
}

// ReportGET is the outcome of the URL check (CheckGET).
type ReportGET struct {
	Works, SecureOnly bool
	Matomo            string
	Verdict           string         // DescribeGETCheck's sentence
	Problem           *ReportProblem // the check could not be completed
}

// ReportData is the outcome of the data check (CheckData): the chosen
// site's last visit.
type ReportData struct {
	SiteID    int
	Site      string // the site's name and address, as the token sees them
	Reason    DataReason
	Checked   bool
	LastVisit time.Time // zero when none
	Summary   string    // DataCheck.Summary, times in this computer's zone and UTC
	Matomo    string
	Hint      string
	Problem   *ReportProblem // the check got no answer
}

// ReportRequest is one request of the session, as its trace.
type ReportRequest struct {
	Check string
	Trace Trace
}

// Names of the checks, as the report shows them.
const (
	checkPreflight = "pre-flight check"
	checkToken     = "token check"
	checkGET       = "URL check"
	checkData      = "data check"
)

// NewReport turns a session's findings into a report. It keeps only
// redacted facts: the token's fingerprint, never the token.
func NewReport(f Findings) *Report {
	r := &Report{
		Tool: f.Tool, Version: f.Version,
		System:      runtime.GOOS + "/" + runtime.GOARCH,
		GoVersion:   runtime.Version(),
		Time:        f.Time,
		Address:     f.Address.String(),
		HostUnicode: f.Address.UnicodeHost(),
		Endpoint:    f.Address.Endpoint(),
		Token:       f.Token.Fingerprint(),
		token:       f.Token,
	}
	for _, n := range f.Notes {
		r.Notes = append(r.Notes, r.clean(n))
	}
	if r.Time.IsZero() {
		r.Time = time.Now()
	}
	if r.Tool == "" {
		r.Tool = "matomo-onboard"
	}
	r.addPreflight(f.Preflight, f.PreflightErr)
	r.addVerify(f.Result, f.VerifyErr)
	r.addGET(f.GETCheck, f.GETErr)
	r.addData(f.DataCheck, f.DataErr, f.DataSkipped)
	return r
}

func (r *Report) addData(c *DataCheck, err error, skipped bool) {
	switch {
	case skipped:
		r.Data = &ReportData{Reason: DataFailed, Summary: DataCheckSkipped().String()}
	case c != nil:
		// In verify the check travels in the token check's request, whose
		// trace is already listed; its own Trace is then empty.
		r.addRequest(checkData, &c.Trace)
		d := &ReportData{SiteID: c.Site.ID, Reason: c.Reason, Checked: c.Checked(), LastVisit: c.LastVisit,
			Summary: r.clean(c.Summary(nil).String()), Matomo: r.clean(c.Matomo), Hint: r.clean(c.Hint().String())}
		if c.Site.Name != "" || c.Site.URL != "" {
			d.Site = r.clean(strings.TrimSpace(c.Site.Name + " " + c.Site.URL))
		}
		r.Data = d
	case err != nil:
		p := r.problem(checkData, err)
		r.Data = &ReportData{Reason: DataFailed, Problem: p, Summary: r.clean(DataCheckErrorSummary(AsError(err)).String())}
	}
}

func (r *Report) addPreflight(p *Preflight, err error) {
	if p != nil {
		r.addRequest(checkPreflight, &p.Trace)
		if p.Version != "" {
			r.MatomoVersion = r.clean(p.Version)
		}
		for _, m := range p.Markers {
			r.addMarker(r.clean(m.String()))
		}
	}
	if err != nil {
		r.Problem = r.problem(checkPreflight, err)
	}
}

func (r *Report) addVerify(res *Result, err error) {
	if res != nil {
		r.addRequest(checkToken, &res.Trace)
		r.Verified = true
		if res.Version != "" {
			r.MatomoVersion = r.clean(res.Version)
		}
		a := &ReportAccess{SuperUser: res.SuperUser, Sites: len(res.Sites)}
		a.Admin, a.Write, a.View = res.Counts()
		if len(res.Sites) > 0 {
			a.FirstSiteID, a.LastSiteID = res.Sites[0].ID, res.Sites[len(res.Sites)-1].ID
		}
		r.Access = a
		r.Problem = nil // a later success outranks an earlier failure
	}
	if err != nil {
		r.Problem = r.problem(checkToken, err)
	}
}

func (r *Report) addGET(c *GETCheck, err error) {
	if c == nil && err == nil {
		return
	}
	g := &ReportGET{}
	if c != nil {
		r.addRequest(checkGET, &c.Trace)
		g.Works, g.SecureOnly, g.Matomo = c.Works, c.SecureOnly, r.clean(c.Matomo)
		g.Verdict = DescribeGETCheck(c).String()
	}
	if err != nil {
		g.Problem = r.problem(checkGET, err)
		g.Verdict = "The URL check could not be completed, so it is unknown whether tools that put the token in a URL will work."
	}
	r.GET = g
}

// addRequest records a request's trace and the connection options it used.
func (r *Report) addRequest(check string, t *Trace) {
	if t == nil || t.Method == "" {
		return
	}
	r.Requests = append(r.Requests, ReportRequest{Check: check, Trace: r.cleanTrace(*t)})
	r.SkipVerify = r.SkipVerify || t.SkipVerify
	r.CustomCA = r.CustomCA || t.CustomCA
	if t.Proxy != "" && !slices.Contains(r.Proxies, t.Proxy) {
		r.Proxies = append(r.Proxies, t.Proxy)
	}
	if t.RequestID != "" {
		r.addMarker("X-Matomo-Request-Id header")
	}
}

func (r *Report) addMarker(m string) {
	if !slices.Contains(r.Markers, m) {
		r.Markers = append(r.Markers, m)
	}
}

// problem describes a failed check; the request behind it, when one was
// made, joins the list of requests.
func (r *Report) problem(check string, err error) *ReportProblem {
	var e *Error
	if !errors.As(err, &e) {
		return &ReportProblem{Check: check, Class: "error", Title: "Something went wrong", Detail: r.clean(err.Error())}
	}
	r.addRequest(check, e.Trace)
	p := &ReportProblem{
		Check: check, Class: e.Class, Title: e.Title().String(), Detail: r.clean(e.Detail.String()), Matomo: r.clean(e.Matomo),
		Hint: r.clean(e.Hint.String()), Status: e.Status, Location: r.clean(e.Location), SecureOnly: e.SecureOnly,
	}
	if !e.Suggested.IsZero() {
		p.Suggested = r.clean(e.Suggested.String())
	}
	return p
}

// clean removes any echo of the token from a text a server may have
// influenced, so that even the report's fields, not only its Text, are safe
// to show.
func (r *Report) clean(s string) string { return scrub(s, r.token) }

// cleanTrace applies clean to every text of a trace.
func (r *Report) cleanTrace(t Trace) Trace {
	t.URL, t.ContentType, t.RequestID, t.Server = r.clean(t.URL), r.clean(t.ContentType), r.clean(t.RequestID), r.clean(t.Server)
	t.Proxy, t.RemoteAddr = r.clean(t.Proxy), r.clean(t.RemoteAddr)
	t.DNS = append([]string(nil), t.DNS...)
	if t.TLS != nil {
		info := *t.TLS
		info.Subject, info.Issuer = r.clean(info.Subject), r.clean(info.Issuer)
		info.DNSNames = nil
		for _, n := range t.TLS.DNSNames {
			info.DNSNames = append(info.DNSNames, r.clean(n))
		}
		t.TLS = &info
	}
	return t
}

// DescribeGETCheck says in plain words whether tools that put the token in
// a URL (…&token_auth=…) will work, and for a secure-only token why not
// and what to do.
func DescribeGETCheck(c *GETCheck) i18n.Text {
	switch {
	case c == nil:
		return i18n.T(i18n.CheckGETNotRun)
	case c.Works:
		return i18n.T(i18n.CheckGETWorks)
	case c.SecureOnly:
		return i18n.T(i18n.CheckGETSecureOnly)
	}
	return i18n.T(i18n.CheckGETRefused)
}

// Text renders the report as plain text for a person at support. Any echo
// of the token that a server sent back is replaced before it is returned.
func (r *Report) Text() string {
	var b strings.Builder
	w := &reportWriter{b: &b}
	w.heading(r.Tool + " diagnostics report")
	w.line("This report does not contain the token, only its fingerprint (length and last 4 characters).")
	w.line("It is meant to be sent to your Matomo administrator or to support.")
	if r.SkipVerify {
		w.blank()
		w.line("!!! TLS CERTIFICATE VERIFICATION WAS SWITCHED OFF (--insecure-skip-verify) !!!")
		w.line("!!! The server's identity was not checked: anyone on the network path could have read the token. !!!")
	}
	w.blank()
	w.field("Created", r.Time.Format(time.RFC3339)+" ("+r.Time.UTC().Format("2006-01-02 15:04:05")+" UTC)")
	w.field("Tool", strings.TrimSpace(r.Tool+" "+r.Version)+" on "+r.System+", built with "+r.GoVersion)
	if r.HostUnicode != "" {
		w.field("Address", r.Address+" ("+r.HostUnicode+")")
	} else {
		w.field("Address", orNone(r.Address, "none accepted"))
	}
	if r.Endpoint != "" {
		w.field("API endpoint", r.Endpoint)
	}
	w.field("Token", r.Token)
	w.field("Outcome", r.outcome())
	w.field("TLS verification", r.tlsVerification())
	w.field("Custom CA file", onOff(r.CustomCA, "yes", "no"))
	w.field("Proxy", orNone(strings.Join(r.Proxies, ", "), "none (direct connection)"))
	w.field("Requests sent", r.requestsSent())
	for _, n := range r.Notes {
		w.field("Note", n)
	}

	w.section("Matomo")
	w.field("Version", orNone(r.MatomoVersion, "not known (Matomo tells it only to a working token)"))
	w.field("Markers", orNone(strings.Join(r.Markers, "; "), "none seen"))
	if a := r.Access; a != nil {
		w.field("Superuser", onOff(a.SuperUser, "yes", "no"))
		w.field("Sites", fmt.Sprintf("%s (%s admin, %s write, %s view)", Thousands(a.Sites), Thousands(a.Admin), Thousands(a.Write), Thousands(a.View)))
		if a.Sites > 0 {
			w.field("Site ids", fmt.Sprintf("%d to %d", a.FirstSiteID, a.LastSiteID))
		}
	}
	if r.Problem != nil {
		w.section("Problem")
		w.problem(r.Problem)
	}
	if g := r.GET; g != nil {
		w.section("URL check (token sent once in a URL, with the user's consent)")
		w.field("Outcome", g.Verdict)
		if g.Matomo != "" {
			w.field("Matomo said", fmt.Sprintf("%q", g.Matomo))
		}
		if g.Problem != nil {
			w.problem(g.Problem)
		}
	}
	if d := r.Data; d != nil {
		w.section("Data check (the chosen site's last visit, asked with the token)")
		if d.SiteID != 0 {
			w.field("Site", strings.TrimSpace(fmt.Sprintf("%d %s", d.SiteID, d.Site)))
		}
		w.field("Outcome", fmt.Sprintf("%s (%s)", d.Summary, d.Reason))
		if !d.LastVisit.IsZero() {
			w.field("Last visit", d.LastVisit.Format(time.RFC3339))
		}
		if d.Matomo != "" {
			w.field("Matomo said", fmt.Sprintf("%q", d.Matomo))
		}
		if d.Hint != "" {
			w.field("What to do", d.Hint)
		}
		if d.Problem != nil {
			w.problem(d.Problem)
		}
	}
	for i, req := range r.Requests {
		w.section(fmt.Sprintf("Request %d of %d: %s", i+1, len(r.Requests), req.Check))
		w.trace(req.Check, req.Trace, r.Time)
	}
	if len(r.Requests) == 0 {
		w.section("Requests")
		w.line("No request reached the network.")
	}
	return scrub(b.String(), r.token)
}

// requestsSent counts the requests as they were written to the network,
// so a request that failed before it went out (no connection, no TLS)
// counts none.
func (r *Report) requestsSent() string {
	n := 0
	for _, req := range r.Requests {
		n += req.Trace.Written
	}
	return fmt.Sprintf("%d (counted as written to the network)", n)
}

func (r *Report) tlsVerification() string {
	switch {
	case r.SkipVerify:
		return "OFF (not checked!)"
	case strings.HasPrefix(r.Address, "http://"):
		return "not used (plain http)"
	}
	return "on"
}

func (r *Report) outcome() string {
	switch {
	case r.Verified:
		return "verified"
	case r.Problem != nil:
		return "FAILED at the " + r.Problem.Check + ": " + string(r.Problem.Class)
	}
	return "not checked"
}

// reportWriter lays out the report's lines.
type reportWriter struct{ b *strings.Builder }

func (w *reportWriter) line(s string) { w.b.WriteString(s + "\n") }
func (w *reportWriter) blank()        { w.b.WriteString("\n") }

func (w *reportWriter) heading(s string) {
	w.line(s)
	w.line(strings.Repeat("=", utf8.RuneCountInString(s)))
}

func (w *reportWriter) section(s string) {
	w.blank()
	w.line(s)
	w.line(strings.Repeat("-", utf8.RuneCountInString(s)))
}

// field writes "Label:  value", with long values kept on one line so that
// the report stays easy to search and quote.
func (w *reportWriter) field(label, value string) {
	fmt.Fprintf(w.b, "  %-19s %s\n", label+":", value)
}

func (w *reportWriter) problem(p *ReportProblem) {
	w.field("Failed at", p.Check)
	w.field("Class", string(p.Class))
	w.field("Title", p.Title)
	if p.Detail != "" {
		w.field("Detail", p.Detail)
	}
	if p.Matomo != "" {
		w.field("Matomo said", fmt.Sprintf("%q", p.Matomo))
	}
	if p.Status != 0 {
		w.field("HTTP status", fmt.Sprint(p.Status))
	}
	if p.Location != "" {
		w.field("Redirects to", p.Location)
	}
	if p.Suggested != "" {
		w.field("Suggested address", p.Suggested)
	}
	if p.SecureOnly {
		w.field("Secure-only", "Matomo says the token may have to be sent as a POST parameter")
	}
	if p.Hint != "" {
		w.field("What to do", p.Hint)
	}
}

func (w *reportWriter) trace(check string, t Trace, now time.Time) {
	how := map[string]string{
		checkPreflight: "no token",
		checkToken:     "token in the POST body",
		checkGET:       "token in the URL query, not shown here",
		checkData:      "token in the POST body",
	}[check]
	w.field("Request", fmt.Sprintf("%s %s (%s)", t.Method, t.URL, how))
	w.field("Sent", sentText(t.Written))
	w.field("DNS answer", dnsText(t))
	w.field("Remote address", remoteText(t))
	if t.Proxy != "" {
		w.field("Proxy", t.Proxy)
	}
	w.field("TLS", tlsText(t))
	if t.TLS != nil && t.TLS.Subject != "" {
		w.field("Certificate", "subject "+t.TLS.Subject)
		w.field("  issued by", t.TLS.Issuer)
		w.field("  valid until", expiryText(t.TLS.NotAfter, now))
		if len(t.TLS.DNSNames) > 0 {
			w.field("  names", strings.Join(t.TLS.DNSNames, ", "))
		}
	}
	if t.Status != 0 {
		w.field("HTTP status", fmt.Sprint(t.Status))
		w.field("Content type", orNone(t.ContentType, "none"))
		w.field("Server header", orNone(t.Server, "none"))
		w.field("Matomo request id", orNone(t.RequestID, "none (X-Matomo-Request-Id header missing)"))
		w.field("Body size", fmt.Sprintf("%d bytes", t.BodyBytes))
	} else {
		w.field("HTTP status", "no answer")
	}
	w.field("Timings", timingsText(t))
}

func sentText(written int) string {
	switch written {
	case 0:
		return "no: it failed before the request was written to the network"
	case 1:
		return "once"
	}
	return fmt.Sprintf("%d times: the same request was written more than once", written)
}

func remoteText(t Trace) string {
	switch {
	case t.RemoteAddr == "":
		return "none (no connection was made)"
	case t.Reused:
		return t.RemoteAddr + " (the connection of an earlier request, kept open: no lookup, connect or TLS handshake of its own)"
	}
	return t.RemoteAddr
}

func dnsText(t Trace) string {
	if len(t.DNS) > 0 {
		return strings.Join(t.DNS, ", ")
	}
	if u, err := url.Parse(t.URL); err == nil {
		if _, err := netip.ParseAddr(u.Hostname()); err == nil {
			return "not needed (the address is an IP address)"
		}
	}
	if t.Proxy != "" {
		return "not looked up here (the proxy resolves the name)"
	}
	if t.Reused {
		return "not needed (the connection of an earlier request was used)"
	}
	return "not recorded (the lookup did not finish)"
}

func tlsText(t Trace) string {
	switch {
	case t.TLS != nil:
		s := t.TLS.Version
		if t.SkipVerify {
			s += ", CERTIFICATE NOT VERIFIED"
		}
		return s
	case strings.HasPrefix(t.URL, "http://"):
		return "none (plain http)"
	}
	return "no TLS session was established"
}

func expiryText(notAfter, now time.Time) string {
	days := int(notAfter.Sub(now).Hours() / 24)
	date := notAfter.UTC().Format("2006-01-02 15:04 UTC")
	if notAfter.Before(now) {
		return fmt.Sprintf("%s (EXPIRED %d days ago)", date, -days)
	}
	return fmt.Sprintf("%s (in %d days)", date, days)
}

func timingsText(t Trace) string {
	parts := []string{
		"DNS " + dur(t.DNSTime),
		"connect " + dur(t.ConnectTime),
		"TLS " + dur(t.TLSTime),
		"first byte " + dur(t.FirstByte),
		"total " + dur(t.Total),
	}
	return strings.Join(parts, " · ")
}

// dur shows a phase's duration, or "-" for a phase that did not happen.
func dur(d time.Duration) string {
	switch {
	case d <= 0:
		return "-"
	case d < time.Millisecond:
		return d.Round(time.Microsecond).String()
	}
	return d.Round(100 * time.Microsecond).String()
}

func orNone(s, none string) string {
	if s == "" {
		return none
	}
	return s
}

func onOff(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}

// Redact replaces every echo of tok in s (as sent, upper-cased, or
// URL-, HTML- or JSON-escaped) with "[token removed]". The client already
// does this to everything it returns; the report does it once more, since
// a report is made to be shared.
func Redact(s string, tok Token) string { return scrub(s, tok) }

func scrub(s string, tok Token) string { return redactText(s, tok.value()) }

// ReportFileName is the default name of a report file, with the time in
// it so that reports of several attempts do not overwrite each other.
func ReportFileName(t time.Time) string {
	return "matomo-onboard-report-" + t.Format("20060102-150405") + ".txt"
}

// WriteFile saves the report's text where only the current user can read
// it (mode 0600): a new file, or an existing regular file, also one that
// was readable by others before. A path that is a symbolic link, a named
// pipe, a device or anything else but a regular file is refused and left
// as it was (see internal/safefile). An empty path or a folder gets the
// file name ReportFileName. It returns the absolute path it wrote.
func (r *Report) WriteFile(path string) (string, error) {
	if path == "" {
		path = "."
	}
	// A folder may be reached through a link (~/reports -> /data/reports):
	// only the file itself must not be one.
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		path = filepath.Join(path, ReportFileName(r.Time))
	case strings.HasSuffix(path, string(filepath.Separator)) || strings.HasSuffix(path, "/"):
		// A trailing slash names a folder: without one there, a file of
		// that name would be a surprise.
		return "", fmt.Errorf("cannot write the report to %s: there is no such folder; create it first, or give a file name", path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("cannot write the report to %s: %w", path, err)
	}
	if err := safefile.Write(abs, []byte(r.Text()), safefile.Options{}); err != nil {
		return "", fmt.Errorf("cannot write the report to %s: %w", abs, err)
	}
	return abs, nil
}
