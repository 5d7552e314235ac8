package ui

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
	"matomo-onboard/steps"
)

// "Create it for me": instead of the guide's steps in the browser, the
// person types their Matomo login and password here, and Matomo creates
// the token (matomo.Client.CreateToken), which is then verified at once
// and goes on to the sites as if it had been pasted.
//
// The password is the most sensitive thing this wizard ever holds. It
// lives only in its masked field until Enter sends it: the field is reset
// as the request starts, and the model holds no password after that (a
// test looks through the whole model for it). It is asked for each round
// again: a round that Matomo refused (a wrong password, a two-factor code
// missing or wrong) is counted against the lock-out, and after three the
// guide's steps are the way (matomo.Session.MayCreate).
//
// The two-factor question comes before anything is sent, and the code is
// asked last, just before the request: Matomo stores the token before it
// checks the code, so each refused code leaves a token behind that nobody
// was shown (an "orphan"), and a code is good for about a minute.

// createStage is the question the create screen asks.
type createStage int

const (
	askLogin createStage = iota
	askPassword
	askDescription
	askExpiry // expire? y/n
	askExpiryDate
	askTwoFactor // two-factor authentication? y/n
	askCode
)

// twoFactorAnswer is the answer to "do you use two-factor authentication?".
type twoFactorAnswer int

const (
	twoFactorUnasked twoFactorAnswer = iota
	twoFactorNo
	twoFactorYes
)

// createState is the create screen: its fields, what was answered, and
// what the last round said.
type createState struct {
	stage createStage
	// The fields. password is masked and emptied as the request starts.
	login, password, description, expiry, code textinput.Model
	// expires is set when the person chose an expiry date; twoFactor is
	// their answer, kept for the next round.
	expires   bool
	twoFactor twoFactorAnswer
	// reviewed is set once the person went past the description: a round
	// after a refusal then asks only for the password and the code again.
	reviewed bool
	// problem says why the last Enter did not go on (what was typed);
	// refusal is what Matomo said to the last round, with what to do.
	problem string
	refusal string
	// sending is set while the request is in flight.
	sending bool
	// demo is the index of the demo login tab filled in, -1 for none;
	// demoCode is the code the demo's two-factor user's app shows now.
	demo     int
	demoCode string
}

// DemoLogin is a login of the built-in demo Matomo for "create it for me":
// not secret, like the demo's tokens.
type DemoLogin struct {
	Login, Password, Note string
	// Code is the two-factor code the user's app shows now, nil for a
	// user without two-factor authentication.
	Code func() string
}

func newCreateState(now time.Time, tool string, p *i18n.Printer) createState {
	field := func(placeholder string) textinput.Model {
		in := textinput.New()
		in.Prompt = ""
		in.Placeholder = placeholder
		in.CharLimit = 255
		in.KeyMap.Paste.SetEnabled(false) // pastes arrive as bracketed paste
		in.KeyMap.DeleteBeforeCursor.SetHelp("ctrl+u", p.Sprintf(i18n.UIKeyClear))
		return in
	}
	c := createState{
		login:       field(p.Sprintf(i18n.UICreateLoginPlaceholder)),
		password:    field(p.Sprintf(i18n.UICreatePasswordPlaceholder)),
		description: field(""),
		expiry:      field(p.Sprintf(i18n.UICreateExpiryPlaceholder)),
		code:        field(p.Sprintf(i18n.UICreateCodePlaceholder)),
		demo:        -1,
	}
	c.password.EchoMode = textinput.EchoPassword
	c.password.EchoCharacter = '•'
	c.password.CharLimit = matomo.MaxPasswordLength
	c.description.CharLimit = matomo.MaxDescriptionLength
	c.description.SetValue(steps.Purpose(tool, now))
	c.expiry.CharLimit = 10
	c.code.CharLimit = 64
	return c
}

// input is the field of the current stage, nil for a question.
func (c *createState) input() *textinput.Model {
	switch c.stage {
	case askLogin:
		return &c.login
	case askPassword:
		return &c.password
	case askDescription:
		return &c.description
	case askExpiryDate:
		return &c.expiry
	case askCode:
		return &c.code
	}
	return nil
}

