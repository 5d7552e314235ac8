package matomo_test

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/internal/recording"
)

// FuzzParseAddress: whatever is typed, ParseAddress does not panic, and
// an address it accepts is already normal: printing and parsing it again
// gives the same address and nothing to note.
func FuzzParseAddress(f *testing.F) {
	for _, s := range []string{
		"https://analytics.example.org", "example.org/matomo/index.php?module=CoreHome#x", "//example.org",
		"http://127.0.0.1:8089/index.php/", "https://[::1]:8443/a%20b/", "::1", "https://user:pw@example.org",
		"HTTPS://EXAMPLE.ORG:443//", "https://bücher.example/matomo.php", "6b1562ed1b371ef36fa7ecb790eaa305",
		"javascript:alert(1)", "localhost:8080", "https://example.org:0", "https://ex%41mple.org", "https://a/%2F/index.php",
		"http://[fe80::1%25eth0]:80/", "https://example.org/\u202e/", "mailto:x@example.org", " https://x.example \n",
		"https://münchen.example:443", "xn--mnchen-3ya.example", "https://ｃ０ｆｆｅｅ０１２３４５６７８９ａｂｃｄｅｆ０１２３４５６７８９.de",
		"https://\u0430nalytics.example.org", "https://例え.テスト/matomo", "http://x.example:80/",
	} {
		f.Add(s)
	}
	if names, err := recording.Names(); err == nil {
		for _, n := range names {
			if rec, err := recording.Load(n); err == nil {
				f.Add(rec.URL.String())
			}
		}
	}
	f.Fuzz(func(t *testing.T, raw string) {
		a, err := matomo.ParseAddress(raw)
		if err != nil {
			var ae *matomo.AddressError
			if !errors.As(err, &ae) || ae.Problem.IsZero() || !a.IsZero() {
				t.Fatalf("refusal of %q is not a proper AddressError: %#v", raw, err)
			}
			return
		}
		s := a.String()
		u, err := url.Parse(s)
		if err != nil || u.User != nil || u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(s, "?# \t\n") ||
			a.Scheme() != "http" && a.Scheme() != "https" || a.Hostname() == "" ||
			strings.HasSuffix(s, "/") || !strings.HasSuffix(a.Endpoint(), "/index.php") {
			t.Fatalf("%q normalised to an unusable %q (endpoint %q)", raw, s, a.Endpoint())
		}
		// What goes into requests and DNS holds no token, whatever form
		// (wide digits, %-escapes, Unicode) it was typed in.
		if matomo.ContainsToken(s) || matomo.ContainsToken(a.Hostname()) || matomo.ContainsToken(a.Endpoint()) {
			t.Fatalf("%q normalised to %q, which holds a token", raw, s)
		}
		if !isASCIIText(a.Hostname()) {
			t.Fatalf("%q normalised to the host %q, which is not in the form DNS uses", raw, a.Hostname())
		}
		again, err := matomo.ParseAddress(s)
		if err != nil {
			t.Fatalf("%q normalised to %q, which is refused: %v", raw, s, err)
		}
		if again.String() != s || len(again.Notes) != 0 {
			t.Fatalf("%q normalised to %q, which re-parses to %q with notes %q", raw, s, again.String(), again.Notes)
		}
		if again.UnicodeHost() != a.UnicodeHost() || again.HostWarning().String() != a.HostWarning().String() {
			t.Fatalf("%q and its normal form %q are shown differently: %q/%q, %q/%q", raw, s,
				a.UnicodeHost(), again.UnicodeHost(), a.HostWarning(), again.HostWarning())
		}
	})
}

