package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"matomo-onboard/matomo"
)

// A token must not stay in the address field for a moment, however it
// arrives: pasted (one message), or key by key from a terminal without
// bracketed paste or from someone typing an API link, quickly or slowly,
// with typos corrected on the way. What the field holds is looked up in
// DNS once Enter is pressed.
//
// So what the field shows is worked out from the whole text typed, after
// every key, by one rule (matomo.OpenTokenTail, matomo.CutTokenPieces):
//
//   - A token_auth= value, or a run of 12 or more hex characters (no
//     address has one; the start of a token being typed does), that
//     reaches the cursor may still grow: it is hidden, and the text as
//     typed is kept aside (hiddenText) while the field shows the rest.
//     Text keys and pastes go on into the hidden text, Backspace takes
//     back from it (a typo in the token), so nothing of it can land in the
//     address.
//   - Once something ends it (a character that is not hex after a run; &
//     or # after token_auth=; Enter; any other key), it is taken out for
//     good: a token_auth parameter, a run of 32 or more (of which up to 8
//     hex characters in front stay: ".de" + token) or of 12 to 31 (a piece
//     of a token, with a character missing or split by a line break).
//
// The result depends only on the text, not on how fast it came: typed
// and pasted, it ends the same. Only the first 11 hex characters of a run
// show before it is hidden, as in the line mode and the echo removal.

// maskRun is the run of hex characters from which a field hides what it
// holds: no address has one that long, and a token's first few characters
// are not shown while the rest is still being typed.
const maskRun = matomo.TokenPiece

// maxHidden bounds the text kept aside, as the field's CharLimit bounds
// the field: a page pasted by mistake does not fill memory.
const maxHidden = 4096

// hiddenText is the address field's text as typed while part of it is
// hidden: raw with the cursor at the byte offset cursor. The field shows
// raw without the hidden part.
type hiddenText struct {
	raw    string
	cursor int
}

// tail is what is hidden: the open token_auth value or hex run that ends
// at the cursor.
func (h *hiddenText) tail() matomo.OpenTail { return matomo.OpenTokenTail(h.raw[:h.cursor]) }

// shown is what the field shows of h, and the cursor's place in it (in
// characters).
func (h *hiddenText) shown() (string, int) {
	before := h.raw[:h.cursor][:h.tail().Shown]
	return before + h.raw[h.cursor:], utf8.RuneCountInString(before)
}

// afterEdit looks at the field after the text input changed it: a token
// or a piece of one is taken out, and one that reaches the cursor is
// hidden while it may still grow.
func (a *addressState) afterEdit() {
	v := a.input.Value()
	at := byteOffset(v, a.input.Position())
	if matomo.OpenTokenTail(v[:at]).Kind != matomo.TailNone {
		a.hidden = &hiddenText{raw: v, cursor: at}
		a.showHidden()
		return
	}
	a.settle(v, at)
}

// settle puts text into the field with every token and piece of one
// taken out, the cursor at cursor (a byte offset into text) or where it
// ends up once they are, and says what was taken out. piece reports that
// a piece of a token was.
func (a *addressState) settle(text string, cursor int) (piece bool) {
	a.hidden = nil
	before := matomo.CutTokenPieces(text[:cursor])
	after := matomo.CutTokenPieces(text[cursor:])
	whole := matomo.CutTokenPieces(before.Text + after.Text)
	if !before.Found && !after.Found && !whole.Found {
		return false
	}
	a.input.SetValue(whole.Text)
	a.input.SetCursor(utf8.RuneCountInString(before.Text))
	a.noteDropped(before, after, whole)
	return before.Piece || after.Piece || whole.Piece
}

// noteDropped says below the field what was taken out of it.
func (a *addressState) noteDropped(cuts ...matomo.TokenCut) {
	for _, c := range cuts {
		if !c.Found {
			continue
		}
		a.submitted = false
		if c.Piece {
			a.pieceDropped = true
		} else {
			a.tokenDropped = true
		}
		a.paramDropped = a.paramDropped || c.Param
		a.droppedFrom = a.input.Value()
	}
}

