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
	"net"
	"net/http"
	"net/url"
	"os"
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
		e.Class, e.Detail = ClassCanceled, i18n.Verbatim("The check was canceled before the answer arrived.")
		e.Hint = i18n.Verbatim("Nothing more is sent. Start the check again when you are ready.")
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		e.Class = ClassTimeout
		detail, hint := timeoutText(host, timeout, at)
		e.Detail, e.Hint = i18n.Verbatim(detail), i18n.Verbatim(hint)
	case errors.As(err, &dnsErr):
		name := addr.Hostname()
		if u := addr.UnicodeHost(); u != "" {
			name += " (" + u + ")"
		}
		e.Detail = i18n.Verbatim(fmt.Sprintf("The name %s could not be found (DNS).", name))
		e.Hint = i18n.Verbatim("Check the spelling of the address. If Matomo is on a company network, connect to it (VPN) first.")
		if !dnsErr.IsNotFound {
			e.Detail = i18n.Verbatim(fmt.Sprintf("Looking up %s failed: the DNS server did not answer.", name))
			e.Hint = i18n.Verbatim("Check this computer's network connection, then try again.")
		}
	case errors.As(err, &unknownAuthority):
		e.Class = ClassTLS
		e.Detail = i18n.Verbatim(fmt.Sprintf("The certificate of %s is signed by an authority this computer does not trust (%s).",
			host, cleanText(unknownAuthority.Cert.Issuer.String(), 120)))
		e.Hint = i18n.Verbatim("If your company runs its own certificate authority, pass its certificate (verify: --ca-file FILE). " +
			"A self-signed certificate can be trusted the same way.")
	case errors.As(err, &hostnameErr):
		e.Class = ClassTLS
		e.Detail = i18n.Verbatim(fmt.Sprintf("The certificate of %s is made out to other names (%s).", host, certNames(hostnameErr.Certificate)))
		e.Hint = i18n.Verbatim("Use the address the certificate is made out for, or ask the administrator to fix the certificate.")
	case errors.As(err, &certInvalid):
		e.Class = ClassTLS
		e.Detail = i18n.Verbatim(certInvalidDetail(host, certInvalid))
		e.Hint = i18n.Verbatim("Ask the Matomo administrator to renew or fix the certificate. Check that this computer's clock is right.")
	case errors.Is(err, http.ErrSchemeMismatch):
		// Go's client saw "HTTP/" where the TLS handshake should be.
		e.Class = ClassTLS
		e.Detail = i18n.Verbatim(fmt.Sprintf("%s answers plain http on this port, not https.", host))
		e.Hint = i18n.Verbatim("Check the port. If this Matomo really has no https, use its http:// address " +
			"(only this computer may be reached that way without --allow-http).")
		e.Suggested = addr.onPortWith("http")
	case errors.As(err, &recordErr) || strings.Contains(err.Error(), "first record does not look like a TLS handshake"):
		e.Class = ClassTLS
		e.Detail = i18n.Verbatim(fmt.Sprintf("%s does not speak https on this port.", host))
		e.Hint = i18n.Verbatim("The port may serve plain http or another protocol; check the port, or try the address without it.")
	case isTLSFailure(err):
		e.Class = ClassTLS
		e.Detail = i18n.Verbatim(fmt.Sprintf("The secure connection to %s failed: %s.", host, cleanText(innermost(err).Error(), 160)))
		e.Hint = i18n.Verbatim("Check the address and port; a proxy or firewall that inspects traffic can cause this.")
	case strings.Contains(err.Error(), "malformed HTTP") || strings.Contains(err.Error(), "readLoopPeekFailLocked"):
		// The second is how Go's client reports a server that spoke before
		// it was asked (SSH, mail and FTP servers greet first), depending
		// on whether the greeting arrives before the request is written.
		e.Class = ClassNotMatomo
		e.Detail = i18n.Verbatim(fmt.Sprintf("Something answers on %s, but it does not speak HTTP.", host))
		e.Hint = i18n.Verbatim("Check the port: it belongs to another service, not to a web server.")
	case errors.Is(err, syscall.ECONNREFUSED):
		e.Detail = i18n.Verbatim(fmt.Sprintf("%s refused the connection: nothing is listening there.", host))
		e.Hint = i18n.Verbatim("Check the address and the port. The server may be down.")
	case errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		e.Detail = i18n.Verbatim(fmt.Sprintf("%s closed the connection before answering.", host))
		if at.phase == phaseBody {
			e.Detail = i18n.Verbatim(fmt.Sprintf("The connection to %s broke while the answer was arriving (after %s).", host, byteCount(at.bytes)))
		}
		e.Hint = i18n.Verbatim("Try again. If it repeats, a firewall or proxy may be cutting the connection.")
	case errors.Is(err, syscall.EHOSTUNREACH) || errors.Is(err, syscall.ENETUNREACH):
		e.Detail = i18n.Verbatim(fmt.Sprintf("There is no network route to %s.", host))
		e.Hint = i18n.Verbatim("Check this computer's network connection (and VPN, if Matomo is internal).")
	case errors.As(err, &opErr) && opErr.Op == "proxyconnect":
		e.Detail = i18n.Verbatim(fmt.Sprintf("The proxy could not be reached (%s).", cleanText(innermost(err).Error(), 120)))
		e.Hint = i18n.Verbatim("Check the HTTPS_PROXY and NO_PROXY environment variables.")
	default:
		e.Detail = i18n.Verbatim(fmt.Sprintf("The request to %s failed: %s.", host, cleanText(innermost(err).Error(), 160)))
		e.Hint = i18n.Verbatim("Check the address and this computer's network connection, then try again.")
	}
	return e
}

