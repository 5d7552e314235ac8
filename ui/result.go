package ui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// resultState is how the answer to a verification is shown: the site
// table and the opt-in URL check's questions. The answer itself, the URL
// check's and the chosen site are in the session (Model.found).
type resultState struct {
	table siteTable

	// The opt-in check whether the token also works inside a URL: asking
	// waits for consent, yes is the answer Enter would give (No until an
	// arrow key moves to Yes).
	asking, yes bool
	getting     bool
	// shownAt is when the sites arrived (Config.ChooseAfter).
	shownAt time.Time
}

// resultKeyMap is the result screen's keys: the sites' (the table has its
// own, siteTableKeyMap), a failure's ways forward, and the URL check's
// question.
type resultKeyMap struct {
	UseSite   key.Binding
	GetCheck  key.Binding
	Report    key.Binding
	Retry     key.Binding
	UseNew    key.Binding
	EditToken key.Binding
	// EditTokenKey is e alone, while esc clears the site filter.
	EditTokenKey key.Binding
	Address      key.Binding
	Consent      key.Binding
	Choose       key.Binding
	Decline      key.Binding
	Cancel       key.Binding
}

func defaultResultKeys(p *i18n.Printer) resultKeyMap {
	return resultKeyMap{
		UseSite:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", p.Sprintf(i18n.UIKeyUseSite))),
		GetCheck:     key.NewBinding(key.WithKeys("g"), key.WithHelp("g", p.Sprintf(i18n.UIKeyCheckURLUse))),
		Report:       key.NewBinding(key.WithKeys("d"), key.WithHelp("d", p.Sprintf(i18n.UIKeyDiagnostics))),
		Retry:        key.NewBinding(key.WithKeys("r"), key.WithHelp("r", p.Sprintf(i18n.UIKeyRetry))),
		UseNew:       key.NewBinding(key.WithKeys("n"), key.WithHelp("n", p.Sprintf(i18n.UIKeyUseNewAddress))),
		EditToken:    key.NewBinding(key.WithKeys("e", "esc"), key.WithHelp("e/esc", p.Sprintf(i18n.UIKeyEditToken))),
		EditTokenKey: key.NewBinding(key.WithKeys("e"), key.WithHelp("e", p.Sprintf(i18n.UIKeyEditToken))),
		Address:      key.NewBinding(key.WithKeys("u"), key.WithHelp("u", p.Sprintf(i18n.UIKeyChangeAddress))),
		// The URL check's consent takes two deliberate keys: an arrow to
		// Yes, then Enter. A letter never consents: a word typed or
		// pasted on this screen without bracketed paste ("biology": g,
		// then y) must not put the token into a URL and a server's log.
		Consent: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", p.Sprintf(i18n.UIKeyAnswer))),
		Choose:  key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", p.Sprintf(i18n.UIKeyYesOrNo))),
		Decline: key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", p.Sprintf(i18n.UIKeyNo))),
		Cancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", p.Sprintf(i18n.UIKeyCancel))),
	}
}

func (k *resultKeyMap) bindings() []*key.Binding {
	return []*key.Binding{&k.UseSite, &k.GetCheck, &k.Report, &k.Retry, &k.UseNew, &k.EditToken, &k.EditTokenKey, &k.Address,
		&k.Consent, &k.Choose, &k.Decline, &k.Cancel}
}

// resultKeys is what the result screen offers now; the session decides
// retry, the URL check and whether a token may be sent at all.
func (m *Model) resultKeys() (keySet, scrolling) {
	k, r := &m.keys.Result, &m.result
	res, failure := m.found.Result(), m.found.VerifyErr()
	switch {
	case r.getting:
		return keySet{short: []*key.Binding{&k.Cancel}}, noScroll
	case r.asking:
		return keySet{short: []*key.Binding{&k.Choose, &k.Consent, &k.Decline}}, pageScroll
	case m.saving:
		return keySet{short: []*key.Binding{&m.keys.Done.SaveFile, &m.keys.Done.CancelSave}}, noScroll
	case res != nil && r.table.filtering:
		return keySet{short: r.table.keys(&m.keys.Sites)}, noScroll
	case res == nil && m.found.Created() != nil:
		return m.createdFailureKeys(), fullScroll
	case res != nil:
		var short []*key.Binding
		if r.table.selected() != nil {
			short = append(short, &k.UseSite)
		}
		short = append(short, r.table.keys(&m.keys.Sites)...)
		if m.found.OffersGETCheck() {
			short = append(short, &k.GetCheck)
		}
		if m.cfg.Report != nil {
			short = append(short, &k.Report)
		}
		more := r.table.moves(&m.keys.Sites)
		switch {
		case m.holdsCreated():
			// Another token or address would leave the created one, which
			// nobody has yet, behind: enter, then its ways out, first.
		case r.table.query.Value() != "":
			short = append(short, &k.EditTokenKey) // esc clears the filter first
			more = append(more, &k.Address)
		default:
			short = append(short, &k.EditToken)
			more = append(more, &k.Address)
		}
		return keySet{short: short, more: append(more, &m.keys.Close)}, noScroll
	}
	var short []*key.Binding
	if failure != nil && !failure.Suggested.IsZero() {
		short = append(short, &k.UseNew)
	}
	if m.found.MayRetry() {
		short = append(short, &k.Retry)
	}
	if m.found.MaySendToken() {
		short = append(short, &k.EditToken)
	}
	short = append(short, &k.Address)
	if m.cfg.Report != nil {
		short = append(short, &k.Report)
	}
	return keySet{short: append(short, &m.keys.Close)}, fullScroll
}

