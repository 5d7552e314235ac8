package matomo

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"log/slog"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"matomo-onboard/internal/i18n"
)

// MaxTokenLength bounds what ParseToken accepts. Matomo's tokens are 32
// characters; a Matomo for WordPress "user:app-password" is well under 100.
// Anything longer is a paste of the wrong thing (a page, a log, a file).
const MaxTokenLength = 512

// tokenLength is the length of every token Matomo 3, 4 and 5 generate:
// md5 hex.
const tokenLength = 32

// Token is a Matomo token_auth. It is a secret that acts as its owner's
// password, so the type is built to make leaking it hard: every way Go
// prints a value (String, GoString, Format with any verb, JSON, text,
// slog) shows only the fingerprint. The secret leaves the type through
// Reveal, which the code calls in exactly three places: the POST body of a
// request to the address the user named, the URL of the opt-in GET check,
// and the clipboard copy the user asked for (a test keeps it that way).
type Token struct {
	// secret sits behind a pointer: fmt prints a pointer nested in another
	// value as an address, so even a struct that holds a Token in an
	// unexported field (where fmt cannot call Format) prints no secret.
	secret *string
}

// TokenCheck is the outcome of ParseToken: the cleaned token and what looks
// unusual about it. Warnings never stop a token from being tried: Matomo
// does not validate the format, and some installs use other token shapes.
type TokenCheck struct {
	Token Token
	// Warnings are messages, whose String is the English of --json and
	// the report.
	Warnings []i18n.Text
	// Trimmed reports that whitespace (often a pasted newline) was removed.
	Trimmed bool
	// Lowercased reports that a 32-hex token was typed or pasted in upper case.
	Lowercased bool
	// Unwrapped says, in words for the person and without the token, what
	// was taken away around it: a "token_auth=" in front, or the rest of an
	// address whose token_auth parameter held it. "" when nothing was.
	// Sent as pasted, such a token is rejected and counts as a failed
	// login, so the value alone is the token.
	Unwrapped i18n.Text
}

// LooksValid reports whether the token has Matomo's usual shape and needed
// no warning.
func (c TokenCheck) LooksValid() bool { return len(c.Warnings) == 0 }

// Token input errors, distinguishable with errors.Is; their words are
// the catalogue's (Error() is the English).
var (
	ErrTokenEmpty     = i18n.Errorf(i18n.TokenEmpty)
	ErrTokenTwo       = i18n.Errorf(i18n.TokenTwo)
	ErrTokenAnonymous = i18n.Errorf(i18n.TokenAnonymous)
	ErrTokenTooLong   = i18n.Errorf(i18n.TokenTooLong)
	ErrTokenControl   = i18n.Errorf(i18n.TokenControl)
	ErrTokenInvisible = i18n.Errorf(i18n.TokenInvisible)
)

// TokenError explains why a typed or pasted token cannot be used.
// It never contains the input itself. Error() is English; a Printer
// renders it in the person's language (Printer.Error, through Text).
type TokenError struct {
	Reason error
	Hint   i18n.Text
	Length int
}

func (e *TokenError) Error() string { return e.Text().String() }

// Text is the reason and the hint as one sentence, to render.
func (e *TokenError) Text() i18n.Text {
	return i18n.T(i18n.TokenRefused, reasonText(e.Reason), e.Hint)
}

// reasonText is one of the Err… reasons of TokenError and PasswordError
// in the catalogue's words, or the error's own for any other.
func reasonText(err error) i18n.Text {
	if e, ok := err.(*i18n.Error); ok {
		return e.Text
	}
	return i18n.Verbatim(err.Error())
}

func (e *TokenError) Unwrap() error { return e.Reason }

