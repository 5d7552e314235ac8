package accessible

import (
	"matomo-onboard/matomo"
	"matomo-onboard/steps"
)

// "Create it for me" in the line mode, as in the wizard (ui/create.go):
// the person types their Matomo login and password, and Matomo creates
// the token (matomo.Client.CreateToken), which is then checked at once,
// with one request, and goes on to the sites as if it had been typed.
//
// The password is read without echo, lives in one variable of one round
// and goes into that round's request only; it is asked again for each
// round. The two-factor question is the confirmation before anything is
// sent (it has no default: Enter alone sends nothing), and the code is
// asked last, just before the request: Matomo stores the token before it
// checks the code, so a refused code leaves a token behind that nobody
// was shown. Refused rounds count toward the lock-out; after three, the
// guide's steps are the way.

// DemoLogin is a login of the demo Matomo for "create it for me": not
// secret, like the demo's tokens.
type DemoLogin struct {
	Login, Password, Note string
	// Code is the two-factor code the user's app shows now, nil for a
	// user without two-factor authentication.
	Code func() string
}

// creating is what the create questions were answered with so far; the
// password is never among it.
type creating struct {
	login, description, expiry string
	// twoFactor is the answer to the two-factor question ("" unasked,
	// "yes", "no"); reviewed is set once the description and expiry were
	// answered, so that a round after a refusal asks only for what Matomo
	// needs again; introduced once the trade-off was said.
	twoFactor  string
	reviewed   bool
	introduced bool
}

// mayOfferCreate reports whether the guide's first step offers "create it
// for me", and if not, why not ("" when nothing needs saying).
func (s *session) mayOfferCreate() (bool, string) {
	addr := s.found.Checked()
	switch {
	case addr.IsZero() || s.found.Blocked():
		return false, ""
	case s.matomo.version == steps.Matomo3:
		return false, ""
	case addr.PlainHTTP() && !addr.IsLoopback():
		return false, "Creating the token here from your password needs https: a password never crosses a network unencrypted here."
	case s.found.CreateRefused() != nil:
		return false, "This Matomo does not create a token from a login and password, as it said before: the steps are the way."
	case !s.found.MayCreate():
		return false, "No more tries with the password in this session (each refused one counts toward Matomo's lock-out): the steps are the way."
	}
	return true, ""
}

// createToken asks the questions of one round, sends it, and goes on: to
// the check of the created token, back to the steps, or to another round.
func (s *session) createToken() (stage, error) {
	c := &s.create
	if c.description == "" {
		c.description = steps.Purpose(s.cfg.Tool, s.cfg.Now())
	}
	if !c.introduced {
		s.heading("Creating the token with your Matomo login and password")
		s.say(steps.CreateTradeOff(nil, s.found.Checked().Host()))
		s.listDemoLogins()
		c.introduced = true
	}
	for {
		if !s.found.MaySendToken() {
			return s.lockedOut()
		}
		if !s.found.MayCreate() {
			return s.createFallBack(nil)
		}
		next, sent, err := s.createRound()
		if err != nil || !sent {
			return next, err
		}
		if next != stageCreate {
			return next, nil
		}
	}
}

// createRound asks for what this round needs and sends it; sent is false
// when the person went elsewhere instead.
func (s *session) createRound() (next stage, sent bool, err error) {
	c := &s.create
	if !c.reviewed {
		if err := s.askLogin(); err != nil {
			return 0, false, err
		}
	}
	pw, err := s.askPassword()
	if err != nil {
		return 0, false, err
	}
	if !c.reviewed {
		if err := s.askDescription(); err != nil {
			return 0, false, err
		}
		if err := s.askExpiry(); err != nil {
			return 0, false, err
		}
		c.reviewed = true
	}
	s.sayf("Login %s, description %q, %s. %s", c.login, c.description, s.expirySaid(), s.wherePasswordGoes())
	choices := []choice{
		{word: "no", label: "I use no two-factor authentication: create the token now"},
		{word: "yes", label: "type the code from my app, then create it"},
		{word: "change", label: "change the login, description or expiry"},
		{word: "steps", alias: "s", label: "back to the steps, nothing sent"},
		{word: "quit"},
	}
	if c.twoFactor != "" {
		s.say("You said " + c.twoFactor + " before.")
	}
	// No default: Enter alone must not send the password.
	answer, err := s.choose("Do you use two-factor authentication (a code from an app) for this login? "+
		"Asked before anything is sent: Matomo creates the token first and checks the code after, so a missing code leaves a token behind.", choices, "")
	if err != nil {
		return 0, false, err
	}
	req := matomo.CreateRequest{Login: c.login, Password: pw, Description: c.description, ExpireDate: c.expiry}
	switch answer {
	case "change":
		c.reviewed = false
		return stageCreate, true, nil
	case "steps":
		return stageGuide, false, nil
	case "quit":
		return 0, false, ErrQuit
	case "yes":
		c.twoFactor = "yes"
		code, err := s.askCode()
		if err != nil {
			return 0, false, err
		}
		req.AuthCode = code
	default:
		c.twoFactor = "no"
	}
	next, err = s.sendCreate(req)
	return next, true, err
}

