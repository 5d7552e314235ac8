package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
	"matomo-onboard/steps"
)

// guideState is the walk through Matomo's screens, written for the
// person's Matomo: its version, and its labels in the language of its
// screens.
type guideState struct {
	steps []steps.Step
	index int

	// version is what the steps are written for. versionSaid is the
	// version Matomo told (anonymous view), answered is set once the
	// person chose one on the first step.
	version     steps.Version
	versionSaid string
	answered    bool

	// labelLang is the language of Matomo's screens; translations are the
	// labels the Matomo sent, by language; languages are the ones it has.
	labelLang string
	// textLang is the language the guide's own text is in, the wizard's
	// (the Printer's): the labels' brackets are in it.
	textLang     string
	translations map[string]map[string]string
	languages    []matomo.Language
	// labelsNote says, on the first step, what became of labels asked in
	// another language ("" when nothing needs saying); fetching is set
	// while they are asked for.
	labelsNote string
	fetching   bool
	// createNote says, on the first step, why "create it for me" ended
	// here: Matomo refused it, or the tries with the password are spent.
	createNote string

	picker *languagePicker
}

func newGuideState(labelLang, textLang string) guideState {
	if labelLang == "" {
		labelLang = textLang
	}
	return guideState{labelLang: labelLang, textLang: textLang}
}

func (g *guideState) current() steps.Step { return g.steps[g.index] }

// learn takes what the check of an address found: the version when
// Matomo told it, and its labels. A person's answer to the version
// question stays for the same Matomo.
func (g *guideState) learn(pre *matomo.Preflight, l *matomo.Labels, sameMatomo bool) {
	g.versionSaid = pre.Version
	if !sameMatomo {
		g.answered, g.version = false, steps.VersionUnknown
	}
	if v := steps.ParseVersion(pre.Version); v != steps.VersionUnknown {
		g.version = v
	}
	g.translations, g.languages, g.labelsNote = nil, nil, ""
	if l == nil {
		return
	}
	g.translations, g.languages = l.Translations, l.Languages
}

func (g *guideState) labels() steps.Labels {
	return steps.Labels{Lang: g.labelLang, TextLang: g.textLang, Matomo: g.translations}
}

// rebuildGuide writes the steps again for what the guide now knows,
// staying on the same step.
func (m *Model) rebuildGuide() {
	g := &m.guide
	g.steps = steps.Build(steps.Options{Tool: m.cfg.Tool, Now: m.cfg.Now(), Version: g.version, Labels: g.labels(), Printer: m.cfg.Printer})
	g.index = min(g.index, len(g.steps)-1)
}

// asksVersion reports whether the first step asks which Matomo it is:
// when Matomo did not say.
func (g *guideState) asksVersion() bool {
	return g.index == 0 && steps.ParseVersion(g.versionSaid) == steps.VersionUnknown
}

// guideKeyMap is the guide's keys.
type guideKeyMap struct {
	Next      key.Binding
	Back      key.Binding
	HaveToken key.Binding
	Open      key.Binding
	CopyLink  key.Binding
	CopyText  key.Binding
	Version   key.Binding
	Language  key.Binding
	Create    key.Binding
	Pick      pickerKeyMap
}

func defaultGuideKeys(p *i18n.Printer) guideKeyMap {
	return guideKeyMap{
		Next:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", p.Sprintf(i18n.UIKeyNext))),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", p.Sprintf(i18n.UIKeyBack))),
		HaveToken: key.NewBinding(key.WithKeys("t"), key.WithHelp("t", p.Sprintf(i18n.UIKeyHaveToken))),
		Open:      key.NewBinding(key.WithKeys("o"), key.WithHelp("o", p.Sprintf(i18n.UIKeyOpenInBrowser))),
		CopyLink:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", p.Sprintf(i18n.UIKeyCopyLink))),
		CopyText:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", p.Sprintf(i18n.UIKeyCopyDescription))),
		Version:   key.NewBinding(key.WithKeys("3", "4", "5", "6"), key.WithHelp("3/4/5/6", p.Sprintf(i18n.UIKeyMatomoVersion))),
		Language:  key.NewBinding(key.WithKeys("l"), key.WithHelp("l", p.Sprintf(i18n.UIKeyMatomoLanguage))),
		Create:    key.NewBinding(key.WithKeys("m"), key.WithHelp("m", p.Sprintf(i18n.UIKeyCreateForMe))),
		Pick:      defaultPickerKeys(p),
	}
}

func (k *guideKeyMap) bindings() []*key.Binding {
	return append([]*key.Binding{&k.Next, &k.Back, &k.HaveToken, &k.Open, &k.CopyLink, &k.CopyText, &k.Version, &k.Language, &k.Create},
		k.Pick.bindings()...)
}

