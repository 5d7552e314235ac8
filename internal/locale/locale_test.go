package locale

import (
	"strings"
	"testing"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestLanguageFollowsPOSIXPrecedence(t *testing.T) {
	for _, tc := range []struct {
		name string
		flag string
		vars map[string]string
		want string
	}{
		{"nothing set", "", nil, "en"},
		{"LANG", "", map[string]string{"LANG": "de_DE.UTF-8"}, "de"},
		{"LC_MESSAGES over LANG", "", map[string]string{"LANG": "fr_FR.UTF-8", "LC_MESSAGES": "de_AT.UTF-8"}, "de"},
		{"LC_ALL over both", "", map[string]string{"LANG": "fr_FR", "LC_MESSAGES": "it_IT", "LC_ALL": "pt_BR.UTF-8"}, "pt-br"},
		{"an empty LC_ALL is unset", "", map[string]string{"LC_ALL": " ", "LANG": "de_CH.UTF-8"}, "de"},
		{"C means English, also over LANG", "", map[string]string{"LC_ALL": "C.UTF-8", "LANG": "de_DE.UTF-8"}, "en"},
		{"POSIX means English", "", map[string]string{"LANG": "POSIX"}, "en"},
		{"an unreadable locale says no language", "", map[string]string{"LANG": "x", "LC_MESSAGES": "?!"}, "en"},
		{"the flag wins over the environment", "de", map[string]string{"LC_ALL": "fr_FR.UTF-8"}, "de"},
		{"the flag as a locale", "zh_TW.Big5", nil, "zh-tw"},
	} {
		got, err := Language(tc.flag, env(tc.vars))
		if err != nil || got != tc.want {
			t.Errorf("%s: Language(%q) = %q, %v; want %q", tc.name, tc.flag, got, err, tc.want)
		}
	}
}

func TestLanguageRefusesAFlagItCannotRead(t *testing.T) {
	_, err := Language("Deutsch!", env(map[string]string{"LANG": "de_DE.UTF-8"}))
	if err == nil || !strings.Contains(err.Error(), "not a language code") || !strings.Contains(err.Error(), "pt-br") {
		t.Fatalf("err = %v, want a message naming codes to use", err)
	}
}

func TestParseGivesMatomosCodes(t *testing.T) {
	for in, want := range map[string]string{
		"de": "de", "DE": "de", "de_DE.UTF-8": "de", "de-AT": "de", "en_GB.ISO-8859-1": "en",
		"pt_BR": "pt-br", "pt-PT": "pt", "pt": "pt", "es_AR.UTF-8": "es-ar", "es_MX": "es", "es-419": "es",
		"zh": "zh-cn", "zh_CN.GB18030": "zh-cn", "zh_SG": "zh-cn", "zh_TW.Big5": "zh-tw", "zh_HK": "zh-tw",
		"sr@latin": "sr", "sr_RS@latin": "sr", "C": "en", "POSIX": "en", "C.UTF-8": "en", "fil_PH": "fil",
	} {
		got, err := Parse(in)
		if err != nil || got != want {
			t.Errorf("Parse(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "d", "deutsch", "de_DEUT", "1234", "de DE", "ü"} {
		if got, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) = %q, want an error", bad, got)
		}
	}
}

func TestMatchFindsTheLanguageMatomoHas(t *testing.T) {
	matomo512 := []string{"am", "ar", "de", "en", "es-ar", "es", "pt-br", "pt", "zh-cn", "zh-tw"}
	for _, tc := range []struct {
		code      string
		available []string
		want      string
	}{
		{"de", matomo512, "de"},
		{"pt-br", matomo512, "pt-br"},
		{"pt-br", []string{"en", "pt"}, "pt"},
		{"es", []string{"en", "es-ar"}, "es-ar"},
		{"fr", matomo512, ""},
		{"de", nil, ""},
		{"DE", []string{"de"}, "de"},
	} {
		if got := Match(tc.code, tc.available); got != tc.want {
			t.Errorf("Match(%q, %v) = %q, want %q", tc.code, tc.available, got, tc.want)
		}
	}
}
