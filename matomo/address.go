package matomo

import (
	"net"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"matomo-onboard/internal/i18n"
)

// Address is a normalised Matomo base URL: scheme, host and an optional
// sub-path (https://example.org/analytics), with no query, fragment,
// trailing index.php or trailing slash. The zero Address is unset.
type Address struct {
	u *url.URL
	// Notes say what ParseAddress changed that the user may want to know
	// (an added https://, a removed tracker file name): messages, whose
	// String is the English of --json and the report.
	Notes []i18n.Text
	// unicode is the host's Unicode form when it is an international
	// name, warning why that name deserves a second look (see idn.go).
	unicode string
	warning i18n.Text
}

// newAddress is the address of a normalised URL, with what its host name
// looks like to people.
func newAddress(u *url.URL, notes []i18n.Text) Address {
	a := Address{u: u, Notes: notes, unicode: unicodeHost(u.Hostname())}
	a.warning = hostWarning(a.unicode, u.Hostname())
	return a
}

// AddressError says precisely what is wrong with a typed address, in
// messages of the catalogue: Error() is English, and a Printer renders
// it in the person's language (Printer.Error, through Text).
type AddressError struct {
	Problem i18n.Text // what is wrong, in words
	Hint    i18n.Text // what to type instead
}

func (e *AddressError) Error() string { return e.Text().String() }

// Text is the problem and the hint as one sentence, to render.
func (e *AddressError) Text() i18n.Text {
	if e.Hint.IsZero() {
		return e.Problem
	}
	return i18n.T(i18n.AddressError, e.Problem, e.Hint)
}

// addressProblem is an AddressError of two messages, the second taking
// the example of an address when it has an argument.
func addressProblem(problem i18n.Text, hint *i18n.Message) *AddressError {
	return &AddressError{Problem: problem, Hint: i18n.T(hint, i18n.T(i18n.AddressExample))}
}

// File names that people paste from a browser or a tracking code but that
// are not the base of Matomo: the API lives in index.php next to them.
var droppedFiles = map[string]*i18n.Message{
	"index.php":  i18n.AddressRemovedIndex,
	"matomo.php": i18n.AddressRemovedTracker,
	"piwik.php":  i18n.AddressRemovedTracker,
	"matomo.js":  i18n.AddressRemovedScript,
	"piwik.js":   i18n.AddressRemovedScript,
}

