package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"

	"matomo-onboard/internal/i18n"
)

// keyMap is every key the wizard answers to: the keys every screen shares,
// then one group per screen, defined in that screen's file (as huh and
// crush keep theirs). Update reads keys only through it, with key.Matches,
// and the help is built from the same bindings: after every message
// setKeys enables exactly the bindings that work right now and lists them
// for the help, so that key.Matches ignores every other binding and the
// help never offers a key that does nothing, nor leaves one out.
type keyMap struct {
	Quit     key.Binding // ctrl+c: on every screen, while typing and while waiting too
	Help     key.Binding // ?: all keys, where no text is being typed
	Close    key.Binding // q: quit, where no text is being typed
	LineUp   key.Binding // scroll a body taller than the screen
	LineDown key.Binding
	PageUp   key.Binding // page through it, also while typing (inputs do not use these keys)
	PageDown key.Binding

	Welcome   welcomeKeyMap
	Address   addressKeyMap
	Guide     guideKeyMap
	Token     tokenKeyMap
	Verifying verifyingKeyMap
	Result    resultKeyMap
	Sites     siteTableKeyMap
	Done      doneKeyMap
	Data      dataKeyMap // the data check, on the done screen
	Create    createKeyMap
}

func defaultKeyMap(p *i18n.Printer) keyMap {
	return keyMap{
		Quit:     key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", p.Sprintf(i18n.UIKeyQuit))),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", p.Sprintf(i18n.UIKeyMoreKeys))),
		Close:    key.NewBinding(key.WithKeys("q"), key.WithHelp("q", p.Sprintf(i18n.UIKeyQuit))),
		LineUp:   key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", p.Sprintf(i18n.UIKeyScrollUp))),
		LineDown: key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", p.Sprintf(i18n.UIKeyScrollDown))),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", p.Sprintf(i18n.UIKeyPageUp))),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", p.Sprintf(i18n.UIKeyPageDown))),

		Welcome:   defaultWelcomeKeys(p),
		Address:   defaultAddressKeys(p),
		Guide:     defaultGuideKeys(p),
		Token:     defaultTokenKeys(p),
		Verifying: defaultVerifyingKeys(p),
		Result:    defaultResultKeys(p),
		Sites:     defaultSiteTableKeys(p),
		Done:      defaultDoneKeys(p),
		Data:      defaultDataKeys(p),
		Create:    defaultCreateKeys(p),
	}
}

// all lists every binding, to switch them all off before a screen switches
// its own on.
func (k *keyMap) all() []*key.Binding {
	out := []*key.Binding{&k.Quit, &k.Help, &k.Close, &k.LineUp, &k.LineDown, &k.PageUp, &k.PageDown}
	for _, group := range [][]*key.Binding{
		k.Welcome.bindings(), k.Address.bindings(), k.Guide.bindings(), k.Token.bindings(),
		k.Verifying.bindings(), k.Result.bindings(), k.Sites.bindings(), k.Done.bindings(), k.Data.bindings(), k.Create.bindings(),
	} {
		out = append(out, group...)
	}
	return out
}

// keySet is what a screen offers right now: short for the help bar, more
// for the full help (?) only.
type keySet struct {
	short, more []*key.Binding
}

// scrolling says how a screen's body may be scrolled when it is taller
// than the terminal.
type scrolling int

const (
	noScroll   scrolling = iota // the screen fits itself to the terminal (the site table)
	pageScroll                  // pgup/pgdn only: the arrows belong to a text input
	fullScroll                  // arrows and pgup/pgdn
)

