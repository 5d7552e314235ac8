package demomatomo

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/go-json-experiment/json/jsontext"

	"matomo-onboard/matomo"
)

// Matomo's messages, verbatim from the recordings.
const (
	msgBlocked       = "Too many failed logins. Please wait and try logging in again later."
	msgBadToken      = "Unable to authenticate with the provided token. It is either invalid or expired."
	msgBadTokenInURL = "Unable to authenticate with the provided token. It is either invalid, expired or is required to be sent as a POST parameter."
	msgNeedsView     = "You can't access this resource as it requires view access for at least one website."
	msgNotLoggedIn   = "You must be logged in to access this functionality."
	msgNoMethod      = "The parameter 'method' isn't set in the Request, and a default value wasn't provided."
)

// defaultLimit is Matomo's [General] API_datatable_default_limit: every
// list the HTTP API returns is cut to it unless filter_limit says otherwise.
const defaultLimit = 100

// apiError is an exception a method throws; noAccess ones are answered
// with 401 by Matomo 5.
type apiError struct {
	msg      string
	noAccess bool
}

// lookup reads a parameter of one API call.
type lookup func(name string) (string, bool)

func (s *Server) serveAPI(w http.ResponseWriter, p params, user *User, ip string) {
	format, _ := p.value("format")
	format = strings.ToLower(format)
	if format == "" {
		format = "xml"
	}
	switch format {
	case "json", "xml":
	case "console", "csv", "html", "original", "rss", "tsv":
		format = "xml" // close enough for a fake: nothing here asks for these
	default:
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintf(w, "Error: Renderer format '%s' not valid. Try any of the following instead: console, csv, html, json, original, rss, tsv, xml.", html.EscapeString(format))
		return
	}
	method, ok := p.value("method")
	if !ok {
		writeError(w, p.base, format, http.StatusOK, msgNoMethod)
		return
	}
	if method == "API.getBulkRequest" {
		s.serveBulk(w, p, user)
		return
	}
	if method == methodCreateToken && s.hasCreateToken() {
		s.serveCreateToken(w, p, ip, format)
		return
	}
	body, aerr := s.call(method, p.value, user)
	if aerr != nil {
		status := http.StatusOK
		if aerr.noAccess && !s.opts.Legacy {
			status = http.StatusUnauthorized
		}
		writeError(w, p.base, format, status, aerr.msg)
		return
	}
	writeResult(w, format, body)
}

// serveBulk answers API.getBulkRequest: one JSON array, an element per
// sub-URL, failures inline. Sub-URL parameters win over the outer
// request's, as in Matomo 5's `$params += $queryParameters`.
func (s *Server) serveBulk(w http.ResponseWriter, p params, user *User) {
	var out bytes.Buffer
	out.WriteByte('[')
	first := true
	for _, sub := range bulkURLs(p) {
		q, _ := url.ParseQuery(sub)
		get := func(name string) (string, bool) {
			if v, ok := q[name]; ok {
				return v[0], true
			}
			return p.value(name)
		}
		method, _ := get("method")
		if method == "API.getBulkRequest" {
			continue
		}
		if !first {
			out.WriteByte(',')
		}
		first = false
		body, aerr := s.call(method, get, user)
		if aerr != nil {
			out.Write(errorJSON(aerr.msg))
			continue
		}
		out.Write(body)
	}
	out.WriteByte(']')
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(out.Bytes())
}

// bulkURLs returns urls[0], urls[1], … in index order.
func bulkURLs(p params) []string {
	type indexed struct {
		i int
		v string
	}
	var list []indexed
	for _, vals := range []url.Values{p.post, p.get} {
		for k, v := range vals {
			if !strings.HasPrefix(k, "urls[") || !strings.HasSuffix(k, "]") {
				continue
			}
			n, err := strconv.Atoi(k[5 : len(k)-1])
			if err == nil {
				list = append(list, indexed{n, v[0]})
			}
		}
	}
	sort.SliceStable(list, func(a, b int) bool { return list[a].i < list[b].i })
	out := make([]string, len(list))
	for i, e := range list {
		out[i] = e.v
	}
	return out
}