// fields are all the text fields, for sizing and styling them.
func (c *createState) fields() []*textinput.Model {
	return []*textinput.Model{&c.login, &c.password, &c.description, &c.expiry, &c.code}
}

// createKeyMap is the create screen's keys; typing is the fields'.
type createKeyMap struct {
	Next      key.Binding
	Back      key.Binding
	Yes       key.Binding
	No        key.Binding
	DemoLogin key.Binding
	DemoPass  key.Binding
	DemoCode  key.Binding
	Cancel    key.Binding
	Steps     key.Binding
}

func defaultCreateKeys(p *i18n.Printer) createKeyMap {
	return createKeyMap{
		Next:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", p.Sprintf(i18n.UIKeyNext))),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", p.Sprintf(i18n.UIKeyBack))),
		Yes:       key.NewBinding(key.WithKeys(yesKey(p)), key.WithHelp(yesKey(p), p.Sprintf(i18n.UIKeyYes))),
		No:        key.NewBinding(key.WithKeys("n"), key.WithHelp("n", p.Sprintf(i18n.UIKeyNo))),
		DemoLogin: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", p.Sprintf(i18n.UIKeyNextDemoLogin))),
		DemoPass:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", p.Sprintf(i18n.UIKeyDemoPassword))),
		DemoCode:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", p.Sprintf(i18n.UIKeyDemoCode))),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", p.Sprintf(i18n.UIKeyCancel))),
		Steps:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", p.Sprintf(i18n.UIKeyBackToSteps))),
	}
}

func (k *createKeyMap) bindings() []*key.Binding {
	return []*key.Binding{&k.Next, &k.Back, &k.Yes, &k.No, &k.DemoLogin, &k.DemoPass, &k.DemoCode, &k.Cancel, &k.Steps}
}

// createKeys is what the create screen offers now.
func (m *Model) createKeys() (keySet, scrolling) {
	p := m.cfg.Printer
	k, c := &m.keys.Create, &m.create
	switch {
	case c.sending:
		return keySet{short: []*key.Binding{&k.Cancel}}, noScroll
	case !m.found.MayCreate():
		return keySet{short: []*key.Binding{&k.Steps}}, pageScroll
	}
	var short []*key.Binding
	switch c.stage {
	case askExpiry:
		k.Yes.SetHelp(yesKey(p), p.Sprintf(i18n.UIKeyChooseDate))
		k.No.SetHelp("n/enter", p.Sprintf(i18n.UIKeyNoExpiry))
		k.No.SetKeys("n", "enter")
		short = []*key.Binding{&k.No, &k.Yes}
	case askTwoFactor:
		k.Yes.SetHelp(yesKey(p), p.Sprintf(i18n.UIKeyYesTypeCode))
		k.No.SetHelp("n", p.Sprintf(i18n.UIKeyNoCreateIt))
		k.No.SetKeys("n")
		short = []*key.Binding{&k.Yes, &k.No}
	default:
		k.Next.SetHelp("enter", p.Sprintf(i18n.UIKeyNext))
		if c.stage == askCode {
			k.Next.SetHelp("enter", p.Sprintf(i18n.UIKeyCreateToken))
		}
		short = []*key.Binding{&k.Next}
		if c.stage == askLogin && len(m.cfg.DemoLogins) > 0 {
			short = append(short, &k.DemoLogin)
		}
		if c.stage == askPassword && m.demoLogin() != nil {
			short = append(short, &k.DemoPass)
		}
		if c.stage == askCode && c.demoCode != "" {
			short = append(short, &k.DemoCode)
		}
	}
	k.Back.SetHelp("esc", p.Sprintf(i18n.UIKeyBack))
	if c.stage == askLogin {
		k.Back.SetHelp("esc", p.Sprintf(i18n.UIKeyBackToSteps))
	}
	short = append(short, &k.Back)
	var more []*key.Binding
	if in := c.input(); in != nil && in.Value() != "" {
		more = append(more, &in.KeyMap.DeleteBeforeCursor)
	}
	return keySet{short: short, more: more}, pageScroll
}

