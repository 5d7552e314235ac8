package ui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// tokenState is the masked token input.
type tokenState struct {
	input textinput.Model
	// check is the input cleaned and judged on every keystroke, for the
	// live fingerprint and format hint; checkErr is why it cannot be sent.
	check    matomo.TokenCheck
	checkErr error
	// note explains what happened to the last paste or enter.
	note string
	// demo is the index of the demo token filled in by tab, or -1.
	demo int
	// asking is the question Enter raised instead of sending: the token
	// was rejected before, or does not have Matomo's form. Only y sends it
	// then, so that a repeated Enter never spends a failed login.
	asking string
}

func newTokenState(p *i18n.Printer) tokenState {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = p.Sprintf(i18n.UITokenPlaceholder)
	in.EchoMode = textinput.EchoPassword
	in.EchoCharacter = '•'
	in.CharLimit = matomo.MaxTokenLength
	in.KeyMap.Paste.SetEnabled(false) // pastes arrive as bracketed paste; no clipboard helper programs
	// The input's own binding: the help offers the key the input matches.
	in.KeyMap.DeleteBeforeCursor.SetHelp("ctrl+u", p.Sprintf(i18n.UIKeyClear))
	t := tokenState{input: in, demo: -1}
	t.recheck()
	return t
}

func (t *tokenState) recheck() {
	t.check, t.checkErr = matomo.ParseToken(t.input.Value())
}

// clear forgets the typed token.
func (t *tokenState) clear() {
	t.input.Reset()
	t.note, t.demo, t.asking = "", -1, ""
	t.recheck()
}

// tokenKeyMap is the token screen's keys; the field's own keys (typing,
// ctrl+u) are the text input's.
type tokenKeyMap struct {
	Verify     key.Binding
	DemoToken  key.Binding
	Back       key.Binding
	SendAnyway key.Binding // the answers to the question Enter may raise
	DontSend   key.Binding
}

func defaultTokenKeys(p *i18n.Printer) tokenKeyMap {
	return tokenKeyMap{
		Verify:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", p.Sprintf(i18n.UIKeyVerify))),
		DemoToken:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", p.Sprintf(i18n.UIKeyNextDemoToken))),
		Back:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", p.Sprintf(i18n.UIKeyBack))),
		SendAnyway: key.NewBinding(key.WithKeys(yesKey(p)), key.WithHelp(yesKey(p), p.Sprintf(i18n.UIKeyYesSendIt))),
		DontSend:   key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", p.Sprintf(i18n.UIKeyNo))),
	}
}

func (k *tokenKeyMap) bindings() []*key.Binding {
	return []*key.Binding{&k.Verify, &k.DemoToken, &k.Back, &k.SendAnyway, &k.DontSend}
}

// verifyingKeyMap is the keys while the token is checked: only cancel,
// so that nothing is sent twice.
type verifyingKeyMap struct {
	Cancel key.Binding
}