// nobody is who Matomo 3 and 4 go on as after a wrong token: not the
// anonymous visitor (measured on a real 4.16.1: where anonymous may view a
// site, a wrong token still sees none), but a user without any access who
// is not logged in either.
var nobody = &User{}

// call runs one API method for user (nil: anonymous; nobody after a wrong
// token on Matomo 3 and 4) and returns its JSON.
func (s *Server) call(method string, get lookup, user *User) ([]byte, *apiError) {
	limit := defaultLimit
	if v, ok := get("filter_limit"); ok {
		if n, err := strconv.Atoi(v); err == nil {
			limit = n
		}
	}
	switch method {
	case "API.getMatomoVersion":
		if !s.hasSomeView(user) {
			return nil, &apiError{msg: msgNeedsView, noAccess: true}
		}
		return valueJSON(s.opts.Version), nil
	case "UsersManager.hasSuperUserAccess":
		return valueJSON(user != nil && user.SuperUser), nil
	case "SitesManager.getSitesWithAtLeastViewAccess":
		return s.siteList(user, limit, columnsAsked(get)), nil
	case "SitesManager.getSitesIdWithAdminAccess":
		return s.idList(user, matomo.AccessAdmin, limit), nil
	case "SitesManager.getSitesIdWithWriteAccess":
		return s.idList(user, matomo.AccessWrite, limit), nil
	case "SitesManager.getSitesIdWithViewAccess":
		return s.idList(user, matomo.AccessView, limit), nil
	case "SitesManager.getSitesIdWithAtLeastViewAccess":
		return s.idList(user, "", -1), nil
	case "UsersManager.userEmailExists":
		if user == nil || user == nobody {
			return nil, &apiError{msg: msgNotLoggedIn, noAccess: true}
		}
		if !s.hasSomeView(user) {
			return nil, &apiError{msg: msgNeedsView, noAccess: true}
		}
		email, _ := get("userEmail")
		return valueJSON(s.emails[email]), nil
	case "UsersManager.getUser":
		return s.getUser(get, user)
	case "Live.getLastVisitsDetails":
		return s.lastVisits(get, user)
	case methodCreateToken:
		if s.hasCreateToken() {
			// Inside a bulk request: Matomo 5.1.2 runs it, 5.13 refuses it;
			// neither is modelled, since the product never sends it so.
			return nil, &apiError{msg: "demomatomo: createAppSpecificTokenAuth inside a bulk request is not modelled."}
		}
	}
	if body, aerr, ok := s.callLanguages(method, get); ok {
		return body, aerr
	}
	return nil, unknownMethod(method)
}

func unknownMethod(method string) *apiError {
	module, name, _ := strings.Cut(method, ".")
	switch module {
	case "API", "UsersManager", "SitesManager":
		return &apiError{msg: fmt.Sprintf("The method '%s' does not exist or is not available in the module '\\Piwik\\Plugins\\%s\\API'.", name, module)}
	}
	return pluginNotEnabled(module)
}

func (s *Server) getUser(get lookup, user *User) ([]byte, *apiError) {
	login, _ := get("userLogin")
	if user == nil || !user.SuperUser && user.Login != login {
		return nil, &apiError{msg: fmt.Sprintf("The user has to be either a Super User or the user '%s' itself.", login), noAccess: true}
	}
	if !s.hasSomeView(user) {
		return nil, &apiError{msg: msgNeedsView, noAccess: true}
	}
	u := s.users[login]
	if u == nil {
		return nil, &apiError{msg: fmt.Sprintf("The user '%s' doesn't exist.", login)}
	}
	if user.SuperUser {
		return phpJSON(s.fullUser(u)), nil
	}
	return phpJSON(limitedUser{Login: u.Login, Email: u.Email, SuperUserAccess: s.num(boolInt(u.SuperUser)),
		LastSeen: matomoTime(u.LastSeen), InviteStatus: "active"}), nil
}

