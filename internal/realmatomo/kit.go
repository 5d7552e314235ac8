package realmatomo

import (
	"fmt"
	"strings"
	"time"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// Version is the Matomo the kit runs.
const Version = "5.1.2"

// The kit's tokens, from its README ("Users, tokens, sites").
const (
	TokenAdmin           = "6b1562ed1b371ef36fa7ecb790eaa305"
	TokenAdminSecureOnly = "b357b13de0269f0bcf8853dce5b6b418" // works only in a POST body
	TokenViewer          = "60738be3c528633522be304dd89bbff8"
	TokenViewerExpired   = "8c2881f15c2619d44242ffccc8812e7e" // expired 2024-01-01
	TokenWriter          = "a7bec9ce3b746a6385209f235b8e8295"
	TokenNoAccess        = "2b4d35502609d6b7ea745b5bdaf60228"
	TokenMany            = "b50d7c37c8b3d81b50cdb391d792db48"
	TokenBig             = "c0ffee00c0ffee00c0ffee00c0ffee00"
	TokenInvalid         = "9b2f4c7e1a3d5f60718293a4b5c6d7e8" // no such token
)

// TwoFactorSecret is the TOTP secret of the kit's user twofa, the one
// user with two-factor authentication (view on site 1, no token).
const TwoFactorSecret = "JBSWY3DPEHPK3PXP"

// Password is the login password of one of the kit's users: the login
// with a capital first letter, "Pass-2024!" after it (README, "Users,
// tokens, sites").
func Password(login string) string {
	if login == "" {
		return ""
	}
	return strings.ToUpper(login[:1]) + login[1:] + "Pass-2024!"
}

// The kit's sites: 1 Shop, 2 Blog, 3 Intranet, then "Client site N" for
// 4–153 and "Big site N" for 154–20153.
const (
	FirstManySite = 4
	LastManySite  = 153
	FirstBigSite  = 154
	LastBigSite   = 20153
	SiteCount     = LastBigSite
)

// TokenCase is one of the kit's tokens and what a verification of it must
// find: a user's roles per site, or the class of the refusal.
type TokenCase struct {
	Name  string // a short name for test output, never the token
	Token string
	// Login is the token's user, "" for the invalid token.
	Login      string
	SuperUser  bool
	SecureOnly bool
	// Class is the error class Verify must return, "" when it verifies.
	Class matomo.ErrorClass
	// Access is the role per site the token reaches, nil when it fails.
	Access map[int]matomo.Access
}

// SpendsFailedLogin reports whether sending the token in a POST body counts
// as a failed login.
func (c TokenCase) SpendsFailedLogin() bool { return c.Class == matomo.ClassTokenRejected }

// Tokens are every token of the kit with what it reaches, and the invalid
// one, in the README's order.
func Tokens() []TokenCase {
	all := siteRange(1, LastBigSite, matomo.AccessAdmin)
	return []TokenCase{
		{Name: "admin", Token: TokenAdmin, Login: "admin", SuperUser: true, Access: all},
		{Name: "admin-secure-only", Token: TokenAdminSecureOnly, Login: "admin", SuperUser: true, SecureOnly: true, Access: all},
		{Name: "viewer", Token: TokenViewer, Login: "viewer", Access: map[int]matomo.Access{1: matomo.AccessView, 2: matomo.AccessView}},
		{Name: "viewer-expired", Token: TokenViewerExpired, Login: "viewer", Class: matomo.ClassTokenRejected},
		{Name: "writer", Token: TokenWriter, Login: "writer", Access: map[int]matomo.Access{1: matomo.AccessAdmin, 2: matomo.AccessWrite}},
		{Name: "noaccess", Token: TokenNoAccess, Login: "noaccess", Class: matomo.ClassNoAccess},
		{Name: "many", Token: TokenMany, Login: "many", Access: siteRange(FirstManySite, LastManySite, matomo.AccessView)},
		{Name: "big", Token: TokenBig, Login: "big", Access: siteRange(FirstBigSite, LastBigSite, matomo.AccessView)},
		{Name: "invalid", Token: TokenInvalid, Class: matomo.ClassTokenRejected},
	}
}

// Token returns the case of the named token; it panics for a name that is
// not in Tokens, which is a mistake in a test.
func Token(name string) TokenCase {
	for _, c := range Tokens() {
		if c.Name == name {
			return c
		}
	}
	panic("realmatomo: no token named " + name)
}

func siteRange(first, last int, a matomo.Access) map[int]matomo.Access {
	m := make(map[int]matomo.Access, last-first+1)
	for id := first; id <= last; id++ {
		m[id] = a
	}
	return m
}

// SiteName and SiteURL are a kit site's name and main_url.
func SiteName(id int) string {
	switch {
	case id == 1:
		return "Shop"
	case id == 2:
		return "Blog"
	case id == 3:
		return "Intranet"
	case id <= LastManySite:
		return fmt.Sprintf("Client site %d", id)
	}
	return fmt.Sprintf("Big site %d", id)
}

func SiteURL(id int) string {
	switch {
	case id == 1:
		return "https://shop.example"
	case id == 2:
		return "https://blog.example"
	case id == 3:
		return "https://intranet.example"
	case id <= LastManySite:
		return fmt.Sprintf("https://client-%d.example", id)
	}
	return fmt.Sprintf("https://big-%d.example", id)
}

// FakeData is the kit's Matomo as data for the fake (demomatomo): the same
// users, tokens and sites, so that the fake can be compared with the real
// server request by request. The twofa user has no token; it is here for
// its e-mail address, which UsersManager.userEmailExists finds. Site 1
// has a visit just now, as the real one has once a test sent it one
// (Instance.TrackVisit); the other sites have none, as in the kit's seed.
func FakeData() demomatomo.Data {
	created := time.Date(2026, 12, 1, 19, 38, 36, 0, time.UTC)
	d := demomatomo.Data{Sites: make([]demomatomo.Site, 0, SiteCount)}
	for id := 1; id <= LastBigSite; id++ {
		s := demomatomo.Site{ID: id, Name: SiteName(id), MainURL: SiteURL(id), Type: "website",
			Timezone: "UTC", Currency: "USD", Created: created}
		switch id {
		case 1:
			s.Ecommerce, s.Creator, s.Created = true, "anonymous", created.Add(-44*time.Second)
			s.LastVisit = time.Now()
		case 3:
			s.Type = "intranet"
		}
		d.Sites = append(d.Sites, s)
	}
	users := map[string]map[int]matomo.Access{}
	for _, c := range Tokens() {
		if c.Login != "" && !c.SuperUser && c.Access != nil {
			users[c.Login] = c.Access
		}
	}
	for _, login := range []string{"admin", "viewer", "writer", "noaccess", "many", "big", "twofa"} {
		u := demomatomo.User{Login: login, Email: login + "@example.invalid", SuperUser: login == "admin", Access: users[login],
			Password: Password(login)}
		if login == "twofa" {
			u.Access = map[int]matomo.Access{1: matomo.AccessView}
			u.TwoFactorSecret = TwoFactorSecret
		}
		d.Users = append(d.Users, u)
	}
	for _, c := range Tokens() {
		if c.Login != "" {
			d.Tokens = append(d.Tokens, demomatomo.Token{Value: c.Token, Login: c.Login,
				SecureOnly: c.SecureOnly, Expired: c.Name == "viewer-expired"})
		}
	}
	return d
}

// Mismatch compares what Verify returned for the token with what the kit
// holds, and describes the first difference ("" when they agree): the
// class of a refusal, or the version, the superuser flag and every site
// with its name, URL and role.
func (c TokenCase) Mismatch(res *matomo.Result, err error) string {
	if c.Class != "" {
		if got := matomo.ClassOf(err); got != c.Class {
			return fmt.Sprintf("%s: class %q (%v), want %q", c.Name, got, err, c.Class)
		}
		return ""
	}
	if err != nil {
		return fmt.Sprintf("%s: %v, want a verified token", c.Name, err)
	}
	if res.SuperUser != c.SuperUser {
		return fmt.Sprintf("%s: superuser %v, want %v", c.Name, res.SuperUser, c.SuperUser)
	}
	if len(res.Sites) != len(c.Access) {
		return fmt.Sprintf("%s: %d sites, want %d", c.Name, len(res.Sites), len(c.Access))
	}
	last := 0
	for _, s := range res.Sites {
		want, ok := c.Access[s.ID]
		switch {
		case s.ID <= last:
			return fmt.Sprintf("%s: site %d after site %d, want ascending ids", c.Name, s.ID, last)
		case !ok:
			return fmt.Sprintf("%s: site %d, which the token does not reach", c.Name, s.ID)
		case s.Access != want || s.Name != SiteName(s.ID) || s.URL != SiteURL(s.ID):
			return fmt.Sprintf("%s: site %+v, want %s %q %s", c.Name, s, want, SiteName(s.ID), SiteURL(s.ID))
		}
		last = s.ID
	}
	return ""
}
