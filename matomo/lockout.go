package matomo

import (
	_ "embed"
	"encoding/json"
	"html"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Matomo's two lock-outs must be recognised in whatever shape they come:
// every other class may offer to send the token again, and each send
// while locked out is one more failed login. Matomo names them by
// translation keys:
//
//   - Login_LoginNotAllowedBecauseBlocked: this computer's IP address;
//   - Login_LoginNotAllowedBecauseUserLoginBlocked (HTTP 403): the user's
//     login, from every computer.
//
// The requests ask for English (language=en), but a Matomo or a proxy in
// front of it may answer in the user's language, so every translation
// Matomo ships is known (lockouts.json, written from Matomo's own
// plugins/Login/lang/*.json by TestLockoutTextsAreMatomos), and the key
// itself, which Matomo shows where a translation is missing.
//
// The message is looked for in the text as a person would read it, not in
// its bytes: JSON escapes (\u0054) and HTML entities decoded, markup taken
// out (also inside a word: fa<i>i</i>led), and only letters, marks and
// digits compared, in lower case, so that white space, line breaks, soft
// hyphens and punctuation in between change nothing. What is compared is
// each translation's first sentence ("Too many failed logins."), which is
// how short answers quote it.

// lockoutsJSON is Matomo's translations of the two messages.
//
//go:embed lockouts.json
var lockoutsJSON []byte

// lockoutTexts is lockouts.json: per lock-out, per language, every text
// the Matomo versions it was written from use.
type lockoutTexts struct {
	Source   string              `json:"source"`
	IP       map[string][]string `json:"ip"`
	User     map[string][]string `json:"user"`
	Versions []string            `json:"versions"`
}

// Translation keys of the two lock-outs.
const (
	ipLockoutKey   = "Login_LoginNotAllowedBecauseBlocked"
	userLockoutKey = "Login_LoginNotAllowedBecauseUserLoginBlocked"
)

// lockoutPhrase is one text that gives a lock-out away.
type lockoutPhrase struct {
	folded string // as compared: see readingForm
	user   bool   // the user's login, not this computer
	text   string // Matomo's text, to show as its words
}

// lockoutIndex finds the phrases in a text in one pass: the phrases by
// the first byte of their UTF-8 form, so that a text of other letters is
// passed over byte by byte.
type lockoutIndex [256][]lockoutPhrase

// lockoutPhrases are every phrase, read from lockouts.json on first use
// (the program's start pays nothing for them).
var lockoutPhrases = sync.OnceValue(func() *lockoutIndex {
	var t lockoutTexts
	if err := json.Unmarshal(lockoutsJSON, &t); err != nil {
		panic("matomo: lockouts.json: " + err.Error()) // a test reads it
	}
	return buildLockoutIndex(t)
})

func buildLockoutIndex(t lockoutTexts) *lockoutIndex {
	idx := &lockoutIndex{}
	add := func(text string, user bool) {
		folded := readingForm(firstSentence(text))
		if folded == "" {
			return
		}
		first := folded[0]
		for _, p := range idx[first] {
			if p.folded == folded {
				return
			}
		}
		idx[first] = append(idx[first], lockoutPhrase{folded: folded, user: user, text: text})
	}
	// The user's lock-out first: where one text held both, it is the one
	// that says more.
	add(userLockoutKey, true)
	for _, lang := range sortedKeys(t.User) {
		for _, text := range t.User[lang] {
			add(text, true)
		}
	}
	add(ipLockoutKey, false)
	for _, lang := range sortedKeys(t.IP) {
		for _, text := range t.IP[lang] {
			add(text, false)
		}
	}
	return idx
}

func sortedKeys(m map[string][]string) []string {
	// English first, then German, then the rest in order: the text shown
	// as Matomo's words is the first that matches.
	rank := func(k string) string {
		switch k {
		case "en":
			return "0"
		case "de":
			return "1"
		}
		return "2" + k
	}
	keys := slices.Collect(maps.Keys(m))
	slices.SortFunc(keys, func(a, b string) int { return strings.Compare(rank(a), rank(b)) })
	return keys
}

// firstSentence is text up to the end of its first sentence, or all of it.
func firstSentence(text string) string {
	if i := strings.IndexAny(text, ".!?。！？"); i > 0 {
		return text[:i]
	}
	return text
}

// readingForm is text as the lock-out search reads it: letters, marks and
// digits only, in lower case. The caller has decoded escapes and taken
// markup out.
func readingForm(text string) string {
	b := make([]byte, 0, len(text))
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				b = append(b, c+'a'-'A')
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
				b = append(b, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) {
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
		i += n
	}
	return string(b)
}

// lockout is a recognised lock-out and the words that gave it away.
type lockout struct {
	*Error
	found string
}

// lockoutIn recognises either of Matomo's lock-outs anywhere in texts (a
// whole answer, or the messages of a bulk answer), or returns nil.
func lockoutIn(texts ...string) *lockout {
	idx := lockoutPhrases()
	for _, t := range texts {
		if t == "" {
			continue
		}
		decoded := html.UnescapeString(jsonUnescape(t))
		forms := []string{decoded}
		if strings.Contains(decoded, "<") {
			// Without markup (it may split a word) and with it (the
			// message may sit in an attribute, as in Matomo's XML errors).
			forms = []string{withoutTags(decoded), decoded}
		}
		for _, form := range forms {
			if p := idx.find(readingForm(form)); p != nil {
				e := ipLockout()
				if p.user {
					e = userLockout()
				}
				return &lockout{Error: e, found: cleanField(p.text, 300)}
			}
		}
	}
	return nil
}

// find returns the first phrase that folded holds, or nil.
func (idx *lockoutIndex) find(folded string) *lockoutPhrase {
	var found *lockoutPhrase
	for i := 0; i < len(folded); i++ {
		candidates := idx[folded[i]]
		for k := range candidates {
			p := &candidates[k]
			if strings.HasPrefix(folded[i:], p.folded) && (found == nil || p.user && !found.user) {
				found = p
			}
		}
		if found != nil && found.user {
			break
		}
	}
	return found
}

// withoutTags takes markup out of s without leaving a gap, so that a tag
// inside a word (fa<i>i</i>led) leaves the word whole.
func withoutTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		open := strings.IndexByte(s, '<')
		if open < 0 {
			break
		}
		end := strings.IndexByte(s[open:], '>')
		if end < 0 {
			break
		}
		b.WriteString(s[:open])
		s = s[open+end+1:]
	}
	b.WriteString(s)
	return b.String()
}

