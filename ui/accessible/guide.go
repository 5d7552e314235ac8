package accessible

import (
	"context"
	"strconv"
	"strings"
	"time"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/internal/locale"
	"matomo-onboard/matomo"
	"matomo-onboard/steps"
)

// yourMatomo is what the guide is written for: the person's Matomo's
// version and the labels of its screens.
type yourMatomo struct {
	// version is what the steps are written for; versionSaid is the
	// version Matomo told (anonymous view); answered is set once the
	// person answered the question.
	version     steps.Version
	versionSaid string
	answered    bool

	// labelLang is the language of the Matomo's screens, textLang the
	// language of the line mode's text (the Printer's).
	labelLang    string
	textLang     string
	translations map[string]map[string]string
	languages    []matomo.Language
}

func (y *yourMatomo) labels() steps.Labels {
	return steps.Labels{Lang: y.labelLang, TextLang: y.textLang, Matomo: y.translations}
}

// told reports whether Matomo said its version.
func (y *yourMatomo) told() bool { return steps.ParseVersion(y.versionSaid) != steps.VersionUnknown }

func (s *session) rebuildGuide() {
	y := &s.matomo
	s.guide = steps.Build(steps.Options{Tool: s.cfg.Tool, Now: s.cfg.Now(), Version: y.version, Labels: y.labels(),
		Printer: s.cfg.Printer})
	s.step = min(s.step, len(s.guide)-1)
}

// askLabels asks the checked Matomo, without a token and before deadline
// (the check's own time limit), how its screens word the guide's labels in
// the language of its screens, and which languages it has; and takes the
// version it told. Labels that do not come back change nothing but the
// words: the guide then uses its own.
func (s *session) askLabels(addr matomo.Address, p *matomo.Preflight, sameMatomo bool, deadline time.Time) {
	y := &s.matomo
	y.versionSaid = p.Version
	if !sameMatomo {
		y.answered, y.version = false, steps.VersionUnknown
	}
	if v := steps.ParseVersion(p.Version); v != steps.VersionUnknown {
		y.version = v
	}
	ctx, cancel := context.WithDeadline(s.ctx, deadline)
	defer cancel()
	var l *matomo.Labels
	var err error
	s.waitFor(func() { l, err = s.client.Labels(ctx, addr, steps.RequestFor(y.labelLang, y.textLang, true)) })
	y.translations, y.languages = nil, nil
	if err == nil {
		y.translations, y.languages = l.Translations, l.Languages
	}
	s.rebuildGuide()
	s.say(s.labelsSentence(err == nil))
}

// labelsSentence says where the guide's names for Matomo's screens come
// from, plainly: a Matomo that sends none is no problem.
func (s *session) labelsSentence(asked bool) string {
	y := &s.matomo
	name := s.languageName(y.labelLang)
	switch {
	case y.labels().FromMatomo() && y.labelLang == y.textLang:
		return s.t(i18n.LineLabelsOwnWords)
	case y.labels().FromMatomo():
		return s.t(i18n.LineLabelsIn, name)
	case y.labelLang != y.textLang && steps.BuiltIn(y.labelLang):
		return s.t(i18n.LineLabelsMissingBuiltIn, name)
	case y.labelLang != y.textLang:
		return s.t(i18n.LineLabelsMissing, name)
	case asked:
		return s.t(i18n.LineLabelsNone)
	}
	return s.t(i18n.LineLabelsNotAsked)
}

func (s *session) languageCodes() []string {
	out := make([]string, len(s.matomo.languages))
	for i, l := range s.matomo.languages {
		out[i] = l.Code
	}
	return out
}

