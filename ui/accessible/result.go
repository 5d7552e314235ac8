package accessible

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"matomo-onboard/matomo"
	"matomo-onboard/steps"
)

// showResult says what the verified token reaches, then lets a site be
// chosen.
func (s *session) showResult() (stage, error) {
	r := s.outcome.Result
	s.heading("Verified")
	version := "Matomo " + r.Version
	if r.Version == "" {
		version = "Matomo (it did not report its version)"
	}
	s.sayf("The token works: %s at %s, token %s.", version, s.found.Checked().String(), s.token.Fingerprint())
	if cr := s.found.Created(); cr != nil {
		s.say(cr.Summary(r.Version, "url-check tells whether this Matomo also takes it in URLs."))
	}
	admin, write, view := r.Counts()
	if r.SuperUser {
		s.say("Superuser: yes. This token can do everything in this Matomo, on every site. " +
			"For an integration, create a dedicated user with view access to the sites it needs, and a token for that user.")
	} else {
		s.say("Superuser: no, good for an integration.")
	}
	s.sayf("Sites: %s in all; %s with admin access, %s with write access, %s with view access.",
		matomo.Thousands(len(r.Sites)), matomo.Thousands(admin), matomo.Thousands(write), matomo.Thousands(view))
	if !r.SuperUser && admin+write > 0 {
		s.say("An integration that only reads reports needs view access; a user with view access only is the safest choice.")
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
		answer, err := s.ask("Site ID", def)
		if err != nil {
			return 0, err
		}
		cmd, arg := splitCommand(answer)
		switch cmd {
		case "id":
			if site, ok := s.siteByID(arg); ok {
				s.outcome.Site = site
				s.found.ChooseSite(site)
				return stageDone, nil
			}
			s.sayf("This token reaches no site with ID %s. Type an ID from the list, or filter to find a site.", arg)
		case "next":
			if s.page+1 >= pages {
				s.say("This is the last page. Type prev for the one before, or a site's ID.")
				continue
			}
			s.page++
			list = true
		case "prev":
			if s.page == 0 {
				s.say("This is the first page. Type next for more, or a site's ID.")
				continue
			}
			s.page--
			list = true
		case "filter":
			if arg == "" {
				s.say("Type filter and the text to look for, for example: filter shop")
				continue
			}
			if looksLikeToken(arg) {
				s.say("That looks like a token; the filter looks for text in site names and addresses.")
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
				s.sayf("%s is neither a site ID nor a command. %s", quote(answer), s.siteCommands(pages))
				continue
			}
			s.writeReport()
		case "token", "address":
			if cr := s.found.Created(); cr != nil && s.tokenOut == "" {
				// Another token or address would leave the created one behind.
				s.sayf("The token created for you, %q, is not saved anywhere yet, and Matomo showed it to nobody: "+
					"choose a site, then take it (%s), before checking another token or address.", cr.Description, s.waysOut())
				continue
			}
			if cmd == "token" {
				return stageToken, nil
			}
			return stageAddress, nil
		case "help":
			s.say(s.siteCommands(pages))
		default:
			s.sayf("%s is neither a site ID nor a command. %s", quote(answer), s.siteCommands(pages))
		}
	}
}

// splitCommand reads an answer to the site question: an ID, or a command
// with an optional argument ("filter shop", "/shop").
func splitCommand(answer string) (cmd, arg string) {
	a := strings.TrimSpace(answer)
	if strings.HasPrefix(a, "/") {
		return "filter", strings.TrimSpace(a[1:])
	}
	if _, err := strconv.Atoi(a); err == nil {
		return "id", a
	}
	word, rest, _ := strings.Cut(a, " ")
	rest = strings.TrimSpace(rest)
	switch strings.ToLower(word) {
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
		s.sayf("No site matches %q. Type all to list every site again, or filter and other text.", s.filter)
		return
	}
	from := s.page * s.cfg.PageSize
	to := min(from+s.cfg.PageSize, len(shown))
	switch {
	case s.filter != "" && pages == 1:
		verb := "match"
		if len(shown) == 1 {
			verb = "matches"
		}
		s.sayf("%s of the %s sites %s %q:", matomo.Thousands(len(shown)), matomo.Thousands(total), verb, s.filter)
	case s.filter != "":
		s.sayf("Sites matching %q: %s to %s of %s (of %s in all):", s.filter,
			matomo.Thousands(from+1), matomo.Thousands(to), matomo.Thousands(len(shown)), matomo.Thousands(total))
	case pages > 1:
		s.sayf("Sites %s to %s of %s, by ID:", matomo.Thousands(from+1), matomo.Thousands(to), matomo.Thousands(len(shown)))
	default:
		s.sayf("The %s, by ID:", plural(len(shown), "site", "sites"))
	}
	for _, site := range shown[from:to] {
		s.sayf("ID %d: %s, %s, %s access.", site.ID, site.Name, site.URL, site.Access)
	}
	s.say(s.siteCommands(pages))
}

