package accessible

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// The answers that send a token or a password must be no easier to give
// by accident in German than in English: in German the line mode takes
// its German words beside the English ones, whole words only, with no
// one-letter alias of their own, and Enter alone never sends where it
// did not.

// nearMisses are answers close to a sending one, in either language: none
// may send, at any sending question, in either language.
var nearMisses = []string{
	"j", "J", "je", "jo", "jaa", "jap", "jein", "ja bitte", "ja.", "ja!", "1 ja", "3 ja", "yes please", "ye", "yess", "yep",
	"p", "pr", "prüf", "pruef", "prufen", "prüfe", "pruefe", "sende", "senden", "schicken", "ok", "okay", "o",
	"n", "ne", "nei", "nö", "nee", "nein danke", "nicht",
	"w", "wieder", "wiederhol", "nochmal senden", "check it", "checken", "d", "dat", "date", "daten prüfen",
	"1 nochmal", "3 prüfen", "e", "ers", "erstell", "c c", "-", "+",
}

// sendingQuestion is a question with an answer that sends: its answers
// in a session speaking lang, and the word of the one that sends.
type sendingQuestion struct {
	name    string
	choices func(s *session) []choice
	sends   []string
	// def is the answer Enter alone gives.
	def string
}

func sendingQuestions() []sendingQuestion {
	retryable := &matomo.Error{Class: matomo.ClassServerError}
	return []sendingQuestion{
		{name: "send a rejected token again", choices: func(s *session) []choice { return s.confirmChoices("", true) }, sends: []string{"check"}, def: "again"},
		{name: "send an odd token anyway", choices: func(s *session) []choice { return s.confirmChoices("", true) }, sends: []string{"check"}, def: "again"},
		{name: "the URL check", choices: (*session).urlCheckChoices, sends: []string{"yes"}, def: "no"},
		{name: "create (the two-factor question)", choices: (*session).twoFactorChoices, sends: []string{"no", "yes"}, def: ""},
		{name: "retry after a server error", choices: func(s *session) []choice {
			c, _ := s.failureChoices(retryable, true)
			return c
		}, sends: []string{"retry"}, def: "again"},
		{name: "the data check again", choices: func(s *session) []choice { return append(s.tokenChoices(), s.dataChoiceAlways()...) },
			sends: []string{"data"}},
	}
}

// dataChoiceAlways is the data answer, as dataChoice offers it after a
// time limit.
func (s *session) dataChoiceAlways() []choice {
	return []choice{{word: "data", label: s.t(i18n.LineDataAgainLabel)}}
}

func sends(q sendingQuestion, word string) bool {
	for _, w := range q.sends {
		if w == word {
			return true
		}
	}
	return false
}