// mayOfferCreate reports whether the guide offers "create it for me", and
// if not, why not in a sentence ("" when nothing needs saying).
func (m *Model) mayOfferCreate() (bool, string) {
	addr, p := m.found.Checked(), m.cfg.Printer
	switch {
	case addr.IsZero():
		return false, ""
	case m.guide.version == steps.Matomo3:
		return false, "" // the steps say how Matomo 3 shows its one token
	case addr.PlainHTTP() && !addr.IsLoopback():
		return false, p.Sprintf(i18n.UICreateNeedsHTTPS)
	case m.uncheckedTLS() && !addr.IsLoopback():
		return false, p.Sprintf(i18n.UICreateNeedsCheckedTLS)
	case m.found.Blocked():
		return false, ""
	case m.found.CreateRefused() != nil:
		return false, p.Sprintf(i18n.UICreateRefusedBefore)
	case !m.found.MayCreate():
		return false, p.Sprintf(i18n.UICreateNoMoreTries)
	}
	return true, ""
}

// uncheckedTLS reports a check of the address without its certificate
// checked (--insecure-skip-verify): the password does not go there.
func (m *Model) uncheckedTLS() bool {
	pre := m.found.Preflight()
	return pre != nil && pre.Trace.SkipVerify
}

// viewCreateOffer is the guide's first step's choice: the token made from
// the password, with its trade-off in plain words.
func (m *Model) viewCreateOffer() string {
	w := m.contentWidth()
	s := m.styles
	ok, why := m.mayOfferCreate()
	if !ok {
		if why == "" {
			return ""
		}
		return s.subtle.Render(wrap(why, w))
	}
	tradeOff := steps.CreateTradeOff(m.cfg.Printer, m.found.Checked().ReadableHost())
	return s.label.Render(wrap(m.cfg.Printer.Sprintf(i18n.UICreateOffer), w)) + "\n" + wrap(tradeOff, w)
}

// startCreate opens the create screen at its first question, keeping
// what was typed before (but never a password).
func (m *Model) startCreate() tea.Cmd {
	c := &m.create
	c.stage, c.problem = askLogin, ""
	if c.reviewed {
		// Back after a round: only what Matomo needs again.
		c.stage = askPassword
	}
	m.goTo(screenCreate)
	return m.focusCreate()
}

// focusCreate gives the keyboard to the current stage's field.
func (m *Model) focusCreate() tea.Cmd {
	c := &m.create
	c.demoCode = ""
	if c.stage == askCode {
		c.demoCode = m.demoCode()
	}
	for _, f := range c.fields() {
		f.Blur()
	}
	if in := c.input(); in != nil {
		in.CursorEnd()
		return in.Focus()
	}
	return nil
}

// createdMsg answers CreateToken.
type createdMsg struct {
	seq         int
	description string
	created     *matomo.Created
	err         *matomo.Error
}

// createCmd sends the one request. The password is in req only, not in
// the model.
func createCmd(ctx context.Context, c Client, pre *matomo.Preflight, req matomo.CreateRequest, seq int) tea.Cmd {
	return func() tea.Msg {
		created, err := c.CreateToken(ctx, pre, req)
		return createdMsg{seq: seq, description: req.Description, created: created, err: matomo.AsError(err)}
	}
}

