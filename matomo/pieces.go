package matomo

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A near copy of the token is as bad as the token: its first 28
// characters next to the fingerprint's last 4 are the whole token on one
// screen, and a server (or a proxy quoting the request) can write it
// spaced out ("c 0 f f e e …"), split by zero-width characters or soft
// hyphens, or broken up by colour escape sequences, none of which an
// exact search finds. So every run of at least minPiece characters of the
// token is removed, wherever it stands, with invisible characters
// (Unicode's default-ignorable ones, such as zero-width spaces, variation
// selectors and the combining grapheme joiner; the line and paragraph
// separators), white space and colour sequences between its characters
// ignored, and full-width letters and digits read as the ones they look
// like. Text that holds no such run
// comes back unchanged, invisible characters and all: the zero-width
// joiner and non-joiner are parts of words in some scripts, and site
// names are shown as Matomo has them.
//
// It runs on every site name and URL of a result, so the common case is
// one pass over the text's bytes without allocating: unless the text has
// minPiece characters of the token's alphabet in a row (ignorable
// characters aside), it cannot hold a piece.

// TokenPiece is the shortest piece of a token that counts as the token:
// echoes of that many of its characters in a row are removed, and the
// front ends mask a field that holds that many hex characters in a row.
// Twelve characters of a random 32-character hex token are 48 bits, which
// no ordinary text repeats by chance, and no address has such a run.
const TokenPiece = 12

// minPiece is the shortest piece of the token that is removed.
const minPiece = TokenPiece

// pieceFinder finds the runs of one token in texts.
type pieceFinder struct {
	// token is the secret as compared: lower case for a hex token, whose
	// echoes may be in any case.
	token []rune
	fold  bool
	// n is the shortest run removed: minPiece, or the whole token when it
	// is shorter.
	n int
	// class sorts the bytes for the quick test (see mayHold); other
	// marks a token with characters beyond ASCII (then the quick test lets
	// every letter through).
	class [256]byteClass
	other bool
	// resets marks the bytes that end a run wherever they stand: ASCII
	// outside the token's alphabet, white space and colour sequences
	// (whose digits, ';', ':' and 'm' are passed over inside one).
	resets [256]bool
	// starts maps every n-rune piece of the token to where it starts.
	starts map[string][]int
	// removed is what a run is replaced with: tokenRemoved, or
	// passwordRemoved for the password's runs.
	removed string
}

func newPieceFinder(secret string) *pieceFinder {
	if secret == "" {
		return nil
	}
	p := &pieceFinder{fold: isHex(secret), removed: tokenRemoved}
	// Compared as texts are: without white space or invisible characters
	// (a token of another shape may have spaces).
	for _, c := range p.significant(secret, nil) {
		p.token = append(p.token, c.r)
	}
	if len(p.token) == 0 {
		return nil
	}
	p.n = min(minPiece, len(p.token))
	for c := range p.class {
		switch {
		case c >= utf8.RuneSelf:
			p.class[c] = beyondASCII
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			p.class[c] = skipped
		case c == 0x1b || c == '[':
			p.class[c] = colourStart
		}
	}
	for _, r := range p.token {
		if r < utf8.RuneSelf {
			p.class[r] = inToken
			if p.fold && 'a' <= r && r <= 'f' {
				p.class[r-'a'+'A'] = inToken
			}
		} else {
			p.other = true
		}
	}
	for c := range utf8.RuneSelf {
		p.resets[c] = p.class[c] == notInToken && !strings.ContainsRune("0123456789;:m", rune(c))
	}
	p.starts = make(map[string][]int, len(p.token))
	for i := 0; i+p.n <= len(p.token); i++ {
		key := string(p.token[i : i+p.n])
		p.starts[key] = append(p.starts[key], i)
	}
	return p
}