// limitedUser is a user as a user without superuser access sees it, in
// Matomo's field order; last_seen only once the user has been seen.
type limitedUser struct {
	Login           string `json:"login"`
	Email           string `json:"email"`
	SuperUserAccess any    `json:"superuser_access"`
	LastSeen        string `json:"last_seen,omitempty"`
	InviteStatus    string `json:"invite_status"`
}

// fullUserJSON is a user as a superuser sees it, in Matomo's field order.
type fullUserJSON struct {
	Login           string  `json:"login"`
	Email           string  `json:"email"`
	SuperUserAccess any     `json:"superuser_access"`
	DateRegistered  string  `json:"date_registered"`
	InvitedBy       *string `json:"invited_by"`
	InviteExpiredAt *string `json:"invite_expired_at"`
	InviteAcceptAt  *string `json:"invite_accept_at"`
	LastSeen        string  `json:"last_seen,omitempty"`
	InviteStatus    string  `json:"invite_status"`
	Uses2FA         bool    `json:"uses_2fa"`
}

func (s *Server) fullUser(u *User) fullUserJSON {
	return fullUserJSON{Login: u.Login, Email: u.Email, SuperUserAccess: s.num(boolInt(u.SuperUser)),
		DateRegistered: matomoTime(u.Registered), LastSeen: matomoTime(u.LastSeen), InviteStatus: "active"}
}

// matomoTime formats a time as Matomo's database does, "" for none.
func matomoTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04:05")
}

// sitesFor lists the sites a user reaches with a role, ascending by id.
func (s *Server) sitesFor(user *User) []*Site {
	if user != nil && user.SuperUser {
		return s.sites
	}
	var out []*Site
	for _, site := range s.sites {
		if s.roleOn(user, site.ID) != "" {
			out = append(out, site)
		}
	}
	return out
}

func (s *Server) roleOn(user *User, id int) matomo.Access {
	if user == nil {
		for _, v := range s.data.AnonymousView {
			if v == id {
				return matomo.AccessView
			}
		}
		return ""
	}
	return user.Access[id]
}

func (s *Server) hasSomeView(user *User) bool {
	if user != nil && user.SuperUser {
		return true
	}
	for _, site := range s.sites {
		if s.roleOn(user, site.ID) != "" {
			return true
		}
	}
	return false
}

// idList answers getSitesIdWith…Access: a superuser has admin on every
// site and nothing else; others have exactly one role per site.
func (s *Server) idList(user *User, role matomo.Access, limit int) []byte {
	var ids []any
	for _, site := range s.sitesFor(user) {
		switch {
		case role == "":
		case user != nil && user.SuperUser && role != matomo.AccessAdmin:
			continue
		case !(user != nil && user.SuperUser) && s.roleOn(user, site.ID) != role:
			continue
		}
		ids = append(ids, s.num(site.ID))
	}
	if ids == nil {
		ids = []any{}
	}
	return phpJSON(applyLimit(ids, limit))
}

func applyLimit[T any](list []T, limit int) []T {
	if limit >= 0 && limit < len(list) {
		return list[:limit]
	}
	return list
}

// siteObject is a site as Matomo's JSON has it, fields in Matomo's order.
type siteObject struct {
	IDSite                       any     `json:"idsite"`
	Name                         string  `json:"name"`
	MainURL                      string  `json:"main_url"`
	TSCreated                    string  `json:"ts_created"`
	Ecommerce                    any     `json:"ecommerce"`
	Sitesearch                   any     `json:"sitesearch"`
	SitesearchKeywordParameters  string  `json:"sitesearch_keyword_parameters"`
	SitesearchCategoryParameters string  `json:"sitesearch_category_parameters"`
	Timezone                     string  `json:"timezone"`
	Currency                     string  `json:"currency"`
	ExcludeUnknownURLs           any     `json:"exclude_unknown_urls"`
	ExcludedIPs                  string  `json:"excluded_ips"`
	ExcludedParameters           string  `json:"excluded_parameters"`
	ExcludedUserAgents           string  `json:"excluded_user_agents"`
	ExcludedReferrers            string  `json:"excluded_referrers"`
	Group                        string  `json:"group"`
	Type                         string  `json:"type"`
	KeepURLFragment              any     `json:"keep_url_fragment"`
	CreatorLogin                 *string `json:"creator_login,omitempty"`
	TimezoneName                 string  `json:"timezone_name"`
	CurrencyName                 string  `json:"currency_name"`
}

