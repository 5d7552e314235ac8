package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// doneKeyMap is the done screen's keys: the token's ways out (see
// tokenout.go), the other values to copy, and the file name's field.
type doneKeyMap struct {
	CopyToken  key.Binding
	SystemCopy key.Binding
	SaveToken  key.Binding
	CopyURL    key.Binding
	CopySite   key.Binding
	Back       key.Binding
	SaveFile   key.Binding
	CancelSave key.Binding
}

func defaultDoneKeys(p *i18n.Printer) doneKeyMap {
	return doneKeyMap{
		CopyToken:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", p.Sprintf(i18n.UIKeyCopyToken))),
		SystemCopy: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", p.Sprintf(i18n.UIKeySystemClipboard))),
		SaveToken:  key.NewBinding(key.WithKeys("w"), key.WithHelp("w", p.Sprintf(i18n.UIKeySaveToFile))),
		CopyURL:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", p.Sprintf(i18n.UIKeyCopyAddress))),
		CopySite:   key.NewBinding(key.WithKeys("i"), key.WithHelp("i", p.Sprintf(i18n.UIKeyCopySiteID))),
		Back:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", p.Sprintf(i18n.UIKeyBackToSites))),
		SaveFile:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", p.Sprintf(i18n.UIKeySave))),
		CancelSave: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", p.Sprintf(i18n.UIKeyCancel))),
	}
}

func (k *doneKeyMap) bindings() []*key.Binding {
	return []*key.Binding{&k.CopyToken, &k.SystemCopy, &k.SaveToken, &k.CopyURL, &k.CopySite, &k.Back, &k.SaveFile, &k.CancelSave}
}

// doneKeys is what the done screen offers.
func (m *Model) doneKeys() keySet {
	k := &m.keys.Done
	if m.saving {
		return keySet{short: []*key.Binding{&k.SaveFile, &k.CancelSave}}
	}
	// The token's ways out first: the address and the site id are on the
	// screen to select, their keys in the full help.
	var short []*key.Binding
	if !m.found.Token().IsZero() {
		short = append(short, &k.CopyToken)
		if m.cfg.Clipboard != nil {
			short = append(short, &k.SystemCopy)
		}
		short = append(short, &k.SaveToken)
	}
	more := []*key.Binding{&k.CopyURL}
	if m.found.Site() != nil {
		more = append(more, &k.CopySite)
	}
	// The data check's keys: the tracking code's page where it matters,
	// esc to cancel it while it runs (and back to the sites otherwise).
	data := m.dataKeys()
	for _, b := range data {
		if b == &m.keys.Data.CopyLink || b == &m.keys.Data.Report {
			more = append(more, b)
		} else {
			short = append(short, b)
		}
	}
	if !m.data.checking {
		short = append(short, &k.Back)
	}
	return keySet{short: append(short, &m.keys.Close), more: more}
}

