package i18n

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

// Messages for these tests only (the catalogue's tests read the package's
// other files, not these).
var (
	testSites = &Message{Plural: 1,
		En: "%d sites", EnOne: "%d site",
		De: "%d Websites", DeOne: "%d Website"}
	testOneSite = &Message{Plural: 2,
		En: "%s reaches %d sites", EnOne: "%s reaches one site",
		De: "%s erreicht %d Websites", DeOne: "%s erreicht eine Website"}
	testCountFirst = &Message{Plural: 1,
		En: "%d sites of %s", EnOne: "%d site of %s",
		De: "%d Websites von %s", DeOne: "eine Website von %s"}
	testWrapped = &Message{En: "Cannot go on: %s", De: "Es geht nicht weiter: %s"}
	testReason  = &Message{En: "the file %s is missing", De: "die Datei %s fehlt"}
	testOrder   = &Message{En: "%s at %s", De: "unter %[2]s: %[1]s"}
)

func TestGermanNumbersAndPluralsInGermanText(t *testing.T) {
	de, en := For("de"), English()
	for _, tc := range []struct {
		p    *Printer
		m    *Message
		args []any
		want string
	}{
		{de, testSites, []any{20340}, "20.340 Websites"},
		{en, testSites, []any{20340}, "20,340 sites"},
		{de, testSites, []any{1}, "1 Website"},
		{en, testSites, []any{1}, "1 site"},
		{de, testSites, []any{0}, "0 Websites"},
		{de, testSites, []any{1_000_001}, "1.000.001 Websites"},
		{de, testSites, []any{int64(1)}, "1 Website"},
		{de, testOneSite, []any{"Acona", 1}, "Acona erreicht eine Website"},
		{en, testOneSite, []any{"Acona", 1}, "Acona reaches one site"},
		{de, testOneSite, []any{"Acona", 2}, "Acona erreicht 2 Websites"},
		{de, testCountFirst, []any{1, "Acona"}, "eine Website von Acona"},
		{en, testCountFirst, []any{1, "Acona"}, "1 site of Acona"},
		{de, testCountFirst, []any{3, "Acona"}, "3 Websites von Acona"},
		{de, testOrder, []any{"Matomo 5.1.2", "https://m.example"}, "unter https://m.example: Matomo 5.1.2"},
		// An identifier given as a string keeps its digits together.
		{de, testReason, []any{"20340"}, "die Datei 20340 fehlt"},
	} {
		if got := tc.p.Sprintf(tc.m, tc.args...); got != tc.want {
			t.Errorf("%s %v: %q, want %q", tc.p.Lang(), tc.args, got, tc.want)
		}
	}
	if got := de.Number(20340); got != "20.340" {
		t.Errorf("German Number: %q", got)
	}
	if got := en.Number(-1234567); got != "-1,234,567" {
		t.Errorf("English Number: %q", got)
	}
}

func TestDatesInTheLanguage(t *testing.T) {
	at := time.Date(2026, time.December, 1, 17, 40, 5, 0, time.UTC)
	for _, tc := range []struct {
		p          *Printer
		date, both string
	}{
		{For("de"), "1. Dezember 2026", "1. Dezember 2026, 17:40"},
		{English(), "1 December 2026", "1 December 2026, 17:40"},
	} {
		if got := tc.p.Date(at); got != tc.date {
			t.Errorf("%s Date: %q, want %q", tc.p.Lang(), got, tc.date)
		}
		if got := tc.p.DateTime(at); got != tc.both {
			t.Errorf("%s DateTime: %q, want %q", tc.p.Lang(), got, tc.both)
		}
	}
	if got := For("de").Date(time.Date(2027, time.March, 9, 0, 0, 0, 0, time.UTC)); got != "9. März 2027" {
		t.Errorf("März: %q", got)
	}
}

func TestForChoosesGermanForGermanOnly(t *testing.T) {
	for code, german := range map[string]bool{
		"de": true, "DE": true, "de-at": true, " de ": true,
		"en": false, "": false, "fr": false, "pt-br": false, "dsb": false,
	} {
		if got := For(code).German(); got != german {
			t.Errorf("For(%q).German() = %v", code, got)
		}
	}
	if For("fr") != English() || For("de") != For("de-ch") {
		t.Error("one Printer per language")
	}
	var none *Printer
	if got := none.Sprintf(testSites, 2); got != "2 sites" {
		t.Errorf("a nil Printer writes English: %q", got)
	}
}

