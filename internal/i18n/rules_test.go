package i18n

import (
	"strings"
	"testing"
	"unicode"
)

// sameInGerman are the words German writes as English does, which a
// German text may keep: names, and terms German took over. Anything
// technical (an option, an address, a name with a dot, a number) is
// recognised by its form instead (technical).
var sameInGerman = map[string]bool{
	"Matomo": true, "Acona": true, "Token": true, "OK": true,
	"API": true, "URL": true, "HTTP": true, "HTTPS": true, "JSON": true, "ID": true,
	"Link": true, "Version": true, "Markdown": true, "Problem": true, "kB": true, "MB": true,
}

// technical reports whether a word is code, an option, an address or a
// number rather than prose: the same in every language.
func technical(w string) bool {
	switch {
	case strings.HasPrefix(w, "-"), strings.ContainsAny(w, "/=_@`<>"):
		return true
	case strings.ContainsFunc(w, unicode.IsDigit):
		return true
	case strings.Contains(strings.Trim(w, "."), "."):
		return true // example.org, matomo-token.txt
	}
	return false
}

// untranslated are the words of a German text that is its English
// unchanged and are not words German writes the same.
func untranslated(text string) []string {
	var out []string
	for _, field := range strings.Fields(withoutVerbs(text)) {
		core := strings.Trim(field, "()[]{}\"'“”„‚‘’«»,;:!?…")
		w := strings.TrimFunc(core, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) })
		if w == "" || technical(core) || sameInGerman[w] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// withoutVerbs is a format with its verbs replaced by spaces.
func withoutVerbs(format string) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			b.WriteByte(format[i])
			continue
		}
		j := i + 1
		for j < len(format) && !unicode.IsLetter(rune(format[j])) && format[j] != '%' {
			j++
		}
		b.WriteByte(' ')
		i = j
	}
	return b.String()
}

// problems are what is wrong with one message, in words.
func problems(e entry) []string {
	var out []string
	say := func(f string) { out = append(out, f) }
	if e.plural == 0 && (e.enOne != "" || e.deOne != "") {
		say("has a form for one (EnOne, DeOne) but no Plural argument")
	}
	for _, f := range e.forms() {
		what, en, de := f[0], f[1], f[2]
		label := "the German"
		if what != "" {
			label = "the German of " + what
		}
		switch {
		case en == "" && what != "":
			say("has Plural but no English form for one (EnOne)")
			continue
		case en == "":
			say("has no English (En)")
			continue
		case de == "" && what != "":
			say("has no German form for one (DeOne)")
			continue
		case de == "":
			say("has no German (De)")
			continue
		case en == de:
			if w := untranslated(de); len(w) > 0 {
				say(label + " is the English unchanged (" + strings.Join(w, ", ") + " are English words)")
			}
		}
		if edge(en) != edge(de) {
			say(label + " does not begin and end with the same spaces and line breaks as the English")
		}
		env, err := verbs(en)
		if what != "" {
			env, err = oneVerbs(en, e.en, e.plural)
		}
		if err != nil {
			say("the English: " + err.Error())
			continue
		}
		dev, err := verbs(de)
		if what != "" {
			dev, err = oneVerbs(de, e.de, e.plural)
		}
		if err != nil {
			say(label + ": " + err.Error())
			continue
		}
		if verbSet(env) != verbSet(dev) && !(what != "" && sameBesides(env, dev, e.plural)) {
			say(label + " takes " + orNone(verbSet(dev)) + ", the English " + orNone(verbSet(env)))
		}
		if e.plural > 0 && what == "" && !usesCount(env, e.plural) {
			say("Plural is argument " + itoa(e.plural) + ", which the English does not write with %d")
		}
	}
	if e.plural > 0 {
		// The forms for one may leave the count out ("eine Website"), and
		// nothing else.
		other, _ := verbs(e.en)
		for i, one := range []string{e.enOne, e.deOne} {
			vs, err := oneVerbs(one, []string{e.en, e.de}[i], e.plural)
			if err != nil {
				continue
			}
			if !sameBesides(vs, other, e.plural) {
				say("a form for one takes " + orNone(verbSet(vs)) + ", the other form " + orNone(verbSet(other)) +
					" (only the count may be left out)")
			}
		}
	}
	return out
}

