package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"
	"unicode/utf8"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
	"matomo-onboard/steps"
)

// tokenEnv is the environment variable verify reads the token from. There
// is deliberately no flag for the token: arguments are visible to every
// user of the machine (ps, /proc) and end up in shell history.
const tokenEnv = "MATOMO_TOKEN_AUTH"

// connFlags are the connection options shared by the wizard and verify.
type connFlags struct {
	url                string
	caFile             string
	insecureSkipVerify bool
	allowHTTP          bool
	timeout            time.Duration
}

func (f *connFlags) register(fs *flag.FlagSet, p *i18n.Printer) {
	fs.StringVar(&f.url, "url", "", p.Sprintf(i18n.CLIFlagURL))
	fs.StringVar(&f.caFile, "ca-file", "", p.Sprintf(i18n.CLIFlagCAFile, i18n.CLIFile))
	fs.BoolVar(&f.insecureSkipVerify, "insecure-skip-verify", false, p.Sprintf(i18n.CLIFlagInsecure))
	fs.BoolVar(&f.allowHTTP, "allow-http", false, p.Sprintf(i18n.CLIFlagAllowHTTP))
	fs.DurationVar(&f.timeout, "timeout", matomo.DefaultTimeout, p.Sprintf(i18n.CLIFlagTimeout))
}

// check says what is wrong with the connection options, or "".
func (f *connFlags) check(p *i18n.Printer) string {
	if f.timeout <= 0 {
		// Not a way to ask for no limit: a request without one can hang for
		// ever, and the client would quietly use its default instead.
		return p.Sprintf(i18n.CLITimeoutPositive)
	}
	return ""
}

func (f *connFlags) client() (*matomo.Client, error) {
	return matomo.NewClient(matomo.Options{
		Timeout:            f.timeout,
		CAFile:             f.caFile,
		InsecureSkipVerify: f.insecureSkipVerify,
		AllowHTTP:          f.allowHTTP,
	})
}

// verifyOutput is verify's JSON document.
type verifyOutput struct {
	Verified bool   `json:"verified"`
	URL      string `json:"url"`
	// HostUnicode is the host's Unicode form, for an international name
	// (url has it in the form DNS uses, xn--…).
	HostUnicode   string `json:"host_unicode,omitempty"`
	MatomoVersion string `json:"matomo_version,omitempty"`
	// SuperUser is null until Matomo said: a token that was not verified
	// is nobody's, neither a superuser's nor not.
	SuperUser *bool         `json:"superuser"`
	Token     string        `json:"token"`
	Sites     []matomo.Site `json:"sites"`
	Counts    accessCounts  `json:"counts"`
	Warnings  []string      `json:"warnings"`
	Error     *errorOutput  `json:"error"`
	// GETCheck is there only with --check-get.
	GETCheck *getCheckOutput `json:"get_check,omitempty"`
	// DataCheck is there only with --site.
	DataCheck *dataCheckOutput `json:"data_check,omitempty"`
	// Report is the absolute path of the --report file, once written.
	Report       string `json:"report,omitempty"`
	ReportError  string `json:"report_error,omitempty"`
	HTTPRequests int    `json:"http_requests"`
	ExitCode     int    `json:"exit_code"`
}

// getCheckOutput is the outcome of --check-get: whether tools that put the
// token in a URL (…&token_auth=…) will work with it.
type getCheckOutput struct {
	// Ran is false when verification failed, so the token was not tried.
	Ran           bool   `json:"ran"`
	Works         bool   `json:"works"`
	SecureOnly    bool   `json:"secure_only"`
	MatomoMessage string `json:"matomo_message,omitempty"`
	Summary       string `json:"summary"`
	// NewTokenURL is where to create a token without "Only allow secure
	// requests", offered for a secure-only token.
	NewTokenURL string       `json:"new_token_url,omitempty"`
	Error       *errorOutput `json:"error,omitempty"`
}

// dataCheckOutput is the outcome of --site: whether the site has data,
// its last visit, asked in the same request.
type dataCheckOutput struct {
	SiteID int `json:"site_id"`
	// Checked is set when Matomo answered the check: a visit, an old one
	// or none. False when it could not run (Reason says why).
	Checked bool `json:"checked"`
	// LastVisit is the last visit's time (RFC 3339, UTC), null when there
	// is none or the check could not run.
	LastVisit *string `json:"last_visit"`
	// Reason is one stable word: ok, no_visit, stale, visitor_log_disabled,
	// live_disabled, site_not_reachable, failed.
	Reason        matomo.DataReason `json:"reason"`
	Summary       string            `json:"summary"`
	MatomoMessage string            `json:"matomo_message,omitempty"`
	// TrackingCodeURL is the site's tracking code page in Matomo, offered
	// when there is no visit, or none for 7 days.
	TrackingCodeURL string `json:"tracking_code_url,omitempty"`
}

