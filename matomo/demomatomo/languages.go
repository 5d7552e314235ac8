package demomatomo

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
)

// Matomo's LanguagesManager, which answers anyone, with or without a
// token: the languages Matomo has and its labels in each. The fake holds
// the labels a guide to creating a token names, in English and German, as
// a real Matomo 5.1.2 sends them: same words, same order, and each at its
// position in that Matomo's full list, so that an answer keeps the shape
// of the real one (see filterTranslations).

// translation is one label at its position in Matomo 5.1.2's list of all
// labels of its language (General first, then the plugins in load order).
type translation struct {
	pos        int
	key, value string
}

// translations are Matomo 5.1.2's, read from a real one.
var translations = map[string][]translation{
	"en": {
		{2, "General_API", "API"},
		{117, "General_Confirm", "Confirm"},
		{149, "General_Description", "Description"},
		{364, "General_Password", "Password"},
		{425, "General_Security", "Security"},
		{667, "CorePluginsAdmin_MenuPlatform", "Platform"},
		{729, "CoreAdminHome_Administration", "Administration"},
		{1102, "API_UserAuthentication", "User authentication"},
		{2067, "Login_ConfirmPasswordToContinue", "Confirm your password to continue"},
		{2151, "UsersManager_ExpireDate", "Expire date"},
		{2153, "UsersManager_AuthTokenPurpose", "What are you using this token for?"},
		{2155, "UsersManager_TokenSuccessfullyGenerated", "Token successfully generated"},
		{2158, "UsersManager_PleaseStoreToken", "Please store your token securely as you will not be able to access or see the token again."},
		{2160, "UsersManager_CreateNewToken", "Create new token"},
		{2221, "UsersManager_MenuPersonal", "Personal"},
		{2372, "UsersManager_OnlyAllowSecureRequests", "Only allow secure requests"},
	},
	"de": {
		{2, "General_API", "API"},
		{117, "General_Confirm", "Bestätigen"},
		{150, "General_Description", "Beschreibung"},
		{366, "General_Password", "Passwort"},
		{427, "General_Security", "Sicherheit"},
		{671, "CorePluginsAdmin_MenuPlatform", "Plattform"},
		{730, "CoreAdminHome_Administration", "Administration"},
		{1102, "API_UserAuthentication", "Benutzerauthentifizierung"},
		{2029, "Login_ConfirmPasswordToContinue", "Bitte bestätigen Sie Ihr Passwort um fortzufahren"},
		{2154, "UsersManager_AuthTokenPurpose", "Wozu benötigen Sie diesen Token?"},
		{2183, "UsersManager_CreateNewToken", "Neuen Token generieren"},
		{2233, "UsersManager_ExpireDate", "Ablaufdatum"},
		{2273, "UsersManager_MenuPersonal", "Persönlich"},
		{2284, "UsersManager_OnlyAllowSecureRequests", "Nur sichere Anfragen zulassen"},
		{2292, "UsersManager_PleaseStoreToken", "Bitte bewahren Sie Ihren Token sicher auf, denn Sie werden nicht mehr in der Lage sein, diesen Token anzeigen zu lassen oder zu ändern."},
		{2339, "UsersManager_TokenSuccessfullyGenerated", "Token erfolgreich generiert"},
	},
}

// labelSince is the first major version whose translations have a label;
// labels not listed are older than Matomo 3. Read in Matomo's lang files of
// 3.14.1, 4.0.0 and 5.0.2: Matomo 4 brought the app-specific tokens and
// their Security page, Matomo 5 the secure-only box.
var labelSince = map[string]int{
	"General_Security":                        4,
	"UsersManager_ExpireDate":                 4,
	"UsersManager_AuthTokenPurpose":           4,
	"UsersManager_TokenSuccessfullyGenerated": 4,
	"UsersManager_PleaseStoreToken":           4,
	"UsersManager_CreateNewToken":             4,
	"UsersManager_OnlyAllowSecureRequests":    5,
}

