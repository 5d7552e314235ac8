// Package i18n is the message catalogue: every sentence matomo-onboard
// says to a person, in English and in German, and the Printer that
// renders one in the person's language, with German numbers ("20.340
// Websites") and dates ("1. Dezember 2026, 17:40") in German text.
//
// # Declaring a message
//
// A message is a package-level *Message in one of this package's files,
// one file per part of the program: steps.go (the guide, the checklist),
// cli.go, cli_verify.go, cli_steps.go, cli_demo.go (the command line);
// the matomo package's messages go into matomo_*.go, the wizard's into
// ui_<screen>.go, the line mode's into accessible.go. Its Go name, which
// starts with its file's part (Steps, Checklist, CLI, Verify, Demo; for
// package matomo's Err, Address, Token, Password, Session, Check, Data,
// Create, DemoNote), is
// its stable ID: code refers to it by that name, the compiler checks
// every reference, grep finds every use, and rewording the English never
// loses the German (the English as the key would: a changed key orphans
// its translation silently). The English is the source of truth and
// stands right above its German, so that one review reads both:
//
//	// VerifyVerified heads verify's summary: the Matomo version, the address.
//	VerifyVerified = &Message{
//		En: "✓ Token verified: Matomo %s at %s",
//		De: "✓ Token geprüft: Matomo %s unter %s",
//	}
//
// The texts are formats for golang.org/x/text/message's printer, which
// takes fmt's verbs (%s, %d, %q, %v, %[2]s to reorder) and writes numbers
// the language's way: %d of 20340 is "20,340" in English and "20.340" in
// German. Identifiers that are numbers (a site's ID, a port, a year) are
// not quantities: pass them as strings (strconv.Itoa) so that no
// separator appears in them. Write the texts as string literals (joined
// with + where long): the catalogue's tests read them from this source.
//
// # Plurals
//
// A message whose wording depends on a count names that argument in
// Plural (1 for the first) and has a second form for a count of one,
// chosen by CLDR's plural rules (golang.org/x/text/feature/plural):
//
//	VerifyRequestsSent = &Message{
//		Plural: 1,
//		En:     "%d HTTP requests sent.", EnOne: "%d HTTP request sent.",
//		De:     "%d HTTP-Anfragen gesendet.", DeOne: "%d HTTP-Anfrage gesendet.",
//	}
//
// A form for one may leave the count out ("eine Website"): it writes one
// argument fewer than the other form and takes the other arguments in
// their order, as if the count were not among them. English and German
// both have only "one" and "other" for whole numbers; a language with
// more forms would turn the forms into a list per language.
// A sentence that says something else for none ("No HTTP request went
// out") is a message of its own, chosen by the code.
//
// # Rendering
//
// For(lang) is the Printer for one of internal/locale's language codes:
// German for de, English for everything else (Matomo's own labels in the
// guide still follow the person's language, see package steps). There is
// one Printer per language, made on first use. p.Sprintf(m, args…) and
// p.Fprintf(w, m, args…) render a message like fmt does. English() is the
// Printer for what stays English whatever the person reads: verify's
// --json and the diagnostics report, which support reads and scripts
// parse.
//
// A message that is decided in one place and shown in another (an error
// class's title, decided by package matomo and shown by the wizard, the
// line mode and verify) travels as a Text: T(m, args…), rendered where it
// is shown with p.Text(t), or as English by t.String(). An argument that
// is a Text, a *Message or an error made by Errorf is rendered in the
// same language as the message around it. Errorf makes an error whose
// Error() is English (logs, --json) and which p.Error(err) and p.Sprintf
// render in the person's language. A front end that writes the same
// finding twice, in English for --json or the report and in the person's
// language on the screen, renders the Text twice (verify's text output
// does so: internal/cli/verify.go). Matomo's own words, its labels and
// its messages, are arguments, never messages: they are quoted as they
// came, in the language they came in.
//
// # Tests
//
// The tests read every *Message of this package from its source and fail
// when one has no German, when its German is its English unchanged
// (unless every word is one of a short list that German writes the same:
// Matomo, Token, OK, names, addresses, options), when the two languages
// do not take the same arguments with the same verbs, or when a Plural
// form is missing or points at no %d. Each front end's tests check its
// output in both languages (golden files, transcripts of the built
// binary with LANG=de_DE.UTF-8).
//
// # How package matomo's words join
//
// Package matomo's words (error classes' titles, details and hints, the
// refusals of an address, a token, a password or a create-form field, the
// address's notes and warnings, the token's notes and fingerprint, the
// session's countdown and end note, the summaries of the URL and data
// checks, the created token's summary, the pre-flight's markers) are
// messages in matomo_*.go (matomo_errors.go, matomo_address.go,
// matomo_token.go, matomo_session.go, matomo_checks.go,
// matomo_create.go), returned as a Text (an Error field Detail Text, say)
// whose String() is the English the report and --json keep, or as an
// error whose Error() is that English and which Printer.Error renders (an
// Errorf error, or one with a Text method: matomo.AddressError,
// TokenError, PasswordError, FieldError). verify remembers the person's
// words for its text output as it does for its own. A day in such a
// message is a Day argument, written as Date writes it. The wizard (ui)
// and the line mode (ui/accessible) take a *Printer in their Config from
// the command line (internal/cli passes the one Run chose), give it to
// steps.Options.Printer (the guide's text and its labels' brackets then
// follow it, steps.RequestFor asks for that language), and render every
// screen's text through it, with golden screens per language. The demo
// Matomo's notes on its tokens and logins (matomo/demomatomo, messages in
// matomo_demo.go) are Texts too.
//
// # Cost
//
// Nothing is built: the messages are static data in the binary (no
// package init work, see TestPackageInitIsCheap), the language's text is
// a field of the message, and a Printer is made on first use, for the
// language in use only. golang.org/x/text/message's catalog.Builder was
// measured for this and left out: it compiles every message of a
// language when it is added (0.8 ms and 11,550 allocations for 700
// messages on the development VM), where this lookup costs nothing.
package i18n

// Message is one thing the program says, in English and German. Declare
// it as a package-level *Message of this package (see the package doc).
type Message struct {
	// En and De are the message in English and German: formats for the
	// Printer, with fmt's verbs. With Plural, they are the form for every
	// count but one.
	En, De string
	// Plural is the argument (1 for the first) whose count chooses
	// between the forms; 0 when the message has one form only.
	Plural int
	// EnOne and DeOne are the forms for a count of one, with Plural.
	EnOne, DeOne string
}

// text is the message's format in German or English, in the form for a
// count of one when one is true and the message has such a form.
func (m *Message) text(german bool, one bool) string {
	switch {
	case german && one && m.DeOne != "":
		return m.DeOne
	case german:
		return m.De
	case one && m.EnOne != "":
		return m.EnOne
	}
	return m.En
}

// Is reports whether s is this message's text, in either language, as
// it reads without arguments: for a word that a program reads back, such
// as the placeholder of a file option in help.
func (m *Message) Is(s string) bool { return s == m.En || s == m.De }