func (m *Model) updateCreate(msg tea.Msg) tea.Cmd {
	c, keys := &m.create, &m.keys.Create
	if c.stage == askCode && len(m.cfg.DemoLogins) > 0 {
		c.demoCode = m.demoCode()
	}
	k, isKey := msg.(tea.KeyPressMsg)
	if c.sending {
		if isKey && key.Matches(k, keys.Cancel) {
			m.cancelRequest()
			c.sending = false
			m.found.RecordCreate(c.description.Value(), nil, &matomo.Error{Class: matomo.ClassCanceled})
			c.refusal = m.cfg.Printer.Sprintf(i18n.UICreateCanceled, m.securityPage(), matomo.Printable(c.description.Value(), 300))
			c.stage = askPassword
			return m.focusCreate()
		}
		return nil // no double submit
	}
	if !m.found.MayCreate() {
		if isKey && key.Matches(k, keys.Steps) {
			return m.goTo(screenGuide)
		}
		return nil
	}
	if p, ok := msg.(tea.PasteMsg); ok {
		return m.pasteCreate(p.Content)
	}
	if isKey {
		if m.handlePage(k) {
			return nil
		}
		if used, cmd := m.answerCreate(k); used {
			return cmd
		}
	}
	in := c.input()
	if in == nil {
		return nil
	}
	before := in.Value()
	var cmd tea.Cmd
	*in, cmd = in.Update(msg)
	if in.Value() != before {
		c.problem = ""
		m.edited()
		m.dropSecretsFromCreate()
	}
	return cmd
}

// pasteCreate takes a bracketed paste into the current field: a copied
// line's line end goes.
func (m *Model) pasteCreate(content string) tea.Cmd {
	in := m.create.input()
	if in == nil {
		return nil
	}
	content = strings.TrimRight(content, "\r\n")
	if m.create.stage != askPassword {
		content = strings.TrimSpace(content)
	}
	var cmd tea.Cmd
	*in, cmd = in.Update(tea.PasteMsg{Content: content})
	m.create.problem = ""
	m.edited()
	m.dropSecretsFromCreate()
	return cmd
}

// dropSecretsFromCreate empties a field that is not the password's but
// holds a token: a token pasted into the login or the description would
// be shown and sent as such.
func (m *Model) dropSecretsFromCreate() {
	c := &m.create
	for _, f := range []*textinput.Model{&c.login, &c.description, &c.expiry, &c.code} {
		if matomo.ContainsToken(f.Value()) {
			f.SetValue("")
			c.problem = m.cfg.Printer.Sprintf(i18n.UICreateTokenDropped)
		}
	}
}

// answerCreate takes the keys of the current question; it reports whether
// it used the key.
func (m *Model) answerCreate(k tea.KeyPressMsg) (bool, tea.Cmd) {
	c, keys := &m.create, &m.keys.Create
	switch {
	case key.Matches(k, keys.Back):
		return true, m.createBack()
	case key.Matches(k, keys.DemoLogin) && c.stage == askLogin:
		c.demo = (c.demo + 1) % len(m.cfg.DemoLogins)
		d := m.cfg.DemoLogins[c.demo]
		c.login.SetValue(d.Login)
		c.password.SetValue(d.Password)
		c.problem = ""
		return true, nil
	case key.Matches(k, keys.DemoPass) && c.stage == askPassword:
		c.password.SetValue(m.demoLogin().Password)
		c.password.CursorEnd()
		return true, nil
	case key.Matches(k, keys.DemoCode) && c.stage == askCode:
		c.code.SetValue(c.demoCode)
		c.code.CursorEnd()
		return true, nil
	case key.Matches(k, keys.Yes) && (c.stage == askExpiry || c.stage == askTwoFactor):
		if c.stage == askExpiry {
			c.expires = true
			c.stage = askExpiryDate
		} else {
			c.twoFactor = twoFactorYes
			c.stage = askCode
		}
		return true, m.focusCreate()
	case key.Matches(k, keys.No) && (c.stage == askExpiry || c.stage == askTwoFactor):
		if c.stage == askExpiry {
			c.expires = false
			c.expiry.SetValue("")
			c.stage = askTwoFactor
			return true, m.focusCreate()
		}
		c.twoFactor = twoFactorNo
		c.code.SetValue("")
		return true, m.sendCreate()
	case key.Matches(k, keys.Next) && c.input() != nil:
		return true, m.createNext()
	}
	return c.input() == nil, nil // a question takes no other key
}

