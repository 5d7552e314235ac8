package matomo_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"matomo-onboard/internal/realmatomo"
	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// guideKeys are some of the labels a guide names.
var guideKeys = []string{"CoreAdminHome_Administration", "UsersManager_MenuPersonal", "General_Security",
	"UsersManager_CreateNewToken", "UsersManager_OnlyAllowSecureRequests", "UsersManager_TokenExpireDateCheckboxLabel"}

func TestLabelsInTwoLanguagesAndTheListOfLanguagesInOneRequestWithoutAToken(t *testing.T) {
	srv := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{Version: "5.1.2"})
	defer srv.Close()
	c, _ := testClient(t, matomo.Options{})
	l, err := c.Labels(context.Background(), address(t, srv.URL), matomo.LabelsRequest{
		Keys: guideKeys, Languages: []string{"de", "en"}, ListLanguages: true, Version: true})
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]map[string]string{
		"de": {"UsersManager_MenuPersonal": "Persönlich", "General_Security": "Sicherheit", "UsersManager_CreateNewToken": "Neuen Token generieren"},
		"en": {"UsersManager_MenuPersonal": "Personal", "General_Security": "Security", "UsersManager_OnlyAllowSecureRequests": "Only allow secure requests"},
	} {
		for k, v := range want {
			if got := l.Translations[lang][k]; got != v {
				t.Errorf("%s %s = %q, want %q", lang, k, got, v)
			}
		}
	}
	// A key this Matomo's version does not have is simply absent.
	if v, ok := l.Translations["en"]["UsersManager_TokenExpireDateCheckboxLabel"]; ok {
		t.Errorf("a 5.1.2 sent the newer expiry label %q", v)
	}
	if len(l.Languages) < 50 || l.Languages[10] != (matomo.Language{Code: "de", Name: "Deutsch", EnglishName: "German"}) {
		t.Errorf("languages %v", l.Languages[:min(12, len(l.Languages))])
	}
	// The anonymous visitor may not see a site here, so no version; said.
	if l.Version != "" || len(l.Problems) != 1 || !strings.Contains(l.Problems[0], "requires view access") {
		t.Errorf("version %q, problems %q", l.Version, l.Problems)
	}
	if c.Requests() != 1 || srv.RequestCount() != 1 {
		t.Fatalf("%d requests written, %d received; want 1", c.Requests(), srv.RequestCount())
	}
	r := srv.Requests()[0]
	form, _ := url.ParseQuery(r.Body)
	if r.Method != http.MethodPost || !strings.Contains(r.RawQuery, "method=API.getBulkRequest") || form.Has("token_auth") ||
		strings.Contains(r.RawQuery, "token_auth") {
		t.Errorf("request %s ?%s body %s", r.Method, r.RawQuery, r.Body)
	}
}

// TestLabelsOfOlderMatomos checks that what an older Matomo lacks stays
// out: Matomo 4 has no secure-only box, Matomo 3 no Security page.
func TestLabelsOfOlderMatomos(t *testing.T) {
	for _, tc := range []struct {
		version   string
		has, lack []string
	}{
		{"4.16.1", []string{"General_Security", "UsersManager_CreateNewToken"}, []string{"UsersManager_OnlyAllowSecureRequests"}},
		{"3.14.1", []string{"CoreAdminHome_Administration", "UsersManager_MenuPersonal"}, []string{"General_Security", "UsersManager_CreateNewToken"}},
	} {
		srv := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{Version: tc.version, Legacy: true})
		c, _ := testClient(t, matomo.Options{})
		l, err := c.Labels(context.Background(), address(t, srv.URL), matomo.LabelsRequest{Keys: guideKeys, Languages: []string{"de"}})
		srv.Close()
		if err != nil {
			t.Fatalf("%s: %v", tc.version, err)
		}
		for _, k := range tc.has {
			if l.Translations["de"][k] == "" {
				t.Errorf("%s: no %s", tc.version, k)
			}
		}
		for _, k := range tc.lack {
			if v, ok := l.Translations["de"][k]; ok {
				t.Errorf("%s: %s = %q, which that version does not have", tc.version, k, v)
			}
		}
	}
}

