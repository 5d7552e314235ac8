package steps

import "matomo-onboard/matomo"

// Key is one of Matomo's translation keys: a label of its screens that the
// guide names. The person's own Matomo says what each one reads in its
// language (matomo.Client.Labels); the English and German built in here
// stand in where it does not.
type Key string

// The labels the guide names, read in Matomo's templates (3.14, 4.16, 5.x).
const (
	KeyAdministration  Key = "CoreAdminHome_Administration"    // the gear menu
	KeyPersonal        Key = "UsersManager_MenuPersonal"       // its section with the user's own settings
	KeySecurity        Key = "General_Security"                // the page listing the tokens (Matomo 4 and later)
	KeyCreateToken     Key = "UsersManager_CreateNewToken"     // the button, on that page and on the form
	KeyConfirmPassword Key = "Login_ConfirmPasswordToContinue" // the password confirmation's title
	KeyPassword        Key = "General_Password"                // its field
	KeyConfirm         Key = "General_Confirm"                 // its button
	KeyDescription     Key = "General_Description"             // the form's first field (4 and later)
	KeyPurpose         Key = "UsersManager_AuthTokenPurpose"   // that field's help text
	KeySecureOnly      Key = "UsersManager_OnlyAllowSecureRequests"
	KeyExpireDate      Key = "UsersManager_ExpireDate" // the form's expiry section (5.4 and later); a column of the token list before
	// The expiry box and date field of newer 5.x. Their English is not
	// built in (it was not read in a release yet): the guide names them
	// only when the person's Matomo sends them.
	KeyExpireCheckbox     Key = "UsersManager_TokenExpireDateCheckboxLabel"
	KeyExpireDateField    Key = "UsersManager_TokenExpireDate"
	KeyTokenCreated       Key = "UsersManager_TokenSuccessfullyGenerated" // the page that shows the new token
	KeyStoreToken         Key = "UsersManager_PleaseStoreToken"
	KeyPlatform           Key = "CorePluginsAdmin_MenuPlatform" // Matomo 3: Administration → Platform → API
	KeyAPI                Key = "General_API"
	KeyUserAuthentication Key = "API_UserAuthentication" // Matomo 3: the section of the API page with the token
)

// Keys are all the labels the guide may name, for one request to Matomo.
func Keys() []string {
	keys := []Key{KeyAdministration, KeyPersonal, KeySecurity, KeyCreateToken, KeyConfirmPassword, KeyPassword, KeyConfirm,
		KeyDescription, KeyPurpose, KeySecureOnly, KeyExpireDate, KeyExpireCheckbox, KeyExpireDateField, KeyTokenCreated,
		KeyStoreToken, KeyPlatform, KeyAPI, KeyUserAuthentication}
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = string(k)
	}
	return out
}

// builtIn are the labels as a real Matomo 5.1.2 words them in English and
// German (read from one: LanguagesManager.getTranslationsForLanguage), for
// when the person's Matomo cannot be asked. English is the guide's text
// language today; German, because many who set this integration up run
// Matomo in German.
var builtIn = map[string]map[Key]string{
	"en": {
		KeyAdministration: "Administration", KeyPersonal: "Personal", KeySecurity: "Security",
		KeyCreateToken: "Create new token", KeyConfirmPassword: "Confirm your password to continue",
		KeyPassword: "Password", KeyConfirm: "Confirm", KeyDescription: "Description",
		KeyPurpose: "What are you using this token for?", KeySecureOnly: "Only allow secure requests",
		KeyExpireDate: "Expire date", KeyTokenCreated: "Token successfully generated",
		KeyStoreToken: "Please store your token securely as you will not be able to access or see the token again.",
		KeyPlatform:   "Platform", KeyAPI: "API", KeyUserAuthentication: "User authentication",
	},
	"de": {
		KeyAdministration: "Administration", KeyPersonal: "Persönlich", KeySecurity: "Sicherheit",
		KeyCreateToken: "Neuen Token generieren", KeyConfirmPassword: "Bitte bestätigen Sie Ihr Passwort um fortzufahren",
		KeyPassword: "Passwort", KeyConfirm: "Bestätigen", KeyDescription: "Beschreibung",
		KeyPurpose: "Wozu benötigen Sie diesen Token?", KeySecureOnly: "Nur sichere Anfragen zulassen",
		KeyExpireDate: "Ablaufdatum", KeyTokenCreated: "Token erfolgreich generiert",
		KeyStoreToken: "Bitte bewahren Sie Ihren Token sicher auf, denn Sie werden nicht mehr in der Lage sein, diesen Token anzeigen zu lassen oder zu ändern.",
		KeyPlatform:   "Plattform", KeyAPI: "API", KeyUserAuthentication: "Benutzerauthentifizierung",
	},
}

