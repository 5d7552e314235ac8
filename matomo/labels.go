package matomo

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"matomo-onboard/internal/i18n"
)

// LabelsRequest asks a Matomo for the words of its own screens: the
// labels of the menus, fields and buttons a guide names, in the languages
// the person reads. Matomo hands its translations out to anyone
// (LanguagesManager needs no login), so the request carries no token.
type LabelsRequest struct {
	// Keys are Matomo's translation keys, such as
	// UsersManager_CreateNewToken: letters, digits and underscores.
	Keys []string
	// Languages are Matomo language codes (de, pt-br) to fetch the keys
	// in; usually the language of Matomo's screens and the guide's own.
	Languages []string
	// ListLanguages also asks which languages this Matomo has, with their
	// names (LanguagesManager.getAvailableLanguageNames), for a picker.
	ListLanguages bool
	// Version also asks API.getMatomoVersion, which Matomo answers without
	// a token only where the anonymous visitor may view a site: for a
	// caller that runs no pre-flight check (the checklist).
	Version bool
}

// Language is one language a Matomo offers.
type Language struct {
	Code string `json:"code"`
	// Name is the language's own name (Deutsch), EnglishName its English
	// one (German).
	Name        string `json:"name"`
	EnglishName string `json:"english_name"`
}

// Labels is what a Matomo said about its screens' words.
type Labels struct {
	// Translations holds, by language code and translation key, the label
	// as this Matomo words it. A language the Matomo does not have, and a
	// key its version does not know, are absent.
	Translations map[string]map[string]string
	// Languages are the languages the Matomo offers, in its order; nil
	// when they were not asked for or did not come back.
	Languages []Language
	// Version is Matomo's version when it told it, else "".
	Version string
	// Problems says, in Matomo's words where it gave them, what did not
	// come back (a plugin switched off, an unknown language).
	Problems []string
	Trace    Trace
}

// labelsLimit bounds the answer: the labels of one guide in two
// languages and the list of languages are about 6 KB.
const labelsLimit = 1 << 20

var translationKey = onFirstUse(`^[A-Za-z0-9_]{1,100}$`)

// Labels asks addr for the labels in req with one request, an
// API.getBulkRequest without a token. It fails only when that request
// failed as a whole (the network, a page that is not Matomo's API); a part
// that did not come back is left out and said in Problems, so that the
// caller can fall back to its own words for it.
func (c *Client) Labels(ctx context.Context, addr Address, req LabelsRequest) (*Labels, error) {
	if addr.IsZero() {
		return nil, c.checkTransport(addr)
	}
	form, err := labelsForm(req)
	if err != nil {
		return nil, err
	}
	ctx, cancel := c.withTimeout(ctx)
	defer cancel()
	target := addr.Link(apiQuery("API.getBulkRequest"))
	k, serr := c.send(ctx, http.MethodPost, target, addr.Endpoint(), form, Token{}, false)
	if serr != nil {
		return nil, withTrace(c.failedTransport(ctx, serr, addr, k), k.finish())
	}
	body, rerr := io.ReadAll(io.LimitReader(k.body, labelsLimit+1))
	trace := k.finish()
	switch {
	case rerr != nil:
		return nil, withTrace(c.failedTransport(ctx, rerr, addr, k), trace)
	case len(body) > labelsLimit:
		return nil, withTrace(&Error{Class: ClassServerError, Detail: i18n.T(i18n.ErrDetailLabelsTooLarge, byteCount(labelsLimit))}, trace)
	case k.resp.StatusCode != http.StatusOK || !bytes.HasPrefix(bytes.TrimSpace(body), []byte("[")):
		a := answer{status: k.resp.StatusCode, header: k.resp.Header, body: body[:min(len(body), sniffLimit)]}
		if a.status >= 300 && a.status < 400 {
			return nil, withTrace(redirectError(a, addr, k.resp.Request.URL), trace)
		}
		return nil, withTrace(failure(a, addr, false), trace)
	}
	l, derr := decodeLabels(body, req)
	if derr != nil {
		return nil, withTrace(&Error{Class: ClassServerError, Detail: i18n.T(i18n.ErrDetailLabelsUnreadable, derr.Error())}, trace)
	}
	l.Trace = trace
	return l, nil
}