// ParseToken cleans a token the way a careful person would: it trims
// surrounding whitespace (Matomo does not, and a trailing newline from a
// paste makes a valid token fail), takes the value out of a "token_auth="
// parameter (alone, or in a pasted API address) and lower-cases a
// 32-character hex token (Matomo's lookup is case-sensitive). It refuses
// only what can never be a token.
func ParseToken(raw string) (TokenCheck, error) {
	n := utf8.RuneCountInString(raw)
	if n > MaxTokenLength {
		return TokenCheck{}, &TokenError{
			Reason: ErrTokenTooLong,
			Hint:   i18n.T(i18n.TokenHintTooLong, strconv.Itoa(n), tokenLength),
			Length: n,
		}
	}
	// Invisible format characters (a byte-order mark from a Windows file,
	// a zero-width space from a chat) go with the whitespace around the
	// token: sent along, they would turn a good token into a failed login.
	s := strings.TrimFunc(raw, isSpaceOrInvisible)
	check := TokenCheck{Trimmed: s != raw}
	if s == "" {
		return TokenCheck{}, &TokenError{
			Reason: ErrTokenEmpty,
			Hint:   i18n.T(i18n.TokenHintEmpty),
		}
	}
	if strings.IndexFunc(s, unicode.IsControl) >= 0 {
		return TokenCheck{}, &TokenError{
			Reason: ErrTokenControl,
			Hint:   i18n.T(i18n.TokenHintControl),
			Length: utf8.RuneCountInString(s),
		}
	}
	if strings.ContainsFunc(s, isInvisible) {
		return TokenCheck{}, &TokenError{
			Reason: ErrTokenInvisible,
			Hint:   i18n.T(i18n.TokenHintInvisible),
			Length: utf8.RuneCountInString(s),
		}
	}
	if v, ok := unwrapSetting(s); ok {
		s, check.Unwrapped = v, i18n.T(i18n.TokenRemovedSetting) // what unwrapSetting took away
	} else if v, note, err := unwrapTokenAuth(s); err != nil {
		return TokenCheck{}, err
	} else if !note.IsZero() {
		s, check.Unwrapped = strings.TrimFunc(v, isSpaceOrInvisible), note
		if s == "" {
			return TokenCheck{}, &TokenError{
				Reason: ErrTokenEmpty,
				Hint:   i18n.T(i18n.TokenHintNothingAfter),
			}
		}
	}
	if s == "anonymous" {
		return TokenCheck{}, &TokenError{
			Reason: ErrTokenAnonymous,
			Hint:   i18n.T(i18n.TokenHintAnonymous),
		}
	}
	if isHex(s) && len(s) == tokenLength {
		lower := strings.ToLower(s)
		check.Lowercased = lower != s
		s = lower
	}
	check.Token = Token{secret: &s}
	check.Warnings = tokenWarnings(s)
	return check, nil
}

// tokenWarnings describes what is unusual about a cleaned token, without
// quoting it.
func tokenWarnings(s string) []i18n.Text {
	var w []i18n.Text
	n := utf8.RuneCountInString(s)
	switch {
	case len(s) >= 2 && strings.ContainsRune(`"'`+"`", rune(s[0])) && s[len(s)-1] == s[0]:
		w = append(w, i18n.T(i18n.TokenInQuotes))
	case strings.ContainsAny(s, " \t"):
		w = append(w, i18n.T(i18n.TokenHasSpaces))
	case n != tokenLength:
		w = append(w, i18n.T(i18n.TokenLength, n, tokenLength))
	case !isHex(s):
		w = append(w, i18n.T(i18n.TokenNotHex))
	}
	return w
}

// tokenSetting is the token as a line of a settings file or a program
// writes it: "token_auth: T" (YAML), "token_auth = T" (INI),
// `"token_auth": "T",` (JSON), "'token_auth' => 'T'" (PHP), and
// "token_auth%3DT" (the parameter inside a %-escaped address, such as a
// login page's return address). Pasted as they are, each would be sent
// whole and rejected as a failed login. "token_auth=T" itself is
// unwrapTokenAuth's.
var tokenSetting = onFirstUse(`(?i)^["']?token_auth["']?(?:\s*(?::|=>?)\s*|%3d)["']?([^\s"',;]+)["']?\s*[,;]?$`)

