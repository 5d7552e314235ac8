package matomo

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"

	"io"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"matomo-onboard/internal/i18n"
)

// Messages Matomo sends that decide a class. The request asks for English
// (language=en) so that these match whatever language the user prefers.
const (
	msgBadToken      = "Unable to authenticate with the provided token"
	msgSecureOnly    = "sent as a POST parameter"
	msgNotLoggedIn   = "You must be logged in"
	msgNeedsSiteView = "requires view access for at least one website"
)

// progress says how far a request got before it failed, so that a timeout
// or a broken connection can be described precisely.
type progress struct {
	phase int   // one of the phase constants
	bytes int64 // body bytes read, in phaseBody
}

const (
	phaseConnect = iota // looking up the name and connecting
	phaseTLS            // setting up https
	phaseWait           // request sent, waiting for the answer to start
	phaseBody           // reading the answer
)

// transportError classifies a failure to get a complete answer: before
// any answer arrived, or while its body was arriving.
func transportError(err error, addr Address, timeout time.Duration, at progress) *Error {
	host := addr.Host()
	e := &Error{Class: ClassNetwork, err: err}
	var dnsErr *net.DNSError
	var certInvalid x509.CertificateInvalidError
	var unknownAuthority x509.UnknownAuthorityError
	var hostnameErr x509.HostnameError
	var recordErr tls.RecordHeaderError
	var opErr *net.OpError
	switch {
	case errors.Is(err, context.Canceled):
		e.Class, e.Detail = ClassCanceled, i18n.T(i18n.ErrDetailCanceled)
		e.Hint = i18n.T(i18n.ErrHintCanceled)
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		e.Class = ClassTimeout
		e.Detail, e.Hint = timeoutText(host, timeout, at)
	case errors.As(err, &dnsErr):
		name := addr.Hostname()
		if u := addr.UnicodeHost(); u != "" {
			name += " (" + u + ")"
		}
		e.Detail = i18n.T(i18n.ErrDetailDNSNotFound, name)
		e.Hint = i18n.T(i18n.ErrHintDNSNotFound)
		if !dnsErr.IsNotFound {
			e.Detail = i18n.T(i18n.ErrDetailDNSFailed, name)
			e.Hint = i18n.T(i18n.ErrHintCheckNetwork)
		}
	case errors.As(err, &unknownAuthority):
		e.Class = ClassTLS
		e.Detail = i18n.T(i18n.ErrDetailUnknownAuthority, host, cleanText(unknownAuthority.Cert.Issuer.String(), 120))
		e.Hint = i18n.T(i18n.ErrHintUnknownAuthority)
	case errors.As(err, &hostnameErr):
		e.Class = ClassTLS
		e.Detail = i18n.T(i18n.ErrDetailHostname, host, certNames(hostnameErr.Certificate))
		e.Hint = i18n.T(i18n.ErrHintHostname)
	case errors.As(err, &certInvalid):
		e.Class = ClassTLS
		e.Detail = certInvalidDetail(host, certInvalid)
		e.Hint = i18n.T(i18n.ErrHintCertInvalid)
	case errors.Is(err, http.ErrSchemeMismatch):
		// Go's client saw "HTTP/" where the TLS handshake should be.
		e.Class = ClassTLS
		e.Detail = i18n.T(i18n.ErrDetailSchemeMismatch, host)
		e.Hint = i18n.T(i18n.ErrHintSchemeMismatch)
		e.Suggested = addr.onPortWith("http")
	case errors.As(err, &recordErr) || strings.Contains(err.Error(), "first record does not look like a TLS handshake"):
		e.Class = ClassTLS
		e.Detail = i18n.T(i18n.ErrDetailNoTLS, host)
		e.Hint = i18n.T(i18n.ErrHintNoTLS)
	case isTLSFailure(err):
		e.Class = ClassTLS
		e.Detail = i18n.T(i18n.ErrDetailTLSFailed, host, cleanText(innermost(err).Error(), 160))
		e.Hint = i18n.T(i18n.ErrHintTLSFailed)
	case strings.Contains(err.Error(), "malformed HTTP") || strings.Contains(err.Error(), "readLoopPeekFailLocked"):
		// The second is how Go's client reports a server that spoke before
		// it was asked (SSH, mail and FTP servers greet first), depending
		// on whether the greeting arrives before the request is written.
		e.Class = ClassNotMatomo
		e.Detail = i18n.T(i18n.ErrDetailNotHTTP, host)
		e.Hint = i18n.T(i18n.ErrHintNotHTTP)
	case errors.Is(err, syscall.ECONNREFUSED):
		e.Detail = i18n.T(i18n.ErrDetailRefused, host)
		e.Hint = i18n.T(i18n.ErrHintRefused)
	case errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		e.Detail = i18n.T(i18n.ErrDetailClosed, host)
		if at.phase == phaseBody {
			e.Detail = i18n.T(i18n.ErrDetailBroke, host, byteCount(at.bytes))
		}
		e.Hint = i18n.T(i18n.ErrHintBroke)
	case errors.Is(err, syscall.EHOSTUNREACH) || errors.Is(err, syscall.ENETUNREACH):
		e.Detail = i18n.T(i18n.ErrDetailNoRoute, host)
		e.Hint = i18n.T(i18n.ErrHintNoRoute)
	case errors.As(err, &opErr) && opErr.Op == "proxyconnect":
		e.Detail = i18n.T(i18n.ErrDetailProxy, cleanText(innermost(err).Error(), 120))
		e.Hint = i18n.T(i18n.ErrHintProxy)
	default:
		e.Detail = i18n.T(i18n.ErrDetailRequestFailed, host, cleanText(innermost(err).Error(), 160))
		e.Hint = i18n.T(i18n.ErrHintRequestFailed)
	}
	return e
}

