package matomo

import (
	"regexp"
	"slices"
	"testing"
)

// FuzzTokenRuns: the plain scan finds exactly the runs the regular
// expression it replaced found, [0-9a-fA-F]{32,}, in any text (invalid
// UTF-8 included).
func FuzzTokenRuns(f *testing.F) {
	tok := "0123456789abcdef0123456789ABCDEF"
	for _, s := range []string{"", tok, "https://analytics.example.de" + tok, tok[:31], tok + "x" + tok + tok,
		"token_auth=" + tok + "&x", "\xff" + tok + "\xfe", "é" + tok[:20] + "\u200b" + tok[20:]} {
		f.Add(s)
	}
	re := regexp.MustCompile(`[0-9a-fA-F]{32,}`)
	f.Fuzz(func(t *testing.T, s string) {
		var want [][2]int
		for _, m := range re.FindAllStringIndex(s, -1) {
			want = append(want, [2]int{m[0], m[1]})
		}
		if got := tokenRuns(s); !slices.Equal(got, want) {
			t.Errorf("tokenRuns(%q) = %v, the regular expression finds %v", s, got, want)
		}
	})
}
