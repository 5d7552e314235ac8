package i18n

// The line mode's answer words: what a person types to choose an answer
// (ui/accessible lists them with the question). The English word is the
// answer's name in the code, and it is always accepted, in German too
// (support staff may dictate it); the German word is shown in German and
// accepted there. A German word has no one-letter alias and is never
// matched by its beginning: an answer that sends a token or a password
// must not be easier to give by accident in German than in English. Words
// that German writes the same (https, http, token, filter) have no
// message.
var (
	LineWordQuit     = &Message{En: "quit", De: "beenden"}
	LineWordHelp     = &Message{En: "help", De: "hilfe"}
	LineWordNext     = &Message{En: "next", De: "weiter"}
	LineWordBack     = &Message{En: "back", De: "zurück"}
	LineWordAgain    = &Message{En: "again", De: "nochmal"}
	LineWordChange   = &Message{En: "change", De: "ändern"}
	LineWordUse      = &Message{En: "use", De: "nehmen"}
	LineWordSteps    = &Message{En: "steps", De: "schritte"}
	LineWordAddress  = &Message{En: "address", De: "adresse"}
	LineWordCheck    = &Message{En: "check", De: "prüfen"}
	LineWordRetry    = &Message{En: "retry", De: "wiederholen"}
	LineWordEnd      = &Message{En: "end", De: "ende"}
	LineWordReport   = &Message{En: "report", De: "bericht"}
	LineWordFinish   = &Message{En: "finish", De: "fertig"}
	LineWordSites    = &Message{En: "sites", De: "websites"}
	LineWordCopy     = &Message{En: "copy", De: "kopieren"}
	LineWordSave     = &Message{En: "save", De: "speichern"}
	LineWordData     = &Message{En: "data", De: "daten"}
	LineWordYes      = &Message{En: "yes", De: "ja"}
	LineWordNo       = &Message{En: "no", De: "nein"}
	LineWordNever    = &Message{En: "never", De: "nie"}
	LineWordDate     = &Message{En: "date", De: "datum"}
	LineWordCreate   = &Message{En: "create", De: "erstellen"}
	LineWordLanguage = &Message{En: "language", De: "sprache"}
	LineWordOwn      = &Message{En: "own", De: "eigener"}
	LineWordList     = &Message{En: "list", De: "liste"}
	LineWordPrev     = &Message{En: "prev", De: "vorige"}
	LineWordAll      = &Message{En: "all", De: "alle"}
	LineWordURLCheck = &Message{En: "url-check", De: "url-prüfung"}
)
