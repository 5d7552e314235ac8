package matomo

import (
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Address is a normalised Matomo base URL: scheme, host and an optional
// sub-path (https://example.org/analytics), with no query, fragment,
// trailing index.php or trailing slash. The zero Address is unset.
type Address struct {
	u *url.URL
	// Notes say what ParseAddress changed that the user may want to know
	// (an added https://, a removed tracker file name).
	Notes []string
	// unicode is the host's Unicode form when it is an international
	// name, warning why that name deserves a second look (see idn.go).
	unicode, warning string
}

// newAddress is the address of a normalised URL, with what its host name
// looks like to people.
func newAddress(u *url.URL, notes []string) Address {
	a := Address{u: u, Notes: notes, unicode: unicodeHost(u.Hostname())}
	a.warning = hostWarning(a.unicode, u.Hostname())
	return a
}

// AddressError says precisely what is wrong with a typed address.
type AddressError struct {
	Problem string // what is wrong, in words
	Hint    string // what to type instead
}

func (e *AddressError) Error() string {
	if e.Hint == "" {
		return e.Problem
	}
	return e.Problem + " " + e.Hint
}

const addressExample = "for example https://analytics.example.org or https://example.org/matomo"

// File names that people paste from a browser or a tracking code but that
// are not the base of Matomo: the API lives in index.php next to them.
var droppedFiles = map[string]string{
	"index.php":  "",
	"matomo.php": "that is Matomo's tracker, not its API",
	"piwik.php":  "that is Matomo's tracker, not its API",
	"matomo.js":  "that is Matomo's tracking script, not its API",
	"piwik.js":   "that is Matomo's tracking script, not its API",
}

// ParseAddress turns what a person typed or pasted into a Matomo base
// address, or explains precisely why it cannot.
func ParseAddress(raw string) (Address, error) {
	s := strings.TrimFunc(raw, isSpaceOrInvisible)
	if s == "" {
		return Address{}, &AddressError{Problem: "Enter your Matomo address,", Hint: addressExample + "."}
	}
	// Before anything that could quote it, look it up or keep it: a token
	// in an address would travel in the URL of every request, into DNS and
	// into logs.
	if ContainsToken(s) {
		if cut := CutToken(s); strings.TrimFunc(cut.Text, isSpaceOrInvisible) == "" {
			return Address{}, &AddressError{
				Problem: "This looks like a token, not an address.",
				Hint:    "Enter the address of your Matomo here (" + addressExample + "); the token comes later.",
			}
		}
		return Address{}, &AddressError{
			Problem: "The address contains what looks like a token (32 or more hex characters, or token_auth=).",
			Hint:    "Enter only the address of your Matomo here (" + addressExample + "); the token comes later.",
		}
	}
	if ContainsTokenPiece(s) {
		return Address{}, errTokenPiece
	}
	if !utf8.ValidString(s) {
		return Address{}, &AddressError{
			Problem: "The address contains bytes that are not text (a broken copy or paste).",
			Hint:    "Type the address again, " + addressExample + ".",
		}
	}
	if i := strings.IndexFunc(s, unicode.IsControl); i >= 0 {
		return Address{}, &AddressError{
			Problem: "The address contains a line break or control character.",
			Hint:    "Type or paste only the address, " + addressExample + ".",
		}
	}
	if strings.ContainsFunc(s, isInvisible) {
		return Address{}, &AddressError{
			Problem: "The address contains an invisible character (a zero-width space or similar).",
			Hint:    "Type the address, or copy it again from the browser's address bar.",
		}
	}
	if strings.ContainsFunc(s, unicode.IsSpace) {
		return Address{}, &AddressError{
			Problem: "The address contains a space.",
			Hint:    "Addresses have no spaces; " + addressExample + ".",
		}
	}
	if isBareIPv6(s) {
		return Address{}, &AddressError{
			Problem: "An IPv6 address must be written in square brackets.",
			Hint:    "Type it like https://[" + strings.Trim(s, "[]") + "] (with :port after the bracket if needed).",
		}
	}
	if scheme, ok := bareScheme(s); ok {
		if scheme == "http" || scheme == "https" {
			return Address{}, &AddressError{
				Problem: fmt.Sprintf("The address is missing the // after %q.", scheme+":"),
				Hint:    "Type it like " + scheme + "://analytics.example.org.",
			}
		}
		return Address{}, &AddressError{
			Problem: fmt.Sprintf("%q is not a web address scheme Matomo uses.", scheme+":"),
			Hint:    "Use https:// (" + addressExample + ").",
		}
	}
	var notes []string
	switch {
	case strings.HasPrefix(s, "//"):
		s = "https:" + s
		notes = append(notes, "Added https:// in front.")
	case !strings.Contains(s, "://"):
		s = "https://" + s
		notes = append(notes, "Added https:// in front.")
	}
	u, err := url.Parse(s)
	if err != nil {
		return Address{}, parseProblem(s, err)
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return Address{}, &AddressError{
			Problem: fmt.Sprintf("%q is not a web address scheme Matomo uses.", u.Scheme+"://"),
			Hint:    "Use https:// (" + addressExample + ").",
		}
	}
	if u.User != nil {
		return Address{}, &AddressError{
			Problem: "The address contains a user name or password (the part before @).",
			Hint: "Remove it: the wizard never sends passwords inside addresses. " +
				"Your Matomo login happens in the browser.",
		}
	}
	if ContainsToken(u.Path) || ContainsToken(u.Hostname()) {
		// Written with %-escapes, it only showed once decoded; it would still
		// travel in every request's URL.
		return Address{}, &AddressError{
			Problem: "The address contains what looks like a token (32 or more hex characters, or token_auth=).",
			Hint:    "Enter only the address of your Matomo here (" + addressExample + "); the token comes later.",
		}
	}
	host := strings.ToLower(u.Hostname())
	if host == "" {
		return Address{}, &AddressError{Problem: "The address has no host name.", Hint: "Type it " + addressExample + "."}
	}
	if err := checkHost(host); err != nil {
		return Address{}, err
	}
	host, err = asciiHost(host)
	if err != nil {
		return Address{}, err
	}
	if ContainsTokenPiece(host) {
		// Written in wide or other look-alike digits and letters, it only
		// became a token in the form DNS uses, where it would travel.
		return Address{}, &AddressError{
			Problem: "The address contains what looks like a token (32 or more hex characters, or token_auth=).",
			Hint:    "Enter only the address of your Matomo here (" + addressExample + "); the token comes later.",
		}
	}
	port := u.Port()
	if port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 {
			return Address{}, &AddressError{
				Problem: fmt.Sprintf("The port %q is not a number from 1 to 65535.", port),
				Hint:    "Leave the port out unless your Matomo uses a special one.",
			}
		}
		port = strconv.Itoa(n)
	}
	if port == defaultPort[scheme] {
		port = "" // https://example.org:443 is https://example.org
	}
	switch {
	case port != "":
		host = net.JoinHostPort(host, port)
	case strings.Contains(host, ":"):
		host = "[" + host + "]"
	}
	path, pathNotes := cleanPath(u.EscapedPath())
	notes = append(notes, pathNotes...)
	if u.RawQuery != "" || u.Fragment != "" {
		notes = append(notes, "Removed the part after ? or # (it belongs to one page, not to Matomo's address).")
	}
	base := &url.URL{Scheme: scheme, Host: host}
	if path != "" {
		if err := setPath(base, path); err != nil {
			return Address{}, err
		}
	}
	return newAddress(base, notes), nil
}

