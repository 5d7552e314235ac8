package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"matomo-onboard/internal/i18n"
)

// welcomeKeyMap is the welcome screen's keys.
type welcomeKeyMap struct {
	Start key.Binding
}

func defaultWelcomeKeys(p *i18n.Printer) welcomeKeyMap {
	return welcomeKeyMap{Start: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", p.Sprintf(i18n.UIKeyStart)))}
}

func (k *welcomeKeyMap) bindings() []*key.Binding { return []*key.Binding{&k.Start} }

func (m *Model) welcomeKeys() keySet {
	return keySet{short: []*key.Binding{&m.keys.Welcome.Start, &m.keys.Close}}
}

func (m *Model) updateWelcome(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if key.Matches(k, m.keys.Welcome.Start) {
		return m.goTo(screenAddress)
	}
	_, cmd := m.handleCommon(k)
	return cmd
}

func (m *Model) viewWelcome() string {
	w := m.contentWidth()
	s, p := m.styles, m.cfg.Printer
	demo := ""
	if len(m.cfg.DemoTokens) > 0 {
		demo = s.warn.Render(wrap(p.Sprintf(i18n.UIWelcomeDemo), w))
	}
	return paragraphs(
		s.title.Render(wrap(p.Sprintf(i18n.UIWelcomeTitle), w)),
		demo,
		wrap(p.Sprintf(i18n.UIWelcomeNeed, m.cfg.Tool), w),
		s.label.Render(p.Sprintf(i18n.UIWelcomeWhatHappens))+"\n"+joinLines(
			wrapHanging("1. ", p.Sprintf(i18n.UIWelcomeStep1), w),
			wrapHanging("2. ", p.Sprintf(i18n.UIWelcomeStep2), w),
			wrapHanging("3. ", p.Sprintf(i18n.UIWelcomeStep3), w),
			wrapHanging("4. ", p.Sprintf(i18n.UIWelcomeStep4), w)),
		s.label.Render(p.Sprintf(i18n.UIWelcomeSecret))+"\n"+wrap(p.Sprintf(i18n.UIWelcomeSecretBody), w),
	)
}