func defaultVerifyingKeys(p *i18n.Printer) verifyingKeyMap {
	return verifyingKeyMap{Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", p.Sprintf(i18n.UIKeyCancel)))}
}

func (k *verifyingKeyMap) bindings() []*key.Binding { return []*key.Binding{&k.Cancel} }

// tokenKeys is what the token screen offers now.
func (m *Model) tokenKeys() keySet {
	k := &m.keys.Token
	if m.token.asking != "" {
		return keySet{short: []*key.Binding{&k.SendAnyway, &k.DontSend}}
	}
	short := []*key.Binding{&k.Verify}
	if len(m.cfg.DemoTokens) > 0 {
		short = append(short, &k.DemoToken)
	}
	short = append(short, &k.Back)
	var more []*key.Binding
	if m.token.input.Value() != "" {
		more = append(more, &m.token.input.KeyMap.DeleteBeforeCursor)
	}
	return keySet{short: short, more: more}
}

func (m *Model) updateToken(msg tea.Msg) tea.Cmd {
	before := m.token.check.Token
	cmd := m.updateTokenField(msg)
	if !m.token.check.Token.Equal(before) {
		m.edited()
	}
	return cmd
}

// updateTokenField takes a key or paste on the token screen.
func (m *Model) updateTokenField(msg tea.Msg) tea.Cmd {
	t, keys := &m.token, &m.keys.Token
	if t.asking != "" {
		return m.answerToken(msg)
	}
	switch msg := msg.(type) {
	case tea.PasteMsg:
		return m.pasteToken(msg.Content)
	case tea.KeyPressMsg:
		if m.handlePage(msg) {
			return nil
		}
		switch {
		case key.Matches(msg, keys.Verify):
			return m.submitToken()
		case key.Matches(msg, keys.Back):
			return m.goTo(screenGuide)
		case key.Matches(msg, keys.DemoToken):
			t.demo = (t.demo + 1) % len(m.cfg.DemoTokens)
			t.input.SetValue(m.cfg.DemoTokens[t.demo].Value)
			t.note = ""
			t.recheck()
			return nil
		}
		t.note, t.demo = "", -1
	}
	var cmd tea.Cmd
	t.input, cmd = t.input.Update(msg)
	t.recheck()
	return cmd
}

// pasteToken takes a bracketed paste: the surrounding whitespace (a copied
// line's newline) goes, and an obviously wrong paste is refused whole,
// leaving what was typed before untouched.
func (m *Model) pasteToken(content string) tea.Cmd {
	t := &m.token
	n := utf8.RuneCountInString(content)
	if n > matomo.MaxTokenLength {
		t.note = m.cfg.Printer.Sprintf(i18n.UITokenPasteTooLong, n)
		return nil
	}
	trimmed := strings.TrimSpace(content)
	t.note = ""
	if trimmed != content && trimmed != "" {
		t.note = m.cfg.Printer.Sprintf(i18n.UITokenTrimmed)
	}
	t.demo = -1
	var cmd tea.Cmd
	t.input, cmd = t.input.Update(tea.PasteMsg{Content: trimmed})
	t.recheck()
	return cmd
}

// submitToken sends the token to Matomo, once, or first asks when that
// would most likely only spend a failed login: the very token Matomo
// rejected, or one without Matomo's form.
func (m *Model) submitToken() tea.Cmd {
	t, p := &m.token, m.cfg.Printer
	if !m.found.MaySendToken() {
		t.note = p.Sprintf(i18n.UITokenNotSentComputerLocked)
		if m.userLocked() {
			t.note = p.Sprintf(i18n.UITokenNotSentUserLocked)
		}
		return nil
	}
	if t.checkErr != nil {
		t.note = "✗ " + p.Error(t.checkErr)
		return nil
	}
	t.note = ""
	// The question names the one key that sends, as the help shows it.
	if at, ok := m.found.RejectedAt(t.check.Token); ok {
		t.asking = p.Sprintf(i18n.UITokenAskRejected, at.Host(), yesKey(p))
		return nil
	}
	if checked := m.found.Checked(); !m.found.Named(checked) {
		host := checked.Host()
		// A redirect's answer chose this server, the person did not.
		t.asking = m.cfg.Printer.Sprintf(i18n.UITokenToUntypedHost, host, yesKey(m.cfg.Printer))
		return nil
	}
	if !t.check.LooksValid() {
		t.asking = p.Sprintf(i18n.UITokenAskForm, yesKey(p))
		return nil
	}
	return m.sendToken(t.check)
}

// answerToken takes the answer to the question submitToken asked. A paste
// is not an answer: it goes into the field, and the question is dropped.
func (m *Model) answerToken(msg tea.Msg) tea.Cmd {
	t, keys := &m.token, &m.keys.Token
	switch msg := msg.(type) {
	case tea.PasteMsg:
		t.asking = ""
		return m.pasteToken(msg.Content)
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, keys.SendAnyway):
			t.asking = ""
			return m.sendToken(t.check)
		case key.Matches(msg, keys.DontSend):
			t.asking = ""
			t.note = m.cfg.Printer.Sprintf(i18n.UITokenNotSent)
		}
		return nil // no other key types into the field while the question is up
	}
	var cmd tea.Cmd
	t.input, cmd = t.input.Update(msg) // the cursor's blink
	return cmd
}

// sendToken starts the one verification request for tok.
func (m *Model) sendToken(tok matomo.TokenCheck) tea.Cmd {
	m.goTo(screenVerifying)
	ctx, seq := m.startRequest()
	return tea.Batch(verifyCmd(ctx, m.cfg.Client, m.found.Checked(), tok, seq), m.spinner.Tick)
}

