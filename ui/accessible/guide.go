package accessible

import (
	"fmt"
	"strings"
)

// showGuide walks the guide's steps one at a time: where the person is,
// what to do, the deep link for their Matomo, and how Matomo 3 differs.
func (s *session) showGuide() (stage, error) {
	if !s.guideShown {
		s.heading(fmt.Sprintf("Creating the token: %d steps in Matomo, in your browser.", len(s.guide)))
		s.say("This mode never opens a browser: each step gives its link, to open or copy yourself.")
		s.guideShown = true
	}
	for {
		s.showStep(s.step)
		choices := []choice{
			{word: "next", alias: "n", label: s.nextLabel()},
			{word: "back", alias: "b", label: s.backLabel()},
			{word: "token", alias: "t", label: "I already have a token"},
			{word: "quit"},
		}
		c, err := s.choose("", choices, "next")
		if err != nil {
			return 0, err
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
		case "quit":
			return 0, ErrQuit
		}
	}
}

func (s *session) showStep(i int) {
	st := s.guide[i]
	s.heading(fmt.Sprintf("Step %d of %d: %s", i+1, len(s.guide), st.Title))
	for _, p := range strings.Split(st.BodyWithOffer(), "\n\n") {
		if strings.HasPrefix(p, "    ") {
			// A literal to type, such as the suggested description.
			s.say("Type: " + strings.TrimSpace(p))
			continue
		}
		s.say(strings.Join(strings.Fields(p), " "))
	}
	link := st.Link.URL(s.found.Checked())
	switch {
	case link == "":
	case i > 0 && s.guide[i-1].Link.URL(s.found.Checked()) == link:
		s.say("Link: the same page as step " + fmt.Sprint(i) + ".")
	default:
		s.say("Link: " + link)
	}
	if note := st.Matomo3Note(); note != "" {
		s.say(note)
	}
}

func (s *session) nextLabel() string {
	if s.step == len(s.guide)-1 {
		return "enter the token"
	}
	return fmt.Sprintf("step %d", s.step+2)
}

func (s *session) backLabel() string {
	if s.step == 0 {
		return "the address"
	}
	return fmt.Sprintf("step %d", s.step)
}