// TestMessagesInsideMessagesFollowTheLanguage: a Text, a *Message or an
// Errorf error as an argument is rendered in the language around it.
func TestMessagesInsideMessagesFollowTheLanguage(t *testing.T) {
	de := For("de")
	reason := T(testReason, "token.txt")
	if got := de.Sprintf(testWrapped, reason); got != "Es geht nicht weiter: die Datei token.txt fehlt" {
		t.Errorf("Text argument: %q", got)
	}
	err := Errorf(testReason, "token.txt")
	if got := de.Sprintf(testWrapped, err); got != "Es geht nicht weiter: die Datei token.txt fehlt" {
		t.Errorf("error argument: %q", got)
	}
	if got := err.Error(); got != "the file token.txt is missing" {
		t.Errorf("Error() is English: %q", got)
	}
	if got := de.Error(err); got != "die Datei token.txt fehlt" {
		t.Errorf("Printer.Error: %q", got)
	}
	// Wrapped with more words, it is those words' language throughout.
	wrapped := fmt.Errorf("reading: %w", err)
	if got := de.Error(wrapped); got != "reading: the file token.txt is missing" {
		t.Errorf("a wrapped error: %q", got)
	}
	if got := de.Error(errors.New("EOF")); got != "EOF" {
		t.Errorf("another error: %q", got)
	}
	if got := reason.String(); got != "the file token.txt is missing" {
		t.Errorf("Text.String is English: %q", got)
	}
	if !(Text{}).IsZero() || de.Text(Text{}) != "" {
		t.Error("the zero Text renders nothing")
	}
	if got := de.Sprintf(testWrapped, testReason); got != "Es geht nicht weiter: die Datei %!s(MISSING) fehlt" {
		t.Errorf("*Message argument: %q", got)
	}
}

// TestVerbatimReadsTheSameInEveryLanguage: words from elsewhere (another
// package's error) are a Text that every language shows as they are, a
// per cent sign included, and inside a message they are its argument.
func TestVerbatimReadsTheSameInEveryLanguage(t *testing.T) {
	v := Verbatim("dial tcp: 100% lost")
	for _, lang := range Languages() {
		if got := For(lang).Text(v); got != "dial tcp: 100% lost" {
			t.Errorf("%s: %q", lang, got)
		}
	}
	if got := For("de").Sprintf(testWrapped, v); got != "Es geht nicht weiter: dial tcp: 100% lost" {
		t.Errorf("as an argument: %q", got)
	}
	if v.String() != "dial tcp: 100% lost" || v.IsZero() {
		t.Errorf("String: %q", v.String())
	}
}

// BenchmarkFirstMessage is what the first German message of a run costs,
// the Printer included: all there is to prepare.
func BenchmarkFirstMessage(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		p := &Printer{lang: "de"}
		_ = p.Sprintf(testOneSite, "Acona", 20340)
	}
}

// BenchmarkMessage is one message with a Printer in use.
func BenchmarkMessage(b *testing.B) {
	p := For("de")
	b.ReportAllocs()
	for b.Loop() {
		_ = p.Sprintf(testOneSite, "Acona", 20340)
	}
}

// TestTextWithoutNumbersNeedsNoPrinter: a message whose arguments are
// all text is written by fmt, the same as the printer would, and makes
// no printer: a start that shows no number builds nothing.
func TestTextWithoutNumbersNeedsNoPrinter(t *testing.T) {
	for _, lang := range Languages() {
		p := &Printer{lang: lang}
		fresh := &Printer{lang: lang}
		for _, args := range [][]any{
			{"Acona"}, {errors.New("no such file")}, {90 * time.Second}, {T(testReason, "a.txt")}, {Errorf(testReason, "b.txt")},
		} {
			got := p.Sprintf(testWrapped, args...)
			if want := fresh.printer().Sprintf(testWrapped.text(lang == "de", false), fresh.resolve(args)...); got != want {
				t.Errorf("%s %v: %q, the printer writes %q", lang, args, got, want)
			}
		}
		if p.xp != nil {
			t.Errorf("%s: a printer was made for text without numbers", lang)
		}
		p.Sprintf(testSites, 2)
		if p.xp == nil {
			t.Errorf("%s: no printer for a number", lang)
		}
	}
}
