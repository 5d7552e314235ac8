package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// addressState is the Matomo address screen: the input, the live
// normalised preview, and the pre-flight check's outcome.
type addressState struct {
	input textinput.Model
	// parsed is the input normalised on every keystroke; problem is why it
	// cannot be, shown once the person pressed enter.
	parsed    matomo.Address
	problem   error
	submitted bool
	// pending is the address being checked. What the check found is in
	// the session (Model.found).
	pending matomo.Address
	// failed is set while the outcome of a failed check is shown, until
	// the person edits the address.
	failed bool
	// httpWarning is set when Matomo answered on plain http to another
	// computer: the token would cross the network readable.
	httpWarning bool
	// httpKept is set when the person chose to keep plain http for the
	// checked address.
	httpKept bool
	// tokenDropped says a token was removed from the field (or is hidden
	// in it), pieceDropped that a piece of one was; the field then held
	// droppedFrom.
	tokenDropped, pieceDropped bool
	droppedFrom                string
	// paramDropped says a token_auth parameter was taken out, and the
	// field is to become the address once complete (see tidy).
	paramDropped bool
	// hidden is the text as typed while part of it is hidden, nil when
	// the field shows all of it (see addresstoken.go).
	hidden *hiddenText
}

func newAddressState(url string) addressState {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = "analytics.example.org"
	in.CharLimit = 2048
	in.KeyMap.Paste.SetEnabled(false) // pastes arrive as bracketed paste; no clipboard helper programs
	in.SetValue(url)
	a := addressState{input: in}
	a.settle(in.Value(), len(in.Value())) // a --url copied from an API link may carry one
	a.tidy()
	a.reparse()
	return a
}

func inputStyles(s styles) textinput.Styles {
	st := textinput.DefaultStyles(true)
	st.Focused.Placeholder = s.subtle.Style
	st.Blurred.Placeholder = s.subtle.Style
	return st
}

func (a *addressState) reparse() {
	a.parsed, a.problem = matomo.Address{}, nil
	addr, err := matomo.ParseAddress(a.input.Value())
	if err != nil {
		a.problem = err
		return
	}
	a.parsed = addr
}

// editing reports whether the input has the keyboard.
func (a *addressState) editing() bool { return a.input.Focused() }

// addressKeyMap is the address screen's keys: while typing, while the
// check runs, and after it failed or warned.
type addressKeyMap struct {
	Check    key.Binding
	Back     key.Binding
	Cancel   key.Binding
	UseNew   key.Binding
	UseHTTPS key.Binding
	KeepHTTP key.Binding
	Retry    key.Binding
	Edit     key.Binding
	Report   key.Binding
}

func defaultAddressKeys(p *i18n.Printer) addressKeyMap {
	return addressKeyMap{
		Check:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", p.Sprintf(i18n.UIKeyCheck))),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", p.Sprintf(i18n.UIKeyBack))),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", p.Sprintf(i18n.UIKeyCancel))),
		UseNew:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", p.Sprintf(i18n.UIKeyUseNewAddress))),
		UseHTTPS: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", p.Sprintf(i18n.UIKeyUseHTTPS))),
		KeepHTTP: key.NewBinding(key.WithKeys("k"), key.WithHelp("k", p.Sprintf(i18n.UIKeyKeepHTTP))),
		Retry:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", p.Sprintf(i18n.UIKeyRetry))),
		Edit:     key.NewBinding(key.WithKeys("e", "esc"), key.WithHelp("e/esc", p.Sprintf(i18n.UIKeyEditAddress))),
		Report:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", p.Sprintf(i18n.UIKeyDiagnostics))),
	}
}

func (k *addressKeyMap) bindings() []*key.Binding {
	return []*key.Binding{&k.Check, &k.Back, &k.Cancel, &k.UseNew, &k.UseHTTPS, &k.KeepHTTP, &k.Retry, &k.Edit, &k.Report}
}

