package i18n

// The guide (package steps): its steps, as the wizard, the line mode and
// the checklist show them, and the checklist around them. Arguments
// written %s in a step are Matomo's labels (in the language of the
// person's Matomo, from steps.Labels) or the tool's name; they are not
// translated here.
var (
	StepsLogInTitle = &Message{
		En: "Log in to Matomo",
		De: "Bei Matomo anmelden",
	}
	// StepsLogInBody: the tool's name.
	StepsLogInBody = &Message{
		En: "Open your Matomo in the browser and log in as the user whose access the %s integration should have.\n\n" +
			"The token will act as this user, with exactly their access. For an integration, a " +
			"dedicated user with view access to the sites it needs is safest.",
		De: "Öffnen Sie Ihr Matomo im Browser und melden Sie sich als der Benutzer an, dessen Zugriff %s haben soll.\n\n" +
			"Der Token hat genau die Rechte dieses Benutzers, nicht mehr und nicht weniger. Für eine Integration ist " +
			"ein eigener Benutzer am sichersten, der nur Ansichtszugriff auf die Websites hat, die sie braucht.",
	}
	// StepsOpen: a page or menu.
	StepsOpen = &Message{
		En: "Open %s",
		De: "%s öffnen",
	}
	// StepsOpenPath: a menu and the page in it.
	StepsOpenPath = &Message{
		En: "Open %s → %s",
		De: "%s → %s öffnen",
	}
	// StepsAdministrationBody: the Administration menu's label, twice.
	StepsAdministrationBody = &Message{
		En: "In Matomo's top menu, click the gear icon: %s.\n\n" +
			"Every user has this menu, also without admin rights: it holds your personal settings.",
		De: "Klicken Sie oben im Menü von Matomo auf das Zahnrad-Symbol: %s.\n\n" +
			"Dieses Menü hat jeder Benutzer, auch ohne Administratorrechte: Dort liegen Ihre persönlichen Einstellungen.",
	}
	// StepsChooseInMenu: the Administration menu, its section, the page.
	StepsChooseInMenu = &Message{
		En: "In the left menu of %s, under %s, choose %s.",
		De: "Wählen Sie im Bereich %s links im Menü unter %s den Eintrag %s.",
	}
	StepsTokenListAtTheBottom = &Message{
		En: "The list of your auth tokens is at the bottom of that page.",
		De: "Unten auf dieser Seite steht die Liste Ihrer Authentifizierungstoken.",
	}
	// StepsMatomo3Differs: the Security page; Administration → Platform → API.
	StepsMatomo3Differs = &Message{
		En: "Matomo 3 has one token per user and no %s page: go to %s → %s → %s, copy the token shown there " +
			"and skip ahead to entering the token.",
		De: "Matomo 3 hat nur einen Token pro Benutzer und keine Seite „%s“: Gehen Sie zu %s → %s → %s, kopieren Sie " +
			"den dort angezeigten Token und springen Sie weiter zur Eingabe des Tokens.",
	}
	// StepsClick: a button.
	StepsClick = &Message{
		En: "Click %s",
		De: "Auf %s klicken",
	}
	// StepsCreateTokenBody: the Security page, the button.
	StepsCreateTokenBody = &Message{
		En: "At the bottom of the %s page, below the list of tokens, click the button %s.",
		De: "Klicken Sie unten auf der Seite „%s“, unter der Liste der Token, auf die Schaltfläche %s.",
	}
	StepsPasswordTitle = &Message{
		En: "Confirm your password",
		De: "Passwort bestätigen",
	}
	// StepsPasswordBody: the page's title, its field, its button.
	StepsPasswordBody = &Message{
		En: "Matomo asks for your password again when you have not confirmed it in the last few minutes: %s. " +
			"Type your Matomo login password (not a token) into %s and click %s.",
		De: "Matomo fragt erneut nach Ihrem Passwort, wenn Sie es in den letzten Minuten nicht bestätigt haben: %s. " +
			"Geben Sie Ihr Passwort für die Anmeldung bei Matomo (nicht den Token) in %s ein und klicken Sie auf %s.",
	}
	StepsDescribeTitle = &Message{
		En: "Describe what the token is for",
		De: "Zweck des Tokens beschreiben",
	}
	// StepsDescribeBody: the field, its question, the suggested
	// description (a paragraph of its own, indented: a literal to copy).
	StepsDescribeBody = &Message{
		En: "In the field %s, which asks %s, enter a short description (1 to 100 characters), for example:\n\n" +
			"    %s\n\n" +
			"The date tells you later which token is which.",
		De: "Geben Sie in das Feld %s, unter der Frage %s, eine kurze Beschreibung ein (1 bis 100 Zeichen), zum Beispiel:\n\n" +
			"    %s\n\n" +
			"Am Datum erkennen Sie später, welcher Token welcher ist.",
	}
	// StepsDescribeExpiry: the expiry section's label; said when the
	// version is not known.
	StepsDescribeExpiry = &Message{
		En: "Matomo 5.4 and newer also offer an expiry date, %s, on by default: an expired token is rejected " +
			"exactly like a wrong one, so note the date or untick it.",
		De: "Ab Matomo 5.4 hat das Formular außerdem den Bereich %s, von vornherein eingeschaltet: Ein " +
			"abgelaufener Token wird genau wie ein falscher abgelehnt. Notieren Sie sich also das Datum, oder " +
			"entfernen Sie den Haken.",
	}
	// StepsDecideOn: a checkbox or section of the token form.
	StepsDecideOn = &Message{
		En: "Decide on %s",
		De: "Über %s entscheiden",
	}
	// StepsMatomo5DecideOn: the secure-only checkbox, when the version is
	// not known.
	StepsMatomo5DecideOn = &Message{
		En: "Matomo 5: decide on %s",
		De: "Matomo 5: über %s entscheiden",
	}
	StepsSecureOnlyTicked = &Message{
		En: "Matomo ticks this box.",
		De: "Matomo setzt hier den Haken.",
	}
	StepsSecureOnlyTickedMatomo5 = &Message{
		En: "Matomo 5 ticks this box; Matomo 3 and 4 do not have it.",
		De: "Matomo 5 setzt hier den Haken; Matomo 3 und 4 haben diese Option nicht.",
	}
	StepsSecureOnlyBody = &Message{
		En: "A secure-only token works only when a tool sends it in the body of a request, never inside a URL, " +
			"which keeps it out of server logs.\n\n" +
			"Keep it ticked unless the tool that will use the token sends it in URLs (…&token_auth=…): " +
			"such tools fail with a secure-only token.",
		De: "Ein Token nur für sichere Anfragen funktioniert nur, wenn ein Programm ihn im Inhalt einer Anfrage " +
			"sendet, nie in einer URL; so landet er nicht in Server-Protokollen.\n\n" +
			"Lassen Sie den Haken gesetzt, es sei denn, das Programm, das den Token nutzen wird, sendet ihn in URLs " +
			"(…&token_auth=…): Solche Programme scheitern an einem Token nur für sichere Anfragen.",
	}
	StepsSecureOnlyOffer = &Message{
		En: "After verifying, matomo-onboard can check whether the token also works in URLs.",
		De: "Nach der Prüfung kann matomo-onboard testen, ob der Token auch in URLs funktioniert.",
	}
	// StepsExpiryBody: the expiry section, the box (StepsTheBox…), the
	// tool, the date (StepsTheDate…).
	StepsExpiryBody = &Message{
		En: "Under %s, Matomo ticks %s and fills in a date. On that day the token stops working: Matomo rejects " +
			"it like a wrong one, and %s gets no more data until someone creates a new token and enters it there.\n\n" +
			"For an integration that should keep running, untick the box. If your rules ask for tokens that expire, " +
			"keep it, note %s and put a reminder in your calendar a week before.",
		De: "Unter %s setzt Matomo %s und trägt ein Datum ein. An diesem Tag hört der Token auf zu funktionieren: " +
			"Matomo lehnt ihn ab wie einen falschen, und %s bekommt keine Daten mehr, bis jemand einen neuen Token " +
			"erstellt und dort einträgt.\n\n" +
			"Für eine Integration, die dauerhaft laufen soll, entfernen Sie den Haken. Wenn Ihre Richtlinien " +
			"ablaufende Token verlangen, lassen Sie ihn gesetzt, notieren Sie sich %s und tragen Sie sich eine " +
			"Woche vorher eine Erinnerung in den Kalender ein.",
	}
	StepsTheBox = &Message{
		En: "the box",
		De: "einen Haken",
	}
	// StepsTheBoxNamed: the checkbox's label.
	StepsTheBoxNamed = &Message{
		En: "the box %s",
		De: "den Haken bei %s",
	}
	StepsTheDate = &Message{
		En: "the date",
		De: "das Datum",
	}
	// StepsTheDateNamed: the date field's label.
	StepsTheDateNamed = &Message{
		En: "the date (%s)",
		De: "das Datum (%s)",
	}
	StepsCopyTokenTitle = &Message{
		En: "Create the token and copy it now",
		De: "Token erstellen und sofort kopieren",
	}
	// StepsCopyTokenBody: the button, the page's title, its text.
	StepsCopyTokenBody = &Message{
		En: "Click %s. Matomo shows the new token once, 32 letters and digits, under %s: %s\n\n" +
			"Copy it now, before you leave the page: it is needed in the next step.",
		De: "Klicken Sie auf %s. Matomo zeigt den neuen Token nur einmal an, 32 Buchstaben und Ziffern, unter %s: %s\n\n" +
			"Kopieren Sie ihn jetzt, bevor Sie die Seite verlassen: Sie brauchen ihn im nächsten Schritt.",
	}
	StepsMatomo3OneToken = &Message{
		En: "Matomo 3 has one token per user and shows it on that page.",
		De: "Matomo 3 hat einen Token pro Benutzer und zeigt ihn auf dieser Seite an.",
	}
	StepsMatomo3CopyTitle = &Message{
		En: "Copy your token",
		De: "Ihren Token kopieren",
	}
	// StepsMatomo3CopyBody: the section of the API page, the tool.
	StepsMatomo3CopyBody = &Message{
		En: "Under %s, Matomo shows your token in a sample address, after &token_auth=: 32 letters and digits. " +
			"Copy those 32 characters, without &token_auth=.\n\n" +
			"It is your user's only token: it changes when the password changes, and %s then needs the new one.",
		De: "Unter %s zeigt Matomo Ihren Token in einer Beispieladresse, nach &token_auth=: 32 Buchstaben und " +
			"Ziffern. Kopieren Sie diese 32 Zeichen, ohne &token_auth=.\n\n" +
			"Es ist der einzige Token Ihres Benutzers: Er ändert sich, wenn sich das Passwort ändert, und %s " +
			"braucht dann den neuen.",
	}

	// The versions, as the guide's first step asks for them.
	StepsVersion50 = &Message{
		En: "Matomo 5.0 to 5.3",
		De: "Matomo 5.0 bis 5.3",
	}
	StepsVersion54 = &Message{
		En: "Matomo 5.4 or newer",
		De: "Matomo 5.4 oder neuer",
	}
	StepsVersionUnknown = &Message{
		En: "I don't know",
		De: "Weiß ich nicht",
	}

	// The checklist (matomo-onboard steps).

	// ChecklistTitle: the tool.
	ChecklistTitle = &Message{
		En: "Create a Matomo API token for %s",
		De: "Matomo-API-Token für %s erstellen",
	}
	ChecklistTokenDescription = &Message{
		En: "Token description",
		De: "Token-Beschreibung",
	}
	// ChecklistIntro: the tool, the tool again, the number of the step
	// that enters the token.
	ChecklistIntro = &Message{
		En: "You need a Matomo login with access to the sites %s should read. The token you create acts as " +
			"that user's password for Matomo's API, so keep it secret: you enter it into %s yourself (step %d), and " +
			"never send it by e-mail or chat, not even to whoever sent you these steps.",
		De: "Sie brauchen eine Matomo-Anmeldung mit Zugriff auf die Websites, die %s lesen soll. Der Token, den Sie " +
			"erstellen, wirkt gegenüber der API von Matomo wie das Passwort dieses Benutzers. Halten Sie ihn deshalb " +
			"geheim: Sie tragen ihn selbst in %s ein (Schritt %d) und schicken ihn nie per E-Mail oder Chat, auch " +
			"nicht an die Person, die Ihnen diese Anleitung geschickt hat.",
	}
	ChecklistLinks = &Message{
		En: "The links below open the right page of your Matomo; when you are not logged in, " +
			"Matomo asks you to log in first and then shows the page.",
		De: "Die Links unten öffnen die richtige Seite Ihres Matomo. Wenn Sie nicht angemeldet sind, bittet " +
			"Matomo Sie zuerst um die Anmeldung und zeigt danach die Seite.",
	}
	ChecklistLink = &Message{
		En: "Link",
		De: "Link",
	}
	ChecklistKeepHead = &Message{
		En: "Keep the token safe",
		De: "Den Token sicher aufbewahren",
	}
	// ChecklistEnterTitle: the tool.
	ChecklistEnterTitle = &Message{
		En: "Enter the token in %s",
		De: "Token in %s eintragen",
	}
	// ChecklistEnterAcona: Acona.
	ChecklistEnterAcona = &Message{
		En: "In %s's data-source form for Matomo, enter:",
		De: "Tragen Sie in %s im Formular der Datenquelle Matomo ein:",
	}
	// ChecklistAconaFields: the Matomo address. The names on the left are
	// Acona's fields, as its form shows them; they stay as they are.
	ChecklistAconaFields = &Message{
		En: "Matomo URL:  %s\n" +
			"Site ID:     the ID of the site to read (see below)\n" +
			"Domain:      that site's domain, for example shop.example.com\n" +
			"API Key:     the token",
		De: "Matomo URL:  %s\n" +
			"Site ID:     die ID der gewünschten Website (siehe unten)\n" +
			"Domain:      die Domain dieser Website, z. B. shop.example.com\n" +
			"API Key:     der Token",
	}
	// ChecklistEnterOther: the tool.
	ChecklistEnterOther = &Message{
		En: "In %s, where it asks for the Matomo API token (token_auth), paste the token, together " +
			"with the Matomo address and the ID of the site to read (see below):",
		De: "Fügen Sie den Token in %s dort ein, wo nach dem Matomo-API-Token (token_auth) gefragt wird, zusammen " +
			"mit der Matomo-Adresse und der ID der Website, die gelesen werden soll (siehe unten):",
	}
	// ChecklistMatomoAddress: the address, a line to copy.
	ChecklistMatomoAddress = &Message{
		En: "Matomo address: %s",
		De: "Matomo-Adresse: %s",
	}
	ChecklistSiteID = &Message{
		En: "The site's ID: in Matomo, open the site to read (choose it in the site selector at the top). " +
			"The address in the browser then holds idSite= and a number, for example idSite=5: that number is the ID. " +
			"If you manage the sites, this page lists every site with its ID:",
		De: "Die ID der Website: Öffnen Sie in Matomo die Website, die gelesen werden soll (wählen Sie sie oben in " +
			"der Website-Auswahl). Die Adresse im Browser enthält dann idSite= und eine Zahl, zum Beispiel idSite=5: " +
			"Diese Zahl ist die ID. Wenn Sie die Websites verwalten, listet diese Seite jede Website mit ihrer ID auf:",
	}
	ChecklistSendBackTitle = &Message{
		En: "Send back the site's ID and the Matomo address, not the token",
		De: "Die ID der Website und die Matomo-Adresse zurückschicken, nicht den Token",
	}
	ChecklistSendBackLines = &Message{
		En: "Reply with these two lines, filled in (correct the address if you log in to Matomo at another one):",
		De: "Antworten Sie mit diesen beiden Zeilen, ausgefüllt (korrigieren Sie die Adresse, falls Sie sich unter " +
			"einer anderen bei Matomo anmelden):",
	}
	// ChecklistSendBackForm: the address; the lines to fill in.
	ChecklistSendBackForm = &Message{
		En: "Matomo address: %s\nSite ID:",
		De: "Matomo-Adresse: %s\nID der Website:",
	}
	// ChecklistTokenStays: the tool.
	ChecklistTokenStays = &Message{
		En: "The token stays with you and in %s.",
		De: "Der Token bleibt bei Ihnen und in %s.",
	}
	ChecklistKeepMatomo3 = &Message{
		En: "Keep the token like a password, for example in a password manager. Matomo 3 shows it again on the same page " +
			"whenever you need it, until the password changes.",
		De: "Bewahren Sie den Token wie ein Passwort auf, zum Beispiel in einem Passwort-Manager. Matomo 3 zeigt ihn " +
			"auf derselben Seite jederzeit wieder an, bis sich das Passwort ändert.",
	}
	ChecklistLeakedMatomo3 = &Message{
		En: "If it was sent by e-mail or chat, or may have been seen by others, change your Matomo password: " +
			"that gives you a new token, and the old one stops working.",
		De: "Wurde er per E-Mail oder Chat verschickt oder könnten andere ihn gesehen haben, ändern Sie Ihr " +
			"Matomo-Passwort: Damit bekommen Sie einen neuen Token, und der alte funktioniert nicht mehr.",
	}
	// ChecklistKeep: where tokens are deleted (Personal → Security).
	ChecklistKeep = &Message{
		En: "Keep the token like a password, for example in a password manager. Matomo shows it only once: " +
			"if it is lost, create a new one and delete the old one under %s.",
		De: "Bewahren Sie den Token wie ein Passwort auf, zum Beispiel in einem Passwort-Manager. Matomo zeigt ihn " +
			"nur einmal an: Geht er verloren, erstellen Sie einen neuen und löschen den alten unter %s.",
	}
	ChecklistLeaked = &Message{
		En: "If it was sent by e-mail or chat, or may have been seen by others, delete it there as well and create a new one.",
		De: "Wurde er per E-Mail oder Chat verschickt oder könnten andere ihn gesehen haben, löschen Sie ihn dort " +
			"ebenfalls und erstellen Sie einen neuen.",
	}

	// The checklist's own errors (steps.ParseFormat, CheckTool, Render).

	// StepsUnknownFormat: the value given.
	StepsUnknownFormat = &Message{
		En: "unknown format %q: use text or markdown",
		De: "unbekanntes Format %q: Verwenden Sie text oder markdown",
	}
	// StepsToolEmpty: the default tool.
	StepsToolEmpty = &Message{
		En: "the tool name is empty: leave --tool out to use %s",
		De: "der Name ist leer: Lassen Sie --tool weg, um %s zu verwenden",
	}
	// StepsToolTooLong: its length, the most allowed.
	StepsToolTooLong = &Message{
		En: "the tool name is %d characters long; keep it to %d, it becomes part of the token's description in Matomo",
		De: "der Name ist %d Zeichen lang; erlaubt sind höchstens %d, denn er wird Teil der Token-Beschreibung in Matomo",
	}
	StepsToolControl = &Message{
		En: "the tool name contains a line break or control character",
		De: "der Name enthält einen Zeilenumbruch oder ein Steuerzeichen",
	}
	StepsToolMarkup = &Message{
		En: "the tool name contains ` < or >, which a token description should not",
		De: "der Name enthält ` < oder >, was nicht in eine Token-Beschreibung gehört",
	}
	StepsNeedsAddress = &Message{
		En: "the checklist needs a Matomo address",
		De: "die Checkliste braucht eine Matomo-Adresse",
	}
)