// timeoutText says which step ran out of time: a server that cannot be
// reached needs a different fix from one that answers too slowly.
func timeoutText(host string, timeout time.Duration, at progress) (detail, hint i18n.Text) {
	switch at.phase {
	case phaseConnect:
		return i18n.T(i18n.ErrDetailConnectTimeout, host, timeout), i18n.T(i18n.ErrHintConnectTimeout)
	case phaseTLS:
		return i18n.T(i18n.ErrDetailTLSTimeout, host, timeout), i18n.T(i18n.ErrHintTLSTimeout)
	case phaseBody:
		return i18n.T(i18n.ErrDetailBodyTimeout, host, timeout, byteCount(at.bytes)), i18n.T(i18n.ErrHintBodyTimeout)
	}
	return i18n.T(i18n.ErrDetailWaitTimeout, host, timeout), i18n.T(i18n.ErrHintWaitTimeout)
}

// byteCount is a size for a person: bytes, kB or MB, the last with a
// decimal in the reader's language. Counts are passed as strings, which
// no digit grouping touches ("1023 kB", as before).
func byteCount(n int64) i18n.Text {
	tenths := math.Round(float64(n) / (1 << 20) * 10) // MB to one decimal
	switch {
	case n >= 1<<20 && math.Mod(tenths, 10) == 0:
		return i18n.T(i18n.ErrMBWhole, strconv.FormatFloat(tenths/10, 'f', 0, 64))
	case n >= 1<<20:
		return i18n.T(i18n.ErrMB, tenths/10)
	case n >= 10<<10:
		return i18n.T(i18n.ErrKB, strconv.FormatInt(n>>10, 10))
	case n == 1:
		return i18n.T(i18n.ErrOneByte)
	}
	return i18n.T(i18n.ErrBytes, strconv.FormatInt(n, 10))
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout() || os.IsTimeout(err)
}

func isTLSFailure(err error) bool {
	var alert tls.AlertError
	var verr *tls.CertificateVerificationError
	return errors.As(err, &alert) || errors.As(err, &verr) || strings.Contains(err.Error(), "tls: ")
}

