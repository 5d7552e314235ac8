package accessible

import "matomo-onboard/matomo"

// findings are the outcomes of the checks since the last address check,
// exactly as the matomo package returned them: what the diagnostics
// report describes.
type findings struct {
	// addr is the address of the last pre-flight check, passed or failed.
	addr         matomo.Address
	preflight    *matomo.Preflight
	preflightErr *matomo.Error
	// result and verifyErr are the last token check's answer; at most one
	// is set.
	result    *matomo.Result
	verifyErr *matomo.Error
	get       *matomo.GETCheck
	getErr    *matomo.Error
}

// checkingAddress starts the findings afresh: a token check made at an
// earlier address says nothing about the new one.
func (s *session) checkingAddress(addr matomo.Address) {
	s.found = findings{addr: addr}
}

// checkingToken forgets the previous token check and its URL check, which
// may have been made with another token.
func (s *session) checkingToken() {
	s.found.result, s.found.verifyErr = nil, nil
	s.found.get, s.found.getErr = nil, nil
	s.urlChecked = false
}

func (s *session) reportInput() matomo.Findings {
	f := s.found
	notes := append(append([]string(nil), f.addr.Notes...), s.tokenWarnings...)
	return matomo.Findings{
		Address: f.addr, Preflight: f.preflight, PreflightErr: f.preflightErr.OrNil(),
		Result: f.result, VerifyErr: f.verifyErr.OrNil(), GETCheck: f.get, GETErr: f.getErr.OrNil(),
		Token: s.token, Notes: notes,
	}
}

// reportChoice is the report answer, where a report can be written.
func (s *session) reportChoice() []choice {
	if s.cfg.Report == nil {
		return nil
	}
	return []choice{{word: "report", label: "save a diagnostics report for support, without the token"}}
}

// writeReport saves the diagnostics report and says where, in full, and
// that it holds no token: the person is asked to send exactly that file.
func (s *session) writeReport() {
	path, err := s.cfg.Report(s.reportInput())
	if err != nil {
		s.say("The report could not be written: " + sentence(clean(err.Error())) + ".")
		return
	}
	// The whole path, however long: the person has to find the file.
	s.reportPath = matomo.Printable(path, 4096)
	s.say("Diagnostics report saved to " + s.reportPath + ".")
	s.say("Only you can read the file. It holds no token, only its length and last 4 characters, " +
		"so you can send it to support or your Matomo administrator.")
}

// reportKept reminds, as the session ends, where the report is: "nothing
// was saved" is about the token, and the report must not be forgotten.
func (s *session) reportKept() {
	if s.reportPath != "" {
		s.say("The diagnostics report stays at " + s.reportPath + "; it holds no token.")
	}
}

// chooseWithReport is choose for a question whose answers include the
// report: writing it decides nothing, so the question is asked again.
func (s *session) chooseWithReport(question string, choices []choice, def string) (string, error) {
	for {
		c, err := s.choose(question, choices, def)
		if err != nil || c != "report" {
			return c, err
		}
		s.writeReport()
	}
}