// setKeys enables the bindings that work now and keeps them, in order,
// for the help. It runs after every message (and in New), so the keys
// Update matches are the keys the help on screen shows.
func (m *Model) setKeys() {
	for _, b := range m.keys.all() {
		b.SetEnabled(false)
	}
	set, scroll := m.screenKeys()
	m.shown = m.enable(set)
	if scroll == noScroll {
		return
	}
	// The scroll keys work only when the body is taller than its room, and
	// each only where it moves the body. Listing them can make the help,
	// and so the footer, taller and the room smaller: the body may then
	// reach further down than it did, and "↓ more lines (pgdn)" show where
	// pgdn was not listed yet. So they are listed until the room they
	// leave agrees with them (the room only shrinks, so this ends).
	// The body stays where the person scrolled it: it is moved back only
	// by as much as the final room needs (after the terminal grew).
	// Only the footer changes between the rounds: the body and the header
	// are drawn once (drawing them is most of an Update's work).
	body, header := m.viewBody(), m.viewHeader()
	m.drawn = frame{body: body, header: header, ok: true}
	lines := strings.Count(body, "\n") + 1
	last := func() int { return scrollEnd(lines, m.bodyRoom(header, m.viewFooter())) }
	defer func() { m.scroll = min(m.scroll, last()) }()
	var listed [4]bool
	for range 4 {
		last := last()
		at := min(m.scroll, last)
		up, down := at > 0, at < last
		now := [4]bool{up, down, scroll == fullScroll && up, scroll == fullScroll && down}
		if now == listed {
			return
		}
		listed = now
		more := set.more
		for i, b := range []*key.Binding{&m.keys.PageUp, &m.keys.PageDown, &m.keys.LineUp, &m.keys.LineDown} {
			if listed[i] {
				more = append(more, b)
			}
		}
		m.shown = m.enable(keySet{short: set.short, more: more})
	}
}

// enable switches on set's bindings, ctrl+c, and ? where it is not typed,
// and returns them as the help lists them.
func (m *Model) enable(set keySet) helpKeys {
	// "?" is a character while text is typed, except into the empty token
	// field, where no token starts with it. A field that takes the
	// keyboard closes the full help: ? could no longer close it.
	showHelp := !m.typing() || m.screen == screenToken && m.token.input.Value() == ""
	if !showHelp {
		m.help.ShowAll = false
	}
	m.keys.Help.SetEnabled(showHelp)
	m.keys.Quit.SetEnabled(true)
	var h helpKeys
	for _, b := range set.short {
		b.SetEnabled(true)
		h.short = append(h.short, *b)
	}
	for _, b := range set.more {
		b.SetEnabled(true)
	}
	// The full help lists every key once: not ? (it was just pressed, and
	// closes what it opened), and quit once, q and ctrl+c together where
	// both work.
	quitListed := false
	for _, b := range append(append([]*key.Binding(nil), set.short...), set.more...) {
		if b == &m.keys.Close {
			h.full = append(h.full, key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q/ctrl+c", b.Help().Desc)))
			quitListed = true
			continue
		}
		h.full = append(h.full, *b)
	}
	if !quitListed {
		h.full = append(h.full, m.keys.Quit)
	}
	if showHelp {
		h.short = append(h.short, m.keys.Help)
	}
	return h
}

// screenKeys is what the current screen offers now, and how its body
// scrolls.
func (m *Model) screenKeys() (keySet, scrolling) {
	switch m.screen {
	case screenWelcome:
		return m.welcomeKeys(), fullScroll
	case screenAddress:
		return m.addressKeys()
	case screenGuide:
		return m.guideKeys()
	case screenToken:
		return m.tokenKeys(), pageScroll
	case screenVerifying:
		return keySet{short: []*key.Binding{&m.keys.Verifying.Cancel}}, noScroll
	case screenResult:
		return m.resultKeys()
	case screenDone:
		return m.doneKeys(), fullScroll
	case screenCreate:
		return m.createKeys()
	}
	return keySet{}, noScroll
}

// helpKeys is the help of one moment, built by setKeys: the short list for
// the help bar and every key, once each, for the full help (?).
type helpKeys struct {
	short []key.Binding
	full  []key.Binding
}

func (h helpKeys) ShortHelp() []key.Binding { return h.short }

// FullHelp is the full help's keys, as one group: fullHelp lays them out
// in as many columns as fit.
func (h helpKeys) FullHelp() [][]key.Binding { return [][]key.Binding{h.full} }

// yesKey is the one key that answers yes to the wizard's questions: y in
// English, j (ja) in German, as the help shows it. Only that key answers
// yes, in either language: a yes that sends a token ("send it anyway?")
// or creates one stays one key, no easier to give by accident in German
// than in English (y and j together would be two).
func yesKey(p *i18n.Printer) string {
	if p.German() {
		return "j"
	}
	return "y"
}
