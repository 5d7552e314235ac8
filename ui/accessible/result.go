package accessible

import (
	"sort"
	"strconv"
	"strings"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
	"matomo-onboard/steps"
)

// showResult says what the verified token reaches, then lets a site be
// chosen.
func (s *session) showResult() (stage, error) {
	r := s.outcome.Result
	s.heading(s.t(i18n.LineVerifiedHeading))
	version := s.t(i18n.LineMatomoVersionShort, r.Version)
	if r.Version == "" {
		version = s.t(i18n.LineVersionNotReported)
	}
	s.sayT(i18n.LineTokenWorks, version, s.found.Checked().String(), s.token.FingerprintText())
	if cr := s.found.Created(); cr != nil {
		s.say(s.cfg.Printer.Text(cr.Summary(r.Version, s.t(i18n.LineURLCheckTells, s.wq("url-check")))))
	}
	admin, write, view := r.Counts()
	if r.SuperUser {
		s.sayT(i18n.LineSuperUserYes)
	} else {
		s.sayT(i18n.LineSuperUserNo)
	}
	s.sayT(i18n.LineSitesCounts, len(r.Sites), admin, write, view)
	if !r.SuperUser && admin+write > 0 {
		s.sayT(i18n.LineViewIsEnough)
	}
	return s.chooseSite()
}

// chooseSite lists the sites a page at a time and takes a site's ID, or a
// command to page, filter, or go back. With thousands of sites the filter
// is the way to find one.
func (s *session) chooseSite() (stage, error) {
	list := true
	for {
		shown := s.filtered()
		pages := max(1, (len(shown)+s.cfg.PageSize-1)/s.cfg.PageSize)
		s.page = min(s.page, pages-1)
		if list {
			s.listPage(shown, pages)
			list = false
		}
		def := ""
		if len(shown) > 0 {
			def = strconv.Itoa(shown[s.page*s.cfg.PageSize].ID)
		}
		answer, err := s.ask(s.t(i18n.LineSiteIDPrompt), def)
		if err != nil {
			return 0, err
		}
		cmd, arg := s.splitCommand(answer)
		switch cmd {
		case "id":
			if site, ok := s.siteByID(arg); ok {
				s.outcome.Site = site
				s.found.ChooseSite(site)
				return stageDone, nil
			}
			s.sayT(i18n.LineNoSuchSite, arg)
		case "next":
			if s.page+1 >= pages {
				s.sayT(i18n.LineLastPage, s.wq("prev"))
				continue
			}
			s.page++
			list = true
		case "prev":
			if s.page == 0 {
				s.sayT(i18n.LineFirstPage, s.wq("next"))
				continue
			}
			s.page--
			list = true
		case "filter":
			if arg == "" {
				s.sayT(i18n.LineFilterHow, s.wq("filter"), s.w("filter"))
				continue
			}
			if looksLikeToken(arg) {
				s.sayT(i18n.LineFilterToken)
				continue
			}
			s.filter, s.page, list = clean(arg), 0, true
		case "all":
			s.filter, s.page, list = "", 0, true
		case "list":
			list = true
		case "urlcheck":
			if !s.urlCheckAvailable() {
				s.urlCheckRefused()
				continue
			}
			if err := s.checkURL(); err != nil {
				return 0, err
			}
			// The question comes back after a detour: what can be typed.
			s.say(s.siteCommands(pages))
		case "report":
			if s.cfg.Report == nil {
				s.sayT(i18n.LineNeitherIDNorCommand, s.quote(answer), s.siteCommands(pages))
				continue
			}
			s.writeReport()
		case "token", "address":
			if cr := s.found.Created(); cr != nil && s.tokenOut == "" {
				// Another token or address would leave the created one behind.
				s.sayT(i18n.LineCreatedNotSaved, s.quoted(cr.Description), s.waysOut())
				continue
			}
			if cmd == "token" {
				return stageToken, nil
			}
			return stageAddress, nil
		case "help":
			s.say(s.siteCommands(pages))
		default:
			s.sayT(i18n.LineNeitherIDNorCommand, s.quote(answer), s.siteCommands(pages))
		}
	}
}