// errTokenPiece refuses an address that holds a piece of a token: what it
// holds would travel in every request's URL, or into DNS.
var errTokenPiece = &AddressError{
	Problem: "The address contains 12 or more hex characters (0-9, a-f) in a row, which no Matomo address has: " +
		"that may be part of a token, so it is not checked, looked up or repeated here.",
	Hint: "Enter only the address of your Matomo here (" + addressExample + "); the token comes later, in its own hidden field.",
}

// bareScheme recognises a scheme written without "//" (mailto:x,
// javascript:..., http:example.org), which would otherwise be read as a
// host name and a port. "localhost:8080" is a host and a port.
func bareScheme(s string) (string, bool) {
	name, rest, ok := strings.Cut(s, ":")
	if !ok || name == "" || strings.HasPrefix(rest, "//") {
		return "", false
	}
	for _, r := range name {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
			return "", false
		}
	}
	port, _, _ := strings.Cut(rest, "/")
	if _, err := strconv.Atoi(port); err == nil || port == "" && strings.HasPrefix(rest, "/") {
		return "", false // host:port, or host:/path
	}
	return strings.ToLower(name), true
}

// isBareIPv6 recognises an IPv6 address typed without brackets (::1,
// fe80::1:8080), which would otherwise be misread as a host and a port.
func isBareIPv6(s string) bool {
	rest := s
	if i := strings.Index(s, "://"); i >= 0 {
		rest = s[i+3:]
	}
	hostPort, _, _ := strings.Cut(rest, "/")
	if strings.HasPrefix(hostPort, "[") || strings.Count(hostPort, ":") < 2 {
		return false
	}
	_, err := netip.ParseAddr(hostPort)
	return err == nil
}

