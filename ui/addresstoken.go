package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"matomo-onboard/matomo"
)

// A token must not stay in the address field for a moment, however it
// arrives: pasted (one message), or key by key from a terminal without
// bracketed paste or from someone typing an API link. The field is not
// masked, and what it holds is looked up in DNS once Enter is pressed.
//
// So every change of the field goes through dropToken, which takes any
// token out at once (matomo.CutToken: a token_auth value, or 32 or more
// hex characters in a row). When the field ended inside the token, what
// arrives next may be the rest of it: after token_auth= everything up to
// the next key that is not text (Enter, an arrow, backspace) is dropped;
// after a run of hex characters, the hex characters that follow within a
// burst are. And while the field holds a long run of hex characters, the
// beginning of a token being typed, it is shown masked.

// maskRun is the run of hex characters from which the field is masked: no
// address has one that long, and a token's first few characters are not
// shown while the rest is still being typed.
const maskRun = matomo.TokenPiece

// swallowWait ends the dropping of hex characters after a token: keys of
// one paste arrive within milliseconds of each other, a person's next key
// later than this.
const swallowWait = 250 * time.Millisecond

// maxRestore is how many hex characters before a token can be part of the
// address (".de", "/web", a port); see matomo.CutToken.
const maxRestore = 8

// swallow is the state of dropping what follows a token taken out of the
// field.
type swallow struct {
	tail matomo.TokenTail
	// head is the start of the cut hex run: when a typed token is cut at
	// its 32nd character, as many hex characters as arrive after it were
	// the address's end (".de" + token), and go back.
	head  string
	taken int
	seq   int
}

// swallowEndMsg ends the dropping of hex characters begun with seq.
type swallowEndMsg struct{ seq int }

// dropToken takes a token out of the field the moment it arrives there
// and says so below the field. It returns the timer that ends dropping
// what follows, if that is needed.
func (a *addressState) dropToken() tea.Cmd {
	v := a.input.Value()
	cut := matomo.CutToken(v)
	if !cut.Found {
		a.mask()
		return nil
	}
	kept := cut.Text
	if addr, err := matomo.ParseAddress(kept); err == nil && cut.Tail != matomo.TailHex {
		kept = addr.String() // the query, where a token_auth sat, is gone
	}
	a.input.SetValue(kept)
	a.input.CursorEnd()
	a.submitted, a.tokenDropped, a.droppedFrom = false, true, kept
	a.swallowSeq++
	a.swallow = nil
	var cmd tea.Cmd
	switch cut.Tail {
	case matomo.TailValue:
		a.swallow = &swallow{tail: cut.Tail, seq: a.swallowSeq}
	case matomo.TailHex:
		a.swallow = &swallow{tail: cut.Tail, head: cutHead(v, kept), seq: a.swallowSeq}
		cmd = a.swallow.timer()
	}
	a.mask()
	return cmd
}

// cutHead is the start of the hex run cut from the end of v, leaving
// kept, when the run was exactly a token long: a token being typed is cut
// at its 32nd hex character, so the few hex characters that still arrive
// after it say how many at its start were the address's (".de" + token).
// A longer run was cut knowing where the token starts; nothing goes back.
func cutHead(v, kept string) string {
	if !strings.HasPrefix(v, kept) || len(v)-len(kept) != tokenChars {
		return ""
	}
	return v[len(kept) : len(kept)+maxRestore]
}

// tokenChars is the length of Matomo's tokens.
const tokenChars = 32

func (s *swallow) timer() tea.Cmd {
	seq := s.seq
	return tea.Tick(swallowWait, func(time.Time) tea.Msg { return swallowEndMsg{seq: seq} })
}

// eat drops what in text continues the token and returns the rest.
func (s *swallow) eat(text string) string {
	for i, r := range text {
		if s.tail.EndsToken(r) {
			return text[i:]
		}
		s.taken++
	}
	return ""
}

// swallowInput drops input that continues a token just taken out. It
// returns what is left to put into the field (nil when nothing), and
// whether the dropping goes on; anything but text ends it.
func (a *addressState) swallowInput(msg tea.Msg) (tea.Msg, tea.Cmd, bool) {
	s := a.swallow
	var text string
	switch k := msg.(type) {
	case tea.KeyPressMsg:
		if k.Text == "" || k.Mod&(tea.ModCtrl|tea.ModAlt|tea.ModMeta|tea.ModSuper) != 0 {
			a.endSwallow()
			return msg, nil, false
		}
		text = k.Text
	case tea.PasteMsg:
		text = k.Content
	default:
		return msg, nil, false // a cursor blink, a resize: not input
	}
	rest := s.eat(text)
	if rest == "" {
		if s.tail == matomo.TailHex {
			s.seq = a.swallowSeq + 1
			a.swallowSeq = s.seq
			return nil, s.timer(), true
		}
		return nil, nil, true
	}
	a.endSwallow()
	if rest == text {
		return msg, nil, false
	}
	return tea.PasteMsg{Content: rest}, nil, false
}

// endSwallow stops dropping input. Hex characters that followed a typed
// token were the address's end when there are no more of them than it
// can have: they go back into the field.
func (a *addressState) endSwallow() {
	s := a.swallow
	if s == nil {
		return
	}
	a.swallow = nil
	if s.tail == matomo.TailHex && s.taken > 0 && s.taken <= len(s.head) {
		a.input.SetValue(a.input.Value() + s.head[:s.taken])
		a.input.CursorEnd()
		a.droppedFrom = a.input.Value()
	}
	a.mask()
	a.reparse()
}

// onSwallowEnd ends the dropping of hex characters once no more arrived
// for swallowWait.
func (a *addressState) onSwallowEnd(msg swallowEndMsg) {
	if a.swallow != nil && a.swallow.tail == matomo.TailHex && a.swallow.seq == msg.seq {
		a.endSwallow()
	}
}

// mask hides the field while it may hold the beginning of a token.
func (a *addressState) mask() {
	if matomo.HexRun(a.input.Value()) >= maskRun {
		a.input.EchoMode = textinput.EchoPassword
		return
	}
	a.input.EchoMode = textinput.EchoNormal
}

// masked reports whether the field is shown masked.
func (a *addressState) masked() bool { return a.input.EchoMode != textinput.EchoNormal }