// TestLabelsThatDoNotComeBack: a Matomo without LanguagesManager, or
// without the language, answers inline errors; nothing fails, the parts
// are missing and said why.
func TestLabelsThatDoNotComeBack(t *testing.T) {
	srv := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{NoLanguagesManager: true})
	defer srv.Close()
	c, _ := testClient(t, matomo.Options{})
	l, err := c.Labels(context.Background(), address(t, srv.URL), matomo.LabelsRequest{Keys: guideKeys, Languages: []string{"de"}, ListLanguages: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Translations) != 0 || l.Languages != nil || len(l.Problems) != 2 || !strings.Contains(l.Problems[0], "LanguagesManager is not enabled") {
		t.Errorf("translations %v, languages %v, problems %q", l.Translations, l.Languages, l.Problems)
	}

	srv2 := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{})
	defer srv2.Close()
	l, err = c.Labels(context.Background(), address(t, srv2.URL), matomo.LabelsRequest{Keys: guideKeys, Languages: []string{"xx", "en"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := l.Translations["xx"]; ok || l.Translations["en"]["General_Security"] != "Security" ||
		len(l.Problems) != 1 || l.Problems[0] != "xx: Matomo does not have this language" {
		t.Errorf("translations %v, problems %q", l.Translations, l.Problems)
	}
}

// TestLabelsReadsBothShapes: Matomo sends the filtered rows as a list,
// or, when the rows keep their positions (filter_limit=-1), as an object
// keyed by them. Either is read; other keys, markup and control
// characters never reach the terminal.
func TestLabelsReadsBothShapes(t *testing.T) {
	answer := `[[{"label":"General_Security","value":"Sicherheit"},{"label":"General_Other","value":"x"}],` +
		`{"427":{"label":"General_Security","value":"Security"},"2221":{"label":"UsersManager_MenuPersonal","value":"Pers\u00f6n\u001b[31mlich"},` +
		`"2160":{"label":"UsersManager_CreateNewToken","value":"<script>x</script>"}}]`
	hostile := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(answer))
	}))
	defer hostile.Close()
	c, _ := testClient(t, matomo.Options{})
	l, err := c.Labels(context.Background(), address(t, hostile.URL), matomo.LabelsRequest{Keys: guideKeys, Languages: []string{"de", "en"}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]string{
		"de": {"General_Security": "Sicherheit"},
		"en": {"General_Security": "Security", "UsersManager_MenuPersonal": "Persön[31mlich"},
	}
	for lang, kv := range want {
		if len(l.Translations[lang]) != len(kv) {
			t.Errorf("%s: %v, want %v", lang, l.Translations[lang], kv)
		}
		for k, v := range kv {
			if l.Translations[lang][k] != v {
				t.Errorf("%s %s = %q, want %q", lang, k, l.Translations[lang][k], v)
			}
		}
	}
}

// TestLabelsFromAHostileServer: a list of languages without end is cut,
// codes that are no codes are left out.
func TestLabelsFromAHostileServer(t *testing.T) {
	var b strings.Builder
	b.WriteString(`[[{"code":"x\u001b[2J","name":"a","english_name":"b"}`)
	for i := range 1000 {
		b.WriteString(`,{"code":"l` + strings.Repeat("a", i%5) + `","name":"n","english_name":"e"}`)
	}
	b.WriteString("]]")
	hostile := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(b.String()))
	}))
	defer hostile.Close()
	c, _ := testClient(t, matomo.Options{})
	l, err := c.Labels(context.Background(), address(t, hostile.URL), matomo.LabelsRequest{ListLanguages: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Languages) != 199 || l.Languages[0].Code != "l" {
		t.Errorf("%d languages, the first %+v; want the 199 codes among the first 200 entries", len(l.Languages), l.Languages[0])
	}
}

// TestLabelsFailsOnlyAsAWhole: a page that is not Matomo's API, or a
// server that is gone, is an error the caller can fall back from.
func TestLabelsFailsOnlyAsAWhole(t *testing.T) {
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusForbidden)
		w.Write([]byte("<html><title>Forbidden</title></html>"))
	}))
	defer page.Close()
	c, _ := testClient(t, matomo.Options{})
	req := matomo.LabelsRequest{Keys: guideKeys, Languages: []string{"de"}}
	if _, err := c.Labels(context.Background(), address(t, page.URL), req); matomo.ClassOf(err) != matomo.ClassNotMatomo {
		t.Errorf("a forbidden page: %v (%s), want not_matomo", err, matomo.ClassOf(err))
	}
	page.Close()
	if _, err := c.Labels(context.Background(), address(t, page.URL), req); matomo.ClassOf(err) != matomo.ClassNetwork {
		t.Errorf("a closed server: %v, want network", err)
	}
	if _, err := c.Labels(context.Background(), address(t, page.URL), matomo.LabelsRequest{Keys: []string{"a|b"}, Languages: []string{"de"}}); err == nil {
		t.Error("a key that is not a translation key went into the pattern")
	}
}

// TestRealLabels asks the real Matomo 5.1.2 for the guide's labels in
// German and English and the list of its languages, without a token.
func TestRealLabels(t *testing.T) {
	t.Parallel()
	in := realmatomo.Use(t)
	c := realClient(t)
	l, err := c.Labels(context.Background(), address(t, in.URL), matomo.LabelsRequest{
		Keys: guideKeys, Languages: []string{"de", "en"}, ListLanguages: true})
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{"UsersManager_MenuPersonal": "Persönlich", "General_Security": "Sicherheit",
		"UsersManager_CreateNewToken": "Neuen Token generieren", "UsersManager_OnlyAllowSecureRequests": "Nur sichere Anfragen zulassen"} {
		if got := l.Translations["de"][k]; got != v {
			t.Errorf("de %s = %q, want %q", k, got, v)
		}
	}
	if l.Translations["en"]["UsersManager_CreateNewToken"] != "Create new token" || len(l.Languages) < 50 || len(l.Problems) != 0 {
		t.Errorf("en %v, %d languages, problems %q", l.Translations["en"], len(l.Languages), l.Problems)
	}
	if c.Requests() != 1 {
		t.Errorf("%d requests, want 1", c.Requests())
	}
}