func parseProblem(s string, err error) error {
	msg := err.Error()
	if ue, ok := err.(*url.Error); ok {
		msg = ue.Err.Error()
	}
	switch {
	case strings.Contains(msg, "invalid port"):
		return &AddressError{Problem: "The port after the colon is not a number.", Hint: "Leave the port out unless your Matomo uses a special one."}
	case strings.Contains(msg, "invalid URL escape"):
		return &AddressError{Problem: "The address has a % that is not followed by two hex digits.", Hint: "Copy the address again from the browser's address bar."}
	}
	return &AddressError{Problem: "This is not a web address (" + msg + ").", Hint: "Type it " + addressExample + "."}
}

// checkHost rejects host names that cannot resolve, with the reason.
func checkHost(host string) error {
	if ip, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		if z := ip.Zone(); strings.ContainsFunc(z, func(r rune) bool {
			return !(r == '-' || r == '.' || r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
		}) {
			return &AddressError{Problem: "The IPv6 zone after % is not a network interface name.", Hint: "Use the address without the zone, or a host name."}
		}
		return nil
	}
	if strings.HasPrefix(host, ".") || strings.HasSuffix(host, "..") || strings.Contains(host, "..") {
		return &AddressError{Problem: fmt.Sprintf("The host name %q has an empty part between dots.", host), Hint: "Check for a doubled or misplaced dot."}
	}
	for _, r := range host {
		ok := r == '-' || r == '.' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
		if !ok {
			return &AddressError{
				Problem: fmt.Sprintf("The host name contains %q, which host names cannot contain.", r),
				Hint:    "Type it " + addressExample + ".",
			}
		}
	}
	return nil
}

// cleanPath drops trailing slashes and a trailing index.php (or tracker file
// name) and says what it dropped.
func cleanPath(p string) (string, []string) {
	var notes []string
	for {
		p = strings.TrimRight(p, "/")
		i := strings.LastIndex(p, "/")
		last := strings.ToLower(p[i+1:])
		why, ok := droppedFiles[last]
		if !ok {
			return p, notes
		}
		if why == "" {
			notes = append(notes, fmt.Sprintf("Removed %q from the end (the wizard adds it itself).", p[i+1:]))
		} else {
			notes = append(notes, fmt.Sprintf("Removed %q from the end: %s.", p[i+1:], why))
		}
		if i < 0 {
			return "", notes
		}
		p = p[:i]
	}
}

func setPath(u *url.URL, escaped string) error {
	unescaped, err := url.PathUnescape(escaped)
	if err != nil {
		return &AddressError{Problem: "The path of the address has a broken %-escape.", Hint: "Copy the address again from the browser's address bar."}
	}
	u.Path = unescaped
	u.RawPath = escaped
	return nil
}

// IsZero reports whether the address is unset.
func (a Address) IsZero() bool { return a.u == nil }

// String is the base address, for example https://example.org/matomo.
func (a Address) String() string {
	if a.u == nil {
		return ""
	}
	return a.u.String()
}

// Host is the host name with the port if one was given.
func (a Address) Host() string {
	if a.u == nil {
		return ""
	}
	return a.u.Host
}

