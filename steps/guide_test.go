package steps

import (
	"strings"
	"testing"

	"matomo-onboard/internal/i18n"
)

// versionName names the golden file of each version's guide.
var versionName = map[Version]string{Matomo3: "matomo3", Matomo4: "matomo4", Matomo50: "matomo5.0", Matomo54: "matomo5.4", VersionUnknown: "unknown"}

// TestGuideGoldenPerVersion keeps the whole guide of each version, as the
// checklist writes it, in testdata/guide-<version>.txt.golden.
func TestGuideGoldenPerVersion(t *testing.T) {
	addr := mustAddress(t, "https://analytics.example.org")
	for _, v := range Versions {
		golden(t, "guide-"+versionName[v]+".txt.golden", render(t, Checklist{Address: addr, Now: day, Version: v}, Text))
	}
}

// TestGuideShowsTheFieldsOfEachVersion checks what a person on each
// version sees on the token form, and only that.
func TestGuideShowsTheFieldsOfEachVersion(t *testing.T) {
	for _, tc := range []struct {
		v         Version
		steps     int
		has, lack []string
	}{
		{Matomo3, 4, []string{"Open Platform → API", "module=API&action=listAllAPI", `"User authentication"`, "&token_auth="},
			[]string{"Security", "Create new token", "Only allow secure requests", "Expire date"}},
		{Matomo4, 7, []string{"Open Personal → Security", `Click "Create new token"`, `"Description", which asks "What are you using this token for?"`},
			[]string{"Only allow secure requests", "Expire date", "expiry", "Matomo 3"}},
		{Matomo50, 8, []string{`Decide on "Only allow secure requests"`, "Matomo ticks this box."},
			[]string{"Expire date", "expiry", "Matomo 3", "Matomo 5:"}},
		{Matomo54, 9, []string{`Decide on "Only allow secure requests"`, `Decide on "Expire date"`,
			"Matomo rejects it like a wrong one, and Acona gets no more data", "untick the box"},
			[]string{"Matomo 3", "Matomo 5:", "5.4 and newer"}},
		// Not known: every field, each with the versions it applies to.
		{VersionUnknown, 8, []string{`Matomo 5: decide on "Only allow secure requests"`, "Matomo 3 and 4 do not have it",
			`Matomo 5.4 and newer also offer an expiry date, "Expire date", on by default`, "Matomo 3 has one token per user"},
			nil},
	} {
		guide := Build(Options{Now: day, Version: tc.v})
		if len(guide) != tc.steps {
			t.Errorf("%s: %d steps, want %d", tc.v, len(guide), tc.steps)
		}
		var all strings.Builder
		for _, s := range guide {
			all.WriteString(s.Title + "\n" + s.Body + "\n" + s.Matomo3 + "\n" + s.Link.URL(mustAddress(t, "https://m.example")) + "\n")
		}
		text := strings.Join(strings.Fields(all.String()), " ")
		for _, want := range tc.has {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the guide lacks %q", tc.v, want)
			}
		}
		for _, not := range tc.lack {
			if strings.Contains(text, not) {
				t.Errorf("%s: the guide names %q, which this version does not show", tc.v, not)
			}
		}
	}
}

func TestParseVersion(t *testing.T) {
	for in, want := range map[string]Version{
		"3.14.1": Matomo3, "2.16.0": Matomo3, "4.16.1": Matomo4, "5.0.2": Matomo50, "5.1.2": Matomo50, "5.3.2": Matomo50,
		"5.4.0": Matomo54, "5.4.0-b1": Matomo54, "5.10.0": Matomo54, "6.0.0-b1": Matomo54,
		"": VersionUnknown, "x": VersionUnknown, "5.x": VersionUnknown,
	} {
		if got := ParseVersion(in); got != want {
			t.Errorf("ParseVersion(%q) = %s, want %s", in, got, want)
		}
	}
}

// german is what a Matomo 5.1.2 sent for the guide's labels, in German and
// English (the fake's tables are these, read from a real one).
var german = map[string]map[string]string{
	"de": {"CoreAdminHome_Administration": "Administration", "UsersManager_MenuPersonal": "Persönlich",
		"General_Security": "Sicherheit", "UsersManager_CreateNewToken": "Neuen Token generieren"},
	"en": {"CoreAdminHome_Administration": "Administration", "UsersManager_MenuPersonal": "Personal",
		"General_Security": "Security", "UsersManager_CreateNewToken": "Create new token"},
}