// timeoutText says which step ran out of time: a server that cannot be
// reached needs a different fix from one that answers too slowly.
func timeoutText(host string, timeout time.Duration, at progress) (detail, hint string) {
	switch at.phase {
	case phaseConnect:
		return fmt.Sprintf("Could not connect to %s within %s.", host, timeout),
			"Check that the address is right and that this computer can reach it (VPN, firewall, proxy)."
	case phaseTLS:
		return fmt.Sprintf("%s accepted the connection, but the secure connection was not set up within %s.", host, timeout),
			"Check the port: it may not serve https. A firewall or proxy may also be holding the connection."
	case phaseBody:
		return fmt.Sprintf("%s started answering, but the answer was still arriving after %s (%s so far).", host, timeout, byteCount(at.bytes)),
			"The connection or the server is very slow. A Matomo with many sites may need a longer limit (verify: --timeout)."
	}
	return fmt.Sprintf("%s did not answer within %s.", host, timeout),
		"Matomo may be overloaded. A Matomo with very many sites may need a longer limit (verify: --timeout)."
}

func byteCount(n int64) string {
	switch {
	case n >= 1<<20:
		return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/(1<<20)), ".0") + " MB"
	case n >= 10<<10:
		return fmt.Sprintf("%d kB", n>>10)
	case n == 1:
		return "1 byte"
	}
	return fmt.Sprintf("%d bytes", n)
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