func (m *Model) updateVerifying(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.keys.Verifying.Cancel) {
		m.cancelRequest()
		// What the last check found no longer stands; whether Matomo got
		// this one is unknown.
		m.found.RecordVerify(m.token.check, nil, &matomo.Error{Class: matomo.ClassCanceled})
		m.result = resultState{}
		cmd := m.goTo(screenToken)
		m.say(m.cfg.Printer.Sprintf(i18n.UITokenCheckCanceled))
		return cmd
	}
	return nil // no double submit: every other key waits for the answer
}

func (m *Model) onVerified(msg verifiedMsg) tea.Cmd {
	if !m.finishRequest(msg.seq) {
		return nil
	}
	m.found.RecordVerify(msg.tok, msg.res, msg.err.OrNil())
	m.result = resultState{shownAt: m.cfg.Now()}
	if msg.res != nil {
		m.result.table = newSiteTable(msg.res.Sites, m.cfg.Printer)
		m.result.table.query.SetWidth(max(10, m.contentWidth()-4))
	}
	return m.goTo(screenResult)
}

func (m *Model) viewToken() string {
	w := m.contentWidth()
	s := m.styles
	t := &m.token
	field := s.input.Render(t.input.View())
	// The count against the lock-out comes right after the field and its
	// note, where it is read before Enter, also on a small screen.
	return paragraphs(
		s.title.Render(wrap(m.cfg.Printer.Sprintf(i18n.UITokenTitle), w)),
		field+"\n"+m.viewTokenCheck(),
		m.viewTokenQuestion(),
		m.viewTokenNote(),
		m.viewLockout(),
		s.subtle.Render(wrap(m.whereTokenGoes(), w)),
		m.viewDemoTokens(),
	)
}

// viewTokenCheck is the live line under the field: fingerprint and format.
func (m *Model) viewTokenCheck() string {
	w := m.contentWidth()
	s, p := m.styles, m.cfg.Printer
	t := &m.token
	switch {
	case t.input.Value() == "":
		return s.subtle.Render(wrap(p.Sprintf(i18n.UITokenHowToPaste), w))
	case t.checkErr != nil:
		return s.warn.Render(wrap("! "+p.Error(t.checkErr), w))
	}
	fp := p.Text(t.check.Token.FingerprintText())
	var line string
	_, rejected := m.found.RejectedAt(t.check.Token)
	switch {
	case rejected:
		line = s.bad.Render(wrap(fp+p.Sprintf(i18n.UITokenRejectedBefore), w))
	case !t.check.LooksValid():
		line = s.warn.Render(wrap(fp+" · ! "+joinTexts(p, t.check.Warnings), w))
	case m.found.Rejected() > 0:
		// After rejections the form alone is no green light: the count
		// below says what another wrong token costs.
		line = s.warn.Render(wrap(fp+p.Sprintf(i18n.UITokenHasForm)+lowercased(p, t.check), w))
	default:
		line = s.ok.Render(wrap(fp+p.Sprintf(i18n.UITokenLooksValid)+lowercased(p, t.check), w))
	}
	if !t.check.Unwrapped.IsZero() {
		line += "\n" + s.subtle.Render(wrap(p.Text(t.check.Unwrapped), w))
	}
	return line
}

// joinTexts renders package matomo's texts in p's language, one after
// another.
func joinTexts(p *i18n.Printer, ts []i18n.Text) string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = p.Text(t)
	}
	return strings.Join(out, " ")
}

// lowercased says that a token in upper case is sent in lower case.
func lowercased(p *i18n.Printer, c matomo.TokenCheck) string {
	if c.Lowercased {
		return p.Sprintf(i18n.UITokenLowercased)
	}
	return ""
}

// viewTokenQuestion is the question Enter raised, in place of the note.
func (m *Model) viewTokenQuestion() string {
	if m.token.asking == "" {
		return ""
	}
	return m.styles.warn.Render(wrap("! "+m.token.asking, m.contentWidth()))
}

func (m *Model) viewTokenNote() string {
	if m.token.note == "" {
		return ""
	}
	st := m.styles.subtle
	if strings.HasPrefix(m.token.note, "✗") {
		st = m.styles.bad
	}
	return st.Render(wrap(m.token.note, m.contentWidth()))
}