// redact replaces every run of the token in s with p.removed.
func (p *pieceFinder) redact(s string) string {
	if p == nil || !p.mayHold(s) {
		return s
	}
	// A site name or address is cut to 300 characters before it gets
	// here; its characters fit on the stack. A hostile server may put the
	// token into every one of 500,000 names: nothing but the result may
	// be allocated per text, or the garbage alone outgrows the memory
	// bound (decode.go).
	var small [300]char
	chars := p.significant(s, small[:0])
	var b strings.Builder
	b.Grow(len(s))
	last := 0 // bytes of s written so far
	for i := 0; i+p.n <= len(chars); {
		n := p.longestAt(chars, i)
		if n == 0 {
			i++
			continue
		}
		b.WriteString(s[last:chars[i].from])
		b.WriteString(p.removed)
		last = chars[i+n-1].to
		i += n
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// byteClass is what a byte means to the quick test.
type byteClass uint8

const (
	notInToken  byteClass = iota
	inToken               // an ASCII character of the token
	skipped               // ASCII white space
	colourStart           // may start a colour sequence
	beyondASCII           // part of a longer UTF-8 sequence
)

// mayHold is the quick test: does s have p.n characters of the token's
// alphabet in a row, ignorable characters aside?
//
// Such a run spans at least p.n bytes, none of which ends a run. So where
// the last byte of a stretch of p.n bytes ends runs for certain (resets),
// no run starts in that stretch, and the stretch is passed over whole: a
// site name or address is mostly letters outside the token's alphabet,
// and this test runs on every one of them. The exact pass through the
// table starts at the first stretch that may hold the start of a run.
func (p *pieceFinder) mayHold(s string) bool {
	for i := 0; i+p.n <= len(s); {
		last := i + p.n - 1
		if p.resets[s[last]] {
			i += p.n
			continue
		}
		found, next := p.runFrom(s, i, last)
		if found {
			return true
		}
		i = next
	}
	return false
}

// runFrom is mayHold's exact pass through the table, for a run that
// starts at i or later: it reports a run of p.n, or where to go on from
// once a run has ended at or after last (no run starts before that). With
// last at len(s) it reads to the end.
func (p *pieceFinder) runFrom(s string, i, last int) (found bool, next int) {
	run := 0
	for i < len(s) {
		switch p.class[s[i]] {
		case inToken:
			run++
			if run >= p.n {
				return true, 0
			}
			i++
		case skipped:
			i++
		case notInToken:
			if run = 0; i >= last {
				return false, i + 1
			}
			i++
		case colourStart:
			if n := colourLen(s[i:]); n > 0 {
				i += n
				continue
			}
			if run = 0; i >= last {
				return false, i + 1
			}
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case ignorable(r) || unicode.IsSpace(r):
			case p.other || narrow(r) < utf8.RuneSelf && p.class[narrow(r)] == inToken:
				run++
				if run >= p.n {
					return true, 0
				}
			default:
				if run = 0; i >= last {
					return false, i + size
				}
			}
			i += size
		}
	}
	return false, len(s)
}

// char is one character of a text that counts: the rune as compared, and
// where it stands in the text.
type char struct {
	r        rune
	from, to int
}

// significant appends to out the characters of s that count, ignorable
// ones left out.
func (p *pieceFinder) significant(s string, out []char) []char {
	for i := 0; i < len(s); {
		if n := colourLen(s[i:]); n > 0 {
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !ignorable(r) && !unicode.IsSpace(r) {
			r = narrow(r)
			if p.fold && 'A' <= r && r <= 'F' {
				r += 'a' - 'A'
			}
			out = append(out, char{r: r, from: i, to: i + size})
		}
		i += size
	}
	return out
}

// longestAt is the length of the longest run of the token that starts at
// chars[i], or 0 when none of at least p.n does.
func (p *pieceFinder) longestAt(chars []char, i int) int {
	// The key in UTF-8, as string([]rune) makes it, on the stack: a map
	// lookup by string(bytes) allocates nothing.
	var buf [4 * minPiece]byte
	key := buf[:0]
	for k := range p.n {
		key = utf8.AppendRune(key, chars[i+k].r)
	}
	best := 0
	for _, at := range p.starts[string(key)] {
		n := p.n
		for i+n < len(chars) && at+n < len(p.token) && chars[i+n].r == p.token[at+n] {
			n++
		}
		best = max(best, n)
	}
	return best
}

// ignorable reports the characters a search for the token looks through:
// those that show as nothing (isInvisible: zero-width spaces and joiners,
// soft hyphens, bidirectional marks, variation selectors, the combining
// grapheme joiner) and the line and paragraph separators.
func ignorable(r rune) bool { return isIgnorable(r) }

// narrow is r as the search for the token compares it: a full-width form
// of an ASCII character ("ａ９", as an input method in full-width mode
// types them) is that character, which it looks like.
func narrow(r rune) rune {
	if '\uff01' <= r && r <= '\uff5e' {
		return r - 0xfee0
	}
	return r
}

// colourLen is the length of a colour (SGR) sequence at the start of s,
// "ESC [ 31 m", or of what is left of one once the ESC is removed as a
// control character ("[31m"); 0 when s does not start with one.
func colourLen(s string) int {
	i := 0
	if strings.HasPrefix(s, "\x1b") {
		i++
	}
	if i >= len(s) || s[i] != '[' {
		return 0
	}
	for j := i + 1; j < len(s) && j < i+24; j++ {
		switch c := s[j]; {
		case c == 'm':
			return j + 1
		case c >= '0' && c <= '9' || c == ';' || c == ':':
		default:
			return 0
		}
	}
	return 0
}