// innermost unwraps to the first error that says something without the
// request URL.
func innermost(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// certNames are the names a certificate is made out to: Verbatim, as
// names read the same in every language.
func certNames(c *x509.Certificate) i18n.Text {
	if c == nil {
		return i18n.T(i18n.ErrNoNames)
	}
	names := c.DNSNames
	if len(names) == 0 && c.Subject.CommonName != "" {
		names = []string{c.Subject.CommonName}
	}
	for _, ip := range c.IPAddresses {
		names = append(names, ip.String())
	}
	if len(names) > 4 {
		names = append(names[:4], "…")
	}
	return i18n.Verbatim(cleanText(strings.Join(names, ", "), 160))
}

func certInvalidDetail(host string, e x509.CertificateInvalidError) i18n.Text {
	if e.Reason == x509.Expired && e.Cert != nil {
		now := time.Now()
		if now.After(e.Cert.NotAfter) {
			return i18n.T(i18n.ErrDetailCertExpired, host, i18n.Day(e.Cert.NotAfter))
		}
		return i18n.T(i18n.ErrDetailCertNotYet, host, i18n.Day(e.Cert.NotBefore))
	}
	return i18n.T(i18n.ErrDetailCertInvalid, host, cleanText(e.Error(), 160))
}

// sniffLimit is how much of an unexpected answer is read to explain it.
const sniffLimit = 64 << 10

// answer is a response that is not the expected success: its status,
// headers and the start of its body.
type answer struct {
	status int
	header http.Header
	body   []byte
	// later is Matomo's lock-out found past the first sniffLimit bytes.
	later *lockout
}

func readAnswer(resp *http.Response, body io.Reader) (answer, error) {
	return answerAfter(resp, nil, body)
}

// answerAfter is the answer whose first bytes, head, were read already
// (by the bulk decoder, say) and whose rest is to come from rest: head is
// topped up to sniffLimit, and what lies beyond is searched for the
// lock-out.
func answerAfter(resp *http.Response, head []byte, rest io.Reader) (answer, error) {
	a := answer{status: resp.StatusCode, header: resp.Header, body: head[:min(len(head), sniffLimit)]}
	var err error
	if len(a.body) < sniffLimit {
		var more []byte
		more, err = io.ReadAll(io.LimitReader(rest, int64(sniffLimit-len(a.body))))
		a.body = append(a.body[:len(a.body):len(a.body)], more...)
	}
	if err == nil && len(a.body) == sniffLimit && lockoutIn(string(a.body)) == nil {
		a.later = lockoutInRest(a.body, rest)
	}
	return a, err
}

// lockout is Matomo's lock-out anywhere in the answer, or nil.
func (a answer) lockout() *lockout {
	if a.later != nil {
		return a.later
	}
	return lockoutIn(string(a.body))
}

// fromMatomo reports whether the answer carries a sign of Matomo: its
// request-id header or its JSON or XML error shape.
func (a answer) fromMatomo() bool {
	if a.header.Get("X-Matomo-Request-Id") != "" {
		return true
	}
	_, ok := matomoErrorMessage(a.body)
	return ok && !looksHTML(a.body)
}

var (
	xmlErrorRE  = onFirstUse(`<error message="([^"]*)"`)
	htmlErrorRE = onFirstUse(`(?s)<div class="content">\s*<h2>(.*?)</h2>`)
	titleRE     = onFirstUse(`(?is)<title[^>]*>(.*?)</title>`)
)

// matomoErrorMessage extracts Matomo's error message from its JSON, XML or
// HTML error formats.
func matomoErrorMessage(body []byte) (string, bool) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && trimmed[0] == '{' {
		var e struct {
			Result  string `json:"result"`
			Message string `json:"message"`
		}
		if json.Unmarshal(trimmed, &e) == nil && e.Result == "error" {
			return cleanText(e.Message, 500), true
		}
	}
	if m := xmlErrorRE().FindSubmatch(body); m != nil {
		return cleanText(string(m[1]), 500), true
	}
	if m := htmlErrorRE().FindSubmatch(body); m != nil {
		return cleanText(stripTags(string(m[1])), 500), true
	}
	return "", false
}