func (m *Model) whereTokenGoes() string {
	addr := m.found.Checked()
	how := i18n.UITokenGoesHTTPS
	if pre := m.found.Preflight(); pre != nil && pre.Trace.SkipVerify {
		how = i18n.UITokenGoesUnchecked
	}
	if addr.PlainHTTP() {
		how = i18n.UITokenGoesHTTP
		if addr.IsLoopback() {
			how = i18n.UITokenGoesLoopback
		}
		// The address check went the way the token will: through a proxy
		// over plain http, that proxy reads it (--allow-http allowed it).
		if pre := m.found.Preflight(); pre != nil && pre.Trace.Proxy != "" && !matomo.ContainsTokenPiece(pre.Trace.Proxy) {
			return m.cfg.Printer.Sprintf(i18n.UITokenGoesHTTPProxy, addr.ReadableHost(), matomo.Printable(pre.Trace.Proxy, 100))
		}
	}
	return m.cfg.Printer.Sprintf(how, addr.ReadableHost())
}

// userLocked reports what Matomo's lock-out holds: the user's login from
// anywhere (Matomo's other lock-out), or else this computer's IP address.
func (m *Model) userLocked() bool {
	for _, e := range []*matomo.Error{m.found.VerifyErr(), m.found.GETErr()} {
		if e != nil && e.Class == matomo.ClassBlocked && e.UserLocked {
			return true
		}
	}
	return false
}

// viewLockout shows the session's count of failed logins against Matomo's
// lock-out, in the same words as the line mode.
func (m *Model) viewLockout() string {
	w := m.contentWidth()
	s, p := m.styles, m.cfg.Printer
	blockedAbove := m.screen == screenResult && matomo.ClassOf(m.found.VerifyErr().OrNil()) == matomo.ClassBlocked
	switch {
	case m.found.Blocked() && blockedAbove:
		// The failure above explains the lock-out; say what the wizard does.
		line := p.Sprintf(i18n.UILockoutNoRetry)
		if len(m.cfg.DemoTokens) > 0 {
			line += p.Sprintf(i18n.UILockoutDemo)
		}
		return s.bad.Render(wrap(line, w))
	case m.found.Blocked() && m.userLocked():
		return s.bad.Render(wrap(p.Sprintf(i18n.UILockoutUser), w))
	case m.found.Blocked():
		return s.bad.Render(wrap(p.Sprintf(i18n.UILockoutComputer), w))
	case m.found.Rejected() > 0:
		return s.warn.Render(wrap(m.cfg.Printer.Text(m.found.Countdown()), w))
	}
	return ""
}

func (m *Model) viewDemoTokens() string {
	if len(m.cfg.DemoTokens) == 0 {
		return ""
	}
	w := m.contentWidth()
	s := m.styles
	lines := []string{s.label.Render(m.cfg.Printer.Sprintf(i18n.UITokenDemoTokens)) + s.subtle.Render(m.cfg.Printer.Sprintf(i18n.UITokenDemoTab))}
	for i, d := range m.cfg.DemoTokens {
		// Every note whole, wrapped under its number: a note cut short at
		// the screen's edge hides what the token shows.
		number := fmt.Sprintf("%d ", i+1)
		if i == m.token.demo {
			lines = append(lines, wrapHanging("▸ "+s.label.Render(number), s.label.Render(d.Note), w))
			continue
		}
		lines = append(lines, wrapHanging("  "+number, d.Note, w))
	}
	return strings.Join(lines, "\n")
}

func (m *Model) viewVerifying() string {
	w := m.contentWidth()
	s, p := m.styles, m.cfg.Printer
	title := p.Sprintf(i18n.UIVerifyingTitle)
	if m.found.Created() != nil {
		title = p.Sprintf(i18n.UIVerifyingCreatedTitle)
	}
	return paragraphs(
		s.title.Render(wrap(title, w)),
		m.working(p.Sprintf(i18n.UIVerifyingAsking, m.found.Checked().ReadableHost())),
		s.subtle.Render(wrap(p.Sprintf(i18n.UIVerifyingOneRequest, m.cfg.Client.Timeout()), w)),
	)
}