func (m *Model) updateDone(msg tea.Msg) tea.Cmd {
	if m.saving {
		return m.updateSaving(msg)
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if used, cmd := m.updateDataCheck(k); used {
		return cmd
	}
	keys := &m.keys.Done
	switch {
	case key.Matches(k, keys.CopyToken):
		return m.copyTokenToTerminal()
	case key.Matches(k, keys.SystemCopy):
		return m.copyTokenToSystem()
	case key.Matches(k, keys.SaveToken):
		return m.startSaving()
	case key.Matches(k, keys.CopyURL):
		return m.copyCmd(m.found.Checked().String(), i18n.UICopyWhatAddress)
	case key.Matches(k, keys.CopySite):
		return m.copyCmd(strconv.Itoa(m.found.Site().ID), i18n.UICopyWhatSiteID)
	case key.Matches(k, keys.Back):
		return m.goTo(screenResult)
	}
	_, cmd := m.handleCommon(k)
	return cmd
}

func (m *Model) viewDone() string {
	w := m.contentWidth()
	s, p := m.styles, m.cfg.Printer
	site := m.found.Site()
	tool := m.cfg.Tool
	field := func(name, value string) string {
		return wrapHanging(s.label.Render(pad(name, 12)), value, w)
	}
	siteID, domain := p.Sprintf(i18n.UIDoneNoSite), ""
	if site != nil {
		siteID = strconv.Itoa(site.ID) + " (" + site.Name + ")"
		domain = field("Domain", m.found.Domain())
	}
	if m.saving {
		// The field takes the screen's place, so that it is in view while
		// typed into, on a small screen too.
		return paragraphs(s.ok.Render(wrap(p.Sprintf(i18n.UIDoneReady, tool), w)), m.viewSaving())
	}
	var superUser string
	if res := m.found.Result(); res != nil && res.SuperUser {
		// Said again here, where the token is taken away for good, and
		// first, so that a small screen shows it too.
		advice := p.Sprintf(i18n.UISuperUserAdvice)
		if w < 60 {
			advice = p.Sprintf(i18n.UISuperUserAdviceShort)
		}
		superUser = s.warn.Render(wrap(advice, w))
	}
	return paragraphs(
		s.ok.Render(wrap(p.Sprintf(i18n.UIDoneReady, tool), w)),
		superUser,
		m.viewDataCheck(),
		wrap(p.Sprintf(i18n.UIDoneEnter, tool), w),
		joinLines(
			s.label.Render(pad("Matomo URL", 12))+addressLines(m.found.Checked(), w-12, strings.Repeat(" ", 12)),
			field("Site ID", siteID),
			domain,
			field("API Key", m.apiKeyValue()),
		),
		m.viewCreatedDone(),
		m.viewWaysOut(),
		wrap(p.Sprintf(i18n.UIDoneStoreSafely, m.securityPage()), w),
	)
}

// viewWaysOut says how the token, never shown, gets where it is pasted:
// what each key does, and what it cannot promise.
func (m *Model) viewWaysOut() string {
	if m.found.Token().IsZero() {
		return ""
	}
	w := m.contentWidth()
	s, p := m.styles, m.cfg.Printer
	var system string
	if m.cfg.Clipboard != nil {
		system = p.Sprintf(i18n.UIDoneSystemClipboard, m.cfg.Clipboard.Name())
	} else if m.cfg.NoClipboardReason != "" {
		system = p.Sprintf(i18n.UIDoneNoSystemClipboardWhy, m.cfg.NoClipboardReason)
	} else {
		system = p.Sprintf(i18n.UIDoneNoSystemClipboard)
	}
	return s.label.Render(wrap(p.Sprintf(i18n.UIDoneWaysOut), w)) + "\n" + joinLines(
		wrapHanging("· ", p.Sprintf(i18n.UIDoneTerminalClipboard), w),
		wrapHanging("· ", system, w),
		wrapHanging("· ", p.Sprintf(i18n.UIDoneSaveFile), w),
	)
}

// apiKeyValue is what the done screen says for Acona's API Key field: the
// token, never shown, by its fingerprint, and for a token the wizard
// created, by its name in Matomo.
func (m *Model) apiKeyValue() string {
	fp := m.cfg.Printer.Text(m.found.Token().FingerprintText())
	if cr := m.found.Created(); cr != nil {
		return m.cfg.Printer.Sprintf(i18n.UIDoneAPIKeyCreated, matomo.Printable(cr.Description, 300), fp)
	}
	return m.cfg.Printer.Sprintf(i18n.UIDoneAPIKey, fp)
}

// viewCreatedDone says, on the done screen, that the wizard created the
// token, and which tokens Matomo holds that nobody saw.
func (m *Model) viewCreatedDone() string {
	w := m.contentWidth()
	s := m.styles
	var out []string
	if c := m.viewCreated(); c != "" {
		out = append(out, s.subtle.Render(wrap(c, w)))
	}
	if orphans := m.found.Orphans(); len(orphans) > 0 {
		out = append(out, s.warn.Render(wrap("! "+m.orphanSentence(orphans), w)))
	}
	return joinLines(out...)
}
