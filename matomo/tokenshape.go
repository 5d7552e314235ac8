package matomo

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A token in text where none belongs (an address, a filter, a command
// line) must be found however it is written there, in the form it would
// travel in: a URL's %-escapes are decoded by every server and proxy that
// reads the URL, and a host name is looked up in the form IDNA maps it to
// (UTS 46: full-width "ａ９" and other compatibility forms become ASCII).
// So the search reads a text unit by unit, each unit one character as it
// will be read: a %XX escape of an ASCII character is that character, a
// character beyond ASCII is the ASCII one it maps to (NFKC, the mapping
// IDNA's is built on) or nothing the search knows, and the characters that
// show as nothing (isIgnorable) are passed over, neither breaking a run
// nor counting in it. Offsets stay those of the text, so that what is cut
// is cut from it.

// foldedText is a text as the token search reads it: one byte per unit
// (the ASCII character it reads as, lower case; 0 for any other), and
// where each unit starts in the text; at[len(units)] is the text's end.
type foldedText struct {
	units []byte
	at    []int
}

func foldText(s string) foldedText {
	t := foldedText{units: make([]byte, 0, len(s)), at: make([]int, 0, len(s)+1)}
	for i := 0; i < len(s); {
		c, n := readUnit(s[i:])
		if n < 0 { // passed over
			i -= n
			continue
		}
		t.units = append(t.units, lowerASCII(c))
		t.at = append(t.at, i)
		i += n
	}
	t.at = append(t.at, len(s))
	return t
}

// readUnit reads the unit at the start of s: the character it reads as
// (0 when it is no ASCII character) and its length, or the negative
// length of a character that the search passes over.
func readUnit(s string) (byte, int) {
	c := s[0]
	if v, ok := escapedByte(s); ok {
		if v < utf8.RuneSelf {
			return v, 3
		}
		return escapedRune(s)
	}
	if c < utf8.RuneSelf {
		return c, 1
	}
	r, n := utf8.DecodeRuneInString(s)
	if isIgnorable(r) {
		return 0, -n
	}
	return asASCII(r), n
}

// escapedByte reads a %-escape ("%41") at the start of s.
func escapedByte(s string) (byte, bool) {
	if len(s) < 3 || s[0] != '%' || !isHexByte(s[1]) || !isHexByte(s[2]) {
		return 0, false
	}
	return unhex(s[1])<<4 | unhex(s[2]), true
}

// escapedRune reads a character written as the %-escapes of its UTF-8
// bytes ("%EF%BC%91", a full-width 1) as one unit, as it reads once
// decoded; escapes that are no such character are one unit each that is
// no ASCII character. Either way the hex digits inside the escapes never
// count as text ("%C3%BC0000…" is "ü0000…", not "C3BC0000…").
func escapedRune(s string) (byte, int) {
	var buf [utf8.UTFMax]byte
	n := 0
	for n < len(buf) {
		v, ok := escapedByte(s[3*n:])
		if !ok || n > 0 && !utf8.RuneStart(buf[0]) {
			break
		}
		buf[n] = v
		n++
		if utf8.FullRune(buf[:n]) {
			break
		}
	}
	r, size := utf8.DecodeRune(buf[:n])
	if r == utf8.RuneError || size != n {
		return 0, 3
	}
	if isIgnorable(r) {
		return 0, -3 * n
	}
	return asASCII(r), 3 * n
}

// asASCII is the ASCII character r maps to, as a host name's is mapped
// before it is looked up, or 0.
func asASCII(r rune) byte {
	if n := narrow(r); n < utf8.RuneSelf {
		return byte(n)
	}
	var buf [utf8.UTFMax]byte
	k := norm.NFKC.Bytes(buf[:utf8.EncodeRune(buf[:], r)])
	if len(k) == 1 && k[0] < utf8.RuneSelf {
		return k[0]
	}
	return 0
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// span is a stretch of units, [from, to).
type span struct{ from, to int }

// hexRuns are the runs of at least min hex units.
func (t foldedText) hexRuns(min int) []span {
	var runs []span
	for i := 0; i < len(t.units); {
		if !isHexByte(t.units[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(t.units) && isHexByte(t.units[j]) {
			j++
		}
		if j-i >= min {
			runs = append(runs, span{i, j})
		}
		i = j
	}
	return runs
}

// tokenAuths are the token_auth parameters, name and value: from
// "token_auth=" up to the & or # that ends the value, or to the end (open
// is then set: what is typed next continues the value). A space does not
// end it: in an address it is no part of a URL, and some tokens have
// spaces (a WordPress application password, "abcd efgh ijkl").
func (t foldedText) tokenAuths() (params []span, open bool) {
	const name = "token_auth="
	units := string(t.units)
	for from := 0; ; {
		i := strings.Index(units[from:], name)
		if i < 0 {
			return params, false
		}
		i += from
		end := strings.IndexAny(units[i+len(name):], "&#")
		if end < 0 {
			return append(params, span{i, len(units)}), true
		}
		params = append(params, span{i, i + len(name) + end})
		from = i + len(name) + end
	}
}

// bytes is the part of the text that the units of sp stand for, as
// offsets; invisible characters between them are inside it.
func (t foldedText) bytes(sp span) (from, to int) { return t.at[sp.from], t.at[sp.to] }

// ContainsTokenPiece reports whether text typed or pasted where no token belongs
// holds a token (ContainsToken) or a piece of one: TokenPiece or more hex
// characters in a row. No address, name or option value has such a run;
// the start of a token being typed, a token with a character missing or
// one split in two by a line break or a space does.
func ContainsTokenPiece(s string) bool {
	if ContainsToken(s) {
		return true
	}
	return foldText(s).hexRuns(TokenPiece) != nil
}

// OpenTail says how a text ends when it may end inside a token, so that
// what is typed next would continue it: see OpenTokenTail.
type OpenTail struct {
	// Kind is TailValue inside a token_auth parameter, TailHex in a run
	// of TokenPiece or more hex characters, TailNone otherwise.
	Kind TokenTail
	// From is where the part that must not show starts (the "token_auth="
	// or the run).
	From int
	// Shown is where what may show of the text ends: From, or after the
	// few hex characters of the address's end before a run of 32 or more
	// (CutToken keeps them: ".de" + token).
	Shown int
}

// OpenTokenTail finds a token being typed at the end of s: an open
// token_auth value, or a run of TokenPiece or more hex characters that
// reaches the end. Until something ends it (any character that is not
// hex, or one of & # and space after token_auth=), it may still grow
// into a token.
func OpenTokenTail(s string) OpenTail {
	// A %-escape being typed ("%", "%6") continues what it follows: the
	// character it will be is not known yet.
	partial := 0
	switch n := len(s); {
	case n >= 1 && s[n-1] == '%':
		partial = 1
	case n >= 2 && s[n-2] == '%' && isHexByte(s[n-1]):
		partial = 2
	}
	t := foldText(s[:len(s)-partial])
	if params, open := t.tokenAuths(); open {
		from, _ := t.bytes(params[len(params)-1])
		return OpenTail{Kind: TailValue, From: from, Shown: from}
	}
	runs := t.hexRuns(TokenPiece)
	if len(runs) == 0 || runs[len(runs)-1].to != len(t.units) {
		return OpenTail{}
	}
	run := runs[len(runs)-1]
	from, _ := t.bytes(run)
	tail := OpenTail{Kind: TailHex, From: from, Shown: from}
	if lead := run.to - run.from - tokenLength; lead >= 0 && lead <= maxHexLead {
		tail.Shown = t.at[run.from+lead]
	}
	return tail
}

// CutTokenPieces is CutToken, and also takes out every run of TokenPiece
// or more hex characters (a piece of a token): cut.Piece says one was.
func CutTokenPieces(s string) TokenCut { return cutTokens(s, true) }

// cutTokens takes out the token_auth parameters and the runs of 32 or
// more hex characters (of which up to maxHexLead in front stay), and with
// pieces set the runs of TokenPiece to 31 too.
func cutTokens(s string, pieces bool) TokenCut {
	t := foldText(s)
	params, open := t.tokenAuths()
	min := tokenLength
	if pieces {
		min = TokenPiece
	}
	runs := t.hexRuns(min)
	if len(params) == 0 && len(runs) == 0 {
		return TokenCut{Text: s}
	}
	cut := TokenCut{Found: true, Param: len(params) > 0}
	if open {
		cut.Tail = TailValue
	}
	// What goes, in units: every parameter, and every run (but its lead).
	var gone []span
	for _, r := range runs {
		n := r.to - r.from
		switch lead := n - tokenLength; {
		case n < tokenLength:
			cut.Piece = true
			gone = append(gone, r)
		case lead <= maxHexLead:
			gone = append(gone, span{r.from + lead, r.to})
		default:
			gone = append(gone, r)
		}
		if r.to == len(t.units) && cut.Tail == TailNone {
			cut.Tail = TailHex
		}
	}
	gone = append(gone, params...)
	keep := make([]bool, len(t.units))
	for i := range keep {
		keep[i] = true
	}
	for _, g := range gone {
		for i := g.from; i < g.to; i++ {
			keep[i] = false
		}
	}
	var b strings.Builder
	for i, k := range keep {
		if k {
			b.WriteString(s[t.at[i]:t.at[i+1]])
		}
	}
	// Invisible characters go too once a token was found: none can hide
	// one in what is left.
	cut.Text = withoutInvisible(b.String())
	return cut
}
