package matomo

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzTokenRuns: in text without %-escapes or characters beyond ASCII,
// the scan finds exactly the runs the regular expression it replaced
// found, [0-9a-fA-F]{32,}; and whatever the text, what CutTokenPieces
// leaves holds neither a token nor a piece of one, however written.
func FuzzTokenRuns(f *testing.F) {
	tok := "0123456789abcdef0123456789ABCDEF"
	for _, s := range []string{"", tok, "https://analytics.example.de" + tok, tok[:31], tok + "x" + tok + tok,
		"token_auth=" + tok + "&x", "\xff" + tok + "\xfe", "é" + tok[:20] + "\u200b" + tok[20:],
		"https://x.org/" + percentAll(tok[:20]) + tok[20:], fullWidthOf(tok), "%%41" + tok[:11] + "%4"} {
		f.Add(s)
	}
	re := regexp.MustCompile(`[0-9a-fA-F]{32,}`)
	f.Fuzz(func(t *testing.T, s string) {
		folded := foldText(s)
		if isASCII(s) && !strings.Contains(s, "%") {
			var want, got [][2]int
			for _, m := range re.FindAllStringIndex(s, -1) {
				want = append(want, [2]int{m[0], m[1]})
			}
			for _, r := range folded.hexRuns(tokenLength) {
				from, to := folded.bytes(r)
				got = append(got, [2]int{from, to})
			}
			if !slices.Equal(got, want) {
				t.Errorf("runs of %q: %v, the regular expression finds %v", s, got, want)
			}
		}
		if cut := CutTokenPieces(s); ContainsTokenPiece(cut.Text) {
			t.Errorf("CutTokenPieces(%q) left %q, which holds a piece", s, cut.Text)
		}
		if !utf8.ValidString(s) {
			return
		}
		if u, err := url.PathUnescape(s); err == nil && !strings.Contains(u, "%") && ContainsToken(u) && !ContainsToken(s) {
			t.Errorf("%q holds a token once its %%-escapes are decoded, but ContainsToken misses it", s)
		}
	})
}

// percentAll writes every byte of s as a %-escape.
func percentAll(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteString("%" + strings.ToUpper(string("0123456789abcdef"[s[i]>>4])+string("0123456789abcdef"[s[i]&15])))
	}
	return b.String()
}

func fullWidthOf(s string) string {
	return strings.Map(func(r rune) rune { return r + 0xfee0 }, s)
}