// languageName names a language as its speakers do, with the English name:
// "Deutsch (German)"; the code when the Matomo did not list it.
func (s *session) languageName(code string) string {
	for _, l := range s.matomo.languages {
		if l.Code == code && l.Name != "" {
			// In German text, the language's own name says enough.
			if l.EnglishName != "" && l.EnglishName != l.Name && !s.german() {
				return clean(l.Name) + " (" + clean(l.EnglishName) + ")"
			}
			return clean(l.Name)
		}
	}
	switch code {
	case "de":
		return s.t(i18n.LineLanguageDeutsch)
	case "en":
		return s.t(i18n.LineLanguageEnglish)
	}
	return code
}

// showGuide walks the guide's steps one at a time: where the person is,
// what to do, the deep link for their Matomo, and how Matomo 3 differs.
// The first step asks which Matomo it is, when Matomo did not say.
func (s *session) showGuide() (stage, error) {
	if !s.guideShown {
		s.heading(s.t(i18n.LineGuideHeading, len(s.guide)))
		s.sayT(i18n.LineNoBrowser)
		s.guideShown = true
	}
	for {
		s.showStep(s.step)
		choices := []choice{
			{word: "next", alias: "n", label: s.nextLabel()},
			{word: "back", alias: "b", label: s.backLabel()},
		}
		asks := s.step == 0 && !s.matomo.told()
		if asks {
			s.askVersionText()
			// At 3 to 6, so that the number typed is the version meant.
			choices = append(choices, s.versionChoices()...)
		}
		choices = append(choices, choice{word: "token", alias: "t", label: s.t(i18n.LineHaveToken)})
		if s.step == 0 && len(s.matomo.languages) > 0 {
			choices = append(choices, choice{word: "language", alias: "l", label: s.t(i18n.LineLabelsLanguage, s.languageName(s.matomo.labelLang))})
		}
		if s.step == 0 {
			// After the others, so that their numbers stay what they were.
			if ok, why := s.mayOfferCreate(); ok {
				s.sayT(i18n.LineOfferCreate, s.wq("create"), steps.CreateTradeOff(s.cfg.Printer, s.found.Checked().Host()))
				choices = append(choices, choice{word: "create", alias: "m", label: s.t(i18n.LineCreateLabel)})
			} else if why != "" {
				s.say(why)
			}
		}
		choices = append(choices, choice{word: "quit"})
		var exact func(string) (string, bool)
		if asks {
			exact = versionTyped
		}
		c, err := s.chooseOr("", choices, "next", exact)
		if err != nil {
			return 0, err
		}
		if v, ok := versionWords[c]; ok {
			s.answerVersion(v)
			continue
		}
		switch c {
		case "next":
			if s.step == len(s.guide)-1 {
				return stageToken, nil
			}
			s.step++
		case "back":
			if s.step == 0 {
				return stageAddress, nil
			}
			s.step--
		case "token":
			return stageToken, nil
		case "create":
			return stageCreate, nil
		case "language":
			if err := s.chooseLanguage(); err != nil {
				return 0, err
			}
		case "quit":
			return 0, ErrQuit
		}
	}
}

// versionChoices are the answers to the version question, numbered 3 to
// 6 in the list: 3 and 4 for those versions, 5 for 5.0 to 5.3, 6 for 5.4
// and newer.
func (s *session) versionChoices() []choice {
	var out []choice
	for _, w := range []string{"3", "4", "5.0", "5.4"} {
		out = append(out, choice{word: w, shown: versionWords[w].Name(s.cfg.Printer)})
	}
	return out
}

var versionWords = map[string]steps.Version{"3": steps.Matomo3, "4": steps.Matomo4, "5.0": steps.Matomo50, "5.4": steps.Matomo54}

// versionTyped reads an exact version typed at the question (5.1.2) as
// the answer for its family. It needs the dot: a bare number is one of
// the listed answers or none.
func versionTyped(answer string) (string, bool) {
	v := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(answer)), "v")
	if !strings.Contains(v, ".") {
		return "", false
	}
	switch steps.ParseVersion(v) {
	case steps.Matomo3:
		return "3", true
	case steps.Matomo4:
		return "4", true
	case steps.Matomo50:
		return "5.0", true
	case steps.Matomo54:
		return "5.4", true
	}
	return "", false
}