func certNames(c *x509.Certificate) string {
	if c == nil {
		return "unknown"
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
	return cleanText(strings.Join(names, ", "), 160)
}

func certInvalidDetail(host string, e x509.CertificateInvalidError) string {
	if e.Reason == x509.Expired && e.Cert != nil {
		now := time.Now()
		if now.After(e.Cert.NotAfter) {
			return fmt.Sprintf("The certificate of %s expired on %s.", host, e.Cert.NotAfter.Format("2 January 2006"))
		}
		return fmt.Sprintf("The certificate of %s is not valid before %s.", host, e.Cert.NotBefore.Format("2 January 2006"))
	}
	return fmt.Sprintf("The certificate of %s is not valid: %s.", host, cleanText(e.Error(), 160))
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
	notSent, unencrypted string
}

var (
	tokenWords = secretWords{notSent: " The token was not sent along the redirect.",
		unencrypted: "Do not use that address: the token would cross the network unencrypted. "}
	passwordWords = secretWords{notSent: " Your password was not sent along the redirect.",
		unencrypted: "Do not use that address: your password would cross the network unencrypted. "}
)

// redirectErrorFor is redirectError for a request that carried the secret
// words names.
func redirectErrorFor(a answer, addr Address, requestURL *url.URL, words secretWords) *Error {
	loc := a.header.Get("Location")
	e := &Error{Class: ClassRedirect, Status: a.status}
	target, err := requestURL.Parse(loc)
	if loc == "" || err != nil {
		e.Detail = i18n.Verbatim(fmt.Sprintf("%s answered with a redirect (HTTP %d) but did not say where to.", addr.Host(), a.status))
		e.Hint = i18n.Verbatim("Open the address in a browser and use the address it ends up at.")
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
	notSent := words.notSent
	switch {
	case addr.PlainHTTP() && strings.EqualFold(target.Scheme, "https") && strings.EqualFold(target.Hostname(), addr.Hostname()):
		e.Detail = i18n.Verbatim(fmt.Sprintf("%s sends http requests to https.", addr.Host()))
		e.Hint = i18n.Verbatim("Use the https:// address." + notSent)
	case !addr.PlainHTTP() && strings.EqualFold(target.Scheme, "http"):
		e.Detail = i18n.Verbatim(fmt.Sprintf("%s redirects from https to unencrypted http: %s.", addr.Host(), e.Location))
		e.Hint = i18n.Verbatim(words.unencrypted + "Ask the Matomo administrator why https redirects to http." + notSent)
		e.Suggested = Address{}
		return e
	case !addr.SameOrigin(target):
		e.Detail = i18n.Verbatim(fmt.Sprintf("%s redirects to another server: %s.", addr.Host(), e.Location))
		e.Hint = i18n.Verbatim("If that is your Matomo, use its address." + notSent)
	case e.Suggested.IsZero():
		// Same server, same base: the redirect drops the API's parameters,
		// as a login page or a rewrite rule in front of Matomo does.
		e.Detail = i18n.Verbatim(fmt.Sprintf("%s redirects API requests to %s, the same address without the request's parameters.", addr.Host(), e.Location))
		e.Hint = i18n.Verbatim("A rewrite rule or a login in front of Matomo may be intercepting index.php?module=API. " +
			"Show this to the administrator." + notSent)
	default:
		e.Detail = i18n.Verbatim(fmt.Sprintf("Matomo's address redirects to %s.", e.Location))
		e.Hint = i18n.Verbatim("Use the address the redirect points to." + notSent)
	}
	if !e.Suggested.IsZero() {
		hint := strings.Replace(e.Hint.String(), "Use the", "Use "+e.Suggested.String()+", the", 1)
		e.Hint = i18n.Verbatim(strings.Replace(hint, "use its address", "use "+e.Suggested.String(), 1))
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
	switch {
	case a.status == http.StatusTooManyRequests:
		e.Class = ClassRateLimited
		e.Detail = i18n.Verbatim(fmt.Sprintf("%s answered 429 Too Many Requests.", addr.Host()))
		e.Hint = i18n.Verbatim("Wait a minute and try again.")
		if ra := a.header.Get("Retry-After"); ra != "" {
			e.Hint = i18n.Verbatim(fmt.Sprintf("The server asks to wait %s before trying again.", retryAfterText(ra)))
		}
	case withToken && hasMsg && strings.Contains(msg, msgBadToken):
		e.Class = ClassTokenRejected
		e.SecureOnly = strings.Contains(msg, msgSecureOnly)
		e.Detail = i18n.Verbatim("Matomo does not accept this token: it is unknown, expired, or mistyped.")
		e.Hint = i18n.Verbatim(tokenRejectedHint)
	case withToken && hasMsg && strings.Contains(msg, msgNotLoggedIn):
		// Matomo 3 and 4 go on after a wrong token as nobody, not logged in.
		e.Class = ClassTokenRejected
		e.Detail = i18n.Verbatim("Matomo does not know this token: it answered \"You must be logged in\", " +
			"which is how Matomo 3 and 4 answer a wrong or expired token instead of refusing it.")
		e.Hint = i18n.Verbatim(tokenRejectedHint)
	case withToken && hasMsg && strings.Contains(msg, msgNeedsSiteView):
		e.Class = ClassNoAccess
		e.Detail = i18n.Verbatim("Matomo accepted the token, but its user cannot see any site.")
		e.Hint = i18n.Verbatim(noAccessHint)
	case a.status == http.StatusUnauthorized && !matomo:
		e.Class = ClassNotMatomo
		if strings.HasPrefix(strings.ToLower(a.header.Get("WWW-Authenticate")), "basic") {
			e.Detail = i18n.Verbatim(fmt.Sprintf("%s asks for a user name and password (HTTP Basic authentication) before Matomo.", addr.Host()))
			e.Hint = i18n.Verbatim("This wizard cannot pass that prompt. Ask the administrator to let requests to " +
				"index.php?module=API through without it, or use Matomo's own address behind it.")
		} else {
			e.Detail = i18n.Verbatim(fmt.Sprintf("%s refused the request (401) and does not look like Matomo.", addr.Host()))
			e.Hint = i18n.Verbatim("Check the address: it should be the one you use to log in to Matomo.")
		}
	case a.status == http.StatusServiceUnavailable:
		e.Class = ClassServerError
		e.Detail = i18n.Verbatim(fmt.Sprintf("%s is unavailable (503): Matomo may be in maintenance or upgrading its database.", addr.Host()))
		e.Hint = i18n.Verbatim("Try again in a few minutes. If it lasts, ask the Matomo administrator (an upgrade may be waiting to finish).")
	case (a.status == http.StatusBadGateway || a.status == http.StatusGatewayTimeout) && !matomo:
		e.Class = ClassServerError
		e.Detail = i18n.Verbatim(fmt.Sprintf("The web server or proxy at %s could not get an answer from Matomo behind it (HTTP %d).", addr.Host(), a.status))
		e.Hint = i18n.Verbatim("Matomo (PHP) may be down or overloaded. Try again later; if it lasts, tell the administrator.")
	case a.status >= 500 && (matomo || a.status != http.StatusNotImplemented):
		e.Class = ClassServerError
		e.Detail = i18n.Verbatim(fmt.Sprintf("%s had an internal error (HTTP %d).", addr.Host(), a.status))
		e.Hint = i18n.Verbatim("Try again later. If it repeats, the Matomo administrator can find the cause in the server's error log.")
	case a.isTracker():
		e.Class = ClassNotMatomo
		e.Detail = i18n.Verbatim("This address is Matomo's tracker (matomo.php or piwik.php), not its API.")
		e.Hint = i18n.Verbatim("Use the address you log in to Matomo with; the API is index.php in the same folder.")
	case a.isTrackingScript():
		e.Class = ClassNotMatomo
		e.Detail = i18n.Verbatim("This address serves Matomo's tracking script (matomo.js), not its API.")
		e.Hint = i18n.Verbatim("Use the address you log in to Matomo with, without matomo.js.")
	case matomo && looksHTML(a.body):
		e.Class = ClassNotMatomo
		e.Detail = i18n.Verbatim("Matomo answered with a web page instead of its API.")
		if t := a.title(); t != "" {
			e.Detail = i18n.Verbatim(fmt.Sprintf("Matomo answered with a web page (%q) instead of its API.", t))
		}
		e.Hint = i18n.Verbatim("A proxy or rewrite rule may be changing requests. Check that index.php?module=API is reachable unchanged.")
	case matomo && hasMsg:
		e.Class = ClassServerError
		e.Detail = i18n.Verbatim("Matomo answered the request with an error.")
		e.Hint = i18n.Verbatim("If it repeats, show this message to the Matomo administrator.")
	case a.status == http.StatusNotFound:
		e.Class = ClassNotMatomo
		e.Detail = i18n.Verbatim(fmt.Sprintf("Nothing was found at %s (404).", addr.Endpoint()))
		e.Hint = i18n.Verbatim("Check the path: Matomo may live in a folder, for example " + addr.String() + "/matomo or " + addr.String() + "/analytics.")
	case matomo:
		e.Class = ClassServerError
		e.Detail = i18n.Verbatim(fmt.Sprintf("Matomo answered (HTTP %d), but not with what was asked for.", a.status))
		e.Hint = i18n.Verbatim("This Matomo may be very old or modified, or a plugin changes API answers. Show this to the Matomo administrator.")
	default:
		e.Class = ClassNotMatomo
		e.Detail = i18n.Verbatim(notMatomoDetail(a, addr))
		e.Hint = i18n.Verbatim("Check the address: it should be the one you use to log in to Matomo (without index.php).")
	}
	return e
}

func ipLockout() *Error {
	return &Error{Class: ClassBlocked,
		Detail: i18n.Verbatim("Matomo has blocked requests from this computer's IP address after too many failed logins."),
		Hint: i18n.Verbatim("Until the block lifts, Matomo refuses every token from this computer, even a correct one. " +
			"It lifts when the failed logins are more than 60 minutes old, or sooner if a Matomo " +
			"superuser unblocks the IP (Administration → Diagnostic → Brute Force Log → \"Unblock all blocked IPs\", " +
			"or `console login:unblock-blocked-ips`). Send no more tokens until then.")}
}

func userLockout() *Error {
	return &Error{Class: ClassBlocked, UserLocked: true,
		Detail: i18n.Verbatim("Matomo has turned off logging in for this user: too many failed logins were made with it during the last hour, " +
			"from any computer, not only this one."),
		Hint: i18n.Verbatim("Until the failed logins are more than an hour old, Matomo refuses this user's logins and tokens everywhere, " +
			"even a correct one; Matomo has emailed the user about it. Someone may be guessing this user's password or token: " +
			"the user should change the password and turn on two-factor authentication. Send no more tokens until then.")}
}

const tokenRejectedHint = "Copy the whole token again (32 characters) from the Matomo you entered. " +
	"An expired token looks exactly like a wrong one: if in doubt, create a new one. " +
	"Each rejected token counts as a failed login; Matomo locks this computer out for up to " +
	"an hour after more than 20 in an hour."

const noAccessHint = "Ask a Matomo administrator to give this user at least view access to the sites the " +
	"integration needs (Administration → System → Users), then verify again. No new token is needed."

func notMatomoDetail(a answer, addr Address) string {
	what := fmt.Sprintf("HTTP %d", a.status)
	if ct := a.header.Get("Content-Type"); ct != "" {
		what += ", " + cleanText(strings.SplitN(ct, ";", 2)[0], 60)
	}
	if t := a.title(); t != "" {
		return fmt.Sprintf("%s answered with a web page titled %q (%s), not with Matomo's API.", addr.Host(), t, what)
	}
	if srv := a.header.Get("Server"); srv != "" {
		what += ", server " + cleanText(srv, 60)
	}
	return fmt.Sprintf("%s answered, but not like Matomo (%s).", addr.Host(), what)
}

func retryAfterText(v string) string {
	var secs int
	if _, err := fmt.Sscanf(v, "%d", &secs); err == nil && secs > 0 {
		return (time.Duration(secs) * time.Second).String()
	}
	if t, err := http.ParseTime(v); err == nil {
		return "until " + t.Local().Format("15:04")
	}
	return "a while"
}
