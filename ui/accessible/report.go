package accessible

import (
	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// reportChoice is the report answer, where a report can be written.
func (s *session) reportChoice() []choice {
	if s.cfg.Report == nil {
		return nil
	}
	return []choice{{word: "report", label: s.t(i18n.LineReportLabel)}}
}

// writeReport saves the diagnostics report and says where, in full, and
// that it holds no token: the person is asked to send exactly that file.
func (s *session) writeReport() {
	path, err := s.cfg.Report(s.found.Findings())
	if err != nil {
		s.sayT(i18n.LineReportFailed, sentence(clean(s.cfg.Printer.Error(err))))
		return
	}
	// The whole path, however long, on a line of its own: the person has
	// to find the file, and a terminal that wraps the line then cuts no
	// name but a too long one.
	s.reportPath = matomo.Printable(path, 4096)
	s.sayT(i18n.LineReportSaved)
	s.say(s.reportPath)
	s.sayT(i18n.LineReportNoToken)
}

// reportKept reminds, as the session ends, where the report is: "nothing
// was saved" is about the token, and the report must not be forgotten.
func (s *session) reportKept() {
	if s.reportPath != "" {
		s.sayT(i18n.LineReportKept, s.reportPath)
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