func (s *session) askVersionText() {
	if s.matomo.answered {
		s.sayT(i18n.LineVersionAnswered, s.matomo.version.Name(s.cfg.Printer))
		return
	}
	s.sayT(i18n.LineWhichVersion)
}

// answerVersion writes the steps for v and goes on to the second step.
func (s *session) answerVersion(v steps.Version) {
	s.matomo.version, s.matomo.answered = v, true
	s.rebuildGuide()
	s.sayT(i18n.LineStepsNowFor, v.Name(s.cfg.Printer), len(s.guide))
	s.step = 1
}

// chooseLanguage lists the Matomo's languages and asks the Matomo for its
// labels in the one chosen: one request without a token.
func (s *session) chooseLanguage() error {
	y := &s.matomo
	var names []string
	for _, l := range y.languages {
		names = append(names, clean(l.Code)+" "+s.languageName(l.Code))
	}
	s.sayT(i18n.LineLanguages, strings.Join(names, ", "))
	for {
		answer, err := s.ask(s.t(i18n.LineLanguagePrompt), y.labelLang)
		if err != nil {
			return err
		}
		code, perr := locale.Parse(answer)
		if match := locale.Match(code, s.languageCodes()); perr == nil && match != "" {
			code = match
		} else {
			s.sayT(i18n.LineNotALanguage, s.quote(answer))
			continue
		}
		y.labelLang = code
		if y.translations[code] == nil {
			s.fetchLabels(code)
		}
		s.rebuildGuide()
		s.say(s.labelsSentence(true))
		return nil
	}
}

// fetchLabels asks the checked Matomo for the guide's labels in code.
func (s *session) fetchLabels(code string) {
	s.sayT(i18n.LineAskingLabels, s.found.Checked().String(), s.languageName(code))
	req := steps.RequestFor(code, s.matomo.textLang, false)
	req.Languages = req.Languages[:1]
	var l *matomo.Labels
	var err error
	s.waitFor(func() { l, err = s.client.Labels(s.ctx, s.found.Checked(), req) })
	if err != nil || l.Translations[code] == nil {
		return
	}
	if s.matomo.translations == nil {
		s.matomo.translations = map[string]map[string]string{}
	}
	s.matomo.translations[code] = l.Translations[code]
}

func (s *session) showStep(i int) {
	st := s.guide[i]
	s.heading(s.t(i18n.LineStepHeading, strconv.Itoa(i+1), strconv.Itoa(len(s.guide)), st.Title))
	if i == 0 && s.matomo.told() {
		s.sayT(i18n.LineVersionTold, clean(s.matomo.versionSaid))
	}
	for _, p := range strings.Split(st.BodyWithOffer(), "\n\n") {
		if strings.HasPrefix(p, "    ") {
			// A literal to type, such as the suggested description.
			s.sayT(i18n.LineTypeLiteral, strings.TrimSpace(p))
			continue
		}
		s.say(strings.Join(strings.Fields(p), " "))
	}
	link := st.Link.URL(s.found.Checked())
	switch {
	case link == "":
	case i > 0 && s.guide[i-1].Link.URL(s.found.Checked()) == link:
		s.sayT(i18n.LineLinkSame, strconv.Itoa(i))
	default:
		s.sayT(i18n.LineLink, link)
	}
	if note := st.Matomo3Note(); note != "" {
		s.say(note)
	}
}

func (s *session) nextLabel() string {
	if s.step == len(s.guide)-1 {
		return s.t(i18n.LineEnterTheToken)
	}
	return s.t(i18n.LineStepN, strconv.Itoa(s.step+2))
}

func (s *session) backLabel() string {
	if s.step == 0 {
		return s.t(i18n.LineTheAddress)
	}
	return s.t(i18n.LineStepN, strconv.Itoa(s.step))
}