// labelsForm is the body of the request: one sub-request per language,
// then the list of languages and the version as asked. Each translation
// request names exactly the keys wanted: Matomo filters its few thousand
// labels by the pattern (filter_column must be the array form,
// filter_column[], or Matomo 5.1.2 ignores the pattern) and cuts the rest.
func labelsForm(req LabelsRequest) (url.Values, error) {
	if len(req.Keys) == 0 && len(req.Languages) > 0 {
		return nil, fmt.Errorf("matomo: a labels request needs keys")
	}
	quoted := make([]string, len(req.Keys))
	for i, k := range req.Keys {
		if !translationKey().MatchString(k) {
			return nil, fmt.Errorf("matomo: %q is not a translation key", k)
		}
		quoted[i] = regexp.QuoteMeta(k)
	}
	pattern := "^(" + strings.Join(quoted, "|") + ")$"
	var calls []string
	for _, lang := range req.Languages {
		calls = append(calls, "method=LanguagesManager.getTranslationsForLanguage&languageCode="+url.QueryEscape(lang)+
			"&filter_column[]=label&filter_pattern="+url.QueryEscape(pattern))
	}
	if req.ListLanguages {
		calls = append(calls, "method=LanguagesManager.getAvailableLanguageNames")
	}
	if req.Version {
		calls = append(calls, "method=API.getMatomoVersion")
	}
	if len(calls) == 0 {
		return nil, fmt.Errorf("matomo: an empty labels request")
	}
	form := url.Values{}
	for i, call := range calls {
		form.Set("urls["+strconv.Itoa(i)+"]", call)
	}
	return form, nil
}

// decodeLabels reads the bulk answer, element by element in the order of
// labelsForm.
func decodeLabels(body []byte, req LabelsRequest) (*Labels, error) {
	var parts []json.RawMessage
	if err := json.Unmarshal(body, &parts); err != nil {
		return nil, fmt.Errorf("not a JSON list")
	}
	want := len(req.Languages)
	if req.ListLanguages {
		want++
	}
	if req.Version {
		want++
	}
	if len(parts) != want {
		return nil, fmt.Errorf("%d parts, %d expected", len(parts), want)
	}
	l := &Labels{Translations: map[string]map[string]string{}}
	keys := map[string]bool{}
	for _, k := range req.Keys {
		keys[k] = true
	}
	for i, lang := range req.Languages {
		got, problem := translationRows(parts[i], keys)
		if problem != "" {
			l.Problems = append(l.Problems, lang+": "+problem)
		}
		if len(got) > 0 {
			l.Translations[lang] = got
		}
	}
	next := len(req.Languages)
	if req.ListLanguages {
		langs, problem := languageList(parts[next])
		if problem != "" {
			l.Problems = append(l.Problems, "languages: "+problem)
		}
		l.Languages = langs
		next++
	}
	if req.Version {
		var v flexString
		if msg, failed := matomoErrorMessage(parts[next]); failed {
			l.Problems = append(l.Problems, "version: "+msg)
		} else if v.UnmarshalJSON(parts[next]) == nil {
			l.Version = cleanField(string(v), 40)
		}
	}
	return l, nil
}

// labelRow is one translation as Matomo lists it.
type labelRow struct {
	Label string `json:"label"`
	Value string `json:"value"`
}

// translationRows reads one getTranslationsForLanguage answer, keeping only
// the keys asked for. Matomo sends the rows as a JSON list, or, where the
// pattern filter kept the rows' positions (with filter_limit=-1), as an
// object keyed by those positions ({"427":{...},"730":{...}}); both are
// read. A language Matomo lacks answers {"value":false}.
func translationRows(raw json.RawMessage, keys map[string]bool) (map[string]string, string) {
	if msg, failed := matomoErrorMessage(raw); failed {
		return nil, msg
	}
	var rows []labelRow
	if err := json.Unmarshal(raw, &rows); err != nil {
		var byIndex map[string]labelRow
		if err := json.Unmarshal(raw, &byIndex); err != nil || isFalse(raw) {
			return nil, "Matomo does not have this language"
		}
		for _, r := range byIndex {
			rows = append(rows, r)
		}
	}
	out := map[string]string{}
	for _, r := range rows {
		// Labels reach the terminal: no control characters, no markup,
		// nothing a label never is (a paragraph).
		v := cleanText(r.Value, 200)
		if keys[r.Label] && v != "" && !strings.ContainsAny(v, "<>") {
			out[r.Label] = v
		}
	}
	return out, ""
}

func isFalse(raw json.RawMessage) bool {
	var v struct {
		Value *bool `json:"value"`
	}
	return json.Unmarshal(raw, &v) == nil && v.Value != nil && !*v.Value
}

// maxLanguages bounds the list a picker shows: Matomo has about sixty.
const maxLanguages = 200

// languageList reads getAvailableLanguageNames: a list of objects with
// code, name and english_name.
func languageList(raw json.RawMessage) ([]Language, string) {
	if msg, failed := matomoErrorMessage(raw); failed {
		return nil, msg
	}
	var list []Language
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, "not a list of languages"
	}
	out := make([]Language, 0, min(len(list), maxLanguages))
	for _, lang := range list[:min(len(list), maxLanguages)] {
		code := strings.ToLower(cleanField(lang.Code, 10))
		if code == "" || strings.ContainsFunc(code, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r == '-') }) {
			continue
		}
		out = append(out, Language{Code: code, Name: cleanText(lang.Name, 40), EnglishName: cleanText(lang.EnglishName, 40)})
	}
	return out, ""
}