// createNext checks the current field and goes on to the next question,
// or sends after the code.
func (m *Model) createNext() tea.Cmd {
	c := &m.create
	var err error
	switch c.stage {
	case askLogin:
		var login string
		if login, err = matomo.CheckLogin(c.login.Value()); err == nil {
			c.login.SetValue(login)
			c.stage = askPassword
		}
	case askPassword:
		if _, err = matomo.ParsePassword(c.password.Value()); err == nil {
			c.stage = askDescription
			if c.reviewed {
				c.stage = askTwoFactor
			}
		}
	case askDescription:
		var d string
		if d, err = matomo.CheckDescription(c.description.Value()); err == nil {
			c.description.SetValue(d)
			c.stage, c.reviewed = askExpiry, true
		}
	case askExpiryDate:
		var d string
		if d, err = matomo.CheckExpireDate(c.expiry.Value(), m.cfg.Now()); err == nil {
			c.expiry.SetValue(d)
			c.stage = askTwoFactor
		}
	case askCode:
		if _, err = matomo.CheckAuthCode(c.code.Value()); err == nil {
			return m.sendCreate()
		}
	}
	if err != nil {
		c.problem = "✗ " + m.cfg.Printer.Error(err)
		return nil
	}
	c.problem = ""
	return m.focusCreate()
}

// createBack goes one question back; from the first, back to the steps.
func (m *Model) createBack() tea.Cmd {
	c := &m.create
	c.problem = ""
	switch c.stage {
	case askLogin:
		return m.goTo(screenGuide)
	case askTwoFactor:
		c.stage = askExpiry
		if c.expires {
			c.stage = askExpiryDate
		}
	default:
		c.stage--
	}
	return m.focusCreate()
}

// sendCreate sends the one request of this round. The password goes from
// its field into the request only: the field is reset before the request
// starts, and so is the code's (it is good once).
func (m *Model) sendCreate() tea.Cmd {
	c := &m.create
	pw, err := matomo.ParsePassword(c.password.Value())
	c.password.Reset()
	if err != nil {
		c.stage, c.problem = askPassword, "✗ "+m.cfg.Printer.Error(err)
		return m.focusCreate()
	}
	req := matomo.CreateRequest{Login: c.login.Value(), Password: pw, Description: c.description.Value()}
	if c.expires {
		req.ExpireDate = c.expiry.Value()
	}
	if c.twoFactor == twoFactorYes {
		req.AuthCode = c.code.Value()
	}
	c.code.Reset()
	c.sending, c.problem, c.refusal = true, "", ""
	for _, f := range c.fields() {
		f.Blur()
	}
	m.edited()
	ctx, seq := m.startRequest()
	return tea.Batch(createCmd(ctx, m.cfg.Client, m.found.Preflight(), req, seq), m.spinner.Tick)
}

// onCreated takes Matomo's answer to a round: a created token is verified
// at once; a refusal says what it means and asks again, or sends the
// person back to the steps.
func (m *Model) onCreated(msg createdMsg) tea.Cmd {
	if !m.finishRequest(msg.seq) {
		return nil
	}
	c := &m.create
	c.sending = false
	m.found.RecordCreate(msg.description, msg.created, msg.err.OrNil())
	if msg.err == nil {
		c.refusal = ""
		return m.sendToken(m.found.TokenCheck())
	}
	e := msg.err
	c.refusal = m.createRefusal(e, msg.description)
	switch {
	case e.Class == matomo.ClassCreateRefused:
		return m.createFallBack(e)
	case e.Class == matomo.ClassTwoFactor:
		c.twoFactor = twoFactorYes
		c.stage = askPassword
		c.description.SetValue(matomo.NextDescription(msg.description, m.found.Orphans()))
	case e.Class == matomo.ClassCreateInput:
		c.stage = inputStage[e.Field]
	default:
		c.stage = askPassword
	}
	if !m.found.MayCreate() && !m.found.Blocked() {
		return m.createFallBack(nil)
	}
	return m.focusCreate()
}

// inputStage is the question of each field Matomo may not take
// (matomo.Error.Field); the password's is the zero value's fallback.
var inputStage = map[string]createStage{
	"login": askLogin, "password": askPassword, "description": askDescription, "expiry": askExpiryDate, "code": askCode,
}