// siteCommands is what can be typed at the site question, leaving out
// what does nothing right now.
func (s *session) siteCommands(pages int) string {
	var cmds []string
	if s.page+1 < pages {
		cmds = append(cmds, "next (more sites)")
	}
	if s.page > 0 {
		cmds = append(cmds, "prev (the page before)")
	}
	cmds = append(cmds, "filter and text (only matching sites)")
	if s.filter != "" {
		cmds = append(cmds, "all (every site)")
	}
	if s.urlCheckAvailable() {
		cmds = append(cmds, "url-check (whether tools that put the token in a URL can use it)")
	}
	if s.cfg.Report != nil {
		cmds = append(cmds, "report (save a diagnostics report for support, without the token)")
	}
	held := s.found.Created() != nil && s.tokenOut == ""
	if s.found.MaySendToken() && !held {
		// After the lock-out no token is sent: "token" would only end
		// the session.
		cmds = append(cmds, "token (check another token)")
	}
	if !held {
		cmds = append(cmds, "address (change the address)")
	}
	cmds = append(cmds, "quit")
	return "Type a site's ID to use that site, or: " + strings.Join(cmds, ", ") + "."
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
	s.heading("Done: what to paste where")
	notShown := "It is not shown here: " + s.waysOut() + ", or paste it from where you copied it in Matomo."
	which := "the token you verified (" + s.token.Fingerprint() + ")"
	if cr := s.found.Created(); cr != nil {
		// Nobody copied it in Matomo: the ways out here are the only ones.
		notShown = "It is not shown here: " + s.waysOut() + "."
		which = fmt.Sprintf("the token created for you, %q (%s)", cr.Description, s.token.Fingerprint())
	}
	if strings.EqualFold(tool, steps.DefaultTool) {
		s.say("In " + steps.DefaultTool + "'s data-source form:")
		s.say("API Key: " + which + ". " + notShown)
	} else {
		s.say("In " + clean(tool) + ":")
		s.say("The Matomo token (token_auth): " + which + ". " + notShown)
	}
	if r := s.outcome.Result; r != nil && r.SuperUser {
		s.say("Superuser: this token can do everything in this Matomo; for an integration, use a user with view access only.")
	}
	s.say("Matomo address: " + s.found.Checked().String())
	s.sayf("Site ID: %d", site.ID)
	s.sayf("Site domain: %s (the site %q)", s.found.Domain(), site.Name)
	if err := s.checkData(); err != nil {
		return 0, err
	}
	s.say("Keep the token safe, like a password: in a password manager, not in an email, chat or ticket. " +
		"Matomo does not show it again; if it is lost, create a new one and delete the old one under Personal → Security.")
	choices := append([]choice{{word: "finish", alias: "f", label: "end here"}}, s.tokenChoices()...)
	choices = append(choices, choice{word: "sites", alias: "s", label: "choose another site"})
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
		s.say("Finished. The token is saved in " + s.savedTo + ", and nowhere else by matomo-onboard.")
	case s.reportPath == "":
		s.say("Finished. matomo-onboard saved nothing: the token is only where you paste it.")
	default:
		s.say("Finished. matomo-onboard saved no token: the token is only where you paste it.")
	}
	s.reportKept()
	return stageFinished, nil
}

// waysOut names how the token, never shown, can be taken at the end.
func (s *session) waysOut() string {
	if s.cfg.Clipboard != nil {
		return "copy puts it into the system clipboard, save into a new file"
	}
	if s.cfg.NoClipboardReason != "" {
		return "save puts it into a new file (no system clipboard: " + clean(s.cfg.NoClipboardReason) + ")"
	}
	return "save puts it into a new file"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return matomo.Thousands(n) + " " + many
}