type accessCounts struct {
	Admin int `json:"admin"`
	Write int `json:"write"`
	View  int `json:"view"`
}

type errorOutput struct {
	Class         matomo.ErrorClass `json:"class"`
	Title         string            `json:"title"`
	Detail        string            `json:"detail"`
	MatomoMessage string            `json:"matomo_message,omitempty"`
	Hint          string            `json:"hint"`
	HTTPStatus    int               `json:"http_status,omitempty"`
	Location      string            `json:"location,omitempty"`
	SuggestedURL  string            `json:"suggested_url,omitempty"`
}

// verifyOptions are verify's options.
type verifyOptions struct {
	conn       connFlags
	asJSON     bool
	reportPath string
	checkGET   bool
	site       siteFlag
}

// siteFlag is --site: a site's ID, and whether it was given (an ID of 0
// given is a mistake to say, not the same as none).
type siteFlag struct {
	id    int
	given bool
}

func (s *siteFlag) String() string {
	if s == nil || !s.given {
		return ""
	}
	return strconv.Itoa(s.id)
}

func (s *siteFlag) Set(v string) error {
	n, err := strconv.Atoi(v)
	if err != nil {
		return err
	}
	s.id, s.given = n, true
	return nil
}

func (s *siteFlag) Get() any { return s.id }

func (o *verifyOptions) define(fs *flag.FlagSet, p *i18n.Printer) {
	o.conn.register(fs, p)
	fs.BoolVar(&o.asJSON, "json", false, p.Sprintf(i18n.VerifyFlagJSON))
	fs.StringVar(&o.reportPath, "report", "", p.Sprintf(i18n.VerifyFlagReport, i18n.CLIFile))
	fs.BoolVar(&o.checkGET, "check-get", false, p.Sprintf(i18n.VerifyFlagCheckGET))
	fs.Var(&o.site, "site", p.Sprintf(i18n.VerifyFlagSite))
}

func (o *verifyOptions) check(p *i18n.Printer) string {
	if o.site.given && o.site.id <= 0 {
		return p.Sprintf(i18n.VerifySitePositive)
	}
	return o.conn.check(p)
}

var verifyCommand = command{
	name:     "verify",
	usage:    i18n.VerifyUsage,
	options:  func() options { return new(verifyOptions) },
	argsHint: i18n.VerifyArgsHint,
}

// verify checks a token without a screen, for scripts and support staff.
func (c *Env) verify(ctx context.Context, args []string) int {
	var o verifyOptions
	if code, ok := c.parse(verifyCommand, &o, args); !ok {
		return code
	}
	v := &verifyRun{cli: c, asJSON: o.asJSON, reportPath: o.reportPath, checkGET: o.checkGET, site: o.site.id,
		out: verifyOutput{Warnings: []string{}, Sites: []matomo.Site{}}, text: verifyText{p: c.tr()}}
	return v.run(ctx, o.conn)
}

// verifyText writes verify's text output in the person's language. The
// verifyOutput holds English, for --json and the report; shown maps the
// English this program put there to the person's words (see en).
// Anything else in it shows as it is.
type verifyText struct {
	p     *i18n.Printer
	shown map[string]string
}

// s is the English en as the text output shows it.
func (t verifyText) s(en string) string {
	if local, ok := t.shown[en]; ok {
		return local
	}
	return en
}

// say renders a message for the text output.
func (t verifyText) say(m *i18n.Message, a ...any) string { return t.p.Sprintf(m, a...) }

// en is m in English, for the verifyOutput, remembered with its words
// in the person's language for the text output.
func (v *verifyRun) en(m *i18n.Message, a ...any) string {
	return v.remember(i18n.English().Sprintf(m, a...), v.text.say(m, a...))
}

// enT is a Text of package matomo in English, remembered like en.
func (v *verifyRun) enT(t i18n.Text) string { return v.remember(t.String(), v.text.p.Text(t)) }