// createFallBack sends the person to the guide's steps, saying why: this
// Matomo refuses the method (Matomo 3 then gets its own steps), or the
// rounds are spent.
func (m *Model) createFallBack(e *matomo.Error) tea.Cmd {
	c := &m.create
	g := &m.guide
	switch {
	case e != nil && e.Matomo3:
		g.version, g.answered = steps.Matomo3, true
		g.createNote = m.cfg.Printer.Sprintf(i18n.UICreateMatomo3)
	case e != nil:
		p := m.cfg.Printer
		g.createNote = p.Sprintf(i18n.UICreateFailed, e.Title(), e.Detail)
		if e.Matomo != "" {
			g.createNote += p.Sprintf(i18n.UIMatomoSaidAfter, e.Matomo)
		}
	default:
		g.createNote = m.cfg.Printer.Sprintf(i18n.UICreateLastTry, c.refusal)
	}
	if orphans := m.found.Orphans(); len(orphans) > 0 && (e == nil || e.TokenLeft) {
		g.createNote += " " + m.orphanSentence(orphans)
	}
	g.index = 0
	m.rebuildGuide()
	return m.goTo(screenGuide)
}

// createRefusal is what to say of a refused round, in sentences: what
// happened, what it left behind, and what to do.
func (m *Model) createRefusal(e *matomo.Error, description string) string {
	switch e.Class {
	case matomo.ClassTwoFactor:
		return steps.CodeRefused(m.cfg.Printer, m.guide.labels(), description, e.CodeGiven)
	case matomo.ClassPasswordRejected:
		return m.cfg.Printer.Sprintf(i18n.UICreatePasswordRejected)
	case matomo.ClassBlocked:
		return m.cfg.Printer.Sprintf(i18n.UICreateBlocked, e.Title(), e.Detail)
	}
	p := m.cfg.Printer
	text := p.Text(e.Title()) + ". " + p.Text(e.Detail)
	if e.Matomo != "" {
		text += p.Sprintf(i18n.UIMatomoSaidAfter, e.Matomo)
	}
	if e.Trace != nil && e.Trace.Written > 0 && e.Class != matomo.ClassCreateInput {
		text += p.Sprintf(i18n.UICreateMayHaveCreated, matomo.Printable(description, 300), m.securityPage())
	}
	return text + " " + p.Text(e.Hint)
}

// securityPage names the page that lists the person's tokens, in the
// words of their Matomo.
func (m *Model) securityPage() string { return steps.SecurityPage(m.guide.labels()) }

// orphanSentence asks for the tokens nobody saw to be deleted.
func (m *Model) orphanSentence(orphans []string) string {
	return steps.OrphanSentence(m.cfg.Printer, m.guide.labels(), orphans)
}

// demoLogin is the demo login typed, or nil.
func (m *Model) demoLogin() *DemoLogin {
	for i, d := range m.cfg.DemoLogins {
		if d.Login == m.create.login.Value() {
			return &m.cfg.DemoLogins[i]
		}
	}
	return nil
}

// demoCode is the code the demo's two-factor user's app shows now.
func (m *Model) demoCode() string {
	if d := m.demoLogin(); d != nil && d.Code != nil {
		return d.Code()
	}
	return ""
}

func (m *Model) viewCreate() string {
	w := m.contentWidth()
	s, p := m.styles, m.cfg.Printer
	c := &m.create
	title := s.title.Render(wrap(p.Sprintf(i18n.UICreateTitle), w))
	if !m.found.MayCreate() {
		return paragraphs(title, s.bad.Render(wrap("✗ "+c.refusal, w)), m.viewLockout())
	}
	if c.sending {
		return paragraphs(title, m.working(p.Sprintf(i18n.UICreateSending, m.found.Checked().ReadableHost())),
			s.subtle.Render(wrap(p.Sprintf(i18n.UICreateOneRequest, m.cfg.Client.Timeout()), w)))
	}
	var refusal string
	if c.refusal != "" {
		refusal = s.warn.Render(wrap("! "+c.refusal, w))
	}
	var problem string
	if c.problem != "" {
		problem = s.bad.Render(wrap(c.problem, w))
	}
	return paragraphs(
		title,
		refusal,
		m.viewCreateAnswers(),
		m.viewCreateQuestion(),
		problem,
		m.viewDemoLogins(),
		m.viewLockout(),
		s.subtle.Render(wrap(m.wherePasswordGoes(), w)),
	)
}

