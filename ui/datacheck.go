package ui

import (
	"context"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// The data check on the done screen: once the person picks a site, one
// request with the verified token asks Matomo for the site's last visit
// (matomo.Client.CheckData), so that Done says whether the integration
// will see data. Esc cancels it while it runs (and otherwise keeps its
// meaning, back to the sites); it is never sent again by itself, only by
// r after a failure a second try can mend, and never after Matomo's
// lock-out. The outcome lives in the session (Model.found).

// dataState is the check in flight.
type dataState struct {
	checking bool
	// canceled is set when Esc stopped the check: nothing was learnt.
	canceled bool
}

// dataCheckMsg answers the data check.
type dataCheckMsg struct {
	seq   int
	check *matomo.DataCheck
	err   *matomo.Error
}

// dataKeyMap is the data check's keys on the done screen, and the
// diagnostics report, which then says what the check found.
type dataKeyMap struct {
	Cancel   key.Binding
	Open     key.Binding
	CopyLink key.Binding
	Retry    key.Binding
	Report   key.Binding
}

func defaultDataKeys(p *i18n.Printer) dataKeyMap {
	return dataKeyMap{
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", p.Sprintf(i18n.UIKeyCancelDataCheck))),
		Open:     key.NewBinding(key.WithKeys("o"), key.WithHelp("o", p.Sprintf(i18n.UIKeyOpenTrackingCode))),
		CopyLink: key.NewBinding(key.WithKeys("l"), key.WithHelp("l", p.Sprintf(i18n.UIKeyCopyLink))),
		Retry:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", p.Sprintf(i18n.UIKeyCheckDataAgain))),
		Report:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", p.Sprintf(i18n.UIKeyDiagnostics))),
	}
}

func (k *dataKeyMap) bindings() []*key.Binding {
	return []*key.Binding{&k.Cancel, &k.Open, &k.CopyLink, &k.Retry, &k.Report}
}

// startDataCheck sends the data check for the chosen site, or records
// why it is not sent (Matomo's lock-out).
func (m *Model) startDataCheck() tea.Cmd {
	m.data = dataState{}
	if !m.found.MayCheckData() {
		if m.found.Blocked() {
			m.found.SkipDataCheck()
		}
		return nil
	}
	m.data.checking = true
	ctx, seq := m.startRequest()
	site, addr := *m.found.Site(), m.found.Result().Address
	return tea.Batch(dataCheckCmd(ctx, m.cfg.Client, addr, m.found.Token(), site, seq), m.spinner.Tick)
}

func dataCheckCmd(ctx context.Context, c Client, addr matomo.Address, tok matomo.Token, site matomo.Site, seq int) tea.Cmd {
	return func() tea.Msg {
		check, err := c.CheckData(ctx, addr, tok, site)
		return dataCheckMsg{seq: seq, check: check, err: matomo.AsError(err)}
	}
}

func (m *Model) onDataCheck(msg dataCheckMsg) tea.Cmd {
	if !m.finishRequest(msg.seq) {
		return nil
	}
	m.data.checking = false
	// The session stops all sending after a lock-out the check met.
	m.found.RecordDataCheck(msg.check, msg.err.OrNil())
	return nil
}

// dataKeys is what the data check offers on the done screen now.
func (m *Model) dataKeys() []*key.Binding {
	k := &m.keys.Data
	if m.data.checking {
		return []*key.Binding{&k.Cancel}
	}
	var out []*key.Binding
	if m.trackingCodeLink() != "" {
		out = append(out, &k.Open, &k.CopyLink)
	}
	if m.mayCheckDataAgain() {
		out = append(out, &k.Retry)
	}
	if m.cfg.Report != nil {
		// Once the check has ended, so that the report says what it found.
		out = append(out, &k.Report)
	}
	return out
}

// mayCheckDataAgain reports whether r may send the check once more: after
// Esc, a time limit (the transport's or Matomo's own for the query) or a
// failure a second try can mend, and only while a token may be sent.
func (m *Model) mayCheckDataAgain() bool {
	if m.data.checking || !m.found.MayCheckData() {
		return false
	}
	if m.data.canceled {
		return true
	}
	if c := m.found.DataCheck(); c != nil {
		return c.TimeLimit
	}
	return m.found.DataErr().Retryable()
}

// trackingCodeLink is Matomo's tracking-code page for the chosen site,
// when the check found no recent visit; "" otherwise.
func (m *Model) trackingCodeLink() string {
	c := m.found.DataCheck()
	if c == nil || c.Reason != matomo.DataNoVisit && c.Reason != matomo.DataStale {
		return ""
	}
	return c.TrackingCodeLink(m.found.Checked())
}

// updateDataCheck takes the data check's keys on the done screen and
// reports whether it used the key.
func (m *Model) updateDataCheck(k tea.KeyPressMsg) (bool, tea.Cmd) {
	keys := &m.keys.Data
	switch {
	case key.Matches(k, keys.Cancel):
		m.cancelRequest()
		m.data = dataState{canceled: true} // the body says so, with r
		return true, nil
	case key.Matches(k, keys.Open):
		return true, m.openCmd(m.trackingCodeLink())
	case key.Matches(k, keys.CopyLink):
		return true, m.copyCmd(m.trackingCodeLink(), i18n.UICopyWhatLink)
	case key.Matches(k, keys.Retry):
		m.status = note{}
		return true, m.startDataCheck()
	case key.Matches(k, keys.Report):
		return true, m.reportCmd()
	}
	return false, nil
}

// wrapTime wraps a sentence that ends in a time in brackets, "(2026-11-19
// 22:32 CET, 21:32 UTC).", keeping the time and what follows it whole.
func wrapTime(s string, w int) string {
	open := strings.LastIndex(s, "(")
	if open < 0 || !strings.Contains(s[open:], ")") {
		return wrap(s, w)
	}
	return wrapKeeping(s, s[open:], w)
}

// dataNote is what the data check found, in one sentence for the summary
// the wizard leaves when it ends; "" when it did not end.
func (m *Model) dataNote() string {
	check, failure := m.found.DataCheck(), m.found.DataErr()
	p := m.cfg.Printer
	switch {
	case m.data.checking || m.data.canceled:
		return ""
	case m.found.DataSkipped():
		return "! " + p.Text(matomo.DataCheckSkipped())
	case failure != nil:
		return "! " + p.Text(matomo.DataCheckErrorSummary(failure))
	case check == nil:
		return ""
	case check.Reason == matomo.DataRecent:
		return "✓ " + p.Text(check.Summary(m.cfg.TimeZone))
	}
	return "! " + p.Text(check.Summary(m.cfg.TimeZone))
}

// viewDataCheck says what the data check found, on the done screen.
func (m *Model) viewDataCheck() string {
	w := m.contentWidth()
	s, p := m.styles, m.cfg.Printer
	check, failure := m.found.DataCheck(), m.found.DataErr()
	switch {
	case m.data.checking:
		return m.working(p.Sprintf(i18n.UIDataChecking))
	case m.data.canceled:
		return s.subtle.Render(wrap(p.Sprintf(i18n.UIDataCanceled), w))
	case m.found.DataSkipped():
		return s.warn.Render(wrap("! "+p.Text(matomo.DataCheckSkipped()), w))
	case failure != nil:
		return paragraphs(s.warn.Render(wrap("! "+p.Text(matomo.DataCheckErrorSummary(failure)), w)), viewErrorHint(m.cfg.Printer, failure, w))
	case check == nil:
		return ""
	case check.Reason == matomo.DataRecent:
		return s.ok.Render(wrapTime("✓ "+p.Text(check.Summary(m.cfg.TimeZone)), w))
	}
	lines := []string{s.warn.Render(wrapTime("! "+p.Text(check.Summary(m.cfg.TimeZone)), w))}
	if check.Matomo != "" {
		lines = append(lines, wrap(p.Sprintf(i18n.UIMatomoSaid, s.quote.Render(quoted(p, check.Matomo))), w))
	}
	if link := m.trackingCodeLink(); link != "" {
		lines = append(lines, s.label.Render(p.Sprintf(i18n.UIDataTrackingCode, strconv.Itoa(check.Site.ID)))+"\n"+
			s.link.Hyperlink(link).Render(breakLong(link, w)))
	}
	if check.Reason == matomo.DataFailed {
		// What to do about a missing visit is the link; about a visits log
		// or a plugin that is off, Matomo's own message says who can
		// switch it on.
		lines = append(lines, s.subtle.Render(wrap(p.Text(check.Hint()), w)))
	}
	return joinLines(lines...)
}