// enErr is err's English, remembered like en: an i18n error shows in the
// person's language, any other as it is.
func (v *verifyRun) enErr(err error) string { return v.remember(err.Error(), v.text.p.Error(err)) }

// remember keeps local as what the text output shows for en, and
// returns en.
func (v *verifyRun) remember(en, local string) string {
	if v.text.shown == nil {
		v.text.shown = map[string]string{}
	}
	v.text.shown[en] = local
	return en
}

// verifyRun is one run of verify: what it found so far, for the summary,
// the JSON document and the report alike.
type verifyRun struct {
	cli        *Env
	asJSON     bool
	reportPath string
	checkGET   bool
	site       int // --site, 0 without
	out        verifyOutput
	// found is what Matomo answered, the same record the wizard and the
	// line mode keep; check is the token as read, once it parsed.
	found matomo.Session
	check matomo.TokenCheck
	// said are the warnings already printed on stderr, as they arose.
	said map[string]bool
	// text is the text output's language.
	text verifyText
}

func (v *verifyRun) run(ctx context.Context, conn connFlags) int {
	if stdoutClosed(v.cli.Stdout) {
		// Go puts /dev/null where a closed standard output was: the result
		// would vanish, and an exit 0 would claim it was delivered.
		v.cli.say(i18n.VerifyStdoutClosed)
		return exitFailure
	}
	if conn.url == "" {
		return v.fail(exitUsage, v.usageError(v.en(i18n.VerifyURLRequired), v.en(i18n.VerifyGiveURL)))
	}
	addr, err := matomo.ParseAddress(conn.url)
	if err != nil {
		return v.fail(exitUsage, v.usageError(v.enErr(err), ""))
	}
	v.out.URL, v.out.HostUnicode = addr.String(), addr.UnicodeHost()
	for _, n := range addr.Notes {
		v.out.Warnings = append(v.out.Warnings, v.enT(n))
	}
	if w := addr.HostWarning(); !w.IsZero() {
		v.out.Warnings = append(v.out.Warnings, v.enT(w))
	}
	if conn.insecureSkipVerify {
		v.out.Warnings = append(v.out.Warnings, v.en(i18n.CLIInsecureWarning))
	}
	v.found.UseAddress(addr)
	raw, fromEnv, err := v.cli.readToken(ctx)
	if fromEnv {
		v.cli.say(i18n.VerifyTokenFromEnv, tokenEnv)
	}
	if errors.Is(err, errReadCanceled) {
		v.cli.say(i18n.CLICanceled)
		return exitCanceled
	}
	if err != nil {
		return v.fail(exitUsage, v.usageError(v.enErr(err), v.en(i18n.VerifyPipeToken, tokenEnv)))
	}
	check, err := matomo.ParseToken(raw)
	if err != nil {
		return v.fail(exitUsage, v.usageError(v.enErr(err), ""))
	}
	v.check = check
	v.out.Token = v.enT(check.Token.FingerprintText())
	// Said before the token goes out, in text and JSON alike: a script's
	// log then shows what was changed, and that an odd token was sent on
	// purpose.
	if !check.Unwrapped.IsZero() {
		v.sayNow(v.enT(check.Unwrapped))
	}
	for _, w := range check.Warnings {
		en, anyway := v.enT(w), v.en(i18n.VerifySentAnyway)
		v.sayNow(v.remember(en+" "+anyway, v.text.s(en)+" "+v.text.s(anyway)))
	}
	client, err := conn.client()
	if err != nil {
		return v.fail(exitUsage, v.usageError(v.enErr(err), v.en(i18n.VerifyCheckCAFile)))
	}
	defer client.Close()
	v.sayProxy(client, addr, conn.allowHTTP)
	res, err := client.VerifyWithDataCheck(ctx, addr, check.Token, v.site)
	v.out.HTTPRequests = client.Requests()
	v.found.RecordVerify(check, res, err)
	if err != nil {
		return v.fail(exitCodeFor(err), v.errorFor(err, check.Token))
	}
	if res.Data != nil {
		v.dataCheck(res.Data, addr, check.Token)
	}
	v.out.Verified = true
	v.out.MatomoVersion = res.Version
	v.out.SuperUser = &res.SuperUser
	v.out.Sites = res.Sites
	v.out.Counts.Admin, v.out.Counts.Write, v.out.Counts.View = res.Counts()
	if v.checkGET {
		code := v.runGETCheck(ctx, client, addr, check.Token)
		v.out.HTTPRequests = client.Requests()
		return v.finish(code)
	}
	return v.finish(exitOK)
}

