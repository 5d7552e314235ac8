package i18n

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Printer renders messages in one language. There is one per language
// (For); it is safe for concurrent use.
type Printer struct {
	lang string // "en" or "de"
	once sync.Once
	tag  language.Tag
	xp   *message.Printer
}

// The Printers, static data until first used.
var (
	english = &Printer{lang: "en"}
	german  = &Printer{lang: "de"}
)

// For is the Printer for a language code as internal/locale gives it
// (de, en, pt-br): German for German in any region, English for
// everything else.
func For(lang string) *Printer {
	base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(lang)), "-")
	if base == "de" {
		return german
	}
	return english
}

// English is the Printer for what stays English whatever the person
// reads: --json, the diagnostics report, logs.
func English() *Printer { return english }

// Lang is the language the Printer writes: "en" or "de".
func (p *Printer) Lang() string {
	if p == nil {
		return english.lang
	}
	return p.lang
}

// German reports whether the Printer writes German.
func (p *Printer) German() bool { return p != nil && p.lang == "de" }

// Languages are the codes this catalogue has text in.
func Languages() []string { return []string{english.lang, german.lang} }

// printer is the x/text printer behind p, made on first use. Its
// catalogue is empty and its own: it never finds a format as a key, so it
// formats the format it is given, and nothing another package adds to
// x/text's default catalogue can replace a text of this one.
func (p *Printer) printer() *message.Printer {
	p.once.Do(func() {
		p.tag = language.English
		if p.lang == "de" {
			p.tag = language.German
		}
		p.xp = message.NewPrinter(p.tag, message.Catalog(catalog.NewBuilder()))
	})
	return p.xp
}

// use is p, or English for a nil Printer (a zero value of a struct that
// holds one).
func (p *Printer) use() *Printer {
	if p == nil {
		return english
	}
	return p
}

// Sprintf renders m with the arguments a, as fmt.Sprintf does, in p's
// language.
func (p *Printer) Sprintf(m *Message, a ...any) string {
	p = p.use()
	one := p.one(m, a)
	format := m.text(p.German(), one)
	if one && leavesCountOut(format, m.text(p.German(), false)) {
		// The form for one left the count out ("eine Website"): it takes
		// the other arguments in their order.
		a = append(a[:m.Plural-1:m.Plural-1], a[m.Plural:]...)
	}
	if len(a) == 0 && !strings.Contains(format, "%") {
		return format // most messages: nothing to format
	}
	a = p.resolve(a)
	if noNumbers(a) {
		// Numbers are all the printer writes the language's way: without
		// them, fmt writes the same, and no printer is made (a run that
		// shows no number never builds one, the wizard's start included).
		return fmt.Sprintf(format, a...)
	}
	return p.printer().Sprintf(format, a...)
}

// noNumbers reports whether no argument is one that x/text's printer
// writes other than fmt does: only text (strings, errors, Stringers
// such as a time.Duration, which both print by their String method).
func noNumbers(a []any) bool {
	for _, v := range a {
		switch v.(type) {
		case string, error, fmt.Stringer:
		default:
			return false
		}
	}
	return true
}

// Fprintf renders m with the arguments a into w.
func (p *Printer) Fprintf(w io.Writer, m *Message, a ...any) (int, error) {
	return io.WriteString(w, p.Sprintf(m, a...))
}

// Fprintln renders m with the arguments a into w, and a line break.
func (p *Printer) Fprintln(w io.Writer, m *Message, a ...any) (int, error) {
	return io.WriteString(w, p.Sprintf(m, a...)+"\n")
}

// one reports whether the count that chooses m's form asks for the form
// for one.
func (p *Printer) one(m *Message, a []any) bool {
	if m.Plural < 1 || m.Plural > len(a) {
		return false
	}
	n, ok := count(a[m.Plural-1])
	if !ok {
		return false
	}
	if n < 0 {
		n = -n
	}
	// MatchPlural takes the integer part modulo 10,000,000 ("it is okay").
	p.printer()
	return plural.Cardinal.MatchPlural(p.tag, int(n%10_000_000), 0, 0, 0, 0) == plural.One
}