func (m *Model) updateResult(msg tea.Msg) tea.Cmd {
	r, keys := &m.result, &m.keys.Result
	if m.saving {
		return m.updateSaving(msg)
	}
	k, isKey := msg.(tea.KeyPressMsg)
	if r.getting {
		if isKey && key.Matches(k, keys.Cancel) {
			m.cancelRequest()
			r.getting = false
			m.say(m.cfg.Printer.Sprintf(i18n.UIURLCheckCanceled))
		}
		return nil
	}
	if r.asking {
		if isKey && m.handlePage(k) {
			return nil
		}
		if isKey {
			switch {
			case key.Matches(k, keys.Choose):
				r.yes = k.Code == tea.KeyRight
			case key.Matches(k, keys.Consent) && r.yes:
				r.asking, r.yes, r.getting = false, false, true
				ctx, seq := m.startRequest()
				return tea.Batch(getCheckCmd(ctx, m.cfg.Client, m.found.Result().Address, m.found.Token(), seq), m.spinner.Tick)
			case key.Matches(k, keys.Consent), key.Matches(k, keys.Decline):
				r.asking, r.yes = false, false
				m.say(m.cfg.Printer.Sprintf(i18n.UIURLCheckSkipped))
			}
		}
		return nil
	}
	if m.found.Result() != nil {
		before := r.table.query.Value()
		used, cmd := r.table.update(msg, &m.keys.Sites)
		if r.table.query.Value() != before {
			m.edited()
		}
		if used {
			return cmd
		}
	}
	if !isKey {
		return nil
	}
	if m.found.Result() == nil && m.found.Created() != nil {
		if used, cmd := m.updateCreatedFailure(k); used {
			return cmd
		}
	}
	switch {
	case key.Matches(k, keys.UseSite):
		if m.cfg.Now().Sub(r.shownAt) < m.cfg.ChooseAfter {
			m.say(m.cfg.Printer.Sprintf(i18n.UIEnterTooSoon))
			return nil
		}
		m.found.ChooseSite(*r.table.selected())
		return tea.Batch(m.goTo(screenDone), m.startDataCheck())
	case key.Matches(k, keys.GetCheck):
		r.asking = true
		return nil
	case key.Matches(k, keys.Report):
		return m.reportCmd()
	case key.Matches(k, keys.Retry):
		return m.sendToken(m.found.TokenCheck())
	case key.Matches(k, keys.UseNew):
		m.address.input.SetValue(m.found.VerifyErr().Suggested.String())
		m.address.reparse()
		m.goTo(screenAddress)
		return m.submitAddress()
	case key.Matches(k, keys.Address):
		return m.goTo(screenAddress)
	case key.Matches(k, keys.EditToken, keys.EditTokenKey):
		return m.goTo(screenToken)
	}
	_, cmd := m.handleCommon(k)
	return cmd
}

func (m *Model) onGETCheck(msg getCheckMsg) tea.Cmd {
	if !m.finishRequest(msg.seq) {
		return nil
	}
	m.result.getting = false
	// The session counts a refusal as a failed login and stops all sending
	// after the lock-out.
	m.found.RecordGETCheck(msg.check, msg.err.OrNil())
	return nil
}

func (m *Model) viewResult() string {
	if m.found.Result() == nil {
		return m.viewFailure()
	}
	l := m.resultLayout()
	sep := "\n\n"
	if l.compact {
		sep = "\n"
	}
	if m.result.asking {
		// The question takes the table's place, so it is read whole even
		// on a small screen before y sends anything.
		return l.above + sep + l.below
	}
	t := m.result.table // a copy: View sizes it for this frame, and changes nothing
	t.setHeight(l.rows)
	out := l.above + sep + t.view(m.styles, m.contentWidth())
	if l.below != "" {
		out += sep + l.below
	}
	return out
}

// resultLayout arranges the verdict, the table and the URL check so that
// they fit the screen without scrolling (the arrow keys move through the
// sites, so the page itself cannot scroll). On a short screen the spacing
// and the advice get compact before the table shrinks below a few rows.
type resultLayout struct {
	above, below string
	rows         int
	compact      bool
}