// sayProxy says, before anything is sent, that the token is about to go
// through a proxy over plain http (allowed with --allow-http): the proxy
// reads it, a server the person never named, and the URL check's URL lands
// in its log. Over https a proxy only passes the encrypted connection on.
func (v *verifyRun) sayProxy(client *matomo.Client, addr matomo.Address, allowHTTP bool) {
	proxy := client.ProxyFor(addr)
	if proxy == "" || !addr.PlainHTTP() || !allowHTTP && !addr.IsLoopback() {
		return // nothing goes through a proxy, or nothing goes at all
	}
	if matomo.ContainsTokenPiece(proxy) {
		proxy = "HTTP_PROXY" // a value from outside is shown only once it passed the token check
	}
	v.sayNow(v.en(i18n.VerifyPlainHTTPProxy, matomo.Printable(proxy, 100)))
}

// sayNow prints a warning on stderr at once and keeps it for the JSON
// document (the text summary does not repeat it).
func (v *verifyRun) sayNow(w string) {
	v.cli.errf("! %s", v.text.s(w))
	v.out.Warnings = append(v.out.Warnings, w)
	if v.said == nil {
		v.said = map[string]bool{}
	}
	v.said[w] = true
}

// runGETCheck is --check-get: the one request that puts the token into a
// URL. Passing the flag is the consent; the warning still comes first so
// that the log shows what was agreed to.
func (v *verifyRun) runGETCheck(ctx context.Context, client *matomo.Client, addr matomo.Address, tok matomo.Token) int {
	v.cli.errf("! --check-get: %s", v.text.p.Text(matomo.GETCheckWarning()))
	gc, err := client.CheckGET(ctx, addr, tok)
	v.found.RecordGETCheck(gc, err)
	out := &getCheckOutput{Ran: true}
	v.out.GETCheck = out
	if err != nil {
		out.Error = v.errorFor(err, tok)
		out.Summary = v.en(i18n.VerifyGETCheckIncomplete)
		return exitCodeFor(err)
	}
	out.Works, out.SecureOnly, out.MatomoMessage = gc.Works, gc.SecureOnly, matomo.Redact(gc.Matomo, tok)
	out.Summary = v.enT(matomo.DescribeGETCheck(gc))
	if gc.SecureOnly {
		out.NewTokenURL = steps.NewToken.URL(addr)
	}
	// A token that only works in a POST body is still a verified token:
	// scripts read get_check.works.
	return exitOK
}

// fail records a failure that ended verify early.
func (v *verifyRun) fail(code int, e *errorOutput) int {
	v.out.Error = e
	if v.found.VerifyErr() == nil {
		// Usage errors come from here, not from Matomo; give the report the
		// same words.
		v.found.RecordVerify(v.check, nil, &matomo.Error{Class: e.Class, Detail: i18n.Verbatim(e.Detail), Hint: i18n.Verbatim(e.Hint)})
	}
	if v.checkGET {
		v.out.GETCheck = &getCheckOutput{Summary: v.en(i18n.VerifyGETCheckNotRun)}
	}
	if v.site > 0 {
		v.out.DataCheck = &dataCheckOutput{SiteID: v.site, Reason: matomo.DataFailed,
			Summary: v.en(i18n.VerifyDataCheckNotRun)}
	}
	return v.finish(code)
}

// dataCheck records --site's outcome, answered in the token check's one
// request. It never changes the exit code; a site the token does not
// reach is said on stderr at once too, since the ID was the script's.
func (v *verifyRun) dataCheck(d *matomo.DataCheck, addr matomo.Address, tok matomo.Token) {
	v.found.RecordDataCheck(d, nil)
	out := &dataCheckOutput{SiteID: d.Site.ID, Checked: d.Checked(), Reason: d.Reason,
		Summary: v.enT(d.Summary(nil)), MatomoMessage: matomo.Redact(d.Matomo, tok)}
	if !d.LastVisit.IsZero() {
		t := d.LastVisit.UTC().Format(time.RFC3339)
		out.LastVisit = &t
	}
	if d.Reason == matomo.DataNoVisit || d.Reason == matomo.DataStale {
		out.TrackingCodeURL = d.TrackingCodeLink(addr)
	}
	if d.Reason == matomo.DataSiteNotReachable {
		v.sayNow(v.en(i18n.VerifySiteNotReached, strconv.Itoa(d.Site.ID)))
	}
	v.out.DataCheck = out
}