// addressKeys is what the address screen offers now.
func (m *Model) addressKeys() (keySet, scrolling) {
	k, a := &m.keys.Address, &m.address
	switch {
	case m.busy():
		return keySet{short: []*key.Binding{&k.Cancel}}, noScroll
	case a.editing():
		return keySet{short: []*key.Binding{&k.Check, &k.Back}}, pageScroll
	}
	var ks []*key.Binding
	failure := m.addressFailure()
	if failure != nil && !failure.Suggested.IsZero() {
		ks = append(ks, &k.UseNew)
	}
	if m.offersHTTPS() {
		ks = append(ks, &k.UseHTTPS)
	}
	if a.httpWarning && m.cfg.AllowHTTP {
		ks = append(ks, &k.KeepHTTP)
	}
	if failure != nil {
		ks = append(ks, &k.Retry)
	}
	ks = append(ks, &k.Edit)
	if failure != nil && m.cfg.Report != nil {
		ks = append(ks, &k.Report)
	}
	return keySet{short: append(ks, &m.keys.Close)}, fullScroll
}

func (m *Model) updateAddress(msg tea.Msg) tea.Cmd {
	if m.busy() {
		if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.keys.Address.Cancel) {
			m.cancelRequest()
			m.say(m.cfg.Printer.Sprintf(i18n.UIAddressCheckCanceled))
			return m.address.input.Focus()
		}
		return nil
	}
	if !m.address.editing() {
		return m.updateAddressOutcome(msg)
	}
	a := &m.address
	before := a.input.Value()
	defer func() {
		a.reparse()
		if v := a.input.Value(); v != before {
			m.edited()
			// The note that a token was taken out is about the text left
			// then: what follows it may be the rest of the same paste,
			// typed key by key by a terminal without bracketed paste, but
			// once that text is changed the person has moved on.
			if !strings.HasPrefix(v, a.droppedFrom) {
				a.tokenDropped, a.pieceDropped = false, false
			}
		}
	}()
	k, isKey := msg.(tea.KeyPressMsg)
	if a.hidden != nil {
		if isKey && key.Matches(k, m.keys.Address.Check) {
			if a.closeHidden() {
				return nil // the field changed: the person sees it before it is checked
			}
			a.reparse()
			m.nameAddress()
			return m.submitAddress()
		}
		if a.hiddenEdit(msg) {
			if _, pasted := msg.(tea.PasteMsg); pasted {
				a.closeHidden() // a paste is whole: what it ends in is complete
			}
			return nil
		}
		if isKey {
			a.closeHidden() // any other key ends what was hidden, then does what it does
		}
	}
	if isKey {
		if m.handlePage(k) {
			return nil
		}
		switch {
		case key.Matches(k, m.keys.Address.Check):
			a.tidy()
			a.reparse()
			m.nameAddress()
			return m.submitAddress()
		case key.Matches(k, m.keys.Address.Back):
			return m.goTo(screenWelcome)
		}
	}
	var cmd tea.Cmd
	a.input, cmd = a.input.Update(msg)
	if a.input.Value() != before || isKey {
		a.afterEdit()
	}
	if _, pasted := msg.(tea.PasteMsg); pasted {
		// A paste is whole: a run or token_auth value it ends in is
		// complete, and what is typed after it is not part of it (a
		// terminal without bracketed paste sends keys, which go on into
		// what is hidden).
		a.closeHidden()
		a.tidy()
	}
	return cmd
}

// updateAddressOutcome handles the keys offered after a failed check or
// the plain-http warning (addressKeys enables those that apply).
func (m *Model) updateAddressOutcome(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	a, keys := &m.address, &m.keys.Address
	switch {
	case key.Matches(k, keys.UseNew):
		a.input.SetValue(m.addressFailure().Suggested.String())
		a.tokenDropped = false
		a.reparse()
		return m.submitAddress()
	case key.Matches(k, keys.UseHTTPS):
		a.input.SetValue(a.pending.WithScheme("https").String())
		a.tokenDropped = false
		a.reparse()
		return m.submitAddress()
	case key.Matches(k, keys.KeepHTTP):
		a.httpWarning, a.httpKept = false, true
		return m.goTo(m.afterAddress())
	case key.Matches(k, keys.Retry):
		return m.submitAddress()
	case key.Matches(k, keys.Report):
		return m.reportCmd()
	case key.Matches(k, keys.Edit):
		a.failed, a.httpWarning = false, false
		return a.input.Focus()
	}
	_, cmd := m.handleCommon(k)
	return cmd
}