// unwrapSetting returns the token out of a settings line (see
// tokenSetting), or false.
func unwrapSetting(s string) (string, bool) {
	if strings.HasPrefix(asciiLower(s), "token_auth=") {
		return "", false
	}
	m := tokenSetting().FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// unwrapTokenAuth finds the token in text that holds a "token_auth="
// parameter: pasted with the parameter's name ("token_auth=…"), or a whole
// API address (…&token_auth=…&format=json). It returns the value, %-escapes
// decoded as a URL's, and a note saying what was taken away; note is ""
// when s holds no such parameter. Two different values are refused: which
// one is meant cannot be known.
func unwrapTokenAuth(s string) (value string, note i18n.Text, err error) {
	const name = "token_auth="
	lower := asciiLower(s) // ASCII only, so that offsets fit s
	first := strings.Index(lower, name)
	if first < 0 {
		return s, i18n.Text{}, nil
	}
	// Inside an address the value ends where a URL's parameter does, or at
	// a space or quote (a pasted command line); after a bare "token_auth="
	// only at & or #, since some tokens of other shapes hold spaces.
	inURL := strings.TrimLeft(s[:first], "?&") != ""
	ends := "&#"
	if inURL {
		ends = "&# \t'\""
	}
	var values []string
	for i := first; i >= 0; {
		rest := s[i+len(name):]
		end := strings.IndexAny(rest, ends)
		if end < 0 {
			end = len(rest)
		}
		v := rest[:end]
		if inURL || strings.Contains(v, "%") {
			// From a URL or a form: decoded as Matomo would decode it.
			if u, uerr := url.QueryUnescape(v); uerr == nil {
				v = u
			}
		}
		if len(values) > 0 && v != values[0] {
			return "", i18n.Text{}, &TokenError{
				Reason: ErrTokenTwo,
				Hint:   i18n.T(i18n.TokenHintTwo),
				Length: utf8.RuneCountInString(s),
			}
		}
		values = append(values, v)
		next := strings.Index(lower[i+len(name):], name)
		if next < 0 {
			break
		}
		i += len(name) + next
	}
	if !inURL && !strings.ContainsAny(s[first+len(name):], "&#") {
		return values[0], i18n.T(i18n.TokenRemovedPrefix), nil
	}
	return values[0], i18n.T(i18n.TokenTookOut), nil
}

// isInvisible reports the characters that show as nothing: Unicode's
// default-ignorable code points (format characters such as zero-width
// spaces and joiners, the byte-order mark, bidirectional marks and the
// soft hyphen; variation selectors, Mongolian free variation selectors,
// the combining grapheme joiner, Hangul fillers), which a font draws as
// nothing between two visible characters. The property is Cf, the
// variation selectors and Other_Default_Ignorable_Code_Point, less a few
// visible format characters; this takes all of Cf, which only makes a
// search for the token look through more.
func isInvisible(r rune) bool {
	if r < 0x100 { // the soft hyphen is the only one below U+0100
		return r == '\u00ad'
	}
	// One search in the merged ranges: this runs on every character of
	// every site name beyond Latin-1.
	ranges := invisibleRanges()
	lo, hi := 0, len(ranges)
	for lo < hi {
		if m := int(uint(lo+hi) >> 1); ranges[m].hi < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(ranges) && ranges[lo].lo <= r
}

// runeRange is the characters from lo to hi.
type runeRange struct{ lo, hi rune }

// invisibleRanges are the characters of isInvisible, from Go's Unicode
// tables, merged and sorted
// (on first use: the program's start pays nothing for it).
var invisibleRanges = sync.OnceValue(func() []runeRange {
	return mergeRanges(unicode.Cf, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point)
})

func mergeRanges(tables ...*unicode.RangeTable) []runeRange {
	var all []runeRange
	add := func(lo, hi, stride rune) {
		for c := lo; c <= hi; c += stride {
			if stride == 1 {
				all = append(all, runeRange{lo, hi})
				return
			}
			all = append(all, runeRange{c, c})
		}
	}
	for _, t := range tables {
		for _, r := range t.R16 {
			add(rune(r.Lo), rune(r.Hi), rune(r.Stride))
		}
		for _, r := range t.R32 {
			add(rune(r.Lo), rune(r.Hi), rune(r.Stride))
		}
	}
	slices.SortFunc(all, func(a, b runeRange) int { return int(a.lo - b.lo) })
	var out []runeRange
	for _, rg := range all {
		if n := len(out); n > 0 && rg.lo <= out[n-1].hi+1 {
			out[n-1].hi = max(out[n-1].hi, rg.hi)
			continue
		}
		out = append(out, rg)
	}
	return out
}

func isSpaceOrInvisible(r rune) bool { return unicode.IsSpace(r) || isInvisible(r) }

// ContainsToken reports whether text someone typed or pasted where no
// token belongs (an address, a filter, a command line) holds one: a
// token_auth parameter (whatever its value) or a run of 32 or more hex
// characters, also when invisible characters (zero-width spaces, soft
// hyphens, line separators) split it, or it is written with %-escapes or
// in full-width or other forms that IDNA maps to ASCII (see foldText).
// Matomo's tokens are 32 hex characters; one glued to an address that
// ends in hex letters or digits (.de, .be, /web, a port) makes a longer
// run, so no boundary around it is required. The caller should drop the
// text rather than show, keep or send it.
func ContainsToken(s string) bool {
	t := foldText(s)
	params, _ := t.tokenAuths()
	return len(params) > 0 || t.hexRuns(tokenLength) != nil
}

// withoutInvisible removes the characters that show as nothing (Unicode
// Cf, and the line and paragraph separators), which would otherwise split
// a token so that no search finds it.
func withoutInvisible(s string) string {
	if !strings.ContainsFunc(s, isIgnorable) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isIgnorable(r) {
			return -1
		}
		return r
	}, s)
}

// isIgnorable reports the characters a search for the token skips.
func isIgnorable(r rune) bool { return isInvisible(r) || r == '\u2028' || r == '\u2029' }