// finish writes the report when asked, prints the outcome, then says where
// the report went (or why it could not be written) and returns the exit
// code.
func (v *verifyRun) finish(code int) int {
	var reportErr error
	if v.reportPath != "" {
		f := v.found.Findings()
		f.Tool, f.Version = "matomo-onboard", v.cli.Version
		path, err := matomo.NewReport(f).WriteFile(v.reportPath)
		if err != nil {
			reportErr = err
			v.out.ReportError = err.Error()
			code = exitFailure
		}
		v.out.Report = path
	}
	v.out.ExitCode = code
	if err := v.cli.printVerify(v.out, v.asJSON, v.said, v.text); err != nil {
		// A result that did not arrive is no success, whatever Matomo said.
		v.cli.say(i18n.VerifyCannotWriteResult, sentenceCase(writeErrorText(err)))
		code = exitFailure
	}
	if v.out.Report != "" {
		// The path on a line of its own, where the terminal's wrapping cuts
		// no name in it but a too long one.
		v.cli.say(i18n.VerifyReportWritten, v.out.Report)
	}
	if reportErr != nil {
		v.cli.say(i18n.VerifyReportFailed, sentenceCase(reportErr.Error()))
	}
	return code
}

// readToken takes the token from the environment or the first line of
// standard input; at a terminal it asks without echo. fromEnv says it came
// from the environment, in which case standard input is not read at all:
// an inherited one may never end.
func (c *Env) readToken(ctx context.Context) (raw string, fromEnv bool, err error) {
	if t := c.Getenv(tokenEnv); t != "" {
		if strings.TrimSpace(t) == "" {
			return "", true, i18n.Errorf(i18n.VerifyEnvOnlySpaces, tokenEnv)
		}
		return t, true, nil
	}
	raw, err = c.readTokenInput(ctx)
	return raw, false, err
}

// readTokenInput reads the token from standard input.
func (c *Env) readTokenInput(ctx context.Context) (string, error) {
	if f, ok := c.Stdin.(*os.File); ok && c.IsTerminal(c.Stdin) {
		s, err := readHidden(ctx, f, c.Stderr, c.tr().Sprintf(i18n.VerifyTokenPrompt))
		fmt.Fprintln(c.Stderr)
		switch {
		case errors.Is(err, errReadCanceled):
			return "", err
		case err != nil:
			return "", i18n.Errorf(i18n.VerifyCannotReadTerminal)
		}
		return s, nil
	}
	// Read at most a little more than a token can be, so a huge paste or a
	// wrong file is refused quickly instead of read whole.
	line, err := bufio.NewReaderSize(io.LimitReader(c.Stdin, 64<<10), 4096).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", i18n.Errorf(i18n.VerifyCannotReadStdin)
	}
	if strings.TrimSpace(line) == "" {
		return "", i18n.Errorf(i18n.VerifyNoToken, tokenEnv)
	}
	return line, nil
}

// usageError is a failure of verify's own, before Matomo was asked; its
// detail and hint are English (from en or enErr).
func (v *verifyRun) usageError(detail, hint string) *errorOutput {
	return &errorOutput{Class: "usage", Title: v.en(i18n.VerifyCannotCheck), Detail: detail, Hint: hint}
}

// errorFor is an error as verify prints it, with no echo of tok in it:
// English (for --json and the report), its words in the person's
// language remembered for the text output. It converts through
// matomo.AsError, as the wizard and the line mode do, so an error from
// outside the matomo package is a server_error in all three.
func (v *verifyRun) errorFor(err error, tok matomo.Token) *errorOutput {
	e := matomo.AsError(err)
	out := &errorOutput{Class: e.Class, Title: v.enText(e.Title(), tok), Detail: v.enText(e.Detail, tok),
		MatomoMessage: e.Matomo, Hint: v.enText(e.Hint, tok), HTTPStatus: e.Status, Location: e.Location}
	if !e.Suggested.IsZero() {
		out.SuggestedURL = e.Suggested.String()
	}
	return redactError(out, tok)
}

// enText is t in English without echoes of tok, remembered with its
// words in the person's language, as en does for verify's own messages.
func (v *verifyRun) enText(t i18n.Text, tok matomo.Token) string {
	if t.IsZero() {
		return ""
	}
	return v.remember(matomo.Redact(t.String(), tok), matomo.Redact(v.text.p.Text(t), tok))
}