// guideKeys is what the current step offers: its link and text to copy
// only where it has them, the version and language on the first step.
func (m *Model) guideKeys() (keySet, scrolling) {
	k := &m.keys.Guide
	if m.guide.picker != nil {
		return keySet{short: k.Pick.bindings()}, noScroll
	}
	short := []*key.Binding{&k.Next}
	if ok, _ := m.mayOfferCreate(); ok && m.guide.index == 0 {
		short = append(short, &k.Create)
	}
	if m.guideLink() != "" {
		short = append(short, &k.Open, &k.CopyLink)
	}
	if m.guide.current().Copy != "" {
		short = append(short, &k.CopyText)
	}
	if m.guide.asksVersion() {
		short = append(short, &k.Version)
	}
	if m.guide.index == 0 && len(m.guide.languages) > 0 {
		short = append(short, &k.Language)
	}
	short = append(short, &k.HaveToken, &k.Back)
	return keySet{short: short, more: []*key.Binding{&m.keys.Close}}, fullScroll
}

// guideLink is the current step's deep link into this Matomo, or "".
func (m *Model) guideLink() string { return m.guide.current().Link.URL(m.found.Checked()) }

func (m *Model) updateGuide(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if m.guide.picker != nil {
		return m.updatePicker(k)
	}
	g, keys := &m.guide, &m.keys.Guide
	switch {
	case key.Matches(k, keys.Next):
		if g.index == len(g.steps)-1 {
			return m.goTo(screenToken)
		}
		g.index++
		m.scroll, m.status = 0, note{}
		return nil
	case key.Matches(k, keys.Back):
		if g.index == 0 {
			return m.goTo(screenAddress)
		}
		g.index--
		m.scroll, m.status = 0, note{}
		return nil
	case key.Matches(k, keys.HaveToken):
		return m.goTo(screenToken)
	case key.Matches(k, keys.Create):
		g.createNote = ""
		return m.startCreate()
	case key.Matches(k, keys.Open):
		return m.openCmd(m.guideLink())
	case key.Matches(k, keys.CopyLink):
		return m.copyCmd(m.guideLink(), i18n.UICopyWhatLink)
	case key.Matches(k, keys.CopyText):
		return m.copyCmd(g.current().Copy, i18n.UICopyWhatDescription)
	case key.Matches(k, keys.Version):
		g.version, g.answered = versionKeys[k.String()], true
		m.rebuildGuide()
		return nil
	case key.Matches(k, keys.Language):
		m.openPicker()
		return nil
	}
	_, cmd := m.handleCommon(k)
	return cmd
}

// versionKeys are the answers to the version question: 3 and 4 for those
// versions, 5 for 5.0 to 5.3, 6 for 5.4 and newer.
var versionKeys = map[string]steps.Version{"3": steps.Matomo3, "4": steps.Matomo4, "5": steps.Matomo50, "6": steps.Matomo54}

func (m *Model) viewGuide() string {
	if m.guide.picker != nil {
		return m.viewPicker()
	}
	w := m.contentWidth()
	s, p := m.styles, m.cfg.Printer
	st := m.guide.current()
	body := wrap(st.BodyWithOffer(), w)
	if st.Copy != "" {
		// The suggested description stands out so it can be typed or copied.
		body = strings.Replace(body, "    "+st.Copy, "    "+s.label.Render(st.Copy), 1)
	}
	var link string
	if u := m.guideLink(); u != "" {
		link = s.label.Render(p.Sprintf(i18n.UIGuideDirectLink)) + "\n" + s.link.Hyperlink(u).Render(breakLong(u, w))
	}
	var m3 string
	if st.Matomo3 != "" {
		m3 = s.subtle.Render(wrap(st.Matomo3, w))
	}
	var yours, create, createNote string
	if m.guide.index == 0 {
		// First, so that the question is on screen without scrolling.
		yours = m.viewYourMatomo()
		// The other way, instead of every step: before the version
		// question, so that it is read first, also on a small screen.
		create = m.viewCreateOffer()
		if n := m.guide.createNote; n != "" {
			createNote = s.warn.Render(wrap(n, w))
		}
	}
	return paragraphs(
		s.title.Render(wrap(st.Title, w)),
		createNote,
		create,
		yours,
		body,
		link,
		m3,
		m.viewChecks(),
	)
}