// languageName is one entry of getAvailableLanguageNames.
type languageName struct {
	Code        string `json:"code"`
	Name        string `json:"name"`
	EnglishName string `json:"english_name"`
}

// languages are Matomo 5.1.2's, in its order.
var languages = []languageName{
	{"am", "አማርኛ", "Amharic"},
	{"ar", "العربية", "Arabic"},
	{"be", "Беларуская", "Belarusian"},
	{"bg", "Български", "Bulgarian"},
	{"bn", "বাংলা", "Bangla"},
	{"bs", "Bosanski", "Bosnian"},
	{"ca", "Català", "Catalan"},
	{"cs", "Čeština", "Czech"},
	{"cy", "Cymraeg", "Welsh"},
	{"da", "Dansk", "Danish"},
	{"de", "Deutsch", "German"},
	{"el", "Ελληνικά", "Greek"},
	{"en", "English", "English"},
	{"eo", "Esperanto", "Esperanto"},
	{"es-ar", "Español (Argentina)", "Spanish (Argentina)"},
	{"es", "Español", "Spanish"},
	{"et", "Eesti", "Estonian"},
	{"eu", "Euskara", "Basque"},
	{"fa", "فارسی", "Persian"},
	{"fi", "Suomi", "Finnish"},
	{"fr", "Français", "French"},
	{"gl", "Galego", "Galician"},
	{"gu", "ગુજરાતી", "Gujarati"},
	{"he", "עברית", "Hebrew"},
	{"hi", "हिन्दी", "Hindi"},
	{"hr", "Hrvatski", "Croatian"},
	{"hu", "Magyar", "Hungarian"},
	{"id", "Indonesia", "Indonesian"},
	{"is", "Íslenska", "Icelandic"},
	{"it", "Italiano", "Italian"},
	{"ja", "日本語", "Japanese"},
	{"ka", "ქართული", "Georgian"},
	{"ko", "한국어", "Korean"},
	{"ku", "Kurdî", "Kurdish"},
	{"lt", "Lietuvių", "Lithuanian"},
	{"lv", "Latviešu", "Latvian"},
	{"nb", "Norsk bokmål", "Norwegian Bokm\u00e5l"},
	{"nl", "Nederlands", "Dutch"},
	{"nn", "Norsk nynorsk", "Norwegian Nynorsk"},
	{"pl", "Polski", "Polish"},
	{"pt-br", "Português", "Brazilian Portuguese"},
	{"pt", "Português europeu", "Portuguese"},
	{"ro", "Română", "Romanian"},
	{"ru", "Русский", "Russian"},
	{"sk", "Slovenčina", "Slovak"},
	{"sl", "Slovenščina", "Slovenian"},
	{"sq", "Shqip", "Albanian"},
	{"sr", "Српски", "Serbian"},
	{"sv", "Svenska", "Swedish"},
	{"ta", "தமிழ்", "Tamil"},
	{"te", "తెలుగు", "Telugu"},
	{"th", "ไทย", "Thai"},
	{"tl", "Tagalog", "Tagalog"},
	{"tr", "Türkçe", "Turkish"},
	{"uk", "Українська", "Ukrainian"},
	{"vi", "Tiếng Việt", "Vietnamese"},
	{"zh-cn", "简体中文", "Simplified Chinese"},
	{"zh-tw", "繁體中文", "Traditional Chinese"},
}

// msgNoLanguageCode is Matomo's answer to getTranslationsForLanguage
// without a language.
const msgNoLanguageCode = "Please specify a value for 'languageCode'."