// redactError removes any echo of the token from the texts of an error
// that the server influenced (a firewall page quoting the request, say).
func redactError(e *errorOutput, tok matomo.Token) *errorOutput {
	for _, f := range []*string{&e.Detail, &e.MatomoMessage, &e.Hint, &e.Location, &e.SuggestedURL} {
		*f = matomo.Redact(*f, tok)
	}
	return e
}

// exitCodeFor maps an error class to verify's documented exit code; the
// class is errorFor's.
func exitCodeFor(err error) int {
	e := matomo.AsError(err)
	if e == nil {
		return exitOK
	}
	switch e.Class {
	case matomo.ClassNetwork, matomo.ClassTimeout, matomo.ClassTLS:
		return exitNetwork
	case matomo.ClassNotMatomo, matomo.ClassRedirect:
		return exitNotMatomo
	case matomo.ClassTokenRejected:
		return exitRejected
	case matomo.ClassNoAccess:
		return exitNoAccess
	case matomo.ClassBlocked, matomo.ClassRateLimited:
		return exitBlocked
	case matomo.ClassServerError:
		return exitServer
	case matomo.ClassPlainHTTP:
		return exitUsage
	case matomo.ClassCanceled:
		return exitCanceled
	}
	return exitFailure
}

// summaryRows is how many sites the text summary lists before "… and N more".
const summaryRows = 25

