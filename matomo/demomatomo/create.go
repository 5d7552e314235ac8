package demomatomo

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base32"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"html"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// UsersManager.createAppSpecificTokenAuth as a real Matomo 5.1.2 answers it
// (measured; see matomo/create.go): the password checked, one failed login
// for a wrong one, the token stored before the two-factor code is checked,
// each code taken once.

const methodCreateToken = "UsersManager.createAppSpecificTokenAuth"

// Matomo's messages, verbatim from a real 5.1.2.
const (
	msgWrongPassword   = "The current password you entered is not correct."
	msgTooWeak         = "This password is too weak, please supply another value or reset it."
	msgCodeMissing     = "Please specify a two-factor authentication code."
	msgCodeWrong       = "Incorrect two-factor authentication code."
	msgTwoFactorNotSet = "You must set up two-factor authentication. Please log in to do so."
	msgBadDate         = "Date format must be: YYYY-MM-DD, or 'today' or 'yesterday' or any keyword supported by the strtotime function (see http://php.net/strtotime for more information): false"
)

// hasCreateToken reports whether this Matomo has the method: 4.0 and later.
func (s *Server) hasCreateToken() bool { return !versionBefore(s.opts.Version, 4, 0) }

// serveCreateToken answers createAppSpecificTokenAuth, a request without a
// token (Matomo's Login plugin checks the lock-out first).
func (s *Server) serveCreateToken(w http.ResponseWriter, p params, ip, format string) {
	if s.blocked(ip) {
		// For this method the lock-out is an ordinary API exception: 200.
		writeError(w, p.base, format, http.StatusOK, msgBlocked)
		return
	}
	// Matomo's API checks the required parameters in the order of the
	// method's signature, and takes an empty one for a missing one.
	args := map[string]string{}
	for _, name := range []string{"userLogin", "passwordConfirmation", "description"} {
		v, _ := p.value(name)
		if v == "" {
			writeError(w, p.base, format, http.StatusOK, "Please specify a value for '"+name+"'.")
			return
		}
		args[name] = v
	}
	if s.opts.RefuseTokenCreation != "" {
		writeError(w, p.base, format, http.StatusOK, s.opts.RefuseTokenCreation)
		return
	}
	user := s.userByLoginOrEmail(args["userLogin"])
	if user == nil {
		s.recordFailure(ip, 1)
		writeError(w, p.base, format, http.StatusOK, msgWrongPassword)
		return
	}
	// The password's strength is checked on the way to comparing it, so
	// a password that cannot be one is refused without a failed login.
	if pw := args["passwordConfirmation"]; len(pw) < 6 || distinctBytes(pw) < 2 {
		writeError(w, p.base, format, http.StatusOK, msgTooWeak)
		return
	}
	if user.Password == "" || args["passwordConfirmation"] != user.Password {
		s.recordFailure(ip, 1)
		writeError(w, p.base, format, http.StatusOK, msgWrongPassword)
		return
	}
	expire, _ := p.value("expireDate")
	if expire != "" {
		if _, err := time.Parse("2006-01-02", expire); err != nil {
			writeError(w, p.base, format, http.StatusOK, msgBadDate)
			return
		}
	}
	if n := utf8.RuneCountInString(args["description"]); n > 100 {
		writeError(w, p.base, format, http.StatusOK, html.EscapeString(fmt.Sprintf(
			`Description: The value contains "%d" characters but should contain at most 100 characters.`, n)))
		return
	}
	value := s.storeToken(user.Login, args["description"], expire)
	// Then the TwoFactorAuth plugin, after the token was stored.
	switch {
	case user.TwoFactorSecret != "":
		code, _ := p.value("authCode")
		if code == "" {
			s.twoFactorRefused(ip)
			writeError(w, p.base, format, http.StatusUnauthorized, msgCodeMissing)
			return
		}
		if !s.takeCode(user, code) {
			s.twoFactorRefused(ip)
			writeError(w, p.base, format, http.StatusUnauthorized, msgCodeWrong)
			return
		}
	case s.opts.Require2FA:
		writeError(w, p.base, format, http.StatusOK, msgTwoFactorNotSet)
		return
	}
	writeResult(w, format, valueJSON(value))
}