// callLanguages answers LanguagesManager's methods; ok is false for a
// method of another module.
func (s *Server) callLanguages(method string, get lookup) (body []byte, aerr *apiError, ok bool) {
	if !strings.HasPrefix(method, "LanguagesManager.") {
		return nil, nil, false
	}
	if s.opts.NoLanguagesManager {
		return nil, unknownMethod(method), true
	}
	switch method {
	case "LanguagesManager.getAvailableLanguages":
		codes := make([]string, len(languages))
		for i, l := range languages {
			codes[i] = l.Code
		}
		return phpJSON(codes), nil, true
	case "LanguagesManager.getAvailableLanguageNames":
		return phpJSON(languages), nil, true
	case "LanguagesManager.getTranslationsForLanguage":
		code, _ := get("languageCode")
		if code == "" {
			return nil, &apiError{msg: msgNoLanguageCode}, true
		}
		if !s.hasLanguage(code) {
			return valueJSON(false), nil, true
		}
		return filterTranslations(s.translationsFor(code), get), nil, true
	}
	return nil, nil, false
}

func (s *Server) hasLanguage(code string) bool {
	for _, l := range languages {
		if l.Code == code {
			return true
		}
	}
	return false
}

// translationsFor is a language's labels as this Matomo's version has
// them. A language Matomo lists but the fake holds no labels for answers
// with none, which a client treats like labels that did not come back.
func (s *Server) translationsFor(code string) []translation {
	major, _ := strconv.Atoi(strings.SplitN(s.opts.Version, ".", 2)[0])
	var out []translation
	for _, t := range translations[code] {
		if since, ok := labelSince[t.key]; ok && major < since {
			continue
		}
		out = append(out, t)
	}
	return out
}

// filterTranslations applies the generic filters the way Matomo's
// ResponseBuilder::handleArray does for a list: filter_pattern on the
// columns of filter_column[] (only the array form counts: a plain
// filter_column=label is ignored, as measured on 5.1.2), matched case-
// insensitively, keeping each row's position; then filter_limit (default
// 100) and filter_offset, which number the rows afresh. Without a limit
// (filter_limit=-1) the positions stay, and PHP's json_encode then writes
// an object keyed by them wherever rows were left out.
func filterTranslations(rows []translation, get lookup) []byte {
	var columns []string
	for _, name := range []string{"filter_column[]", "filter_column[0]", "filter_column[1]"} {
		if v, ok := get(name); ok {
			columns = append(columns, v)
		}
	}
	filtered := false
	if pattern, ok := get("filter_pattern"); ok && pattern != "" && len(columns) > 0 {
		filtered = true
		re, err := regexp.Compile("(?i)" + pattern)
		if err != nil {
			rows = nil // PHP's preg_match fails on a broken pattern: no row matches
		}
		var kept []translation
		for _, r := range rows {
			for _, c := range columns {
				if re != nil && (c == "label" && re.MatchString(r.key) || c == "value" && re.MatchString(r.value)) {
					kept = append(kept, r)
					break
				}
			}
		}
		rows = kept
	}
	limit, offset := defaultLimit, 0
	if v, ok := get("filter_limit"); ok {
		if n, err := strconv.Atoi(v); err == nil {
			limit = n
		}
	}
	if v, ok := get("filter_offset"); ok {
		offset, _ = strconv.Atoi(v)
	}
	type row struct {
		Label string `json:"label"`
		Value string `json:"value"`
	}
	if limit < 0 && offset <= 0 && filtered && !contiguous(rows) {
		// PHP keeps the keys: an object, in the rows' order.
		var b bytes.Buffer
		b.WriteByte('{')
		for i, r := range rows {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"` + strconv.Itoa(r.pos) + `":`)
			b.Write(phpJSON(row{r.key, r.value}))
		}
		b.WriteByte('}')
		return b.Bytes()
	}
	offset = min(max(offset, 0), len(rows))
	rows = rows[offset:]
	if limit >= 0 && limit < len(rows) {
		rows = rows[:limit]
	}
	out := make([]row, len(rows))
	for i, r := range rows {
		out[i] = row{r.key, r.value}
	}
	return phpJSON(out)
}

// contiguous reports whether rows hold every position from 0 on, which
// PHP writes as a list even with its keys kept (an empty result, say).
func contiguous(rows []translation) bool {
	for i, r := range rows {
		if r.pos != i {
			return false
		}
	}
	return true
}