var tagRE = onFirstUse(`<[^>]*>`)

func stripTags(s string) string { return tagRE().ReplaceAllString(s, " ") }

func looksHTML(b []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(b[:min(len(b), 512)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.Contains(head, []byte("<head")) || bytes.Contains(head, []byte("<body"))
}

// isTracker recognises Matomo's tracker (matomo.php, piwik.php), which
// answers API requests with a GIF and a note that it is part of Matomo.
func (a answer) isTracker() bool {
	return strings.HasPrefix(a.header.Get("Content-Type"), "image/") ||
		bytes.Contains(a.body, []byte("This resource is part of Matomo"))
}

// isTrackingScript recognises matomo.js / piwik.js, which a web server
// hands out whatever the query says.
func (a answer) isTrackingScript() bool {
	return bytes.Contains(a.body[:min(len(a.body), 512)], []byte("JavaScript tracking client"))
}

func (a answer) title() string {
	if m := titleRE().FindSubmatch(a.body); m != nil {
		return cleanText(stripTags(string(m[1])), 80)
	}
	return ""
}

// redirectError reports a redirect and the Matomo address it points to.
func redirectError(a answer, addr Address, requestURL *url.URL) *Error {
	return redirectErrorFor(a, addr, requestURL, tokenWords)
}

// secretWords are redirectError's sentences about the secret a request
// carried: the token, or CreateToken's password.
type secretWords struct {
	notSent, unencrypted *i18n.Message
}

var (
	tokenWords    = secretWords{notSent: i18n.ErrTokenNotSent, unencrypted: i18n.ErrTokenUnencrypted}
	passwordWords = secretWords{notSent: i18n.ErrPasswordNotSent, unencrypted: i18n.ErrPasswordUnencrypted}
)

// redirectErrorFor is redirectError for a request that carried the secret
// words names.
func redirectErrorFor(a answer, addr Address, requestURL *url.URL, words secretWords) *Error {
	loc := a.header.Get("Location")
	e := &Error{Class: ClassRedirect, Status: a.status}
	target, err := requestURL.Parse(loc)
	if loc == "" || err != nil {
		e.Detail = i18n.T(i18n.ErrDetailRedirectNowhere, addr.Host(), strconv.Itoa(a.status))
		e.Hint = i18n.T(i18n.ErrHintRedirectNowhere)
		return e
	}
	// Show where it goes, not what it carries: the query of a redirect may
	// echo the request's own query, which for the GET check holds the token.
	target.User, target.RawQuery, target.ForceQuery, target.Fragment = nil, "", false, ""
	e.Location = cleanText(target.String(), 300)
	echoed := strings.Contains(loc, tokenRemoved) // see redact.go
	if s, err := ParseAddress(target.Scheme + "://" + target.Host + target.EscapedPath()); err == nil && s.String() != addr.String() && !echoed {
		e.Suggested = s
	}
	notSent := i18n.T(words.notSent)
	// hint is the hint without a suggested address, or the one with it.
	hint := func(without, with *i18n.Message) i18n.Text {
		if e.Suggested.IsZero() || with == nil {
			return i18n.T(without, notSent)
		}
		return i18n.T(with, e.Suggested.String(), notSent)
	}
	switch {
	case addr.PlainHTTP() && strings.EqualFold(target.Scheme, "https") && strings.EqualFold(target.Hostname(), addr.Hostname()):
		e.Detail = i18n.T(i18n.ErrDetailToHTTPS, addr.Host())
		e.Hint = hint(i18n.ErrHintUseHTTPS, i18n.ErrHintUseSuggestedHTTPS)
	case !addr.PlainHTTP() && strings.EqualFold(target.Scheme, "http"):
		e.Detail = i18n.T(i18n.ErrDetailToHTTP, addr.Host(), e.Location)
		e.Hint = i18n.T(i18n.ErrHintToHTTP, i18n.T(words.unencrypted), notSent)
		e.Suggested = Address{}
	case !addr.SameOrigin(target):
		e.Detail = i18n.T(i18n.ErrDetailToOtherServer, addr.Host(), e.Location)
		e.Hint = hint(i18n.ErrHintOtherServer, i18n.ErrHintSuggestedServer)
	case e.Suggested.IsZero():
		// Same server, same base: the redirect drops the API's parameters,
		// as a login page or a rewrite rule in front of Matomo does.
		e.Detail = i18n.T(i18n.ErrDetailDropsParameters, addr.Host(), e.Location)
		e.Hint = hint(i18n.ErrHintDropsParameters, nil)
	default:
		e.Detail = i18n.T(i18n.ErrDetailRedirects, e.Location)
		e.Hint = hint(i18n.ErrHintRedirects, i18n.ErrHintSuggestedRedirect)
	}
	return e
}

// failure classifies an answer that is not the expected success, for a
// request that carried a token (withToken) or not (the pre-flight check).
func failure(a answer, addr Address, withToken bool) *Error {
	msg, hasMsg := matomoErrorMessage(a.body)
	matomo := a.fromMatomo() || hasMsg
	// Before anything else, in any status, content type or markup: every
	// other class may offer to send the token again.
	if l := a.lockout(); l != nil {
		l.Status, l.Matomo = a.status, msg
		if msg == "" || lockoutIn(msg) == nil {
			l.Matomo = l.found // Matomo's words, not what surrounds them
		}
		return l.Error
	}
	e := &Error{Status: a.status, Matomo: msg}
	status := strconv.Itoa(a.status)
	switch {
	case a.status == http.StatusTooManyRequests:
		e.Class = ClassRateLimited
		e.Detail = i18n.T(i18n.ErrDetailTooMany, addr.Host())
		e.Hint = i18n.T(i18n.ErrHintWaitAMinute)
		if ra := a.header.Get("Retry-After"); ra != "" {
			e.Hint = i18n.T(i18n.ErrHintRetryAfter, retryAfterText(ra))
		}
	case withToken && hasMsg && strings.Contains(msg, msgBadToken):
		e.Class = ClassTokenRejected
		e.SecureOnly = strings.Contains(msg, msgSecureOnly)
		e.Detail = i18n.T(i18n.ErrDetailTokenUnknown)
		e.Hint = i18n.T(i18n.ErrHintTokenRejected)
	case withToken && hasMsg && strings.Contains(msg, msgNotLoggedIn):
		// Matomo 3 and 4 go on after a wrong token as nobody, not logged in.
		e.Class = ClassTokenRejected
		e.Detail = i18n.T(i18n.ErrDetailNotLoggedIn, msgNotLoggedIn)
		e.Hint = i18n.T(i18n.ErrHintTokenRejected)
	case withToken && hasMsg && strings.Contains(msg, msgNeedsSiteView):
		e.Class = ClassNoAccess
		e.Detail = i18n.T(i18n.ErrDetailNoSite)
		e.Hint = i18n.T(i18n.ErrHintNoAccess)
	case a.status == http.StatusUnauthorized && !matomo:
		e.Class = ClassNotMatomo
		if strings.HasPrefix(strings.ToLower(a.header.Get("WWW-Authenticate")), "basic") {
			e.Detail = i18n.T(i18n.ErrDetailBasicAuth, addr.Host())
			e.Hint = i18n.T(i18n.ErrHintBasicAuth)
		} else {
			e.Detail = i18n.T(i18n.ErrDetail401, addr.Host())
			e.Hint = i18n.T(i18n.ErrHintLoginAddress)
		}
	case a.status == http.StatusServiceUnavailable:
		e.Class = ClassServerError
		e.Detail = i18n.T(i18n.ErrDetail503, addr.Host())
		e.Hint = i18n.T(i18n.ErrHint503)
	case (a.status == http.StatusBadGateway || a.status == http.StatusGatewayTimeout) && !matomo:
		e.Class = ClassServerError
		e.Detail = i18n.T(i18n.ErrDetailGateway, addr.Host(), status)
		e.Hint = i18n.T(i18n.ErrHintGateway)
	case a.status >= 500 && (matomo || a.status != http.StatusNotImplemented):
		e.Class = ClassServerError
		e.Detail = i18n.T(i18n.ErrDetailInternal, addr.Host(), status)
		e.Hint = i18n.T(i18n.ErrHintInternal)
	case a.isTracker():
		e.Class = ClassNotMatomo
		e.Detail = i18n.T(i18n.ErrDetailTracker)
		e.Hint = i18n.T(i18n.ErrHintTracker)
	case a.isTrackingScript():
		e.Class = ClassNotMatomo
		e.Detail = i18n.T(i18n.ErrDetailTrackingScript)
		e.Hint = i18n.T(i18n.ErrHintTrackingScript)
	case matomo && looksHTML(a.body):
		e.Class = ClassNotMatomo
		e.Detail = i18n.T(i18n.ErrDetailWebPage)
		if t := a.title(); t != "" {
			e.Detail = i18n.T(i18n.ErrDetailWebPageTitled, t)
		}
		e.Hint = i18n.T(i18n.ErrHintWebPage)
	case matomo && hasMsg:
		e.Class = ClassServerError
		e.Detail = i18n.T(i18n.ErrDetailMatomoError)
		e.Hint = i18n.T(i18n.ErrHintShowMessage)
	case a.status == http.StatusNotFound:
		e.Class = ClassNotMatomo
		e.Detail = i18n.T(i18n.ErrDetail404, addr.Endpoint())
		e.Hint = i18n.T(i18n.ErrHint404, addr.String())
	case matomo:
		e.Class = ClassServerError
		e.Detail = i18n.T(i18n.ErrDetailUnexpected, status)
		e.Hint = i18n.T(i18n.ErrHintModified)
	default:
		e.Class = ClassNotMatomo
		e.Detail = notMatomoDetail(a, addr)
		e.Hint = i18n.T(i18n.ErrHintBaseAddress)
	}
	return e
}

func ipLockout() *Error {
	return &Error{Class: ClassBlocked, Detail: i18n.T(i18n.ErrDetailIPLockout), Hint: i18n.T(i18n.ErrHintIPLockout)}
}

func userLockout() *Error {
	return &Error{Class: ClassBlocked, UserLocked: true, Detail: i18n.T(i18n.ErrDetailUserLockout), Hint: i18n.T(i18n.ErrHintUserLockout)}
}

func notMatomoDetail(a answer, addr Address) i18n.Text {
	what := "HTTP " + strconv.Itoa(a.status)
	if ct := a.header.Get("Content-Type"); ct != "" {
		what += ", " + cleanText(strings.SplitN(ct, ";", 2)[0], 60)
	}
	if t := a.title(); t != "" {
		return i18n.T(i18n.ErrDetailPageTitled, addr.Host(), t, what)
	}
	if srv := a.header.Get("Server"); srv != "" {
		return i18n.T(i18n.ErrDetailNotLikeMatomoServer, addr.Host(), what, cleanText(srv, 60))
	}
	return i18n.T(i18n.ErrDetailNotLikeMatomo, addr.Host(), what)
}

// retryAfterText is how long Retry-After asks to wait: a duration
// ("1m30s", the same in every language), a time of day, or a while.
func retryAfterText(v string) i18n.Text {
	var secs int
	if _, err := fmt.Sscanf(v, "%d", &secs); err == nil && secs > 0 {
		return i18n.Verbatim((time.Duration(secs) * time.Second).String())
	}
	if t, err := http.ParseTime(v); err == nil {
		return i18n.T(i18n.ErrUntil, t.Local().Format("15:04"))
	}
	return i18n.T(i18n.ErrAWhile)
}