// twoFactorRefused counts a refused two-factor code as a failed login, as
// Matomo does from 5.13 on (5.1.2 does not).
func (s *Server) twoFactorRefused(ip string) {
	if !versionBefore(s.opts.Version, 5, 13) {
		s.recordFailure(ip, 1)
	}
}

// userByLoginOrEmail finds a user by login, else by e-mail address.
func (s *Server) userByLoginOrEmail(login string) *User {
	if u := s.users[login]; u != nil {
		return u
	}
	for _, u := range s.users {
		if u.Email != "" && u.Email == login {
			return u
		}
	}
	return nil
}

func distinctBytes(s string) int {
	seen := map[byte]bool{}
	for i := 0; i < len(s); i++ {
		seen[s[i]] = true
	}
	return len(seen)
}

// storeToken makes a new token for login, as Matomo does: 32 hex
// characters (md5 hex in Matomo), and keeps it.
func (s *Server) storeToken(login, description, expire string) string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	t := &Token{Value: hex.EncodeToString(b), Login: login, Description: description, ExpireDate: expire}
	if expire != "" {
		if d, err := time.Parse("2006-01-02", expire); err == nil && !d.After(s.opts.Now()) {
			t.Expired = true
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.created[t.Value] = t
	s.createLog = append(s.createLog, *t)
	return t.Value
}

// takeCode checks a two-factor code and uses it up: Matomo records every
// code tried before checking it, so that none is taken twice, and accepts
// the codes of the two windows of 30 seconds before and after now.
func (s *Server) takeCode(u *User, code string) bool {
	s.mu.Lock()
	key := u.Login + "\x00" + code
	used := s.usedCodes[key]
	s.usedCodes[key] = true
	s.mu.Unlock()
	if used {
		return false
	}
	now := s.opts.Now()
	for d := -2; d <= 2; d++ {
		if TOTP(u.TwoFactorSecret, now.Add(time.Duration(d)*30*time.Second)) == code {
			return true
		}
	}
	return false
}

// tokenFor finds a token by its value: the data's, or one created since.
func (s *Server) tokenFor(value string) *Token {
	if t := s.tokens[value]; t != nil {
		return t
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.created[value]
}

// CreatedTokens are the tokens createAppSpecificTokenAuth made, oldest
// first: the ones it answered with and the ones it kept silently after a
// refused two-factor code.
func (s *Server) CreatedTokens() []Token {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Token(nil), s.createLog...)
}

// TOTP is the six-digit code an authenticator app shows at t for a base32
// secret (RFC 6238: SHA-1, 30 seconds, as Matomo's two-factor
// authentication uses it); "" for a secret that is not base32.
func TOTP(secret string, t time.Time) string {
	key, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(strings.ToUpper(strings.TrimRight(secret, "=")))
	if err != nil {
		return ""
	}
	var msg [8]byte
	binary.BigEndian.PutUint64(msg[:], uint64(t.Unix()/30))
	mac := hmac.New(sha1.New, key)
	mac.Write(msg[:])
	h := mac.Sum(nil)
	o := h[len(h)-1] & 0x0f
	return fmt.Sprintf("%06d", (binary.BigEndian.Uint32(h[o:o+4])&0x7fffffff)%1000000)
}

// versionBefore reports whether version v is before major.minor; a version
// it cannot read is not.
func versionBefore(v string, major, minor int) bool {
	parts := strings.SplitN(v, ".", 3)
	maj, err := strconv.Atoi(parts[0])
	if err != nil {
		return false
	}
	mnr := 0
	if len(parts) > 1 {
		mnr, _ = strconv.Atoi(strings.TrimRightFunc(parts[1], func(r rune) bool { return r < '0' || r > '9' }))
	}
	return maj < major || maj == major && mnr < minor
}