// viewCreateAnswers lists what was answered before the current question.
func (m *Model) viewCreateAnswers() string {
	w := m.contentWidth()
	s, p := m.styles, m.cfg.Printer
	c := &m.create
	field := func(name *i18n.Message, value string) string {
		return wrapHanging(s.label.Render(pad(p.Sprintf(name), 13)), value, w)
	}
	// An answer shows once given: before the current question, or, after
	// a round, everything but the current question.
	shown := func(st createStage) bool { return st != c.stage && (st < c.stage || c.reviewed) }
	var lines []string
	if shown(askLogin) {
		lines = append(lines, field(i18n.UICreateFieldLogin, c.login.Value()))
	}
	if shown(askPassword) && c.password.Value() != "" {
		lines = append(lines, field(i18n.UICreateFieldPassword, p.Sprintf(i18n.UICreatePasswordTyped)))
	}
	if shown(askDescription) {
		lines = append(lines, field(i18n.UICreateFieldDescription, c.description.Value()))
	}
	if shown(askExpiry) && c.stage != askExpiryDate {
		expiry := p.Sprintf(i18n.UICreateNoExpiry)
		if c.expires {
			expiry = c.expiry.Value()
		}
		lines = append(lines, field(i18n.UICreateFieldExpires, expiry))
	}
	return joinLines(lines...)
}

// viewCreateQuestion is the current question with its field.
func (m *Model) viewCreateQuestion() string {
	w := m.contentWidth()
	s, p := m.styles, m.cfg.Printer
	c := &m.create
	ask := func(question *i18n.Message, help string) string {
		out := s.label.Render(wrap(p.Sprintf(question), w))
		if in := c.input(); in != nil {
			out += "\n" + s.input.Render(in.View())
		}
		if help != "" {
			out += "\n" + s.subtle.Render(wrap(help, w))
		}
		return out
	}
	switch c.stage {
	case askLogin:
		return ask(i18n.UICreateAskLogin, p.Sprintf(i18n.UICreateAskLoginHelp))
	case askPassword:
		help := p.Sprintf(i18n.UICreateAskPasswordHelp)
		if d := m.demoLogin(); d != nil {
			help += p.Sprintf(i18n.UICreateDemoPassword, d.Password)
		}
		return ask(i18n.UICreateAskPassword, help)
	case askDescription:
		return ask(i18n.UICreateAskDescription, p.Sprintf(i18n.UICreateAskDescriptionHelp))
	case askExpiry:
		return ask(i18n.UICreateAskExpiry, p.Sprintf(i18n.UICreateAskExpiryHelp, yesKey(p)))
	case askExpiryDate:
		return ask(i18n.UICreateAskExpiryDate, p.Sprintf(i18n.UICreateAskExpiryDateHelp))
	case askTwoFactor:
		help := p.Sprintf(i18n.UICreateAskTwoFactorHelp)
		switch c.twoFactor {
		case twoFactorYes:
			help = p.Sprintf(i18n.UICreateYouSaidYes) + help
		case twoFactorNo:
			help = p.Sprintf(i18n.UICreateYouSaidNo) + help
		}
		return ask(i18n.UICreateAskTwoFactor, help)
	case askCode:
		help := p.Sprintf(i18n.UICreateAskCodeHelp)
		if c.demoCode != "" {
			help += p.Sprintf(i18n.UICreateDemoCode, c.demoCode)
		}
		return ask(i18n.UICreateAskCode, help)
	}
	return ""
}

