package i18n

// A token's role on a site, as Matomo's own screens name it (its
// UsersManager_PrivAdmin, _PrivWrite, _PrivView; German from its
// lang/de.json). One set for every front end: the wizard's table, the
// line mode's list and verify's text output.
var (
	AccessAdmin = &Message{En: "admin", De: "Administrator"}
	AccessWrite = &Message{En: "write", De: "Schreiben"}
	AccessView  = &Message{En: "view", De: "Ansicht"}
)
