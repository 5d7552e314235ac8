package matomo

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// Near copies of the token are removed however they are written; text
// without one is left exactly as it was.
func TestNearCopiesOfTheTokenAreRemoved(t *testing.T) {
	const tok = "6b1562ed1b371ef36fa7ecb790eaa305"
	spaced := strings.Join(strings.Split(tok, ""), " ")
	for name, in := range map[string]string{
		"spaced out":                    "Shop " + spaced + " end",
		"split by zero-width spaces":    "Shop " + tok[:10] + "\u200b" + tok[10:20] + "\u200b\u200b" + tok[20:] + " end",
		"split by a zero-width joiner":  "Shop " + tok[:16] + "\u200d" + tok[16:] + " end",
		"split by soft hyphens":         "Shop " + strings.Join([]string{tok[:8], tok[8:16], tok[16:24], tok[24:]}, "\u00ad") + " end",
		"split by line separators":      "Shop " + tok[:16] + "\u2028" + tok[16:] + " end",
		"split by a colour sequence":    "Shop " + tok[:12] + "\x1b[1;31m" + tok[12:] + " end",
		"what a colour sequence left":   "Shop " + tok[:12] + "[31m" + tok[12:] + " end",
		"upper case, spaced":            "Shop " + strings.ToUpper(tok[:16]) + " " + strings.ToUpper(tok[16:]) + " end",
		"the first 28 characters":       "Shop " + tok[:28] + " end",
		"12 characters from the middle": "Shop " + tok[10:22] + " end",
		"the last 20, glued":            "Shop" + tok[12:] + "end",
		// Default-ignorable characters a font draws as nothing (attack1 F6).
		"split by combining grapheme joiners": "Shop " + strings.Join(strings.Split(tok, ""), "\u034f") + " end",
		"split by variation selectors":        "Shop " + strings.Join(strings.Split(tok, ""), "\ufe0f") + " end",
		"split by supplementary selectors":    "Shop " + strings.Join(strings.Split(tok, ""), "\U000e0100") + " end",
		"split by Mongolian selectors":        "Shop " + strings.Join(strings.Split(tok, ""), "\u180b") + " end",
		"split by the fourth Mongolian one":   "Shop " + strings.Join(strings.Split(tok, ""), "\u180f") + " end",
		"split by Hangul fillers":             "Shop " + strings.Join(strings.Split(tok, ""), "\u3164") + " end",
		"in full-width letters and digits":    "Shop " + fullWidth(tok) + " end",
		"half full-width, upper case":         "Shop " + strings.ToUpper(tok[:16]) + fullWidth(strings.ToUpper(tok[16:])) + " end",
	} {
		got := redactText(in, tok)
		if got != "Shop [token removed] end" && got != "Shop[token removed]end" {
			t.Errorf("%s: %q became %q", name, in, got)
		}
	}
	for name, in := range map[string]string{
		"11 characters":                 "Shop " + tok[:11] + " end",
		"the fingerprint":               "token ends …" + tok[28:],
		"a zero-width joiner in a name": "क्\u200dष Shop \u200c" + tok[:8],
		"an emoji with its selector":    "Café ❤\ufe0f " + tok[:8] + "\ufe0f",
		"a Mongolian word":              "ᠮᠣᠩᠭᠣᠯ\u180b ᠬᠡᠯᠡ",
		"full-width words":              "Ｓｈｏｐ ＡＢＣ " + fullWidth(tok[:11]),
		"11 characters with selectors":  "Shop " + strings.Join(strings.Split(tok[:11], ""), "\ufe0f"),
		"hex words":                     "Cafe Bad Ebbe Deaf Bee 1234",
		"a colour sequence only":        "\x1b[31mred\x1b[0m",
		"empty":                         "",
	} {
		if got := redactText(in, tok); got != in {
			t.Errorf("%s: %q became %q, but it holds no piece of the token", name, in, got)
		}
	}
}

// fullWidth writes s's ASCII characters in their full-width forms.
func fullWidth(s string) string {
	return strings.Map(func(r rune) rune { return r + 0xfee0 }, s)
}