type listKey struct {
	login string
	limit int
	cols  columns
}

// siteList encodes the user's sites once per limit and columns and keeps
// the bytes: the data never changes, and encoding 100,000 sites on every
// request would make benchmarks measure the fake instead of the client.
func (s *Server) siteList(user *User, limit int, cols columns) []byte {
	key := listKey{login: "anonymous", limit: limit, cols: cols}
	if user != nil {
		key.login = user.Login
	}
	if b, ok := s.listCache.Load(key); ok {
		return b.([]byte)
	}
	var b []byte
	if cols != (columns{}) {
		b = cols.filter(s.siteList(user, limit, columns{}))
	} else {
		sites := applyLimit(s.sitesFor(user), limit)
		out := make([]siteObject, len(sites))
		for i, site := range sites {
			out[i] = s.siteObject(site, user)
		}
		b = phpJSON(out)
	}
	s.listCache.Store(key, b)
	return b
}

// columns are the hideColumns and showColumns parameters, comma-separated.
type columns struct{ hide, show string }

func columnsAsked(get lookup) columns {
	var c columns
	c.hide, _ = get("hideColumns")
	c.show, _ = get("showColumns")
	return c
}

// filter applies the columns to a JSON list of rows as Matomo does to an
// API answer that is a plain list of rows (ResponseBuilder::handleArray
// with DataTable\Filter\ColumnDelete): hideColumns removes the fields
// named; showColumns keeps only the fields named, "label" and those that
// start with a kept name and "__". A list whose first element is not an
// object with fields (a list of ids, an empty list) is left alone. The
// fields that stay keep their order and their bytes.
func (c columns) filter(list []byte) []byte {
	dec := jsontext.NewDecoder(bytes.NewReader(list))
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '[' || dec.PeekKind() != '{' {
		return list
	}
	hide, show := splitNames(c.hide), splitNames(c.show)
	var out bytes.Buffer
	out.WriteByte('[')
	for row := 0; dec.PeekKind() == '{'; row++ {
		if row > 0 {
			out.WriteByte(',')
		}
		dec.ReadToken()
		out.WriteByte('{')
		kept := 0
		for dec.PeekKind() == '"' {
			name, _ := dec.ReadValue()
			quotedName := append([]byte(nil), name...)
			value, err := dec.ReadValue()
			if err != nil {
				return list
			}
			field, _ := jsontext.AppendUnquote(nil, quotedName)
			if !keepColumn(string(field), hide, show) {
				continue
			}
			if kept > 0 {
				out.WriteByte(',')
			}
			kept++
			out.Write(quotedName)
			out.WriteByte(':')
			out.Write(value)
		}
		dec.ReadToken()
		out.WriteByte('}')
	}
	out.WriteByte(']')
	return out.Bytes()
}

func splitNames(list string) []string {
	if list == "" {
		return nil
	}
	return strings.Split(list, ",")
}

func keepColumn(name string, hide, show []string) bool {
	if slices.Contains(hide, name) {
		return false
	}
	if len(show) == 0 || name == "label" || slices.Contains(show, name) {
		return true
	}
	for _, keep := range show {
		if strings.HasPrefix(name, keep+"__") {
			return true
		}
	}
	return false
}