// viewYourMatomo is the first step's account of what the guide is
// written for: the version (asked when Matomo did not say it) and the
// language of Matomo's labels.
func (m *Model) viewYourMatomo() string {
	w := m.contentWidth()
	s, p := m.styles, m.cfg.Printer
	g := &m.guide
	var version string
	switch {
	case !g.asksVersion():
		version = wrap(p.Sprintf(i18n.UIGuideVersionSaid, g.versionSaid), w)
	case g.answered:
		version = wrap(p.Sprintf(i18n.UIGuideVersionAnswered, g.version.Name(p)), w)
	default:
		// The answers on one line where it is wide enough, else 3 and 4
		// on one and the others on a line each.
		four := []string{"3 " + steps.Matomo3.Name(p), "4 " + steps.Matomo4.Name(p),
			"5 " + steps.Matomo50.Name(p), "6 " + steps.Matomo54.Name(p)}
		answers := strings.Join(four, " · ")
		if w < lipgloss.Width(answers) {
			answers = four[0] + " · " + four[1] + "\n" + four[2] + "\n" + four[3]
		}
		version = s.label.Render(wrap(p.Sprintf(i18n.UIGuideVersionQuestion), w)) + "\n" + answers + "\n" +
			s.subtle.Render(wrap(p.Sprintf(i18n.UIGuideVersionNotSure), w))
	}
	return joinLines(version, m.viewLabelLanguage())
}

// viewLabelLanguage says in which language the guide names Matomo's
// labels; nothing while that is English and nothing else is offered.
func (m *Model) viewLabelLanguage() string {
	g, p := &m.guide, m.cfg.Printer
	w := m.contentWidth()
	if g.labelLang == g.textLang && len(g.languages) == 0 && g.labelsNote == "" {
		return ""
	}
	name := g.languageName(p, g.labelLang)
	var line string
	switch {
	case g.labelLang == g.textLang:
		line = p.Sprintf(i18n.UIGuideLabels, name)
	case g.labels().FromMatomo():
		line = p.Sprintf(i18n.UIGuideLabelsFromMatomo, name)
	case steps.BuiltIn(g.labelLang):
		line = p.Sprintf(i18n.UIGuideLabelsBuiltIn, name)
	default:
		line = p.Sprintf(i18n.UIGuideLabelsNone, name)
	}
	if len(g.languages) > 0 {
		line += p.Sprintf(i18n.UIGuideAnotherLanguage)
	}
	return m.styles.subtle.Render(wrap(joinLines(line, g.labelsNote), w))
}

// languageName names a language as its speakers do, with the English name
// after it: "Deutsch (German)"; the code when the Matomo did not list it.
func (g *guideState) languageName(p *i18n.Printer, code string) string {
	for _, l := range g.languages {
		if l.Code != code {
			continue
		}
		switch {
		case l.Name != "" && l.EnglishName != "" && l.Name != l.EnglishName:
			return l.Name + " (" + l.EnglishName + ")"
		case l.Name != "":
			return l.Name
		}
	}
	switch code {
	case "de":
		return p.Sprintf(i18n.UIGuideLanguageGerman)
	case "en":
		return p.Sprintf(i18n.UIGuideLanguageEnglish)
	}
	return code
}

// onLabels takes the labels of the language the person chose.
func (m *Model) onLabels(msg labelsMsg) tea.Cmd {
	if !m.finishRequest(msg.seq) {
		return nil
	}
	g := &m.guide
	g.labelsNote, g.fetching = "", false
	switch {
	case msg.err != nil && msg.err.Class == matomo.ClassCanceled:
		return nil
	case msg.err != nil || msg.labels.Translations[msg.lang] == nil:
		g.labelsNote = m.cfg.Printer.Sprintf(i18n.UIGuideLabelsNotSent, g.languageName(m.cfg.Printer, msg.lang))
	default:
		if g.translations == nil {
			g.translations = map[string]map[string]string{}
		}
		g.translations[msg.lang] = msg.labels.Translations[msg.lang]
	}
	m.status = note{}
	m.rebuildGuide()
	return nil
}

// viewChecks is the line of facts already established about the address.
func (m *Model) viewChecks() string {
	pre := m.found.Preflight()
	if pre == nil {
		return ""
	}
	s, p := m.styles, m.cfg.Printer
	conn := p.Sprintf(i18n.UIGuideReachable)
	switch {
	case pre.Trace.TLS != nil && pre.Trace.SkipVerify:
		conn = p.Sprintf(i18n.UIGuideReachableSkipVerify, pre.Trace.TLS.Version)
	case pre.Trace.TLS != nil:
		conn = p.Sprintf(i18n.UIGuideReachableTLS, pre.Trace.TLS.Version)
	case m.found.Checked().PlainHTTP():
		conn = p.Sprintf(i18n.UIGuideReachableHTTP)
	}
	if pre.Version != "" {
		conn += " · Matomo " + pre.Version
	}
	return s.ok.Render(wrap(conn+p.Sprintf(i18n.UIGuideAddressChecked), m.contentWidth()))
}
