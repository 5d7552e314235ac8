package matomo

import (
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"

	"matomo-onboard/internal/i18n"
)

// International host names (münchen.example) are written in the form DNS
// and every server knows, punycode (xn--mnchen-3ya.example): in the
// address, its links, the DNS lookup and the report. Go's HTTP client
// would convert a Unicode name by itself, but everything this program
// prints and checks would then differ from what it sends. People read
// the Unicode form, so it is shown beside the address, and a name whose
// letters could pass for other ones gets a second look before a token
// goes there.

// idnaProfile is the conversion browsers use for what people type: UTS 46
// mapping (upper case, wide and compatibility characters folded), the
// STD3 rules for host names, and the checks of hyphens, joiners and
// right-to-left labels.
var idnaProfile = idna.Lookup

// asciiHost is host, lower-cased and already checked by checkHost, in the
// form DNS uses. ASCII names and IP addresses stay as they are (the
// conversion would refuse names that work, such as docker_matomo).
func asciiHost(host string) (string, error) {
	if isASCII(host) {
		return host, nil
	}
	if _, err := netip.ParseAddr(host); err == nil {
		return host, nil // an IPv6 zone may hold any letter; checkHost judged it
	}
	ascii, err := idnaProfile.ToASCII(host)
	if err != nil {
		return "", idnaProblem(host, err)
	}
	if ascii == "" || strings.Contains(ascii, "..") || strings.HasPrefix(ascii, ".") {
		return "", &AddressError{Problem: i18n.T(i18n.AddressEmptyPart, host), Hint: i18n.T(i18n.AddressDoubledDot)}
	}
	return ascii, nil
}

// idnaProblem says why an international name cannot be converted, naming
// the character or the part of the name that is wrong.
func idnaProblem(host string, err error) error {
	msg := err.Error()
	var r rune
	if _, scanErr := fmt.Sscanf(msg, "idna: disallowed rune U+%X", &r); scanErr == nil {
		return addressProblem(i18n.T(i18n.AddressIDNAChar, host, strconv.QuoteRune(r)), i18n.AddressTypeOrCopy)
	}
	return addressProblem(i18n.T(i18n.AddressIDNAInvalid, host), i18n.AddressTypeOrCopy)
}

// unicodeHost is the Unicode form of an ASCII host with international
// parts (xn--…), or "" when it reads the same either way or the parts are
// not valid punycode.
func unicodeHost(host string) string {
	if !strings.Contains(host, "xn--") {
		return ""
	}
	u, err := idnaProfile.ToUnicode(host)
	if err != nil || u == host {
		return ""
	}
	return Printable(u, 253)
}

// hostWarning says why a Unicode host name deserves a second look, or "".
// It follows what browsers check before they show a name in Unicode
// (Unicode Technical Standard 39): letters of several scripts in one
// part of the name, or a part in Cyrillic or Greek letters that all look
// like Latin ones (аррӏе for apple).
func hostWarning(unicodeName, asciiName string) i18n.Text {
	if unicodeName == "" {
		return i18n.Text{}
	}
	labels := strings.Split(unicodeName, ".")
	tld := labels[len(labels)-1]
	for _, label := range labels {
		scripts := labelScripts(label)
		if len(scripts) > 1 && !allowedMix(scripts) {
			return i18n.T(i18n.AddressMixesScripts, unicodeName, asciiName, scriptsText(scripts))
		}
		if len(scripts) == 1 && looksLatin(label, scripts[0]) && !slices.Contains(labelScripts(tld), scripts[0]) {
			return i18n.T(i18n.AddressLooksLatin, unicodeName, asciiName, scriptText(scripts[0]))
		}
	}
	return i18n.Text{}
}

// scriptsText names two or more scripts: "Latin and Cyrillic".
func scriptsText(scripts []string) i18n.Text {
	if len(scripts) == 1 {
		return scriptText(scripts[0])
	}
	return i18n.T(i18n.AddressScripts, scriptText(scripts[0]), scriptsText(scripts[1:]))
}

// scriptText is a script's name in the reader's language where the
// catalogue has it (the look-alikes of looksLatin among them), and
// Unicode's name (which is English) otherwise.
func scriptText(name string) i18n.Text {
	var m *i18n.Message
	switch name {
	case "Latin":
		m = i18n.AddressScriptLatin
	case "Cyrillic":
		m = i18n.AddressScriptCyrillic
	case "Greek":
		m = i18n.AddressScriptGreek
	case "Armenian":
		m = i18n.AddressScriptArmenian
	case "Arabic":
		m = i18n.AddressScriptArabic
	case "Hebrew":
		m = i18n.AddressScriptHebrew
	case "Georgian":
		m = i18n.AddressScriptGeorgian
	default:
		return i18n.Verbatim(name)
	}
	return i18n.T(m)
}

// labelScripts lists the scripts of a label's letters, in the order met;
// digits, hyphens and combining marks belong to none.
func labelScripts(label string) []string {
	var out []string
	for _, r := range label {
		if r < utf8.RuneSelf && !unicode.IsLetter(r) || unicode.In(r, unicode.Common, unicode.Inherited) {
			continue
		}
		name := scriptOf(r)
		if name != "" && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

// scriptNames are the scripts of unicode.Scripts in a fixed order, sorted
// on first use rather than at every start of the program.
var scriptNames = sync.OnceValue(func() []string {
	var names []string
	for name := range unicode.Scripts {
		if name != "Common" && name != "Inherited" {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
})

func scriptOf(r rune) string {
	if r < utf8.RuneSelf {
		return "Latin"
	}
	for _, name := range scriptNames() {
		if unicode.Is(unicode.Scripts[name], r) {
			return name
		}
	}
	return ""
}

// allowedMix is what writing systems mix by nature: Japanese (kanji, kana
// and Latin), Chinese with Bopomofo, Korean with Hanja (UTS 39's "highly
// restrictive" level).
func allowedMix(scripts []string) bool {
	for _, set := range [][]string{
		{"Latin", "Han", "Hiragana", "Katakana"},
		{"Latin", "Han", "Bopomofo"},
		{"Latin", "Han", "Hangul"},
	} {
		if !slices.ContainsFunc(scripts, func(s string) bool { return !slices.Contains(set, s) }) {
			return true
		}
	}
	return false
}

// latinLookalikes are the Cyrillic and Greek letters that pass for Latin
// ones in the usual fonts.
var latinLookalikes = map[string]string{
	"Cyrillic": "асԁеһіјӏорԛѕԝхуъьҽпгѵѡ",
	"Greek":    "αικνορτυχ",
}

// looksLatin reports whether every letter of label is one of script's
// look-alikes of Latin letters.
func looksLatin(label, script string) bool {
	set, ok := latinLookalikes[script]
	if !ok {
		return false
	}
	letters := 0
	for _, r := range label {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if !strings.ContainsRune(set, r) {
			return false
		}
	}
	return letters > 0
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