// showHidden puts what may show of the hidden text into the field.
func (a *addressState) showHidden() {
	text, cursor := a.hidden.shown()
	a.input.SetValue(text)
	a.input.SetCursor(cursor)
	if t := a.hidden.tail(); t.Kind == matomo.TailValue || matomo.ContainsToken(a.hidden.raw[t.From:a.hidden.cursor]) {
		a.tokenDropped, a.droppedFrom = true, a.input.Value()
	}
}

// hiddenEdit applies a message to the hidden text: text and pastes go in
// at the cursor, Backspace takes the character before it back. It reports
// false for anything else, which the caller handles after closeHidden.
func (a *addressState) hiddenEdit(msg tea.Msg) bool {
	h := a.hidden
	var text string
	switch k := msg.(type) {
	case tea.PasteMsg:
		text = k.Content
	case tea.KeyPressMsg:
		switch {
		case k.Mod&(tea.ModCtrl|tea.ModAlt|tea.ModMeta|tea.ModSuper) != 0:
			return false
		case k.Code == tea.KeyBackspace:
			if h.cursor == 0 {
				return true
			}
			_, n := utf8.DecodeLastRuneInString(h.raw[:h.cursor])
			h.raw, h.cursor = h.raw[:h.cursor-n]+h.raw[h.cursor:], h.cursor-n
			a.rehide()
			return true
		case k.Text == "":
			return false
		}
		text = k.Text
	default:
		return false
	}
	text = fieldText(text)
	if room := maxHidden - len(h.raw); len(text) > room {
		text = strings.ToValidUTF8(text[:max(0, room)], "")
	}
	h.raw, h.cursor = h.raw[:h.cursor]+text+h.raw[h.cursor:], h.cursor+len(text)
	a.rehide()
	return true
}

// rehide shows the hidden text after a change, or settles it once nothing
// reaching the cursor needs hiding any more (the run or value ended, or
// was taken back with Backspace).
func (a *addressState) rehide() {
	h := a.hidden
	if h.tail().Kind != matomo.TailNone {
		a.showHidden()
		return
	}
	a.input.SetValue(h.raw)
	a.input.SetCursor(utf8.RuneCountInString(h.raw[:h.cursor]))
	a.settle(h.raw, h.cursor)
}

// closeHidden ends the hidden part where it is: it is taken out for good.
// It reports whether the field now differs from what it showed, or a
// piece of a token was taken out: the person must see that before
// anything is checked.
func (a *addressState) closeHidden() (changed bool) {
	h := a.hidden
	if h == nil {
		return false
	}
	shownBefore := a.input.Value()
	a.input.SetValue(h.raw)
	piece := a.settle(h.raw, h.cursor)
	a.tidy()
	return piece || a.input.Value() != shownBefore
}

// tidy makes the field the address itself once a link into Matomo's API
// had its token_auth taken out and the text is complete (a paste, Enter,
// the --url it started with): the rest of the link (its query) is no part
// of the address. Not while typing goes on after the link's token_auth
// value, which the rest of the link follows.
func (a *addressState) tidy() {
	if !a.paramDropped || a.hidden != nil {
		return
	}
	a.paramDropped = false
	if addr, err := matomo.ParseAddress(a.input.Value()); err == nil {
		a.input.SetValue(addr.String())
		a.input.CursorEnd()
		a.droppedFrom = a.input.Value()
	}
}

// fieldText is text as the field takes it: tabs and line breaks become
// spaces (as the text input does), other control characters go.
func fieldText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

// byteOffset is the byte offset of the runes-th character of s.
func byteOffset(s string, runes int) int {
	for i := range s {
		if runes == 0 {
			return i
		}
		runes--
	}
	return len(s)
}