func (s *session) askLogin() error {
	c := &s.create
	for {
		answer, err := s.ask("Your Matomo login (user name) or email address", c.login)
		if err != nil {
			return err
		}
		if looksLikeToken(answer) {
			s.say("That looks like a token, not a login: it is not repeated or sent. A token needs no password: type steps at the next question, then token.")
			continue
		}
		login, lerr := matomo.CheckLogin(answer)
		if lerr != nil {
			s.say(lerr.Error())
			continue
		}
		c.login = login
		return nil
	}
}

// askPassword reads the password without echo, until it is one that can
// be sent.
func (s *session) askPassword() (matomo.Password, error) {
	if d := s.demoLogin(); d != nil {
		s.sayf("Demo: the password of %s is %s.", d.Login, d.Password)
	}
	for {
		raw, err := s.readSecret("Password (hidden): ")
		if err != nil {
			return matomo.Password{}, err
		}
		pw, perr := matomo.ParsePassword(raw)
		if perr == nil {
			return pw, nil
		}
		s.say(sentence(perr.Error()))
	}
}

func (s *session) askDescription() error {
	c := &s.create
	s.say("The description names the token in Matomo's list of tokens (1 to 100 characters): the tool and the date tell it apart later.")
	for {
		answer, err := s.ask("Description", c.description)
		if err != nil {
			return err
		}
		if looksLikeToken(answer) {
			s.say("That looks like a token: it is not repeated or kept. The description is only a name for the new token.")
			continue
		}
		d, derr := matomo.CheckDescription(answer)
		if derr != nil {
			s.say(derr.Error())
			continue
		}
		c.description = d
		return nil
	}
}

func (s *session) askExpiry() error {
	c := &s.create
	answer, err := s.choose("Should the token expire? An expired token is rejected like a wrong one, and the integration stops getting data.", []choice{
		{word: "never", alias: "n", label: "no expiry"},
		{word: "date", alias: "d", label: "choose the day it stops working"},
	}, "never")
	if err != nil {
		return err
	}
	if answer == "never" {
		c.expiry = ""
		return nil
	}
	for {
		typed, err := s.ask("Expiry date (year-month-day)", c.expiry)
		if err != nil {
			return err
		}
		d, derr := matomo.CheckExpireDate(typed, s.cfg.Now())
		if derr != nil {
			s.say(derr.Error())
			continue
		}
		c.expiry = d
		return nil
	}
}

// askCode asks for the two-factor code, last.
func (s *session) askCode() (string, error) {
	if d := s.demoLogin(); d != nil && d.Code != nil {
		s.sayf("Demo: the code %s's app shows now is %s.", d.Login, d.Code())
	}
	s.say("Type the code your app shows now: it is sent right away, with the password. A code works once, for about a minute.")
	for {
		typed, err := s.ask("Two-factor code", "")
		if err != nil {
			return "", err
		}
		code, cerr := matomo.CheckAuthCode(typed)
		if cerr != nil {
			s.say(cerr.Error())
			continue
		}
		return code, nil
	}
}

func (s *session) expirySaid() string {
	if s.create.expiry == "" {
		return "no expiry"
	}
	return "expires on " + s.create.expiry
}

// wherePasswordGoes says where the password goes, and only there.
func (s *session) wherePasswordGoes() string {
	addr := s.found.Checked()
	if addr.PlainHTTP() {
		return "The login and password go only to " + addr.Host() + ", in the body of one request that stays on this computer."
	}
	return "The login and password go only to " + addr.Host() + ", in the body of one encrypted (https) request."
}