// TokenCut is a text with every token taken out: see CutToken.
type TokenCut struct {
	// Text is what remains; it holds no token.
	Text string
	// Found reports that a token was taken out.
	Found bool
	// Tail says whether the text ended inside the token, so that what is
	// typed next continues it: TailValue after "token_auth=" (whatever
	// follows belongs to the token or its URL), TailHex in a run of hex
	// characters. TailNone when the text ended after it, or held none.
	Tail TokenTail
	// Piece reports that a run of TokenPiece to 31 hex characters, a
	// piece of a token, was taken out (CutTokenPieces only).
	Piece bool
	// Param reports that a token_auth parameter was taken out: the text
	// was a link into Matomo's API, whose query is no part of its address.
	Param bool
}

// TokenTail is how a cut text ended; see TokenCut.
type TokenTail int

const (
	TailNone TokenTail = iota
	TailValue
	TailHex
)

// maxHexLead is how many hex characters before a token CutToken keeps as
// part of the text: an address glued to a token ends in a few (".de",
// "/web", a port), never in many.
const maxHexLead = 8

// CutToken takes every token out of text someone typed or pasted where no
// token belongs (see ContainsToken): a token_auth parameter with its value
// (up to the next &, # or space), and the last 32 characters of every run
// of 32 or more hex characters, which is where a token glued to an address
// ("https://analytics.example.de" + token) sits. Up to maxHexLead hex
// characters before it stay, since they are the address's end; a longer
// run goes whole. Invisible characters go too when a token was found, so
// that none can hide one.
func CutToken(s string) TokenCut { return cutTokens(s, false) }

// asciiLower lower-cases A to Z and leaves every other byte as it is, so
// that the result has the offsets of s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// EndsToken reports whether r, typed right after text that CutToken cut
// with this tail, stops continuing the token.
func (t TokenTail) EndsToken(r rune) bool {
	switch t {
	case TailHex:
		return !('0' <= r && r <= '9' || 'a' <= r && r <= 'f' || 'A' <= r && r <= 'F')
	case TailValue:
		return false // everything after token_auth= is its value or its URL's rest
	}
	return true
}

// HexRun is the length of the longest run of hex characters in s, read
// as ContainsToken reads it: the start of a token being typed shows as a
// growing run.
func HexRun(s string) int {
	t := foldText(s)
	longest := 0
	for _, r := range t.hexRuns(1) {
		longest = max(longest, r.to-r.from)
	}
	return longest
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isHexByte(s[i]) {
			return false
		}
	}
	return true
}

func isHexByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// IsZero reports whether the token is unset.
func (t Token) IsZero() bool { return t.value() == "" }

// Len is the token's length in characters.
func (t Token) Len() int { return utf8.RuneCountInString(t.value()) }

// Fingerprint identifies a token without revealing it: its length and, for
// tokens long enough that four characters give nothing away, the last four.
func (t Token) Fingerprint() string { return t.FingerprintText().String() }

// FingerprintText is Fingerprint for a person, in their language.
func (t Token) FingerprintText() i18n.Text {
	n := t.Len()
	switch {
	case n == 0:
		return i18n.T(i18n.TokenNone)
	case n < 16:
		return i18n.T(i18n.TokenShort, n)
	default:
		r := []rune(t.value())
		return i18n.T(i18n.TokenEnds, n, string(r[n-4:]))
	}
}

// digest is a keyed digest of the secret (HMAC-SHA-256), to recognise a
// token again without keeping it.
func (t Token) digest(key []byte) [32]byte {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(t.value()))
	var d [32]byte
	copy(d[:], h.Sum(nil))
	return d
}

// newDigestKey is a random key for digest.
func newDigestKey() []byte {
	k := make([]byte, 32)
	_, _ = rand.Read(k) // crypto/rand.Read never fails (Go 1.24+)
	return k
}

// Equal reports whether two tokens hold the same secret.
func (t Token) Equal(o Token) bool { return t.value() == o.value() }

// Reveal returns the secret. Call it only to put the token into the POST
// body of a request to the user's Matomo (or, with the user's consent, the
// GET check's URL) and into the clipboard when the user asks for a copy.
func (t Token) Reveal() string { return t.value() }

func (t Token) value() string {
	if t.secret == nil {
		return ""
	}
	return *t.secret
}

func (t Token) String() string   { return "token(" + t.Fingerprint() + ")" }
func (t Token) GoString() string { return t.String() }

// Format prints the fingerprint for every verb, so %x or %q cannot slip
// past String.
func (t Token) Format(f fmt.State, verb rune) { _, _ = f.Write([]byte(t.String())) }

// MarshalText makes encoders (JSON, YAML, flags) print the fingerprint.
func (t Token) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// LogValue makes log/slog print the fingerprint.
func (t Token) LogValue() slog.Value { return slog.StringValue(t.String()) }