func orNone(s string) string {
	if s == "" {
		return "no arguments"
	}
	return s
}

func itoa(n int) string { return string(rune('0' + n)) }

// usesCount reports whether argument n is written as a number.
func usesCount(vs []verb, n int) bool {
	for _, v := range vs {
		if v.N == n && strings.HasSuffix(v.Spec, "d") {
			return true
		}
	}
	return false
}

// sameBesides reports whether a takes the arguments of b, except perhaps
// argument n.
func sameBesides(a, b []verb, n int) bool {
	drop := func(vs []verb) []verb {
		var out []verb
		for _, v := range vs {
			if v.N != n {
				out = append(out, v)
			}
		}
		return out
	}
	return verbSet(drop(a)) == verbSet(drop(b))
}

// edge is the white space a text begins and ends with.
func edge(s string) string {
	t := strings.TrimSpace(s)
	if t == "" {
		return s
	}
	i := strings.Index(s, t)
	return s[:i] + "|" + s[i+len(t):]
}

// TestEveryMessageIsInGermanWithTheSameArguments is the catalogue's
// rule: every message has German, which is not the English unchanged,
// and takes the same arguments with the same verbs.
func TestEveryMessageIsInGermanWithTheSameArguments(t *testing.T) {
	for _, e := range catalogue(t) {
		for _, p := range problems(e) {
			t.Errorf("%s: %s %s", e.at, e.name, p)
		}
	}
}

// TestTheRulesCatchWhatTheyAreFor checks the rule on messages that break
// it, so that the test above cannot pass by finding nothing.
func TestTheRulesCatchWhatTheyAreFor(t *testing.T) {
	for _, tc := range []struct {
		e    entry
		want string // "" for a message without problems
	}{
		{entry{en: "Open %s", de: "%s öffnen"}, ""},
		{entry{en: "Open %s", de: ""}, "has no German"},
		{entry{en: "Open the page", de: "Open the page"}, "is the English unchanged (Open, the, page are English words)"},
		{entry{en: "Matomo %s: OK", de: "Matomo %s: OK"}, ""},
		{entry{en: "Token: %s (--json, https://x.example/)", de: "Token: %s (--json, https://x.example/)"}, ""},
		{entry{en: "Open %s at %s", de: "%s öffnen"}, "takes 1:%s, the English 1:%s 2:%s"},
		{entry{en: "%d sites at %s", de: "%[2]s: %[1]d Websites"}, ""},
		{entry{en: "%d sites", de: "%s Websites"}, "takes 1:%s, the English 1:%d"},
		{entry{en: "Done.\n", de: "Fertig."}, "does not begin and end with the same spaces"},
		{entry{en: "Said %q", de: "Sagte %z"}, "verb %z is not one messages use"},
		{entry{plural: 1, en: "%d sites", de: "%d Websites"}, "has Plural but no English form for one (EnOne)"},
		{entry{plural: 1, en: "%d sites", enOne: "%d site", de: "%d Websites"}, "has no German form for one (DeOne)"},
		{entry{plural: 1, en: "%d sites", enOne: "one site", de: "%d Websites", deOne: "eine Website"}, ""},
		{entry{plural: 1, en: "%d sites of %s", enOne: "one site", de: "%d Websites von %s", deOne: "eine Website von %s"},
			"a form for one takes no arguments, the other form 1:%d 2:%s"},
		{entry{plural: 2, en: "%s: %s sites", enOne: "%s: %s site", de: "%s: %s Websites", deOne: "%s: %s Website"},
			"Plural is argument 2, which the English does not write with %d"},
		{entry{en: "Open", de: "Öffnen", enOne: "x"}, "has a form for one (EnOne, DeOne) but no Plural argument"},
		{entry{plural: 1, en: "%d sites of %s", enOne: "%d site of %s", de: "%d Websites von %s", deOne: "eine Website von %s"}, ""},
	} {
		got := strings.Join(problems(tc.e), "; ")
		switch {
		case tc.want == "" && got != "":
			t.Errorf("%+v: %s", tc.e, got)
		case tc.want != "" && !strings.Contains(got, tc.want):
			t.Errorf("%+v: problems %q, want one with %q", tc.e, got, tc.want)
		}
	}
}