// wherePasswordGoes says where the password goes, and only there.
func (m *Model) wherePasswordGoes() string {
	addr := m.found.Checked()
	how := i18n.UICreatePasswordGoesHTTPS
	if pre := m.found.Preflight(); pre != nil && pre.Trace.SkipVerify {
		how = i18n.UICreatePasswordGoesUnchecked
	}
	if addr.PlainHTTP() {
		how = i18n.UICreatePasswordGoesLoopback
	}
	return m.cfg.Printer.Sprintf(how, addr.ReadableHost())
}

// viewDemoLogins lists the demo's logins on the first question.
func (m *Model) viewDemoLogins() string {
	if len(m.cfg.DemoLogins) == 0 || m.create.stage != askLogin {
		return ""
	}
	w := m.contentWidth()
	s := m.styles
	p := m.cfg.Printer
	lines := []string{s.label.Render(p.Sprintf(i18n.UICreateDemoLogins)) + s.subtle.Render(p.Sprintf(i18n.UICreateDemoLoginsTab))}
	for i, d := range m.cfg.DemoLogins {
		mark := "  "
		if i == m.create.demo {
			mark = "▸ "
		}
		lines = append(lines, wrapHanging(mark, p.Sprintf(i18n.UICreateDemoLogin, d.Login, d.Password, d.Note), w))
	}
	return strings.Join(lines, "\n")
}

// viewCreated says what the created token is, on the sites and the done
// screen: its name in Matomo, its expiry, and whether it works in URLs.
func (m *Model) viewCreated() string {
	cr := m.found.Created()
	if cr == nil {
		return ""
	}
	version := ""
	if res := m.found.Result(); res != nil {
		version = res.Version
	}
	return m.cfg.Printer.Text(cr.Summary(version, m.cfg.Printer.Sprintf(i18n.UICreatedURLCheck)))
}

// holdsCreated reports whether the session holds the token the wizard
// created and the person has not taken it anywhere yet: Matomo showed it
// to nobody, so leaving it (another token, another address) would lose it.
func (m *Model) holdsCreated() bool { return m.found.Created() != nil && m.tokenOut == "" }

// createdFailureKeys are the failure screen's keys when the check of the
// created token failed: try again where that can help, and take the token
// (the done screen's ways out), so that it is not lost.
func (m *Model) createdFailureKeys() keySet {
	k, d := &m.keys.Result, &m.keys.Done
	var short []*key.Binding
	if m.found.MayRetry() {
		short = append(short, &k.Retry)
	}
	short = append(short, &d.CopyToken)
	if m.cfg.Clipboard != nil {
		short = append(short, &d.SystemCopy)
	}
	short = append(short, &d.SaveToken)
	if m.cfg.Report != nil {
		short = append(short, &k.Report)
	}
	if !m.holdsCreated() {
		short = append(short, &k.Address)
	}
	return keySet{short: append(short, &m.keys.Close)}
}

// updateCreatedFailure takes the ways out on the failure screen of the
// created token; it reports whether it used the key.
func (m *Model) updateCreatedFailure(k tea.KeyPressMsg) (bool, tea.Cmd) {
	d := &m.keys.Done
	switch {
	case key.Matches(k, d.CopyToken):
		return true, m.copyTokenToTerminal()
	case key.Matches(k, d.SystemCopy):
		return true, m.copyTokenToSystem()
	case key.Matches(k, d.SaveToken):
		return true, m.startSaving()
	}
	return false, nil
}

// viewCreatedKept says, on the failure screen, that the created token is
// kept and how to take it.
func (m *Model) viewCreatedKept() string {
	cr := m.found.Created()
	if cr == nil {
		return ""
	}
	w := m.contentWidth()
	p, description := m.cfg.Printer, matomo.Printable(cr.Description, 300)
	text := p.Sprintf(i18n.UICreatedKept, description)
	if m.cfg.Clipboard == nil {
		text = p.Sprintf(i18n.UICreatedKeptNoSystem, description)
	}
	if m.found.MayRetry() {
		text += p.Sprintf(i18n.UICreatedRetry)
	}
	return m.styles.warn.Render(wrap(text, w))
}