// sendCreate sends the round's one request and takes Matomo's answer.
func (s *session) sendCreate(req matomo.CreateRequest) (stage, error) {
	c := &s.create
	s.sayf("Asking %s to create the token (one request, up to %s)…", s.found.Checked().String(), seconds(s.client.Timeout()))
	var created *matomo.Created
	var err error
	s.waitFor(func() { created, err = s.client.CreateToken(s.ctx, s.found.Preflight(), req) })
	e := matomo.AsError(err)
	if e != nil && (e.Class == matomo.ClassCanceled || s.ctx.Err() != nil) {
		s.found.RecordCreate(req.Description, nil, &matomo.Error{Class: matomo.ClassCanceled})
		return 0, ErrCanceled
	}
	s.found.RecordCreate(req.Description, created, err)
	if e == nil {
		s.sayf("Matomo created a token named %q for %s. Checking it now, with one request, as if you had typed it.", created.Description, created.Login)
		s.setToken(created.Token)
		return stageVerify, nil
	}
	s.outcome.LastError = e
	labels := s.matomo.labels()
	switch e.Class {
	case matomo.ClassTwoFactor:
		s.say(steps.CodeRefused(nil, labels, req.Description, e.CodeGiven))
		s.say(s.found.Countdown())
		c.twoFactor = "yes"
		c.description = matomo.NextDescription(req.Description, s.found.Orphans())
		s.sayf("The next token will be named %q, so that it can be told apart from the one to delete.", c.description)
	case matomo.ClassPasswordRejected:
		s.say("Matomo did not accept this login and password (it says the same for a login it does not know).")
		s.say(s.found.Countdown())
	case matomo.ClassCreateRefused:
		return s.createFallBack(e)
	case matomo.ClassBlocked:
		s.explain(e)
		return s.lockedOut()
	case matomo.ClassCreateInput:
		s.explain(e)
		if e.Field == "description" || e.Field == "expiry" || e.Field == "login" {
			c.reviewed = false
		}
	default:
		s.explain(e)
		if e.Trace != nil && e.Trace.Written > 0 {
			s.sayf("If Matomo got the request, it may have created a token named %q: check its list under %s.", req.Description, steps.SecurityPage(labels))
		}
	}
	if !s.found.MayCreate() {
		return s.createFallBack(nil)
	}
	next, err := s.choose("What next?", []choice{
		{word: "again", alias: "a", label: "type the password again (nothing is sent before the two-factor question)"},
		{word: "steps", alias: "s", label: "back to the steps, to create the token in the browser"},
		{word: "quit"},
	}, "again")
	switch {
	case err != nil:
		return 0, err
	case next == "steps":
		return stageGuide, nil
	case next == "quit":
		return 0, ErrQuit
	}
	return stageCreate, nil
}

// createFallBack goes back to the guide's steps, saying why: this Matomo
// refuses the method (Matomo 3 gets its own steps), or the tries are
// spent.
func (s *session) createFallBack(e *matomo.Error) (stage, error) {
	switch {
	case e != nil && e.Matomo3:
		s.say("Matomo answered that it has no way to create a token from a password: it is Matomo 3 or older, which shows each user's one token in the browser. The steps below say where.")
		s.matomo.version, s.matomo.answered = steps.Matomo3, true
		s.rebuildGuide()
	case e != nil:
		s.explain(e)
		s.say("The steps below create a token in the browser instead.")
	default:
		s.say("That was the last try with the password in this session: the steps below create a token in the browser.")
	}
	if note := steps.OrphanSentence(nil, s.matomo.labels(), s.found.Orphans()); note != "" && (e == nil || e.TokenLeft) {
		s.say(note)
	}
	s.step = 0
	return stageGuide, nil
}

// demoLogin is the demo login typed, or nil.
func (s *session) demoLogin() *DemoLogin {
	for i, d := range s.cfg.DemoLogins {
		if d.Login == s.create.login {
			return &s.cfg.DemoLogins[i]
		}
	}
	return nil
}

func (s *session) listDemoLogins() {
	if len(s.cfg.DemoLogins) == 0 {
		return
	}
	s.say("This is the demo Matomo. Its logins (demo passwords are no secret):")
	for _, d := range s.cfg.DemoLogins {
		s.sayf("%s, password %s: %s.", d.Login, d.Password, clean(d.Note))
	}
}

// createdKept says that the created token, whose check failed, is kept,
// and how to take it.
func (s *session) createdKept() {
	cr := s.found.Created()
	if cr == nil {
		return
	}
	s.sayf("The token Matomo created for you, %q, is kept: Matomo showed it to nobody and will not show it again. "+
		"Take it now (%s), so that it is not lost.", cr.Description, s.waysOut())
}

// orphansAtEnd says, as the session ends, which tokens Matomo probably
// holds that nobody saw; a created token nobody took is one of them.
func (s *session) orphansAtEnd() {
	if s.found.Created() != nil && s.tokenOut == "" {
		s.found.AbandonCreated()
	}
	if note := steps.OrphanSentence(nil, s.matomo.labels(), s.found.Orphans()); note != "" {
		s.say(note)
	}
	s.outcome.Orphans = s.found.Orphans()
}