// addressFailure is the failed check shown on the address screen, or nil.
func (m *Model) addressFailure() *matomo.Error {
	if !m.address.failed {
		return nil
	}
	return m.found.PreflightErr()
}

// offersHTTPS reports whether switching to https is a way forward.
func (m *Model) offersHTTPS() bool {
	a := &m.address
	if !a.pending.PlainHTTP() {
		return false
	}
	failure := m.addressFailure()
	return a.httpWarning || failure != nil && failure.Class != matomo.ClassRedirect
}

// nameAddress records the address in the field as one the person gave:
// called where it came from them (--url, Enter in the field), not where
// a server's answer suggested it.
func (m *Model) nameAddress() { m.found.Name(m.address.parsed) }

// submitAddress checks the typed address without a token.
func (m *Model) submitAddress() tea.Cmd {
	a := &m.address
	a.submitted = true
	if a.parsed.IsZero() {
		return nil
	}
	if checked := m.found.Checked(); a.parsed.String() == checked.String() && !m.needsHTTPWarning(checked) {
		return m.goTo(m.afterAddress()) // unchanged and already checked
	}
	a.pending, a.failed, a.httpWarning, m.status = a.parsed, false, false, note{}
	a.input.Blur()
	ctx, seq := m.startRequest()
	return tea.Batch(preflightCmd(ctx, m.cfg.Client, a.pending, m.guide.labelLang, m.guide.textLang, seq), m.spinner.Tick)
}

func (m *Model) onPreflight(msg preflightMsg) tea.Cmd {
	if !m.finishRequest(msg.seq) {
		return nil
	}
	a := &m.address
	if msg.err != nil && msg.err.Class == matomo.ClassCanceled {
		return a.input.Focus()
	}
	if msg.addr.String() != m.found.Checked().String() {
		a.httpKept = false // it was chosen for another address
	}
	sameMatomo := msg.addr.String() == m.found.Address().String()
	// The session forgets a verification made at another address.
	m.found.RecordPreflight(msg.addr, msg.pre, msg.err.OrNil())
	if msg.pre != nil {
		m.guide.learn(msg.pre, msg.labels, sameMatomo)
		m.rebuildGuide()
	}
	if m.found.Result() == nil {
		m.result = resultState{}
	}
	if msg.err != nil {
		a.failed = true
		return nil
	}
	if m.needsHTTPWarning(msg.addr) {
		a.httpWarning = true
		return nil
	}
	return m.goTo(m.afterAddress())
}

// needsHTTPWarning reports whether the token would cross a network
// unencrypted at addr and the person has not chosen to keep it so (k,
// offered only with --allow-http).
func (m *Model) needsHTTPWarning(addr matomo.Address) bool {
	kept := m.address.httpKept && addr.String() == m.found.Checked().String()
	return addr.PlainHTTP() && !addr.IsLoopback() && !kept
}

// afterAddress is where a checked address leads: the guide, or straight
// back to the token when the person came from a result to fix the address
// (the token is kept for that; leaving the token step backwards clears it).
func (m *Model) afterAddress() screen {
	if m.token.input.Value() != "" {
		return screenToken
	}
	return screenGuide
}

func (m *Model) viewAddress() string {
	w := m.contentWidth()
	s, p := m.styles, m.cfg.Printer
	a := &m.address
	field := s.input.Render(a.input.View())
	var below []string
	if a.tokenDropped {
		below = append(below, s.warn.Render(wrap(p.Sprintf(i18n.UIAddressTokenDropped), w)))
	} else if a.pieceDropped {
		below = append(below, s.warn.Render(wrap(p.Sprintf(i18n.UIAddressPieceDropped), w)))
	}
	switch {
	case a.hidden == nil:
	case a.hidden.tail().Kind == matomo.TailValue:
		below = append(below, s.subtle.Render(wrap(p.Sprintf(i18n.UIAddressHiddenValue), w)))
	case !a.tokenDropped:
		below = append(below, s.subtle.Render(wrap(p.Sprintf(i18n.UIAddressHiddenPiece), w)))
	}
	switch {
	case a.submitted && a.problem != nil:
		below = append(below, s.bad.Render(wrap("✗ "+p.Error(a.problem), w)))
	case !a.parsed.IsZero():
		if a.parsed.Readable() != strings.TrimSpace(a.input.Value()) {
			below = append(below, s.subtle.Render(viewPreview(a.parsed, w)))
		}
		for _, n := range a.parsed.Notes {
			below = append(below, s.subtle.Render(wrapHanging("  ", p.Text(n), w)))
		}
		if warning := a.parsed.HostWarning(); !warning.IsZero() {
			below = append(below, s.warn.Render(wrapHanging("! ", p.Text(warning), w)))
		}
	}
	intro := wrap(p.Sprintf(i18n.UIAddressIntro), w)
	return paragraphs(
		s.title.Render(p.Sprintf(i18n.UIAddressTitle)),
		intro,
		joinLines(append([]string{field}, below...)...),
		m.viewAddressCheck(),
	)
}