func (s *Server) siteObject(site *Site, user *User) siteObject {
	o := siteObject{
		IDSite: s.num(site.ID), Name: site.Name, MainURL: site.MainURL,
		TSCreated: site.Created.UTC().Format("2006-01-02 15:04:05"),
		Ecommerce: s.num(boolInt(site.Ecommerce)), Sitesearch: s.num(1),
		Timezone: site.Timezone, Currency: site.Currency, ExcludeUnknownURLs: s.num(0),
		Type: site.Type, KeepURLFragment: s.num(0),
		TimezoneName: timezoneName(site.Timezone), CurrencyName: currencyName(site.Currency),
	}
	if user != nil && user.SuperUser {
		creator := site.Creator
		if creator == "" {
			creator = "admin"
		}
		o.CreatorLogin = &creator
	}
	return o
}

// timezoneName is Matomo's label for a time zone: the country, with the
// city when the country has several zones.
func timezoneName(tz string) string {
	switch tz {
	case "Europe/Berlin":
		return "Germany - Berlin"
	case "Europe/Vienna":
		return "Austria"
	case "Europe/Zurich":
		return "Switzerland"
	case "Europe/London":
		return "United Kingdom"
	case "America/New_York":
		return "United States - New York"
	}
	return tz
}

func currencyName(c string) string {
	switch c {
	case "EUR":
		return "Euro"
	case "USD":
		return "US Dollar"
	}
	return c
}

// num is a number the way this Matomo's PHP sends it.
func (s *Server) num(n int) any {
	if s.opts.NumbersAsStrings {
		return strconv.Itoa(n)
	}
	return n
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// phpJSON encodes like PHP's json_encode: "/" escaped as "\/", no HTML
// escaping of <, > and &.
func phpJSON(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // only our own types are encoded
	}
	return bytes.ReplaceAll(bytes.TrimRight(buf.Bytes(), "\n"), []byte("/"), []byte(`\/`))
}

func valueJSON(v any) []byte { return phpJSON(map[string]any{"value": v}) }

// errorJSON is Matomo's error object. A struct, not a map: Go sorts map
// keys, and Matomo sends "result" before "message".
func errorJSON(msg string) []byte {
	return phpJSON(struct {
		Result  string `json:"result"`
		Message string `json:"message"`
	}{"error", msg})
}

// writeError renders Matomo's error in the given format.
func writeError(w http.ResponseWriter, base, format string, status int, msg string) {
	switch format {
	case "json":
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(status)
		w.Write(errorJSON(escapeMessage(msg)))
	case "html":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "private, no-cache, no-store")
		w.WriteHeader(status)
		writeErrorPage(w, base, html.EscapeString(msg))
	default:
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		w.WriteHeader(status)
		fmt.Fprintf(w, "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<result>\n\t<error message=\"%s\" />\n</result>", html.EscapeString(msg))
	}
}

// escapeMessage is an error message as Matomo's ResponseBuilder sends it
// in an answer of its own (Renderer::formatValueXml): entities decoded,
// then &, <, > and " escaped. Inside a bulk answer the messages come
// unescaped ("Settings > Plugins" there, "Settings &gt; Plugins" alone).
func escapeMessage(msg string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(html.UnescapeString(msg))
}

// writeResult renders a method's JSON result in the requested format.
func writeResult(w http.ResponseWriter, format string, body []byte) {
	if format == "json" {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Write(body)
		return
	}
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	io.WriteString(w, "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n")
	var v any
	_ = json.Unmarshal(body, &v)
	switch t := v.(type) {
	case map[string]any:
		if val, ok := t["value"]; ok {
			fmt.Fprintf(w, "<result>%s</result>", html.EscapeString(fmt.Sprint(val)))
			return
		}
	case []any:
		io.WriteString(w, "<result>\n")
		for _, row := range t {
			fmt.Fprintf(w, "\t<row>%s</row>\n", html.EscapeString(fmt.Sprint(row)))
		}
		io.WriteString(w, "</result>")
		return
	}
	io.WriteString(w, "<result />")
}