// TestGermanMakesNoSendingAnswerEasier checks every sending question's
// answers in both languages: no near miss sends, no beginning of a German
// word sends, no single character sends in German that does not in
// English, Enter alone does not send, and what sends in German is exactly
// what sends in English plus the German word written out.
func TestGermanMakesNoSendingAnswerEasier(t *testing.T) {
	en := &session{cfg: Config{Printer: i18n.For("en")}}
	de := &session{cfg: Config{Printer: i18n.For("de")}}
	for _, q := range sendingQuestions() {
		t.Run(q.name, func(t *testing.T) {
			enChoices, deChoices := q.choices(en), q.choices(de)
			for _, s := range []*session{en, de} {
				choices := q.choices(s)
				for _, a := range append(nearMisses, "", " ") {
					if w, ok := s.pick(choices, a); ok && sends(q, w) {
						t.Errorf("%s: %q sends (%s)", s.cfg.Printer.Lang(), a, w)
					}
				}
				if sends(q, q.def) {
					t.Errorf("%s: Enter alone sends", s.cfg.Printer.Lang())
				}
			}
			for i, c := range deChoices {
				if !sends(q, c.word) {
					continue
				}
				german := de.w(c.word)
				runes := []rune(german)
				for n := 1; n < len(runes); n++ {
					if w, ok := de.pick(deChoices, string(runes[:n])); ok && sends(q, w) {
						if ew, eok := en.pick(enChoices, string(runes[:n])); !eok || ew != w {
							t.Errorf("de: %q, the beginning of %q, sends", string(runes[:n]), german)
						}
					}
				}
				// Exactly these send it in German: what sends in English,
				// and the German word.
				want := map[string]bool{strconv.Itoa(i + 1): true, c.word: true, strconv.Itoa(i+1) + " " + c.word: true,
					german: true, strconv.Itoa(i+1) + " " + german: true, umlautsSpelledOut.Replace(german): true,
					strconv.Itoa(i+1) + " " + umlautsSpelledOut.Replace(german): true}
				if c.alias != "" {
					want[c.alias] = true
				}
				if c.wordOnly { // the word alone, in either language
					want = map[string]bool{c.word: true, german: true, umlautsSpelledOut.Replace(german): true}
				}
				for a := range want {
					if w, ok := de.pick(deChoices, a); !ok || w != c.word {
						t.Errorf("de: %q does not choose %s", a, c.word)
					}
				}
			}
			for _, r := range "abcdefghijklmnopqrstuvwxyzäöüß0123456789?-+." {
				a := string(r)
				dw, dok := de.pick(deChoices, a)
				ew, eok := en.pick(enChoices, a)
				if dok && sends(q, dw) && (!eok || ew != dw) {
					t.Errorf("de: the single character %q sends (%s), which it does not in English", a, dw)
				}
			}
		})
	}
}

// TestNoNearMissSendsInASession drives a session in each language to each
// question that sends a token or a password, types every near miss there,
// and stops: each is refused as no answer, and nothing is sent.
func TestNoNearMissSendsInASession(t *testing.T) {
	type lang struct {
		p                                           *i18n.Printer
		token, check, again, create, urlCheck, quit string
		notAnAnswer                                 string
	}
	langs := []lang{
		{i18n.For("en"), "token", "check", "again", "create", "url-check", "quit", "is not one of the answers"},
		{i18n.For("de"), "token", "prüfen", "nochmal", "erstellen", "url-prüfung", "beenden", "ist keine der Antworten"},
	}
	for _, l := range langs {
		for _, c := range []struct {
			name string
			data demomatomo.Data
			// to answers the questions up to the sending one.
			to func(l lang) []string
			// quits is how many quit answers end the session from there.
			quits int
			// tokens and creates are the requests that went out before
			// the question.
			tokens, creates int
		}{
			{name: "send a rejected token again", data: demomatomo.Recorded(), quits: 1, tokens: 1,
				to: func(l lang) []string {
					return []string{"", l.token, demomatomo.TokenUnknown, l.check, l.again, demomatomo.TokenUnknown}
				}},
			{name: "send an odd token anyway", data: demomatomo.Recorded(), quits: 1,
				to: func(l lang) []string { return []string{"", l.token, "abc"} }},
			{name: "the URL check", data: demomatomo.Recorded(), quits: 2, tokens: 1,
				to: func(l lang) []string {
					return []string{"", l.token, demomatomo.TokenViewer, l.check, l.urlCheck}
				}},
			{name: "create", data: createData(), quits: 1,
				to: func(l lang) []string { return []string{"", l.create, "viewer", linePassword, "", ""} }},
		} {
			t.Run(l.p.Lang()+"/"+c.name, func(t *testing.T) {
				srv := startFake(t, c.data, demomatomo.Options{})
				// A near miss that is another answer there (n for no at
				// the URL check) moves on: the first test checks those.
				misses := refused(l.p, c.name, nearMisses)
				answers := append(c.to(l), misses...)
				for range c.quits {
					answers = append(answers, l.quit)
				}
				tr := run(t, Config{URL: srv.URL, Printer: l.p}, answers...)
				if !errors.Is(tr.err, ErrQuit) {
					t.Fatalf("Run: %v, want the quit typed at the end", tr.err)
				}
				if n := tr.outcome.TokenRequests; n != c.tokens {
					t.Errorf("%d token requests, want %d: a near miss sent the token", n, c.tokens)
				}
				if n := creates(t, srv, linePassword); n != c.creates {
					t.Errorf("%d create requests, want %d: a near miss sent the password", n, c.creates)
				}
				if n := strings.Count(tr.out, l.notAnAnswer); n != len(misses) {
					t.Errorf("%d answers refused, want all %d near misses", n, len(misses))
				}
			})
		}
	}
}

