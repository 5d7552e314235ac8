package matomo

// dataFinding is what the Session knows of the data check of the chosen
// site: its outcome, or why it got none, or that it was skipped.
type dataFinding struct {
	check   *DataCheck
	err     *Error
	skipped bool
}

// MayCheckData reports whether the data check may be sent now: for a
// verified token that is still held and a chosen site, and never after
// Matomo's lock-out, which would refuse even this token (and each try
// could extend the lock).
func (s *Session) MayCheckData() bool {
	return s.result != nil && s.site != nil && !s.token.Token.IsZero() && !s.blocked
}

// RecordDataCheck records the data check of the chosen site: check when
// Matomo answered it (a visit, none, or its refusal of the check), else
// err. Matomo's lock-out stops all sending, as after any request with the
// token, and a token Matomo no longer accepts counts as the failed login
// Matomo recorded. A canceled check learnt nothing and changes nothing.
func (s *Session) RecordDataCheck(check *DataCheck, err error) {
	e := AsError(err)
	if e != nil && e.Class == ClassCanceled {
		return
	}
	s.data = dataFinding{check: check, err: e}
	if e != nil {
		s.data.check = nil
		s.countFailure(e)
	}
}

// SkipDataCheck records that the data check was not sent because
// MayCheckData said no: the report says so.
func (s *Session) SkipDataCheck() { s.data = dataFinding{skipped: true} }

// DataCheck is the data check's outcome, or nil when it got none.
func (s *Session) DataCheck() *DataCheck { return s.data.check }

// DataErr is why the data check got no answer, or nil.
func (s *Session) DataErr() *Error { return s.data.err }

// DataSkipped reports whether the data check was skipped (the lock-out).
func (s *Session) DataSkipped() bool { return s.data.skipped }