// splitCommand reads an answer to the site question: an ID, or a command
// with an optional argument ("filter shop", "/shop"); in German also its
// German word ("weiter", "filter shop").
func (s *session) splitCommand(answer string) (cmd, arg string) {
	a := strings.TrimSpace(answer)
	if strings.HasPrefix(a, "/") {
		return "filter", strings.TrimSpace(a[1:])
	}
	if _, err := strconv.Atoi(a); err == nil {
		return "id", a
	}
	word, rest, _ := strings.Cut(a, " ")
	rest = strings.TrimSpace(rest)
	word = strings.ToLower(word)
	for _, cmd := range []string{"next", "prev", "all", "list", "address", "url-check", "report", "help"} {
		if s.isWord(word, cmd) {
			word = cmd
		}
	}
	if s.german() {
		switch word {
		case "mehr":
			word = "next"
		case "zurück", "zurueck":
			word = "prev"
		case "suche", "suchen", "finden":
			word = "filter"
		}
	}
	switch word {
	case "next", "n", "more":
		return "next", rest
	case "prev", "p", "previous", "back":
		return "prev", rest
	case "filter", "f", "find", "search":
		return "filter", rest
	case "all":
		return "all", rest
	case "list", "l", "repeat":
		return "list", rest
	case "token", "t":
		return "token", rest
	case "address":
		return "address", rest
	case "url-check", "urlcheck", "url":
		return "urlcheck", rest
	case "report":
		return "report", rest
	case "help", "?":
		return "help", rest
	}
	return "", a
}

// filtered is the sites that match the filter: in the name or URL,
// ignoring case, or the exact ID.
func (s *session) filtered() []matomo.Site {
	all := s.outcome.Result.Sites
	if s.filter == "" {
		return all
	}
	f := strings.ToLower(s.filter)
	var out []matomo.Site
	for _, site := range all {
		if strings.Contains(strings.ToLower(site.Name), f) || strings.Contains(strings.ToLower(site.URL), f) ||
			strconv.Itoa(site.ID) == f {
			out = append(out, site)
		}
	}
	return out
}

func (s *session) listPage(shown []matomo.Site, pages int) {
	total := len(s.outcome.Result.Sites)
	if len(shown) == 0 {
		s.sayT(i18n.LineNoSiteMatches, s.quoted(s.filter), s.wq("all"), s.wq("filter"))
		return
	}
	from := s.page * s.cfg.PageSize
	to := min(from+s.cfg.PageSize, len(shown))
	switch {
	case s.filter != "" && pages == 1:
		s.sayT(i18n.LineSitesMatch, len(shown), total, s.quoted(s.filter))
	case s.filter != "":
		s.sayT(i18n.LineSitesMatchingPage, s.quoted(s.filter), from+1, to, len(shown), total)
	case pages > 1:
		s.sayT(i18n.LineSitesPage, from+1, to, len(shown))
	default:
		s.sayT(i18n.LineTheSites, len(shown))
	}
	for _, site := range shown[from:to] {
		s.sayT(i18n.LineSiteItem, strconv.Itoa(site.ID), site.Name, site.URL, s.access(site.Access))
	}
	s.say(s.siteCommands(pages))
}

// access names a site's access in the person's language.
func (s *session) access(a matomo.Access) string { return clean(s.cfg.Printer.Text(a.Text())) }

// siteCommands is what can be typed at the site question, leaving out
// what does nothing right now.
func (s *session) siteCommands(pages int) string {
	var cmds []string
	cmd := func(m *i18n.Message, word string) { cmds = append(cmds, s.t(m, s.w(word))) }
	if s.page+1 < pages {
		cmd(i18n.LineCmdNext, "next")
	}
	if s.page > 0 {
		cmd(i18n.LineCmdPrev, "prev")
	}
	cmd(i18n.LineCmdFilter, "filter")
	if s.filter != "" {
		cmd(i18n.LineCmdAll, "all")
	}
	if s.urlCheckAvailable() {
		cmd(i18n.LineCmdURLCheck, "url-check")
	}
	if s.cfg.Report != nil {
		cmd(i18n.LineCmdReport, "report")
	}
	held := s.found.Created() != nil && s.tokenOut == ""
	if s.found.MaySendToken() && !held {
		// After the lock-out no token is sent: "token" would only end
		// the session.
		cmd(i18n.LineCmdToken, "token")
	}
	if !held {
		cmd(i18n.LineCmdAddress, "address")
	}
	cmds = append(cmds, s.w("quit"))
	return s.t(i18n.LineSiteCommands, strings.Join(cmds, ", "))
}