// viewPreview is the address as it will be checked.
func viewPreview(addr matomo.Address, w int) string { return "→ " + addressLines(addr, w-2, "  ") }

// addressLines lays an address out in w columns, its lines after the
// first starting with indent: broken only after a / where it is wider
// (never at its hyphens: xn--mnchen-3ya), with the Unicode form of an
// international name after it, or on a line of its own where it does not
// fit.
func addressLines(addr matomo.Address, w int, indent string) string {
	lines := strings.Split(breakPath(addr.String(), w), "\n")
	if u := addr.UnicodeHost(); u != "" {
		last := len(lines) - 1
		if lipgloss.Width(lines[last]+" ("+u+")") <= w {
			lines[last] += " (" + u + ")"
		} else {
			lines = append(lines, "("+u+")")
		}
	}
	return strings.Join(lines, "\n"+indent)
}

// viewAddressCheck shows the pre-flight check: running, failed, or the
// plain-http warning.
func (m *Model) viewAddressCheck() string {
	w := m.contentWidth()
	s, p := m.styles, m.cfg.Printer
	a := &m.address
	switch {
	case m.busy():
		return m.working(p.Sprintf(i18n.UIAddressChecking, a.pending.Readable()))
	case a.httpWarning:
		lines := []string{
			s.warn.Render(wrap(p.Sprintf(i18n.UIAddressPlainHTTP), w)),
			wrap(p.Sprintf(i18n.UIAddressPlainHTTPWhy), w),
		}
		if !m.cfg.AllowHTTP {
			lines = append(lines, s.subtle.Render(wrap(p.Sprintf(i18n.UIAddressAllowHTTP), w)))
		}
		return strings.Join(lines, "\n")
	case m.addressFailure() != nil:
		return viewError(s, m.cfg.Printer, m.addressFailure(), w)
	}
	return ""
}

// viewError shows a failure: what happened in words, Matomo's own
// message, and what to do.
func viewError(s styles, p *i18n.Printer, e *matomo.Error, w int) string {
	return paragraphs(viewErrorHead(s, p, e, w), viewErrorHint(p, e, w))
}

// viewErrorHead is what happened: the class, the detail, Matomo's words
// (as they came), in p's language.
func viewErrorHead(s styles, p *i18n.Printer, e *matomo.Error, w int) string {
	head := s.bad.Render(wrap("✗ "+p.Text(e.Title()), w))
	var lines []string
	if !e.Detail.IsZero() {
		lines = append(lines, wrap(p.Text(e.Detail), w))
	}
	if e.Matomo != "" {
		lines = append(lines, wrap(p.Sprintf(i18n.UIMatomoSaid, s.quote.Render(quoted(p, e.Matomo))), w))
	}
	if !e.Suggested.IsZero() {
		// n offers it: the person sees where n leads before pressing it.
		lines = append(lines, s.label.Render(p.Sprintf(i18n.UIAddressNew))+"\n"+breakLong(e.Suggested.Readable(), w))
	}
	return head + "\n" + strings.Join(lines, "\n")
}

// viewErrorHint is what to do.
func viewErrorHint(p *i18n.Printer, e *matomo.Error, w int) string {
	if e.Hint.IsZero() {
		return ""
	}
	return wrap(p.Text(e.Hint), w)
}