func TestNearCopiesOfATokenOfAnotherShape(t *testing.T) {
	const tok = "wp-user:Abcd Efgh Ijkl Mnop"
	for _, in := range []string{"x " + tok[:14] + " y", "x " + strings.Join(strings.Split(tok[3:20], ""), "\u200b") + " y"} {
		if got := redactText(in, tok); strings.Contains(got, "Abcd") || !strings.Contains(got, tokenRemoved) {
			t.Errorf("%q became %q", in, got)
		}
	}
	// A short token: only whole, but spaced or split too.
	if got := redactText("got s h o\u200brt1!", "short1"); got != "got [token removed]!" {
		t.Errorf("a split short token became %q", got)
	}
	if got := redactText("short", "short1"); got != "short" {
		t.Errorf("a part of a short token became %q", got)
	}
}

// FuzzNearCopies: whatever surrounds and splits the token, no piece of 12
// of its characters survives; text that holds none is unchanged.
func FuzzNearCopies(f *testing.F) {
	const tok = "6b1562ed1b371ef36fa7ecb790eaa305"
	f.Add("Shop ", " end", 3, "\u200b")
	f.Add("", "", 0, " ")
	f.Add("Café क्\u200dष", "[31m", 17, "\x1b[0m")
	f.Fuzz(func(t *testing.T, before, after string, cut int, sep string) {
		if !utf8.ValidString(before + after + sep) {
			return
		}
		p := newPieceFinder(tok)
		plain := before + after
		if got := p.redact(plain); !hasPiece(p, plain) && got != plain {
			t.Fatalf("%q holds no piece, yet became %q", plain, got)
		}
		cut = abs(cut) % len(tok)
		in := before + tok[:cut] + sep + tok[cut:] + after
		if got := p.redact(in); hasPiece(p, got) {
			t.Fatalf("%q became %q, which still holds a piece of the token", in, got)
		}
	})
}

// hasPiece reports whether s holds a run of p.n characters of the token,
// ignorable characters aside, by brute force.
func hasPiece(p *pieceFinder, s string) bool {
	chars := p.significant(s, nil)
	var text []rune
	for _, c := range chars {
		text = append(text, c.r)
	}
	for i := 0; i+p.n <= len(p.token); i++ {
		if strings.Contains(string(text), string(p.token[i:i+p.n])) {
			return true
		}
	}
	return false
}

// BenchmarkRedactSiteNames is the echo removal as it runs on a result:
// one redactor, every site's name and URL, almost none holding the token.
func BenchmarkRedactSiteNames(b *testing.B) {
	const tok = "6b1562ed1b371ef36fa7ecb790eaa305"
	var texts []string
	for i := range 1000 {
		texts = append(texts,
			fmt.Sprintf("Nordlicht Brauerei %d (Staging) – Café Deaf Bee", i),
			fmt.Sprintf("https://shop-%d.example-decade.de/fr/?utm=abc%x", i, i*7919),
		)
	}
	texts = append(texts, "Echo "+tok[:20]+"\u200b"+tok[20:]) // one that does
	r := newRedactor(tok)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range texts {
			_ = r.text(s)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(texts)), "ns/text")
}

// FuzzQuickTestSkipsOnlyWhatCannotHoldAPiece: mayHold, which passes over
// stretches of text, says what the exact pass over every byte says.
func FuzzQuickTestSkipsOnlyWhatCannotHoldAPiece(f *testing.F) {
	const secret = "c0ffee00c0ffee00c0ffee00c0ffee42"
	for _, s := range []string{"", "Big site 12345", "https://big-12345.example", secret, "c 0 f f e e 0 0 c 0 f f e e",
		secret[:14] + "\x1b[1;31m" + secret[14:], "[31m" + secret[:12], "xx" + secret[:10] + "\u200b" + secret[10:14],
		strings.ToUpper(secret[4:30]), "Bäckerei c0ffee00c0ff", "mmmmmmmmmmmmc0ffee00c0ffee00", ";;;;;;;;;;;;;;;c0ffee00c0ffee"} {
		f.Add(s, secret)
		f.Add(s, "Pässwort mit Leerzeichen")
	}
	f.Fuzz(func(t *testing.T, s, secret string) {
		p := newPieceFinder(secret)
		if p == nil {
			return
		}
		if got, want := p.mayHold(s), exactMayHold(p, s); got != want {
			t.Fatalf("mayHold(%q) = %v, the exact pass says %v (token %q)", s, got, want, secret)
		}
	})
}

// exactMayHold is the exact pass over every byte of s.
func exactMayHold(p *pieceFinder, s string) bool {
	found, _ := p.runFrom(s, 0, len(s))
	return found
}
