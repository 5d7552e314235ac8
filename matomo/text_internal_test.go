package matomo

import (
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
)

// FuzzCleanFastPaths: the ASCII fast paths (isCleanASCII in cleanField,
// appendCleanASCII in the decoder) give exactly what the full Unicode path
// gives, and take every string they can: printable ASCII without leading,
// trailing or double spaces, whose only escape is \/.
func FuzzCleanFastPaths(f *testing.F) {
	for _, s := range []string{"", "Shop", "https://shop.example", " lead", "trail ", "dou  ble", "tab\there",
		"Bäckerei", "a\u202eb", strings.Repeat("x", 200), strings.Repeat("x", 201), "a/b/c", `quote"d`, "back\\slash",
		"12345678  12345678", "1234567 8", "1234567  8", "\x7f", "~~~~~~~~~", "        "} {
		f.Add(s, 200)
		f.Add(s, 5)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		max = 1 + abs(max)%400
		slow := limitRunes(collapseSpace(stripUnsafe(s)), max)
		if got := cleanField(s, max); got != slow {
			t.Fatalf("cleanField(%q, %d) = %q, the full path gives %q", s, max, got, slow)
		}
		if isCleanASCII(s, max) != (s == slow && isPrintableASCII(s)) {
			t.Fatalf("isCleanASCII(%q, %d) = %v", s, max, isCleanASCII(s, max))
		}
		// The same text as Matomo sends it in JSON: "/" escaped as PHP does.
		quoted, err := jsontext.AppendQuote(nil, s)
		if err != nil {
			return // invalid UTF-8: not a fast-path case
		}
		raw := strings.ReplaceAll(string(quoted), "/", `\/`)
		content := []byte(raw[1 : len(raw)-1])
		out, ok := appendCleanASCII([]byte("before"), content, max)
		if !strings.HasPrefix(string(out), "before") {
			t.Fatalf("appendCleanASCII changed what was there: %q", out)
		}
		if got := string(out[len("before"):]); ok && got != s || !ok && got != "" {
			t.Fatalf("appendCleanASCII(%q) = %q, %v", content, got, ok)
		}
		if want := isCleanASCII(s, max) && !strings.ContainsAny(s, `"\`); ok != want {
			t.Fatalf("appendCleanASCII(%q, %d) took the fast path: %v, want %v", content, max, ok, want)
		}
	})
}

func isPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}