// count is a plural argument's number.
func count(v any) (int64, bool) {
	switch n := v.(type) {
	case int:
		return int64(n), true
	case int64:
		return n, true
	case int32:
		return int64(n), true
	case uint:
		return int64(n), true
	case uint64:
		return int64(n), true
	case uint32:
		return int64(n), true
	}
	return 0, false
}

// resolve renders, in p's language, the arguments that are themselves
// messages: a Text, a *Message, an error made by Errorf (not one wrapped
// further: its other words are English).
func (p *Printer) resolve(a []any) []any {
	var out []any
	for i, v := range a {
		var s string
		switch v := v.(type) {
		case Text:
			s = p.Text(v)
		case *Message:
			s = p.Sprintf(v)
		case *Error:
			s = p.Text(v.Text)
		case texter:
			s = p.Text(v.Text())
		case Day:
			s = p.Date(time.Time(v))
		default:
			continue
		}
		if out == nil {
			out = append([]any(nil), a...)
		}
		out[i] = s
	}
	if out == nil {
		return a
	}
	return out
}

// Number is n with the language's digit grouping: 20,340 or 20.340.
func (p *Printer) Number(n int) string { return p.use().printer().Sprintf("%d", n) }

// Date is the day of t as the language writes it in running text:
// "1 December 2026" or "1. Dezember 2026".
func (p *Printer) Date(t time.Time) string {
	day, year := strconv.Itoa(t.Day()), strconv.Itoa(t.Year())
	if p.German() {
		return day + ". " + germanMonths[t.Month()-1] + " " + year
	}
	return day + " " + t.Month().String() + " " + year
}

// Day is a day as an argument of a message: written as Date writes it,
// in the language of the message around it.
type Day time.Time

// DateTime is the day and time of t: "1 December 2026, 17:40" or
// "1. Dezember 2026, 17:40". Times are on the 24-hour clock in both.
func (p *Printer) DateTime(t time.Time) string { return p.Date(t) + ", " + t.Format("15:04") }

// germanMonths are the months' names in German.
var germanMonths = [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
	"September", "Oktober", "November", "Dezember"}

// Text is a message with its arguments, rendered later: decided in one
// place, shown in another, in the language of the one who reads it.
type Text struct {
	msg  *Message
	args []any
}

// T is the message m with the arguments a, to render later.
func T(m *Message, a ...any) Text { return Text{msg: m, args: a} }

// verbatim is the message of Verbatim: its argument, in every language.
var verbatim = &Message{En: "%s", De: "%s"}

// Verbatim is a Text of words this catalogue did not write, which read
// the same in every language: the text of an error from another package,
// words already rendered for the person. Matomo's own words are not
// Texts but arguments of the message that quotes them.
func Verbatim(s string) Text { return T(verbatim, s) }

// IsZero reports whether t holds no message.
func (t Text) IsZero() bool { return t.msg == nil }

// Message is the message t renders.
func (t Text) Message() *Message { return t.msg }

// Args are the arguments t renders the message with.
func (t Text) Args() []any { return t.args }

// String is t in English, for logs, errors and --json.
func (t Text) String() string { return english.Text(t) }

// Text renders t in p's language; the zero Text is "".
func (p *Printer) Text(t Text) string {
	if t.msg == nil {
		return ""
	}
	return p.use().Sprintf(t.msg, t.args...)
}

// Error is an error whose words are a message: Error() is English, and
// a Printer renders it in its own language.
type Error struct{ Text Text }

// Errorf is an error saying m with the arguments a.
func Errorf(m *Message, a ...any) error { return &Error{Text: T(m, a...)} }

func (e *Error) Error() string { return e.Text.String() }

// Error renders err in p's language when it is an error made by
// Errorf or one whose words are a Text (a Text method, as
// matomo.AddressError has), and as err.Error() otherwise: an error from elsewhere, or one
// wrapped with more words by fmt.Errorf, speaks the language those words
// are in (English).
func (p *Printer) Error(err error) string {
	switch e := err.(type) {
	case *Error:
		return p.use().Text(e.Text)
	case texter:
		return p.use().Text(e.Text())
	}
	return err.Error()
}

// texter is an error of another package whose words are a Text
// (matomo.AddressError): Error() is that Text's English.
type texter interface {
	error
	Text() Text
}
