// Package locale decides which language a person reads, as one of
// Matomo's language codes (de, en, pt-br, zh-tw): the --lang value when
// one was given, else the POSIX locale of the environment. The wizard's
// own text and the labels of Matomo's screens both start from here, so
// that they cannot disagree about what "the person's language" is.
package locale

import (
	"fmt"
	"strings"
)

// English is the language of the C and POSIX locales, and of everything
// when nothing else is known.
const English = "en"

// Language returns the person's language: flag (a --lang value, "" when
// none was given), else the first of LC_ALL, LC_MESSAGES and LANG that is
// set, in the order POSIX gives them precedence for messages. "C" and
// "POSIX" mean English; so does a locale that cannot be read, since it
// says nothing about a language. A flag that cannot be read is an error:
// the person typed it and should hear so.
func Language(flag string, getenv func(string) string) (string, error) {
	if strings.TrimSpace(flag) != "" {
		code, err := Parse(flag)
		if err != nil {
			return "", err
		}
		return code, nil
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := strings.TrimSpace(getenv(name))
		if v == "" {
			continue
		}
		code, err := Parse(v)
		if err != nil {
			return English, nil
		}
		return code, nil
	}
	return English, nil
}

// regional are Matomo's language codes that carry a region; every other
// language is known to Matomo by its language alone.
var regional = map[string]bool{"es-ar": true, "pt-br": true, "zh-cn": true, "zh-tw": true}

// Parse reads one language name the way people and locales write it:
// "de", "DE", "de_DE.UTF-8", "de-AT", "pt_BR", "zh_TW.Big5", "sr@latin",
// "C", "POSIX". It returns Matomo's code: the language in lower case, with
// the region only where Matomo tells regions apart (pt-br, es-ar, zh-cn,
// zh-tw); Chinese without a region is zh-cn, and Hong Kong and Macao
// write traditional Chinese, zh-tw.
func Parse(s string) (string, error) {
	raw := strings.TrimSpace(s)
	v := raw
	// Codeset and modifier say how text is encoded, not which language.
	if i := strings.IndexAny(v, ".@"); i >= 0 {
		v = v[:i]
	}
	if v == "C" || v == "POSIX" {
		return English, nil
	}
	lang, region, _ := strings.Cut(strings.ReplaceAll(v, "_", "-"), "-")
	lang, region = strings.ToLower(lang), strings.ToLower(region)
	if !letters(lang, 2, 3) || region != "" && !letters(region, 2, 3) && !digits(region, 3) {
		return "", fmt.Errorf("%q is not a language code: use one such as de, en, fr or pt-br", printable(raw))
	}
	if lang == "zh" {
		switch region {
		case "tw", "hk", "mo":
			return "zh-tw", nil
		}
		return "zh-cn", nil
	}
	if code := lang + "-" + region; regional[code] {
		return code, nil
	}
	return lang, nil
}

// Match picks, from the languages a Matomo lists, the one to use for
// code: code itself, else the same language without its region (pt-br
// where only pt exists), else the language's regional form (pt-br for pt
// where only pt-br exists). It returns "" when the Matomo has nothing in
// that language.
func Match(code string, available []string) string {
	find := func(c string) string {
		for _, a := range available {
			if strings.EqualFold(a, c) {
				return strings.ToLower(a)
			}
		}
		return ""
	}
	if a := find(code); a != "" {
		return a
	}
	base, _, _ := strings.Cut(strings.ToLower(code), "-")
	if a := find(base); a != "" {
		return a
	}
	for _, a := range available {
		if b, _, ok := strings.Cut(strings.ToLower(a), "-"); ok && b == base {
			return strings.ToLower(a)
		}
	}
	return ""
}

func letters(s string, lo, hi int) bool {
	if len(s) < lo || len(s) > hi {
		return false
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

func digits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// printable keeps a message about a typed value to one short line.
func printable(s string) string {
	var b strings.Builder
	for _, r := range s {
		if b.Len() >= 40 {
			b.WriteString("…")
			break
		}
		if r < ' ' || r == 0x7f {
			r = '?'
		}
		b.WriteRune(r)
	}
	return b.String()
}