// siteByID finds a reachable site; Result.Sites is sorted by ID.
func (s *session) siteByID(id string) (matomo.Site, bool) {
	n, err := strconv.Atoi(id)
	if err != nil {
		return matomo.Site{}, false
	}
	sites := s.outcome.Result.Sites
	i := sort.Search(len(sites), func(i int) bool { return sites[i].ID >= n })
	if i < len(sites) && sites[i].ID == n {
		return sites[i], true
	}
	return matomo.Site{}, false
}

// done says what to paste where. The token itself is never printed: the
// person pastes it from where they copied it in Matomo.
func (s *session) done() (stage, error) {
	site := s.outcome.Site
	tool := s.cfg.Tool
	if tool == "" {
		tool = steps.DefaultTool
	}
	s.heading(s.t(i18n.LineDoneHeading))
	notShown := s.t(i18n.LineNotShownOrPaste, s.waysOut())
	which := s.t(i18n.LineTokenYouVerified, s.token.FingerprintText())
	if cr := s.found.Created(); cr != nil {
		// Nobody copied it in Matomo: the ways out here are the only ones.
		notShown = s.t(i18n.LineNotShown, s.waysOut())
		which = s.t(i18n.LineTokenCreatedForYou, s.quoted(cr.Description), s.token.FingerprintText())
	}
	if strings.EqualFold(tool, steps.DefaultTool) {
		s.sayT(i18n.LineInDataSourceForm, steps.DefaultTool)
		s.sayT(i18n.LineAPIKey, which, notShown)
	} else {
		s.sayT(i18n.LineInTool, clean(tool))
		s.sayT(i18n.LineTokenAuthField, which, notShown)
	}
	if r := s.outcome.Result; r != nil && r.SuperUser {
		s.sayT(i18n.LineSuperUserAtEnd)
	}
	s.sayT(i18n.LineMatomoAddress, s.found.Checked().String())
	s.sayT(i18n.LineSiteID, strconv.Itoa(site.ID))
	s.sayT(i18n.LineSiteDomain, s.found.Domain(), s.quoted(site.Name))
	if err := s.checkData(); err != nil {
		return 0, err
	}
	s.sayT(i18n.LineKeepSafe, s.personalSecurity())
	choices := append([]choice{{word: "finish", alias: "f", label: s.t(i18n.LineEndHere)}}, s.tokenChoices()...)
	choices = append(choices, choice{word: "sites", alias: "s", label: s.t(i18n.LineChooseAnotherSiteLabel)})
	for {
		all := append(append(choices[:len(choices):len(choices)], s.dataChoice()...), s.reportChoice()...)
		c, err := s.chooseWithReport("", all, "finish")
		if err != nil {
			return 0, err
		}
		switch c {
		case "sites":
			return stageSites, nil
		case "data":
			if err := s.checkData(); err != nil {
				return 0, err
			}
			continue
		case "copy":
			s.copyTokenToSystem()
			continue
		case "save":
			if err := s.saveToken(); err != nil {
				return 0, err
			}
			continue
		}
		if s.holdQuit(true) {
			continue
		}
		break
	}
	s.outcome.Verified = true
	s.orphansAtEnd()
	switch {
	case s.savedTo != "":
		s.sayT(i18n.LineFinishedSaved, s.savedTo)
	case s.reportPath == "":
		s.sayT(i18n.LineFinishedNothing)
	default:
		s.sayT(i18n.LineFinishedNoToken)
	}
	s.reportKept()
	return stageFinished, nil
}

// waysOut names how the token, never shown, can be taken at the end.
func (s *session) waysOut() string {
	if s.cfg.Clipboard != nil {
		return s.t(i18n.LineWaysCopySave, s.wq("copy"), s.wq("save"))
	}
	if s.cfg.NoClipboardReason != "" {
		return s.t(i18n.LineWaysSaveNoClipboard, s.wq("save"), clean(s.cfg.NoClipboardReason))
	}
	return s.t(i18n.LineWaysSave, s.wq("save"))
}

// personalSecurity names the page that lists the tokens, as the guide
// does: Personal → Security.
func (s *session) personalSecurity() string {
	l := s.matomo.labels()
	return l.Name(steps.KeyPersonal) + " → " + l.Name(steps.KeySecurity)
}