// refused are the answers that the sending question named name refuses
// in p's language, as neither an answer nor quit, help or Enter.
func refused(p *i18n.Printer, name string, answers []string) []string {
	s := &session{cfg: Config{Printer: p}}
	for _, q := range sendingQuestions() {
		if !strings.HasPrefix(q.name, name) {
			continue
		}
		var out []string
		for _, a := range answers {
			if _, ok := s.pick(q.choices(s), a); !ok && strings.TrimSpace(a) != "" && !s.isQuit(a) && !s.isHelp(a) {
				out = append(out, a)
			}
		}
		return out
	}
	panic("no sending question " + name)
}

// TestEnterAloneSendsNothingAtTheTwoFactorQuestion: in German too, the
// two-factor question has no default.
func TestEnterAloneSendsNothingAtTheTwoFactorQuestion(t *testing.T) {
	srv := startFake(t, createData(), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL, Printer: i18n.For("de")},
		"", "erstellen", "viewer", linePassword, "", "", "", "", "beenden")
	if !errors.Is(tr.err, ErrQuit) || creates(t, srv, linePassword) != 0 {
		t.Fatalf("Run: %v, %d create requests", tr.err, creates(t, srv, linePassword))
	}
	tr.has(t, "Auswahl: \nGeben Sie eine Nummer von 1 bis 5 ein oder eines dieser Wörter: nein, ja, ändern, schritte, beenden.\n")
}

// TestGermanAnswerWordsAreDistinct: a German answer word is never another
// answer's word, in either language, nor a single character: a German
// word can only ever mean its own answer.
func TestGermanAnswerWordsAreDistinct(t *testing.T) {
	seen := map[string]string{}
	for en := range answerWords {
		seen[en] = en
	}
	for en, m := range answerWords {
		for _, de := range []string{m.De, umlautsSpelledOut.Replace(m.De)} {
			if len([]rune(de)) < 2 {
				t.Errorf("%s: the German word %q is a single character", en, de)
			}
			if other, ok := seen[de]; ok && other != en {
				t.Errorf("%s: the German word %q is also the answer %s", en, de, other)
			}
			seen[de] = en
		}
	}
}

// TestSiteCommandsInGerman: the site question's commands as German words,
// the English ones kept, in English none of the German.
func TestSiteCommandsInGerman(t *testing.T) {
	de := &session{cfg: Config{Printer: i18n.For("de")}}
	en := &session{cfg: Config{Printer: i18n.For("en")}}
	for in, want := range map[string][2]string{
		"weiter": {"next", ""}, "mehr": {"next", ""}, "zurück": {"prev", ""}, "zurueck": {"prev", ""}, "vorige": {"prev", ""},
		"suche shop": {"filter", "shop"}, "filter shop": {"filter", "shop"}, "alle": {"all", ""}, "liste": {"list", ""},
		"adresse": {"address", ""}, "url-prüfung": {"urlcheck", ""}, "bericht": {"report", ""}, "hilfe": {"help", ""},
		"next": {"next", ""}, "back": {"prev", ""}, "12": {"id", "12"},
	} {
		if cmd, arg := de.splitCommand(in); cmd != want[0] || arg != want[1] {
			t.Errorf("de: %q is %q %q, want %q %q", in, cmd, arg, want[0], want[1])
		}
	}
	for _, in := range []string{"weiter", "mehr", "zurück", "suche shop", "alle", "bericht"} {
		if cmd, _ := en.splitCommand(in); cmd != "" {
			t.Errorf("en: %q is the command %q", in, cmd)
		}
	}
}
