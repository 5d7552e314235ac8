package matomo

import (
	"html"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleanText makes a string that came from a server safe and tidy to show in
// a terminal: HTML entities decoded (Matomo's error messages carry them),
// control characters (escape sequences a hostile server could use to
// rewrite the screen) and bidirectional overrides removed, whitespace
// collapsed, and the result cut to max runes.
func cleanText(s string, max int) string {
	return limitRunes(collapseSpace(stripUnsafe(html.UnescapeString(s))), max)
}

// cleanField is cleanText for values Matomo already sends decoded (site
// names and URLs): no entity decoding, so "&amp;" in a name stays as typed.
func cleanField(s string, max int) string {
	if isCleanASCII(s, max) {
		return s
	}
	return limitRunes(collapseSpace(stripUnsafe(s)), max)
}

// isCleanASCII reports, in one pass over the bytes, whether s is printable
// ASCII that cleanField would leave as it is: no control character, no
// leading, trailing or double space, at most max characters. Site names
// and addresses nearly always are, and the Unicode checks then cost two
// thirds of reading 100,000 sites. Anything else takes the full path.
func isCleanASCII[T string | []byte](s T, max int) bool {
	if max > 0 && len(s) > max {
		return false
	}
	prev := byte(' ') // a space at the start is leading
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c > '~' || c == ' ' && prev == ' ' {
			return false
		}
		prev = c
	}
	return prev != ' ' || len(s) == 0
}

// Printable makes any text from outside (typed by a person, sent by a
// server) safe to print in a terminal: no control characters or
// bidirectional overrides, whitespace collapsed, at most max runes. The
// other packages quote input through it, so there is one rule for all.
func Printable(s string, max int) string { return cleanField(s, max) }

func stripUnsafe(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case unsafeRune(r):
			return -1
		}
		return r
	}, s)
}

func unsafeRune(r rune) bool {
	return r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r)
}

func collapseSpace(s string) string {
	if !strings.Contains(s, "  ") && strings.TrimSpace(s) == s && !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

func limitRunes(s string, max int) string {
	if max <= 0 || utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max-1]) + "…"
}

// Thousands writes a count the one way every front end shows counts:
// with a comma between groups of three digits (20,340 sites), as the
// wizard, the line mode, verify's summary, the report and the demo
// server all do. Site IDs are identifiers, typed into forms, and are
// written without it.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}
