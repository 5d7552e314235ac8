package ui

import "matomo-onboard/matomo"

// A note on the status line says what the last side action did: a copy,
// a link opened, the report written, a check canceled. It is about the
// moment it was said, and stops applying when that moment is over: when
// the screen changes, when a check changes what the session found (a
// report written before the URL check does not describe it), or when the
// person changes the text of a field (the note was about what the field
// held: a canceled check of the token that is no longer there, a report
// of the address being typed over). A note that no longer applies is not
// shown.

// note is a status line and the moment it belongs to. path is a file's
// path, shown on a line of its own after the text.
type note struct {
	text, path string
	at         moment
}

// moment is what a note is about: comparable, so that a note can tell
// whether its moment is still now.
type moment struct {
	screen screen
	edits  int
	found  findings
}

// findings identifies what the session found: every check records a new
// answer.
type findings struct {
	preflight    *matomo.Preflight
	preflightErr *matomo.Error
	result       *matomo.Result
	verifyErr    *matomo.Error
	get          *matomo.GETCheck
	getErr       *matomo.Error
}

// now is the moment a note said now would be about.
func (m *Model) now() moment {
	f := &m.found
	return moment{screen: m.screen, edits: m.edits, found: findings{
		preflight: f.Preflight(), preflightErr: f.PreflightErr(), result: f.Result(), verifyErr: f.VerifyErr(),
		get: f.GETCheck(), getErr: f.GETErr(),
	}}
}

// say puts a note on the status line, about now.
func (m *Model) say(text string) { m.status = note{text: text, at: m.now()} }

// statusNote is the note on the status line while it applies.
func (m *Model) statusNote() (note, bool) {
	if m.status.text == "" || m.status.at != m.now() {
		return note{}, false
	}
	return m.status, true
}

// edited records that the person changed the text of a field.
func (m *Model) edited() { m.edits++ }