// printVerify prints the outcome: the JSON document (English), or the
// summary on stdout (failures on stderr) in t's language, leaving out the
// warnings already said. It returns the first error writing stdout.
func (c *Env) printVerify(out verifyOutput, asJSON bool, said map[string]bool, t verifyText) error {
	if asJSON {
		enc := json.NewEncoder(c.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	for _, w := range out.Warnings {
		if !said[w] {
			fmt.Fprintln(c.Stderr, "! "+t.s(w))
		}
	}
	if out.Error != nil {
		printError(c.Stderr, out.Error, t)
		if out.GETCheck != nil {
			fmt.Fprintln(c.Stderr, t.say(i18n.VerifyURLCheckLine, t.s(out.GETCheck.Summary)))
		}
		if out.DataCheck != nil {
			fmt.Fprintln(c.Stderr, t.say(i18n.VerifyDataCheckLine, strconv.Itoa(out.DataCheck.SiteID), t.s(out.DataCheck.Summary)))
		}
		if out.Error.Class != "usage" {
			fmt.Fprintln(c.Stderr, "  "+requestsSent(out.HTTPRequests, t.p))
		}
		return nil
	}
	w := &errWriter{w: c.Stdout}
	c.printSummary(w, out, t)
	return w.err
}

// errWriter keeps the first error of a series of writes.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

// printSummary is the text summary of a verified token.
func (c *Env) printSummary(w io.Writer, out verifyOutput, t verifyText) {
	p := t.p
	su := p.Sprintf(i18n.VerifyNotSuperUser)
	if out.SuperUser != nil && *out.SuperUser {
		su = p.Sprintf(i18n.VerifySuperUser)
	}
	version := out.MatomoVersion
	if version == "" {
		version = p.Sprintf(i18n.VerifyNoVersion)
	}
	at := out.URL
	if out.HostUnicode != "" {
		at += " (" + out.HostUnicode + ")"
	}
	p.Fprintf(w, i18n.VerifyVerified, version, at)
	p.Fprintf(w, i18n.VerifyTokenLine, t.s(out.Token))
	p.Fprintf(w, i18n.VerifySuperUserLine, su)
	p.Fprintf(w, i18n.VerifySitesLine, len(out.Sites), out.Counts.Admin, out.Counts.Write, out.Counts.View)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	p.Fprintln(tw, i18n.VerifySitesHead)
	for _, s := range out.Sites[:min(len(out.Sites), summaryRows)] {
		// The ID as it is typed (--site 1234), without separators.
		fmt.Fprintf(tw, "  %6d\t%s\t%s\t%s\n", s.ID, p.Text(s.Access.Text()), s.Name, s.URL)
	}
	tw.Flush()
	if more := len(out.Sites) - summaryRows; more > 0 {
		p.Fprintf(w, i18n.VerifyMoreSites, more)
	}
	if g := out.GETCheck; g != nil {
		printGETCheck(w, c.Stderr, g, t)
	}
	if d := out.DataCheck; d != nil {
		printDataCheck(w, d, out.Sites, t)
	}
	fmt.Fprintf(w, "\n%s\n", requestsSent(out.HTTPRequests, p))
}

// writeErrorText is a write error in words, without the file's name
// ("/dev/stdout").
func writeErrorText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err.Error()
}

// sentenceCase starts s with a capital letter.
func sentenceCase(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// requestsSent says how many requests went out, counted as they were
// written to the network.
func requestsSent(n int, p *i18n.Printer) string {
	if n == 0 {
		return p.Sprintf(i18n.VerifyNoRequest)
	}
	return p.Sprintf(i18n.VerifyRequestsSent, n)
}

// printGETCheck says plainly whether tools that put the token in a URL will
// work; a check that could not be completed goes to stderr like any error.
func printGETCheck(w, errw io.Writer, g *getCheckOutput, t verifyText) {
	fmt.Fprintln(w, t.say(i18n.VerifyGETCheckHead))
	if g.Error != nil {
		fmt.Fprintln(w, wrapParagraph("✗ "+t.s(g.Summary), "  ", "    "))
		printError(errw, g.Error, t)
		return
	}
	mark := "✗ "
	if g.Works {
		mark = "✓ "
	}
	fmt.Fprintln(w, wrapParagraph(mark+t.s(g.Summary), "  ", "    "))
	if g.MatomoMessage != "" {
		fmt.Fprintln(w, "    "+t.say(i18n.VerifyMatomoSaid, g.MatomoMessage))
	}
	if g.NewTokenURL != "" {
		fmt.Fprintln(w, t.say(i18n.VerifyCreateSuchToken, g.NewTokenURL))
	}
}

// printDataCheck says what --site found.
func printDataCheck(w io.Writer, d *dataCheckOutput, sites []matomo.Site, t verifyText) {
	name := ""
	for _, s := range sites {
		if s.ID == d.SiteID {
			name = ", " + s.Name
		}
	}
	fmt.Fprintln(w, t.say(i18n.VerifyDataCheckHead, strconv.Itoa(d.SiteID), name))
	mark := "! "
	if d.Reason == matomo.DataRecent {
		mark = "✓ "
	}
	fmt.Fprintln(w, wrapParagraph(mark+t.s(d.Summary), "  ", "    "))
	if d.MatomoMessage != "" {
		fmt.Fprintln(w, "    "+t.say(i18n.VerifyMatomoSaid, d.MatomoMessage))
	}
	if d.TrackingCodeURL != "" {
		fmt.Fprintln(w, t.say(i18n.VerifyTrackingCode, d.TrackingCodeURL))
	}
}

// paragraphWidth keeps long explanations readable in an 80-column terminal.
const paragraphWidth = 80

// wrapParagraph breaks s into lines of at most paragraphWidth runes at
// spaces, the first line starting with first and the others with rest.
func wrapParagraph(s, first, rest string) string { return wrapWidth(s, paragraphWidth, first, rest) }

// wrapWidth is wrapParagraph for lines of at most width runes; a word
// longer than that (a path, a link) stays whole on its own line.
func wrapWidth(s string, width int, first, rest string) string {
	var b strings.Builder
	line, prefix := "", first
	for _, word := range strings.Fields(s) {
		if line != "" && utf8.RuneCountInString(prefix+line+" "+word) > width {
			b.WriteString(prefix + line + "\n")
			line, prefix = "", rest
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	b.WriteString(prefix + line)
	return b.String()
}

// printError prints a failure in t's language: verify's own words and
// package matomo's (titles, details, hints, remembered by errorFor) in
// it, Matomo's quoted as they came.
func printError(w io.Writer, e *errorOutput, t verifyText) {
	fmt.Fprintf(w, "✗ %s", t.s(e.Title))
	if e.Class != "usage" {
		fmt.Fprintf(w, " [%s]", e.Class)
	}
	fmt.Fprintln(w)
	if e.Detail != "" {
		fmt.Fprintln(w, "  "+t.s(e.Detail))
	}
	if e.MatomoMessage != "" {
		fmt.Fprintln(w, "  "+t.say(i18n.VerifyMatomoSaid, e.MatomoMessage))
	}
	if e.SuggestedURL != "" {
		fmt.Fprintln(w, t.say(i18n.VerifyTry, e.SuggestedURL))
	}
	if e.Hint != "" {
		fmt.Fprintln(w, "  "+t.s(e.Hint))
	}
}