// FuzzParseToken: whatever is pasted, ParseToken does not panic, never
// repeats the input in an error or warning, and every way of printing the
// token shows only the fingerprint.
func FuzzParseToken(f *testing.F) {
	for _, s := range []string{
		"6b1562ed1b371ef36fa7ecb790eaa305", "6B1562ED1B371EF36FA7ECB790EAA305\r\n", " \t", "anonymous", "abc",
		"token_auth=6b1562ed1b371ef36fa7ecb790eaa305", "\"6b1562ed1b371ef36fa7ecb790eaa305\"", "a\x00b",
		"6b1562ed\n1b371ef36fa7ecb790eaa305", strings.Repeat("x", 513), "admin:abcd EFGH ijkl MNOP", "\u00a0ä\u00a0",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		check, err := matomo.ParseToken(raw)
		// Whitespace and the characters that show as nothing (a zero-width
		// space, the combining grapheme joiner) go from both ends.
		trimmed := strings.TrimFunc(raw, spaceOrInvisible)
		if err != nil {
			var te *matomo.TokenError
			if !errors.As(err, &te) || !check.Token.IsZero() {
				t.Fatalf("refusal is not a TokenError, or still holds a token: %#v", err)
			}
			// "anonymous" is refused by name, and an input that is itself a
			// piece of a message's fixed text ("token_auth=") is no echo;
			// nothing else may come back.
			if trimmed != "" && trimmed != "anonymous" && strings.Contains(err.Error(), trimmed) &&
				!strings.Contains(errorTexts(), trimmed) {
				t.Fatalf("the error repeats the input: %q", err.Error())
			}
			return
		}
		tok := check.Token
		if strings.Contains(asciiLower(raw), "token_auth=") {
			// The value of the parameter is the token (its own test says
			// which part); the name never is.
			if check.Unwrapped.IsZero() || strings.Contains(asciiLower(tok.Reveal()), "token_auth=") {
				t.Fatalf("%q: the token_auth= parameter was not taken away (Unwrapped %q)", raw, check.Unwrapped)
			}
		} else {
			want := trimmed // sent as pasted, minus surrounding whitespace
			if len(trimmed) == 32 && strings.Trim(strings.ToLower(trimmed), "0123456789abcdef") == "" {
				want = strings.ToLower(trimmed) // Matomo's tokens are lower-case hex
			}
			if tok.Reveal() != want || !check.Unwrapped.IsZero() {
				t.Fatalf("%q cleaned to a token other than %q (Unwrapped %q)", raw, want, check.Unwrapped)
			}
		}
		for _, w := range check.Warnings {
			// A token that is itself a piece of a warning's fixed text
			// ("toke") is no echo.
			if strings.Contains(w.String(), tok.Reveal()) && !strings.Contains(warningTexts(), tok.Reveal()) {
				t.Fatalf("a warning repeats the token: %q", w)
			}
		}
		printed := "token(" + fingerprintOf(tok.Reveal()) + ")"
		for _, got := range []string{
			fmt.Sprint(tok), fmt.Sprintf("%+v", tok), fmt.Sprintf("%#v", tok), fmt.Sprintf("%q", tok), fmt.Sprintf("%x", tok),
			tok.String(), tok.GoString(),
		} {
			if got != printed {
				t.Fatalf("printed as %q, want only the fingerprint %q", got, printed)
			}
		}
	})
}

// fingerprintOf states the documented fingerprint independently of the
// code: the length, and the last four characters only from 16 on.
func fingerprintOf(s string) string {
	n := utf8.RuneCountInString(s)
	if n < 16 {
		return fmt.Sprintf("%d characters", n)
	}
	r := []rune(s)
	return fmt.Sprintf("%d characters, ends …%s", n, string(r[n-4:]))
}

// asciiLower lower-cases A to Z only, as Matomo's parameter names are
// matched (a Kelvin sign is no k).
func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

// errorTexts is the fixed text of ParseToken's refusals that an input
// may coincide with ("token_auth=", a piece of a hint).
var errorTexts = sync.OnceValue(func() string {
	var all []string
	for _, s := range []string{"", "token_auth=", "?token_auth=a&token_auth=b", "a\x00", "a\u200b", strings.Repeat("x", matomo.MaxTokenLength+1)} {
		if _, err := matomo.ParseToken(s); err != nil {
			all = append(all, err.Error())
		}
	}
	return strings.Join(all, "\n")
})

// warningTexts is every warning ParseToken can give, for tokens of every
// accepted length and odd shape: the fixed text a token may coincide with.
var warningTexts = sync.OnceValue(func() string {
	var all []string
	samples := []string{`"x"`, "a b", strings.Repeat("g", 32)}
	for n := 1; n <= matomo.MaxTokenLength; n++ {
		samples = append(samples, strings.Repeat("x", n))
	}
	for _, s := range samples {
		if c, err := matomo.ParseToken(s); err == nil {
			all = append(all, english(c.Warnings)...)
		}
	}
	return strings.Join(all, "\n")
})

func isASCIIText(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// spaceOrInvisible is whitespace or a default-ignorable code point
// (Unicode's Cf, variation selectors, Other_Default_Ignorable_Code_Point
// and the soft hyphen), what ParseToken takes from a token's ends.
func spaceOrInvisible(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00ad' || r >= 0x100 && (unicode.Is(unicode.Cf, r) ||
		unicode.Is(unicode.Variation_Selector, r) || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r))
}
