// Package demomatomo is the demo Matomo that ships in the binary
// (--demo, demo-server), and the same fake Matomo every test talks to: an
// in-memory Matomo HTTP API on loopback that answers like the real Matomo
// 5.0.2 recorded in testdata and the real 5.1.2 of the integration tests
// (its Version option says which): bulk requests, roles per token,
// secure-only and expired tokens, Matomo 4's way of going on as nobody
// after a wrong token, brute-force lock-out per client IP, 429,
// maintenance, redirects and latency. It records every request it
// receives so tests can assert where a token travelled. Tests and the
// demo mode use it.
package demomatomo

import (
	"math/rand/v2"
	"strings"
	"time"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// Site is a Matomo website (a "measurable").
type Site struct {
	ID        int
	Name      string
	MainURL   string
	Type      string // "website", "intranet", "mobileapp"
	Timezone  string
	Currency  string
	Ecommerce bool
	Created   time.Time
	// Creator is the login that created the site, shown to superusers;
	// default "admin".
	Creator string
	// LastVisit is when the site's most recent visit had its last action,
	// as Live.getLastVisitsDetails lists it; zero: no visit ever.
	LastVisit time.Time
	// VisitorLogOff is the site's "disable visits log" setting.
	VisitorLogOff bool
	// VisitsTimeLimit makes the visits log query run past Matomo's time
	// limit for it (live_query_max_execution_time).
	VisitsTimeLimit bool
}

// User is a Matomo user with a role per site.
type User struct {
	Login     string
	Email     string
	SuperUser bool
	Access    map[int]matomo.Access
	// Registered and LastSeen appear in UsersManager.getUser; a zero
	// LastSeen (never logged in) leaves last_seen out, as Matomo does.
	Registered time.Time
	LastSeen   time.Time
	// Password is the login password, for createAppSpecificTokenAuth; ""
	// means the user cannot log in with one.
	Password string
	// TwoFactorSecret is the base32 TOTP secret of a user with two-factor
	// authentication (see TOTP); "" for none.
	TwoFactorSecret string
	// Note says what logging in as the user demonstrates, for the demo's
	// list of logins ("create it for me"); the zero Text keeps the user
	// off it.
	Note i18n.Text
}

// Token is an auth token of a user.
type Token struct {
	Value string
	Login string
	// SecureOnly tokens are refused when sent in a URL (Matomo 5's "Only
	// allow secure requests", ticked by default).
	SecureOnly bool
	Expired    bool
	// Lockout makes the token stand for a run of failed logins: using it
	// records enough failures to lock the client's IP out, as a careless
	// script would after 20 wrong tokens.
	Lockout bool
	// Note says what the token demonstrates, for the demo's token list;
	// the zero Text keeps the token off it.
	Note i18n.Text
	// Description is what Matomo's list of tokens names it by; the tokens
	// createAppSpecificTokenAuth made have the one they were created with.
	Description string
	// ExpireDate is the day a created token was asked to expire, "" for
	// none.
	ExpireDate string
}

// Data is what the fake Matomo holds. It does not change while serving.
type Data struct {
	Sites  []Site
	Users  []User
	Tokens []Token
	// AnonymousView lists sites that visitors without a token may view.
	AnonymousView []int
	// VisitorLogOff is the superuser's setting that deactivates the visits
	// log for every site.
	VisitorLogOff bool
}

// Tokens of Recorded(), the same values the real Matomo 5.0.2 in the
// recordings used.
const (
	TokenSuperUser       = "6b1562ed1b371ef36fa7ecb790eaa305"
	TokenSuperUserSecure = "b357b13de0269f0bcf8853dce5b6b418"
	TokenViewer          = "60738be3c528633522be304dd89bbff8"
	TokenViewerExpired   = "8c2881f15c2619d44242ffccc8812e7e"
	TokenWriter          = "a7bec9ce3b746a6385209f235b8e8295"
	TokenNoAccess        = "2b4d35502609d6b7ea745b5bdaf60228"
	TokenUnknown         = "9b2f4c7e1a3d5f60718293a4b5c6d7e8"
)

// Recorded is the Matomo of the recordings: sites 1 Shop (ecommerce),
// 2 Blog, 3 Intranet; a superuser "admin", "viewer" (view on 1 and 2),
// "writer" (admin on 1, write on 2) and "noaccess" (no site).
func Recorded() Data {
	created := time.Date(2026, 11, 28, 4, 13, 37, 0, time.UTC)
	return Data{
		Sites: []Site{
			{ID: 1, Name: "Shop", MainURL: "https://shop.example", Type: "website", Timezone: "UTC", Currency: "USD", Ecommerce: true, Created: created, Creator: "anonymous"},
			{ID: 2, Name: "Blog", MainURL: "https://blog.example", Type: "website", Timezone: "UTC", Currency: "USD", Created: created.Add(45 * time.Second)},
			{ID: 3, Name: "Intranet", MainURL: "https://intranet.example", Type: "intranet", Timezone: "Europe/Berlin", Currency: "EUR", Created: created.Add(45 * time.Second)},
		},
		Users: []User{
			{Login: "admin", Email: "admin@example.com", SuperUser: true,
				Registered: created.Add(-5 * time.Second), LastSeen: created.Add(52 * time.Second)},
			{Login: "viewer", Email: "viewer@example.com", Access: map[int]matomo.Access{1: matomo.AccessView, 2: matomo.AccessView},
				Registered: created.Add(30 * time.Second), LastSeen: created.Add(82 * time.Second)},
			{Login: "writer", Email: "writer@example.com", Access: map[int]matomo.Access{1: matomo.AccessAdmin, 2: matomo.AccessWrite}},
			{Login: "noaccess", Email: "noaccess@example.com"},
		},
		Tokens: []Token{
			{Value: TokenSuperUser, Login: "admin"},
			{Value: TokenSuperUserSecure, Login: "admin", SecureOnly: true},
			{Value: TokenViewer, Login: "viewer"},
			{Value: TokenViewerExpired, Login: "viewer", Expired: true},
			{Value: TokenWriter, Login: "writer"},
			{Value: TokenNoAccess, Login: "noaccess"},
		},
	}
}

// WithSites returns Recorded() plus n generated sites (ids from 4 up),
// which the superuser reaches as admin and "viewer" as view: a Matomo of
// any size for tests and benchmarks.
func WithSites(n int) Data {
	d := Recorded()
	extra := GenerateSites(n, 4, 1)
	d.Sites = append(d.Sites, extra...)
	for _, s := range extra {
		d.Users[1].Access[s.ID] = matomo.AccessView
	}
	return d
}

var (
	nameFirst = []string{"Nordlicht", "Alpen", "Harbor", "Blue Fern", "Copper", "Lindenhof", "Riverside",
		"Sunvale", "Granite", "Elbe", "Meadow", "Kestrel", "Pine Hill", "Atlas", "Juniper", "Westwind",
		"Bergquell", "Oak & Ivy", "Silverline", "Rheinblick", "Maple", "Fjord", "Cedar", "Birkenweg"}
	nameSecond = []string{"Outdoor", "Bakery", "Dental", "Bikes", "Coffee", "Hotel", "Law Firm", "Books",
		"Garden Center", "Architects", "Physio", "Wines", "Tea House", "Optics", "Studio", "Furniture",
		"Pharmacy", "Travel", "Insurance", "Ski School", "Kindergarten", "Consulting", "Brewery", "Fitness"}
	nameSuffix = []string{"", "", "", " Shop", " Blog", " Careers", " Newsroom", " Intranet", " App", " (staging)"}
	tlds       = []string{"de", "com", "at", "ch", "co.uk", "nl", "fr", "org"}
	zones      = []string{"Europe/Berlin", "Europe/Vienna", "Europe/Zurich", "Europe/London", "UTC", "America/New_York"}
)

// GenerateSites makes n realistic sites with ids from firstID up. The same
// seed gives the same sites.
func GenerateSites(n, firstID int, seed uint64) []Site {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	base := time.Date(2019, 3, 1, 9, 0, 0, 0, time.UTC)
	sites := make([]Site, n)
	for i := range sites {
		first, second := nameFirst[r.IntN(len(nameFirst))], nameSecond[r.IntN(len(nameSecond))]
		suffix := nameSuffix[r.IntN(len(nameSuffix))]
		slug := strings.NewReplacer(" & ", "-", " ", "-").Replace(strings.ToLower(first + " " + second))
		host := slug + "." + tlds[r.IntN(len(tlds))]
		typ := "website"
		switch strings.TrimSpace(suffix) {
		case "Shop":
			host = "shop." + host
		case "Blog":
			host = "blog." + host
		case "Careers":
			host = "jobs." + host
		case "Intranet":
			host, typ = "intranet."+host, "intranet"
		case "App":
			typ = "mobileapp"
		case "(staging)":
			host = "staging." + host
		}
		sites[i] = Site{
			ID:        firstID + i,
			Name:      first + " " + second + suffix,
			MainURL:   "https://" + host,
			Type:      typ,
			Timezone:  zones[r.IntN(len(zones))],
			Currency:  "EUR",
			Ecommerce: strings.TrimSpace(suffix) == "Shop",
			Created:   base.Add(time.Duration(i) * 37 * time.Hour),
		}
	}
	return sites
}

// MixVisits gives generated sites a mix of last visits before now, as an
// agency's clients have them: most had one in the last hours, every
// seventh none for weeks, every eleventh none at all, the fourth has its
// visits log off and the ninth a visits log too large to search in
// Matomo's time limit.
func MixVisits(sites []Site, now time.Time) {
	for i := range sites {
		s := &sites[i]
		switch {
		case i == 3:
			s.VisitorLogOff = true
		case i == 8:
			s.VisitsTimeLimit = true
		case i%11 == 5:
		case i%7 == 2:
			s.LastVisit = now.Add(-time.Duration(8+i%30) * 24 * time.Hour)
		default:
			s.LastVisit = now.Add(-time.Duration(1+(i*37)%600) * time.Minute)
		}
	}
}

// Demo tokens: easy to tell apart when read aloud, each showing one
// behaviour. They are 32 hex characters like real ones.
const (
	DemoTokenViewer    = "d3e0a1f2c4b6d8e0f2a4c6e8b0d2f4a6"
	DemoTokenAgency    = "a9e0c1b2d3f4a5b6c7d8e9f0a1b2c3d4"
	DemoTokenSuperUser = "5e5e1a2b3c4d5e6f7a8b9c0d1e2f3a4b"
	DemoTokenNoSite    = "0000aaaabbbbccccddddeeeeffff1111"
	DemoTokenRejected  = "badbadbadbadbadbadbadbadbadbad00"
	DemoTokenLockout   = "10c0ed0a7b8c9d0e1f2a3b4c5d6e7f80"
)

// The demo's logins for "create it for me": not secret, like its tokens.
const (
	DemoPassword        = "DemoPass2026!"
	DemoPassword2FA     = "LenaDemo2026!"
	DemoTwoFactorSecret = "KRUGKIDEMUWW6ZDFNVXQ"
)

// Demo is the data of the demo Matomo: a small company's sites, a
// marketing agency's user with a few hundred client sites, and one token
// per behaviour worth showing. Its sites' last visits are told from now,
// so that the data check shows the same mix whenever the demo runs: the
// webshop had a visit minutes ago, the magazine none for 12 days, the
// careers site never had one, the intranet's visits log is off.
func Demo() Data {
	created := time.Date(2021, 5, 4, 10, 0, 0, 0, time.UTC)
	now := time.Now().Truncate(time.Second)
	own := []Site{
		{ID: 1, Name: "Lindenhof Webshop", MainURL: "https://shop.lindenhof-moebel.de", Type: "website", Timezone: "Europe/Berlin", Currency: "EUR", Ecommerce: true, Created: created,
			LastVisit: now.Add(-7 * time.Minute)},
		{ID: 2, Name: "Lindenhof Magazin", MainURL: "https://magazin.lindenhof-moebel.de", Type: "website", Timezone: "Europe/Berlin", Currency: "EUR", Created: created.Add(24 * time.Hour),
			LastVisit: now.Add(-12*24*time.Hour - 3*time.Hour)},
		{ID: 3, Name: "Lindenhof Karriere", MainURL: "https://karriere.lindenhof-moebel.de", Type: "website", Timezone: "Europe/Berlin", Currency: "EUR", Created: created.Add(48 * time.Hour)},
		{ID: 4, Name: "Lindenhof Intranet", MainURL: "https://intranet.lindenhof.local", Type: "intranet", Timezone: "Europe/Berlin", Currency: "EUR", Created: created.Add(72 * time.Hour),
			VisitorLogOff: true},
	}
	clients := GenerateSites(340, 5, 42)
	MixVisits(clients, now)
	agency := map[int]matomo.Access{}
	for i, s := range clients {
		switch {
		case i%17 == 0:
			agency[s.ID] = matomo.AccessAdmin
		case i%5 == 0:
			agency[s.ID] = matomo.AccessWrite
		default:
			agency[s.ID] = matomo.AccessView
		}
	}
	return Data{
		Sites: append(own, clients...),
		Users: []User{
			{Login: "anna.admin", Email: "anna@lindenhof-moebel.de", SuperUser: true},
			{Login: "acona-reader", Email: "analytics@lindenhof-moebel.de", Access: map[int]matomo.Access{1: matomo.AccessView, 2: matomo.AccessView},
				Password: DemoPassword, Note: i18n.T(i18n.DemoNoteDedicatedUser)},
			{Login: "lena.2fa", Email: "lena@lindenhof-moebel.de", Access: map[int]matomo.Access{1: matomo.AccessView, 3: matomo.AccessView},
				Password: DemoPassword2FA, TwoFactorSecret: DemoTwoFactorSecret,
				Note: i18n.T(i18n.DemoNoteTwoFactorUser)},
			{Login: "agentur-nordlicht", Email: "team@nordlicht-agentur.de", Access: agency},
			{Login: "new.colleague", Email: "jonas@lindenhof-moebel.de"},
		},
		Tokens: []Token{
			{Value: DemoTokenViewer, Login: "acona-reader", SecureOnly: true, Note: i18n.T(i18n.DemoNoteViewerToken)},
			{Value: DemoTokenAgency, Login: "agentur-nordlicht", Note: i18n.T(i18n.DemoNoteAgency, len(clients))},
			{Value: DemoTokenSuperUser, Login: "anna.admin", Note: i18n.T(i18n.DemoNoteSuperUser)},
			{Value: DemoTokenNoSite, Login: "new.colleague", Note: i18n.T(i18n.DemoNoteNoSite)},
			{Value: DemoTokenRejected, Note: i18n.T(i18n.DemoNoteRejected)},
			{Value: DemoTokenLockout, Lockout: true, Note: i18n.T(i18n.DemoNoteLockout)},
		},
	}
}