// jsonUnescape decodes JSON's escapes (\u0054, \n, \/, \") wherever they
// stand in s, which need not be JSON: a message may be escaped in a JSON
// answer, a bare string or a page that quotes one. A broken escape stays
// as it is.
func jsonUnescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		switch e := s[i+1]; e {
		case 'n', 't', 'r', 'b', 'f':
			b.WriteByte(' ')
			i++
		case '"', '\\', '/', '\'':
			b.WriteByte(e)
			i++
		case 'u':
			r, n := unicodeEscape(s[i:])
			if n == 0 {
				b.WriteByte(c)
				continue
			}
			b.WriteRune(r)
			i += n - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// unicodeEscape reads \uXXXX (and a surrogate pair \uXXXX\uXXXX) at the
// start of s: the character and the length read, or 0.
func unicodeEscape(s string) (rune, int) {
	hex4 := func(s string) (rune, bool) {
		if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
			return 0, false
		}
		v, err := strconv.ParseUint(s[2:6], 16, 16)
		return rune(v), err == nil
	}
	r, ok := hex4(s)
	if !ok {
		return 0, 0
	}
	if utf16.IsSurrogate(r) {
		if low, ok := hex4(s[6:]); ok {
			if pair := utf16.DecodeRune(r, low); pair != utf8.RuneError {
				return pair, 12
			}
		}
		return utf8.RuneError, 6
	}
	return r, 6
}

// How far past the first sniffLimit bytes an answer is searched for the
// lock-out: a page with large inline styles or scripts before the message
// (a theme's error page) is well within it, and reading stops there
// whatever follows. The search reads in windows that overlap by
// lockoutOverlap, more than any message with its escapes and markup, so
// only one window is held at a time.
const (
	lockoutScanLimit = 1 << 20
	lockoutWindow    = 64 << 10
	lockoutOverlap   = 8 << 10
)

// lockoutInRest searches the rest of an answer, after head, for the
// lock-out, up to lockoutScanLimit in all.
func lockoutInRest(head []byte, rest io.Reader) *lockout {
	buf := make([]byte, lockoutOverlap+lockoutWindow)
	kept := copy(buf, head[max(0, len(head)-lockoutOverlap):])
	for read := len(head); read < lockoutScanLimit; {
		n, err := io.ReadFull(rest, buf[kept:kept+min(lockoutWindow, lockoutScanLimit-read)])
		if n > 0 {
			if l := lockoutIn(string(buf[:kept+n])); l != nil {
				return l
			}
		}
		read += n
		if err != nil {
			return nil
		}
		end := kept + n
		kept = copy(buf, buf[end-min(end, lockoutOverlap):end])
	}
	return nil
}