// TestTokensAreFoundAsTheyWouldTravel: a token written with %-escapes,
// in full-width or mathematical digits and letters (an input method in
// full-width mode; IDNA maps them to ASCII before the name is looked up),
// or split by invisible characters, is a token; its pieces of 12 or more
// are pieces.
func TestTokensAreFoundAsTheyWouldTravel(t *testing.T) {
	const tok = "a9e0c1b2d3f4a5b6c7d8e9f0a1b2c3d4"
	math := strings.Map(func(r rune) rune { // 𝟎–𝟗 and 𝐚–𝐟, mathematical bold
		if r <= '9' {
			return r - '0' + 0x1d7ce
		}
		return r - 'a' + 0x1d41a
	}, tok)
	for name, s := range map[string]string{
		"%-escaped":                   "https://x.org/" + percentAll(tok),
		"%-escaped, lower case":       "https://x.org/" + strings.ToLower(percentAll(tok)),
		"half %-escaped":              "https://x.org/" + tok[:16] + percentAll(tok[16:]),
		"full-width host":             "https://" + fullWidthOf(tok) + ".example.org",
		"full-width, upper case":      "https://" + fullWidthOf(strings.ToUpper(tok)) + ".example.org",
		"mathematical bold":           "https://" + math + ".example.org",
		"split by variation selector": "https://x.org/" + strings.Join(strings.Split(tok, ""), "\ufe0f"),
		"token_auth%3D":               "https://x.org/?token_auth%3Dsecret",
		"token%5Fauth=":               "https://x.org/?token%5Fauth=secret",
	} {
		if !ContainsToken(s) {
			t.Errorf("%s: ContainsToken(%q) = false", name, s)
		}
		if cut := CutToken(s); ContainsTokenPiece(cut.Text) || strings.Contains(cut.Text, "secret") {
			t.Errorf("%s: CutToken(%q) left %q", name, s, cut.Text)
		}
	}
	for name, s := range map[string]string{
		"12 characters":                  "https://x.org/" + tok[:12],
		"31 characters":                  "https://x.org/" + tok[:31],
		"split by a space":               "https://x.org/" + tok[:16] + " " + tok[16:],
		"split by a line break":          tok[:16] + "\n" + tok[16:],
		"12 full-width characters":       "https://" + fullWidthOf(tok[:12]) + ".example.org",
		"%-escaped, 12 characters":       "https://x.org/" + percentAll(tok[:12]),
		"a wide digit inside a hex word": "https://x.org/cafe" + fullWidthOf("12") + "deadbeef",
		"full-width and %-escaped":       "https://x.org/" + percentAll(fullWidthOf(tok[:12])),
	} {
		if ContainsToken(s) || !ContainsTokenPiece(s) {
			t.Errorf("%s: %q: token %v, piece %v; want a piece only", name, s, ContainsToken(s), ContainsTokenPiece(s))
		}
		if cut := CutTokenPieces(s); !cut.Piece || ContainsTokenPiece(cut.Text) {
			t.Errorf("%s: CutTokenPieces(%q) = %+v", name, s, cut)
		}
	}
	for _, s := range []string{"https://analytics.example.de/matomo", "https://[2001:db8:85a3::8a2e:370:7334]:8443",
		"https://cafe-deadbeef.example/web", "https://xn--mnchen-3ya.example", "100%25 sure", "https://example.org/%41%42%43",
		"https://shop-12345678901.example",
		// The hex digits of an escaped character are not its text: this is
		// "ü" and eleven zeros, as the fuzzer found.
		"https://xn--tda/00%C3%BC00000000000"} {
		if ContainsTokenPiece(s) {
			t.Errorf("ContainsTokenPiece(%q) = true, but it holds no run of 12", s)
		}
	}
}

// TestATokenBeingTypedIsAnOpenTail: the end of a text that may still grow
// into a token, and what of it may show.
func TestATokenBeingTypedIsAnOpenTail(t *testing.T) {
	const tok = "a9e0c1b2d3f4a5b6c7d8e9f0a1b2c3d4"
	for _, tc := range []struct {
		in    string
		kind  TokenTail
		shown string
	}{
		{"https://analytics.example.de", TailNone, ""},
		{"https://analytics.example.de" + tok[:9], TailNone, ""}, // "de" + 9: 11
		{"https://analytics.example.de" + tok[:10], TailHex, "https://analytics.example."},
		{"https://analytics.example.de" + tok[:30], TailHex, "https://analytics.example."},
		{"https://analytics.example.de" + tok[:31], TailHex, "https://analytics.example.d"},
		{"https://analytics.example.de" + tok, TailHex, "https://analytics.example.de"},
		{"https://x.org/" + tok + tok, TailHex, "https://x.org/"},
		{"https://x.org/?a=1&token_auth=" + tok[:3], TailValue, "https://x.org/?a=1&"},
		{"https://x.org/?a=1&TOKEN_AUTH=", TailValue, "https://x.org/?a=1&"},
		{"https://x.org/?token_auth=" + tok + "&b=2", TailNone, ""},
		{"https://x.org/" + percentAll(tok[:12]), TailHex, "https://x.org/"},
		{"https://x.org/" + percentAll(tok[:12]) + "%", TailHex, "https://x.org/"}, // the next escape being typed
		{"https://x.org/" + percentAll(tok[:12]) + "%3", TailHex, "https://x.org/"},
		{"https://x.org/" + percentAll(tok[:11]) + "%3", TailNone, ""},
		{"https://x.org/?token_auth=user:abcd efgh", TailValue, "https://x.org/?"}, // a space does not end it
	} {
		got := OpenTokenTail(tc.in)
		if got.Kind != tc.kind || tc.kind != TailNone && tc.in[:got.Shown] != tc.shown {
			t.Errorf("OpenTokenTail(%q) = %+v (shows %q), want %v showing %q", tc.in, got, tc.in[:got.Shown], tc.kind, tc.shown)
		}
	}
}