// ParseAddress turns what a person typed or pasted into a Matomo base
// address, or explains precisely why it cannot.
func ParseAddress(raw string) (Address, error) {
	s := strings.TrimFunc(raw, isSpaceOrInvisible)
	if s == "" {
		return Address{}, addressProblem(i18n.T(i18n.AddressEnter), i18n.AddressExampleEnd)
	}
	// Before anything that could quote it, look it up or keep it: a token
	// in an address would travel in the URL of every request, into DNS and
	// into logs.
	if ContainsToken(s) {
		if cut := CutToken(s); strings.TrimFunc(cut.Text, isSpaceOrInvisible) == "" {
			return Address{}, addressProblem(i18n.T(i18n.AddressIsAToken), i18n.AddressTokenComesLater)
		}
		return Address{}, errHoldsToken()
	}
	if ContainsTokenPiece(s) {
		return Address{}, errTokenPiece()
	}
	if !utf8.ValidString(s) {
		return Address{}, addressProblem(i18n.T(i18n.AddressNotText), i18n.AddressTypeAgain)
	}
	if i := strings.IndexFunc(s, unicode.IsControl); i >= 0 {
		return Address{}, addressProblem(i18n.T(i18n.AddressLineBreak), i18n.AddressOnlyAddress)
	}
	if strings.ContainsFunc(s, isInvisible) {
		return Address{}, addressProblem(i18n.T(i18n.AddressInvisible), i18n.AddressCopyFromBar)
	}
	if strings.ContainsFunc(s, unicode.IsSpace) {
		return Address{}, addressProblem(i18n.T(i18n.AddressSpace), i18n.AddressNoSpaces)
	}
	if isBareIPv6(s) {
		return Address{}, &AddressError{
			Problem: i18n.T(i18n.AddressIPv6Brackets),
			Hint:    i18n.T(i18n.AddressIPv6Like, strings.Trim(s, "[]")),
		}
	}
	if scheme, ok := bareScheme(s); ok {
		if scheme == "http" || scheme == "https" {
			return Address{}, &AddressError{
				Problem: i18n.T(i18n.AddressMissingSlashes, scheme+":"),
				Hint:    i18n.T(i18n.AddressTypeLike, scheme),
			}
		}
		return Address{}, addressProblem(i18n.T(i18n.AddressBadScheme, scheme+":"), i18n.AddressUseHTTPS)
	}
	var notes []i18n.Text
	switch {
	case strings.HasPrefix(s, "//"):
		s = "https:" + s
		notes = append(notes, i18n.T(i18n.AddressAddedHTTPS))
	case !strings.Contains(s, "://"):
		s = "https://" + s
		notes = append(notes, i18n.T(i18n.AddressAddedHTTPS))
	}
	u, err := url.Parse(s)
	if err != nil {
		return Address{}, parseProblem(s, err)
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return Address{}, addressProblem(i18n.T(i18n.AddressBadScheme, u.Scheme+"://"), i18n.AddressUseHTTPS)
	}
	if u.User != nil {
		return Address{}, &AddressError{Problem: i18n.T(i18n.AddressUserInfo), Hint: i18n.T(i18n.AddressRemoveUserInfo)}
	}
	if ContainsToken(u.Path) || ContainsToken(u.Hostname()) {
		// Written with %-escapes, it only showed once decoded; it would still
		// travel in every request's URL.
		return Address{}, errHoldsToken()
	}
	host := strings.ToLower(u.Hostname())
	if host == "" {
		return Address{}, addressProblem(i18n.T(i18n.AddressNoHost), i18n.AddressTypeIt)
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
		return Address{}, errHoldsToken()
	}
	port := u.Port()
	if port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 {
			return Address{}, &AddressError{Problem: i18n.T(i18n.AddressBadPort, port), Hint: i18n.T(i18n.AddressLeavePortOut)}
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
		notes = append(notes, i18n.T(i18n.AddressRemovedQuery))
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
func errTokenPiece() *AddressError {
	return addressProblem(i18n.T(i18n.AddressHoldsTokenPiece), i18n.AddressTokenInItsField)
}

// errHoldsToken refuses an address that holds what looks like a token.
func errHoldsToken() *AddressError {
	return addressProblem(i18n.T(i18n.AddressHoldsToken), i18n.AddressOnlyTheAddress)
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
		return &AddressError{Problem: i18n.T(i18n.AddressPortNotNumber), Hint: i18n.T(i18n.AddressLeavePortOut)}
	case strings.Contains(msg, "invalid URL escape") && strings.Contains(typedHost(s), "%"):
		// Go refuses any %-escape in a host name, well formed or not.
		return &AddressError{Problem: i18n.T(i18n.AddressEscapeInHost), Hint: i18n.T(i18n.AddressCopyAgain)}
	case strings.Contains(msg, "invalid URL escape"):
		return &AddressError{Problem: i18n.T(i18n.AddressBadEscape), Hint: i18n.T(i18n.AddressCopyAgain)}
	}
	return addressProblem(i18n.T(i18n.AddressNotWebAddress, msg), i18n.AddressTypeIt)
}

// typedHost is the host and port of an address as typed: after its
// scheme, before its path, query or fragment, and after any user info.
func typedHost(s string) string {
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndex(s, "@"); i >= 0 {
		s = s[i+1:]
	}
	return s
}

// checkHost rejects host names that cannot resolve, with the reason.
func checkHost(host string) error {
	if ip, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		if z := ip.Zone(); strings.ContainsFunc(z, func(r rune) bool {
			return !(r == '-' || r == '.' || r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
		}) {
			return &AddressError{Problem: i18n.T(i18n.AddressBadZone), Hint: i18n.T(i18n.AddressWithoutZone)}
		}
		return nil
	}
	if strings.HasPrefix(host, ".") || strings.HasSuffix(host, "..") || strings.Contains(host, "..") {
		return &AddressError{Problem: i18n.T(i18n.AddressEmptyPart, host), Hint: i18n.T(i18n.AddressDoubledDot)}
	}
	for _, r := range host {
		ok := r == '-' || r == '.' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
		if !ok {
			return addressProblem(i18n.T(i18n.AddressBadCharacter, strconv.QuoteRune(r)), i18n.AddressTypeIt)
		}
	}
	return nil
}

// cleanPath drops trailing slashes and a trailing index.php (or tracker file
// name) and says what it dropped.
func cleanPath(p string) (string, []i18n.Text) {
	var notes []i18n.Text
	for {
		p = strings.TrimRight(p, "/")
		i := strings.LastIndex(p, "/")
		last := strings.ToLower(p[i+1:])
		note, ok := droppedFiles[last]
		if !ok {
			return p, notes
		}
		notes = append(notes, i18n.T(note, p[i+1:]))
		if i < 0 {
			return "", notes
		}
		p = p[:i]
	}
}

func setPath(u *url.URL, escaped string) error {
	unescaped, err := url.PathUnescape(escaped)
	if err != nil {
		return &AddressError{Problem: i18n.T(i18n.AddressBrokenEscape), Hint: i18n.T(i18n.AddressCopyAgain)}
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
// token goes there (its letters could pass for other ones); the zero
// Text when it does not.
func (a Address) HostWarning() i18n.Text { return a.warning }

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