// Hostname is the host name without port or brackets.
func (a Address) Hostname() string {
	if a.u == nil {
		return ""
	}
	return a.u.Hostname()
}

// Scheme is "https" or "http".
func (a Address) Scheme() string {
	if a.u == nil {
		return ""
	}
	return a.u.Scheme
}

// PlainHTTP reports whether requests to this address travel unencrypted.
func (a Address) PlainHTTP() bool { return a.Scheme() == "http" }

// IsLoopback reports whether the host is this computer (localhost,
// 127.0.0.0/8, ::1), where plain http does not cross a network.
func (a Address) IsLoopback() bool {
	h := a.Hostname()
	if h == "localhost" {
		// Not *.localhost: Go looks those up in DNS and sends them through
		// a proxy, so they may well leave this computer.
		return true
	}
	ip, err := netip.ParseAddr(h)
	return err == nil && ip.Unmap().IsLoopback()
}

// WithScheme returns the same address with another scheme ("https"), for
// offering https when someone typed http.
func (a Address) WithScheme(scheme string) Address {
	if a.u == nil {
		return a
	}
	u := *a.u
	u.Scheme = scheme
	return newAddress(&u, nil)
}

// onPortWith is the address with another scheme on the port it was
// reached at: https://example.org answering plain http on its port 443 is
// http://example.org:443, not http://example.org (port 80).
func (a Address) onPortWith(scheme string) Address {
	if a.u == nil {
		return a
	}
	u := *a.u
	if u.Port() == "" {
		u.Host = net.JoinHostPort(u.Hostname(), defaultPort[u.Scheme])
	}
	u.Scheme = scheme
	if p := u.Port(); p == defaultPort[scheme] {
		u.Host = strings.TrimSuffix(u.Host, ":"+p)
	}
	return newAddress(&u, nil)
}

// defaultPort is each scheme's port, which a normalised address leaves
// out.
var defaultPort = map[string]string{"http": "80", "https": "443"}

// UnicodeHost is the host name as people read it when it is an
// international one: "münchen.example" for xn--mnchen-3ya.example. It is
// "" when the host reads the same in both forms.
func (a Address) UnicodeHost() string { return a.unicode }

// Readable is the address for people: String, with the Unicode form of
// an international host name beside it, "https://xn--mnchen-3ya.example
// (münchen.example)". Links, requests and copies use String.
func (a Address) Readable() string {
	if a.unicode == "" {
		return a.String()
	}
	return a.String() + " (" + a.unicode + ")"
}

// ReadableHost is Host with the Unicode form beside it, as Readable.
func (a Address) ReadableHost() string {
	if a.unicode == "" {
		return a.Host()
	}
	return a.Host() + " (" + a.unicode + ")"
}

// HostWarning says why the host name deserves a second look before a
// token goes there (its letters could pass for other ones), or "".
func (a Address) HostWarning() string { return a.warning }

// Endpoint is the URL of Matomo's HTTP API: <base>/index.php.
func (a Address) Endpoint() string { return a.Link("") }

// Link is <base>/index.php with the given query, for API calls and the
// deep links into Matomo's screens.
func (a Address) Link(query string) string {
	if a.u == nil {
		return ""
	}
	u := *a.u
	u.Path += "/index.php"
	if u.RawPath != "" {
		u.RawPath += "/index.php"
	}
	u.RawQuery = query
	return u.String()
}

// SameOrigin reports whether u has the address's scheme, host and port, so
// that a redirect can be told apart from a move to another server.
func (a Address) SameOrigin(u *url.URL) bool {
	if a.u == nil || u == nil {
		return false
	}
	host := strings.ToLower(u.Hostname())
	if ascii, err := asciiHost(host); err == nil {
		host = ascii // a Location may name the host in Unicode
	}
	return strings.EqualFold(u.Scheme, a.u.Scheme) && host == a.u.Hostname() && originPort(u) == originPort(a.u)
}

// originPort is the URL's port, or the scheme's default when none is given,
// so that https://example.org and https://example.org:443 are one origin.
func originPort(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	if strings.EqualFold(u.Scheme, "http") {
		return "80"
	}
	return "443"
}