// Labels says how the guide names Matomo's menus, fields and buttons: as
// the person's Matomo shows them, in the language of its screens, with
// the word in the guide's own language in brackets when the two differ,
// "Sicherheit (Security)", so that the text and the screen can be matched
// either way. The zero Labels names everything in English.
type Labels struct {
	// Lang is the language of the person's Matomo screens (a Matomo code:
	// de, pt-br); "" means the guide's text language.
	Lang string
	// TextLang is the language of the guide's own text (an i18n
	// Printer's: en or de); "" means English. Build and the checklist set
	// it from their Printer.
	TextLang string
	// Matomo holds the labels the person's Matomo sent, by language and
	// key (matomo.Labels.Translations).
	Matomo map[string]map[string]string
}

func (l Labels) lang() string {
	if l.Lang == "" {
		return l.textLang()
	}
	return l.Lang
}

func (l Labels) textLang() string {
	if l.TextLang == "" {
		return "en"
	}
	return l.TextLang
}

// fromMatomo is the label as the person's Matomo words it in lang, or "".
func (l Labels) fromMatomo(lang string, k Key) string { return l.Matomo[lang][string(k)] }

// word is the label in lang: the Matomo's own, else the built-in one.
func (l Labels) word(lang string, k Key) string {
	if w := l.fromMatomo(lang, k); w != "" {
		return w
	}
	return builtIn[lang][k]
}

// pair is the label to show and the word in brackets after it ("" for
// none). The label of the person's Matomo comes first; when it did not
// come back, the guide's own word comes first and the built-in label of
// the screen's language goes in brackets, since it may differ from what
// an older or newer Matomo shows.
func (l Labels) pair(k Key) (shown, bracket string) {
	text := l.word(l.textLang(), k)
	if l.lang() == l.textLang() {
		return text, ""
	}
	if own := l.fromMatomo(l.lang(), k); own != "" {
		if own == text {
			return own, ""
		}
		return own, text
	}
	if b := builtIn[l.lang()][k]; b != "" && b != text && text != "" {
		return text, b
	}
	if text == "" {
		return builtIn[l.lang()][k], ""
	}
	return text, ""
}

// Name is a menu or page as the guide names it: Sicherheit (Security).
func (l Labels) Name(k Key) string {
	shown, bracket := l.pair(k)
	if bracket == "" {
		return shown
	}
	return shown + " (" + bracket + ")"
}

// Quoted is a label in quotes, as a field or button is named, with the
// other language's word after it: "Neuen Token generieren" (Create new
// token). The quotes are the text's: „Sicherheit“ in German.
func (l Labels) Quoted(k Key) string {
	shown, bracket := l.pair(k)
	if bracket == "" {
		return l.quote(shown)
	}
	return l.quote(shown) + " (" + bracket + ")"
}

// quote puts s in the quotation marks of the text's language.
func (l Labels) quote(s string) string {
	if l.textLang() == "de" {
		return "„" + s + "“"
	}
	return `"` + s + `"`
}

// Has reports whether the guide can name k: the Matomo sent it or it is
// built in.
func (l Labels) Has(k Key) bool {
	shown, _ := l.pair(k)
	return shown != ""
}

// FromMatomo reports whether the labels in the screen's language came
// from the person's Matomo (any of them).
func (l Labels) FromMatomo() bool { return len(l.Matomo[l.lang()]) > 0 }

// BuiltIn reports whether the guide has labels of its own in lang, to
// show when Matomo cannot be asked.
func BuiltIn(lang string) bool { return builtIn[lang] != nil }

// TextLanguage is the language the wizard and the line mode write the
// guide in for now: English, whatever the reader's language, until they
// take an i18n Printer (issue 16, part C). The checklist writes in the
// reader's language already.
const TextLanguage = "en"

// Request is the one request that asks a Matomo, without a token, for the
// guide's labels in lang and in English, the text's language, for the
// brackets (see RequestFor), and with languages also for the languages it
// has.
func Request(lang string, languages bool) matomo.LabelsRequest {
	return RequestFor(lang, TextLanguage, languages)
}

// RequestFor is Request for a guide whose own text is in textLang: it
// asks for the labels in lang and in textLang.
func RequestFor(lang, textLang string, languages bool) matomo.LabelsRequest {
	langs := []string{lang}
	if lang != textLang {
		langs = append(langs, textLang)
	}
	return matomo.LabelsRequest{Keys: Keys(), Languages: langs, ListLanguages: languages}
}