func (m *Model) resultLayout() resultLayout {
	var l resultLayout
	for _, compact := range []bool{false, true} {
		l.above, l.below = m.resultFrame(compact)
		l.compact = compact
		gaps := 2 // blank line (or none) between the parts
		if compact {
			gaps = 0
		}
		used := lipgloss.Height(l.above) + gaps/2 + m.tableChrome()
		if l.below != "" {
			used += lipgloss.Height(l.below) + gaps/2
		}
		l.rows = m.bodyHeight() - used
		if l.rows >= 5 {
			break
		}
	}
	l.rows = max(1, l.rows)
	return l
}

// tableChrome is the table's lines besides its rows: the column header,
// the filter line and, on a narrow screen, the chosen site's URL.
func (m *Model) tableChrome() int {
	n := 1
	t := &m.result.table
	if t.filtering || t.query.Value() != "" {
		n++
	}
	if m.contentWidth() < 60 {
		n++
	}
	return n
}

// tableHeight is how many site rows fit between the verdict and the
// help bar.
func (m *Model) tableHeight() int {
	if m.found.Result() == nil {
		return 1
	}
	return m.resultLayout().rows
}

// resultFrame is what surrounds the site table: the verdict and counts
// above, the URL check below. Compact drops blank lines and shortens the
// advice, for short screens.
func (m *Model) resultFrame(compact bool) (above, below string) {
	w := m.contentWidth()
	s, p := m.styles, m.cfg.Printer
	res := m.found.Result()
	verdict := p.Sprintf(i18n.UIVerifiedVersion, res.Version)
	if res.Version == "" {
		verdict = p.Sprintf(i18n.UIVerifiedNoVersion)
	}
	var advice string
	if res.SuperUser {
		verdict += p.Sprintf(i18n.UIVerifiedSuperUser)
		advice = p.Sprintf(i18n.UISuperUserAdvice)
		if compact {
			advice = p.Sprintf(i18n.UISuperUserAdviceShort)
		}
		advice = s.warn.Render(wrap(advice, w))
	} else {
		verdict += p.Sprintf(i18n.UIVerifiedNotSuperUser)
	}
	admin, write, view := res.Counts()
	counts := p.Sprintf(i18n.UISiteCounts, len(res.Sites), admin, write, view)
	if t := &m.result.table; t.query.Value() != "" {
		counts += p.Sprintf(i18n.UISiteCountShowing, len(t.visible))
	}
	var created string
	if c := m.viewCreated(); c != "" {
		created = s.subtle.Render(wrap(c, w))
	}
	parts := []string{s.ok.Render(wrap(verdict, w)), created, advice, s.label.Render(wrapItems(counts, w))}
	if compact {
		return joinLines(parts...), m.viewGETCheck()
	}
	return paragraphs(parts...), m.viewGETCheck()
}

func (m *Model) viewGETCheck() string {
	w := m.contentWidth()
	s, p := m.styles, m.cfg.Printer
	r := &m.result
	get, getErr := m.found.GETCheck(), m.found.GETErr()
	switch {
	case r.asking:
		noText, yesText := p.Sprintf(i18n.UIURLCheckNo), p.Sprintf(i18n.UIURLCheckYes)
		no, yes := s.selected.Render("[ "+noText+" ]"), "  "+yesText+"  "
		if r.yes {
			no, yes = "  "+noText+"  ", s.selected.Render("[ "+yesText+" ]")
		}
		return s.warn.Render(wrap(p.Sprintf(i18n.UIURLCheckAsk, matomo.GETCheckWarning()), w)) +
			"\n\n" + no + "  " + yes
	case r.getting:
		return m.working(p.Sprintf(i18n.UIURLCheckRunning))
	case get != nil && get.Works:
		return s.ok.Render(wrap(p.Sprintf(i18n.UIURLCheckWorks), w))
	case get != nil:
		return s.warn.Render(wrap(p.Sprintf(i18n.UIURLCheckSecureOnly), w))
	case getErr != nil:
		e := *getErr
		e.Detail = i18n.T(i18n.UIURLCheckFailed, e.Detail)
		return viewError(s, m.cfg.Printer, &e, w)
	}
	return ""
}

func (m *Model) viewFailure() string {
	w := m.contentWidth()
	e := m.found.VerifyErr()
	if e == nil {
		return ""
	}
	if m.saving {
		// The file name field takes the screen's place, as on Done.
		return m.viewSaving()
	}
	extra := ""
	if e.SecureOnly {
		extra = wrap(m.cfg.Printer.Sprintf(i18n.UIFailureMentionsPOST), w)
	}
	// The count against the lock-out comes right after what happened, so
	// that a small screen shows it without scrolling; then, for a token
	// the wizard created, that it is kept and how to take it.
	return paragraphs(viewErrorHead(m.styles, m.cfg.Printer, e, w), m.viewLockout(), m.viewCreatedKept(), viewErrorHint(m.cfg.Printer, e, w), extra)
}