func TestLabelsShowTheScreensWordWithTheTextsInBrackets(t *testing.T) {
	for _, tc := range []struct {
		name   string
		l      Labels
		key    Key
		name1  string
		quoted string
	}{
		{"English throughout", Labels{}, KeySecurity, "Security", `"Security"`},
		{"German from the Matomo", Labels{Lang: "de", Matomo: german}, KeySecurity, "Sicherheit (Security)", `"Sicherheit" (Security)`},
		{"the same word once", Labels{Lang: "de", Matomo: german}, KeyAdministration, "Administration", `"Administration"`},
		{"German the Matomo did not send: English first, the built-in German in brackets", Labels{Lang: "de"},
			KeyCreateToken, "Create new token (Neuen Token generieren)", `"Create new token" (Neuen Token generieren)`},
		{"a language with no built-in labels, not sent: English only", Labels{Lang: "fr"}, KeySecurity, "Security", `"Security"`},
		{"French from the Matomo", Labels{Lang: "fr", Matomo: map[string]map[string]string{"fr": {"General_Security": "Sécurité"}}},
			KeySecurity, "Sécurité (Security)", `"Sécurité" (Security)`},
		{"the Matomo's own English words", Labels{Matomo: map[string]map[string]string{"en": {"General_Security": "Security & privacy"}}},
			KeySecurity, "Security & privacy", `"Security & privacy"`},
	} {
		if got := tc.l.Name(tc.key); got != tc.name1 {
			t.Errorf("%s: Name = %q, want %q", tc.name, got, tc.name1)
		}
		if got := tc.l.Quoted(tc.key); got != tc.quoted {
			t.Errorf("%s: Quoted = %q, want %q", tc.name, got, tc.quoted)
		}
	}
	// The expiry box's English is not built in: without the Matomo's word
	// the guide cannot name it.
	if (Labels{}).Has(KeyExpireCheckbox) || (Labels{Lang: "de"}).Has(KeyExpireCheckbox) {
		t.Error("the expiry box can be named without the Matomo's word")
	}
	withBox := Labels{Lang: "de", Matomo: map[string]map[string]string{"de": {string(KeyExpireCheckbox): "Ablaufdatum setzen"}}}
	if got := withBox.Quoted(KeyExpireCheckbox); got != `"Ablaufdatum setzen"` {
		t.Errorf("the box as the Matomo sent it: %q", got)
	}
}

func TestGuideInGermanLabels(t *testing.T) {
	guide := Build(Options{Now: day, Version: Matomo50, Labels: Labels{Lang: "de", Matomo: german}})
	if guide[2].Title != "Open Persönlich (Personal) → Sicherheit (Security)" {
		t.Errorf("step 3: %q", guide[2].Title)
	}
	if guide[3].Title != `Click "Neuen Token generieren" (Create new token)` {
		t.Errorf("step 4: %q", guide[3].Title)
	}
	// Not sent by this Matomo: English first, the German in brackets.
	if !strings.Contains(guide[6].Title, `"Only allow secure requests" (Nur sichere Anfragen zulassen)`) {
		t.Errorf("step 7: %q", guide[6].Title)
	}
}

// TestKeysAreTheGuidesLabels checks that the request asks for every label
// the guide can name and that each built-in language has the same ones.
func TestKeysAreTheGuidesLabels(t *testing.T) {
	asked := map[string]bool{}
	for _, k := range Keys() {
		asked[k] = true
	}
	for lang, labels := range builtIn {
		for k := range labels {
			if !asked[string(k)] {
				t.Errorf("%s has a built-in label for %s, which is not asked for", lang, k)
			}
		}
		if len(labels) != len(builtIn["en"]) {
			t.Errorf("%s has %d built-in labels, English %d", lang, len(labels), len(builtIn["en"]))
		}
	}
}

// TestGuideGoldenPerVersionInGerman keeps each version's guide as the
// German checklist writes it for a Matomo in German (the built-in labels,
// without brackets), in testdata/guide-<version>.de.txt.golden.
func TestGuideGoldenPerVersionInGerman(t *testing.T) {
	addr := mustAddress(t, "https://analytics.example.org")
	for _, v := range Versions {
		c := Checklist{Address: addr, Now: day, Version: v, Printer: i18n.For("de"), Labels: Labels{Lang: "de"}}
		golden(t, "guide-"+versionName[v]+".de.txt.golden", render(t, c, Text))
	}
}

// TestGermanGuideForAMatomoInEnglish: German text, the screens' English
// words first (they are what the person sees), the German in brackets,
// in German quotation marks.
func TestGermanGuideForAMatomoInEnglish(t *testing.T) {
	guide := Build(Options{Now: day, Version: Matomo50, Printer: i18n.For("de"), Labels: Labels{Lang: "en", Matomo: german}})
	for i, want := range map[int]string{
		2: "Personal (Persönlich) → Security (Sicherheit) öffnen",
		3: "Auf „Create new token“ (Neuen Token generieren) klicken",
		// Not sent in English by this Matomo: the guide's word first, the
		// built-in English in brackets.
		6: "Über „Nur sichere Anfragen zulassen“ (Only allow secure requests) entscheiden",
	} {
		if guide[i].Title != want {
			t.Errorf("step %d: %q, want %q", i+1, guide[i].Title, want)
		}
	}
	if !strings.Contains(guide[2].Body, "Wählen Sie im Bereich Administration links im Menü unter „Personal“ (Persönlich) den Eintrag „Security“ (Sicherheit).") {
		t.Errorf("step 3's body: %q", guide[2].Body)
	}
	if got := Matomo50.Name(i18n.For("de")); got != "Matomo 5.0 bis 5.3" {
		t.Errorf("the version in German: %q", got)
	}
	if got := VersionUnknown.String(); got != "I don't know" {
		t.Errorf("String stays English: %q", got)
	}
}

// TestTheRequestAsksForTheTextsLanguage: the brackets are in the text's
// language, so the one request asks for that language's labels too.
func TestTheRequestAsksForTheTextsLanguage(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"fr", "de", []string{"fr", "de"}},
		{"de", "de", []string{"de"}},
		{"de", "en", []string{"de", "en"}},
	} {
		if got := RequestFor(tc.lang, tc.text, false).Languages; strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("RequestFor(%s, %s): %v, want %v", tc.lang, tc.text, got, tc.want)
		}
	}
	if got := Request("de", false).Languages; strings.Join(got, " ") != "de en" {
		t.Errorf("Request(de) asks for %v", got)
	}
}
